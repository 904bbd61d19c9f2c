/* axis: the scale of a chart's value axis. */
#ifndef PLEDGE_AXIS_H
#define PLEDGE_AXIS_H

#include <stddef.h>

#define AXIS_MAX_TICKS 12

struct axis {
	double lo, hi;                 /* the range shown */
	double ticks[AXIS_MAX_TICKS];  /* round values from lo to hi */
	size_t nticks;
};

/* A scale from at most 0 (when every value is positive) to at least max,
 * with 3 to 7 round ticks (steps of 1, 2, 2.5 or 5 times a power of
 * ten). Returns 0, or -1 when min or max is not finite or the range is
 * too large to draw. */
int axis_fit(struct axis *a, double min, double max);

/* The same without reaching to 0: for where answers lie. */
int axis_fit_range(struct axis *a, double min, double max);

/* Drops every other tick (keeping the first) until ticks stand at
 * least gap apart over length, or two are left; the range stays. */
void axis_thin(struct axis *a, double length, double gap);

/* Where v falls between from (at lo) and to (at hi). */
double axis_map(const struct axis *a, double v, double from, double to);

#endif
