#include "pdf_check.h"
#include "pdf_doc.h"
#include "../base/text.h"
#include "../out/atomic.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void pdf_fail(struct pdf_state *s, const char *fmt, ...)
{
	if (s->failed)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->why, sizeof(s->why), fmt, ap);
	va_end(ap);
	s->failed = 1;
}

int pdf_numbers_ok(struct pdf_state *s, const char *what, const double *v,
		   size_t n)
{
	if (s->failed)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (!isfinite(v[i]) || fabs(v[i]) > PDF_LIMIT_REAL) {
			pdf_fail(s, "%s has a position or size that is not a "
				 "usable number (%g)", what, v[i]);
			return 0;
		}
	}
	if (!s->on_page) {
		pdf_fail(s, "%s drawn before any page", what);
		return 0;
	}
	return 1;
}

int pdf_text_ok(struct pdf_state *s, double x, double y, double size)
{
	double v[] = { x, y, size };
	if (!pdf_numbers_ok(s, "a text", v, 3))
		return 0;
	if (!(size > 0 && size <= PDF_LIMIT_FONT_SIZE)) {
		pdf_fail(s, "a text has a size of %g points", size);
		return 0;
	}
	return 1;
}

int pdf_rect_ok(struct pdf_state *s, double x, double y, double w,
		double h)
{
	double v[] = { x, PDF_PAGE_HEIGHT - y - h, w, h };
	if (!pdf_numbers_ok(s, "a rectangle", v, 4))
		return 0;
	if (w < 0 || h < 0) {
		pdf_fail(s, "a rectangle has a negative size (%g by %g)", w, h);
		return 0;
	}
	return 1;
}

/* A line width (and dash) that can be drawn. */
static int pen_ok(struct pdf_state *s, const char *what, double width,
		  const double *dash)
{
	double v[] = { width, dash ? dash[0] : 1, dash ? dash[1] : 1 };
	if (!pdf_numbers_ok(s, what, v, 3))
		return 0;
	if (!(width > 0 && width <= PDF_LIMIT_LINE_WIDTH) ||
	    (dash && !(dash[0] > 0 && dash[0] <= PDF_LIMIT_DASH &&
		       dash[1] > 0 && dash[1] <= PDF_LIMIT_DASH))) {
		pdf_fail(s, "%s has a line width or dash out of range (%g)",
			 what, width);
		return 0;
	}
	return 1;
}

int pdf_line_ok(struct pdf_state *s, const char *what,
		const struct point *pts, size_t n, size_t least, double width,
		const double *dash)
{
	if (width >= 0 && !pen_ok(s, what, width, dash))
		return 0;
	if (!s->failed && n < least) {
		pdf_fail(s, "%s has %zu points", what, n);
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		double v[] = { pts[i].x, PDF_PAGE_HEIGHT - pts[i].y };
		if (!pdf_numbers_ok(s, what, v, 2))
			return 0;
	}
	return !s->failed;
}

int pdf_dot_ok(struct pdf_state *s, double x, double y, double r,
	       int stroked, double width)
{
	double v[] = { x, PDF_PAGE_HEIGHT - y, r };
	if (!pdf_numbers_ok(s, "a dot", v, 3) ||
	    (stroked && !pen_ok(s, "a dot", width, NULL)))
		return 0;
	if (!(r > 0)) {
		pdf_fail(s, "a dot has a radius of %g", r);
		return 0;
	}
	return 1;
}

int pdf_image_ok(struct pdf_state *s, double x, double y, double width)
{
	double v[] = { x, y, width };
	if (!pdf_numbers_ok(s, "an image", v, 3))
		return 0;
	if (width <= 0) {
		pdf_fail(s, "an image has no page or no width");
		return 0;
	}
	return 1;
}

int pdf_outline_ok(struct pdf_state *s, int parent, size_t parents,
		   int page, double y)
{
	double v[] = { PDF_PAGE_HEIGHT - y };
	if (!pdf_numbers_ok(s, "a bookmark", v, 1))
		return 0;
	if (parent < -1 || parent >= (int)parents || page < 1 ||
	    page > s->pages) {
		pdf_fail(s, "a bookmark points at no page (%d) or parent (%d)",
			 page, parent);
		return 0;
	}
	return 1;
}

/* Appends code point c (at most U+FFFF) to b as UTF-8. */
static void add_utf8(struct buf *b, unsigned long c)
{
	if (c < 0x80) {
		buf_addc(b, (char)c);
		return;
	}
	if (c < 0x800) {
		buf_addc(b, (char)(0xC0 | c >> 6));
	} else {
		buf_addc(b, (char)(0xE0 | c >> 12));
		buf_addc(b, (char)(0x80 | (c >> 6 & 0x3F)));
	}
	buf_addc(b, (char)(0x80 | (c & 0x3F)));
}

const char *pdf_clean_text(struct buf *b, const char *text,
			   unsigned char *used)
{
	buf_reset(b);
	const char *s = text;
	while (*s) {
		unsigned long c = utf8_next(&s);
		if (c > 0xFFFF)
			c = 0xFFFD;
		else if (c < 0x20 || (c >= 0x7F && c < 0xA0))
			c = ' ';
		if (used)
			pdf_codeset_mark(used, c);
		add_utf8(b, c);
	}
	return b->s;
}

int pdf_write(struct pdf_state *s, pdf_render_fn *render, void *doc,
	      const char *path, mode_t mode, char *why, size_t size)
{
	if (!s->failed && s->pages == 0)
		pdf_fail(s, "the document has no page");
	struct buf bytes = BUF_INIT;
	if (s->failed || render(doc, &bytes) < 0) {
		snprintf(why, size, "cannot write %s: %s", path, s->why);
		buf_free(&bytes);
		return -1;
	}
	int ret = atomic_write(path, mode, bytes.s, bytes.len);
	if (ret < 0)
		snprintf(why, size, "cannot write %s: %s", path,
			 strerror(errno));
	buf_free(&bytes);
	return ret;
}
