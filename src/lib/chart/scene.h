/* scene: a chart as shapes and text, in points, with no drawing library
 * in it.
 *
 * Chart builders make a scene from data; back ends (draw_cairo for PNG,
 * draw_svg for SVG, draw_hpdf for the PDF report) draw it. Tests check a scene directly:
 * every shape has a role, so "the bars" or "the value labels" can be
 * found and measured. Coordinates have the origin at the top left, y
 * downwards. The scene refuses numbers that are not finite, so nothing
 * a back end is given can make it misbehave. */
#ifndef PLEDGE_SCENE_H
#define PLEDGE_SCENE_H

#include <stdbool.h>
#include <stddef.h>

#include "fonts.h"

struct rgb {
	unsigned char r, g, b;
};

struct point {
	double x, y;
};

enum shape_kind {
	SHAPE_RECT,   /* x, y, w, h */
	SHAPE_LINE,   /* an open polyline through pts */
	SHAPE_AREA,   /* a closed, filled polygon through pts */
	SHAPE_DOT,    /* a circle at x, y with radius w */
	SHAPE_TEXT    /* text with its baseline at y, anchored at x */
};

enum align { ALIGN_LEFT, ALIGN_CENTRE, ALIGN_RIGHT };

struct shape {
	enum shape_kind kind;
	const char *role;      /* what it shows: "bar", "value", "title"... */
	struct rgb fill;       /* rect, area, dot, text */
	struct rgb stroke;     /* line, dot outline */
	bool filled, stroked;
	double line_width;
	bool dashed;
	double x, y, w, h;
	struct point *pts;
	size_t npts;
	char *text;
	double size;           /* text size in points */
	enum weight weight;
	enum align align;
	double box[4];         /* text: left, top, right, bottom */
};

/* One figure a chart shows, in words, for a reader who cannot see it:
 * "2026-Q3" and "42.0% (12 answered)". */
struct datum {
	char *label;
	char *value;
};

struct scene {
	double width, height;
	const struct fonts *fonts;
	struct shape *shapes;
	size_t len, cap;
	char *name;            /* its file name, as "trend-staff_total" */
	char *title;           /* what the chart shows, for which quarter */
	char *reading;         /* one plain-English sentence about it */
	struct datum *data;    /* the figures it shows, in words */
	size_t ndata, dcap;
	char *data_head[2];    /* what the labels and values are */
	bool bad;              /* a shape was refused (see why) */
	char why[160];
};

void scene_init(struct scene *s, double width, double height,
		const struct fonts *fonts);
void scene_free(struct scene *s);

/* Each adder copies what it is given, refuses (setting bad and why) any
 * number that is not finite, and returns the new shape or NULL. */
struct shape *scene_rect(struct scene *s, const char *role, double x,
			 double y, double w, double h, struct rgb fill);
struct shape *scene_line(struct scene *s, const char *role,
			 const struct point *pts, size_t n, double width,
			 struct rgb stroke);
struct shape *scene_area(struct scene *s, const char *role,
			 const struct point *pts, size_t n, struct rgb fill);
struct shape *scene_dot(struct scene *s, const char *role, double x,
			double y, double r, struct rgb fill, struct rgb stroke);
struct shape *scene_text(struct scene *s, const char *role, double x,
			 double y, const char *text, double size,
			 enum weight weight, enum align align, struct rgb colour);

/* The box a text shape covers: left, top, right, bottom. */
void shape_text_box(const struct scene *s, const struct shape *t,
		    double box[4]);

/* The outline of the rectangle x, y, w, h: a closed line 1 point wide. */
struct shape *scene_outline(struct scene *s, const char *role, double x,
			    double y, double w, double h, struct rgb stroke);

/* Names the chart (copied), with any character but a letter, digit,
 * "-" or "_" made "-": its SVG's ids start with it. */
void scene_set_name(struct scene *s, const char *name);

/* Sets the chart's title and reading (copied). */
void scene_set_title(struct scene *s, const char *title);
void scene_set_reading(struct scene *s, const char *reading);

/* The chart's data, for its alternative text and its data table:
 * scene_data_head names the two columns ("Quarter", "Sector median");
 * scene_datum adds a row. Both copy what they are given. */
void scene_data_head(struct scene *s, const char *label, const char *value);
void scene_datum(struct scene *s, const char *label, const char *value);

/* The chart in words, into b (added to): its title, its reading, and
 * its data ("Quarter and sector median: 2026-Q2, 41.0%; 2026-Q3, 42.0%."). */
struct buf;
void scene_words(const struct scene *s, struct buf *b);

/* Checks what any chart must hold to: every shape inside the canvas,
 * no text under 8 pt, no two texts overlapping. Returns 0, or -1 with a
 * reason in why. */
int scene_check(const struct scene *s, char *why, size_t size);

/* The colours charts use: the Okabe-Ito palette, which stays apart
 * for every common kind of colour blindness, and greys for the frame.
 * Text colours keep a contrast of 4.5:1 or more on white. */
extern const struct rgb COLOUR_BLUE, COLOUR_ORANGE, COLOUR_GREEN,
	COLOUR_SKY, COLOUR_VERMILION, COLOUR_PURPLE, COLOUR_YELLOW,
	COLOUR_TEXT, COLOUR_MUTED, COLOUR_GRID, COLOUR_TRACK, COLOUR_WHITE,
	COLOUR_BAND, COLOUR_BAND_EDGE;
/* COLOUR_BAND is a light fill, so the median line over it stands out;
 * its edges are drawn in COLOUR_BAND_EDGE, 3.6:1 on white, so the band
 * itself keeps the 3:1 that WCAG asks of graphics. */

/* The contrast ratio of two colours (WCAG 2): 1 to 21. */
double contrast_ratio(struct rgb a, struct rgb b);

#endif
