#include "draw_cairo.h"
#include "../out/atomic.h"

#include <cairo.h>
#include <cairo-ft.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

static void set_colour(cairo_t *cr, struct rgb c)
{
	cairo_set_source_rgb(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0);
}

static void draw_text(cairo_t *cr, const struct scene *s,
		      const struct shape *t, cairo_font_face_t *faces[2])
{
	double box[4];
	shape_text_box(s, t, box);
	cairo_set_font_face(cr, faces[t->weight]);
	cairo_set_font_size(cr, t->size);
	set_colour(cr, t->fill);
	cairo_move_to(cr, box[0], t->y);
	cairo_show_text(cr, t->text);
}

static void draw_points(cairo_t *cr, const struct shape *sh)
{
	cairo_move_to(cr, sh->pts[0].x, sh->pts[0].y);
	for (size_t i = 1; i < sh->npts; i++)
		cairo_line_to(cr, sh->pts[i].x, sh->pts[i].y);
}

static void draw_shape(cairo_t *cr, const struct scene *s,
		       const struct shape *sh, cairo_font_face_t *faces[2])
{
	static const double dash[] = { 3, 2 };
	switch (sh->kind) {
	case SHAPE_RECT:
		set_colour(cr, sh->fill);
		cairo_rectangle(cr, sh->x, sh->y, sh->w, sh->h);
		cairo_fill(cr);
		break;
	case SHAPE_LINE:
		draw_points(cr, sh);
		set_colour(cr, sh->stroke);
		cairo_set_line_width(cr, sh->line_width);
		cairo_set_dash(cr, dash, sh->dashed ? 2 : 0, 0);
		cairo_stroke(cr);
		break;
	case SHAPE_AREA:
		draw_points(cr, sh);
		cairo_close_path(cr);
		set_colour(cr, sh->fill);
		cairo_fill(cr);
		break;
	case SHAPE_DOT:
		cairo_new_sub_path(cr);
		cairo_arc(cr, sh->x, sh->y, sh->w, 0, 6.283185307179586);
		set_colour(cr, sh->fill);
		cairo_fill_preserve(cr);
		set_colour(cr, sh->stroke);
		cairo_set_line_width(cr, sh->line_width);
		cairo_set_dash(cr, dash, 0, 0);
		cairo_stroke(cr);
		break;
	case SHAPE_TEXT:
		draw_text(cr, s, sh, faces);
		break;
	}
}

static void release_face(void *face)
{
	cairo_font_face_destroy(face);
}

/* Cairo's face for a font, made once and kept with the fonts, so its
 * glyph caches last from one chart to the next. */
static cairo_font_face_t *face_of(const struct fonts *f, enum weight w)
{
	void **slot = fonts_backend_slot(f, BACKEND_CAIRO, w, release_face);
	if (!*slot)
		*slot = cairo_ft_font_face_create_for_ft_face(
			fonts_ft_face(f, w), 0);
	return *slot;
}

/* Draws s on cr; returns cr's status. */
static cairo_status_t draw(cairo_t *cr, const struct scene *s)
{
	cairo_font_face_t *faces[2];
	for (int i = 0; i < 2; i++)
		faces[i] = face_of(s->fonts, (enum weight)i);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_set_font_options(cr, fo);
	set_colour(cr, COLOUR_WHITE);
	cairo_paint(cr);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
	for (size_t i = 0; i < s->len; i++)
		draw_shape(cr, s, &s->shapes[i], faces);
	cairo_status_t st = cairo_status(cr);
	cairo_font_options_destroy(fo);
	return st;
}

/* Where Cairo's output goes, and why writing it failed. */
struct sink {
	FILE *fp;
	int err;
};

static cairo_status_t to_file(void *closure, const unsigned char *data,
			      unsigned int length)
{
	struct sink *out = closure;
	if (fwrite(data, 1, length, out->fp) == length)
		return CAIRO_STATUS_SUCCESS;
	out->err = errno ? errno : EIO;
	return CAIRO_STATUS_WRITE_ERROR;
}

/* Why a write through sink failed, in the system's words if it said. */
static const char *write_error(const struct sink *out, cairo_status_t st)
{
	return out->err ? strerror(out->err) : cairo_status_to_string(st);
}

static int fail(char *why, size_t size, const char *path, const char *what)
{
	snprintf(why, size, "cannot write %s: %s", path, what);
	return -1;
}

int scene_write_png(const struct scene *s, const char *path, double scale,
		    char *why, size_t size)
{
	if (scene_check(s, why, size) < 0)
		return -1;
	int w = (int)(s->width * scale + 0.5), h = (int)(s->height * scale + 0.5);
	cairo_surface_t *surface =
		cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_t *cr = cairo_create(surface);
	cairo_scale(cr, scale, scale);
	cairo_status_t st = draw(cr, s);
	cairo_destroy(cr);
	struct atomic_file f;
	int ret = 0;
	if (st != CAIRO_STATUS_SUCCESS) {
		ret = fail(why, size, path, cairo_status_to_string(st));
	} else if (atomic_open(&f, path, 0644) < 0) {
		ret = fail(why, size, path, strerror(errno));
	} else {
		struct sink out = { f.fp, 0 };
		st = cairo_surface_write_to_png_stream(surface, to_file, &out);
		if (st != CAIRO_STATUS_SUCCESS) {
			atomic_abort(&f);
			ret = fail(why, size, path, write_error(&out, st));
		} else if (atomic_commit(&f) < 0) {
			ret = fail(why, size, path, strerror(errno));
		}
	}
	cairo_surface_destroy(surface);
	return ret;
}
