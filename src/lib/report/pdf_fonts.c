#include "pdf_fonts.h"
#include "../base/buf.h"
#include "../base/xalloc.h"

#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The first code from c on in used, or 0x10000 when there is none: a
 * document uses a few hundred codes of the 65,536, so empty bytes are
 * passed over whole. */
static unsigned long next_used(const unsigned char *used, unsigned long c)
{
	while (c <= 0xFFFF) {
		if (!(c & 7) && !used[c >> 3])
			c += 8;
		else if (pdf_codeset_has(used, c))
			return c;
		else
			c++;
	}
	return 0x10000;
}

/* Writes a ToUnicode CMap for the codes in used into st: runs of codes
 * that share a first byte as one bfrange line each (a single code is a
 * run of one), at most 100 lines to a block (PDF 32000-1, 9.10.3). Each
 * code is the character's own Unicode value, so maps to itself. */
static void write_cmap(HPDF_Stream st, const unsigned char *used)
{
	static const char head[] =
		"/CIDInit /ProcSet findresource begin\n"
		"12 dict begin\n"
		"begincmap\n"
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
		"/Supplement 0 >> def\n"
		"/CMapName /Adobe-Identity-UCS def\n"
		"/CMapType 2 def\n"
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
	static const char tail[] =
		"endcmap\n"
		"CMapName currentdict /CMap defineresource pop\n"
		"end\nend\n";
	struct buf out = BUF_INIT, block = BUF_INIT;
	buf_adds(&out, head);
	int lines = 0;
	for (unsigned long c = next_used(used, 0); c <= 0xFFFF;
	     c = next_used(used, c + 1)) {
		unsigned long last = c;
		while ((last & 0xFF) != 0xFF && pdf_codeset_has(used, last + 1))
			last++;
		buf_addf(&block, "<%04lX> <%04lX> <%04lX>\n", c, last, c);
		c = last;
		if (++lines == 100 || c == 0xFFFF) {
			buf_addf(&out, "%d beginbfrange\n%sendbfrange\n", lines,
				 block.s);
			buf_reset(&block);
			lines = 0;
		}
	}
	if (lines)
		buf_addf(&out, "%d beginbfrange\n%sendbfrange\n", lines,
			 block.s);
	buf_adds(&out, tail);
	HPDF_MemStream_FreeData(st);
	HPDF_Stream_Write(st, (const HPDF_BYTE *)out.s, (HPDF_UINT)out.len);
	buf_free(&block);
	buf_free(&out);
}

/* Writes the CIDToGIDMap up to the highest code in used into st. */
static void write_map(HPDF_Stream st, HPDF_FontDef def,
		      const unsigned char *used)
{
	unsigned long n = 0x10000;
	while (n > 1 && !pdf_codeset_has(used, n - 1))
		n--;
	HPDF_BYTE *map = xcalloc(n, 2);
	for (unsigned long c = next_used(used, 0); c < n;
	     c = next_used(used, c + 1)) {
		HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)c);
		map[2 * c] = (HPDF_BYTE)(gid >> 8);
		map[2 * c + 1] = (HPDF_BYTE)gid;
	}
	HPDF_MemStream_FreeData(st);
	HPDF_Stream_Write(st, map, (HPDF_UINT)(2 * n));
	free(map);
}

/* Puts a /W array of the widths of the codes in used into cidfont:
 * "c [w w ...]" for each run, of at most 1000 (libharu's arrays hold
 * 32,767 at most). */
static HPDF_STATUS write_widths(HPDF_Dict cidfont, HPDF_FontDef def,
				const unsigned char *used)
{
	HPDF_Array w = HPDF_Array_New(cidfont->mmgr);
	if (!w || HPDF_Dict_Add(cidfont, "W", w) != HPDF_OK)
		return HPDF_FAILD_TO_ALLOC_MEM;
	HPDF_Array run = NULL;
	HPDF_UINT len = 0;
	HPDF_STATUS ret = HPDF_OK;
	unsigned long last = 0x10000;
	for (unsigned long c = next_used(used, 0); c <= 0xFFFF &&
	     ret == HPDF_OK; last = c, c = next_used(used, c + 1)) {
		if (c != last + 1)
			run = NULL;
		if (!run || len == 1000) {
			run = HPDF_Array_New(cidfont->mmgr);
			len = 0;
			if (!run || HPDF_Array_AddNumber(w, (HPDF_INT32)c) ||
			    HPDF_Array_Add(w, run))
				return HPDF_FAILD_TO_ALLOC_MEM;
		}
		ret = HPDF_Array_AddNumber(run, HPDF_TTFontDef_GetCharWidth(
						def, (HPDF_UINT16)c));
		len++;
	}
	return ret;
}

