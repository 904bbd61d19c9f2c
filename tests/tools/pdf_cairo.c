/* pdf_cairo: the whole of report/pdf.h again, over Cairo's PDF surface
 * instead of libharu, so the same report cards can be drawn by both and
 * timed side by side (make bench). It is a test tool: linked in place of
 * report/pdf.o, never installed.
 *
 * It keeps pdf.h's contract: positions in points from the top left, y
 * down (Cairo's own way, so no turning over); the same checks on every
 * number and the same failure rules, from report/pdf_check; the two TrueType files as the fonts,
 * here Cairo font faces (pdf_cairo_fonts.h) with unhinted metrics;
 * document information with the creation date fixed from pdf_info, so
 * the same content makes the same bytes; saving atomically.
 *
 * Cairo writes a PDF page only forwards: once a page is shown it cannot
 * be drawn on again, and pdf.h lets a caller go back to any page
 * (pdf_use_page, for "Page N of M"). So each page is drawn into a Cairo
 * recording surface, and pdf_save replays the pages, in order, onto a
 * PDF surface; bookmarks are kept until then too. */
#include "report/pdf.h"
#include "report/pdf_check.h"
#include "base/buf.h"
#include "base/xalloc.h"
#include "pdf_cairo_fonts.h"

#include <cairo.h>
#include <cairo-pdf.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A bookmark, kept until the document is written. */
struct mark {
	int parent;               /* an earlier mark, or -1 */
	char *title;              /* cleaned UTF-8 */
	int page;
	double y;
};

struct pdf {
	cairo_font_face_t *face[2];
	cairo_scaled_font_t *measure[2]; /* at 1000 units, for widths */
	cairo_font_options_t *options;
	cairo_surface_t **pages;  /* a recording surface per page */
	size_t cap;
	cairo_t *cr;              /* on the current page, or NULL */
	struct mark *marks;
	size_t nmarks, mcap;
	char *info[4];            /* title, author, subject, creator */
	char date[32];            /* ISO 8601, UTC */
	struct buf text;          /* text as Cairo is given it */
	struct pdf_state st;      /* pdf_check's: failure, pages */
	enum pdf_role roles[PDF_TAG_DEPTH]; /* tags open (not written) */
	size_t depth;
	int artifact;
	struct pdf_listener hear;
};

/* Fails the document when Cairo's context has gone wrong; 0 or -1. */
static int done(struct pdf *p)
{
	if (!p->st.failed && p->cr && cairo_status(p->cr) != CAIRO_STATUS_SUCCESS)
		pdf_fail(&p->st, "cairo: %s", cairo_status_to_string(cairo_status(p->cr)));
	return p->st.failed ? -1 : 0;
}

