#include "pdf_cairo_fonts.h"

#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_FONT_FORMATS_H

#include <stdio.h>
#include <string.h>

/* One FreeType library for every document of the process: Cairo keeps
 * font faces (and so their FreeType faces) cached past a document. */
static FT_Library freetype(void)
{
	static FT_Library lib;
	if (!lib && FT_Init_FreeType(&lib) != 0)
		lib = NULL;
	return lib;
}

static const cairo_user_data_key_t ft_key;

/* Releases the FreeType face behind a Cairo font face. */
static void done_face(void *face)
{
	FT_Done_Face(face);
}

/* NULL when ft is a TrueType face that may be embedded, as pdf.c
 * requires of a font; else what is wrong with it. */
static const char *face_problem(FT_Face ft)
{
	FT_UShort fs = FT_Get_FSType_Flags(ft);
	if (!FT_IS_SFNT(ft) || !FT_IS_SCALABLE(ft) ||
	    strcmp(FT_Get_Font_Format(ft), "TrueType"))
		return "not a TrueType font";
	if (fs & (FT_FSTYPE_RESTRICTED_LICENSE_EMBEDDING |
		  FT_FSTYPE_BITMAP_EMBEDDING_ONLY))
		return "the font's licence forbids embedding";
	return NULL;
}

cairo_font_face_t *pdf_cairo_face(const char *path, char *why, size_t size)
{
	FT_Face ft;
	FT_Library lib = freetype();
	if (!lib || FT_New_Face(lib, path, 0, &ft) != 0) {
		snprintf(why, size, "cannot embed %s as a TrueType font: "
			 "FreeType cannot read it", path);
		return NULL;
	}
	const char *problem = face_problem(ft);
	if (problem) {
		FT_Done_Face(ft);
		snprintf(why, size, "cannot embed %s as a TrueType font: %s",
			 path, problem);
		return NULL;
	}
	cairo_font_face_t *face = cairo_ft_font_face_create_for_ft_face(ft, 0);
	if (cairo_font_face_set_user_data(face, &ft_key, ft, done_face) !=
	    CAIRO_STATUS_SUCCESS) {
		cairo_font_face_destroy(face);
		FT_Done_Face(ft);
		snprintf(why, size, "cairo could not take %s", path);
		return NULL;
	}
	return face;
}

cairo_scaled_font_t *pdf_cairo_measurer(cairo_font_face_t *face,
					 const cairo_font_options_t *options)
{
	cairo_matrix_t font, ctm;
	cairo_matrix_init_scale(&font, 1000, 1000);
	cairo_matrix_init_identity(&ctm);
	return cairo_scaled_font_create(face, &font, &ctm, options);
}