int pdf_fonts_fit(HPDF_Font font, const unsigned char *used, char *why,
		  size_t size)
{
	HPDF_FontAttr attr = font->attr;
	HPDF_Dict cmap = attr ? attr->cmap_stream : NULL;
	if (!attr || attr->type != HPDF_FONT_TYPE0_TT || !attr->fontdef ||
	    attr->fontdef->type != HPDF_FONTDEF_TYPE_TRUETYPE || !cmap ||
	    !cmap->stream || !attr->map_stream || !attr->map_stream->stream ||
	    !attr->descendant_font ||
	    HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT) != cmap) {
		snprintf(why, size, "libharu %s lays out fonts in a way this "
			 "program does not know", HPDF_GetVersion());
		return -1;
	}
	/* what made it a CMap file; a ToUnicode stream needs none of it */
	static const char *const cmap_keys[] = { "Type", "CMapName",
						 "CIDSystemInfo", "WMode" };
	for (size_t i = 0; i < sizeof(cmap_keys) / sizeof(*cmap_keys); i++)
		HPDF_Dict_RemoveElement(cmap, cmap_keys[i]);
	/* the ordering of Identity-H is "Identity"; libharu writes
	 * "Identity-H", which a reader falls back on if it must */
	HPDF_Dict info = HPDF_Dict_GetItem(attr->descendant_font,
					   "CIDSystemInfo", HPDF_OCLASS_DICT);
	if (info)
		HPDF_Dict_Add(info, "Ordering",
			      HPDF_String_New(info->mmgr, "Identity", NULL));
	write_cmap(cmap->stream, used);
	write_map(attr->map_stream->stream, attr->fontdef, used);
	if (write_widths(attr->descendant_font, attr->fontdef, used) !=
	    HPDF_OK) {
		snprintf(why, size, "libharu could not list the widths");
		return -1;
	}
	return 0;
}

static unsigned long be32(const unsigned char *b)
{
	return (unsigned long)b[0] << 24 | (unsigned long)b[1] << 16 |
	       (unsigned long)b[2] << 8 | b[3];
}

/* NULL when the len bytes look like a TrueType font whose tables lie
 * inside it, with those libharu reads; else what is wrong with them. */
static const char *problem_of(const unsigned char *b, size_t len)
{
	static const char *const need[] = { "head", "hhea", "maxp", "hmtx",
					    "cmap", "loca", "glyf", "name" };
	if (len < 12 || (be32(b) != 0x00010000 && memcmp(b, "true", 4)))
		return len >= 4 && !memcmp(b, "OTTO", 4)
		       ? "an OpenType font with CFF outlines, which libharu "
			 "cannot embed" : "not a TrueType font";
	size_t tables = (size_t)b[4] << 8 | b[5], found = 0;
	if (tables == 0 || tables > 64 || 12 + tables * 16 > len)
		return "not a TrueType font (its table directory)";
	for (size_t i = 0; i < tables; i++) {
		const unsigned char *t = b + 12 + i * 16;
		if (be32(t + 8) > len || be32(t + 12) > len - be32(t + 8))
			return "a cut or damaged TrueType font";
		for (size_t k = 0; k < sizeof(need) / sizeof(*need); k++)
			found += !memcmp(t, need[k], 4);
	}
	return found == sizeof(need) / sizeof(*need) ? NULL
	       : "a TrueType font without the tables libharu needs";
}

const char *pdf_fonts_load(HPDF_Doc doc, const char *path, const char *tag,
			   HPDF_STATUS *code, const char **problem)
{
	struct buf bytes = BUF_INIT;
	FILE *fp = fopen(path, "rb");
	*code = 0;
	*problem = NULL;
	if (!fp || buf_read_all(&bytes, fp) < 0)
		*problem = strerror(errno);
	else
		*problem = problem_of((const unsigned char *)bytes.s,
				      bytes.len);
	if (fp)
		fclose(fp);
	if (*problem) {
		buf_free(&bytes);
		return NULL;
	}
	HPDF_Stream st = HPDF_MemStream_New(doc->mmgr, (HPDF_UINT)bytes.len);
	HPDF_FontDef def = NULL;
	if (st && HPDF_Stream_Write(st, (const HPDF_BYTE *)bytes.s,
				    (HPDF_UINT)bytes.len) == HPDF_OK &&
	    HPDF_Stream_Seek(st, 0, HPDF_SEEK_SET) == HPDF_OK)
		def = HPDF_TTFontDef_Load(doc->mmgr, st, HPDF_TRUE);
	else if (st)
		HPDF_Stream_Free(st);
	buf_free(&bytes);
	if (!def) {
		*code = HPDF_GetError(doc);
		return NULL;
	}
	/* a font of that name is in already: as libharu, take that one */
	HPDF_FontDef had = HPDF_Doc_FindFontDef(doc, def->base_font);
	if (had) {
		HPDF_FontDef_Free(def);
		return had->base_font;
	}
	if (HPDF_Doc_RegisterFontDef(doc, def) != HPDF_OK) {
		*code = HPDF_GetError(doc);
		return NULL;
	}
	char name_tag[7];
	snprintf(name_tag, sizeof(name_tag), "%s", tag);
	HPDF_TTFontDef_SetTagName(def, name_tag);
	return def->base_font;
}

HPDF_Font pdf_fonts_get(HPDF_Doc doc, const char *name, HPDF_Encoder utf8)
{
	static HPDF_CMapEncoderAttr_Rec *stand_in; /* 260 KB, once */
	HPDF_CMapEncoderAttr real = utf8->attr;
	if (!stand_in)
		stand_in = xcalloc(1, sizeof(*stand_in));
	/* all but the two code tables, as they are for this document */
	size_t head = offsetof(HPDF_CMapEncoderAttr_Rec, jww_line_head);
	memcpy((char *)stand_in + head, (char *)real + head,
	       sizeof(*stand_in) - head);
	stand_in->cid_map[0][' '] = ' ';
	stand_in->unicode_map[0][' '] = ' ';
	HPDF_Encoder_ToUnicode_Func to_unicode = utf8->to_unicode_fn;
	utf8->attr = stand_in;
	utf8->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
	HPDF_Font font = HPDF_GetFont(doc, name, "UTF-8");
	utf8->attr = real;
	utf8->to_unicode_fn = to_unicode;
	return font;
}


