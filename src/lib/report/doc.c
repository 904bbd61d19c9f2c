#include "doc.h"
#include "../chart/draw_hpdf.h"
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
