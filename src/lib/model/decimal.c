/* decimal: numbers written in decimal, read exactly. */
#include "decimal.h"

#include <string.h>

int decimal_split(const char *s, char *ip, size_t *ilen, char *fp,
		  size_t *flen)
{
	size_t group = 0, in = 0, fn = 0;
	int commas = 0;
	for (; decimal_is_digit(*s) || *s == ','; s++) {
		if (*s == ',') {
			if (in == 0 || (commas && group != 3) ||
			    (!commas && group > 3))
				return -1;
			commas = 1;
			group = 0;
			continue;
		}
		if (in < DECIMAL_DIGITS + 8)
			ip[in] = *s;
		in++;
		group++;
	}
	if (commas && group != 3)
		return -1;
	if (*s == '.') {
		for (s++; decimal_is_digit(*s); s++) {
			if (fn < DECIMAL_DIGITS + 8)
				fp[fn] = *s;
			fn++;
		}
		if (in == 0 && fn == 0)
			return -1;
	}
	if (*s || (in == 0 && fn == 0))
		return -1;
	*ilen = in;
	*flen = fn;
	return in > DECIMAL_DIGITS + 8 || fn > DECIMAL_DIGITS + 8;
}

int decimal_join(int neg, const char *ip, size_t ilen, const char *fp,
		 size_t flen, char out[DECIMAL_TEXT], int *whole)
{
	while (ilen > 0 && *ip == '0') {
		ip++;
		ilen--;
	}
	while (flen > 0 && fp[flen - 1] == '0')
		flen--;
	if (ilen > DECIMAL_DIGITS || flen > DECIMAL_DIGITS)
		return -1;
	*whole = flen == 0;
	char *o = out;
	if (neg && (ilen || flen))
		*o++ = '-';
	if (!ilen)
		*o++ = '0';
	memcpy(o, ip, ilen);
	o += ilen;
	if (flen) {
		*o++ = '.';
		memcpy(o, fp, flen);
		o += flen;
	}
	*o = '\0';
	return 0;
}

int decimal_canon(const char *s, char out[DECIMAL_TEXT])
{
	char ip[DECIMAL_ROOM], fp[DECIMAL_ROOM];
	size_t ilen, flen;
	int neg = *s == '-', whole;
	if (*s == '-' || *s == '+')
		s++;
	if (strchr(s, ',') || decimal_split(s, ip, &ilen, fp, &flen) != 0)
		return -1;
	return decimal_join(neg, ip, ilen, fp, flen, out, &whole);
}
