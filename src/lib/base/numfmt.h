/* numfmt: numbers as plain decimal text. */
#ifndef PLEDGE_NUMFMT_H
#define PLEDGE_NUMFMT_H

#define NUM_TEXT 48

/* x in plain decimal notation (never an exponent) with 10 significant
 * digits and no trailing zeros: 0.1 -> "0.1", 2.5e-7 -> "0.00000025",
 * 1e15 -> "1000000000000000". Not-a-number and infinities give "". */
char *num_plain(double x, char out[NUM_TEXT]);

#endif
