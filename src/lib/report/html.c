#include "html.h"
#include "../base/buf.h"
#include "../base/xalloc.h"
#include "../chart/draw_svg.h"
#include "../out/atomic.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct open {
	enum pdf_role role;
	size_t before;          /* where its opening tag starts */
	size_t start;           /* where its content starts */
};

struct html {
	struct buf body;
	char *title;
	struct rgb accent;
	struct open stack[PDF_TAG_DEPTH];
	size_t depth;
	size_t skip;            /* depth of the Figure passed over, or 0 */
	const struct scene *next, *figure;
	int figures;
	struct buf heading;     /* the text of the last heading */
	size_t in_heading;      /* depth of the heading open, or 0 */
};

static void escaped(struct buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		default: buf_addc(b, *s);
		}
	}
}

struct html *html_new(const char *title, struct rgb accent)
{
	struct html *h = xcalloc(1, sizeof(*h));
	buf_init(&h->body);
	buf_init(&h->heading);
	h->title = xstrdup(title ? title : "");
	h->accent = contrast_ratio(accent, COLOUR_WHITE) >= 4.5 ? accent
								 : COLOUR_TEXT;
	return h;
}

void html_free(struct html *h)
{
	if (!h)
		return;
	buf_free(&h->body);
	buf_free(&h->heading);
	free(h->title);
	free(h);
}

void html_figure(struct html *h, const struct scene *s)
{
	h->next = s;
}

/* The chart as inline SVG, its ids made the page's own. */
static void figure_open(struct html *h)
{
	h->figure = h->next;
	h->next = NULL;
	h->figures++;
	buf_adds(&h->body, "<figure>\n");
	if (!h->figure)
		return;
	struct scene c = *h->figure;
	char name[24], why[200];
	snprintf(name, sizeof(name), "fig%d", h->figures);
	c.name = name;
	struct buf svg = BUF_INIT;
	if (scene_svg(&c, &svg, why, sizeof(why)) == 0) {
		const char *at = strstr(svg.s, "<svg");
		buf_adds(&h->body, at ? at : svg.s);
	}
	buf_free(&svg);
}

/* The chart's data as a table, folded away under it. */
static void figure_close(struct html *h)
{
	const struct scene *s = h->figure;
	struct buf *b = &h->body;
	if (s && s->ndata) {
		buf_adds(b, "<details>\n<summary>The figures in this chart"
			 "</summary>\n<table>\n<caption>");
		escaped(b, s->title ? s->title : "The chart's figures");
		buf_adds(b, "</caption>\n<tr><th scope=\"col\">");
		escaped(b, s->data_head[0] ? s->data_head[0] : "Label");
		buf_adds(b, "</th><th scope=\"col\">");
		escaped(b, s->data_head[1] ? s->data_head[1] : "Value");
		buf_adds(b, "</th></tr>\n");
		for (size_t i = 0; i < s->ndata; i++) {
			buf_adds(b, "<tr><th scope=\"row\">");
			escaped(b, s->data[i].label);
			buf_adds(b, "</th><td>");
			escaped(b, s->data[i].value);
			buf_adds(b, "</td></tr>\n");
		}
		buf_adds(b, "</table>\n</details>\n");
	}
	buf_adds(b, "</figure>\n");
	h->figure = NULL;
}

static const char *const openers[] = {
	[PDF_ROLE_H1] = "<h1>", [PDF_ROLE_H2] = "<h2>", [PDF_ROLE_H3] = "<h3>",
	[PDF_ROLE_P] = "<p>", [PDF_ROLE_L] = "<ul>\n", [PDF_ROLE_LI] = "<li>",
	[PDF_ROLE_LBODY] = "", [PDF_ROLE_TABLE] = "<table>\n",
	[PDF_ROLE_TR] = "<tr>", [PDF_ROLE_TH_COLUMN] = "<th scope=\"col\">",
	[PDF_ROLE_TH_ROW] = "<th scope=\"row\">", [PDF_ROLE_TD] = "<td>",
	[PDF_ROLE_FIGURE] = "", [PDF_ROLE_CAPTION] = "<caption>",
	[PDF_ROLE_SECT] = "<section>\n",
};

static const char *const closers[] = {
	[PDF_ROLE_H1] = "</h1>\n", [PDF_ROLE_H2] = "</h2>\n",
	[PDF_ROLE_H3] = "</h3>\n", [PDF_ROLE_P] = "</p>\n",
	[PDF_ROLE_L] = "</ul>\n", [PDF_ROLE_LI] = "</li>\n",
	[PDF_ROLE_LBODY] = "", [PDF_ROLE_TABLE] = "</table>\n",
	[PDF_ROLE_TR] = "</tr>\n", [PDF_ROLE_TH_COLUMN] = "</th>",
	[PDF_ROLE_TH_ROW] = "</th>", [PDF_ROLE_TD] = "</td>",
	[PDF_ROLE_FIGURE] = "", [PDF_ROLE_CAPTION] = "</caption>\n",
	[PDF_ROLE_SECT] = "</section>\n",
};

