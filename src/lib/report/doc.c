#include "doc.h"
#include "draw_hpdf.h"
#include "../chart/layout.h"
#include "../base/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int doc_open(struct doc *d, const struct report_input *in,
	     const char *title, const char *subject, const char *footer,
	     char *why, size_t size)
{
	memset(d, 0, sizeof(*d));
	d->in = in;
	d->footer = footer;
	d->chapter = -1;
	struct pdf_info info = {
		.title = title,
		.author = wording_get(in->words, "federation"),
		.subject = subject,
		.creator = "pledge " PLEDGE_VERSION,
		.date = in->date,
	};
	d->pdf = pdf_new(in->pdf_regular, in->pdf_bold, &info, why, size);
	if (!d->pdf)
		return -1;
	if (in->html) {
		d->html = html_new(title, in->accent);
		struct pdf_listener hear = html_listener(d->html);
		pdf_listen(d->pdf, &hear);
	}
	doc_new_page(d);
	return 0;
}

void doc_new_page(struct doc *d)
{
	pdf_add_page(d->pdf);
	d->y = DOC_MARGIN;
}

void doc_need(struct doc *d, double height)
{
	if (d->y + height > DOC_BOTTOM)
		doc_new_page(d);
}

/* Whether text drawn inside an element of role is its own content;
 * anywhere else, doc_text makes a paragraph of it. */
static bool takes_text(enum pdf_role role)
{
	return role != PDF_ROLE_NONE && role != PDF_ROLE_SECT &&
	       role != PDF_ROLE_L && role != PDF_ROLE_TABLE &&
	       role != PDF_ROLE_TR && role != PDF_ROLE_FIGURE;
}

size_t doc_text(struct doc *d, double x, double width, const char *text,
		double size, enum weight w, struct rgb colour)
{
	bool own = !takes_text(pdf_tag_open(d->pdf));
	if (own)
		pdf_tag_begin(d->pdf, PDF_ROLE_P, NULL);
	size_t n = doc_lines(d, x, width, text, size, w, colour);
	if (own)
		pdf_tag_end(d->pdf);
	return n;
}

size_t doc_lines(struct doc *d, double x, double width, const char *text,
		 double size, enum weight w, struct rgb colour)
{
	const struct fonts *f = d->in->chart.fonts;
	double lead = size * 1.35;
	char *lines[64];
	size_t n = layout_wrap(f, w, text, size, width, lines, 64);
	struct buf line = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		/* A space ends each line but the last, so a screen reader or
		 * a copy of the text has the words apart. */
		buf_reset(&line);
		buf_addf(&line, "%s%s", lines[i], i + 1 < n ? " " : "");
		doc_need(d, lead);
		pdf_text(d->pdf, x, d->y + fonts_ascent(f, w, size), line.s,
			 size, w, ALIGN_LEFT, colour);
		d->y += lead;
		free(lines[i]);
	}
	buf_free(&line);
	return n;
}

void doc_heading(struct doc *d, int level, const char *text)
{
	double size = level == 1 ? 18 : 12.5;
	doc_need(d, level == 1 ? 80 : 50);
	if (level == 1 && d->y > DOC_MARGIN)
		d->y += 10;
	int page = pdf_page_count(d->pdf);
	int entry = pdf_outline(d->pdf, level == 1 ? -1 : d->chapter, text,
				page, d->y);
	if (level == 1)
		d->chapter = entry;
	pdf_tag_begin(d->pdf, level == 1 ? PDF_ROLE_H1 : PDF_ROLE_H2, NULL);
	doc_text(d, DOC_MARGIN, DOC_WIDTH, text, size, WEIGHT_BOLD,
		 level == 1 ? d->in->accent : COLOUR_TEXT);
	pdf_tag_end(d->pdf);
	d->y += level == 1 ? 6 : 2;
}

void doc_band(struct doc *d, double h)
{
	pdf_artifact_begin(d->pdf);
	pdf_rect(d->pdf, 0, 0, PDF_PAGE_WIDTH, h, d->in->accent);
	pdf_artifact_end(d->pdf);
}

double doc_logo(struct doc *d, double x, double y, double width)
{
	char why[300];
	if (!d->in->logo || !d->in->logo[0])
		return 0;
	pdf_artifact_begin(d->pdf);
	double h = pdf_image(d->pdf, d->in->logo, x, y, width, why,
			     sizeof(why));
	pdf_artifact_end(d->pdf);
	return h > 0 ? h : 0;
}

