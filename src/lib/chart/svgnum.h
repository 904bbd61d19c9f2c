/* svgnum: numbers for SVG attributes and path data, written by hand
 * rather than through printf: fixed point with at most a given number
 * of decimals, trailing zeros and a needless "-" dropped ("12.5",
 * "-3", "0"). The same double gives the same text on every machine and
 * in every locale. */
#ifndef PLEDGE_SVGNUM_H
#define PLEDGE_SVGNUM_H

#include "../base/buf.h"

/* The most decimals svgnum_add writes. */
#define SVGNUM_MAX_DECIMALS 12

/* Adds v, rounded to decimals (0 to SVGNUM_MAX_DECIMALS) places, to b.
 * v must be finite; one too large for fixed point (1e6 or more in
 * size) is written with printf's %.*f. */
void svgnum_add(struct buf *b, double v, int decimals);

/* Adds an integer to b. */
void svgnum_add_int(struct buf *b, long v);

#endif
