/* pdf_fonts: libharu 2.3.0's Unicode fonts, put right and cut to the
 * characters a document sets (for report/pdf only).
 *
 * With its UTF-8 encoder, libharu sets each character as a two-byte code
 * equal to its Unicode value (Identity-H), and its CIDToGIDMap takes the
 * code on to the font's glyph. Of what it writes for each font, these
 * are redone here, the last three from the codes the document used:
 * - /CIDSystemInfo /Ordering: "Identity", as Identity-H's is; libharu
 *   writes "Identity-H", and poppler, looking for that collection when
 *   a font has no code mapped, says "Unknown character collection".
 * - /ToUnicode: libharu writes a copy of its encoder's CMap file, whose
 *   "begincidrange" is not an operator of ToUnicode CMaps, so poppler
 *   warns ("Invalid 'begincidrange' operator in ToUnicode CMap") and
 *   throws the map away. It becomes a ToUnicode CMap
 *   (bfrange) mapping each used code to itself.
 * - /CIDToGIDMap: libharu writes all 65,536 entries (128 KB, about 1 ms
 *   a font to compress); it is cut after the highest used code, with
 *   unused codes at glyph 0.
 * - /W: libharu lists the width of every character of the font; it
 *   lists those used.
 * The streams are rewritten in place through libharu's object API, so no
 * object is left over and libharu still compresses them. */
#ifndef PLEDGE_PDF_FONTS_H
#define PLEDGE_PDF_FONTS_H

#include <stddef.h>

#include <hpdf.h>

#include "pdf_check.h"

/* libharu's HPDF_LoadTTFontFromFile(doc, path, HPDF_TRUE), but from a
 * copy of the file in memory: libharu keeps the font's stream to copy
 * glyphs from each time a document is saved, and from a file that is
 * hundreds of seeks and reads a document. tag is the six capital letters
 * libharu puts before the font's name in the document (it counts them
 * from "HPDFAA" as fonts are loaded). A font whose name is in doc
 * already is that one, as with libharu. Returns libharu's name for the
 * font; or NULL, with libharu's error in code, or with what is wrong in
 * *problem: the file cannot be read, or is not a TrueType font whose
 * tables lie inside it with those libharu reads (libharu 2.3.0 crashes
 * on a short or foreign file rather than report it; font settings come
 * from the federation, so this guards against the wrong file, an
 * OpenType/CFF font, a collection or a cut copy, not a crafted font). */
const char *pdf_fonts_load(HPDF_Doc doc, const char *path, const char *tag,
			   HPDF_STATUS *code, const char **problem);

/* libharu's HPDF_GetFont(doc, name, "UTF-8") for a TrueType font, made
 * without its walk over all 65,536 codes: libharu looks up the glyph and
 * width of every code to write the /W, /CIDToGIDMap and ToUnicode that
 * pdf_fonts_fit redoes anyway, about 1 ms a font and document. For the
 * call, utf8's encoding tables are stood in for by tables that map one
 * code (the space), so libharu's versions are a stub; text is still
 * encoded and measured by the UTF-8 encoder, which is put back before
 * this returns. NULL, with libharu's error, as HPDF_GetFont. */
HPDF_Font pdf_fonts_get(HPDF_Doc doc, const char *name, HPDF_Encoder utf8);


/* Redoes font's tables for the codes in used, just before the document
 * is saved (again, when saved again). Returns 0, or -1 with a reason in
 * why when the font is not laid out as libharu 2.3.0 lays out a UTF-8
 * TrueType font; libharu's own errors go to the document's handler. */
int pdf_fonts_fit(HPDF_Font font, const unsigned char *used, char *why,
		  size_t size);

#endif