void doc_chart(struct doc *d, const struct scene *s)
{
	double height = s->height * DOC_WIDTH / s->width;
	doc_need(d, height + 40);
	char why[200];
	struct buf alt = BUF_INIT;
	scene_words(s, &alt);
	if (d->html)
		html_figure(d->html, s);
	pdf_tag_begin(d->pdf, PDF_ROLE_FIGURE, alt.s);
	buf_free(&alt);
	int drawn = scene_draw_pdf(s, d->pdf, DOC_MARGIN, d->y, DOC_WIDTH, why,
				   sizeof(why));
	pdf_tag_end(d->pdf);
	if (drawn < 0)
		return;
	d->y += height + 4;
	if (s->reading)
		doc_text(d, DOC_MARGIN, DOC_WIDTH, s->reading, 9.5,
			 WEIGHT_REGULAR, COLOUR_MUTED);
	d->y += 10;
}

static size_t lines_of(const struct fonts *f, enum weight w, const char *text,
		       double size, double width);

#define READING_SIZE 8.5

/* The height of a chart in a row and its reading. */
static double chart_height(const struct doc *d, const struct scene *s)
{
	double h = s->height;
	if (s->reading)
		h += 4 + (double)lines_of(d->in->chart.fonts, WEIGHT_REGULAR,
					  s->reading, READING_SIZE, s->width) *
				 READING_SIZE * 1.35;
	return h;
}

void doc_charts(struct doc *d, const struct scene *const *s, size_t n)
{
	char why[200];
	size_t k;
	for (size_t i = 0; i < n; i += k) {
		k = i + 1 < n && s[i]->width <= DOC_HALF_WIDTH + 0.5 &&
				   s[i + 1]->width <= DOC_HALF_WIDTH + 0.5
			   ? 2 : 1;
		double h = chart_height(d, s[i]);
		if (k == 2 && chart_height(d, s[i + 1]) > h)
			h = chart_height(d, s[i + 1]);
		doc_need(d, h);
		double top = d->y;
		for (size_t j = 0; j < k; j++) {
			const struct scene *c = s[i + j];
			double x = DOC_MARGIN + (double)j * (DOC_WIDTH - c->width);
			struct buf alt = BUF_INIT;
			scene_words(c, &alt);
			if (d->html)
				html_figure(d->html, c);
			pdf_tag_begin(d->pdf, PDF_ROLE_FIGURE, alt.s);
			buf_free(&alt);
			int drawn = scene_draw_pdf(c, d->pdf, x, top, c->width,
						   why, sizeof(why));
			pdf_tag_end(d->pdf);
			if (drawn < 0)
				continue;
			d->y = top + c->height + 4;
			if (c->reading)
				doc_text(d, x, c->width, c->reading,
					 READING_SIZE, WEIGHT_REGULAR,
					 COLOUR_MUTED);
		}
		d->y = top + h + 14;
	}
}

int doc_close(struct doc *d, const char *path, mode_t mode, char *why,
	      size_t size)
{
	int pages = pdf_page_count(d->pdf);
	for (int p = 1; p <= pages; p++) {
		char number[64];
		snprintf(number, sizeof(number), "Page %d of %d", p, pages);
		pdf_use_page(d->pdf, p);
		double y = PDF_PAGE_HEIGHT - 30;
		pdf_artifact_begin(d->pdf);
		if (d->footer)
			pdf_text(d->pdf, DOC_MARGIN, y, d->footer, 8,
				 WEIGHT_REGULAR, ALIGN_LEFT, COLOUR_MUTED);
		pdf_text(d->pdf, PDF_PAGE_WIDTH - DOC_MARGIN, y, number, 8,
			 WEIGHT_REGULAR, ALIGN_RIGHT, COLOUR_MUTED);
		pdf_artifact_end(d->pdf);
	}
	int ret = pdf_save(d->pdf, path, mode, why, size);
	pdf_free(d->pdf);
	d->pdf = NULL;
	if (ret == 0 && d->html)
		ret = html_save(d->html, d->in->html, why, size);
	html_free(d->html);
	d->html = NULL;
	return ret;
}

void doc_abandon(struct doc *d)
{
	pdf_free(d->pdf);
	d->pdf = NULL;
	html_free(d->html);
	d->html = NULL;
}

struct rgb colour_from_hex(const char *hex)
{
	unsigned r, g, b;
	if (hex && strlen(hex) == 7 &&
	    sscanf(hex, "#%2x%2x%2x", &r, &g, &b) == 3)
		return (struct rgb){ (unsigned char)r, (unsigned char)g,
				     (unsigned char)b };
	return COLOUR_BLUE;
}

#define TABLE_TEXT 8.5
#define TABLE_LEAD (TABLE_TEXT * 1.3)
#define TABLE_PAD 4.0

