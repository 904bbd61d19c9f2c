/* audit_set: the two sides the disclosure audit holds. */
#include "audit_set.h"
#include "../base/xalloc.h"
#include "../base/period.h"
#include "../read/table.h"
#include "aggin.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void audit_init(struct audit *au, struct aggregate *truth,
		const struct settings *s)
{
	memset(au, 0, sizeof(*au));
	au->truth = truth;
	au->cat = truth->cat;
	au->s = s;
	intmap_init(&au->index);
	audit_texts_init(&au->texts);
}

void audit_free(struct audit *au)
{
	free(au->agg_path);
	free(au->rows);
	intmap_free(&au->index);
	audit_texts_free(&au->texts);
	memset(au, 0, sizeof(*au));
}

void audit_report(struct audit *au, struct diags *d, const char *file,
		  long line, const char *metric, const char *code,
		  const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_add(d, SEV_ERROR, file, line, NULL, metric, code, "%s", msg);
	au->found++;
}

static int group_of(const struct aggregate *a, const char *name)
{
	if (!strcmp(name, "sector"))
		return AGG_SECTOR;
	if (strncmp(name, "peer:", 5))
		return -2;
	for (size_t i = 0; i < a->ngroups; i++)
		if (!strcmp(a->groups[i], name + 5))
			return (int)i;
	return -2;
}

static int figure(const char *s, double *v)
{
	char *end;
	*v = strtod(s, &end);
	return end == s || *end || !isfinite(*v) ? -1 : 0;
}

/* One row of aggregates.csv into au; the name of what is wrong, or NULL. */
static const char *read_row(struct audit *au, char **f, long line)
{
	struct audit_row row = { .line = line };
	struct agg_row *r = &row.r;
	r->period = period_parse(f[AGGIN_PERIOD]);
	bool returns = !strcmp(f[AGGIN_METRIC], "returns");
	r->metric = returns ? AGG_RETURNS : catalogue_find(au->cat,
							   f[AGGIN_METRIC]);
	r->group = group_of(au->truth, f[AGGIN_GROUP]);
	double n = 0;
	if (r->period == PERIOD_NONE)
		return "period";
	if (!returns && r->metric < 0)
		return "metric (not in the catalogue)";
	if (r->group == -2)
		return "group (not a peer group of the roster)";
	if (figure(f[AGGIN_N], &n) < 0 || n < 0)
		return "n";
	r->n = (size_t)n;
	for (int k = 0; k < AGG_NSTATS; k++) {
		if (!f[AGGIN_FIRST_STAT + k][0])
			continue;
		if (figure(f[AGGIN_FIRST_STAT + k], &r->v[k]) < 0)
			return stat_table[k].column;
		r->has |= 1u << k;
	}
	r->suppressed = !strcmp(f[AGGIN_FLAG], "c");
	uint64_t key = aggin_key(r->period, r->metric, r->group);
	if (intmap_get(&au->index, key) >= 0)
		return "period, metric and group (already on an earlier row)";
	GROW(au->rows, au->cap, au->len + 1);
	intmap_put(&au->index, key, au->len);
	au->rows[au->len++] = row;
	return NULL;
}

int audit_read_aggregates(struct audit *au, const char *path,
			  struct diags *d)
{
	int col[AGGIN_COLUMNS];
	struct table *t = aggin_open(path, col, d);
	if (!t)
		return -1;
	free(au->agg_path);
	au->agg_path = xstrdup(t->name);
	struct table_row row;
	enum table_status st;
	int bad = 0;
	while ((st = table_next(t, &row)) == TABLE_ROW) {
		char *f[AGGIN_COLUMNS];
		for (int k = 0; k < AGGIN_COLUMNS; k++)
			f[k] = row.f[col[k]];
		const char *what = read_row(au, f, row.line);
		if (what) {
			diag_add(d, SEV_ERROR, t->name, row.line, NULL,
				 f[AGGIN_METRIC], "bad-aggregate",
				 "the %s on this row cannot be read, so the "
				 "file cannot be audited", what);
			bad = 1;
		}
	}
	table_close(t);
	return st == TABLE_FAIL || bad ? -1 : 0;
}

int audit_read_readings(struct audit *au, const char *path,
			struct diags *d)
{
	return audit_texts_read_readings(&au->texts, path, au->cat, d);
}

int audit_read_text(struct audit *au, const char *path, struct diags *d)
{
	return audit_texts_read(&au->texts, path, d);
}

const struct audit_row *audit_find(const struct audit *au, int period,
				   int metric, int group)
{
	long i = intmap_get(&au->index, aggin_key(period, metric, group));
	return i < 0 ? NULL : &au->rows[i];
}

bool audit_figure(const struct audit_row *row, enum agg_stat stat,
		  double *v)
{
	if (!row)
		return false;
	if (row->r.has & 1u << stat) {
		*v = row->r.v[stat];
		return true;
	}
	if (stat == AGG_SUM && (row->r.has & 1u << AGG_MEAN)) {
		*v = row->r.v[AGG_MEAN] * (double)row->r.n;
		return true;
	}
	return false;
}
