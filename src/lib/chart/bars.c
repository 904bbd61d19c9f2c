/* The bar charts: commitments met, and returns received by quarter. */
#include "charts.h"
#include "layout.h"
#include "../base/buf.h"
#include "../base/period.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ROW 30.0
#define LABEL_WIDTH 170.0
#define LABEL_LINES 6

/* The height a commitment's label needs beyond its row's two lines. */
static double label_extra(const struct scene *s, const char *label)
{
	char *lines[LABEL_LINES];
	size_t n = layout_wrap(s->fonts, WEIGHT_REGULAR, label, LABEL_SIZE,
			       LABEL_WIDTH, lines, LABEL_LINES);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	return n > 2 ? 11.0 * (double)(n - 2) : 0;
}

/* The best and worst met of the commitments with a published figure. */
struct extremes {
	const char *best, *worst;
	double best_v, worst_v;
	size_t rated;
};

/* The chart's reading in words, onto b. */
static void commitments_reading(struct buf *b, const char *p,
				const struct extremes *x, size_t rows)
{
	buf_reset(b);
	char bv[NUMTEXT], wv[NUMTEXT];
	if (!x->best)
		buf_addf(b, "No signatory answered a yes/no question for %s.",
			 p);
	else if (x->rated == 1 && rows > 1)
		buf_addf(b, "In %s only \"%s\" has a published figure: %s of "
			 "the signatories that answered meet it.", p, x->best,
			 numtext(x->best_v, KIND_YESNO, FIGURE_RATE, bv));
	else if (x->best_v == x->worst_v && x->rated == rows)
		buf_addf(b, "Each commitment is met by %s of the signatories "
			 "that answered in %s.",
			 numtext(x->best_v, KIND_YESNO, FIGURE_RATE, bv), p);
	else if (x->best_v == x->worst_v)
		buf_addf(b, "Each of the %zu commitments with a published "
			 "figure is met by %s of the signatories that answered "
			 "in %s.", x->rated,
			 numtext(x->best_v, KIND_YESNO, FIGURE_RATE, bv), p);
	else
		buf_addf(b, "In %s the commitment most often met is \"%s\" "
			 "(%s), and the least often \"%s\" (%s).", p, x->best,
			 numtext(x->best_v, KIND_YESNO, FIGURE_RATE, bv),
			 x->worst,
			 numtext(x->worst_v, KIND_YESNO, FIGURE_RATE, wv));
}

int chart_commitments(struct scene *s, const struct chart_input *in)
{
	const struct catalogue *cat = in->cat;
	size_t rows = 0;
	double extra = 0;
	for (size_t i = 0; i < cat->len; i++)
		if (cat->metrics[i].kind == KIND_YESNO) {
			rows++;
			extra += label_extra(s, cat->metrics[i].label);
		}
	s->height = 70 + ROW * (double)(rows ? rows : 1) + extra;
	char p[PERIOD_TEXT], v[NUMTEXT];
	struct buf b = BUF_INIT;
	buf_addf(&b, "Signatories meeting each commitment, %s",
		 period_format(in->period, p));
	double top = layout_title(s, b.s, "Share of the signatories that "
				  "answered each question who answered yes");
	scene_data_head(s, "Commitment", "Share answering yes, of how many");
	double label_w = LABEL_WIDTH, left = MARGIN + label_w + 8;
	double right = s->width - MARGIN - 86;
	struct extremes x = { NULL, NULL, -1, 101, 0 };
	double y = top;
	for (size_t i = 0; i < cat->len; i++) {
		const struct metric *m = &cat->metrics[i];
		if (m->kind != KIND_YESNO)
			continue;
		const struct agg_row *r = aggin_find(in->agg, in->period,
						     (int)i, AGG_SECTOR);
		double base = y + 16;
		double two = fonts_width(s->fonts, WEIGHT_REGULAR, m->label,
					 LABEL_SIZE) > label_w;
		layout_text_wrap(s, "label", MARGIN, base - (two ? 5.5 : 0),
				 m->label, LABEL_SIZE, WEIGHT_REGULAR,
				 COLOUR_TEXT, label_w, LABEL_LINES, 11);
		scene_rect(s, "track", left, y + 6, right - left, 14,
			   COLOUR_TRACK);
		buf_reset(&b);
		if (r && r->has & (1u << AGG_RATE) && isfinite(r->v[AGG_RATE])) {
			double rate = fmin(fmax(r->v[AGG_RATE], 0), 100);
			scene_rect(s, "bar", left, y + 6,
				   (right - left) * rate / 100, 14, COLOUR_BLUE);
			buf_addf(&b, "%s of %zu",
				 numtext(rate, m->kind, FIGURE_RATE, v), r->n);
			x.rated++;
			if (rate > x.best_v)
				x.best_v = rate, x.best = m->label;
			if (rate < x.worst_v)
				x.worst_v = rate, x.worst = m->label;
		} else {
			buf_adds(&b, r ? "withheld [c]" : "no answers");
		}
		layout_text_fit(s, "value", right + 6, base, b.s, LABEL_SIZE,
				WEIGHT_BOLD, ALIGN_LEFT, COLOUR_TEXT,
				s->width - right - 8);
		scene_datum(s, m->label, b.s);
		y += ROW + label_extra(s, m->label);
	}
	commitments_reading(&b, p, &x, rows);
	scene_set_reading(s, b.s);
	buf_free(&b);
	return s->bad ? -1 : 0;
}

