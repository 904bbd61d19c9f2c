/* summary: the statistics of one set of values (SPEC §4.3).
 *
 * An accumulator: summary_init, summary_add for each value, then
 * summary_finish computes n, sum, mean, the quartiles (linear
 * interpolation between order statistics: Excel's PERCENTILE.INC, R's
 * type 7), min and max. It keeps the values, since quantiles need them;
 * summary_reset empties it for reuse without freeing. */
#ifndef PLEDGE_SUMMARY_H
#define PLEDGE_SUMMARY_H

#include <stddef.h>

#include "../base/quantile.h" /* the rule of the quartiles */

struct summary {
	double *v;
	size_t n, cap;
	double sum, mean, median, p25, p75, min, max;
};

void summary_init(struct summary *s);
void summary_reset(struct summary *s);
void summary_add(struct summary *s, double value);
/* Sorts the values (unless they came sorted) and fills in the
 * statistics; n must be > 0 and no value NaN. */
void summary_finish(struct summary *s);
void summary_free(struct summary *s);

#endif
