/* Unit tests for chart/axis: a value axis has round ticks, covers the
 * data, starts at 0 for positive data (axis_fit) or not (axis_fit_range),
 * and refuses numbers it cannot draw. */
#include "unit.h"

#include "chart/axis.h"

#include <math.h>

/* Whether x is a whole multiple of step, allowing for binary fractions. */
static int near_multiple(double x, double step)
{
	double k = x / step;
	return fabs(k - round(k)) < 1e-6;
}

/* Whether step is 1, 2, 2.5 or 5 times a power of ten. */
static int round_step(double step)
{
	if (!(step > 0) || !isfinite(step))
		return 0;
	double power = pow(10, floor(log10(step)));
	double m = step / power;
	static const double ok[] = { 1, 2, 2.5, 5, 10 };
	for (size_t i = 0; i < sizeof(ok) / sizeof(*ok); i++)
		if (fabs(m - ok[i]) < 1e-9 * ok[i])
			return 1;
	return 0;
}

/* The promises of axis.h for any fitted axis over [min, max]. */
static void expect_good_axis(const struct axis *a, double min, double max,
			     int zero)
{
	if (a->nticks < 3 || a->nticks > 7)
		fail_msg("[%g, %g]: %zu ticks, want 3 to 7", min, max,
			 a->nticks);
	if (!(a->hi > a->lo))
		fail_msg("[%g, %g]: empty range %g to %g", min, max, a->lo,
			 a->hi);
	double step = a->ticks[1] - a->ticks[0];
	if (!round_step(step))
		fail_msg("[%g, %g]: step %.17g is not 1, 2, 2.5 or 5 x 10^k",
			 min, max, step);
	double tol = step * 1e-9;
	for (size_t i = 1; i < a->nticks; i++) {
		double d = a->ticks[i] - a->ticks[i - 1];
		if (fabs(d - step) > step * 1e-6)
			fail_msg("[%g, %g]: uneven ticks at %zu", min, max, i);
	}
	for (size_t i = 0; i < a->nticks; i++)
		if (!near_multiple(a->ticks[i], step))
			fail_msg("[%g, %g]: tick %.17g is not a multiple of %g",
				 min, max, a->ticks[i], step);
	if (fabs(a->ticks[0] - a->lo) > tol ||
	    fabs(a->ticks[a->nticks - 1] - a->hi) > tol)
		fail_msg("[%g, %g]: ticks %g..%g do not run lo %g to hi %g",
			 min, max, a->ticks[0], a->ticks[a->nticks - 1], a->lo,
			 a->hi);
	if (a->lo > min + tol || a->hi < max - tol)
		fail_msg("[%g, %g]: axis %g to %g does not cover the data",
			 min, max, a->lo, a->hi);
	if (zero && min >= 0 && a->lo != 0)
		fail_msg("[%g, %g]: positive data, but the axis starts at %g",
			 min, max, a->lo);
	if (zero && max < 0 && a->hi != 0)
		fail_msg("[%g, %g]: negative data, but the axis ends at %g",
			 min, max, a->hi);
}

static const double ranges[][2] = {
	{ 0, 1 }, { 0, 100 }, { 0, 101 }, { 3, 7 }, { 12, 15 },
	{ 0.3, 0.7 }, { 0.1, 0.30000000000000004 }, { 1, 1.0001 },
	{ 0, 9.99 }, { 0, 10 }, { 0, 10.01 }, { 0, 12.5 }, { 0, 24.9 },
	{ 0, 25.1 }, { 0, 49.9 }, { 0, 50.1 }, { 0, 99.9 }, { 7, 1234 },
	{ 16.66666667, 66.66666667 }, { 0, 999999999999999 },
	{ -5, 5 }, { -120, -3 }, { -0.5, 0.25 }, { 1e-6, 3e-6 },
	{ 1e99, 9e99 }, { 150, 151 }, { 2026, 2031 },
};

static void axis_fit_is_round_and_covers(void **state)
{
	for (size_t i = 0; i < sizeof(ranges) / sizeof(*ranges); i++) {
		struct axis a;
		double min = ranges[i][0], max = ranges[i][1];
		if (axis_fit(&a, min, max) != 0)
			fail_msg("axis_fit(%g, %g) refused", min, max);
		expect_good_axis(&a, min, max, 1);
	}
}

