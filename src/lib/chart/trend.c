#include "charts.h"
#include "layout.h"
#include "../base/buf.h"
#include "../model/period.h"
#include "../stats/panel.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

struct quarter {
	int period;
	bool has, band, withheld;
	double v, lo, hi;
	size_t n;
};

static size_t collect(const struct chart_input *in, int metric,
		      enum agg_stat stat, struct quarter q[CHART_QUARTERS])
{
	int first = in->period - (CHART_QUARTERS - 1);
	if (in->agg->first != PERIOD_NONE && first < in->agg->first)
		first = in->agg->first;
	if (first > in->period)
		first = in->period;
	size_t n = 0;
	for (int p = first; p <= in->period; p++, n++) {
		const struct agg_row *r = aggin_find(in->agg, p, metric,
						     AGG_SECTOR);
		struct quarter *x = &q[n];
		memset(x, 0, sizeof(*x));
		x->period = p;
		if (!r)
			continue;
		x->n = r->n;
		x->has = r->has & (1u << stat) && isfinite(r->v[stat]);
		x->withheld = !x->has && r->suppressed;
		x->v = r->v[stat];
		unsigned quart = (1u << AGG_P25) | (1u << AGG_P75);
		x->band = stat == AGG_MEDIAN && x->has &&
			  (r->has & quart) == quart && isfinite(r->v[AGG_P25]) &&
			  isfinite(r->v[AGG_P75]);
		x->lo = r->v[AGG_P25];
		x->hi = r->v[AGG_P75];
	}
	return n;
}

static const char *subtitle_of(const struct catalogue *cat,
			       const struct metric *m, enum agg_stat stat,
			       struct buf *b)
{
	if (stat == AGG_MEDIAN)
		return "Line: median of the associations that answered; "
		       "shaded: their middle half (25th to 75th percentile)";
	if (stat == AGG_SUM)
		return "Total of all associations that answered";
	if (m->kind == KIND_YESNO)
		return "Share of associations answering yes";
	buf_addf(b, "As a share of: %s", cat->metrics[m->parent].label);
	return b->s;
}

/* Lines, dots and the band, over runs of consecutive quarters. */
static void draw_series(struct scene *s, const struct quarter *q, size_t n,
			const struct axis *ax, const double *x, double top,
			double bottom)
{
	struct point pts[2 * CHART_QUARTERS];
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && q[j].band)
			j++;
		if (j - i >= 2) {
			size_t k = 0;
			for (size_t t = i; t < j; t++)
				pts[k++] = (struct point){
					x[t], axis_map(ax, q[t].hi, bottom, top) };
			for (size_t t = j; t-- > i;)
				pts[k++] = (struct point){
					x[t], axis_map(ax, q[t].lo, bottom, top) };
			scene_area(s, "band", pts, k, COLOUR_BAND);
			scene_line(s, "band-edge", pts, j - i, 1,
				   COLOUR_BAND_EDGE);
			scene_line(s, "band-edge", pts + (j - i), j - i, 1,
				   COLOUR_BAND_EDGE);
		} else if (j - i == 1) {
			double hi = axis_map(ax, q[i].hi, bottom, top);
			double lo = axis_map(ax, q[i].lo, bottom, top);
			scene_rect(s, "band", x[i] - 4, hi, 8, lo - hi,
				   COLOUR_BAND);
			scene_outline(s, "band-edge", x[i] - 4, hi, 8, lo - hi,
				      COLOUR_BAND_EDGE);
		}
		i = j > i ? j : i + 1;
	}
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && q[j].has)
			j++;
		if (j - i >= 2) {
			size_t k = 0;
			for (size_t t = i; t < j; t++)
				pts[k++] = (struct point){
					x[t], axis_map(ax, q[t].v, bottom, top) };
			scene_line(s, "line", pts, k, 2, COLOUR_BLUE);
		}
		i = j > i ? j : i + 1;
	}
	for (size_t i = 0; i < n; i++)
		if (q[i].has)
			scene_dot(s, "point", x[i],
				  axis_map(ax, q[i].v, bottom, top), 3,
				  COLOUR_BLUE, COLOUR_WHITE);
}

