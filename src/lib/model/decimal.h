/* decimal: numbers written in decimal ("1,234.50", "-0.5"), read
 * exactly into a canonical text, never through a double.
 *
 * The canonical text has no leading zeros in the integer part, no
 * trailing zeros in the fraction, no point when the fraction is zero,
 * and no minus sign on zero: "+007" is "7", "-3.250" is "-3.25", "-0"
 * is "0". At most DECIMAL_DIGITS digits each side of the point are
 * held. value.h reads answers with it; the catalogue, settings and
 * levels read their bounds and limits with decimal_canon. */
#ifndef PLEDGE_DECIMAL_H
#define PLEDGE_DECIMAL_H

#include <stddef.h>

#define DECIMAL_DIGITS 15                /* significant digits held */
#define DECIMAL_ROOM (DECIMAL_DIGITS + 9) /* for decimal_split's digits */
#define DECIMAL_TEXT 40                  /* for any canonical text */

static inline int decimal_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Splits s, digits with an optional fraction after a ".", and commas
 * that group the integer digits in threes ("1,234.50"), into its
 * integer digits (ip: "1234", *ilen 4) and fraction digits (fp: "50",
 * *flen 2), each array of DECIMAL_ROOM. No sign. Returns 0, -1 when s
 * is not such a number, or 1 when it is one with more digits than the
 * arrays hold. */
int decimal_split(const char *s, char *ip, size_t *ilen, char *fp,
		  size_t *flen);

/* The canonical text of a number from its sign (neg) and the digits
 * decimal_split gave, into out; *whole is set when the fraction is
 * zero. Returns 0, or -1 when it has more than DECIMAL_DIGITS
 * significant digits either side of the point. */
int decimal_join(int neg, const char *ip, size_t ilen, const char *fp,
		 size_t flen, char out[DECIMAL_TEXT], int *whole);

/* Reads a plain decimal (optional sign, digits, optional fraction; no
 * commas) into canonical text; returns 0, or -1 when s is not one.
 * Used for bounds and limits. */
int decimal_canon(const char *s, char out[DECIMAL_TEXT]);

#endif
