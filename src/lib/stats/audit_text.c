#include "audit_text.h"
#include "../base/buf.h"
#include "../base/xalloc.h"
#include "../read/table.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A unit break that is not a line: a page of pdftotext, a block of HTML. */
#define BREAK '\f'

void audit_texts_init(struct audit_texts *t)
{
	memset(t, 0, sizeof(*t));
}

void audit_texts_free(struct audit_texts *t)
{
	for (size_t i = 0; i < t->len; i++) {
		free(t->u[i].file);
		free(t->u[i].text);
		free(t->u[i].nums);
	}
	free(t->u);
	memset(t, 0, sizeof(*t));
}

static void add_unit(struct audit_texts *t, const char *file, long line,
		     int metric, const char *text, size_t len)
{
	GROW(t->u, t->cap, t->len + 1);
	struct audit_unit *u = &t->u[t->len++];
	u->file = xstrdup(file);
	u->line = line;
	u->metric = metric;
	u->text = xstrndup(text, len);
	u->nnums = audit_numbers(u->text, line, &u->nums);
}

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A number starting at s[0] (a digit); its length, value in *v. */
static size_t number_at(const char *s, double *v, bool *percent)
{
	char tmp[64];
	size_t i = 0, k = 0;
	while (digit(s[i]) && k < sizeof(tmp) - 2)
		tmp[k++] = s[i++];
	while (s[i] == ',' && digit(s[i + 1]) && digit(s[i + 2]) &&
	       digit(s[i + 3]) && !digit(s[i + 4]) && k < sizeof(tmp) - 5) {
		memcpy(tmp + k, s + i + 1, 3);
		k += 3;
		i += 4;
	}
	if (s[i] == '.' && digit(s[i + 1])) {
		tmp[k++] = s[i++];
		while (digit(s[i]) && k < sizeof(tmp) - 1)
			tmp[k++] = s[i++];
	}
	while (digit(s[i]))
		i++;
	tmp[k] = 0;
	*v = strtod(tmp, NULL);
	*percent = s[i] == '%';
	return i + *percent;
}

size_t audit_numbers(const char *text, long line, struct audit_num **out)
{
	struct audit_num *nums = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; text[i];) {
		char prev = i ? text[i - 1] : ' ';
		if (text[i] == '\n')
			line++;
		if (!digit(text[i]) || isalnum((unsigned char)prev) ||
		    prev == '.' || prev == ',' || prev == '_') {
			i++;
			continue;
		}
		struct audit_num num = { .line = line };
		i += number_at(text + i, &num.v, &num.percent);
		GROW(nums, cap, n + 1);
		nums[n++] = num;
	}
	*out = nums;
	return n;
}

static bool is_html(const char *path)
{
	size_t n = strlen(path);
	return (n > 4 && !strcasecmp(path + n - 4, ".htm")) ||
	       (n > 5 && !strcasecmp(path + n - 5, ".html"));
}

/* Whether the tag at s (after '<') ends a block of text. */
static bool block_tag(const char *s)
{
	static const char *const blocks[] = { "p", "div", "li", "tr", "td",
		"th", "h1", "h2", "h3", "h4", "h5", "h6", "br", "caption",
		"figcaption", "section", "table", "title", "dd", "dt", NULL };
	s += *s == '/';
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz"
			     "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
	for (int i = 0; blocks[i]; i++)
		if (strlen(blocks[i]) == n && !strncasecmp(s, blocks[i], n))
			return true;
	return false;
}

static const struct { const char *name; char c; } entities[] = {
	{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' },
	{ "&quot;", '"' }, { "&#39;", '\'' }, { "&nbsp;", ' ' },
	{ "&#160;", ' ' }, { "&#44;", ',' }, { NULL, 0 } };

/* HTML as text: tags out (a block's end a unit break), line breaks
 * kept so lines still count, the common entities read. */
static void strip_html(char *s)
{
	char *w = s;
	while (*s) {
		if (*s == '<') {
			bool block = block_tag(s + 1);
			for (; *s && *s != '>'; s++)
				if (*s == '\n')
					*w++ = '\n';
			s += *s == '>';
			*w++ = block ? BREAK : ' ';
			continue;
		}
		int e = 0;
		while (*s == '&' && entities[e].name &&
		       strncmp(s, entities[e].name, strlen(entities[e].name)))
			e++;
		if (*s == '&' && entities[e].name) {
			*w++ = entities[e].c;
			s += strlen(entities[e].name);
		} else {
			*w++ = *s++;
		}
	}
	*w = 0;
}

static bool blank_line(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!isspace((unsigned char)s[i]))
			return false;
	return true;
}

/* Cuts text into units at blank lines and breaks. */
static void split_units(struct audit_texts *t, const char *file, char *text)
{
	long line = 1, start_line = 1;
	char *start = text, *p = text;
	for (;;) {
		size_t len = strcspn(p, "\n\f");
		char end = p[len];
		bool cut = end == BREAK || end == 0 || blank_line(p, len);
		if (cut && p + len > start &&
		    !blank_line(start, (size_t)(p + len - start)))
			add_unit(t, file, start_line, -1, start,
				 (size_t)(p + len - start));
		if (!end)
			break;
		p += len + 1;
		line += end == '\n';
		if (cut) {
			start = p;
			start_line = line;
		}
	}
}

int audit_texts_read(struct audit_texts *t, const char *path,
		     struct diags *d)
{
	FILE *fp = fopen(path, "rb");
	struct buf b;
	buf_init(&b);
	if (!fp || buf_read_all(&b, fp) < 0) {
		diag_add(d, SEV_ERROR, path, 0, NULL, NULL, "unreadable",
			 "cannot read this text: %s", strerror(errno));
		if (fp)
			fclose(fp);
		buf_free(&b);
		return -1;
	}
	fclose(fp);
	char *text = buf_detach(&b);
	for (size_t i = 0; text[i]; i++)
		if (text[i] == '\r')
			text[i] = ' ';
	if (is_html(path))
		strip_html(text);
	split_units(t, path, text);
	free(text);
	return 0;
}

int audit_texts_read_readings(struct audit_texts *t, const char *path,
			      const struct catalogue *cat, struct diags *d)
{
	static const char *const cols[] = { "chart", "reading", NULL };
	int col[2];
	struct table *tab = table_open_columns(path, cols, col,
					       "chart and reading", d);
	if (!tab)
		return -1;
	struct table_row row;
	enum table_status st;
	while ((st = table_next(tab, &row)) == TABLE_ROW) {
		const char *chart = row.f[col[0]];
		int metric = strncmp(chart, "trend-", 6) ? -1
			     : catalogue_find(cat, chart + 6);
		const char *text = row.f[col[1]];
		add_unit(t, path, row.line, metric, text, strlen(text));
	}
	table_close(tab);
	return st == TABLE_FAIL ? -1 : 0;
}

bool audit_unit_about(const struct audit_unit *u, const struct metric *m,
		      int metric)
{
	if (u->metric >= 0)
		return u->metric == metric;
	size_t n = strlen(m->label);
	for (const char *s = u->text; n && *s; s++)
		if (!strncasecmp(s, m->label, n))
			return true;
	return false;
}
