#include "audit.h"
#include "audit_panel.h"
#include "audit_solve.h"
#include "../base/buf.h"
#include "../base/numfmt.h"
#include "../base/xalloc.h"
#include "../base/period.h"
#include "../read/table.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const columns[] = { "period", "metric", "group", "n",
	"sum", "mean", "median", "p25", "p75", "min", "max", "rate", "flag",
	NULL };
enum { C_PERIOD, C_METRIC, C_GROUP, C_N, C_FIRST_STAT, C_FLAG = 12,
       C_COUNT };

static const char *const stat_names[AGG_NSTATS] = { "sum", "mean",
	"median", "p25", "p75", "min", "max", "rate" };

static uint64_t key_of(int period, int metric, int group)
{
	return ((uint64_t)(uint32_t)period << 32) |
	       ((uint64_t)(uint16_t)(metric + 2) << 16) |
	       (uint16_t)(group + 2);
}

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
	r->period = period_parse(f[C_PERIOD]);
	bool returns = !strcmp(f[C_METRIC], "returns");
	r->metric = returns ? AGG_RETURNS : catalogue_find(au->cat,
							   f[C_METRIC]);
	r->group = group_of(au->truth, f[C_GROUP]);
	double n = 0;
	if (r->period == PERIOD_NONE)
		return "period";
	if (!returns && r->metric < 0)
		return "metric (not in the catalogue)";
	if (r->group == -2)
		return "group (not a peer group of the roster)";
	if (figure(f[C_N], &n) < 0 || n < 0)
		return "n";
	r->n = (size_t)n;
	for (int k = 0; k < AGG_NSTATS; k++) {
		if (!f[C_FIRST_STAT + k][0])
			continue;
		if (figure(f[C_FIRST_STAT + k], &r->v[k]) < 0)
			return stat_names[k];
		r->has |= 1u << k;
	}
	r->suppressed = !strcmp(f[C_FLAG], "c");
	uint64_t key = key_of(r->period, r->metric, r->group);
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
	int col[C_COUNT];
	struct table *t = table_open_columns(path, columns, col,
					     "period, metric, group, n and the "
					     "figures", d);
	if (!t)
		return -1;
	free(au->agg_path);
	au->agg_path = xstrdup(t->name);
	struct table_row row;
	enum table_status st;
	int bad = 0;
	while ((st = table_next(t, &row)) == TABLE_ROW) {
		char *f[C_COUNT];
		for (int k = 0; k < C_COUNT; k++)
			f[k] = row.f[col[k]];
		const char *what = read_row(au, f, row.line);
		if (what) {
			diag_add(d, SEV_ERROR, t->name, row.line, NULL,
				 f[C_METRIC], "bad-aggregate",
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
	long i = intmap_get(&au->index, key_of(period, metric, group));
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

/* The values of group's answers to metric in period, sorted, into a new
 * array; returns how many. */
static size_t group_values(struct audit *au, int period, int metric,
			   int group, double **out)
{
	size_t n, k = 0;
	const struct agg_obs *o = aggregate_answers(au->truth, period, metric,
						    &n);
	double *x = xcalloc(n ? n : 1, sizeof(double));
	for (size_t i = 0; i < n; i++)
		if (group == AGG_SECTOR ||
		    au->truth->org_group[o[i].org] == group)
			x[k++] = o[i].value;
	for (size_t i = 1; i < k; i++)
		for (size_t j = i; j > 0 && x[j - 1] > x[j]; j--) {
			double t = x[j];
			x[j] = x[j - 1];
			x[j - 1] = t;
		}
	*out = x;
	return k;
}

/* "the peer:small WHAT of staff_carers in 2026-Q1" into out. */
static const char *cell_name(const struct audit *au, const struct agg_row *r,
			     const char *what, char *out, size_t size)
{
	char g[256], p[PERIOD_TEXT];
	agg_group_name(au->truth, r->group, g, sizeof(g));
	period_format(r->period, p);
	snprintf(out, size, "the %s %s of %s in %s", g, what,
		 au->cat->metrics[r->metric].id, p);
	return out;
}

static void list_stats(const struct agg_row *r, unsigned mask, struct buf *b)
{
	char num[NUM_TEXT];
	for (int k = 0; k < AGG_NSTATS; k++)
		if (r->has & mask & 1u << k)
			buf_addf(b, "%s%s %s", b->len ? ", " : "",
				 stat_names[k], num_plain(r->v[k], num));
}

/* Returns true when the row is about too few organisations (reported),
 * so nothing else need be said of it. */
static bool few_and_extremes(struct audit *au, const struct audit_row *row,
			     const double *x, size_t n, struct diags *d)
{
	const struct agg_row *r = &row->r;
	const char *id = au->cat->metrics[r->metric].id;
	char cell[512], num[NUM_TEXT];
	if (r->has && (long)n < au->s->min_orgs) {
		struct buf b = BUF_INIT;
		list_stats(r, ~0u, &b);
		audit_report(au, d, au->agg_path, row->line, id, "few-orgs",
			     "%s (%s) are about %zu organisation%s: each can "
			     "take its own figure away and read the others'",
			     cell_name(au, r, "figures", cell, sizeof(cell)),
			     b.s, n, n == 1 ? "" : "s");
		buf_free(&b);
		return true;
	}
	for (int k = AGG_MIN; k <= AGG_MAX; k++)
		if (r->has & 1u << k && n)
			audit_report(au, d, au->agg_path, row->line, id,
				     "min-max", "%s is published: one "
				     "organisation's figure, %s",
				     cell_name(au, r, stat_names[k], cell,
					       sizeof(cell)),
				     num_plain(k == AGG_MIN ? x[0] : x[n - 1],
					       num));
	return false;
}

static void inversion(struct audit *au, const struct audit_row *row,
		      const double *x, size_t n, struct diags *d)
{
	const struct agg_row *r = &row->r;
	const struct metric *m = &au->cat->metrics[r->metric];
	unsigned use = r->has & ~(1u << AGG_MIN | 1u << AGG_MAX);
	bool whole = m->kind == KIND_COUNT || m->kind == KIND_YESNO;
	unsigned pinned = solve_pinned(x, n, use, m->kind == KIND_YESNO,
				       whole);
	if (!pinned)
		return;
	struct buf stats = BUF_INIT, vals = BUF_INIT;
	char cell[512], num[NUM_TEXT];
	list_stats(r, use, &stats);
	size_t count = 0;
	for (size_t k = 0; k < n; k++)
		if (pinned & 1u << k) {
			buf_addf(&vals, "%s%s", vals.len ? ", " : "",
				 num_plain(x[k], num));
			count++;
		}
	audit_report(au, d, au->agg_path, row->line, m->id, "small-group",
		     "%s (n %zu, %s) give away %zu of the %zu organisations' "
		     "values: %s", cell_name(au, r, "figures", cell,
					      sizeof(cell)),
		     n, stats.s, count, n, vals.s);
	buf_free(&stats);
	buf_free(&vals);
}

/* The sum of group's answers to child over those that answered its
 * parent too: the count of people behind a rate. */
static double child_total(struct audit *au, int period, int child,
			  int parent, int group)
{
	size_t n;
	const struct agg_obs *o = aggregate_answers(au->truth, period, child,
						    &n);
	double total = 0, pv;
	for (size_t i = 0; i < n; i++)
		if ((group == AGG_SECTOR ||
		     au->truth->org_group[o[i].org] == group) &&
		    aggregate_answer(au->truth, period, parent, o[i].org, &pv))
			total += o[i].value;
	return total;
}

static bool small(const struct audit *au, double v)
{
	return v > 0 && v < au->s->small_below;
}

static void small_counts(struct audit *au, const struct audit_row *row,
			 struct diags *d)
{
	const struct agg_row *r = &row->r;
	const struct metric *m = &au->cat->metrics[r->metric];
	char cell[512], num[NUM_TEXT];
	static const enum agg_stat direct[] = { AGG_SUM, AGG_MEDIAN, AGG_P25,
						AGG_P75 };
	for (size_t i = 0; i < sizeof(direct) / sizeof(direct[0]); i++) {
		double v;
		if (audit_figure(row, direct[i], &v) && small(au, v))
			audit_report(au, d, au->agg_path, row->line, m->id,
				     "small-count", "%s is a count of people "
				     "below %g: %s",
				     cell_name(au, r, stat_names[direct[i]],
					       cell, sizeof(cell)),
				     au->s->small_below, num_plain(v, num));
	}
	double total, child;
	if (m->parent < 0 || !(r->has & 1u << AGG_RATE) ||
	    !audit_figure(audit_find(au, r->period, m->parent, r->group),
			  AGG_SUM, &total))
		return;
	child = child_total(au, r->period, r->metric, m->parent, r->group);
	if (small(au, child) && fabs(r->v[AGG_RATE] * total / 100 - child) < 0.5)
		audit_report(au, d, au->agg_path, row->line, m->id,
			     "rate-times-total", "%s times the published "
			     "total of %s gives the count of people behind "
			     "it, below %g: %s",
			     cell_name(au, r, "rate", cell, sizeof(cell)),
			     au->cat->metrics[m->parent].id,
			     au->s->small_below, num_plain(child, num));
}

static void attack_row(struct audit *au, const struct audit_row *row,
		       struct diags *d)
{
	const struct agg_row *r = &row->r;
	if (r->metric < 0)
		return;
	double *x;
	size_t n = group_values(au, r->period, r->metric, r->group, &x);
	if (n != r->n) {
		char cell[512];
		diag_add(d, SEV_ERROR, au->agg_path, row->line, NULL,
			 au->cat->metrics[r->metric].id, "not-the-returns",
			 "%s are about %zu organisations, but the returns given "
			 "have %zu answers: audit with the returns these "
			 "aggregates were made from",
			 cell_name(au, r, "figures", cell, sizeof(cell)),
			 r->n, n);
	} else if (!few_and_extremes(au, row, x, n, d))
		inversion(au, row, x, n, d);
	if (au->cat->metrics[r->metric].sensitive)
		small_counts(au, row, d);
	free(x);
}

struct group_sums {
	double *sum;      /* per peer group: the true total */
	size_t *n;        /* per peer group: answers */
	size_t loose;     /* answers from organisations in no peer group */
};

static void true_sums(struct audit *au, int period, int metric,
		      struct group_sums *g)
{
	size_t n;
	const struct agg_obs *o = aggregate_answers(au->truth, period, metric,
						    &n);
	for (size_t i = 0; i < n; i++) {
		int k = au->truth->org_group[o[i].org];
		if (k == AGG_SECTOR) {
			g->loose++;
			continue;
		}
		g->sum[k] += o[i].value;
		g->n[k]++;
	}
}

static bool same(const struct metric *m, double got, double truth)
{
	if (m->kind == KIND_COUNT || m->kind == KIND_YESNO)
		return fabs(got - truth) < 0.5;
	return fabs(got - truth) <= 1e-4 * fmax(1, fabs(truth));
}

/* The sector's sum against its peer groups' for one sector row. */
static void sector_against_groups(struct audit *au, const struct audit_row *sec,
				  struct group_sums *g, struct diags *d)
{
	const struct agg_row *r = &sec->r;
	const struct metric *m = &au->cat->metrics[r->metric];
	double known = 0, sector, v;
	size_t unknown = 0;
	int which = -1;
	for (size_t k = 0; k < au->truth->ngroups; k++) {
		if (!g->n[k])
			continue;
		if (audit_figure(audit_find(au, r->period, r->metric, (int)k),
				 AGG_SUM, &v))
			known += v;
		else
			unknown++, which = (int)k;
	}
	char cell[512], num[NUM_TEXT];
	bool has_sector = audit_figure(sec, AGG_SUM, &sector);
	if (g->loose || (has_sector ? unknown != 1 : unknown != 0))
		return;
	if (!has_sector) {
		audit_report(au, d, au->agg_path, sec->line, m->id,
			     "sector-minus-groups", "%s (withheld) is the sum "
			     "of its peer groups': %s",
			     cell_name(au, r, "sum", cell, sizeof(cell)),
			     num_plain(known, num));
		return;
	}
	if (!same(m, sector - known, g->sum[which]))
		return;
	const struct audit_row *w = audit_find(au, r->period, r->metric, which);
	struct agg_row named = *r;
	named.group = which;
	audit_report(au, d, au->agg_path, w ? w->line : sec->line, m->id,
		     "sector-minus-groups", "%s (withheld) is the sector's "
		     "minus the other groups': %s",
		     cell_name(au, &named, "sum", cell, sizeof(cell)),
		     num_plain(g->sum[which], num));
}

static void attack_groups(struct audit *au, const struct audit_row *sec,
			  struct diags *d)
{
	if (sec->r.metric < 0 || sec->r.group != AGG_SECTOR)
		return;
	size_t ng = au->truth->ngroups ? au->truth->ngroups : 1;
	struct group_sums g = { xcalloc(ng, sizeof(double)),
				xcalloc(ng, sizeof(size_t)), 0 };
	true_sums(au, sec->r.period, sec->r.metric, &g);
	sector_against_groups(au, sec, &g, d);
	free(g.sum);
	free(g.n);
}

size_t audit_run(struct audit *au, struct diags *d)
{
	au->found = 0;
	for (size_t i = 0; i < au->len; i++) {
		attack_row(au, &au->rows[i], d);
		attack_groups(au, &au->rows[i], d);
	}
	audit_panels(au, d);
	return au->found;
}
