#include "glyphs.h"
#include "svgnum.h"
#include "../base/buf.h"
#include "../base/xalloc.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include FT_ADVANCES_H

#include <stdio.h>
#include <stdlib.h>

struct glyphs {
	FT_Library lib;
	FT_Face face;
	struct glyph *glyph;    /* one per glyph of the face */
	size_t n;
	unsigned stamp;
	struct buf scratch;     /* path data being made */
	bool open;              /* a contour has been started */
};

/* Frees a cache and its face and library. */
static void glyphs_free(void *p)
{
	struct glyphs *g = p;
	for (size_t i = 0; i < g->n; i++)
		if (g->glyph[i].len)
			free((char *)g->glyph[i].path);
	free(g->glyph);
	buf_free(&g->scratch);
	if (g->face)
		FT_Done_Face(g->face);
	if (g->lib)
		FT_Done_FreeType(g->lib);
	free(g);
}

/* Opens the font file of face w again, into a cache of its own. */
static struct glyphs *glyphs_open(const struct fonts *f, enum weight w,
				  char *why, size_t size)
{
	struct glyphs *g = xcalloc(1, sizeof(*g));
	buf_init(&g->scratch);
	if (FT_Init_FreeType(&g->lib) ||
	    FT_New_Face(g->lib, fonts_path(f, w), 0, &g->face) ||
	    !FT_IS_SCALABLE(g->face)) {
		snprintf(why, size, "cannot read %s as a TrueType font",
			 fonts_path(f, w));
		glyphs_free(g);
		return NULL;
	}
	g->n = (size_t)g->face->num_glyphs;
	g->glyph = xcalloc(g->n ? g->n : 1, sizeof(*g->glyph));
	return g;
}

struct glyphs *glyphs_of(const struct fonts *f, enum weight w, char *why,
			 size_t size)
{
	void **slot = fonts_backend_slot(f, BACKEND_SVG, w, glyphs_free);
	if (!*slot)
		*slot = glyphs_open(f, w, why, size);
	return *slot;
}

double glyphs_units_per_em(const struct glyphs *g)
{
	return g->face->units_per_EM;
}

unsigned glyphs_index(const struct glyphs *g, unsigned long c)
{
	return FT_Get_Char_Index(g->face, c);
}

unsigned glyphs_new_stamp(struct glyphs *g)
{
	return ++g->stamp;
}

/* Adds a command letter and its points to the path being made. */
static void add_points(struct glyphs *g, char cmd, const FT_Vector *p,
		       int n)
{
	buf_addc(&g->scratch, cmd);
	for (int i = 0; i < n; i++) {
		if (i)
			buf_addc(&g->scratch, ' ');
		svgnum_add_int(&g->scratch, p[i].x);
		buf_addc(&g->scratch, ' ');
		svgnum_add_int(&g->scratch, p[i].y);
	}
}

/* FreeType's outline walk: each contour starts with a move and is
 * closed before the next one. */
static int move_to(const FT_Vector *to, void *user)
{
	struct glyphs *g = user;
	if (g->open)
		buf_addc(&g->scratch, 'Z');
	g->open = true;
	add_points(g, 'M', to, 1);
	return 0;
}

/* A straight segment. */
static int line_to(const FT_Vector *to, void *user)
{
	add_points(user, 'L', to, 1);
	return 0;
}

/* A quadratic segment (TrueType's curves), as SVG's Q. */
static int conic_to(const FT_Vector *control, const FT_Vector *to,
		    void *user)
{
	FT_Vector p[2] = { *control, *to };
	add_points(user, 'Q', p, 2);
	return 0;
}

/* A cubic segment (CFF's curves), as SVG's C. */
static int cubic_to(const FT_Vector *c1, const FT_Vector *c2,
		    const FT_Vector *to, void *user)
{
	FT_Vector p[3] = { *c1, *c2, *to };
	add_points(user, 'C', p, 3);
	return 0;
}

/* Reads glyph index's outline and advance into its entry (the advance
 * as fonts_width measures it). A glyph FreeType cannot read is drawn as
 * nothing. */
static void load(struct glyphs *g, unsigned index, struct glyph *out)
{
	static const FT_Outline_Funcs walk = {
		move_to, line_to, conic_to, cubic_to, 0, 0
	};
	out->loaded = true;
	out->path = "";
	out->len = 0;
	out->advance = 0;
	FT_Fixed advance;
	if (FT_Get_Advance(g->face, index, FT_LOAD_NO_SCALE, &advance) == 0)
		out->advance = advance;
	if (FT_Load_Glyph(g->face, index, FT_LOAD_NO_SCALE |
			  FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP))
		return;
	FT_GlyphSlot slot = g->face->glyph;
	if (slot->format != FT_GLYPH_FORMAT_OUTLINE)
		return;
	buf_reset(&g->scratch);
	g->open = false;
	if (FT_Outline_Decompose(&slot->outline, &walk, g) != 0)
		return;
	if (g->open)
		buf_addc(&g->scratch, 'Z');
	if (g->scratch.len) {
		out->len = g->scratch.len;
		out->path = xstrdup(g->scratch.s);
	}
}

struct glyph *glyphs_get(struct glyphs *g, unsigned index)
{
	if (index >= g->n)
		return NULL;
	struct glyph *out = &g->glyph[index];
	if (!out->loaded)
		load(g, index, out);
	return out;
}