/* How many lines text takes wrapped to width. */
static size_t lines_of(const struct fonts *f, enum weight w, const char *text,
		       double size, double width)
{
	char *lines[64];
	size_t n = layout_wrap(f, w, text, size, width, lines, 64);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	return n ? n : 1;
}

/* The structure role of a table cell: the header row's cells head their
 * columns, the first cell of a body row heads its row. */
static enum pdf_role cell_role(bool header, size_t c)
{
	return header ? PDF_ROLE_TH_COLUMN : c == 0 ? PDF_ROLE_TH_ROW
						    : PDF_ROLE_TD;
}

/* The wrapped lines of one cell from x, each but the last ending in a
 * space so the words stay apart when the text is read back. */
static void cell_draw(struct doc *d, const struct doc_column *col, double x,
		      char **lines, size_t n, enum weight w, struct rgb colour)
{
	const struct fonts *f = d->in->chart.fonts;
	double width = col->width - TABLE_PAD;
	struct buf line = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		double y = d->y + TABLE_PAD / 2 + (double)i * TABLE_LEAD +
			   fonts_ascent(f, w, TABLE_TEXT);
		buf_reset(&line);
		buf_addf(&line, "%s%s", lines[i], i + 1 < n ? " " : "");
		pdf_text(d->pdf, col->right ? x + width : x, y, line.s,
			 TABLE_TEXT, w, col->right ? ALIGN_RIGHT : ALIGN_LEFT,
			 colour);
	}
	buf_free(&line);
}

/* One row of a table at d->y; returns its height. Draws when draw, each
 * cell tagged as a header (bold rows) or a data cell, the row a TR. */
static double table_row(struct doc *d, const struct doc_column *cols,
			size_t ncols, const char *const *cells, enum weight w,
			struct rgb colour, bool draw)
{
	const struct fonts *f = d->in->chart.fonts;
	double x = DOC_MARGIN, height = 0;
	if (draw)
		pdf_tag_begin(d->pdf, PDF_ROLE_TR, NULL);
	for (size_t c = 0; c < ncols; c++) {
		char *lines[16];
		double width = cols[c].width - TABLE_PAD;
		size_t n = layout_wrap(f, w, cells[c], TABLE_TEXT, width, lines,
				       16);
		if (draw) {
			pdf_tag_begin(d->pdf, cell_role(w == WEIGHT_BOLD, c),
				      NULL);
			cell_draw(d, &cols[c], x, lines, n, w, colour);
			pdf_tag_end(d->pdf);
		}
		for (size_t i = 0; i < n; i++)
			free(lines[i]);
		double h = (double)(n ? n : 1) * TABLE_LEAD + TABLE_PAD;
		if (h > height)
			height = h;
		x += cols[c].width;
	}
	if (draw)
		pdf_tag_end(d->pdf);
	return height;
}

/* The header row; repeated on a later page, it is decoration (a screen
 * reader has heard it once). */
static void table_head(struct doc *d, const struct doc_column *cols,
		       size_t ncols, double first_row, bool again)
{
	const char *head[16];
	for (size_t c = 0; c < ncols && c < 16; c++)
		head[c] = cols[c].head;
	double h = table_row(d, cols, ncols, head, WEIGHT_BOLD, COLOUR_MUTED,
			     false);
	doc_need(d, h + first_row);
	if (again) {
		pdf_artifact_begin(d->pdf);
		for (size_t c = 0; c < ncols; c++) {
			char *lines[16];
			size_t n = layout_wrap(d->in->chart.fonts, WEIGHT_BOLD,
					       head[c], TABLE_TEXT,
					       cols[c].width - TABLE_PAD,
					       lines, 16);
			double x = DOC_MARGIN;
			for (size_t k = 0; k < c; k++)
				x += cols[k].width;
			cell_draw(d, &cols[c], x, lines, n, WEIGHT_BOLD,
				  COLOUR_MUTED);
			for (size_t i = 0; i < n; i++)
				free(lines[i]);
		}
		pdf_artifact_end(d->pdf);
	} else {
		table_row(d, cols, ncols, head, WEIGHT_BOLD, COLOUR_MUTED,
			  true);
	}
	d->y += h;
	pdf_rect(d->pdf, DOC_MARGIN, d->y - 1, DOC_WIDTH, 0.75, COLOUR_MUTED);
	d->y += 1;
}