/* The response chart's reading in words, onto b. */
static void response_reading(struct buf *b, const struct chart_input *in)
{
	char p1[PERIOD_TEXT], v[NUMTEXT];
	const struct agg_row *r = aggin_find(in->agg, in->period, AGG_RETURNS,
					     AGG_SECTOR);
	buf_reset(b);
	if (r && r->v[AGG_SUM] > 0 && isfinite(r->v[AGG_SUM]))
		buf_addf(b, "%zu of the %.0f signatories that owed a return "
			 "for %s sent one (%s).", r->n, r->v[AGG_SUM],
			 period_format(in->period, p1),
			 numtext(100.0 * (double)r->n / r->v[AGG_SUM],
				 KIND_PERCENT, FIGURE_RATE, v));
	else
		buf_addf(b, "No signatory owed a return for %s.",
			 period_format(in->period, p1));
}

int chart_response(struct scene *s, const struct chart_input *in)
{
	int first = in->period - (CHART_QUARTERS - 1);
	if (in->agg->first != PERIOD_NONE && first < in->agg->first)
		first = in->agg->first;
	if (first > in->period)
		first = in->period;
	size_t n = (size_t)(in->period - first + 1);
	char p0[PERIOD_TEXT], p1[PERIOD_TEXT], v[NUMTEXT];
	struct buf b = BUF_INIT;
	buf_addf(&b, "Returns received, %s", period_format(first, p0));
	if (n > 1)
		buf_addf(&b, " to %s", period_format(in->period, p1));
	double top = layout_title(s, b.s, "Share of the signatories that owed "
				  "a return who sent one");
	struct axis ax;
	axis_fit(&ax, 0, 100);
	double bottom = s->height - 44;
	double left = MARGIN + layout_axis_width(s, &ax, KIND_PERCENT,
						 FIGURE_RATE) + 6;
	double right = s->width - MARGIN;
	layout_value_axis(s, &ax, KIND_PERCENT, FIGURE_RATE, left, right,
			  top + 14, bottom);
	double slot = (right - left) / (double)n, bar = fmin(slot * 0.6, 40);
	scene_data_head(s, "Quarter", "Returns received");
	for (size_t i = 0; i < n; i++) {
		int p = first + (int)i;
		double x = left + slot * ((double)i + 0.5);
		const struct agg_row *r = aggin_find(in->agg, p, AGG_RETURNS,
						     AGG_SECTOR);
		scene_text(s, "quarter", x, bottom + 13, period_format(p, p0),
			   SMALL_SIZE, WEIGHT_REGULAR, ALIGN_CENTRE,
			   COLOUR_MUTED);
		if (!r || !(r->has & (1u << AGG_SUM)) || !(r->v[AGG_SUM] > 0) ||
		    !isfinite(r->v[AGG_SUM])) {
			scene_datum(s, p0, "[x] none owed");
			continue;
		}
		double rate = fmin(100.0 * (double)r->n / r->v[AGG_SUM], 100);
		double y = axis_map(&ax, rate, bottom, top + 14);
		scene_rect(s, "bar", x - bar / 2, y, bar, bottom - y,
			   COLOUR_BLUE);
		scene_text(s, "value", x, y - 4,
			   numtext(rate, KIND_PERCENT, FIGURE_RATE, v),
			   SMALL_SIZE, WEIGHT_BOLD, ALIGN_CENTRE, COLOUR_TEXT);
		buf_reset(&b);
		buf_addf(&b, "%zu of %.0f", r->n, r->v[AGG_SUM]);
		layout_text_fit(s, "count", x, bottom + 25, b.s, SMALL_SIZE,
				WEIGHT_REGULAR, ALIGN_CENTRE, COLOUR_MUTED,
				slot - 2);
		buf_addf(&b, " (%s)", v);
		scene_datum(s, p0, b.s);
	}
	response_reading(&b, in);
	scene_set_reading(s, b.s);
	buf_free(&b);
	return s->bad ? -1 : 0;
}