static int is_heading(enum pdf_role r)
{
	return r == PDF_ROLE_H1 || r == PDF_ROLE_H2 || r == PDF_ROLE_H3;
}

static void on_begin(void *ctx, enum pdf_role role, const char *alt)
{
	struct html *h = ctx;
	if (h->depth >= PDF_TAG_DEPTH || role >= PDF_ROLE_NONE)
		return;
	struct open *o = &h->stack[h->depth++];
	o->role = role;
	o->before = h->body.len;
	if (h->skip)
		return;
	buf_adds(&h->body, openers[role]);
	if (is_heading(role)) {
		buf_reset(&h->heading);
		h->in_heading = h->depth;
	} else if (role == PDF_ROLE_TABLE) {
		buf_adds(&h->body, "<caption>");
		escaped(&h->body, h->heading.len ? h->heading.s : "Table");
		buf_adds(&h->body, "</caption>\n");
	} else if (role == PDF_ROLE_FIGURE) {
		figure_open(h);
		h->skip = h->depth;
	}
	o->start = h->body.len;
}

static void on_text(void *ctx, const char *text)
{
	struct html *h = ctx;
	if (h->skip || !h->depth)
		return;
	escaped(&h->body, text);
	if (h->in_heading)
		buf_adds(&h->heading, text);
}

static void on_end(void *ctx)
{
	struct html *h = ctx;
	if (!h->depth)
		return;
	struct open *o = &h->stack[--h->depth];
	if (h->skip) {
		if (h->skip == h->depth + 1) {
			figure_close(h);
			h->skip = 0;
		}
		return;
	}
	struct buf *b = &h->body;
	while (b->len > o->start && b->s[b->len - 1] == ' ')
		b->s[--b->len] = '\0';
	if (b->len == o->start && (is_heading(o->role) ||
				   o->role == PDF_ROLE_P ||
				   o->role == PDF_ROLE_LI)) {
		b->len = o->before;   /* nothing said: no empty element */
		b->s[b->len] = '\0';
	} else {
		buf_adds(b, closers[o->role]);
	}
	if (h->in_heading == h->depth + 1) {
		h->in_heading = 0;
		while (h->heading.len && h->heading.s[h->heading.len - 1] == ' ')
			h->heading.s[--h->heading.len] = '\0';
	}
}

struct pdf_listener html_listener(struct html *h)
{
	return (struct pdf_listener){ on_begin, on_text, on_end, h };
}

static void page(const struct html *h, struct buf *out)
{
	buf_adds(out, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
		 "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
		 "content=\"width=device-width, initial-scale=1\">\n<title>");
	escaped(out, h->title);
	buf_addf(out, "</title>\n<style>\n"
		 "body{margin:0;font-family:\"DejaVu Sans\",Verdana,sans-serif;"
		 "color:#222;background:#fff;line-height:1.5}\n"
		 "main{max-width:48rem;margin:0 auto;padding:1rem}\n"
		 "h1{color:#%02X%02X%02X;font-size:1.6rem;margin:2.5rem 0 .5rem}\n"
		 "h2{font-size:1.2rem;margin:1.5rem 0 .4rem}\n"
		 "table{border-collapse:collapse;margin:.5rem 0 1rem;"
		 "font-size:.9rem}\n"
		 "caption{text-align:left;font-weight:bold;padding:.3rem 0}\n"
		 "th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;"
		 "border-bottom:1px solid #ddd}\n"
		 "figure{margin:1.5rem 0 .5rem}\n"
		 "figure svg{max-width:100%%;height:auto}\n"
		 "summary{cursor:pointer;margin:.3rem 0}\n"
		 "@media print{main{max-width:none;padding:0}"
		 "body{font-size:10pt}h1{break-before:page}"
		 "h1:first-of-type{break-before:auto}"
		 "h2,h1{break-after:avoid}figure,tr{break-inside:avoid}"
		 "summary{display:none}}\n"
		 "</style>\n</head>\n<body>\n<main>\n",
		 h->accent.r, h->accent.g, h->accent.b);
	buf_add(out, h->body.s, h->body.len);
	buf_adds(out, "</main>\n</body>\n</html>\n");
}

int html_save(struct html *h, const char *path, char *why, size_t size)
{
	struct buf out = BUF_INIT;
	page(h, &out);
	int ret = atomic_write(path, 0644, out.s, out.len);
	if (ret < 0)
		snprintf(why, size, "cannot write %s: %s", path,
			 strerror(errno));
	buf_free(&out);
	return ret;
}
