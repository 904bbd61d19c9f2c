#include "audit_panel.h"
#include "../base/numfmt.h"
#include "../base/period.h"

#include <math.h>
#include <stdio.h>

struct side {
	int period;         /* the quarter whose total it stands beside */
	double panel;       /* the panel's total in that quarter */
	double total;       /* everyone's total in that quarter */
	size_t n;           /* everyone who answered that quarter */
};

struct panel {
	int metric, from, to;
	size_t n;           /* organisations in both quarters */
	struct side side[2]; /* from, to */
};

/* Whether v is a figure aggregates.csv publishes for metric anyway, so
 * finding it in a text says nothing about the panel. */
static bool published_anyway(const struct audit *au, int metric, double v)
{
	for (size_t i = 0; i < au->len; i++) {
		const struct agg_row *r = &au->rows[i].r;
		if (r->metric != metric)
			continue;
		for (int k = 0; k < AGG_NSTATS; k++)
			if (r->has & 1u << k && fabs(r->v[k] - v) < 0.5)
				return true;
	}
	return false;
}

static void work_out(struct audit *au, struct panel *p)
{
	size_t n[2];
	const struct agg_obs *o[2];
	o[0] = aggregate_answers(au->truth, p->from, p->metric, &n[0]);
	o[1] = aggregate_answers(au->truth, p->to, p->metric, &n[1]);
	for (int k = 0; k < 2; k++) {
		p->side[k].period = k ? p->to : p->from;
		p->side[k].n = n[k];
		for (size_t i = 0; i < n[k]; i++)
			p->side[k].total += o[k][i].value;
	}
	/* both lists are sorted by organisation */
	for (size_t i = 0, j = 0; i < n[0] && j < n[1];) {
		if (o[0][i].org < o[1][j].org) {
			i++;
		} else if (o[0][i].org > o[1][j].org) {
			j++;
		} else {
			p->side[0].panel += o[0][i++].value;
			p->side[1].panel += o[1][j++].value;
			p->n++;
		}
	}
}

static void report(struct audit *au, const struct panel *p,
		   const struct side *s, const struct audit_unit *u, long line,
		   struct diags *d)
{
	char from[PERIOD_TEXT], to[PERIOD_TEXT], at[PERIOD_TEXT];
	char v[NUM_TEXT], t[NUM_TEXT], rest[NUM_TEXT];
	period_format(p->from, from);
	period_format(p->to, to);
	period_format(s->period, at);
	const char *id = au->cat->metrics[p->metric].id;
	audit_report(au, d, u->file, line, id, "panel-beside-total",
		     "the like-for-like total of %s in %s over the %zu that "
		     "answered in both %s and %s, %s, is printed while the "
		     "quarter's total of %s across %zu is published: the "
		     "other %zu total %s", id, at, p->n, from, to,
		     num_plain(s->panel, v), num_plain(s->total, t), s->n,
		     s->n - p->n, num_plain(s->total - s->panel, rest));
}

static void find_in_texts(struct audit *au, const struct panel *p,
			  const struct side *s, struct diags *d)
{
	const struct metric *m = &au->cat->metrics[p->metric];
	if (published_anyway(au, p->metric, s->panel))
		return;
	for (size_t i = 0; i < au->texts.len; i++) {
		const struct audit_unit *u = &au->texts.u[i];
		if (!audit_unit_about(u, m, p->metric))
			continue;
		for (size_t k = 0; k < u->nnums; k++)
			if (!u->nums[k].percent &&
			    fabs(u->nums[k].v - s->panel) < 0.5) {
				report(au, p, s, u, u->nums[k].line, d);
				break;
			}
	}
}

static void try_panel(struct audit *au, int metric, int from, int to,
		      struct diags *d)
{
	struct panel p = { .metric = metric, .from = from, .to = to };
	work_out(au, &p);
	for (int k = 0; k < 2; k++) {
		const struct side *s = &p.side[k];
		double published;
		if (p.n == 0 || p.n == s->n ||
		    !audit_figure(audit_find(au, s->period, metric,
					     AGG_SECTOR), AGG_SUM, &published))
			continue;
		find_in_texts(au, &p, s, d);
	}
}

void audit_panels(struct audit *au, struct diags *d)
{
	if (!au->texts.len)
		return;
	for (size_t i = 0; i < au->len; i++) {
		const struct agg_row *r = &au->rows[i].r;
		if (r->metric < 0 || r->group != AGG_SECTOR)
			continue;
		const struct metric *m = &au->cat->metrics[r->metric];
		if (m->kind != KIND_COUNT || m->parent >= 0)
			continue;
		try_panel(au, r->metric, r->period - 1, r->period, d);
		try_panel(au, r->metric, r->period - 4, r->period, d);
	}
}
