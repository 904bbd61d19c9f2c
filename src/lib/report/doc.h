/* doc: a report as a flow of blocks down A4 pages.
 *
 * Keeps the place on the page, starts a new page when a block would not
 * fit, wraps text to a width, sets headings with bookmarks, and at the
 * end puts "Page N of M" and the footer on every page. Built on pdf.h;
 * text is measured with the same fonts the charts use. */
#ifndef PLEDGE_DOC_H
#define PLEDGE_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "../chart/charts.h"
#include "../model/levels.h"
#include "../model/wording.h"
#include "html.h"
#include "pdf.h"

struct positions;

#define DOC_MARGIN 48.0
#define DOC_WIDTH (PDF_PAGE_WIDTH - 2 * DOC_MARGIN)
#define DOC_BOTTOM (PDF_PAGE_HEIGHT - 56.0)

/* What a report is made from. */
struct report_queries;

struct report_input {
	struct chart_input chart;     /* catalogue, roster, settings, fonts,
					 published figures, tidy returns,
					 the quarter */
	const struct wording *words;
	const char *pdf_regular;      /* font files for the PDF (perhaps */
	const char *pdf_bold;         /* subsets of the chart fonts) */
	time_t date;                  /* printed as the report's date */
	struct rgb accent;            /* from the wording's accent_colour */
	const char *logo;             /* a PNG file, or NULL for none */
	const struct positions *positions; /* report cards: the quarter's
					 comparable figures, made once
					 (position.h), or NULL: each card
					 makes its own */
	const struct revised *revised; /* figures marked [r], or NULL */
	const struct levels *levels;  /* commitment levels, or NULL */
	const char *html;             /* where the HTML edition goes too
					 (see html.h), or NULL for none */
	const struct report_queries *queries; /* pledge-ingest's, or NULL */
};

struct doc {
	struct pdf *pdf;
	const struct report_input *in;
	double y;                     /* the top of the next block */
	int chapter;                  /* outline entry of the section */
	const char *footer;
	struct html *html;            /* the HTML edition, or NULL */
};

/* Starts a document with its first page. Returns 0, or -1 with why. */
int doc_open(struct doc *d, const struct report_input *in,
	     const char *title, const char *subject, const char *footer,
	     char *why, size_t size);

/* Makes sure height points are left on the page, else starts a new one. */
void doc_need(struct doc *d, double height);
void doc_new_page(struct doc *d);

/* Text wrapped to width from x, advancing the place; returns the lines.
 * It is tagged a paragraph, unless drawn inside an element that holds
 * text itself (a heading, a table cell, a list item...). */
size_t doc_text(struct doc *d, double x, double width, const char *text,
		double size, enum weight w, struct rgb colour);
/* The same, untagged: the lines are content of whatever is open. */
size_t doc_lines(struct doc *d, double x, double width, const char *text,
		 double size, enum weight w, struct rgb colour);

/* A section heading (level 1, with a bookmark) or sub-heading (2). */
void doc_heading(struct doc *d, int level, const char *text);

/* The band of the accent colour across the top of the page, h tall
 * (decoration, not content). */
void doc_band(struct doc *d, double h);

/* The logo, if there is one, width points wide with its top left at
 * x, y (not moving the place); returns its height, or 0. */
double doc_logo(struct doc *d, double x, double y, double width);

/* A scene (a chart) at full width, tagged a Figure whose alternative
 * text is its title, reading and data in words, and its reading under
 * it. */
void doc_chart(struct doc *d, const struct scene *s);

/* The width of a chart set two to a row by doc_charts. */
#define DOC_HALF_WIDTH ((DOC_WIDTH - 16) / 2)

/* Scenes two to a row, each at its own size (built DOC_HALF_WIDTH wide)
 * with its reading under it; a wider scene takes a row of its own. A
 * row starts a new page when it does not fit. */
void doc_charts(struct doc *d, const struct scene *const *s, size_t n);

/* A table column: its heading, width in points, and whether its cells
 * are set flush right (figures). */
struct doc_column {
	const char *head;
	double width;
	bool right;
};

/* A table of rows rows of ncols cells (cells[row * ncols + col]), each
 * cell wrapped within its column, never cut; a row is as tall as its
 * tallest cell, and the header row is repeated on every page the table
 * runs onto. */
void doc_table(struct doc *d, const struct doc_column *cols, size_t ncols,
	       const char *const *cells, size_t rows);

/* Tiles two to a row across the page: tile i has a bold title[i] and
 * the lines of body[i] (separated by '\n') under it, each wrapped; a
 * row of tiles is as tall as its fuller tile needs. */
void doc_tiles(struct doc *d, const char *const *title,
	       const char *const *body, size_t n);

/* A list of points, one paragraph each, with a bullet. */
void doc_bullets(struct doc *d, const char *const *items, size_t n,
		 double size);

/* Puts the page numbers and footer on every page and saves to path
 * with mode, and the HTML edition to in->html (0644) when asked for.
 * Returns 0, or -1 with why; nothing is left at path then. */
int doc_close(struct doc *d, const char *path, mode_t mode, char *why,
	      size_t size);

/* Frees a document that is not saved. */
void doc_abandon(struct doc *d);

/* "#0072B2" as a colour; the Okabe-Ito blue when it is not one. */
struct rgb colour_from_hex(const char *hex);

#endif
