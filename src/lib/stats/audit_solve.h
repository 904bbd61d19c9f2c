/* audit_solve: what a small group's published figures give away.
 *
 * An analyst who knows a group's n and some of its sum, mean, median,
 * quartiles (type 7), min and max can write one linear equation per
 * figure in the group's values sorted x1 <= ... <= xn. This module
 * works out which of those order statistics the equations fix, as the
 * small-group inversion of the disclosure audit (SPEC §6.3) needs. */
#ifndef PLEDGE_AUDIT_SOLVE_H
#define PLEDGE_AUDIT_SOLVE_H

#include <stdbool.h>
#include <stddef.h>

#include "aggregate.h"

/* The largest group worked out: from 5 answers on, quartiles and the
 * median are published by design and pin no one's value. */
#define SOLVE_MAX_N 4

/* Which order statistics of x[0..n) (sorted, 1 <= n <= SOLVE_MAX_N) the
 * published figures fix: bit k set when x[k] is determined. has is the
 * agg_row bit set of published figures (AGG_SUM .. AGG_MAX; AGG_RATE
 * counts as the mean when rate_is_mean, as for a yes/no). The true
 * values x are used only to bound what else could be true: other
 * sorted values fitting the same equations (whole numbers when
 * whole is set). Returns 0 when n is out of range. */
unsigned solve_pinned(const double *x, size_t n, unsigned has,
		      bool rate_is_mean, bool whole);

/* The type-7 weight of order statistic k in quantile p of n values. */
double solve_weight(size_t n, double p, size_t k);

#endif
