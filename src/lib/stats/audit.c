/* audit: the attacks of the disclosure audit, run over the published set. */
#include "audit.h"
#include "audit_panel.h"
#include "audit_solve.h"
#include "../base/buf.h"
#include "../base/numfmt.h"
#include "../base/xalloc.h"
#include "../base/period.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
				 stat_table[k].column, num_plain(r->v[k], num));
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
				     cell_name(au, r, stat_table[k].column,
					       cell, sizeof(cell)),
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
				     cell_name(au, r,
					       stat_table[direct[i]].column,
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
