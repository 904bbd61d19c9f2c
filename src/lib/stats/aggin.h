/* aggin: an aggregates CSV (pledge-aggregate's output) read back, for
 * charts and reports. */
#ifndef PLEDGE_AGGIN_H
#define PLEDGE_AGGIN_H

#include "../base/intmap.h"
#include "../model/catalogue.h"
#include "../base/diag.h"
#include "aggregate.h"

#include <stdint.h>

struct aggin {
	struct agg_row *rows;
	size_t len, cap;
	char **groups;        /* peer group names, in the order first seen */
	size_t ngroups;
	int first, last;      /* the earliest and latest period, or
				 PERIOD_NONE when there are no rows */
	struct intmap index;  /* (period, metric, group) -> row */
};

/* The columns of an aggregates file that are read: these, a column per
 * statistic of stat_table (in its order), and the flag. */
enum aggin_column { AGGIN_PERIOD, AGGIN_METRIC, AGGIN_GROUP, AGGIN_N,
		    AGGIN_FIRST_STAT,
		    AGGIN_FLAG = AGGIN_FIRST_STAT + AGG_NSTATS, AGGIN_COLUMNS };

struct table;

/* Opens path ("-" for standard input) as aggregates: finds those
 * columns, their places in col; NULL, with the reason added to d, when
 * it cannot be read or lacks one. */
struct table *aggin_open(const char *path, int col[AGGIN_COLUMNS],
			 struct diags *d);

/* The one key of a (period, metric, group) row, for an intmap. */
uint64_t aggin_key(int period, int metric, int group);

/* Reads path ("-" for standard input). Rows naming a metric the
 * catalogue does not have, or with a figure that is not a number, are
 * errors and are skipped. Returns 0, or -1 when the file cannot be read
 * as aggregates at all. */
int aggin_read(struct aggin *in, const char *path, const struct catalogue *cat,
	       struct diags *d);
void aggin_free(struct aggin *in);

/* Adds a row (as read, or made by a caller); -1 when a row for the same
 * period, metric and group is already there. */
int aggin_add(struct aggin *in, const struct agg_row *row);

/* The row for period, metric (AGG_RETURNS for response counts) and
 * group (AGG_SECTOR or a groups index), or NULL. */
const struct agg_row *aggin_find(const struct aggin *in, int period,
				 int metric, int group);

#endif
