/* fields: the values of records, kept one after another.
 *
 * What a reader puts its records' values in: each value's bytes and a
 * NUL, and where each begins. A reader has one of its own, emptied for
 * each record; reading a part of a file (csvin_part.h), it writes into
 * the record batch that keeps them instead (recbatch.h), so the values
 * are never copied. */
#ifndef PLEDGE_FIELDS_H
#define PLEDGE_FIELDS_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/xalloc.h"

struct fields {
	struct buf bytes;  /* the values, each followed by a NUL */
	size_t *offs;      /* where value i begins in bytes */
	size_t n, cap;
};

static inline void fields_init(struct fields *f)
{
	buf_init(&f->bytes);
	f->offs = NULL;
	f->n = f->cap = 0;
}

/* Empties f, keeping its memory. */
static inline void fields_clear(struct fields *f)
{
	buf_reset(&f->bytes);
	f->n = 0;
}

static inline void fields_free(struct fields *f)
{
	buf_free(&f->bytes);
	free(f->offs);
	fields_init(f);
}

/* Adds a value of len bytes. Called for every value of every record. */
static inline void fields_add(struct fields *f, const char *s, size_t len)
{
	if (f->n == f->cap)
		GROW(f->offs, f->cap, f->n + 1);
	struct buf *b = &f->bytes;
	if (b->len + len + 1 >= b->cap)
		buf_grow(b, len + 1);
	f->offs[f->n++] = b->len;
	if (len)
		memcpy(b->s + b->len, s, len);
	b->len += len;
	b->s[b->len++] = '\0';
}

#endif
