#include "pdf.h"
#include "../base/buf.h"
#include "../base/xalloc.h"
#include "pdf_check.h"
#include "pdf_fonts.h"
#include "pdftag.h"

#include <hpdf.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* pdf_check's limits are libharu's own. */
_Static_assert((int)PDF_LIMIT_REAL == HPDF_LIMIT_MAX_REAL &&
	       (int)PDF_LIMIT_FONT_SIZE == HPDF_MAX_FONTSIZE &&
	       (int)PDF_LIMIT_LINE_WIDTH == HPDF_MAX_LINEWIDTH &&
	       (int)PDF_LIMIT_DASH == HPDF_MAX_DASH_PATTERN,
	       "pdf_check's limits differ from libharu's");

struct press;

struct pdf {
	struct press *press;            /* libharu's workspace */
	HPDF_Doc doc;                   /* its document */
	HPDF_Font font[2];
	int slot[2];                    /* weight -> set of used codes:
					   both 0 when both are one font */
	HPDF_Encoder utf8;
	HPDF_Page page;                 /* the current page, or NULL */
	HPDF_Outline *outlines;
	size_t noutlines, cap;
	unsigned char used[2][PDF_CODESET_BYTES]; /* codes set per font */
	struct buf text;                /* text as libharu is given it */
	struct pdftag *tag;             /* its structure */
	struct pdf_listener hear;       /* who hears it, or .begin NULL */
	struct pdf_state st;
};

/* What the libharu errors we can meet mean; the others by number. */
static const char *hpdf_error_name(HPDF_STATUS code)
{
	switch (code) {
	case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
	case HPDF_FILE_IO_ERROR: return "a file could not be read";
	case HPDF_FILE_OPEN_ERROR: return "a file could not be opened";
	case HPDF_INVALID_FONTDEF_DATA: return "the font has no usable glyphs";
	case HPDF_TTF_CANNOT_EMBEDDING_FONT:
		return "the font's licence forbids embedding";
	case HPDF_TTF_INVALID_CMAP: return "the font has no Unicode cmap";
	case HPDF_TTF_INVALID_FOMAT: return "not a TrueType font";
	case HPDF_TTF_MISSING_TABLE: return "a TrueType table is missing";
	case HPDF_INVALID_TTC_FILE: return "not a TrueType collection";
	case HPDF_INVALID_PARAMETER: return "a value out of range";
	case HPDF_PAGE_INVALID_FONT_SIZE: return "a text size out of range";
	case HPDF_PAGE_INVALID_GMODE: return "drawing out of order";
	case HPDF_PAGE_OUT_OF_RANGE: return "a value out of range";
	case HPDF_STRING_OUT_OF_RANGE: return "a text too long";
	case HPDF_ZLIB_ERROR: return "compression failed";
	default: return "error";
	}
}

/* -1 once the document has failed (a refusal, or an error libharu
 * reported to on_error), else 0: each drawing ends with it. */
static int done(struct pdf *p)
{
	return p->st.failed ? -1 : 0;
}

/* Before each drawing: what it is, for the structure. 0 or -1. */
static int mark(struct pdf *p)
{
	if (pdftag_mark(p->tag) < 0) {
		pdf_fail(&p->st, "libharu could not tag the page");
		return -1;
	}
	return 0;
}

static void set_fill(struct pdf *p, struct rgb c)
{
	HPDF_Page_SetRGBFill(p->page, c.r / 255.0f, c.g / 255.0f,
			     c.b / 255.0f);
}

static void set_stroke(struct pdf *p, struct rgb c, double width)
{
	HPDF_Page_SetRGBStroke(p->page, c.r / 255.0f, c.g / 255.0f,
			       c.b / 255.0f);
	HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)width);
}

/* Sets the document information; 0 or -1. */
static int set_info(struct pdf *p, const struct pdf_info *info)
{
	struct tm tm;
	if (info->date < 0 || !gmtime_r(&info->date, &tm) ||
	    tm.tm_year + 1900 > 9999) {
		pdf_fail(&p->st, "the date %lld is not between 1970 and 9999",
		     (long long)info->date);
		return -1;
	}
	HPDF_Date d = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
			tm.tm_hour, tm.tm_min, tm.tm_sec, 'Z', 0, 0 };
	HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_CREATION_DATE, d);
	HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_MOD_DATE, d);
	/* With the UTF-8 encoder current, libharu writes these as UTF-16BE
	 * strings with a byte-order mark, as PDF wants text outside ASCII. */
	struct { HPDF_InfoType type; const char *value; } attrs[] = {
		{ HPDF_INFO_TITLE, info->title },
		{ HPDF_INFO_AUTHOR, info->author },
		{ HPDF_INFO_SUBJECT, info->subject },
		{ HPDF_INFO_CREATOR, info->creator },
	};
	for (size_t i = 0; i < sizeof(attrs) / sizeof(*attrs); i++)
		if (attrs[i].value && attrs[i].value[0])
			HPDF_SetInfoAttr(p->doc, attrs[i].type,
					 pdf_clean_text(&p->text, attrs[i].value,
						    NULL));
	return done(p);
}

