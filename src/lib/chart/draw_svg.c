#include "draw_svg.h"
#include "glyphs.h"
#include "svgnum.h"
#include "../base/text.h"
#include "../out/atomic.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* Decimals for positions and sizes in points (a thousandth of a point
 * is far below a pixel at any zoom a chart is seen at), and for the
 * scale of font units to points (fine enough for a 2,048-unit em). */
#define PLACES 3
#define SCALE_PLACES 12

/* A document being made: its glyph definitions, then what is drawn. */
struct doc {
	const struct scene *s;
	struct glyphs *glyphs[2];
	unsigned stamp[2];
	struct buf defs, body;
	const char *id;               /* the chart's name: its ids' prefix */
};

/* What a chart's ids start with: its name, or "chart". */
static const char *id_prefix(const struct scene *s)
{
	return s->name && s->name[0] ? s->name : "chart";
}

/* Adds " name=" and v in points, quoted. */
static void add_attr(struct buf *b, const char *name, double v)
{
	buf_adds(b, name);
	buf_add(b, "=\"", 2);
	svgnum_add(b, v, PLACES);
	buf_addc(b, '"');
}

/* Adds " name=" and colour c as "#rrggbb", quoted. */
static void add_colour(struct buf *b, const char *name, struct rgb c)
{
	static const char hex[] = "0123456789abcdef";
	char v[] = "=\"#000000\"";
	unsigned char ch[3] = { c.r, c.g, c.b };
	for (int i = 0; i < 3; i++) {
		v[3 + 2 * i] = hex[ch[i] >> 4];
		v[4 + 2 * i] = hex[ch[i] & 15];
	}
	buf_adds(b, name);
	buf_add(b, v, sizeof(v) - 1);
}

/* Adds the points of a line or area as path data, "M x y L x y ...". */
static void add_points(struct buf *b, const struct shape *sh)
{
	buf_adds(b, " d=\"M");
	for (size_t i = 0; i < sh->npts; i++) {
		if (i)
			buf_addc(b, 'L');
		svgnum_add(b, sh->pts[i].x, PLACES);
		buf_addc(b, ' ');
		svgnum_add(b, sh->pts[i].y, PLACES);
	}
	if (sh->kind == SHAPE_AREA)
		buf_addc(b, 'Z');
	buf_addc(b, '"');
}

/* Adds the id of glyph index of weight w: "r36" (regular), "b36" (bold). */
static void add_glyph_id(struct buf *b, const char *id, enum weight w,
			 unsigned index)
{
	buf_addf(b, "%s-%c", id, w == WEIGHT_BOLD ? 'b' : 'r');
	svgnum_add_int(b, (long)index);
}

/* Defines glyph index of weight w in the document, once. */
static void define_glyph(struct doc *d, enum weight w, unsigned index,
			 struct glyph *gl)
{
	if (gl->stamp == d->stamp[w])
		return;
	gl->stamp = d->stamp[w];
	buf_adds(&d->defs, "<path id=\"");
	add_glyph_id(&d->defs, d->id, w, index);
	buf_adds(&d->defs, "\" d=\"");
	buf_add(&d->defs, gl->path, gl->len);
	buf_adds(&d->defs, "\"/>\n");
}

/* Adds a text shape: a group at its left end and baseline, scaled from
 * font units (y up) to points (y down), with a <use> per visible glyph.
 * Text with nothing visible adds nothing. */
static void add_text(struct doc *d, const struct shape *t)
{
	struct buf *b = &d->body;
	struct glyphs *g = d->glyphs[t->weight];
	double k = t->size / glyphs_units_per_em(g);
	size_t start = b->len;
	buf_adds(b, "<g");
	add_colour(b, " fill", t->fill);
	buf_adds(b, " transform=\"matrix(");
	svgnum_add(b, k, SCALE_PLACES);
	buf_adds(b, " 0 0 ");
	svgnum_add(b, -k, SCALE_PLACES);
	buf_addc(b, ' ');
	svgnum_add(b, t->box[0], PLACES);
	buf_addc(b, ' ');
	svgnum_add(b, t->y, PLACES);
	buf_adds(b, ")\">\n");
	long x = 0;
	int shown = 0;
	for (const char *p = t->text; *p;) {
		unsigned index = glyphs_index(g, utf8_next(&p));
		struct glyph *gl = glyphs_get(g, index);
		if (!gl)
			continue;
		if (gl->len) {
			define_glyph(d, t->weight, index, gl);
			buf_adds(b, "<use xlink:href=\"#");
			add_glyph_id(b, d->id, t->weight, index);
			buf_addc(b, '"');
			if (x) {
				buf_adds(b, " x=\"");
				svgnum_add_int(b, x);
				buf_addc(b, '"');
			}
			buf_adds(b, "/>\n");
			shown++;
		}
		x += gl->advance;
	}
	if (shown)
		buf_adds(b, "</g>\n");
	else
		b->len = start, b->s[start] = '\0';
}

/* Adds one shape, drawn as draw_cairo draws it: lines with round joins
 * and caps, dashed 3 on 2 off; dots filled, then outlined. */
