/* draw_hpdf: scenes drawn into a PDF page with libharu, as vectors and
 * real text in the document's own fonts, so a chart in a report stays
 * sharp at any zoom and its labels can be searched and copied. The twin
 * of draw_cairo: the same shapes, colours, dashes, round joins and ends. */
#ifndef PLEDGE_DRAW_HPDF_H
#define PLEDGE_DRAW_HPDF_H

#include <stddef.h>

#include "../chart/scene.h"

struct pdf;

/* Draws s on the current page of pdf with its top-left corner at x, y
 * (points from the top left of the page) and width points wide; it
 * takes s->height * width / s->width points down, on a white ground.
 * Text is placed by the PDF font's own widths. Returns 0, or -1 with a
 * reason in why: a refused scene (see scene_check), a position or width
 * that is not a finite positive number, or a failed document (then
 * pdf_save will refuse it too). */
int scene_draw_pdf(const struct scene *s, struct pdf *pdf, double x,
		   double y, double width, char *why, size_t size);

#endif