/* libharu's workspace for one document at a time: a document, with the
 * encoders and the font files it loaded. HPDF_NewDoc clears the
 * document but keeps those, so a program writing many documents with
 * the same fonts (a report card per signatory) reads and parses each
 * font file once, not once a document. pdf_free keeps the last
 * workspace whose document did not fail, for the next pdf_new. */
struct press {
	HPDF_Doc doc;
	struct pdf *owner;              /* whose errors these are */
	char *path[2];                  /* the font files loaded, */
	const char *name[2];            /* by libharu's names for them */
	int utf;                        /* 1 once its UTF-8 encoder is in */
};

static struct press *spare;

/* libharu's errors, for the document in the press just now. */
static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
	struct press *press = data;
	if (press->owner)
		pdf_fail(&press->owner->st, "libharu %s (0x%04X, detail %u)",
		     hpdf_error_name(code), (unsigned)code,
		     (unsigned)detail);
}

static void press_free(struct press *press)
{
	if (!press)
		return;
	if (press->doc)
		HPDF_Free(press->doc);
	free(press->path[0]);
	free(press->path[1]);
	free(press);
}

void pdf_release(void)
{
	press_free(spare);
	spare = NULL;
}

/* Loads the two font files into the press, unless loaded; 0 or -1. */
static int load_fonts(struct pdf *p, const char *paths[2])
{
	struct press *press = p->press;
	for (int w = 0; w < 2; w++) {
		if (press->path[w] && !strcmp(press->path[w], paths[w]))
			continue;
		HPDF_STATUS code;
		const char *problem;
		press->name[w] = pdf_fonts_load(press->doc, paths[w],
						w ? "HPDFAB" : "HPDFAA", &code,
						&problem);
		if (!press->name[w]) {
			pdf_fail(&p->st, "cannot embed %s as a TrueType font: %s",
				 paths[w],
				 problem ? problem : hpdf_error_name(code));
			return -1;
		}
		free(press->path[w]);
		press->path[w] = xstrdup(paths[w]);
	}
	return 0;
}

/* The document's two fonts, from the fonts loaded; 0 or -1. */
static int get_fonts(struct pdf *p)
{
	for (int w = 0; w < 2; w++) {
		p->font[w] = pdf_fonts_get(p->press->doc, p->press->name[w],
					   p->utf8);
		if (!p->font[w]) {
			pdf_fail(&p->st, "cannot embed %s as a TrueType font: %s",
			     p->press->path[w], p->st.failed ? p->st.why
			     : "libharu said no more");
			return -1;
		}
	}
	p->slot[WEIGHT_REGULAR] = 0;
	p->slot[WEIGHT_BOLD] = p->font[1] == p->font[0] ? 0 : 1;
	return 0;
}

/* The spare press, cleared for a new document, when it has the fonts
 * paths loaded; else a new one. */
static struct press *press_take(struct pdf *p, const char *paths[2])
{
	struct press *press = spare;
	spare = NULL;
	for (int w = 0; press && w < 2; w++) {
		if (!press->path[w] || strcmp(press->path[w], paths[w])) {
			press_free(press);
			press = NULL;
		}
	}
	if (press) {
		press->owner = p;
		if (HPDF_NewDoc(press->doc) == HPDF_OK && !p->st.failed)
			return press;
		press_free(press);
		p->st.failed = 0;
	}
	press = xcalloc(1, sizeof(*press));
	press->owner = p;
	press->doc = HPDF_New(on_error, press);
	if (!press->doc) {
		free(press);
		return NULL;
	}
	return press;
}

