#include "points.h"
#include "figures.h"
#include "../base/buf.h"
#include "../base/period.h"
#include "../stats/levelcalc.h"

#include <ctype.h>
#include <stdlib.h>

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

/* An area's title from the wording (area_<id>), starting lower case to
 * run on in a sentence, or the id. */
static void area_words(const struct wording *words, const char *area,
		       struct buf *b)
{
	char key[160];
	snprintf(key, sizeof(key), "area_%s", area);
	const char *t = words ? wording_get(words, key) : "";
	if (!t[0])
		t = area;
	buf_addc(b, (char)tolower((unsigned char)t[0]));
	buf_adds(b, t + 1);
}

/* One area's published counts at each level (not "no level yet"); adds
 * to *total the signatories it counts; whether any was withheld. */
static bool level_counts(const struct chart_input *in,
			 const struct level_area *la, struct buf *b,
			 size_t *total)
{
	size_t n = la->nlevels + 1;
	size_t *counts = calloc(n, sizeof(*counts));
	bool *withheld = calloc(n, sizeof(*withheld)), any = false;
	if (!counts || !withheld) {
		free(counts);
		free(withheld);
		return false;
	}
	*total = levels_count(la, in->returns, in->period, counts);
	levels_suppress(counts, n,
			(size_t)(in->settings ? in->settings->min_orgs : 3),
			withheld);
	for (size_t k = 1; k < n; k++) {
		if (withheld[k])
			buf_addf(b, ", %s [c]", la->levels[k - 1].name);
		else
			buf_addf(b, ", %s %zu", la->levels[k - 1].name,
				 counts[k]);
		any |= withheld[k];
	}
	free(counts);
	free(withheld);
	return any;
}

/* How many reach each commitment level in each area (SPEC §3.5), from
 * the tidy returns, with the counts disclosure control withholds as
 * [c]. */
static void levels_point(const struct chart_input *in,
			 const struct levels *lv, const struct wording *words,
			 struct buf *b)
{
	if (!lv || !lv->nareas || !in->returns)
		return;
	struct buf areas = BUF_INIT;
	size_t total = 0;
	bool any = false;
	for (size_t a = 0; a < lv->nareas; a++) {
		buf_adds(&areas, a ? "; " : "");
		area_words(words, lv->areas[a].area, &areas);
		any |= level_counts(in, &lv->areas[a], &areas, &total);
	}
	char p[PERIOD_TEXT];
	if (total > 0)
		buf_addf(b, "Commitment levels reached by the %zu signatories "
			 "with a return for %s: %s%s.", total,
			 period_format(in->period, p), areas.s,
			 any ? " ([c]: withheld to protect confidentiality)"
			     : "");
	buf_free(&areas);
}

size_t points_of(const struct chart_input *in, const struct levels *lv,
		 const struct wording *words, char **out, size_t max)
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
	levels_point(in, lv, words, &b);
	add(out, max, &n, &b);
	buf_free(&b);
	return n;
}
