/* numtext: figures as a reader expects them: thousands separators,
 * "£" for money, "%" for percentages and rates, no needless decimals. */
#ifndef PLEDGE_NUMTEXT_H
#define PLEDGE_NUMTEXT_H

#include "../model/catalogue.h"

#define NUMTEXT 48

enum figure { FIGURE_VALUE, FIGURE_RATE };

/* v as a figure of metric kind (a rate is always a percentage), one
 * format per kind (SPEC §8): 12345 -> "12,345", 12.1 (money) ->
 * "£12.10", 12.5 or 12 (percent or rate) -> "12.5%", "12.0%"; other
 * numbers whole from 100 up, else to at most one decimal. Not-a-number
 * or infinite v gives "[x]". */
char *numtext(double v, enum kind kind, enum figure figure,
	      char out[NUMTEXT]);

/* The same for an axis tick, where "20%" reads better than "20.0%". */
char *numtext_tick(double v, enum kind kind, enum figure figure,
		   char out[NUMTEXT]);

#endif