struct pdf *pdf_new(const char *regular, const char *bold,
		    const struct pdf_info *info, char *why, size_t size)
{
	struct pdf *p = xcalloc(1, sizeof(*p));
	buf_init(&p->text);
	const char *paths[2] = { regular, bold };
	p->press = press_take(p, paths);
	if (!p->press) {
		snprintf(why, size, "libharu could not start");
		free(p);
		return NULL;
	}
	p->doc = p->press->doc;
	int ok = HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL) == HPDF_OK &&
		 (p->press->utf ||
		  HPDF_UseUTFEncodings(p->doc) == HPDF_OK) &&
		 HPDF_SetCurrentEncoder(p->doc, "UTF-8") == HPDF_OK &&
		 (p->utf8 = HPDF_GetEncoder(p->doc, "UTF-8")) &&
		 (p->press->utf = 1) && load_fonts(p, paths) == 0 &&
		 get_fonts(p) == 0 &&
		 set_info(p, info) == 0 &&
		 (p->tag = pdftag_new(p->doc, p->utf8, info));
	if (!ok || p->st.failed) {
		pdf_fail(&p->st, "libharu could not start a document");
		snprintf(why, size, "%s", p->st.why);
		pdf_free(p);
		return NULL;
	}
	return p;
}

void pdf_free(struct pdf *p)
{
	if (!p)
		return;
	if (!p->st.failed && !spare) {
		spare = p->press;
		spare->owner = NULL;
	} else {
		press_free(p->press);
	}
	free(p->outlines);
	pdftag_free(p->tag);
	buf_free(&p->text);
	free(p);
}

int pdf_add_page(struct pdf *p)
{
	if (p->st.failed)
		return -1;
	HPDF_Page page = HPDF_AddPage(p->doc);
	if (!page || HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4,
				       HPDF_PAGE_PORTRAIT) != HPDF_OK ||
	    HPDF_Page_SetLineCap(page, HPDF_ROUND_END) != HPDF_OK ||
	    HPDF_Page_SetLineJoin(page, HPDF_ROUND_JOIN) != HPDF_OK) {
		pdf_fail(&p->st, "libharu could not add a page");
		return -1;
	}
	p->page = page;
	p->st.on_page = 1;
	if (pdftag_page(p->tag, page, p->st.pages + 1) < 0) {
		pdf_fail(&p->st, "libharu could not tag a page");
		return -1;
	}
	return ++p->st.pages;
}

int pdf_use_page(struct pdf *p, int n)
{
	if (p->st.failed)
		return -1;
	if (n < 1 || n > p->st.pages) {
		pdf_fail(&p->st, "there is no page %d of %d", n, p->st.pages);
		return -1;
	}
	p->page = HPDF_GetPageByIndex(p->doc, (HPDF_UINT)(n - 1));
	p->st.on_page = p->page != NULL;
	if (p->page)
		pdftag_use_page(p->tag, p->page, n);
	else
		pdf_fail(&p->st, "libharu lost page %d", n);
	return done(p);
}

int pdf_page_count(const struct pdf *p)
{
	return p->st.pages;
}

double pdf_text_width(const struct pdf *p, enum weight w, const char *text,
		      double size)
{
	struct buf b = BUF_INIT;
	const char *s = pdf_clean_text(&b, text, NULL);
	HPDF_TextWidth tw = HPDF_Font_TextWidth(p->font[w],
						(const HPDF_BYTE *)s,
						(HPDF_UINT)b.len);
	buf_free(&b);
	return tw.width * size / 1000.0;
}

double pdf_ascent(const struct pdf *p, enum weight w, double size)
{
	return HPDF_Font_GetAscent(p->font[w]) * size / 1000.0;
}

double pdf_descent(const struct pdf *p, enum weight w, double size)
{
	return -HPDF_Font_GetDescent(p->font[w]) * size / 1000.0;
}

int pdf_text(struct pdf *p, double x, double y, const char *text,
	     double size, enum weight w, enum align align, struct rgb colour)
{
	if (!pdf_text_ok(&p->st, x, y, size))
		return -1;
	const char *s = pdf_clean_text(&p->text, text, p->used[p->slot[w]]);
	double width = HPDF_Font_TextWidth(p->font[w], (const HPDF_BYTE *)s,
					   (HPDF_UINT)p->text.len).width *
		       size / 1000.0;
	double left = align == ALIGN_LEFT ? x
		      : align == ALIGN_CENTRE ? x - width / 2 : x - width;
	double at[] = { left, PDF_PAGE_HEIGHT - y };
	if (!pdf_numbers_ok(&p->st, "a text", at, 2) || mark(p) < 0)
		return -1;
	if (p->hear.begin && pdftag_content(p->tag))
		p->hear.text(p->hear.ctx, s);
	HPDF_Page_BeginText(p->page);
	HPDF_Page_SetFontAndSize(p->page, p->font[w], (HPDF_REAL)size);
	set_fill(p, colour);
	HPDF_Page_TextOut(p->page, (HPDF_REAL)at[0], (HPDF_REAL)at[1], s);
	HPDF_Page_EndText(p->page);
	return done(p);
}

