/* quantile: the p-quantile of sorted values by linear interpolation
 * between order statistics (R's type 7, Excel's PERCENTILE.INC), the one
 * rule behind every quartile and median pledge publishes (SPEC §4.3) and
 * the queries' quartiles of a quarter's answers. */
#ifndef PLEDGE_QUANTILE_H
#define PLEDGE_QUANTILE_H

#include <stddef.h>

/* The p-quantile (0 <= p <= 1) of sorted[0..n), ascending; n > 0. */
double quantile(const double *sorted, size_t n, double p);

#endif
