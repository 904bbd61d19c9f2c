/* sort: sorting values for quantiles, without qsort's per-comparison
 * call (the aggregation sorts millions of values). */
#ifndef PLEDGE_SORT_H
#define PLEDGE_SORT_H

#include <stddef.h>

/* A value and a small tag that travels with it (a peer group). */
struct tagged {
	double value;
	int tag;
};

/* Sorts by value, ascending; equal values keep no particular order.
 * Values must not be NaN. */
void sort_tagged(struct tagged *a, size_t n);

/* Sorts doubles ascending (no NaN). */
void sort_doubles(double *v, size_t n);

#endif
