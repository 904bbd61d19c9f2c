/* returns: the answers of each organisation for each quarter, and the
 * rules that hold within and between returns (SPEC §5).
 *
 * A return is one organisation's answers for one quarter from one file.
 * Ingest collects a file's returns in a batch, checks each
 * (returns_check), then moves them into the set of all returns
 * (returns_merge), which resolves the same return sent twice. */
#ifndef PLEDGE_RETURNS_H
#define PLEDGE_RETURNS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/arena.h"
#include "../base/intmap.h"
#include "catalogue.h"
#include "../base/diag.h"
#include "roster.h"

struct entry {
	int metric;          /* catalogue index */
	int32_t line;        /* lines of a file under the 2 GiB cap fit */
	const char *value;   /* canonical text; NULL when the answer was
				refused (kept so repeats are still seen) */
	const char *note;    /* "" when none */
};

struct ret {
	int org;             /* roster index */
	int period;
	const char *file;
	long line;           /* first row of this return in file */
	struct entry *e;     /* in the arena, until it outgrows what */
	size_t n, cap;       /* the returns expect (then malloc'd) */
	bool e_malloced;
	bool rejected;       /* refused as a conflicting duplicate */
	bool refused;        /* its file could not be read as a return */
};

struct returns {
	struct ret **items;
	size_t len, cap;
	struct intmap index; /* (org, period) -> item */
	struct arena *arena; /* owns every string and return; shared by
				batches */
	size_t expect;       /* answers a return is made room for at once
				(0: it grows as they come) */
};

void returns_init(struct returns *rs, struct arena *arena);
/* Frees the returns (not the arena). */
void returns_free(struct returns *rs);

/* The return of org for period in rs, created (from file at line) when
 * there is none yet. */
struct ret *returns_get(struct returns *rs, int org, int period,
			const char *file, long line);

/* A new return of org for period in rs, which has none yet. */
struct ret *returns_new(struct returns *rs, int org, int period,
			const char *file, long line);

/* The return of org for period, or NULL. */
struct ret *returns_find(const struct returns *rs, int org, int period);

/* Adds one answer; value NULL records a refused answer. Strings are
 * copied into the arena. */
void ret_add(struct returns *rs, struct ret *r, int metric, long line,
	     const char *value, const char *note);

/* Applies the rules within each return of a batch: a metric answered
 * twice refuses every answer to it ("duplicate-metric"); a count larger
 * than the count it is part of refuses both ("exceeds-parent"). Leaves
 * each return's answers sorted in catalogue order. */
void returns_check(struct returns *batch, const struct catalogue *cat,
		   const struct roster *roster, struct diags *d);

/* Moves the returns of batch into all. The same return from another
 * file: identical, one is kept ("identical-return" warning); different,
 * both are refused ("duplicate-return"). A return from a refused file
 * gives way to a readable one. Leaves batch empty. */
void returns_merge(struct returns *all, struct returns *batch,
		   const struct roster *roster, struct diags *d);

/* Sorts all by period, then org_id. */
void returns_sort(struct returns *all, const struct roster *roster);

/* Number of answers accepted in r (0 when r is rejected or refused). */
size_t ret_accepted(const struct ret *r);

#endif
