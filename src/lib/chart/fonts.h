/* fonts: the TrueType faces charts are set in, and text measurement.
 *
 * Fonts are loaded from explicit files (settings font_regular and
 * font_bold) with FreeType, never found by name, so a chart comes out
 * the same on every machine with the same files. Layout measures text
 * here; the back ends draw it with the same faces. */
#ifndef PLEDGE_FONTS_H
#define PLEDGE_FONTS_H

#include <stddef.h>

enum weight { WEIGHT_REGULAR, WEIGHT_BOLD };

struct fonts;

/* Loads both faces. Returns NULL with a reason in why (of size bytes)
 * when a file cannot be read as a TrueType font. */
struct fonts *fonts_load(const char *regular, const char *bold, char *why,
			 size_t size);
void fonts_free(struct fonts *f);

/* The advance width of UTF-8 text at size points. Characters the face
 * lacks are measured as its missing-glyph box; bad UTF-8 bytes count as
 * U+FFFD. */
double fonts_width(const struct fonts *f, enum weight w, const char *text,
		   double size);

/* How far the face reaches above and below the baseline at size. */
double fonts_ascent(const struct fonts *f, enum weight w, double size);
double fonts_descent(const struct fonts *f, enum weight w, double size);

/* text cut to fit width at size, ending "…" when cut (new memory). */
char *fonts_fit(const struct fonts *f, enum weight w, const char *text,
		double size, double width);

/* The path a face was loaded from. */
const char *fonts_path(const struct fonts *f, enum weight w);

/* For back ends: the FreeType face (an FT_Face). */
void *fonts_ft_face(const struct fonts *f, enum weight w);

/* The back ends that keep something per face. */
enum backend { BACKEND_CAIRO, BACKEND_SVG, NBACKENDS };

/* For back ends: a slot per back end and face to keep what the back end
 * made of it (Cairo's font face, the SVG glyph outlines) across
 * drawings; release is called on each non-NULL slot by fonts_free. */
void **fonts_backend_slot(const struct fonts *f, enum backend b,
			  enum weight w, void (*release)(void *));

#endif
