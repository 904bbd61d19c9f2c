#include "points.h"
#include "figures.h"
#include "../base/buf.h"
#include "../base/period.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void add(char **out, size_t max, size_t *n, struct buf *b)
{
	if (*n < max && b->len)
		out[(*n)++] = buf_detach(b);
	buf_reset(b);
}

static void response(const struct chart_input *in, struct buf *b)
{
	const struct agg_row *r = aggin_find(in->agg, in->period, AGG_RETURNS,
					     AGG_SECTOR);
	char v[NUMTEXT], p[PERIOD_TEXT];
	if (!r || !(r->v[AGG_SUM] > 0))
		return;
	buf_addf(b, "%zu of the %.0f signatories that owed a return for %s "
		 "sent one: a response rate of %s.", r->n, r->v[AGG_SUM],
		 period_format(in->period, p),
		 numtext(100.0 * (double)r->n / r->v[AGG_SUM], KIND_PERCENT,
			 FIGURE_RATE, v));
}

/* How big a change is beside the figure it changes, to rank changes of
 * different kinds: a total's percentage as it is, anything else as a
 * share of the published figure. */
static double size_of(const struct metric_line *l)
{
	if (l->quarter.percent)
		return fabs(l->quarter.change);
	double base = fabs(l->headline.v);
	return base > 0 ? 100 * fabs(l->quarter.change) / base : 0;
}

/* The metric whose like-for-like change on the quarter is the largest
 * of the given sense (+1 better, -1 worse), not in taken; -1 if none. */
static int biggest(const struct chart_input *in, int sense, const int *taken,
		   size_t ntaken)
{
	int best = -1;
	double most = 0;
	for (size_t m = 0; m < in->cat->len; m++) {
		struct metric_line l;
		figures_line(in, (int)m, AGG_SECTOR, &l);
		const struct metric *x = &in->cat->metrics[m];
		bool seen = false;
		for (size_t k = 0; k < ntaken; k++)
			seen |= taken[k] == (int)m;
		if (seen || !l.headline.has ||
		    change_sense(x, l.stat, &l.quarter) != sense)
			continue;
		double s = size_of(&l);
		if (best < 0 || s > most) {
			best = (int)m;
			most = s;
		}
	}
	return best;
}

static void change_point(const struct chart_input *in, int metric,
			 const char *lead, struct buf *b)
{
	const struct metric *m = &in->cat->metrics[metric];
	struct metric_line l;
	figures_line(in, metric, AGG_SECTOR, &l);
	char w[64];
	change_words(m, l.stat, &l.quarter, w, sizeof(w));
	buf_addf(b, "%s: %s, %s on the quarter among the %zu associations "
		 "that answered both quarters.", lead, m->label, w,
		 l.quarter.n);
}

/* The yes/no commitments most and least met this quarter. */
static void commitments(const struct chart_input *in, struct buf *b)
{
	int hi = -1, lo = -1;
	struct metric_line best, worst;
	for (size_t m = 0; m < in->cat->len; m++) {
		if (in->cat->metrics[m].kind != KIND_YESNO)
			continue;
		struct metric_line l;
		figures_line(in, (int)m, AGG_SECTOR, &l);
		if (!l.headline.has)
			continue;
		if (hi < 0 || l.headline.v > best.headline.v) {
			hi = (int)m;
			best = l;
		}
		if (lo < 0 || l.headline.v < worst.headline.v) {
			lo = (int)m;
			worst = l;
		}
	}
	char a[NUMTEXT], z[NUMTEXT];
	if (hi < 0)
		return;
	buf_addf(b, "The commitment most often met is %s (%s of the %zu "
		 "that answered)", in->cat->metrics[hi].label,
		 numtext(best.headline.v, KIND_YESNO, FIGURE_RATE, a), best.n);
	if (lo != hi && worst.headline.v < best.headline.v)
		buf_addf(b, "; the least often, %s (%s of %zu)",
			 in->cat->metrics[lo].label,
			 numtext(worst.headline.v, KIND_YESNO, FIGURE_RATE, z),
			 worst.n);
	buf_addc(b, '.');
}

size_t points_of(const struct chart_input *in, char **out, size_t max)
{
	struct buf b = BUF_INIT;
	size_t n = 0;
	response(in, &b);
	add(out, max, &n, &b);
	int taken[3];
	size_t ntaken = 0;
	for (int i = 0; i < 2; i++) {
		int m = biggest(in, +1, taken, ntaken);
		if (m < 0)
			break;
		taken[ntaken++] = m;
		change_point(in, m, i ? "The next biggest improvement"
				   : "The biggest improvement",
			     &b);
		add(out, max, &n, &b);
	}
	int m = biggest(in, -1, taken, ntaken);
	if (m >= 0) {
		change_point(in, m, "The biggest change for the worse", &b);
		add(out, max, &n, &b);
	}
	commitments(in, &b);
	add(out, max, &n, &b);
	/* How many reach each commitment level (SPEC §3.5) goes here, as
	 * the last point, once levels are worked out. */
	buf_free(&b);
	return n;
}