void doc_table(struct doc *d, const struct doc_column *cols, size_t ncols,
	       const char *const *cells, size_t rows)
{
	if (ncols > 16)
		ncols = 16;
	double first = rows ? table_row(d, cols, ncols, cells, WEIGHT_REGULAR,
					COLOUR_TEXT, false)
			    : 0;
	pdf_tag_begin(d->pdf, PDF_ROLE_TABLE, NULL);
	table_head(d, cols, ncols, first, false);
	for (size_t r = 0; r < rows; r++) {
		const char *const *row = cells + r * ncols;
		double h = table_row(d, cols, ncols, row, WEIGHT_REGULAR,
				     COLOUR_TEXT, false);
		if (d->y + h > DOC_BOTTOM) {
			doc_new_page(d);
			table_head(d, cols, ncols, h, true);
		}
		table_row(d, cols, ncols, row, WEIGHT_REGULAR, COLOUR_TEXT,
			  true);
		d->y += h;
		if (r + 1 < rows)
			pdf_rect(d->pdf, DOC_MARGIN, d->y - 0.5, DOC_WIDTH, 0.25,
				 COLOUR_TRACK);
	}
	pdf_tag_end(d->pdf);
	d->y += 6;
}

#define TILE_GAP 12.0
#define TILE_TITLE 11.0
#define TILE_TEXT 8.5

/* The height of a tile's title and body wrapped to width. */
static double tile_height(const struct fonts *f, const char *title,
			  const char *body, double width)
{
	double h = 20 + (double)lines_of(f, WEIGHT_BOLD, title, TILE_TITLE,
					 width) * TILE_TITLE * 1.35;
	const char *p = body;
	while (p && *p) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *one = strndup(p, len);
		size_t n = lines_of(f, WEIGHT_REGULAR, one, TILE_TEXT, width);
		h += (double)n * TILE_TEXT * 1.35 + 3;
		free(one);
		p = end ? end + 1 : NULL;
	}
	return h;
}

static void tile_draw(struct doc *d, double x, double top, double w,
		      double h, const char *title, const char *body)
{
	pdf_rect(d->pdf, x, top, w, h, COLOUR_TRACK);
	pdf_rect(d->pdf, x, top, 4, h, d->in->accent);
	d->y = top + 10;
	pdf_tag_begin(d->pdf, PDF_ROLE_H2, NULL);
	doc_text(d, x + 12, w - 20, title, TILE_TITLE, WEIGHT_BOLD,
		 COLOUR_TEXT);
	pdf_tag_end(d->pdf);
	const char *p = body;
	while (p && *p) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *one = strndup(p, len);
		d->y += 3;
		doc_text(d, x + 12, w - 20, one, TILE_TEXT, WEIGHT_REGULAR,
			 COLOUR_TEXT);
		free(one);
		p = end ? end + 1 : NULL;
	}
}

void doc_tiles(struct doc *d, const char *const *title,
	       const char *const *body, size_t n)
{
	const struct fonts *f = d->in->chart.fonts;
	double w = (DOC_WIDTH - TILE_GAP) / 2;
	for (size_t i = 0; i < n; i += 2) {
		double h = tile_height(f, title[i], body[i], w - 20);
		if (i + 1 < n) {
			double h2 = tile_height(f, title[i + 1], body[i + 1],
						w - 20);
			h = h2 > h ? h2 : h;
		}
		doc_need(d, h);
		double top = d->y;
		for (size_t k = i; k < i + 2 && k < n; k++)
			tile_draw(d, DOC_MARGIN + (double)(k - i) * (w + TILE_GAP),
				  top, w, h, title[k], body[k]);
		d->y = top + h + TILE_GAP;
	}
}

void doc_bullets(struct doc *d, const char *const *items, size_t n,
		 double size)
{
	if (n)
		pdf_tag_begin(d->pdf, PDF_ROLE_L, NULL);
	for (size_t i = 0; i < n; i++) {
		doc_need(d, size * 1.35);
		pdf_artifact_begin(d->pdf);
		pdf_text(d->pdf, DOC_MARGIN + 2,
			 d->y + fonts_ascent(d->in->chart.fonts, WEIGHT_BOLD,
					     size),
			 "\xE2\x80\xA2", size, WEIGHT_BOLD, ALIGN_LEFT,
			 d->in->accent);
		pdf_artifact_end(d->pdf);
		pdf_tag_begin(d->pdf, PDF_ROLE_LI, NULL);
		doc_text(d, DOC_MARGIN + 14, DOC_WIDTH - 14, items[i], size,
			 WEIGHT_REGULAR, COLOUR_TEXT);
		pdf_tag_end(d->pdf);
		d->y += size * 0.5;
	}
	if (n)
		pdf_tag_end(d->pdf);
}
