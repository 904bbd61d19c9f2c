#include "levelbars.h"
#include "charts.h"
#include "layout.h"
#include "../base/buf.h"

#include <stdio.h>

#define ROW 26.0
#define ROW_NARROW 20.0

static void value_text(const struct level_bars *lb, size_t k, char *out,
		       size_t size)
{
	if (lb->withheld[k])
		snprintf(out, size, "[c]");
	else
		snprintf(out, size, "%zu of %zu", lb->counts[k], lb->total);
}

static void reading(struct scene *s, const struct level_bars *lb)
{
	struct buf b = BUF_INIT;
	bool any = false;
	buf_addf(&b, "Of the %zu signatories with a return for %s: ",
		 lb->total, lb->period);
	for (size_t k = 0; k < lb->n; k++) {
		char v[48];
		value_text(lb, k, v, sizeof(v));
		buf_addf(&b, "%s%s %s", k ? ", " : "", lb->names[k], v);
		any |= lb->withheld[k];
	}
	buf_adds(&b, ".");
	if (any)
		buf_adds(&b, " [c]: withheld to protect confidentiality.");
	scene_set_reading(s, b.s);
	buf_free(&b);
}

int chart_levels(struct scene *s, const struct level_bars *lb)
{
	bool narrow = s->width < CHART_WIDTH;
	double row = narrow ? ROW_NARROW : ROW;
	s->height = 64 + row * (double)(lb->n ? lb->n : 1);
	double top = layout_title(s, lb->title, narrow
		? "Signatories at each level"
		: "Signatories at each level among those that sent a return");
	/* A title wrapped on a narrow chart pushes the bars down. */
	if (narrow || top + row * (double)lb->n + 8 > s->height)
		s->height = top + row * (double)lb->n + 8;
	/* Across the page: labels 130 wide, values 80; narrower, shares. */
	double label_w = narrow ? s->width * 0.36 : 130;
	double value_w = narrow ? s->width * 0.2 : 80;
	double left = MARGIN + label_w + 8;
	double right = s->width - MARGIN - value_w;
	double y = top;
	for (size_t k = 0; k < lb->n; k++) {
		double base = y + 14;
		layout_text_fit(s, "label", MARGIN, base, lb->names[k],
				LABEL_SIZE, WEIGHT_REGULAR, ALIGN_LEFT,
				COLOUR_TEXT, label_w);
		scene_rect(s, "track", left, y + 4, right - left, 14,
			   COLOUR_TRACK);
		if (!lb->withheld[k] && lb->total > 0 && lb->counts[k] > 0)
			scene_rect(s, "bar", left, y + 4,
				   (right - left) * (double)lb->counts[k] /
					   (double)lb->total,
				   14, COLOUR_BLUE);
		char v[48];
		value_text(lb, k, v, sizeof(v));
		layout_text_fit(s, "value", right + 6, base, v, LABEL_SIZE,
				WEIGHT_BOLD, ALIGN_LEFT, COLOUR_TEXT,
				s->width - right - 8);
		y += row;
	}
	reading(s, lb);
	return s->bad ? -1 : 0;
}
