#include "csvout.h"

#include <string.h>

/* The length of s, or (size_t)-1 when s needs quotes. */
static size_t plain_length(const char *s)
{
	const char *p = s;
	for (; *p; p++)
		if (*p == ',' || *p == '"' || *p == '\n' || *p == '\r')
			return (size_t)-1;
	return (size_t)(p - s);
}

static void put(struct buf *b, const char *s, int first, int text)
{
	if (!first)
		buf_addc(b, ',');
	int risky = text && (*s == '=' || *s == '+' || *s == '-' || *s == '@' ||
			     *s == '\t' || *s == '\r');
	size_t n = plain_length(s);
	if (n != (size_t)-1) {
		if (risky)
			buf_addc(b, '\'');
		buf_add(b, s, n);
		return;
	}
	buf_addc(b, '"');
	if (risky)
		buf_addc(b, '\'');
	for (const char *q; (q = strchr(s, '"')); s = q + 1)
		buf_add(b, s, (size_t)(q - s) + 1), buf_addc(b, '"');
	buf_adds(b, s);
	buf_addc(b, '"');
}

void csvout_field(struct buf *b, const char *s, int first)
{
	put(b, s, first, 0);
}

void csvout_text(struct buf *b, const char *s, int first)
{
	put(b, s, first, 1);
}

void csvout_row(struct buf *b, const char *const *fields)
{
	for (size_t i = 0; fields[i]; i++)
		put(b, fields[i], i == 0, 0);
	buf_addc(b, '\n');
}

int csvout_flush(struct buf *b, FILE *fp, size_t min)
{
	if (b->len < min || !b->len)
		return 0;
	size_t n = fwrite(b->s, 1, b->len, fp);
	int ok = n == b->len;
	buf_reset(b);
	return ok ? 0 : -1;
}

int csvout_finish(struct buf *b, FILE *fp, int failed)
{
	if (failed == 0 && csvout_flush(b, fp, 0) < 0)
		failed = -1;
	if (ferror(fp))
		failed = -1;
	buf_free(b);
	return failed;
}