/* Loads both faces and their measurers; 0 or -1 with why. */
static int load_fonts(struct pdf *p, const char *paths[2], char *why,
		      size_t size)
{
	p->options = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(p->options, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(p->options, CAIRO_HINT_STYLE_NONE);
	for (int w = 0; w < 2; w++) {
		p->face[w] = pdf_cairo_face(paths[w], why, size);
		if (!p->face[w])
			return -1;
		p->measure[w] = pdf_cairo_measurer(p->face[w], p->options);
		if (cairo_scaled_font_status(p->measure[w]) !=
		    CAIRO_STATUS_SUCCESS) {
			snprintf(why, size, "cairo cannot set %s: %s", paths[w],
				 cairo_status_to_string(cairo_scaled_font_status(
					 p->measure[w])));
			return -1;
		}
	}
	return 0;
}

/* Keeps the document information and date; 0 or -1 with why. */
static int set_info(struct pdf *p, const struct pdf_info *info, char *why,
		    size_t size)
{
	struct tm tm;
	if (info->date < 0 || !gmtime_r(&info->date, &tm) ||
	    tm.tm_year + 1900 > 9999) {
		snprintf(why, size, "the date %lld is not between 1970 and 9999",
			 (long long)info->date);
		return -1;
	}
	strftime(p->date, sizeof(p->date), "%Y-%m-%dT%H:%M:%SZ", &tm);
	const char *values[4] = { info->title, info->author, info->subject,
				  info->creator };
	for (int i = 0; i < 4; i++)
		if (values[i] && values[i][0])
			p->info[i] = xstrdup(pdf_clean_text(&p->text, values[i], NULL));
	return 0;
}

struct pdf *pdf_new(const char *regular, const char *bold,
		    const struct pdf_info *info, char *why, size_t size)
{
	struct pdf *p = xcalloc(1, sizeof(*p));
	buf_init(&p->text);
	const char *paths[2] = { regular, bold };
	if (load_fonts(p, paths, why, size) < 0 ||
	    set_info(p, info, why, size) < 0) {
		pdf_free(p);
		return NULL;
	}
	return p;
}

/* Nothing is kept from one document to the next here. */
void pdf_release(void)
{
}

void pdf_free(struct pdf *p)
{
	if (!p)
		return;
	if (p->cr)
		cairo_destroy(p->cr);
	for (int i = 0; i < p->st.pages; i++)
		cairo_surface_destroy(p->pages[i]);
	free(p->pages);
	for (size_t i = 0; i < p->nmarks; i++)
		free(p->marks[i].title);
	free(p->marks);
	for (int w = 0; w < 2; w++) {
		if (p->measure[w])
			cairo_scaled_font_destroy(p->measure[w]);
		if (p->face[w])
			cairo_font_face_destroy(p->face[w]);
	}
	if (p->options)
		cairo_font_options_destroy(p->options);
	for (int i = 0; i < 4; i++)
		free(p->info[i]);
	buf_free(&p->text);
	free(p);
}

/* Makes page n (from 1) the one drawn on, with pdf.h's pen: round
 * joins and ends, unhinted text. */
static void draw_on(struct pdf *p, size_t n)
{
	if (p->cr)
		cairo_destroy(p->cr);
	p->cr = cairo_create(p->pages[n - 1]);
	cairo_set_line_cap(p->cr, CAIRO_LINE_CAP_ROUND);
	cairo_set_line_join(p->cr, CAIRO_LINE_JOIN_ROUND);
	cairo_set_font_options(p->cr, p->options);
}

int pdf_add_page(struct pdf *p)
{
	if (p->st.failed)
		return -1;
	cairo_rectangle_t a4 = { 0, 0, PDF_PAGE_WIDTH, PDF_PAGE_HEIGHT };
	cairo_surface_t *page =
		cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &a4);
	if (cairo_surface_status(page) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(page);
		pdf_fail(&p->st, "cairo could not add a page");
		return -1;
	}
	GROW(p->pages, p->cap, (size_t)p->st.pages + 1);
	p->pages[p->st.pages++] = page;
	draw_on(p, (size_t)p->st.pages);
	p->st.on_page = 1;
	return done(p) < 0 ? -1 : p->st.pages;
}

int pdf_use_page(struct pdf *p, int n)
{
	if (p->st.failed)
		return -1;
	if (n < 1 || n > p->st.pages) {
		pdf_fail(&p->st, "there is no page %d of %d", n, p->st.pages);
		return -1;
	}
	draw_on(p, (size_t)n);
	return done(p);
}

int pdf_page_count(const struct pdf *p)
{
	return p->st.pages;
}

double pdf_text_width(const struct pdf *p, enum weight w, const char *text,
		      double size)
{
	struct buf b = BUF_INIT;
	cairo_text_extents_t e;
	cairo_scaled_font_text_extents(p->measure[w], pdf_clean_text(&b, text, NULL), &e);
	buf_free(&b);
	return e.x_advance * size / 1000.0;
}

/* The face's extents at 1000 units. */
static cairo_font_extents_t extents(const struct pdf *p, enum weight w)
{
	cairo_font_extents_t e;
	cairo_scaled_font_extents(p->measure[w], &e);
	return e;
}

double pdf_ascent(const struct pdf *p, enum weight w, double size)
{
	return extents(p, w).ascent * size / 1000.0;
}

double pdf_descent(const struct pdf *p, enum weight w, double size)
{
	return extents(p, w).descent * size / 1000.0;
}

/* Sets the source colour. */
static void set_colour(struct pdf *p, struct rgb c)
{
	cairo_set_source_rgb(p->cr, c.r / 255.0, c.g / 255.0, c.b / 255.0);
}

static int is_content(const struct pdf *p);

int pdf_text(struct pdf *p, double x, double y, const char *text,
	     double size, enum weight w, enum align align, struct rgb colour)
{
	if (!pdf_text_ok(&p->st, x, y, size))
		return -1;
	const char *s = pdf_clean_text(&p->text, text, NULL);
	cairo_text_extents_t e;
	cairo_scaled_font_text_extents(p->measure[w], s, &e);
	double width = e.x_advance * size / 1000.0;
	double left = align == ALIGN_LEFT ? x
		      : align == ALIGN_CENTRE ? x - width / 2 : x - width;
	double at[] = { left, PDF_PAGE_HEIGHT - y };
	if (!pdf_numbers_ok(&p->st, "a text", at, 2))
		return -1;
	if (p->hear.begin && is_content(p))
		p->hear.text(p->hear.ctx, s);
	cairo_set_font_face(p->cr, p->face[w]);
	cairo_set_font_size(p->cr, size);
	set_colour(p, colour);
	cairo_move_to(p->cr, left, y);
	cairo_show_text(p->cr, s);
	cairo_new_path(p->cr);
	return done(p);
}

