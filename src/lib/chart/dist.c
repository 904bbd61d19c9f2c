/* The distribution of organisations' answers to one metric. */
#include "charts.h"
#include "layout.h"
#include "../base/buf.h"
#include "../base/xalloc.h"
#include "../base/period.h"
#include "../stats/summary.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int refuse(struct scene *s, const char *why)
{
	snprintf(s->why, sizeof(s->why), "%s", why);
	s->bad = true;
	return -1;
}

/* Draws one dot per answer along the axis, stacking equal positions. */
static void dots(struct scene *s, const struct summary *sum,
		 const struct axis *ax, double left, double right,
		 double base, double room)
{
	double r = sum->n > 300 ? 1.5 : sum->n > 60 ? 2.2 : 3;
	size_t cols = (size_t)((right - left) / (2 * r)) + 1;
	unsigned *height = xcalloc(cols, sizeof(unsigned));
	unsigned cap = (unsigned)(room / (2 * r));
	for (size_t i = 0; i < sum->n; i++) {
		double x = axis_map(ax, sum->v[i], left, right);
		size_t c = (size_t)((x - left) / (2 * r));
		if (c >= cols)
			c = cols - 1;
		unsigned h = height[c] < cap ? height[c]++ : cap;
		scene_dot(s, "answer", x, base - r - 2 * r * h, r, COLOUR_SKY,
			  COLOUR_BAND_EDGE);
	}
	free(height);
}

static void position_words(const struct summary *sum, double v,
			   struct buf *b)
{
	if (v > sum->p75)
		buf_adds(b, "in the top quarter");
	else if (v < sum->p25)
		buf_adds(b, "in the bottom quarter");
	else if (v > sum->median)
		buf_adds(b, "above the median");
	else if (v < sum->median)
		buf_adds(b, "below the median");
	else
		buf_adds(b, "at the median");
}

static void reading(struct scene *s, const struct metric *m,
		    const struct summary *sum, const char *who,
		    const double *own, const char *period)
{
	char a[NUMTEXT], b[NUMTEXT], c[NUMTEXT];
	struct buf r = BUF_INIT;
	if (own) {
		buf_addf(&r, "%s's answer, %s, is ", who,
			 numtext(*own, m->kind, FIGURE_VALUE, a));
		position_words(sum, *own, &r);
		buf_addf(&r, " of the %zu associations that answered in %s "
			 "(median %s).", sum->n, period,
			 numtext(sum->median, m->kind, FIGURE_VALUE, b));
	} else {
		buf_addf(&r, "Half of the %zu associations that answered in %s "
			 "gave between %s and %s; the median was %s.", sum->n,
			 period, numtext(sum->p25, m->kind, FIGURE_VALUE, a),
			 numtext(sum->p75, m->kind, FIGURE_VALUE, b),
			 numtext(sum->median, m->kind, FIGURE_VALUE, c));
	}
	scene_set_reading(s, r.s);
	buf_free(&r);
}

/* Ticks and their labels under the axis: each label kept inside the
 * chart, and one that would touch the label before it left out. */
static void axis_labels(struct scene *s, const struct axis *ax, enum kind kind,
			double left, double right, double base)
{
	char t[NUMTEXT];
	double last_right = -1e9;
	for (size_t i = 0; i < ax->nticks; i++) {
		double x = axis_map(ax, ax->ticks[i], left, right);
		struct point tick[2] = { { x, base }, { x, base + 4 } };
		scene_line(s, "tick", tick, 2, 0.5, COLOUR_MUTED);
		numtext(ax->ticks[i], kind, FIGURE_VALUE, t);
		double w = fonts_width(s->fonts, WEIGHT_REGULAR, t, SMALL_SIZE);
		double lx = fmin(fmax(x - w / 2, 2), s->width - 2 - w);
		if (lx < last_right + 4 || w > s->width - 4)
			continue;
		scene_text(s, "axis", lx, base + 14, t, SMALL_SIZE,
			   WEIGHT_REGULAR, ALIGN_LEFT, COLOUR_MUTED);
		last_right = lx + w;
	}
}

/* The summary in words, for the alternative text and data table. */
static void dist_data(struct scene *s, const struct metric *m,
		      const struct summary *sum, const char *who,
		      const double *own)
{
	char v[NUMTEXT];
	scene_data_head(s, "Figure", "Value");
	struct { const char *label; double v; } rows[] = {
		{ "Lowest", sum->min }, { "25th percentile", sum->p25 },
		{ "Median", sum->median }, { "75th percentile", sum->p75 },
		{ "Highest", sum->max },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(*rows); i++)
		scene_datum(s, rows[i].label,
			    numtext(rows[i].v, m->kind, FIGURE_VALUE, v));
	if (own)
		scene_datum(s, who, numtext(*own, m->kind, FIGURE_VALUE, v));
}

