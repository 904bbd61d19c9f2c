#include "csvout.h"

#include <string.h>

static void put(FILE *fp, const char *s, int first, int text)
{
	if (!first)
		putc(',', fp);
	int risky = text && (*s == '=' || *s == '+' || *s == '-' || *s == '@' ||
			     *s == '\t' || *s == '\r');
	if (!strpbrk(s, ",\"\r\n")) {
		if (risky)
			putc('\'', fp);
		fputs(s, fp);
		return;
	}
	putc('"', fp);
	if (risky)
		putc('\'', fp);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', fp);
		putc(*s, fp);
	}
	putc('"', fp);
}

void csvout_field(FILE *fp, const char *s, int first)
{
	put(fp, s, first, 0);
}

void csvout_text(FILE *fp, const char *s, int first)
{
	put(fp, s, first, 1);
}

void csvout_row(FILE *fp, const char *const *fields)
{
	for (size_t i = 0; fields[i]; i++)
		put(fp, fields[i], i == 0, 0);
	putc('\n', fp);
}
