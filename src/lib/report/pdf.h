/* pdf: A4 documents with libharu, the ground the reports are laid on.
 *
 * A document is set in two TrueType fonts (the settings font_regular and
 * font_bold), embedded, so any UTF-8 text is real text that pdftotext
 * gives back exactly; characters outside Unicode's basic plane and bad
 * UTF-8 bytes are set as U+FFFD. Every page is A4 portrait. Positions
 * are in points from the top left of the page, y downwards, as in chart
 * scenes; this module turns them the PDF way up.
 *
 * This module is the only one that calls libharu, and it guards it:
 * every number is checked to be finite and within libharu's range
 * (|v| <= 32767) before libharu sees it (libharu 2.3.0 takes a NaN
 * rectangle without complaint and writes a corrupt page), and every
 * error libharu reports is recorded. The first refusal or error marks
 * the document failed: later calls do nothing and return -1, and
 * pdf_save refuses to write it, naming it. A document with the same
 * content and date comes out byte for byte the same. */
#ifndef PLEDGE_PDF_H
#define PLEDGE_PDF_H

#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "../chart/scene.h"
#include "pdf_doc.h"

struct pdf;

/* Starts an empty document (no page yet) with the TrueType fonts at
 * regular and bold, compressed. Returns NULL with a reason in why (of
 * size bytes) when a font cannot be loaded or embedded (libharu takes
 * TrueType only, not OpenType/CFF), or a date is before 1970 or after
 * 9999. Free it with pdf_free. */
struct pdf *pdf_new(const char *regular, const char *bold,
		    const struct pdf_info *info, char *why, size_t size);
void pdf_free(struct pdf *p);

/* pdf_free keeps libharu's workspace, with the font files it read, for
 * the next pdf_new with the same fonts: a program writing many documents
 * reads each font file once. This frees it; call it before exit. */
void pdf_release(void);

/* Adds an A4 page and makes it the current page. Returns its number,
 * from 1, or -1. */
int pdf_add_page(struct pdf *p);

/* Makes page n (from 1) current again, to add what could not be known
 * while it was made ("Page N of M"). Returns 0, or -1 when there is no
 * page n (the document is then failed). */
int pdf_use_page(struct pdf *p, int n);

int pdf_page_count(const struct pdf *p);

/* The advance width of UTF-8 text at size points, as the PDF sets it
 * (the same widths the document carries for viewers); the font's
 * extent above and below the baseline (both positive). */
double pdf_text_width(const struct pdf *p, enum weight w, const char *text,
		      double size);
double pdf_ascent(const struct pdf *p, enum weight w, double size);
double pdf_descent(const struct pdf *p, enum weight w, double size);

/* Drawing on the current page. Each returns 0, or -1 when a number is
 * not finite or out of range, a size is negative, there is no page, or
 * libharu failed: the document is then failed (see pdf_error). */

/* Text with its baseline at y, anchored at x by align. */
int pdf_text(struct pdf *p, double x, double y, const char *text,
	     double size, enum weight w, enum align align, struct rgb colour);

/* A filled rectangle with its top-left corner at x, y. */
int pdf_rect(struct pdf *p, double x, double y, double w, double h,
	     struct rgb fill);

/* An open line through n >= 2 points, with round joins and ends. dash is
 * NULL for a solid line, or {on, off} lengths in points (libharu takes
 * whole points only: they are rounded, to at least 1). */
int pdf_polyline(struct pdf *p, const struct point *pts, size_t n,
		 double width, const double *dash, struct rgb stroke);

/* A filled polygon through n >= 2 points, closed back to the first. */
int pdf_polygon(struct pdf *p, const struct point *pts, size_t n,
		struct rgb fill);

/* A circle at x, y of radius r > 0, filled when fill is not NULL, its
 * outline stroked width wide when stroke is not NULL. */
int pdf_circle(struct pdf *p, double x, double y, double r,
	       const struct rgb *fill, const struct rgb *stroke, double width);

/* Adds a bookmark titled title (UTF-8) that opens page with y (points
 * from the top) at the top of the window, fitted to its width, under
 * parent (an earlier return of pdf_outline), or at the top level when
 * parent is -1. Bookmarks show open, and the viewer opens with them.
 * Returns the bookmark's number, or -1. */
/* A PNG image (a logo) width points wide, its top left at x, y, its
 * height in proportion; returns its height, or -1 with why when the file
 * cannot be read as a PNG (the document itself goes on). */
double pdf_image(struct pdf *p, const char *png, double x, double y,
		 double width, char *why, size_t size);

int pdf_outline(struct pdf *p, int parent, const char *title, int page,
		double y);

/* Tagging (PDF/UA): what a reader of the page is told it holds.
 *
 * A document is tagged in English (en-GB), with its title shown for its
 * name, a structure tree and XMP metadata naming PDF/UA. Drawing between
 * pdf_tag_begin and its pdf_tag_end is the content of that structure
 * element; elements nest (a Table holds TR, a TR holds TH and TD, an L
 * holds LI). Drawing while no element is open, or between
 * pdf_artifact_begin and pdf_artifact_end, is decoration (an artifact:
 * running headers and footers, rules, shading) that a screen reader
 * passes over. A page is never drawn on outside one or the other. Each
 * document's structure starts empty. Tags left open are closed when the
 * document is saved. The roles are enum pdf_role (pdf_doc.h). */

/* Opens an element of role inside the open one (alt: its alternative
 * text, UTF-8, for a Figure; NULL for none). At most PDF_TAG_DEPTH deep.
 * Returns 0, or -1 (the document is then failed). */
int pdf_tag_begin(struct pdf *p, enum pdf_role role, const char *alt);
/* Closes the innermost open element; 0, or -1 when none is open. */
int pdf_tag_end(struct pdf *p);
/* The role of the innermost open element, or PDF_ROLE_NONE. */
enum pdf_role pdf_tag_open(const struct pdf *p);
/* Decoration between these, even inside an element; they nest. */
void pdf_artifact_begin(struct pdf *p);
void pdf_artifact_end(struct pdf *p);

/* What hears the document as a screen reader would: each element as it
 * is opened (its role and alternative text) and closed, and each text
 * drawn as an element's content (not decoration), cleaned as pdf_text
 * sets it. pdf_listen(p, NULL) stops it. */
struct pdf_listener {
	void (*begin)(void *ctx, enum pdf_role role, const char *alt);
	void (*text)(void *ctx, const char *text);
	void (*end)(void *ctx);
	void *ctx;
};
void pdf_listen(struct pdf *p, const struct pdf_listener *l);

/* NULL, or why the document failed: the first refusal or libharu error. */
const char *pdf_error(const struct pdf *p);

/* Writes the document to path atomically (see out/atomic.h), to get mode
 * (0600 for a confidential report card, 0644 for the sector report).
 * Returns 0, or -1 with a message naming path in why when the document
 * has failed, has no page, libharu cannot write it, or the disk refuses
 * it; path is then left as it was, with no partial file. Saving again
 * writes the same bytes. */
int pdf_save(struct pdf *p, const char *path, mode_t mode, char *why,
	     size_t size);

#endif
