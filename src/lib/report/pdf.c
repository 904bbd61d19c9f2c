#include "pdf.h"
#include "../base/buf.h"
#include "../base/text.h"
#include "../base/xalloc.h"
#include "../out/atomic.h"
#include "pdf_fonts.h"

#include <hpdf.h>

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct press;

struct pdf {
	struct press *press;            /* libharu's workspace */
	HPDF_Doc doc;                   /* its document */
	HPDF_Font font[2];
	int slot[2];                    /* weight -> set of used codes:
					   both 0 when both are one font */
	HPDF_Encoder utf8;
	HPDF_Page page;                 /* the current page, or NULL */
	int npages;
	HPDF_Outline *outlines;
	size_t noutlines, cap;
	unsigned char used[2][PDF_FONTS_SET_BYTES]; /* codes set per font */
	struct buf text;                /* text as libharu is given it */
	int failed;
	char why[240];
};

static void fail(struct pdf *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void fail(struct pdf *p, const char *fmt, ...)
{
	if (p->failed)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->why, sizeof(p->why), fmt, ap);
	va_end(ap);
	p->failed = 1;
}

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

/* Refuses (failing p) any number libharu would misdraw: libharu 2.3.0
 * writes NaN as a corrupt number, and clamps to +-32767 silently. */
static int numbers_ok(struct pdf *p, const char *what, const double *v,
		      size_t n)
{
	if (p->failed)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (!isfinite(v[i]) || fabs(v[i]) > HPDF_LIMIT_MAX_REAL) {
			fail(p, "%s has a position or size that is not a "
			     "usable number (%g)", what, v[i]);
			return 0;
		}
	}
	if (!p->page) {
		fail(p, "%s drawn before any page", what);
		return 0;
	}
	return 1;
}

/* -1 once the document has failed (a refusal, or an error libharu
 * reported to on_error), else 0: each drawing ends with it. */
