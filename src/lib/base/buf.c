#include "buf.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char buf_empty[1];

void buf_init(struct buf *b)
{
	b->s = buf_empty;
	b->len = 0;
	b->cap = 0;
}

void buf_grow(struct buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	char *old = b->cap ? b->s : NULL;
	size_t cap = b->cap;
	grow_array((void **)&old, &cap, need, 1);
	if (!b->cap)
		old[0] = '\0';
	b->s = old;
	b->cap = cap;
}

void buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

int buf_read_all(struct buf *b, FILE *fp)
{
	for (;;) {
		buf_grow(b, 65536);
		size_t n = fread(b->s + b->len, 1, b->cap - b->len - 1, fp);
		b->len += n;
		b->s[b->len] = '\0';
		if (n == 0)
			return ferror(fp) ? -1 : 0;
	}
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->cap)
		b->s[0] = '\0';
}

char *buf_detach(struct buf *b)
{
	char *s = b->cap ? b->s : xstrdup("");
	buf_init(b);
	return s;
}

void buf_free(struct buf *b)
{
	if (b->cap)
		free(b->s);
	buf_init(b);
}
