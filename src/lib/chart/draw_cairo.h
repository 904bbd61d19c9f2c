/* draw_cairo: scenes drawn by Cairo as PNG (for screens, at 2x). Files
 * are written atomically (see out/atomic.h), mode 0644. SVG is written
 * by draw_svg. */
#ifndef PLEDGE_DRAW_CAIRO_H
#define PLEDGE_DRAW_CAIRO_H

#include "scene.h"

/* Returns 0, or -1 with a reason in why: a refused scene, a Cairo
 * error, or a write that failed (a full disk). Nothing is left at path
 * on failure. */
int scene_write_png(const struct scene *s, const char *path, double scale,
		    char *why, size_t size);

#endif
