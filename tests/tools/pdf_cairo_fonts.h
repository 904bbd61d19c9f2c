/* pdf_cairo_fonts: the TrueType files a document is set in, as Cairo
 * font faces through FreeType, for pdf_cairo (a test tool). */
#ifndef PLEDGE_PDF_CAIRO_FONTS_H
#define PLEDGE_PDF_CAIRO_FONTS_H

#include <stddef.h>

#include <cairo.h>

/* The TrueType font at path as a Cairo font face (its FreeType face is
 * freed with it), or NULL with why (of size bytes) when it cannot be
 * read, is not TrueType, or its licence forbids embedding, as pdf.c
 * refuses such fonts. */
cairo_font_face_t *pdf_cairo_face(const char *path, char *why, size_t size);

/* face at 1000 units, with options, for measuring text. */
cairo_scaled_font_t *pdf_cairo_measurer(cairo_font_face_t *face,
					const cairo_font_options_t *options);

#endif