int pdf_rect(struct pdf *p, double x, double y, double w, double h,
	     struct rgb fill)
{
	if (!pdf_rect_ok(&p->st, x, y, w, h))
		return -1;
	set_colour(p, fill);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_fill(p->cr);
	return done(p);
}

/* Draws img width points wide with its top left at x, y; its height. */
static double place_image(struct pdf *p, cairo_surface_t *img, double x,
			  double y, double width)
{
	double w = cairo_image_surface_get_width(img);
	double h = cairo_image_surface_get_height(img);
	double height = width * h / w;
	double b[] = { PDF_PAGE_HEIGHT - y - height, height };
	if (!pdf_numbers_ok(&p->st, "an image", b, 2))
		return -1;
	cairo_save(p->cr);
	cairo_translate(p->cr, x, y);
	cairo_scale(p->cr, width / w, width / w);
	cairo_set_source_surface(p->cr, img, 0, 0);
	cairo_paint(p->cr);
	cairo_restore(p->cr);
	return done(p) < 0 ? -1 : height;
}

double pdf_image(struct pdf *p, const char *png, double x, double y,
		 double width, char *why, size_t size)
{
	if (!pdf_image_ok(&p->st, x, y, width))
		return -1;
	cairo_surface_t *img = cairo_image_surface_create_from_png(png);
	if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS ||
	    cairo_image_surface_get_width(img) <= 0 ||
	    cairo_image_surface_get_height(img) <= 0) {
		/* A logo that cannot be read leaves the report without it. */
		cairo_surface_destroy(img);
		snprintf(why, size, "cannot read %s as a PNG image", png);
		return -1;
	}
	double height = place_image(p, img, x, y, width);
	cairo_surface_destroy(img);
	return height;
}

/* A path through pts (checked). */
static void trace(struct pdf *p, const struct point *pts, size_t n)
{
	cairo_move_to(p->cr, pts[0].x, pts[0].y);
	for (size_t i = 1; i < n; i++)
		cairo_line_to(p->cr, pts[i].x, pts[i].y);
}

/* Sets the stroke colour, width and dash (NULL for solid). Cairo takes
 * dashes of any length, so they are not rounded as libharu's are. */
static void set_pen(struct pdf *p, struct rgb c, double width,
		    const double *dash)
{
	set_colour(p, c);
	cairo_set_line_width(p->cr, width);
	cairo_set_dash(p->cr, dash, dash ? 2 : 0, 0);
}

int pdf_polyline(struct pdf *p, const struct point *pts, size_t n,
		 double width, const double *dash, struct rgb stroke)
{
	if (!pdf_line_ok(&p->st, "a line", pts, n, 2, width, dash))
		return -1;
	set_pen(p, stroke, width, dash);
	trace(p, pts, n);
	cairo_stroke(p->cr);
	return done(p);
}

int pdf_polygon(struct pdf *p, const struct point *pts, size_t n,
		struct rgb fill)
{
	if (!pdf_line_ok(&p->st, "an area", pts, n, 2, -1, NULL))
		return -1;
	set_colour(p, fill);
	trace(p, pts, n);
	cairo_close_path(p->cr);
	cairo_fill(p->cr);
	return done(p);
}

int pdf_circle(struct pdf *p, double x, double y, double r,
	       const struct rgb *fill, const struct rgb *stroke, double width)
{
	if (!pdf_dot_ok(&p->st, x, y, r, stroke != NULL, width))
		return -1;
	cairo_new_path(p->cr);
	cairo_arc(p->cr, x, y, r, 0, 2 * M_PI);
	cairo_close_path(p->cr);
	if (fill) {
		set_colour(p, *fill);
		cairo_fill_preserve(p->cr);
	}
	if (stroke) {
		set_pen(p, *stroke, width, NULL);
		cairo_stroke_preserve(p->cr);
	}
	cairo_new_path(p->cr);
	return done(p);
}

