#include "layout.h"

#include "../base/xalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct shape *layout_text_fit(struct scene *s, const char *role, double x,
			      double y, const char *text, double size,
			      enum weight weight, enum align align,
			      struct rgb colour, double width)
{
	char *fit = fonts_fit(s->fonts, weight, text, size, width);
	struct shape *t = scene_text(s, role, x, y, fit, size, weight, align,
				     colour);
	free(fit);
	return t;
}

/* Whether a line may end before rest[i]: at a space or the end, or
 * after the hyphen of a hyphenated word ("Medium-|sized"). */
static int may_break(const char *rest, size_t i)
{
	if (rest[i] == ' ' || rest[i] == '\0')
		return 1;
	return i >= 2 && rest[i - 1] == '-' && isalpha((unsigned char)rest[i]) &&
	       isalpha((unsigned char)rest[i - 2]);
}

/* The longest start of rest, on a character boundary, that fits width:
 * a word too long for a line is split rather than cut. At least one
 * character. */
static size_t split_word(const struct fonts *f, enum weight w,
			 const char *rest, double size, double width)
{
	size_t best = 0, i = 0;
	while (rest[i] && rest[i] != ' ') {
		size_t next = i + 1;
		while ((rest[next] & 0xC0) == 0x80)
			next++;
		char *part = xstrndup(rest, next);
		int fits = fonts_width(f, w, part, size) <= width;
		free(part);
		if (!fits && best)
			break;
		best = next;
		i = next;
		if (!fits)
			break;
	}
	return best;
}

size_t layout_wrap(const struct fonts *f, enum weight w, const char *text,
		   double size, double width, char **lines, size_t max)
{
	size_t n = 0;
	const char *rest = text;
	while (*rest && n < max) {
		while (*rest == ' ')
			rest++;
		if (!*rest)
			break;
		if (n + 1 == max || fonts_width(f, w, rest, size) <= width) {
			lines[n++] = fonts_fit(f, w, rest, size, width);
			break;
		}
		/* The longest run of whole words that fits. */
		size_t len = strlen(rest), best = 0;
		for (size_t i = 1; i <= len; i++) {
			if (!may_break(rest, i))
				continue;
			char *part = xstrndup(rest, i);
			int fits = fonts_width(f, w, part, size) <= width;
			free(part);
			if (!fits)
				break;
			best = i;
		}
		if (!best)
			best = split_word(f, w, rest, size, width);
		lines[n++] = xstrndup(rest, best);
		rest += best;
	}
	return n;
}

double layout_text_wrap(struct scene *s, const char *role, double x, double y,
			const char *text, double size, enum weight weight,
			struct rgb colour, double width, size_t max,
			double lead)
{
	char *lines[4];
	if (max > 4)
		max = 4;
	size_t n = layout_wrap(s->fonts, weight, text, size, width, lines, max);
	for (size_t i = 0; i < n; i++) {
		scene_text(s, role, x, y + lead * (double)i, lines[i], size,
			   weight, ALIGN_LEFT, colour);
		free(lines[i]);
	}
	return y + lead * (double)(n ? n - 1 : 0);
}

double layout_title(struct scene *s, const char *title, const char *subtitle)
{
	scene_set_title(s, title);
	double width = s->width - 2 * MARGIN;
	double y = MARGIN + fonts_ascent(s->fonts, WEIGHT_BOLD, TITLE_SIZE);
	y = layout_text_wrap(s, "title", MARGIN, y, title, TITLE_SIZE,
			     WEIGHT_BOLD, COLOUR_TEXT, width, 5, 15);
	y += fonts_descent(s->fonts, WEIGHT_BOLD, TITLE_SIZE);
	if (subtitle) {
		y += fonts_ascent(s->fonts, WEIGHT_REGULAR, SMALL_SIZE) + 3;
		y = layout_text_wrap(s, "subtitle", MARGIN, y, subtitle,
				     SMALL_SIZE, WEIGHT_REGULAR, COLOUR_MUTED,
				     width, 3, 10.5);
		y += fonts_descent(s->fonts, WEIGHT_REGULAR, SMALL_SIZE);
	}
	return y + 10;
}

double layout_axis_width(const struct scene *s, const struct axis *a,
			 enum kind kind, enum figure figure)
{
	double w = 0;
	char text[NUMTEXT];
	for (size_t i = 0; i < a->nticks; i++) {
		double tw = fonts_width(s->fonts, WEIGHT_REGULAR,
					numtext_tick(a->ticks[i], kind, figure, text),
					SMALL_SIZE);
		if (tw > w)
			w = tw;
	}
	return w;
}

void layout_value_axis(struct scene *s, const struct axis *a, enum kind kind,
		       enum figure figure, double left, double right,
		       double top, double bottom)
{
	char text[NUMTEXT];
	double lift = (fonts_ascent(s->fonts, WEIGHT_REGULAR, SMALL_SIZE) -
		       fonts_descent(s->fonts, WEIGHT_REGULAR, SMALL_SIZE)) / 2;
	for (size_t i = 0; i < a->nticks; i++) {
		double y = axis_map(a, a->ticks[i], bottom, top);
		struct point line[2] = { { left, y }, { right, y } };
		scene_line(s, a->ticks[i] == 0 ? "baseline" : "grid", line, 2,
			   a->ticks[i] == 0 ? 1 : 0.5,
			   a->ticks[i] == 0 ? COLOUR_MUTED : COLOUR_GRID);
		scene_text(s, "axis", left - 4, y + lift,
			   numtext_tick(a->ticks[i], kind, figure, text), SMALL_SIZE,
			   WEIGHT_REGULAR, ALIGN_RIGHT, COLOUR_MUTED);
	}
}
