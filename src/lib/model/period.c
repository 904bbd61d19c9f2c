#include "period.h"

#include <stdio.h>
#include <string.h>

static int digits(const char *s, int n, int *value)
{
	*value = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*value = *value * 10 + (s[i] - '0');
	}
	return 1;
}

static int is_q(char c)
{
	return c == 'q' || c == 'Q';
}

int period_parse(const char *s)
{
	while (*s == ' ')
		s++;
	int year, q, n = 0;
	if (is_q(s[0]) && digits(s + 1, 1, &q) && s[2] == ' ' &&
	    digits(s + 3, 4, &year)) {
		n = 7;
	} else if (digits(s, 4, &year)) {
		const char *p = s + 4;
		if (*p == '-' || *p == ' ')
			p++;
		if (is_q(p[0]) && digits(p + 1, 1, &q))
			n = (int)(p + 2 - s);
	}
	if (!n)
		return PERIOD_NONE;
	for (s += n; *s == ' '; s++)
		;
	if (*s || q < 1 || q > 4 || year < 1900)
		return PERIOD_NONE;
	return year * 4 + q - 1;
}

char *period_format(int period, char out[PERIOD_TEXT])
{
	if (period < 0 || period / 4 > 9999) {
		strcpy(out, "?");
		return out;
	}
	/* written out by hand: once for every return written */
	int year = period / 4;
	for (int i = 3; i >= 0; i--, year /= 10)
		out[i] = (char)('0' + year % 10);
	out[4] = '-';
	out[5] = 'Q';
	out[6] = (char)('1' + period % 4);
	out[7] = '\0';
	return out;
}
