#include "change.h"
#include "charts.h"
#include "layout.h"
#include "../base/buf.h"
#include "../base/period.h"
#include "../stats/panel.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

struct quarter {
	struct plotted p;
	bool band;
	double lo, hi;
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
		struct quarter *x = &q[n];
		memset(x, 0, sizeof(*x));
		change_plotted(in, metric, AGG_SECTOR, p, &x->p);
		const struct agg_row *r = aggin_find(in->agg, p, metric,
						     AGG_SECTOR);
		unsigned quart = (1u << AGG_P25) | (1u << AGG_P75);
		if (!r || stat != AGG_MEDIAN || !x->p.has ||
		    (r->has & quart) != quart || !isfinite(r->v[AGG_P25]) ||
		    !isfinite(r->v[AGG_P75]))
			continue;
		x->band = true;
		x->lo = r->v[AGG_P25];
		x->hi = r->v[AGG_P75];
	}
	return n;
}

/* The title and subtitle. A chart of full width names the metric, the
 * figure and the quarters in its title; a narrow one (two to a row in a
 * report) names only the metric there, and says the rest in short. */
static void titles(const struct scene *s, const struct chart_input *in,
		   const struct metric *m, enum agg_stat stat,
		   const struct quarter *q, size_t n, struct buf *title,
		   struct buf *sub)
{
	char p0[PERIOD_TEXT], p1[PERIOD_TEXT], range[2 * PERIOD_TEXT + 8];
	period_format(q[0].p.period, p0);
	period_format(q[n - 1].p.period, p1);
	snprintf(range, sizeof(range), n > 1 ? "%s to %s" : "%s", p0, p1);
	const char *what = stat == AGG_MEDIAN ? "median"
			   : stat == AGG_SUM ? "total"
			   : m->kind == KIND_YESNO ? "share answering yes"
						   : "rate";
	if (s->width < 400) {
		buf_addf(title, "%s", m->label);
		buf_addf(sub, "Sector %s, %s", what, range);
		if (stat == AGG_MEDIAN)
			buf_adds(sub, "; shaded: the middle half");
		return;
	}
	buf_addf(title, "%s: sector %s, %s", m->label, headline_name(stat),
		 range);
	if (stat == AGG_MEDIAN)
		buf_adds(sub, "Line: the median; shaded: the middle half of "
			 "answers; n: how many answered");
	else if (stat == AGG_SUM)
		buf_adds(sub, "Total of all associations that answered; n: "
			 "how many answered");
	else if (m->kind == KIND_YESNO)
		buf_adds(sub, "Share of associations answering yes; n: how "
			 "many answered");
	else
		buf_addf(sub, "As a share of: %s; n: how many answered",
			 in->cat->metrics[m->parent].label);
}

/* How many lines title takes across the chart. */
static size_t title_lines(const struct scene *s, const char *title)
{
	char *lines[8];
	size_t n = layout_wrap(s->fonts, WEIGHT_BOLD, title, TITLE_SIZE,
			       s->width - 2 * MARGIN, lines, 8);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	return n;
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
		while (j < n && q[j].p.has)
			j++;
		if (j - i >= 2) {
			size_t k = 0;
			for (size_t t = i; t < j; t++)
				pts[k++] = (struct point){
					x[t], axis_map(ax, q[t].p.v, bottom, top) };
			scene_line(s, "line", pts, k, 2, COLOUR_BLUE);
		}
		i = j > i ? j : i + 1;
	}
	for (size_t i = 0; i < n; i++)
		if (q[i].p.has)
			scene_dot(s, "point", x[i],
				  axis_map(ax, q[i].p.v, bottom, top), 3,
				  COLOUR_BLUE, COLOUR_WHITE);
}

/* Whether the quarters must be labelled compactly ("Q3" over its
 * year) for their full names to fit the space between them. */
static bool compact_quarters(const struct scene *s, size_t n, double span)
{
	double full = fonts_width(s->fonts, WEIGHT_REGULAR, "2026-Q3",
				  SMALL_SIZE);
	return n > 1 && span / (double)(n - 1) < full + 6;
}

