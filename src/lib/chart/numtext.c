#include "numtext.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Inserts thousands separators into the integer part of digits. */
static void group_thousands(const char *digits, char *out, size_t size)
{
	const char *dot = strchr(digits, '.');
	size_t intlen = dot ? (size_t)(dot - digits) : strlen(digits);
	size_t o = 0, lead = *digits == '-';
	for (size_t i = 0; i < intlen && o + 2 < size; i++) {
		if (i > lead && (intlen - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	snprintf(out + o, size - o, "%s", dot ? dot : "");
}

/* v with at most decimals places, trailing zeros dropped unless keep. */
static void fixed(double v, int decimals, int keep, char *out, size_t size)
{
	char raw[NUMTEXT];
	snprintf(raw, sizeof(raw), "%.*f", decimals, v);
	if (!keep && strchr(raw, '.')) {
		size_t n = strlen(raw);
		while (raw[n - 1] == '0')
			raw[--n] = '\0';
		if (raw[n - 1] == '.')
			raw[--n] = '\0';
	}
	if (raw[0] == '-' && strspn(raw + 1, "0.") == strlen(raw + 1))
		memmove(raw, raw + 1, strlen(raw));
	group_thousands(raw, out, size);
}

static char *format(double v, enum kind kind, enum figure figure, int keep,
		    char out[NUMTEXT])
{
	if (!isfinite(v) || fabs(v) >= 1e15) {
		snprintf(out, NUMTEXT, isfinite(v) ? "%.3g" : "[x]", v);
		return out;
	}
	char body[NUMTEXT - 4];
	if (figure == FIGURE_RATE || kind == KIND_PERCENT) {
		fixed(v, 1, keep, body, sizeof(body));
		snprintf(out, NUMTEXT, "%s%%", body);
	} else if (kind == KIND_MONEY) {
		fixed(fabs(v), 2, 1, body, sizeof(body));
		int zero = strspn(body, "0.,") == strlen(body);
		snprintf(out, NUMTEXT, "%s\xC2\xA3%s", v < 0 && !zero ? "-" : "",
			 body);
	} else {
		fixed(v, fabs(v) >= 100 ? 0 : 1, 0, body, sizeof(body));
		snprintf(out, NUMTEXT, "%s", body);
	}
	return out;
}

char *numtext(double v, enum kind kind, enum figure figure, char out[NUMTEXT])
{
	return format(v, kind, figure, 1, out);
}

char *numtext_tick(double v, enum kind kind, enum figure figure,
		   char out[NUMTEXT])
{
	return format(v, kind, figure, 0, out);
}
