#include "fonts.h"
#include "../base/text.h"
#include "../base/xalloc.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fonts {
	FT_Library lib;
	FT_Face face[2];
	char *path[2];
	void *slot[NBACKENDS][2];
	void (*release[NBACKENDS])(void *);
};

struct fonts *fonts_load(const char *regular, const char *bold, char *why,
			 size_t size)
{
	struct fonts *f = xcalloc(1, sizeof(*f));
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

double fonts_width(const struct fonts *f, enum weight w, const char *text,
		   double size)
{
	FT_Face face = f->face[w];
	const char *s = text;
	double units = 0;
	while (*s) {
		FT_UInt glyph = FT_Get_Char_Index(face, utf8_next(&s));
		FT_Fixed advance;
		if (FT_Get_Advance(face, glyph, FT_LOAD_NO_SCALE, &advance) == 0)
			units += (double)advance;
	}
	return units * size / face->units_per_EM;
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