static void quarter_labels(struct scene *s, const struct quarter *q,
			   size_t n, const double *x, double bottom,
			   bool compact)
{
	char p[PERIOD_TEXT], count[32];
	double n_row = bottom + (compact ? 35 : 25);
	for (size_t i = 0; i < n; i++) {
		period_format(q[i].p.period, p);
		if (!compact) {
			scene_text(s, "quarter", x[i], bottom + 14, p,
				   SMALL_SIZE, WEIGHT_REGULAR, ALIGN_CENTRE,
				   COLOUR_MUTED);
		} else {
			scene_text(s, "quarter", x[i], bottom + 13, p + 5,
				   SMALL_SIZE, WEIGHT_REGULAR, ALIGN_CENTRE,
				   COLOUR_MUTED);
			p[4] = '\0';
			if (q[i].p.period % 4 == 0 ||
			    (i == 0 && (n < 3 || q[1].p.period % 4 != 0) &&
			     (n < 3 || q[2].p.period % 4 != 0)))
				scene_text(s, "year", x[i], bottom + 23, p,
					   SMALL_SIZE, WEIGHT_REGULAR,
					   ALIGN_CENTRE, COLOUR_MUTED);
		}
		snprintf(count, sizeof(count), compact ? "%zu" : "n = %zu",
			 q[i].p.n);
		scene_text(s, "answered", x[i], n_row, count, SMALL_SIZE,
			   WEIGHT_REGULAR, ALIGN_CENTRE, COLOUR_MUTED);
		if (q[i].p.withheld)
			scene_text(s, "withheld", x[i], bottom - 5, "[c]",
				   SMALL_SIZE, WEIGHT_REGULAR, ALIGN_CENTRE,
				   COLOUR_MUTED);
	}
	if (compact && n)
		scene_text(s, "answered", x[0] - 12, n_row, "n", SMALL_SIZE,
			   WEIGHT_REGULAR, ALIGN_RIGHT, COLOUR_MUTED);
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
		if (q[i].p.has)
			buf_addf(&b, "%s (%zu answered", numtext(q[i].p.v, m->kind,
								 fig, v), q[i].p.n);
		else
			buf_adds(&b, q[i].p.withheld ? "[c] withheld"
						   : "[x] no answers");
		if (q[i].p.has && q[i].band)
			buf_addf(&b, "; middle half %s to %s",
				 numtext(q[i].lo, m->kind, fig, lo),
				 numtext(q[i].hi, m->kind, fig, hi));
		if (q[i].p.has)
			buf_addc(&b, ')');
		scene_datum(s, period_format(q[i].p.period, p), b.s);
	}
	buf_free(&b);
}

/* How a reading names the headline figure in a like-for-like change. */
static const char *figure_words(const struct metric *m, enum agg_stat stat)
{
	if (stat == AGG_RATE && m->kind == KIND_YESNO)
		return "share answering yes";
	return headline_name(stat);
}

static const char *plural(size_t n)
{
	return n == 1 ? "" : "s";
}

/* "Employees: 7,333 across the 10 associations that answered in
 * 2026-Q3, against 9,298 across 12 in 2026-Q2." */
static void reading_figures(const struct metric *m, enum agg_stat stat,
			    const struct plotted *last,
			    const struct plotted *prev, struct buf *r)
{
	char a[NUMTEXT], p[PERIOD_TEXT];
	buf_addf(r, "%s: %s%s across the %zu association%s that answered "
		 "in %s", m->label, stat == AGG_MEDIAN ? "median " : "",
		 plotted_text(m, stat, last, a), last->n, plural(last->n),
		 period_format(last->period, p));
	if (!prev) {
		buf_addc(r, '.');
		return;
	}
	period_format(prev->period, p);
	if (prev->has && prev->n == last->n)
		buf_addf(r, ", against %s in %s.",
			 plotted_text(m, stat, prev, a), p);
	else if (prev->has)
		buf_addf(r, ", against %s across %zu in %s.",
			 plotted_text(m, stat, prev, a), prev->n, p);
	else if (prev->withheld)
		buf_addf(r, "; the %s figure is withheld [c].", p);
	else
		buf_addf(r, "; no association answered in %s.", p);
}

/* "Like for like, among the 10 that answered both quarters, the total
 * is 0.3% higher, which is better." */
static void reading_change(const struct chart_input *in, int metric,
			   enum agg_stat stat, const struct lfl *c,
			   struct buf *r)
{
	const struct metric *m = &in->cat->metrics[metric];
	char w[64];
	switch (c->state) {
	case LFL_NONE:
		return;
	case LFL_WITHHELD:
		if ((long)c->n < in->settings->min_orgs)
			buf_addf(r, " Only %zu answered both quarters: too "
				 "few for a like-for-like change [c].", c->n);
		else if (stat == AGG_MEDIAN &&
			 (long)c->n < in->settings->quartiles_min_orgs)
			buf_addf(r, " Only %zu answered both quarters: too "
				 "few for a like-for-like change of a median "
				 "[c].", c->n);
		else
			buf_adds(r, " The like-for-like change is withheld "
				 "[c]: it could let a small count of people "
				 "be worked out.");
		return;
	case LFL_ZERO:
		buf_adds(r, " A like-for-like change does not apply [z]: "
			 "the figure to compare with was nothing.");
		return;
	case LFL_OK:
		break;
	}
	change_words(m, stat, c, w, sizeof(w));
	buf_addf(r, " Like for like, among the %zu that answered both "
		 "quarters, the %s ", c->n, figure_words(m, stat));
	if (!strcmp(w, "no change")) {
		buf_adds(r, "did not change.");
		return;
	}
	int sense = change_sense(m, stat, c);
	buf_addf(r, "is %s%s.", w, sense > 0 ? ", which is better"
				 : sense < 0 ? ", which is worse" : "");
}