static void quarter_labels(struct scene *s, const struct quarter *q,
			   size_t n, const double *x, double bottom)
{
	char p[PERIOD_TEXT];
	double y = bottom + 14;
	for (size_t i = 0; i < n; i++) {
		scene_text(s, "quarter", x[i], y, period_format(q[i].period, p),
			   SMALL_SIZE, WEIGHT_REGULAR, ALIGN_CENTRE,
			   COLOUR_MUTED);
		if (q[i].withheld)
			scene_text(s, "withheld", x[i], bottom - 5, "[c]",
				   SMALL_SIZE, WEIGHT_REGULAR, ALIGN_CENTRE,
				   COLOUR_MUTED);
	}
}

/* Each quarter's figure in words, for the chart's alternative text and
 * data table. */
static void trend_data(struct scene *s, const struct metric *m,
		       enum agg_stat stat, const struct quarter *q, size_t n)
{
	enum figure fig = stat == AGG_RATE ? FIGURE_RATE : FIGURE_VALUE;
	char p[PERIOD_TEXT], v[NUMTEXT], lo[NUMTEXT], hi[NUMTEXT];
	struct buf b = BUF_INIT;
	buf_addf(&b, "Sector %s", headline_name(stat));
	scene_data_head(s, "Quarter", b.s);
	for (size_t i = 0; i < n; i++) {
		buf_reset(&b);
		if (q[i].has)
			buf_addf(&b, "%s (%zu answered", numtext(q[i].v, m->kind,
								 fig, v), q[i].n);
		else
			buf_adds(&b, q[i].withheld ? "[c] withheld"
						   : "[x] no answers");
		if (q[i].has && q[i].band)
			buf_addf(&b, "; middle half %s to %s",
				 numtext(q[i].lo, m->kind, fig, lo),
				 numtext(q[i].hi, m->kind, fig, hi));
		if (q[i].has)
			buf_addc(&b, ')');
		scene_datum(s, period_format(q[i].period, p), b.s);
	}
	buf_free(&b);
}

/* How a reading names the headline figure. */
static const char *figure_words(const struct metric *m, enum agg_stat stat)
{
	if (stat == AGG_RATE && m->kind == KIND_YESNO)
		return "share answering yes";
	return headline_name(stat);
}

static void reading(struct scene *s, const struct chart_input *in,
		    int metric, enum agg_stat stat, const struct quarter *q,
		    size_t n)
{
	const struct metric *m = &in->cat->metrics[metric];
	enum figure fig = stat == AGG_RATE ? FIGURE_RATE : FIGURE_VALUE;
	const struct quarter *last = &q[n - 1];
	char a[NUMTEXT], b[NUMTEXT], p[PERIOD_TEXT], prev[PERIOD_TEXT];
	struct buf r = BUF_INIT;
	if (!last->has && !last->withheld) {
		buf_addf(&r, "%s: no association answered for %s.", m->label,
			 period_format(last->period, p));
		scene_set_reading(s, r.s);
		buf_free(&r);
		return;
	}
	if (!last->has) {
		buf_addf(&r, "%s: no sector %s is published for %s, because "
			 "too few associations answered or it could identify "
			 "individuals.", m->label, figure_words(m, stat),
			 period_format(last->period, p));
		scene_set_reading(s, r.s);
		buf_free(&r);
		return;
	}
	struct change c = { 0 };
	if (in->returns && n >= 2)
		panel_change(in->returns, in->settings, metric,
			     last->period - 1, last->period, &c);
	if (c.published && c.n > 0) {
		/* A change too small to show in the figures is no change. */
		numtext(c.before, m->kind, fig, a);
		numtext(c.after, m->kind, fig, b);
		int same = !strcmp(a, b);
		const char *verb = same ? "stayed"
				   : c.after > c.before ? "rose" : "fell";
		period_format(last->period - 1, prev);
		buf_addf(&r, "%s: among the %zu association%s that answered "
			 "in both %s and %s, the %s %s ", m->label, c.n,
			 c.n == 1 ? "" : "s", prev,
			 period_format(last->period, p), figure_words(m, stat),
			 verb);
		if (same)
			buf_addf(&r, "at %s.", b);
		else
			buf_addf(&r, "from %s to %s.", a, b);
	} else {
		buf_addf(&r, "%s: the sector %s was %s in %s, from %zu "
			 "association%s.", m->label, figure_words(m, stat),
			 numtext(last->v, m->kind, fig, a),
			 period_format(last->period, p), last->n,
			 last->n == 1 ? "" : "s");
	}
	scene_set_reading(s, r.s);
	buf_free(&r);
}

