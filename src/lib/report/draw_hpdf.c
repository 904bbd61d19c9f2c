#include "draw_hpdf.h"
#include "../base/xalloc.h"
#include "pdf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* Where a scene lands on the page: its origin and its scale. */
struct place {
	double x, y, k;
};

static struct point to_page(const struct place *at, struct point pt)
{
	struct point out = { at->x + pt.x * at->k, at->y + pt.y * at->k };
	return out;
}

static int draw_points(struct pdf *pdf, const struct place *at,
		       const struct shape *sh)
{
	struct point *pts = xcalloc(sh->npts, sizeof(*pts));
	for (size_t i = 0; i < sh->npts; i++)
		pts[i] = to_page(at, sh->pts[i]);
	int ret;
	if (sh->kind == SHAPE_AREA) {
		ret = pdf_polygon(pdf, pts, sh->npts, sh->fill);
	} else {
		double dash[] = { 3 * at->k, 2 * at->k };
		ret = pdf_polyline(pdf, pts, sh->npts, sh->line_width * at->k,
				   sh->dashed ? dash : NULL, sh->stroke);
	}
	free(pts);
	return ret;
}

static int draw_shape(struct pdf *pdf, const struct place *at,
		      const struct shape *sh)
{
	struct point p = to_page(at, (struct point){ sh->x, sh->y });
	switch (sh->kind) {
	case SHAPE_RECT:
		return pdf_rect(pdf, p.x, p.y, sh->w * at->k, sh->h * at->k,
				sh->fill);
	case SHAPE_LINE:
	case SHAPE_AREA:
		return draw_points(pdf, at, sh);
	case SHAPE_DOT:
		return pdf_circle(pdf, p.x, p.y, sh->w * at->k, &sh->fill,
				  &sh->stroke, sh->line_width * at->k);
	case SHAPE_TEXT:
		return pdf_text(pdf, p.x, p.y, sh->text, sh->size * at->k,
				sh->weight, sh->align, sh->fill);
	}
	return 0;
}

int scene_draw_pdf(const struct scene *s, struct pdf *pdf, double x,
		   double y, double width, char *why, size_t size)
{
	if (scene_check(s, why, size) < 0)
		return -1;
	if (!isfinite(x) || !isfinite(y) || !isfinite(width) || width <= 0 ||
	    !(s->width > 0)) {
		snprintf(why, size, "a chart placed at %g, %g, %g wide", x, y,
			 width);
		return -1;
	}
	struct place at = { x, y, width / s->width };
	int ret = pdf_rect(pdf, x, y, width, s->height * at.k, COLOUR_WHITE);
	for (size_t i = 0; ret == 0 && i < s->len; i++)
		ret = draw_shape(pdf, &at, &s->shapes[i]);
	if (ret < 0)
		snprintf(why, size, "%s", pdf_error(pdf) ? pdf_error(pdf) : "?");
	return ret;
}