/* The title and subtitle, naming the marked association when there is
 * one; returns where the chart below them starts. */
static double dist_title(struct scene *s, const struct metric *m, size_t n,
			 const char *p, const char *marked)
{
	struct buf title = BUF_INIT, sub = BUF_INIT;
	buf_addf(&title, "%s: answers of %zu association%s, %s", m->label, n,
		 n == 1 ? "" : "s", p);
	buf_adds(&sub, "Each dot is one association; box: the middle half; "
		 "line: the median");
	if (marked)
		buf_addf(&sub, "; large dot: %s", marked);
	double top = layout_title(s, title.s, sub.s);
	buf_free(&title);
	buf_free(&sub);
	return top;
}

/* The association's own answer: a large dot, its label and a pointer. */
static void mark_own(struct scene *s, const struct metric *m,
		     const struct axis *ax, double own, const char *who,
		     double left, double right, double top, double base)
{
	char v[NUMTEXT];
	double x = axis_map(ax, own, left, right);
	scene_dot(s, "marked", x, base - 6, 6, COLOUR_VERMILION,
		  COLOUR_TEXT);
	struct buf label = BUF_INIT;
	buf_addf(&label, "%s: %s", who,
		 numtext(own, m->kind, FIGURE_VALUE, v));
	double w = fonts_width(s->fonts, WEIGHT_BOLD, label.s,
			       LABEL_SIZE);
	double lx = fmin(fmax(x - w / 2, MARGIN),
			 s->width - MARGIN - w);
	scene_text(s, "marked-label", lx, top - 4, label.s, LABEL_SIZE,
		   WEIGHT_BOLD, ALIGN_LEFT, COLOUR_TEXT);
	struct point pointer[2] = { { x, top }, { x, base - 12 } };
	struct shape *line = scene_line(s, "pointer", pointer, 2, 1,
					COLOUR_TEXT);
	if (line)
		line->dashed = true;
	buf_free(&label);
}

int chart_distribution(struct scene *s, const struct chart_input *in,
		       int metric, int org)
{
	const struct metric *m = &in->cat->metrics[metric];
	if (m->kind == KIND_YESNO)
		return refuse(s, "a yes/no answer has only two values; the "
			      "commitments chart shows it");
	if (m->sensitive)
		return refuse(s, "it counts people, so each dot would be one "
			      "organisation's figure about individuals");
	if (!in->returns)
		return refuse(s, "it needs the tidy returns");
	size_t n;
	const struct agg_obs *answers =
		aggregate_answers(in->returns, in->period, metric, &n);
	if (!n)
		return refuse(s, "no association answered it in that quarter");
	struct summary sum;
	summary_init(&sum);
	const double *own = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!isfinite(answers[i].value)) {
			summary_free(&sum);
			return refuse(s, "an answer is not a finite number");
		}
		summary_add(&sum, answers[i].value);
		if (answers[i].org == org)
			own = &answers[i].value;
	}
	summary_finish(&sum);
	const char *who = org >= 0 ? in->roster->orgs[org].id : NULL;
	char p[PERIOD_TEXT];
	period_format(in->period, p);
	double top = dist_title(s, m, n, p, own ? who : NULL) + 14;
	struct axis ax;
	if (axis_fit_range(&ax, sum.min, sum.max) < 0) {
		summary_free(&sum);
		return refuse(s, "its answers are too large to draw");
	}
	double left = MARGIN + 20, right = s->width - MARGIN - 20;
	double base = s->height - 40;
	axis_labels(s, &ax, m->kind, left, right, base);
	struct point axis[2] = { { left, base }, { right, base } };
	scene_line(s, "baseline", axis, 2, 1, COLOUR_MUTED);
	double x25 = axis_map(&ax, sum.p25, left, right);
	double x75 = axis_map(&ax, sum.p75, left, right);
	double xm = axis_map(&ax, sum.median, left, right);
	scene_rect(s, "box", x25, top, fmax(x75 - x25, 1), base - top,
		   COLOUR_BAND);
	scene_outline(s, "box-edge", x25, top, fmax(x75 - x25, 1), base - top,
		      COLOUR_BAND_EDGE);
	struct point med[2] = { { xm, top }, { xm, base } };
	scene_line(s, "median", med, 2, 2, COLOUR_BLUE);
	dots(s, &sum, &ax, left, right, base, base - top - 24);
	if (own)
		mark_own(s, m, &ax, *own, who, left, right, top, base);
	reading(s, m, &sum, who, own, p);
	dist_data(s, m, &sum, who, own);
	summary_free(&sum);
	return s->bad ? -1 : 0;
}