int chart_trend(struct scene *s, const struct chart_input *in, int metric)
{
	const struct metric *m = &in->cat->metrics[metric];
	enum agg_stat stat = metric_headline(m);
	enum figure fig = stat == AGG_RATE ? FIGURE_RATE : FIGURE_VALUE;
	struct quarter q[CHART_QUARTERS];
	size_t n = collect(in, metric, stat, q);
	bool share = m->kind == KIND_YESNO;
	double lo = 0, hi = share ? 100 : 0;
	bool any = false, withheld = false;
	for (size_t i = 0; i < n; i++) {
		double v[3] = { q[i].v, q[i].band ? q[i].lo : q[i].v,
				q[i].band ? q[i].hi : q[i].v };
		withheld |= q[i].withheld;
		for (int k = 0; q[i].has && k < 3; k++) {
			lo = fmin(lo, v[k]);
			hi = fmax(hi, v[k]);
			any = true;
		}
	}
	char p0[PERIOD_TEXT], p1[PERIOD_TEXT];
	struct buf title = BUF_INIT, sub = BUF_INIT;
	buf_addf(&title, "%s: sector %s, %s", m->label, headline_name(stat),
		 period_format(q[0].period, p0));
	if (n > 1)
		buf_addf(&title, " to %s", period_format(q[n - 1].period, p1));
	double top = layout_title(s, title.s,
				  subtitle_of(in->cat, m, stat, &sub)) + 4;
	buf_free(&title);
	buf_free(&sub);
	struct axis ax;
	if (axis_fit(&ax, lo, hi) < 0) {
		snprintf(s->why, sizeof(s->why),
			 "its figures are too large to draw");
		s->bad = true;
		return -1;
	}
	double bottom = s->height - 34;
	double left = MARGIN + layout_axis_width(s, &ax, m->kind, fig) + 6;
	double right = s->width - MARGIN - 64;
	layout_value_axis(s, &ax, m->kind, fig, left, right, top, bottom);
	double x[CHART_QUARTERS];
	double inner = 24;
	for (size_t i = 0; i < n; i++)
		x[i] = n == 1 ? (left + right) / 2
			      : left + inner + (right - left - 2 * inner) *
						       (double)i / (double)(n - 1);
	draw_series(s, q, n, &ax, x, top, bottom);
	quarter_labels(s, q, n, x, bottom);
	const struct quarter *last = &q[n - 1];
	char v[NUMTEXT];
	if (last->has) {
		double y = axis_map(&ax, last->v, bottom, top);
		layout_text_fit(s, "value", x[n - 1] + 8, y + 3,
				numtext(last->v, m->kind, fig, v), LABEL_SIZE,
				WEIGHT_BOLD, ALIGN_LEFT, COLOUR_TEXT,
				s->width - x[n - 1] - 10);
	} else if (!any) {
		scene_text(s, "note", (left + right) / 2, (top + bottom) / 2,
			   withheld ? "No figure published [c]"
				    : "No association answered", LABEL_SIZE,
			   WEIGHT_REGULAR, ALIGN_CENTRE, COLOUR_MUTED);
	}
	reading(s, in, metric, stat, q, n);
	trend_data(s, m, stat, q, n);
	return s->bad ? -1 : 0;
}
