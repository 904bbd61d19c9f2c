/* pdf_check: what every implementation of pdf.h refuses, and how it
 * gives text, shared so that all refuse the same calls with the same
 * words (report/pdf.c over libharu; tests/tools/pdf_cairo.c over Cairo).
 *
 * A document keeps a struct pdf_state; the checks fail it with the
 * first reason (pdf_error gives it), and a failed document refuses
 * everything after. The limits are libharu's: it clamps larger numbers
 * silently and writes NaN as a corrupt number. */
#ifndef PLEDGE_PDF_CHECK_H
#define PLEDGE_PDF_CHECK_H

#include <stddef.h>
#include <sys/types.h>

#include "../base/buf.h"
#include "../chart/scene.h"

#define PDF_LIMIT_REAL 32767.0       /* any number on a page */
#define PDF_LIMIT_FONT_SIZE 600.0
#define PDF_LIMIT_LINE_WIDTH 100.0
#define PDF_LIMIT_DASH 100.0

/* A set of codes U+0000..U+FFFF, a bit each (the characters a document
 * sets in a font). */
#define PDF_CODESET_BYTES (65536 / 8)

static inline void pdf_codeset_mark(unsigned char *set, unsigned long c)
{
	set[c >> 3] |= (unsigned char)(1u << (c & 7));
}

static inline int pdf_codeset_has(const unsigned char *set, unsigned long c)
{
	return set[c >> 3] >> (c & 7) & 1;
}

struct pdf_state {
	int failed;
	char why[240];
	int pages;              /* pages added */
	int on_page;            /* a page is being drawn on */
};

/* Fails the document with the reason, unless it has failed already. */
void pdf_fail(struct pdf_state *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* 1 when the document has not failed, a page is being drawn on, and the
 * n numbers of what (in the page's own coordinates, y up) are finite and
 * within the limit; else 0, the document failed. */
int pdf_numbers_ok(struct pdf_state *s, const char *what, const double *v,
		   size_t n);

/* The checks of each drawing of pdf.h, by its arguments; 1 or 0. */
int pdf_text_ok(struct pdf_state *s, double x, double y, double size);
int pdf_rect_ok(struct pdf_state *s, double x, double y, double w,
		double h);
int pdf_line_ok(struct pdf_state *s, const char *what,
		const struct point *pts, size_t n, size_t least, double width,
		const double *dash);   /* width < 0: no pen (an area) */
int pdf_dot_ok(struct pdf_state *s, double x, double y, double r,
	       int stroked, double width);
int pdf_image_ok(struct pdf_state *s, double x, double y, double width);
int pdf_outline_ok(struct pdf_state *s, int parent, size_t parents,
		   int page, double y);

/* text into b as pdf.h sets it: bad bytes and characters beyond the
 * basic plane as U+FFFD, control characters as spaces; each character
 * marked in used, when given. Returns b's text. */
const char *pdf_clean_text(struct buf *b, const char *text,
			   unsigned char *used);

/* Saves: render(doc, out) makes the whole document's bytes, which are
 * written to path atomically, to get mode. A failed document, or one
 * without a page, is not written. Returns 0, or -1 with why. */
typedef int pdf_render_fn(void *doc, struct buf *out);
int pdf_write(struct pdf_state *s, pdf_render_fn *render, void *doc,
	      const char *path, mode_t mode, char *why, size_t size);

#endif
