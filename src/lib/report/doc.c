#include "doc.h"
#include "../chart/draw_hpdf.h"
#include "../chart/layout.h"

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

size_t doc_text(struct doc *d, double x, double width, const char *text,
		double size, enum weight w, struct rgb colour)
{
	const struct fonts *f = d->in->chart.fonts;
	double lead = size * 1.35;
	char *lines[64];
	size_t n = layout_wrap(f, w, text, size, width, lines, 64);
	for (size_t i = 0; i < n; i++) {
		doc_need(d, lead);
		pdf_text(d->pdf, x, d->y + fonts_ascent(f, w, size), lines[i],
			 size, w, ALIGN_LEFT, colour);
		d->y += lead;
		free(lines[i]);
	}
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
	doc_text(d, DOC_MARGIN, DOC_WIDTH, text, size, WEIGHT_BOLD,
		 level == 1 ? d->in->accent : COLOUR_TEXT);
	d->y += level == 1 ? 6 : 2;
}

double doc_logo(struct doc *d, double x, double y, double width)
{
	char why[300];
	if (!d->in->logo || !d->in->logo[0])
		return 0;
	double h = pdf_image(d->pdf, d->in->logo, x, y, width, why,
			     sizeof(why));
	return h > 0 ? h : 0;
}

void doc_chart(struct doc *d, const struct scene *s)
{
	double height = s->height * DOC_WIDTH / s->width;
	doc_need(d, height + 40);
	char why[200];
	if (scene_draw_pdf(s, d->pdf, DOC_MARGIN, d->y, DOC_WIDTH, why,
			   sizeof(why)) < 0)
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
		if (d->footer)
			pdf_text(d->pdf, DOC_MARGIN, y, d->footer, 8,
				 WEIGHT_REGULAR, ALIGN_LEFT, COLOUR_MUTED);
		pdf_text(d->pdf, PDF_PAGE_WIDTH - DOC_MARGIN, y, number, 8,
			 WEIGHT_REGULAR, ALIGN_RIGHT, COLOUR_MUTED);
	}
	int ret = pdf_save(d->pdf, path, mode, why, size);
	pdf_free(d->pdf);
	d->pdf = NULL;
	return ret;
}

void doc_abandon(struct doc *d)
{
	pdf_free(d->pdf);
	d->pdf = NULL;
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
