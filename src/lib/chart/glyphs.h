/* glyphs: the outlines of a face's glyphs as SVG path data, in font
 * units with y upwards, for the SVG back end.
 *
 * Each glyph is read from FreeType (unhinted, unscaled) the first time
 * it is asked for and kept with the fonts (see fonts_backend_slot), so a
 * process drawing many charts reads and formats each glyph once. The
 * cache has a FreeType face of its own, opened from the same file, so
 * what Cairo does with the shared face cannot change an outline. */
#ifndef PLEDGE_GLYPHS_H
#define PLEDGE_GLYPHS_H

#include "fonts.h"

#include <stdbool.h>
#include <stddef.h>

struct glyphs;

/* One glyph: its path data ("" for a glyph with no outline, such as a
 * space) and its advance, both in font units. */
struct glyph {
	const char *path;
	size_t len;
	long advance;
	unsigned stamp;         /* for the caller: see glyphs_mark */
	bool loaded;
};

/* The glyph cache of face w of f, made on first use; NULL with a reason
 * in why when the font cannot be opened again. */
struct glyphs *glyphs_of(const struct fonts *f, enum weight w, char *why,
			 size_t size);

/* The face's design units per em. */
double glyphs_units_per_em(const struct glyphs *g);

/* The glyph index drawn for Unicode character c (0, the missing-glyph
 * box, when the face lacks it). */
unsigned glyphs_index(const struct glyphs *g, unsigned long c);

/* Glyph number index (loaded if need be), or NULL when index is out of
 * range. */
struct glyph *glyphs_get(struct glyphs *g, unsigned index);

/* A new stamp, different from every one before, for marking which
 * glyphs one document has used (in struct glyph's stamp). */
unsigned glyphs_new_stamp(struct glyphs *g);

#endif
