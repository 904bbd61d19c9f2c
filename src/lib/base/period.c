#include "period.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

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

static int has_month(const char *s)
{
	static const char *const months[] = { "jan", "feb", "mar", "apr",
		"may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", NULL };
	for (; *s; s++)
		for (const char *const *m = months; *m; m++)
			if (strncasecmp(s, *m, 3) == 0)
				return 1;
	return 0;
}

const char *period_hint(const char *text)
{
	size_t digits = 0, run = 0, longest = 0;
	for (const char *p = text; *p; p++) {
		run = *p >= '0' && *p <= '9' ? run + 1 : 0;
		digits += run > 0;
		longest = run > longest ? run : longest;
	}
	if (strchr(text, '/') && longest == 4)
		return " (it looks like a quarter of a financial year, which "
		       "is not guessed: pledge quarters are calendar quarters, "
		       "2026-Q1 = January to March 2026, so write the "
		       "calendar quarter)";
	if (has_month(text))
		return " (write the calendar quarter the months fall in: "
		       "April to June 2026 is 2026-Q2)";
	if (digits && longest < 4)
		return " (write the year in full, such as 2026-Q2)";
	return "";
}
