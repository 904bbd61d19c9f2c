/* levels: the federation's commitment levels per pledge area
 * (templates/levels.csv, SPEC §3.5).
 *
 * Columns: area,level,rank,metric,test,value,quarters. Each row is one
 * condition of one level of one area. A level is reached when every
 * condition of it and of every lower rank of its area holds. Tests:
 *
 *   yes     a yes/no metric answered yes (value empty)
 *   >=      a count, number, percent or money answer at least value
 *   <=      the same, at most value
 *   rate>=  an "of which" count as a percentage of its parent (answered
 *           in the same return, the parent above 0) at least value
 *
 * quarters N (1 to LEVELS_MAX_QUARTERS) asks for the test to hold in
 * each of the organisation's returns for the last N quarters up to the
 * one judged; empty means that quarter only. A quarter with no answer
 * fails the condition.
 *
 * Levels of an area are listed from rank 1 upwards with no gaps; the
 * rows of one rank share its level name. Adding a level or a condition
 * needs no change to the code. */
#ifndef PLEDGE_LEVELS_H
#define PLEDGE_LEVELS_H

#include <stddef.h>

#include "catalogue.h"
#include "../base/diag.h"

#define LEVELS_MAX_QUARTERS 40

enum level_test { TEST_YES, TEST_AT_LEAST, TEST_AT_MOST, TEST_RATE_AT_LEAST };

struct level_cond {
	int metric;          /* catalogue index */
	enum level_test test;
	double value;        /* 0 for yes */
	int quarters;        /* 1 = the quarter judged only */
	long line;           /* in the levels file */
};

struct level {
	char *name;
	struct level_cond *conds;
	size_t nconds, cap;
};

struct level_area {
	char *area;          /* as in the catalogue */
	struct level *levels; /* levels[k] has rank k + 1 */
	size_t nlevels, cap;
};

struct levels {
	struct level_area *areas; /* catalogue order; only areas with rules */
	size_t nareas;
	int history;         /* the most quarters any condition looks at
				(0 when there are no rules) */
};

/* Loads and checks path against cat. A file that does not exist means
 * no levels: returns 0 with lv empty and nothing added. Every problem is
 * an error naming the file and line (unknown area or metric, a metric of
 * another area, an unknown test or one that does not fit the metric's
 * kind, a bad value or quarters, ranks out of order or with a gap, two
 * names for one rank); then returns -1 with lv empty. */
int levels_load(struct levels *lv, const char *path,
		const struct catalogue *cat, struct diags *d);
void levels_free(struct levels *lv);

/* The test's name as written in the file: "yes", ">=", "<=", "rate>=". */
const char *level_test_name(enum level_test test);

#endif
