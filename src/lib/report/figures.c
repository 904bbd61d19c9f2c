#include "figures.h"
#include "../model/period.h"
#include "../stats/panel.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void cell_of(const struct agg_row *r, enum agg_stat stat,
		    struct cell *c)
{
	memset(c, 0, sizeof(*c));
	if (!r)
		return;
	c->has = (r->has & (1u << stat)) && isfinite(r->v[stat]);
	c->withheld = !c->has && r->suppressed;
	c->v = c->has ? r->v[stat] : 0;
}

static void delta_of(const struct chart_input *in, int metric, int from,
		     struct delta *d)
{
	memset(d, 0, sizeof(*d));
	if (!in->returns || !in->settings)
		return;
	struct change c;
	panel_change(in->returns, in->settings, metric, from, in->period, &c);
	d->has = c.published && c.n > 0 && isfinite(c.before) &&
		 isfinite(c.after);
	d->before = c.before;
	d->after = c.after;
	d->n = c.n;
}

void figures_line(const struct chart_input *in, int metric, int group,
		  struct metric_line *out)
{
	const struct metric *m = &in->cat->metrics[metric];
	memset(out, 0, sizeof(*out));
	out->metric = metric;
	out->stat = metric_headline(m);
	const struct agg_row *r = aggin_find(in->agg, in->period, metric,
					     group);
	out->n = r ? r->n : 0;
	cell_of(r, out->stat, &out->headline);
	if (out->stat == AGG_MEDIAN) {
		cell_of(r, AGG_P25, &out->p25);
		cell_of(r, AGG_P75, &out->p75);
	}
	if (group == AGG_SECTOR) {
		delta_of(in, metric, in->period - 1, &out->quarter);
		delta_of(in, metric, in->period - 4, &out->year);
	}
}

bool figures_own(const struct chart_input *in, int org, int metric,
		 int period, double *value)
{
	return in->returns &&
	       aggregate_answer(in->returns, period, metric, org, value);
}

enum standing figures_standing(const struct chart_input *in, int metric,
			       int group, double value)
{
	const struct agg_row *r = aggin_find(in->agg, in->period, metric,
					     group);
	unsigned need = (1u << AGG_P25) | (1u << AGG_MEDIAN) | (1u << AGG_P75);
	if (!r || (r->has & need) != need || !isfinite(value))
		return STANDING_UNKNOWN;
	if (value < r->v[AGG_P25])
		return STANDING_BOTTOM;
	if (value > r->v[AGG_P75])
		return STANDING_TOP;
	return value <= r->v[AGG_MEDIAN] ? STANDING_LOWER : STANDING_UPPER;
}

const char *standing_words(enum standing s)
{
	switch (s) {
	case STANDING_BOTTOM: return "bottom quarter";
	case STANDING_LOWER: return "lower middle";
	case STANDING_UPPER: return "upper middle";
	case STANDING_TOP: return "top quarter";
	case STANDING_UNKNOWN: break;
	}
	return "\xE2\x80\x93";
}

char *cell_text(const struct metric *m, enum agg_stat stat,
		const struct cell *c, char out[NUMTEXT])
{
	if (c->has)
		return numtext(c->v, m->kind,
			       stat == AGG_RATE ? FIGURE_RATE : FIGURE_VALUE,
			       out);
	snprintf(out, NUMTEXT, "%s", c->withheld ? "[c]" : "\xE2\x80\x93");
	return out;
}

char *delta_text(const struct metric *m, enum agg_stat stat,
		 const struct delta *d, char *out, size_t size)
{
	if (!d->has) {
		snprintf(out, size, "\xE2\x80\x93");
		return out;
	}
	enum figure fig = stat == AGG_RATE ? FIGURE_RATE : FIGURE_VALUE;
	char a[NUMTEXT], b[NUMTEXT];
	numtext(d->before, m->kind, fig, a);
	numtext(d->after, m->kind, fig, b);
	if (!strcmp(a, b)) {
		snprintf(out, size, "no change");
		return out;
	}
	double diff = d->after - d->before;
	bool points = stat == AGG_RATE || m->kind == KIND_PERCENT;
	char v[NUMTEXT];
	if (points) {
		numtext(fabs(diff), KIND_NUMBER, FIGURE_VALUE, v);
		snprintf(out, size, "%s%s pts", diff < 0 ? "-" : "+", v);
	} else {
		numtext(fabs(diff), m->kind, FIGURE_VALUE, v);
		snprintf(out, size, "%s%s", diff < 0 ? "-" : "+", v);
	}
	return out;
}
