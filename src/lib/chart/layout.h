/* layout: the parts charts share: margins, the title block and a value
 * axis with its grid. */
#ifndef PLEDGE_LAYOUT_H
#define PLEDGE_LAYOUT_H

#include "axis.h"
#include "numtext.h"
#include "scene.h"

#define MARGIN 16.0
#define TITLE_SIZE 12.0
#define LABEL_SIZE 9.0
#define SMALL_SIZE 8.0

/* Sets and draws the title (bold, on up to five lines) and an optional
 * subtitle (muted, on up to three) across the top. Returns the y below
 * them. */
double layout_title(struct scene *s, const char *title, const char *subtitle);

/* The width the value axis's labels need. */
double layout_axis_width(const struct scene *s, const struct axis *a,
			 enum kind kind, enum figure figure);

/* Draws horizontal grid lines and their labels (right-aligned at left)
 * for a vertical value axis from bottom (a->lo) to top (a->hi). */
void layout_value_axis(struct scene *s, const struct axis *a, enum kind kind,
		       enum figure figure, double left, double right,
		       double top, double bottom);

/* Breaks text into at most max lines that each fit width, at spaces or
 * after the hyphen of a hyphenated word; a word too long for a line is
 * split across lines, never cut. Only the last of max lines is cut with
 * "…" when the text needs more. Fills lines (new memory each) and
 * returns how many. */
size_t layout_wrap(const struct fonts *f, enum weight w, const char *text,
		   double size, double width, char **lines, size_t max);

/* Adds text wrapped onto at most max lines, the first baseline at y,
 * lines lead apart; returns the baseline of the last line. */
double layout_text_wrap(struct scene *s, const char *role, double x, double y,
			const char *text, double size, enum weight weight,
			struct rgb colour, double width, size_t max,
			double lead);

/* Adds text cut to fit width (role, size, weight, align, colour as for
 * scene_text). */
struct shape *layout_text_fit(struct scene *s, const char *role, double x,
			      double y, const char *text, double size,
			      enum weight weight, enum align align,
			      struct rgb colour, double width);

#endif
