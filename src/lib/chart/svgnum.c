#include "svgnum.h"

#include <math.h>
#include <stdio.h>

static const double scale[SVGNUM_MAX_DECIMALS + 1] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12
};

/* Writes the decimal digits of n (n > 0) ending just before end; returns
 * where they start. */
static char *digits_before(char *end, unsigned long long n)
{
	do {
		*--end = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	return end;
}

/* a * k rounded to the nearest integer, ties to even, as printf rounds
 * the exact product (not the product rounded to a double first): the
 * rounding error of a * k, found exactly with fma, settles the cases
 * that fall on or next to a half. a is at most 1e6 and k at most 1e12,
 * so the result fits 64 bits and r's fraction is exact. */
static unsigned long long units(double a, double k)
{
	double r = a * k;
	double err = fma(a, k, -r);
	double whole = floor(r);
	double frac = r - whole;
	unsigned long long n = (unsigned long long)whole;
	if (frac > 0.5 || (frac == 0.5 && (err > 0 || (err == 0 && (n & 1)))))
		n++;
	return n;
}

void svgnum_add_int(struct buf *b, long v)
{
	char tmp[24];
	char *end = tmp + sizeof(tmp);
	unsigned long long n = v < 0 ? 0ULL - (unsigned long long)v
				     : (unsigned long long)v;
	char *p = digits_before(end, n);
	if (v < 0)
		*--p = '-';
	buf_add(b, p, (size_t)(end - p));
}

void svgnum_add(struct buf *b, double v, int decimals)
{
	if (decimals < 0)
		decimals = 0;
	if (decimals > SVGNUM_MAX_DECIMALS)
		decimals = SVGNUM_MAX_DECIMALS;
	if (!(fabs(v) < 1e6)) {
		buf_addf(b, "%.*f", decimals, v);
		return;
	}
	unsigned long long n = units(fabs(v), scale[decimals]);
	unsigned long long unit = (unsigned long long)scale[decimals];
	unsigned long long whole = n / unit, part = n % unit;
	char tmp[48];
	char *end = tmp + sizeof(tmp);
	char *p = end;
	if (part) {
		int places = decimals;
		while (part % 10 == 0) {
			part /= 10;
			places--;
		}
		char *start = digits_before(end, part);
		while (end - start < places)
			*--start = '0';
		p = start;
		*--p = '.';
	}
	p = digits_before(p, whole);
	if (v < 0 && n)
		*--p = '-';
	buf_add(b, p, (size_t)(end - p));
}