/* A sweep of pseudo-random ranges over many magnitudes. */
static void axis_fit_sweep(void **state)
{
	unsigned long x = 12345;
	for (int i = 0; i < 5000; i++) {
		x = x * 6364136223846793005UL + 1442695040888963407UL;
		double u = (double)(x >> 11) / 9007199254740992.0;
		x = x * 6364136223846793005UL + 1442695040888963407UL;
		double v = (double)(x >> 11) / 9007199254740992.0;
		double scale = pow(10, (int)(i % 13) - 4);
		double min = u * scale, max = min + v * scale;
		if (i % 3 == 1)
			min = -min;
		struct axis a, b;
		assert_int_equal(axis_fit(&a, min, max), 0);
		expect_good_axis(&a, min, max, 1);
		assert_int_equal(axis_fit_range(&b, min, max), 0);
		expect_good_axis(&b, min, max, 0);
	}
}

static void positive_data_starts_at_zero(void **state)
{
	struct axis a;
	assert_int_equal(axis_fit(&a, 120, 180), 0);
	assert_true(a.lo == 0.0);
	assert_true(a.hi >= 180);
	assert_true(a.ticks[0] == 0.0);
	/* and negative data ends at zero */
	assert_int_equal(axis_fit(&a, -180, -120), 0);
	assert_true(a.hi == 0.0);
	assert_true(a.lo <= -180);
}

static void fit_range_does_not_force_zero(void **state)
{
	struct axis a;
	assert_int_equal(axis_fit_range(&a, 120, 180), 0);
	expect_good_axis(&a, 120, 180, 0);
	assert_true(a.lo > 0);
	assert_true(a.lo <= 120);
	assert_true(a.hi >= 180 && a.hi < 250);
	assert_int_equal(axis_fit_range(&a, -180, -120), 0);
	assert_true(a.hi < 0);
}

static void refuses_what_cannot_be_drawn(void **state)
{
	static const double bad[] = { NAN, -NAN, INFINITY, -INFINITY, 1e308,
				      -1e308, 1.7976931348623157e308 };
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		struct axis a;
		double b = bad[i];
		if (axis_fit(&a, 0, b) != -1 || axis_fit(&a, b, 0) != -1 ||
		    axis_fit(&a, b, b) != -1)
			fail_msg("axis_fit accepted %g", b);
		if (axis_fit_range(&a, 0, b) != -1 ||
		    axis_fit_range(&a, b, 0) != -1 ||
		    axis_fit_range(&a, b, b) != -1)
			fail_msg("axis_fit_range accepted %g", b);
	}
}

static void all_equal_values_give_a_range(void **state)
{
	static const double same[] = { 0, 5, 1, -3, 1e-9, 0.25, 12345.678,
				       1e14 };
	for (size_t i = 0; i < sizeof(same) / sizeof(*same); i++) {
		struct axis a;
		double v = same[i];
		assert_int_equal(axis_fit(&a, v, v), 0);
		expect_good_axis(&a, v, v, 1);
		assert_int_equal(axis_fit_range(&a, v, v), 0);
		expect_good_axis(&a, v, v, 0);
	}
}

static void map_runs_lo_to_hi(void **state)
{
	struct axis a;
	assert_int_equal(axis_fit(&a, 0, 100), 0);
	assert_true(fabs(axis_map(&a, a.lo, 200, 20) - 200) < 1e-9);
	assert_true(fabs(axis_map(&a, a.hi, 200, 20) - 20) < 1e-9);
	assert_true(fabs(axis_map(&a, (a.lo + a.hi) / 2, 200, 20) - 110) <
		    1e-9);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(axis_fit_is_round_and_covers),
		cmocka_unit_test(axis_fit_sweep),
		cmocka_unit_test(positive_data_starts_at_zero),
		cmocka_unit_test(fit_range_does_not_force_zero),
		cmocka_unit_test(refuses_what_cannot_be_drawn),
		cmocka_unit_test(all_equal_values_give_a_range),
		cmocka_unit_test(map_runs_lo_to_hi),
	};
	return cmocka_run_group_tests_name("axis", tests, NULL, NULL);
}
