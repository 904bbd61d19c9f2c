#include "axis.h"

#include <math.h>

static int fit(struct axis *a, double min, double max, int zero)
{
	if (!isfinite(min) || !isfinite(max) || fabs(min) > 1e100 ||
	    fabs(max) > 1e100)
		return -1;
	if (zero && min > 0)
		min = 0;
	if (zero && max < 0)
		max = 0;
	if (max - min < 1e-9 * fmax(1, fabs(max))) {
		double pad = fmax(1, fabs(max) / 10);
		min -= zero && min == 0 ? 0 : pad;
		max += pad;
	}
	double raw = (max - min) / 5;
	double power = pow(10, floor(log10(raw)));
	static const double steps[] = { 1, 2, 2.5, 5, 10 };
	double step = power * 10;
	for (int i = 0; i < 5; i++)
		if (power * steps[i] >= raw) {
			step = power * steps[i];
			break;
		}
	a->lo = floor(min / step) * step;
	a->hi = ceil(max / step) * step;
	a->nticks = 0;
	for (int i = 0; a->nticks < AXIS_MAX_TICKS; i++) {
		double t = a->lo + step * i;
		if (t > a->hi + step / 2)
			break;
		a->ticks[a->nticks++] = fabs(t) < step / 1e6 ? 0 : t;
	}
	return 0;
}

int axis_fit(struct axis *a, double min, double max)
{
	return fit(a, min, max, 1);
}

int axis_fit_range(struct axis *a, double min, double max)
{
	return fit(a, min, max, 0);
}

double axis_map(const struct axis *a, double v, double from, double to)
{
	return from + (v - a->lo) / (a->hi - a->lo) * (to - from);
}

void axis_thin(struct axis *a, double length, double gap)
{
	while (a->nticks > 2 && a->hi > a->lo &&
	       length * (a->ticks[1] - a->ticks[0]) / (a->hi - a->lo) < gap) {
		size_t k = 0;
		for (size_t i = 0; i < a->nticks; i += 2)
			a->ticks[k++] = a->ticks[i];
		a->nticks = k;
	}
}
