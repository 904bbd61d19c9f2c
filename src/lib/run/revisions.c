/* revisions: which published figures moved when a quarter was redone. */
#include "run/revisions.h"

#include "base/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define MAXF 32

/* Splits one CSV line in place into at most MAXF fields (quotes
 * removed, doubled quotes undone); returns the count. */
static int split(char *line, char *f[MAXF])
{
	int n = 0;
	char *r = line, *w = line;
	while (n < MAXF) {
		f[n++] = w;
		if (*r == '"') {
			for (r++; *r; r++) {
				if (*r == '"' && r[1] != '"')
					break;
				*w++ = *r;
				if (*r == '"')
					r++;
			}
			if (*r == '"')
				r++;
		}
		while (*r && *r != ',')
			*w++ = *r++;
		int more = *r == ',';
		*w++ = '\0';
		if (!more)
			break;
		r++;
	}
	return n;
}

struct fig {
	char *key;   /* "period\037metric\037group\037column" */
	char *value;
	int seen;
};

struct figs {
	struct fig *items;
	size_t len, cap;
};

static void add(struct figs *s, char *key, char *value)
{
	GROW(s->items, s->cap, s->len + 1);
	s->items[s->len++] = (struct fig){ key, value, 0 };
}

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct fig *)a)->key, ((const struct fig *)b)->key);
}

static struct fig *find(struct figs *s, const char *key)
{
	struct fig k = { (char *)key, NULL, 0 };
	return s->len ? bsearch(&k, s->items, s->len, sizeof k, by_key) : NULL;
}

/* Every figure of an aggregates text, keyed, in file order. */
static void read_aggregates(char *text, struct figs *s)
{
	char *save = NULL, *head[MAXF], *f[MAXF];
	char *line = strtok_r(text, "\r\n", &save);
	int nh = line ? split(line, head) : 0;
	if (nh < 5 || strcmp(head[0], "period") || strcmp(head[3], "group"))
		return;
	while ((line = strtok_r(NULL, "\r\n", &save))) {
		int n = split(line, f);
		for (int c = 4; c < n && c < nh; c++)
			add(s, xasprintf("%s\037%s\037%s\037%s", f[0], f[2],
					 f[3], head[c]), xstrdup(f[c]));
	}
}

/* The figures of an earlier revisions.csv, keyed, with their first
 * published value. */
static void read_revisions(char *text, struct figs *s)
{
	char *save = NULL, *f[MAXF];
	char *line = strtok_r(text, "\r\n", &save);
	while (line && (line = strtok_r(NULL, "\r\n", &save)))
		if (split(line, f) == 6)
			add(s, xasprintf("%s\037%s\037%s\037%s", f[0], f[1],
					 f[2], f[3]), xstrdup(f[4]));
}

static void put_field(struct buf *out, const char *s, char end)
{
	if (strpbrk(s, ",\"\n\r")) {
		buf_addc(out, '"');
		for (; *s; s++) {
			if (*s == '"')
				buf_addc(out, '"');
			buf_addc(out, *s);
		}
		buf_addc(out, '"');
	} else {
		buf_adds(out, s);
	}
	buf_addc(out, end);
}

static void put_row(struct buf *out, const char *key, const char *old,
		    const char *new)
{
	char *k = xstrdup(key), *save = NULL;
	for (char *p = strtok_r(k, "\037", &save); p;
	     p = strtok_r(NULL, "\037", &save))
		put_field(out, p, ',');
	put_field(out, old, ',');
	put_field(out, new, '\n');
	free(k);
}

static void figs_free(struct figs *s)
{
	for (size_t i = 0; i < s->len; i++) {
		free(s->items[i].key);
		free(s->items[i].value);
	}
	free(s->items);
}

size_t revisions_compare(char *old_agg, char *new_agg, char *earlier,
			 struct buf *out)
{
	struct figs old = { 0 }, new = { 0 }, prev = { 0 };
	read_aggregates(old_agg, &old);
	read_aggregates(new_agg, &new);
	read_revisions(earlier, &prev);
	if (old.len)
		qsort(old.items, old.len, sizeof *old.items, by_key);
	if (prev.len)
		qsort(prev.items, prev.len, sizeof *prev.items, by_key);
	buf_adds(out, REVISIONS_HEADER);
	size_t rows = 0;
	for (size_t i = 0; i < new.len; i++) {
		struct fig *n = &new.items[i], *o = find(&old, n->key);
		struct fig *p = find(&prev, n->key);
		if (o)
			o->seen = 1;
		const char *first = p ? p->value : o ? o->value : NULL;
		if (p)
			p->seen = 1;
		if (first && strcmp(first, n->value)) {
			put_row(out, n->key, first, n->value);
			rows++;
		}
	}
	for (size_t i = 0; i < old.len; i++) {
		struct fig *o = &old.items[i], *p = find(&prev, o->key);
		const char *first = p ? p->value : o->value;
		if (!o->seen && first[0]) {
			put_row(out, o->key, first, "");
			rows++;
		}
	}
	figs_free(&old);
	figs_free(&new);
	figs_free(&prev);
	return rows;
}
