#include "aggin.h"
#include "../read/table.h"
#include "../base/xalloc.h"
#include "../base/period.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct table *aggin_open(const char *path, int col[AGGIN_COLUMNS],
			 struct diags *d)
{
	static const char *const head[] = { "period", "metric", "group", "n" };
	const char *names[AGGIN_COLUMNS + 1];
	for (int i = 0; i < AGGIN_FIRST_STAT; i++)
		names[i] = head[i];
	for (int k = 0; k < AGG_NSTATS; k++)
		names[AGGIN_FIRST_STAT + k] = stat_table[k].column;
	names[AGGIN_FLAG] = "flag";
	names[AGGIN_COLUMNS] = NULL;
	return table_open_columns(path, names, col,
				  "period, metric, group, n and the figures",
				  d);
}

uint64_t aggin_key(int period, int metric, int group)
{
	return ((uint64_t)(uint32_t)period << 32) |
	       ((uint64_t)(uint16_t)(metric + 2) << 16) |
	       (uint16_t)(group + 2);
}

static int group_index(struct aggin *in, const char *name)
{
	if (!strcmp(name, "sector"))
		return AGG_SECTOR;
	if (strncmp(name, "peer:", 5))
		return -2;
	for (size_t i = 0; i < in->ngroups; i++)
		if (!strcmp(in->groups[i], name + 5))
			return (int)i;
	in->groups = xreallocarray(in->groups, in->ngroups + 1, sizeof(char *));
	in->groups[in->ngroups] = xstrdup(name + 5);
	return (int)in->ngroups++;
}

/* A figure as pledge-aggregate writes it: plain decimal notation, with as
 * many digits as it needs (a tiny rate has many after the point). */
static int number(const char *s, double *v)
{
	size_t digits = strspn(s + (*s == '-'), "0123456789.");
	if (!digits || s[(*s == '-') + digits] || strchr(s, '.') != strrchr(s, '.'))
		return -1;
	char *end;
	*v = strtod(s, &end);
	return *end || !isfinite(*v) ? -1 : 0;
}

static void read_row(struct aggin *in, const struct catalogue *cat,
		     struct table *t, char **f, long line, struct diags *d)
{
	struct agg_row row = { 0 };
	row.period = period_parse(f[AGGIN_PERIOD]);
	int returns = !strcmp(f[AGGIN_METRIC], "returns");
	row.metric = returns ? AGG_RETURNS
			     : catalogue_find(cat, f[AGGIN_METRIC]);
	row.group = group_index(in, f[AGGIN_GROUP]);
	double n = 0;
	const char *bad = row.period == PERIOD_NONE ? "period"
			  : !returns && row.metric < 0 ? "metric"
			  : row.group == -2 ? "group"
			  : number(f[AGGIN_N], &n) < 0 ? "n" : NULL;
	for (int k = 0; !bad && k < AGG_NSTATS; k++) {
		const char *cell = f[AGGIN_FIRST_STAT + k];
		if (!cell[0])
			continue;
		if (number(cell, &row.v[k]) < 0)
			bad = stat_table[k].column;
		row.has |= 1u << k;
	}
	if (bad) {
		diag_add(d, SEV_ERROR, t->name, line, NULL, f[AGGIN_METRIC],
			 "bad-aggregate", "the %s on this row cannot be read; "
			 "row skipped", bad);
		return;
	}
	row.n = (size_t)n;
	row.suppressed = !strcmp(f[AGGIN_FLAG], "c");
	if (aggin_add(in, &row) < 0)
		diag_add(d, SEV_ERROR, t->name, line, NULL, f[AGGIN_METRIC],
			 "bad-aggregate", "this period, metric and group "
			 "appear twice; row skipped");
}

int aggin_add(struct aggin *in, const struct agg_row *row)
{
	uint64_t key = aggin_key(row->period, row->metric, row->group);
	if (intmap_get(&in->index, key) >= 0)
		return -1;
	GROW(in->rows, in->cap, in->len + 1);
	intmap_put(&in->index, key, in->len);
	in->rows[in->len++] = *row;
	if (in->first == PERIOD_NONE || row->period < in->first)
		in->first = row->period;
	if (row->period > in->last)
		in->last = row->period;
	return 0;
}

int aggin_read(struct aggin *in, const char *path, const struct catalogue *cat,
	       struct diags *d)
{
	memset(in, 0, sizeof(*in));
	intmap_init(&in->index);
	in->first = in->last = PERIOD_NONE;
	int col[AGGIN_COLUMNS];
	struct table *t = aggin_open(path, col, d);
	if (!t)
		return -1;
	struct table_row row;
	enum table_status st;
	while ((st = table_next(t, &row)) == TABLE_ROW) {
		char *f[AGGIN_COLUMNS];
		for (int k = 0; k < AGGIN_COLUMNS; k++)
			f[k] = row.f[col[k]];
		read_row(in, cat, t, f, row.line, d);
	}
	table_close(t);
	return st == TABLE_FAIL ? -1 : 0;
}

void aggin_free(struct aggin *in)
{
	for (size_t i = 0; i < in->ngroups; i++)
		free(in->groups[i]);
	free(in->groups);
	free(in->rows);
	intmap_free(&in->index);
	memset(in, 0, sizeof(*in));
}

const struct agg_row *aggin_find(const struct aggin *in, int period,
				 int metric, int group)
{
	long i = intmap_get(&in->index, aggin_key(period, metric, group));
	return i < 0 ? NULL : &in->rows[i];
}
