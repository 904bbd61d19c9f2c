#include "fonts.h"
#include "../base/text.h"
#include "../base/xalloc.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FONTS_KEPT 0x180

struct fonts {
	FT_Library lib;
	FT_Face face[2];
	char *path[2];
	void *slot[NBACKENDS][2];
	void (*release[NBACKENDS])(void *);
	/* advances in font units of the codes below FONTS_KEPT, filled as
	 * they are first measured (-1: not yet): the text of a report is
	 * measured over and over, nearly all in Latin-1 and Extended-A */
	FT_Fixed kept[2][FONTS_KEPT];
};

struct fonts *fonts_load(const char *regular, const char *bold, char *why,
			 size_t size)
{
	struct fonts *f = xcalloc(1, sizeof(*f));
	for (int w = 0; w < 2; w++)
		for (int c = 0; c < FONTS_KEPT; c++)
			f->kept[w][c] = -1;
	if (FT_Init_FreeType(&f->lib)) {
		snprintf(why, size, "FreeType could not start");
		free(f);
		return NULL;
	}
	const char *paths[2] = { regular, bold };
	for (int i = 0; i < 2; i++) {
		f->path[i] = xstrdup(paths[i]);
		if (FT_New_Face(f->lib, paths[i], 0, &f->face[i]) ||
		    !FT_IS_SCALABLE(f->face[i])) {
			snprintf(why, size, "cannot read %s as a TrueType font",
				 paths[i]);
			fonts_free(f);
			return NULL;
		}
	}
	return f;
}

void fonts_free(struct fonts *f)
{
	if (!f)
		return;
	for (int b = 0; b < NBACKENDS; b++)
		for (int i = 0; i < 2; i++)
			if (f->slot[b][i] && f->release[b])
				f->release[b](f->slot[b][i]);
	for (int i = 0; i < 2; i++) {
		if (f->face[i])
			FT_Done_Face(f->face[i]);
		free(f->path[i]);
	}
	FT_Done_FreeType(f->lib);
	free(f);
}

/* The advance of character c in font units, 0 when it has none. */
static FT_Fixed advance_of(const struct fonts *f, enum weight w,
			   unsigned long c)
{
	FT_Fixed *kept = c < FONTS_KEPT ? (FT_Fixed *)&f->kept[w][c] : NULL;
	if (kept && *kept >= 0)
		return *kept;
	FT_Face face = f->face[w];
	FT_Fixed advance;
	if (FT_Get_Advance(face, FT_Get_Char_Index(face, c), FT_LOAD_NO_SCALE,
			   &advance) != 0 || advance < 0)
		advance = 0;
	if (kept)
		*kept = advance;
	return advance;
}

double fonts_width(const struct fonts *f, enum weight w, const char *text,
		   double size)
{
	const char *s = text;
	double units = 0;
	while (*s)
		units += (double)advance_of(f, w, utf8_next(&s));
	return units * size / f->face[w]->units_per_EM;
}

double fonts_ascent(const struct fonts *f, enum weight w, double size)
{
	FT_Face face = f->face[w];
	return (double)face->ascender * size / face->units_per_EM;
}

double fonts_descent(const struct fonts *f, enum weight w, double size)
{
	FT_Face face = f->face[w];
	return -(double)face->descender * size / face->units_per_EM;
}

char *fonts_fit(const struct fonts *f, enum weight w, const char *text,
		double size, double width)
{
	if (fonts_width(f, w, text, size) <= width)
		return xstrdup(text);
	static const char ellipsis[] = "\xE2\x80\xA6";
	size_t len = strlen(text);
	char *out = xmalloc(len + sizeof(ellipsis));
	/* Drop whole characters from the end until it fits. */
	while (len > 0) {
		do
			len--;
		while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80);
		while (len > 0 && text[len - 1] == ' ')
			len--;
		memcpy(out, text, len);
		memcpy(out + len, ellipsis, sizeof(ellipsis));
		if (fonts_width(f, w, out, size) <= width)
			return out;
	}
	memcpy(out, ellipsis, sizeof(ellipsis));
	return out;
}

const char *fonts_path(const struct fonts *f, enum weight w)
{
	return f->path[w];
}

void *fonts_ft_face(const struct fonts *f, enum weight w)
{
	return f->face[w];
}

void **fonts_backend_slot(const struct fonts *f, enum backend b,
			  enum weight w, void (*release)(void *))
{
	struct fonts *mut = (struct fonts *)f;
	mut->release[b] = release;
	return &mut->slot[b][w];
}