int pdf_rect(struct pdf *p, double x, double y, double w, double h,
	     struct rgb fill)
{
	if (!pdf_rect_ok(&p->st, x, y, w, h) || mark(p) < 0)
		return -1;
	set_fill(p, fill);
	HPDF_Page_Rectangle(p->page, (HPDF_REAL)x,
			    (HPDF_REAL)(PDF_PAGE_HEIGHT - y - h),
			    (HPDF_REAL)w, (HPDF_REAL)h);
	HPDF_Page_Fill(p->page);
	return done(p);
}

double pdf_image(struct pdf *p, const char *png, double x, double y,
		 double width, char *why, size_t size)
{
	if (!pdf_image_ok(&p->st, x, y, width))
		return -1;
	HPDF_Image img = HPDF_LoadPngImageFromFile(p->doc, png);
	double w = img ? HPDF_Image_GetWidth(img) : 0;
	double h = img ? HPDF_Image_GetHeight(img) : 0;
	if (p->st.failed || !(w > 0) || !(h > 0)) {
		/* A logo that cannot be read leaves the report without it. */
		HPDF_ResetError(p->doc);
		p->st.failed = 0;
		p->st.why[0] = '\0';
		snprintf(why, size, "cannot read %s as a PNG image", png);
		return -1;
	}
	double height = width * h / w;
	double bottom = PDF_PAGE_HEIGHT - y - height;
	double b[] = { bottom, height };
	if (!pdf_numbers_ok(&p->st, "an image", b, 2) || mark(p) < 0)
		return -1;
	HPDF_Page_DrawImage(p->page, img, (HPDF_REAL)x, (HPDF_REAL)bottom,
			    (HPDF_REAL)width, (HPDF_REAL)height);
	return done(p) < 0 ? -1 : height;
}

/* A path through pts (checked), once the colours and pen are set: libharu
 * takes those only outside a path. */
static void trace(struct pdf *p, const struct point *pts, size_t n)
{
	HPDF_Page_MoveTo(p->page, (HPDF_REAL)pts[0].x,
			 (HPDF_REAL)(PDF_PAGE_HEIGHT - pts[0].y));
	for (size_t i = 1; i < n; i++)
		HPDF_Page_LineTo(p->page, (HPDF_REAL)pts[i].x,
				 (HPDF_REAL)(PDF_PAGE_HEIGHT - pts[i].y));
}

int pdf_polyline(struct pdf *p, const struct point *pts, size_t n,
		 double width, const double *dash, struct rgb stroke)
{
	if (!pdf_line_ok(&p->st, "a line", pts, n, 2, width, dash) ||
	    mark(p) < 0)
		return -1;
	HPDF_UINT16 pattern[2] = { 1, 1 };
	for (int i = 0; dash && i < 2; i++)
		if (dash[i] >= 1.5)
			pattern[i] = (HPDF_UINT16)lround(dash[i]);
	set_stroke(p, stroke, width);
	HPDF_Page_SetDash(p->page, dash ? pattern : NULL, dash ? 2 : 0, 0);
	trace(p, pts, n);
	HPDF_Page_Stroke(p->page);
	return done(p);
}

int pdf_polygon(struct pdf *p, const struct point *pts, size_t n,
		struct rgb fill)
{
	if (!pdf_line_ok(&p->st, "an area", pts, n, 2, -1, NULL) ||
	    mark(p) < 0)
		return -1;
	set_fill(p, fill);
	trace(p, pts, n);
	HPDF_Page_ClosePath(p->page);
	HPDF_Page_Fill(p->page);
	return done(p);
}

int pdf_circle(struct pdf *p, double x, double y, double r,
	       const struct rgb *fill, const struct rgb *stroke, double width)
{
	if (!pdf_dot_ok(&p->st, x, y, r, stroke != NULL, width) ||
	    mark(p) < 0)
		return -1;
	if (fill)
		set_fill(p, *fill);
	if (stroke) {
		set_stroke(p, *stroke, width);
		HPDF_Page_SetDash(p->page, NULL, 0, 0);
	}
	HPDF_Page_Circle(p->page, (HPDF_REAL)x,
			 (HPDF_REAL)(PDF_PAGE_HEIGHT - y), (HPDF_REAL)r);
	if (fill && stroke)
		HPDF_Page_FillStroke(p->page);
	else if (fill)
		HPDF_Page_Fill(p->page);
	else if (stroke)
		HPDF_Page_Stroke(p->page);
	else
		HPDF_Page_EndPath(p->page);
	return done(p);
}