static int done(struct pdf *p)
{
	return p->failed ? -1 : 0;
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

static void add_utf8(struct buf *b, unsigned long c)
{
	char u[3];
	if (c < 0x80) {
		buf_addc(b, (char)c);
		return;
	}
	if (c < 0x800) {
		u[0] = (char)(0xC0 | c >> 6);
		u[1] = (char)(0x80 | (c & 0x3F));
		buf_add(b, u, 2);
		return;
	}
	u[0] = (char)(0xE0 | c >> 12);
	u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
	u[2] = (char)(0x80 | (c & 0x3F));
	buf_add(b, u, 3);
}

/* text as libharu's UTF-8 encoder can take it, into b: only the basic
 * plane (libharu drops the rest without a word), control characters as
 * spaces. Marks each character in used, when given, for the ToUnicode
 * map. */
static const char *clean_text(struct buf *b, const char *text,
			      unsigned char *used)
{
	buf_reset(b);
	const char *s = text;
	while (*s) {
		unsigned long c = utf8_next(&s);
		if (c > 0xFFFF)
			c = 0xFFFD;
		else if (c < 0x20 || (c >= 0x7F && c < 0xA0))
			c = ' ';
		if (used)
			pdf_fonts_mark(used, c);
		add_utf8(b, c);
	}
	return b->s;
}

/* Sets the document information; 0 or -1. */
static int set_info(struct pdf *p, const struct pdf_info *info)
{
	struct tm tm;
	if (info->date < 0 || !gmtime_r(&info->date, &tm) ||
	    tm.tm_year + 1900 > 9999) {
		fail(p, "the date %lld is not between 1970 and 9999",
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
					 clean_text(&p->text, attrs[i].value,
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
		fail(press->owner, "libharu %s (0x%04X, detail %u)",
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
		const char *problem = pdf_fonts_problem(paths[w]);
		if (problem) {
			fail(p, "cannot embed %s as a TrueType font: %s",
			     paths[w], problem);
			return -1;
		}
		HPDF_STATUS code;
		press->name[w] = pdf_fonts_load(press->doc, paths[w],
						w ? "HPDFAB" : "HPDFAA", &code);
		if (!press->name[w]) {
			fail(p, "cannot embed %s as a TrueType font: %s",
			     paths[w], code ? hpdf_error_name(code)
			     : strerror(errno));
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
			fail(p, "cannot embed %s as a TrueType font: %s",
			     p->press->path[w], p->failed ? p->why
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
		if (HPDF_NewDoc(press->doc) == HPDF_OK && !p->failed)
			return press;
		press_free(press);
		p->failed = 0;
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
		 set_info(p, info) == 0;
	if (!ok || p->failed) {
		fail(p, "libharu could not start a document");
		snprintf(why, size, "%s", p->why);
		pdf_free(p);
		return NULL;
	}
	return p;
}

void pdf_free(struct pdf *p)
{
	if (!p)
		return;
	if (!p->failed && !spare) {
		spare = p->press;
		spare->owner = NULL;
	} else {
		press_free(p->press);
	}
	free(p->outlines);
	buf_free(&p->text);
	free(p);
}

int pdf_add_page(struct pdf *p)
{
	if (p->failed)
		return -1;
	HPDF_Page page = HPDF_AddPage(p->doc);
	if (!page || HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4,
				       HPDF_PAGE_PORTRAIT) != HPDF_OK ||
	    HPDF_Page_SetLineCap(page, HPDF_ROUND_END) != HPDF_OK ||
	    HPDF_Page_SetLineJoin(page, HPDF_ROUND_JOIN) != HPDF_OK) {
		fail(p, "libharu could not add a page");
		return -1;
	}
	p->page = page;
	return ++p->npages;
}

int pdf_use_page(struct pdf *p, int n)
{
	if (p->failed)
		return -1;
	if (n < 1 || n > p->npages) {
		fail(p, "there is no page %d of %d", n, p->npages);
		return -1;
	}
	p->page = HPDF_GetPageByIndex(p->doc, (HPDF_UINT)(n - 1));
	if (!p->page)
		fail(p, "libharu lost page %d", n);
	return done(p);
}

int pdf_page_count(const struct pdf *p)
{
	return p->npages;
}

double pdf_text_width(const struct pdf *p, enum weight w, const char *text,
		      double size)
{
	struct buf b = BUF_INIT;
	const char *s = clean_text(&b, text, NULL);
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
	double v[] = { x, y, size };
	if (!numbers_ok(p, "a text", v, 3))
		return -1;
	if (!(size > 0 && size <= HPDF_MAX_FONTSIZE)) {
		fail(p, "a text has a size of %g points", size);
		return -1;
	}
	const char *s = clean_text(&p->text, text, p->used[p->slot[w]]);
	double width = HPDF_Font_TextWidth(p->font[w], (const HPDF_BYTE *)s,
					   (HPDF_UINT)p->text.len).width *
		       size / 1000.0;
	double left = align == ALIGN_LEFT ? x
		      : align == ALIGN_CENTRE ? x - width / 2 : x - width;
	double at[] = { left, PDF_PAGE_HEIGHT - y };
	if (!numbers_ok(p, "a text", at, 2))
		return -1;
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
	double v[] = { x, PDF_PAGE_HEIGHT - y - h, w, h };
	if (!numbers_ok(p, "a rectangle", v, 4))
		return -1;
	if (w < 0 || h < 0) {
		fail(p, "a rectangle has a negative size (%g by %g)", w, h);
		return -1;
	}
	set_fill(p, fill);
	HPDF_Page_Rectangle(p->page, (HPDF_REAL)v[0], (HPDF_REAL)v[1],
			    (HPDF_REAL)w, (HPDF_REAL)h);
	HPDF_Page_Fill(p->page);
	return done(p);
}

double pdf_image(struct pdf *p, const char *png, double x, double y,
		 double width, char *why, size_t size)
{
	double v[] = { x, y, width };
	if (p->failed || !numbers_ok(p, "an image", v, 3))
		return -1;
	if (!p->page || width <= 0) {
		fail(p, "an image has no page or no width");
		return -1;
	}
	HPDF_Image img = HPDF_LoadPngImageFromFile(p->doc, png);
	double w = img ? HPDF_Image_GetWidth(img) : 0;
	double h = img ? HPDF_Image_GetHeight(img) : 0;
	if (p->failed || !(w > 0) || !(h > 0)) {
		/* A logo that cannot be read leaves the report without it. */
		HPDF_ResetError(p->doc);
		p->failed = 0;
		p->why[0] = '\0';
		snprintf(why, size, "cannot read %s as a PNG image", png);
		return -1;
	}
	double height = width * h / w;
	double bottom = PDF_PAGE_HEIGHT - y - height;
	double b[] = { bottom, height };
	if (!numbers_ok(p, "an image", b, 2))
		return -1;
	HPDF_Page_DrawImage(p->page, img, (HPDF_REAL)x, (HPDF_REAL)bottom,
			    (HPDF_REAL)width, (HPDF_REAL)height);
	return done(p) < 0 ? -1 : height;
}

/* Checks that there are n >= least points, each usable. */
static int points_ok(struct pdf *p, const char *what, const struct point *pts,
		     size_t n, size_t least)
{
	if (!p->failed && n < least) {
		fail(p, "%s has %zu points", what, n);
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		double v[] = { pts[i].x, PDF_PAGE_HEIGHT - pts[i].y };
		if (!numbers_ok(p, what, v, 2))
			return 0;
	}
	return !p->failed;
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

/* Checks a line width (and dash), refusing what libharu cannot draw. */
static int pen_ok(struct pdf *p, const char *what, double width,
		  const double *dash)
{
	double v[] = { width, dash ? dash[0] : 1, dash ? dash[1] : 1 };
	if (!numbers_ok(p, what, v, 3))
		return 0;
	if (!(width > 0 && width <= HPDF_MAX_LINEWIDTH) ||
	    (dash && !(dash[0] > 0 && dash[0] <= HPDF_MAX_DASH_PATTERN &&
		       dash[1] > 0 && dash[1] <= HPDF_MAX_DASH_PATTERN))) {
		fail(p, "%s has a line width or dash out of range (%g)", what,
		     width);
		return 0;
	}
	return 1;
}

int pdf_polyline(struct pdf *p, const struct point *pts, size_t n,
		 double width, const double *dash, struct rgb stroke)
{
	if (!pen_ok(p, "a line", width, dash))
		return -1;
	HPDF_UINT16 pattern[2] = { 1, 1 };
	for (int i = 0; dash && i < 2; i++)
		if (dash[i] >= 1.5)
			pattern[i] = (HPDF_UINT16)lround(dash[i]);
	if (!points_ok(p, "a line", pts, n, 2))
		return -1;
	set_stroke(p, stroke, width);
	HPDF_Page_SetDash(p->page, dash ? pattern : NULL, dash ? 2 : 0, 0);
	trace(p, pts, n);
	HPDF_Page_Stroke(p->page);
	return done(p);
}

int pdf_polygon(struct pdf *p, const struct point *pts, size_t n,
		struct rgb fill)
{
	if (!points_ok(p, "an area", pts, n, 2))
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
	double v[] = { x, PDF_PAGE_HEIGHT - y, r };
	if (!numbers_ok(p, "a dot", v, 3) ||
	    (stroke && !pen_ok(p, "a dot", width, NULL)))
		return -1;
	if (!(r > 0)) {
		fail(p, "a dot has a radius of %g", r);
		return -1;
	}
	if (fill)
		set_fill(p, *fill);
	if (stroke) {
		set_stroke(p, *stroke, width);
		HPDF_Page_SetDash(p->page, NULL, 0, 0);
	}
	HPDF_Page_Circle(p->page, (HPDF_REAL)v[0], (HPDF_REAL)v[1],
			 (HPDF_REAL)r);
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
	double v[] = { PDF_PAGE_HEIGHT - y };
	if (p->failed || !numbers_ok(p, "a bookmark", v, 1))
		return -1;
	if (parent < -1 || parent >= (int)p->noutlines || page < 1 ||
	    page > p->npages) {
		fail(p, "a bookmark points at no page (%d) or parent (%d)",
		     page, parent);
		return -1;
	}
	HPDF_Outline up = parent < 0 ? NULL : p->outlines[parent];
	HPDF_Outline o = HPDF_CreateOutline(p->doc, up,
					    clean_text(&p->text, title, NULL),
					    p->utf8);
	HPDF_Page at = HPDF_GetPageByIndex(p->doc, (HPDF_UINT)(page - 1));
	HPDF_Destination dst = at ? HPDF_Page_CreateDestination(at) : NULL;
	if (!o || !dst || p->failed) {
		fail(p, "libharu could not add a bookmark");
		return -1;
	}
	/* FitH: libharu 2.3.0 refuses XYZ without a zoom */
	HPDF_Destination_SetFitH(dst, (HPDF_REAL)v[0]);
	HPDF_Outline_SetDestination(o, dst);
	HPDF_Outline_SetOpened(o, HPDF_TRUE);
	if (p->noutlines == 0)
		HPDF_SetPageMode(p->doc, HPDF_PAGE_MODE_USE_OUTLINE);
	GROW(p->outlines, p->cap, p->noutlines + 1);
	p->outlines[p->noutlines] = o;
	return p->failed ? -1 : (int)p->noutlines++;
}

const char *pdf_error(const struct pdf *p)
{
	return p->failed ? p->why : NULL;
}

/* The whole document, as libharu writes it, into out. */
static int render(struct pdf *p, struct buf *out)
{
	for (int i = 0; i < 2; i++) {
		char why[sizeof(p->why)];
		if ((i == 0 || p->font[1] != p->font[0]) &&
		    pdf_fonts_fit(p->font[i], p->used[i], why, sizeof(why))) {
			fail(p, "%s", why);
			return -1;
		}
	}
	if (HPDF_SaveToStream(p->doc) != HPDF_OK || p->failed) {
		fail(p, "libharu could not write the document");
		return -1;
	}
	HPDF_UINT32 size = HPDF_GetStreamSize(p->doc);
	HPDF_ResetStream(p->doc); /* to read from the start, every time */
	buf_reset(out);
	buf_grow(out, size);
	HPDF_UINT32 got = size;
	if (HPDF_ReadFromStream(p->doc, (HPDF_BYTE *)out->s, &got) !=
		    HPDF_OK || got != size || p->failed) {
		fail(p, "libharu could not write the document");
		return -1;
	}
	out->len = size;
	out->s[size] = '\0';
	return 0;
}

int pdf_save(struct pdf *p, const char *path, mode_t mode, char *why,
	     size_t size)
{
	if (!p->failed && p->npages == 0)
		fail(p, "the document has no page");
	struct buf bytes = BUF_INIT;
	if (p->failed || render(p, &bytes) < 0) {
		snprintf(why, size, "cannot write %s: %s", path, p->why);
		buf_free(&bytes);
		return -1;
	}
	int ret = atomic_write(path, mode, bytes.s, bytes.len);
	if (ret < 0)
		snprintf(why, size, "cannot write %s: %s", path,
			 strerror(errno));
	buf_free(&bytes);
	return ret;
}