int pdf_outline(struct pdf *p, int parent, const char *title, int page,
		double y)
{
	if (!pdf_outline_ok(&p->st, parent, p->nmarks, page, y))
		return -1;
	GROW(p->marks, p->mcap, p->nmarks + 1);
	p->marks[p->nmarks] = (struct mark){
		parent, xstrdup(pdf_clean_text(&p->text, title, NULL)), page, y
	};
	return (int)p->nmarks++;
}

/* Tagging is not written by this stand-in: it keeps only which tags
 * are open, as pdf.h's callers may ask. */
int pdf_tag_begin(struct pdf *p, enum pdf_role role, const char *alt)
{
	if (p->st.failed || p->depth >= PDF_TAG_DEPTH) {
		pdf_fail(&p->st, "tags nested too deep");
		return -1;
	}
	p->roles[p->depth++] = role;
	if (p->hear.begin)
		p->hear.begin(p->hear.ctx, role, alt);
	return 0;
}

int pdf_tag_end(struct pdf *p)
{
	if (p->st.failed || !p->depth)
		return -1;
	p->depth--;
	if (p->hear.begin)
		p->hear.end(p->hear.ctx);
	return 0;
}

enum pdf_role pdf_tag_open(const struct pdf *p)
{
	return p->depth ? p->roles[p->depth - 1] : PDF_ROLE_NONE;
}

void pdf_artifact_begin(struct pdf *p)
{
	p->artifact++;
}

void pdf_artifact_end(struct pdf *p)
{
	if (p->artifact)
		p->artifact--;
}

void pdf_listen(struct pdf *p, const struct pdf_listener *l)
{
	p->hear = l ? *l : (struct pdf_listener){ 0 };
}

/* Whether text drawn now is content, as report/pdftag judges it. */
static int is_content(const struct pdf *p)
{
	if (p->artifact || !p->depth)
		return 0;
	enum pdf_role r = p->roles[p->depth - 1];
	return r != PDF_ROLE_TABLE && r != PDF_ROLE_TR && r != PDF_ROLE_L &&
	       r != PDF_ROLE_SECT;
}

const char *pdf_error(const struct pdf *p)
{
	return p->st.failed ? p->st.why : NULL;
}

/* Cairo's writer: appends to a buf. */
static cairo_status_t to_buf(void *closure, const unsigned char *data,
			     unsigned int length)
{
	buf_add(closure, data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* The document information and dates onto the PDF surface. */
static void write_info(struct pdf *p, cairo_surface_t *s)
{
	static const cairo_pdf_metadata_t keys[4] = {
		CAIRO_PDF_METADATA_TITLE, CAIRO_PDF_METADATA_AUTHOR,
		CAIRO_PDF_METADATA_SUBJECT, CAIRO_PDF_METADATA_CREATOR
	};
	for (int i = 0; i < 4; i++)
		if (p->info[i])
			cairo_pdf_surface_set_metadata(s, keys[i], p->info[i]);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE,
				       p->date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE,
				       p->date);
}

/* The bookmarks, open, each to its page with its y at the top. */
static void write_marks(struct pdf *p, cairo_surface_t *s)
{
	int *ids = xcalloc(p->nmarks + 1, sizeof(*ids));
	for (size_t i = 0; i < p->nmarks; i++) {
		const struct mark *m = &p->marks[i];
		char *link = xasprintf("page=%d pos=[0 %.2f]", m->page, m->y);
		ids[i] = cairo_pdf_surface_add_outline(
			s, m->parent < 0 ? CAIRO_PDF_OUTLINE_ROOT
					 : ids[m->parent],
			m->title, link, CAIRO_PDF_OUTLINE_FLAG_OPEN);
		free(link);
	}
	free(ids);
}

/* The whole document, as Cairo writes it, into out; 0 or -1. */
static int render(void *doc, struct buf *out)
{
	struct pdf *p = doc;
	buf_reset(out);
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(
		to_buf, out, PDF_PAGE_WIDTH, PDF_PAGE_HEIGHT);
	write_info(p, s);
	cairo_t *cr = cairo_create(s);
	for (int i = 0; i < p->st.pages; i++) {
		cairo_set_source_surface(cr, p->pages[i], 0, 0);
		cairo_paint(cr);
		cairo_show_page(cr);
	}
	write_marks(p, s);
	cairo_status_t st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (st != CAIRO_STATUS_SUCCESS) {
		pdf_fail(&p->st, "cairo could not write the document: %s",
		     cairo_status_to_string(st));
		return -1;
	}
	return 0;
}

int pdf_save(struct pdf *p, const char *path, mode_t mode, char *why,
	     size_t size)
{
	return pdf_write(&p->st, render, p, path, mode, why, size);
}