int pdf_outline(struct pdf *p, int parent, const char *title, int page,
		double y)
{
	if (!pdf_outline_ok(&p->st, parent, p->noutlines, page, y))
		return -1;
	HPDF_Outline up = parent < 0 ? NULL : p->outlines[parent];
	HPDF_Outline o = HPDF_CreateOutline(p->doc, up,
					    pdf_clean_text(&p->text, title, NULL),
					    p->utf8);
	HPDF_Page at = HPDF_GetPageByIndex(p->doc, (HPDF_UINT)(page - 1));
	HPDF_Destination dst = at ? HPDF_Page_CreateDestination(at) : NULL;
	if (!o || !dst || p->st.failed) {
		pdf_fail(&p->st, "libharu could not add a bookmark");
		return -1;
	}
	/* FitH: libharu 2.3.0 refuses XYZ without a zoom */
	HPDF_Destination_SetFitH(dst, (HPDF_REAL)(PDF_PAGE_HEIGHT - y));
	HPDF_Outline_SetDestination(o, dst);
	HPDF_Outline_SetOpened(o, HPDF_TRUE);
	if (p->noutlines == 0)
		HPDF_SetPageMode(p->doc, HPDF_PAGE_MODE_USE_OUTLINE);
	GROW(p->outlines, p->cap, p->noutlines + 1);
	p->outlines[p->noutlines] = o;
	return p->st.failed ? -1 : (int)p->noutlines++;
}

int pdf_tag_begin(struct pdf *p, enum pdf_role role, const char *alt)
{
	if (p->st.failed)
		return -1;
	const char *text = alt ? pdf_clean_text(&p->text, alt, NULL) : NULL;
	if (pdftag_begin(p->tag, role, text) < 0 || p->st.failed) {
		pdf_fail(&p->st, "libharu could not tag the document");
		return -1;
	}
	if (p->hear.begin)
		p->hear.begin(p->hear.ctx, role, text);
	return 0;
}

int pdf_tag_end(struct pdf *p)
{
	if (p->st.failed || pdftag_end(p->tag) < 0)
		return -1;
	if (p->hear.begin)
		p->hear.end(p->hear.ctx);
	return 0;
}

void pdf_listen(struct pdf *p, const struct pdf_listener *l)
{
	p->hear = l ? *l : (struct pdf_listener){ 0 };
}

enum pdf_role pdf_tag_open(const struct pdf *p)
{
	return pdftag_open(p->tag);
}

void pdf_artifact_begin(struct pdf *p)
{
	pdftag_artifact(p->tag, 1);
}

void pdf_artifact_end(struct pdf *p)
{
	pdftag_artifact(p->tag, 0);
}

const char *pdf_error(const struct pdf *p)
{
	return p->st.failed ? p->st.why : NULL;
}

/* The whole document, as libharu writes it, into out. */
static int render(void *doc, struct buf *out)
{
	struct pdf *p = doc;
	for (int i = 0; i < 2; i++) {
		char why[sizeof(p->st.why)];
		if ((i == 0 || p->font[1] != p->font[0]) &&
		    pdf_fonts_fit(p->font[i], p->used[i], why, sizeof(why))) {
			pdf_fail(&p->st, "%s", why);
			return -1;
		}
	}
	pdftag_finish(p->tag);
	if (HPDF_SaveToStream(p->doc) != HPDF_OK || p->st.failed) {
		pdf_fail(&p->st, "libharu could not write the document");
		return -1;
	}
	HPDF_UINT32 size = HPDF_GetStreamSize(p->doc);
	HPDF_ResetStream(p->doc); /* to read from the start, every time */
	buf_reset(out);
	buf_grow(out, size);
	HPDF_UINT32 got = size;
	if (HPDF_ReadFromStream(p->doc, (HPDF_BYTE *)out->s, &got) !=
		    HPDF_OK || got != size || p->st.failed) {
		pdf_fail(&p->st, "libharu could not write the document");
		return -1;
	}
	out->len = size;
	out->s[size] = '\0';
	return 0;
}

int pdf_save(struct pdf *p, const char *path, mode_t mode, char *why,
	     size_t size)
{
	return pdf_write(&p->st, render, p, path, mode, why, size);
}
