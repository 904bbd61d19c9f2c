/* Unit tests for base/quantile: R's type 7 (Excel's PERCENTILE.INC),
 * with the values R's quantile() gives for the same data. */
#include "unit.h"

#include "base/quantile.h"

static void one_value_is_every_quantile(void **state)
{
	const double v[] = { 7 };
	assert_true(quantile(v, 1, 0) == 7);
	assert_true(quantile(v, 1, 0.5) == 7);
	assert_true(quantile(v, 1, 1) == 7);
}

/* quantile(1:4, c(0, .25, .5, .75, 1)) is 1, 1.75, 2.5, 3.25, 4. */
static void interpolates_between_order_statistics(void **state)
{
	const double v[] = { 1, 2, 3, 4 };
	assert_true(quantile(v, 4, 0) == 1);
	assert_true(quantile(v, 4, 0.25) == 1.75);
	assert_true(quantile(v, 4, 0.5) == 2.5);
	assert_true(quantile(v, 4, 0.75) == 3.25);
	assert_true(quantile(v, 4, 1) == 4);
}

/* With five values the quartiles are the 2nd, 3rd and 4th: one
 * organisation's own figure each (the reason quartiles need five). */
static void five_values_give_order_statistics(void **state)
{
	const double v[] = { 10, 20, 35, 50, 90 };
	assert_true(quantile(v, 5, 0.25) == 20);
	assert_true(quantile(v, 5, 0.5) == 35);
	assert_true(quantile(v, 5, 0.75) == 50);
}

static void equal_neighbours_give_their_value(void **state)
{
	const double v[] = { 0, 3, 3, 3, 100 };
	assert_true(quantile(v, 5, 0.3) == 3);
	assert_true(quantile(v, 5, 0.6) == 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_value_is_every_quantile),
		cmocka_unit_test(interpolates_between_order_statistics),
		cmocka_unit_test(five_values_give_order_statistics),
		cmocka_unit_test(equal_neighbours_give_their_value),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
