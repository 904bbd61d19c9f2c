/* draw_svg: scenes written as SVG 1.1 by hand, without Cairo.
 *
 * Text is drawn as glyph outlines, the same ones Cairo fills in the PNG:
 * each glyph a document uses is defined once, in font units, and placed
 * with <use> in a group that scales it to the text's size, so the
 * picture needs no fonts to show. Numbers are written by svgnum, glyph
 * outlines come from a cache kept with the fonts (see glyphs.h), and the
 * document is made in memory and written in one go, atomically (see
 * out/atomic.h), mode 0644. The same scene gives the same bytes. */
#ifndef PLEDGE_DRAW_SVG_H
#define PLEDGE_DRAW_SVG_H

#include "scene.h"

#include "../base/buf.h"

/* Every id in the document starts with the scene's name (scene_set_name;
 * "chart" when it has none) and a hyphen, so charts with different names
 * can sit in one HTML page; the SVG says it is in en-GB (xml:lang).
 * Adds scene s to out as a whole SVG document. Returns 0, or -1 with a
 * reason in why (a refused scene, a font that cannot be read). */
int scene_svg(const struct scene *s, struct buf *out, char *why,
	      size_t size);

/* Writes s as an SVG file at path. Returns 0, or -1 with a reason in
 * why; nothing is left at path on failure. */
int scene_write_svg(const struct scene *s, const char *path, char *why,
		    size_t size);

#endif
