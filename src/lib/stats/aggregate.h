/* aggregate: sector and peer-group figures from tidy returns (SPEC §4.3,
 * §6).
 *
 * Values are added one answer at a time (aggregate_add); aggregate_rows
 * then yields, per period in order, the "returns" rows (response counts)
 * and one row per metric (catalogue order) and group (sector, then each
 * peer group by name) that has an answer, with disclosure control
 * (disclose.h) applied to every row. Memory: 16 bytes per value, plus one bit per
 * organisation, metric and period to catch repeated answers. */
#ifndef PLEDGE_AGGREGATE_H
#define PLEDGE_AGGREGATE_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/intmap.h"
#include "../model/catalogue.h"
#include "../model/roster.h"
#include "../model/settings.h"
#include "sort.h"
#include "stat.h"

struct disc_facts;

#define AGG_RETURNS (-1) /* metric index of a "returns" row */
#define AGG_SECTOR (-1)  /* group index of the sector */

/* One organisation's answer. */
struct agg_obs {
	int org;
	double value;
};

struct agg_period;

struct aggregate {
	const struct catalogue *cat;
	const struct roster *roster;
	const char **groups;  /* peer group names, sorted, borrowed */
	size_t ngroups;
	int *org_group;       /* per roster org: its group index */
	struct agg_period **periods;
	size_t nperiods, capperiods;
	struct intmap index;  /* period -> periods[] */
	size_t words;         /* bitset words per organisation */
	struct agg_ranked *ranked; /* scratch: per metric, one quarter's
				      values by size */
	struct agg_row *rows;      /* scratch: one metric's rows, sector
				      first, then each group */
	struct disc_facts *facts;  /* scratch: what disclosure needs of
				      each of rows */
};

void aggregate_init(struct aggregate *a, const struct catalogue *cat,
		    const struct roster *roster);
void aggregate_free(struct aggregate *a);

/* Adds org's answer value to metric for period. Returns 0, or -1 when
 * org already has an answer to it for that period (the value is not
 * added). */
int aggregate_add(struct aggregate *a, int period, int org, int metric,
		  double value);

/* The answers to metric in period, sorted by organisation, or NULL with
 * *n = 0 when there are none. Valid until the next aggregate_add. */
const struct agg_obs *aggregate_answers(struct aggregate *a, int period,
					int metric, size_t *n);

/* org's answer to metric in period, into *value; false when it gave
 * none. */
bool aggregate_answer(struct aggregate *a, int period, int metric, int org,
		      double *value);

/* Calls fn for every row in output order; stops and returns fn's value
 * when it is not 0. */
typedef int agg_row_fn(const struct agg_row *row, void *ctx);
int aggregate_rows(struct aggregate *a, const struct settings *s,
		   agg_row_fn *fn, void *ctx);

/* The figure a metric is summed up by (SPEC §3.2): the total of a
 * count, the rate of an "of which" count or a yes/no, the median of
 * anything else. */
enum agg_stat metric_headline(const struct metric *m);
/* "total", "rate" or "median". */
const char *headline_name(enum agg_stat stat);

/* The name of a row's group: "sector" or "peer:<name>" (into out). */
const char *agg_group_name(const struct aggregate *a, int group, char *out,
			   size_t size);

#endif