static void reading(struct scene *s, const struct chart_input *in,
		    int metric, enum agg_stat stat, const struct quarter *q,
		    size_t n)
{
	const struct metric *m = &in->cat->metrics[metric];
	const struct plotted *last = &q[n - 1].p;
	char p[PERIOD_TEXT];
	struct buf r = BUF_INIT;
	if (!last->has && !last->withheld)
		buf_addf(&r, "%s: no association answered in %s.", m->label,
			 period_format(last->period, p));
	else if (!last->has)
		buf_addf(&r, "%s: the %s figure is withheld [c], because "
			 "too few associations answered or it could identify "
			 "individuals.", m->label,
			 period_format(last->period, p));
	else {
		reading_figures(m, stat, last, n >= 2 ? &q[n - 2].p : NULL,
				&r);
		if (n >= 2) {
			struct lfl c;
			change_lfl(in, metric, last->period - 1, last->period,
				   &c);
			reading_change(in, metric, stat, &c, &r);
		}
	}
	scene_set_reading(s, r.s);
	buf_free(&r);
}

/* Widens [*lo, *hi] to every published figure and band; says whether
 * any quarter is withheld, and returns whether any has a figure. */
static bool value_range(const struct quarter *q, size_t n, double *lo,
			double *hi, bool *withheld)
{
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		double v[3] = { q[i].p.v, q[i].band ? q[i].lo : q[i].p.v,
				q[i].band ? q[i].hi : q[i].p.v };
		*withheld |= q[i].p.withheld;
		for (int k = 0; q[i].p.has && k < 3; k++) {
			*lo = fmin(*lo, v[k]);
			*hi = fmax(*hi, v[k]);
			any = true;
		}
	}
	return any;
}

int chart_trend(struct scene *s, const struct chart_input *in, int metric)
{
	const struct metric *m = &in->cat->metrics[metric];
	enum agg_stat stat = metric_headline(m);
	enum figure fig = stat == AGG_RATE ? FIGURE_RATE : FIGURE_VALUE;
	struct quarter q[CHART_QUARTERS];
	size_t n = collect(in, metric, stat, q);
	double lo = 0, hi = m->kind == KIND_YESNO ? 100 : 0;
	bool withheld = false;
	bool any = value_range(q, n, &lo, &hi, &withheld);
	struct buf title = BUF_INIT, sub = BUF_INIT;
	titles(s, in, m, stat, q, n, &title, &sub);
	if (s->width < 400 && title_lines(s, title.s) > 2) {
		snprintf(s->why, sizeof(s->why), "its title is too long for "
			 "a chart this narrow");
		s->bad = true;
	}
	double top = layout_title(s, title.s, sub.s) + 4;
	buf_free(&title);
	buf_free(&sub);
	struct axis ax;
	if (axis_fit(&ax, lo, hi) < 0) {
		snprintf(s->why, sizeof(s->why),
			 "its figures are too large to draw");
		s->bad = true;
		return -1;
	}
	char v[NUMTEXT];
	const struct plotted *last = &q[n - 1].p;
	numtext(last->v, m->kind, fig, v);
	double left = MARGIN + layout_axis_width(s, &ax, m->kind, fig) + 6;
	double label = last->has ? fonts_width(s->fonts, WEIGHT_BOLD, v,
					       LABEL_SIZE) + 12 : 12;
	double right = s->width - MARGIN - (s->width >= 400 ? 64 : label);
	double inner = s->width >= 400 ? 24 : 14;
	bool compact = compact_quarters(s, n, right - left - 2 * inner);
	double bottom = s->height - (compact ? 44 : 34);
	axis_thin(&ax, bottom - top, 14);
	layout_value_axis(s, &ax, m->kind, fig, left, right, top, bottom);
	double x[CHART_QUARTERS];
	for (size_t i = 0; i < n; i++)
		x[i] = n == 1 ? (left + right) / 2
			      : left + inner + (right - left - 2 * inner) *
						       (double)i / (double)(n - 1);
	draw_series(s, q, n, &ax, x, top, bottom);
	quarter_labels(s, q, n, x, bottom, compact);
	if (last->has) {
		double y = axis_map(&ax, last->v, bottom, top);
		layout_text_fit(s, "value", x[n - 1] + 8, y + 3, v, LABEL_SIZE,
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
