#include "numfmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

char *num_plain(double x, char out[NUM_TEXT])
{
	out[0] = '\0';
	if (!isfinite(x) || fabs(x) >= 1e30)
		return out;
	if (x == 0) {
		strcpy(out, "0");
		return out;
	}
	int e = (int)floor(log10(fabs(x)));
	int decimals = 9 - e;
	if (decimals < 0)
		decimals = 0;
	if (decimals > 30)
		decimals = 30;
	snprintf(out, NUM_TEXT, "%.*f", decimals, x);
	if (strchr(out, '.')) {
		size_t n = strlen(out);
		while (out[n - 1] == '0')
			out[--n] = '\0';
		if (out[n - 1] == '.')
			out[--n] = '\0';
	}
	if (!strcmp(out, "-0"))
		strcpy(out, "0");
	return out;
}
