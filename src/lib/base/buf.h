/* buf: a growable byte string, always NUL-terminated. */
#ifndef PLEDGE_BUF_H
#define PLEDGE_BUF_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>

struct buf {
	char *s;    /* NUL-terminated; "" (static) until something is added */
	size_t len;
	size_t cap;
};

#define BUF_INIT { buf_empty, 0, 0 }
extern char buf_empty[];

void buf_init(struct buf *b);
/* Makes room for extra more bytes (and the NUL). */
void buf_grow(struct buf *b, size_t extra);

static inline void buf_add(struct buf *b, const void *data, size_t len)
{
	if (b->len + len >= b->cap)
		buf_grow(b, len);
	memcpy(b->s + b->len, data, len);
	b->len += len;
	b->s[b->len] = '\0';
}

static inline void buf_addc(struct buf *b, char c)
{
	if (b->len + 1 >= b->cap)
		buf_grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

static inline void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Adds everything left in fp; 0, or -1 with errno on a read error. */
int buf_read_all(struct buf *b, FILE *fp);

void buf_reset(struct buf *b);      /* len = 0, keeps memory */
/* Hands the string to the caller (who frees it) and empties b. */
char *buf_detach(struct buf *b);
void buf_free(struct buf *b);

#endif
