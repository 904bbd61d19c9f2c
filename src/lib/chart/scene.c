#include "scene.h"
#include "../base/buf.h"
#include "../base/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Okabe and Ito's palette; text colours chosen for contrast on white. */
const struct rgb COLOUR_BLUE = { 0, 114, 178 };
const struct rgb COLOUR_ORANGE = { 230, 159, 0 };
const struct rgb COLOUR_GREEN = { 0, 158, 115 };
const struct rgb COLOUR_SKY = { 86, 180, 233 };
const struct rgb COLOUR_VERMILION = { 213, 94, 0 };
const struct rgb COLOUR_PURPLE = { 204, 121, 167 };
const struct rgb COLOUR_YELLOW = { 240, 228, 66 };
const struct rgb COLOUR_TEXT = { 34, 34, 34 };
const struct rgb COLOUR_MUTED = { 89, 89, 89 };
const struct rgb COLOUR_GRID = { 221, 221, 221 };
const struct rgb COLOUR_TRACK = { 238, 238, 238 };
const struct rgb COLOUR_WHITE = { 255, 255, 255 };
const struct rgb COLOUR_BAND = { 198, 226, 244 };
const struct rgb COLOUR_BAND_EDGE = { 60, 140, 200 };

struct shape *scene_outline(struct scene *s, const char *role, double x,
			    double y, double w, double h, struct rgb stroke)
{
	struct point pts[5] = { { x, y }, { x + w, y }, { x + w, y + h },
				{ x, y + h }, { x, y } };
	return scene_line(s, role, pts, 5, 1, stroke);
}

void scene_init(struct scene *s, double width, double height,
		const struct fonts *fonts)
{
	memset(s, 0, sizeof(*s));
	s->width = width;
	s->height = height;
	s->fonts = fonts;
}

void scene_free(struct scene *s)
{
	for (size_t i = 0; i < s->len; i++) {
		free(s->shapes[i].pts);
		free(s->shapes[i].text);
	}
	free(s->shapes);
	free(s->name);
	free(s->title);
	free(s->reading);
	for (size_t i = 0; i < s->ndata; i++) {
		free(s->data[i].label);
		free(s->data[i].value);
	}
	free(s->data);
	free(s->data_head[0]);
	free(s->data_head[1]);
	memset(s, 0, sizeof(*s));
}

static bool finite_all(const double *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isfinite(v[i]))
			return false;
	return true;
}

static struct shape *refuse(struct scene *s, const char *role)
{
	if (!s->bad)
		snprintf(s->why, sizeof(s->why),
			 "a %s has a position or size that is not a number",
			 role);
	s->bad = true;
	return NULL;
}

static struct shape *add(struct scene *s, enum shape_kind kind,
			 const char *role)
{
	GROW(s->shapes, s->cap, s->len + 1);
	struct shape *sh = &s->shapes[s->len++];
	memset(sh, 0, sizeof(*sh));
	sh->kind = kind;
	sh->role = role;
	return sh;
}

struct shape *scene_rect(struct scene *s, const char *role, double x,
			 double y, double w, double h, struct rgb fill)
{
	double v[] = { x, y, w, h };
	if (!finite_all(v, 4) || w < 0 || h < 0)
		return refuse(s, role);
	struct shape *sh = add(s, SHAPE_RECT, role);
	sh->x = x, sh->y = y, sh->w = w, sh->h = h;
	sh->fill = fill;
	sh->filled = true;
	return sh;
}

static struct shape *add_points(struct scene *s, enum shape_kind kind,
				const char *role, const struct point *pts,
				size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isfinite(pts[i].x) || !isfinite(pts[i].y))
			return refuse(s, role);
	if (n < 2)
		return refuse(s, role);
	struct shape *sh = add(s, kind, role);
	sh->pts = xcalloc(n, sizeof(*pts));
	memcpy(sh->pts, pts, n * sizeof(*pts));
	sh->npts = n;
	return sh;
}

struct shape *scene_line(struct scene *s, const char *role,
			 const struct point *pts, size_t n, double width,
			 struct rgb stroke)
{
	if (!isfinite(width) || width <= 0)
		return refuse(s, role);
	struct shape *sh = add_points(s, SHAPE_LINE, role, pts, n);
	if (sh) {
		sh->stroke = stroke;
		sh->stroked = true;
		sh->line_width = width;
	}
	return sh;
}

struct shape *scene_area(struct scene *s, const char *role,
			 const struct point *pts, size_t n, struct rgb fill)
{
	struct shape *sh = add_points(s, SHAPE_AREA, role, pts, n);
	if (sh) {
		sh->fill = fill;
		sh->filled = true;
	}
	return sh;
}

struct shape *scene_dot(struct scene *s, const char *role, double x,
			double y, double r, struct rgb fill, struct rgb stroke)
{
	double v[] = { x, y, r };
	if (!finite_all(v, 3) || r <= 0)
		return refuse(s, role);
	struct shape *sh = add(s, SHAPE_DOT, role);
	sh->x = x, sh->y = y, sh->w = r;
	sh->fill = fill;
	sh->stroke = stroke;
	sh->filled = sh->stroked = true;
	sh->line_width = 1;
	return sh;
}