static void add_shape(struct doc *d, const struct shape *sh)
{
	struct buf *b = &d->body;
	switch (sh->kind) {
	case SHAPE_RECT:
		buf_adds(b, "<rect");
		add_attr(b, " x", sh->x);
		add_attr(b, " y", sh->y);
		add_attr(b, " width", sh->w);
		add_attr(b, " height", sh->h);
		add_colour(b, " fill", sh->fill);
		buf_adds(b, "/>\n");
		break;
	case SHAPE_LINE:
		buf_adds(b, "<path fill=\"none\"");
		add_colour(b, " stroke", sh->stroke);
		add_attr(b, " stroke-width", sh->line_width);
		buf_adds(b, " stroke-linecap=\"round\" stroke-linejoin=\"round\"");
		if (sh->dashed)
			buf_adds(b, " stroke-dasharray=\"3 2\"");
		add_points(b, sh);
		buf_adds(b, "/>\n");
		break;
	case SHAPE_AREA:
		buf_adds(b, "<path");
		add_colour(b, " fill", sh->fill);
		add_points(b, sh);
		buf_adds(b, "/>\n");
		break;
	case SHAPE_DOT:
		buf_adds(b, "<circle");
		add_attr(b, " cx", sh->x);
		add_attr(b, " cy", sh->y);
		add_attr(b, " r", sh->w);
		add_colour(b, " fill", sh->fill);
		add_colour(b, " stroke", sh->stroke);
		add_attr(b, " stroke-width", sh->line_width);
		buf_adds(b, "/>\n");
		break;
	case SHAPE_TEXT:
		add_text(d, sh);
		break;
	}
}

/* Adds <name id="id">text</name>, with text escaped for XML. */
static void add_element(struct buf *out, const char *name, const char *id,
			const char *suffix, const char *text)
{
	buf_addf(out, "<%s id=\"%s-%s\">", name, id, suffix);
	for (const char *c = text; *c; c++) {
		switch (*c) {
		case '&': buf_adds(out, "&amp;"); break;
		case '<': buf_adds(out, "&lt;"); break;
		case '>': buf_adds(out, "&gt;"); break;
		default: /* no control characters in XML 1.0 */
			buf_addc(out, (unsigned char)*c < 0x20 ? ' ' : *c);
		}
	}
	buf_addf(out, "</%s>\n", name);
}

/* Adds the document's start: the canvas in points, as Cairo gave it,
 * with the chart's title and reading as its accessible name and
 * description. */
static void add_head(struct buf *out, const struct scene *s)
{
	buf_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		 "<svg xmlns=\"http://www.w3.org/2000/svg\" "
		 "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"");
	svgnum_add(out, s->width, PLACES);
	buf_adds(out, "pt\" height=\"");
	svgnum_add(out, s->height, PLACES);
	buf_adds(out, "pt\" viewBox=\"0 0 ");
	svgnum_add(out, s->width, PLACES);
	buf_addc(out, ' ');
	svgnum_add(out, s->height, PLACES);
	const char *id = id_prefix(s);
	buf_adds(out, "\" version=\"1.1\" xml:lang=\"en-GB\" role=\"img\"");
	/* the text is drawn as outlines: a screen reader reads these */
	if (s->title)
		buf_addf(out, " aria-labelledby=\"%s-title\"", id);
	if (s->reading)
		buf_addf(out, " aria-describedby=\"%s-reading\"", id);
	buf_adds(out, ">\n");
	if (s->title)
		add_element(out, "title", id, "title", s->title);
	if (s->reading)
		add_element(out, "desc", id, "reading", s->reading);
}

int scene_svg(const struct scene *s, struct buf *out, char *why,
	      size_t size)
{
	if (scene_check(s, why, size) < 0)
		return -1;
	struct doc d = { .s = s, .id = id_prefix(s) };
	for (int w = 0; w < 2; w++) {
		d.glyphs[w] = glyphs_of(s->fonts, (enum weight)w, why, size);
		if (!d.glyphs[w])
			return -1;
		d.stamp[w] = glyphs_new_stamp(d.glyphs[w]);
	}
	buf_init(&d.defs);
	buf_init(&d.body);
	buf_grow(&d.body, 16384);
	buf_adds(&d.body, "<rect");
	add_attr(&d.body, " width", s->width);
	add_attr(&d.body, " height", s->height);
	add_colour(&d.body, " fill", COLOUR_WHITE);
	buf_adds(&d.body, "/>\n");
	for (size_t i = 0; i < s->len; i++)
		add_shape(&d, &s->shapes[i]);
	buf_grow(out, d.defs.len + d.body.len + 512);
	add_head(out, s);
	buf_adds(out, "<defs>\n");
	buf_add(out, d.defs.s, d.defs.len);
	buf_adds(out, "</defs>\n");
	buf_add(out, d.body.s, d.body.len);
	buf_adds(out, "</svg>\n");
	buf_free(&d.defs);
	buf_free(&d.body);
	return 0;
}

int scene_write_svg(const struct scene *s, const char *path, char *why,
		    size_t size)
{
	struct buf doc = BUF_INIT;
	if (scene_svg(s, &doc, why, size) < 0) {
		buf_free(&doc);
		return -1;
	}
	int ret = atomic_write(path, 0644, doc.s, doc.len);
	if (ret < 0)
		snprintf(why, size, "cannot write %s: %s", path,
			 strerror(errno));
	buf_free(&doc);
	return ret;
}
