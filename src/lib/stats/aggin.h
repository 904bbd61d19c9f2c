/* aggin: an aggregates CSV (pledge-aggregate's output) read back, for
 * charts and reports. */
#ifndef PLEDGE_AGGIN_H
#define PLEDGE_AGGIN_H

#include "../base/intmap.h"
#include "../model/catalogue.h"
#include "../base/diag.h"
#include "aggregate.h"

struct aggin {
	struct agg_row *rows;
	size_t len, cap;
	char **groups;        /* peer group names, in the order first seen */
	size_t ngroups;
	int first, last;      /* the earliest and latest period, or
				 PERIOD_NONE when there are no rows */
	struct intmap index;  /* (period, metric, group) -> row */
};

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