struct shape *scene_text(struct scene *s, const char *role, double x,
			 double y, const char *text, double size,
			 enum weight weight, enum align align, struct rgb colour)
{
	double v[] = { x, y, size };
	if (!finite_all(v, 3) || size <= 0)
		return refuse(s, role);
	struct shape *sh = add(s, SHAPE_TEXT, role);
	sh->x = x, sh->y = y;
	sh->text = xstrdup(text);
	sh->size = size;
	sh->weight = weight;
	sh->align = align;
	sh->fill = colour;
	sh->filled = true;
	double w = fonts_width(s->fonts, weight, text, size);
	double left = align == ALIGN_LEFT ? x
		      : align == ALIGN_CENTRE ? x - w / 2 : x - w;
	sh->box[0] = left;
	sh->box[1] = y - fonts_ascent(s->fonts, weight, size);
	sh->box[2] = left + w;
	sh->box[3] = y + fonts_descent(s->fonts, weight, size);
	return sh;
}

void shape_text_box(const struct scene *s, const struct shape *t,
		    double box[4])
{
	(void)s;
	memcpy(box, t->box, sizeof(t->box));
}

void scene_set_title(struct scene *s, const char *title)
{
	free(s->title);
	s->title = xstrdup(title);
}

void scene_set_reading(struct scene *s, const char *reading)
{
	free(s->reading);
	s->reading = xstrdup(reading);
}

/* The box any shape covers: left, top, right, bottom. */
static void shape_box(const struct scene *s, const struct shape *sh,
		      double box[4])
{
	box[0] = box[1] = box[2] = box[3] = 0;
	switch (sh->kind) {
	case SHAPE_RECT:
		box[0] = sh->x, box[1] = sh->y;
		box[2] = sh->x + sh->w, box[3] = sh->y + sh->h;
		return;
	case SHAPE_DOT:
		box[0] = sh->x - sh->w, box[1] = sh->y - sh->w;
		box[2] = sh->x + sh->w, box[3] = sh->y + sh->w;
		return;
	case SHAPE_TEXT:
		shape_text_box(s, sh, box);
		return;
	case SHAPE_LINE:
	case SHAPE_AREA:
		box[0] = box[2] = sh->pts[0].x;
		box[1] = box[3] = sh->pts[0].y;
		for (size_t i = 1; i < sh->npts; i++) {
			box[0] = fmin(box[0], sh->pts[i].x);
			box[1] = fmin(box[1], sh->pts[i].y);
			box[2] = fmax(box[2], sh->pts[i].x);
			box[3] = fmax(box[3], sh->pts[i].y);
		}
		return;
	}
}

int scene_check(const struct scene *s, char *why, size_t size)
{
	if (s->bad) {
		snprintf(why, size, "%s", s->why);
		return -1;
	}
	const double slack = 0.01;
	for (size_t i = 0; i < s->len; i++) {
		const struct shape *a = &s->shapes[i];
		double b[4];
		shape_box(s, a, b);
		if (b[0] < -slack || b[1] < -slack || b[2] > s->width + slack ||
		    b[3] > s->height + slack) {
			snprintf(why, size, "a %s reaches outside the chart",
				 a->role);
			return -1;
		}
		if (a->kind != SHAPE_TEXT)
			continue;
		if (a->size < 8) {
			snprintf(why, size, "a %s is set under 8 pt", a->role);
			return -1;
		}
		for (size_t j = i + 1; j < s->len; j++) {
			const struct shape *t = &s->shapes[j];
			if (t->kind != SHAPE_TEXT)
				continue;
			double c[4];
			shape_text_box(s, t, c);
			if (b[0] < c[2] - slack && c[0] < b[2] - slack &&
			    b[1] < c[3] - slack && c[1] < b[3] - slack) {
				snprintf(why, size, "the %s '%s' overlaps the %s "
					 "'%s'", a->role, a->text, t->role,
					 t->text);
				return -1;
			}
		}
	}
	return 0;
}

static double channel(unsigned char c)
{
	double v = c / 255.0;
	return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double luminance(struct rgb c)
{
	return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) +
	       0.0722 * channel(c.b);
}

double contrast_ratio(struct rgb a, struct rgb b)
{
	double x = luminance(a), y = luminance(b);
	return (fmax(x, y) + 0.05) / (fmin(x, y) + 0.05);
}

void scene_set_name(struct scene *s, const char *name)
{
	free(s->name);
	s->name = xstrdup(name);
	for (char *c = s->name; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		      (*c >= '0' && *c <= '9') || *c == '-' || *c == '_'))
			*c = '-';
}

void scene_data_head(struct scene *s, const char *label, const char *value)
{
	free(s->data_head[0]);
	free(s->data_head[1]);
	s->data_head[0] = xstrdup(label);
	s->data_head[1] = xstrdup(value);
}

void scene_datum(struct scene *s, const char *label, const char *value)
{
	GROW(s->data, s->dcap, s->ndata + 1);
	s->data[s->ndata++] = (struct datum){ xstrdup(label), xstrdup(value) };
}

/* text, with a full stop unless it ends with one. */
static void sentence(struct buf *b, const char *text)
{
	size_t n = strlen(text);
	if (b->len)
		buf_addc(b, ' ');
	buf_adds(b, text);
	if (n && !strchr(".!?", text[n - 1]))
		buf_addc(b, '.');
}

void scene_words(const struct scene *s, struct buf *b)
{
	if (s->title)
		sentence(b, s->title);
	if (s->reading)
		sentence(b, s->reading);
	if (!s->ndata)
		return;
	if (b->len)
		buf_addc(b, ' ');
	if (s->data_head[0])
		buf_addf(b, "%s and %s: ", s->data_head[0], s->data_head[1]);
	for (size_t i = 0; i < s->ndata; i++)
		buf_addf(b, "%s%s, %s", i ? "; " : "", s->data[i].label,
			 s->data[i].value);
	buf_addc(b, '.');
}
