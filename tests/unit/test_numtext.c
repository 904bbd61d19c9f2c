/* Unit tests for chart/numtext: figures as a reader expects them. */
#include "unit.h"

#include "chart/numtext.h"

#include <math.h>

#define DASH "[x]"  /* not available */
#define POUND "\xC2\xA3"     /* £ */

static void expect_text(double v, enum kind kind, enum figure figure,
			const char *want)
{
	char out[NUMTEXT];
	memset(out, 'x', sizeof(out));
	char *got = numtext(v, kind, figure, out);
	assert_ptr_equal(got, out);
	if (strcmp(out, want) != 0)
		fail_msg("numtext(%.17g, %s, %s) = '%s', want '%s'", v,
			 kind_name(kind), figure == FIGURE_RATE ? "rate" : "value",
			 out, want);
}

static void counts_have_thousands_separators(void **state)
{
	expect_text(12345, KIND_COUNT, FIGURE_VALUE, "12,345");
	expect_text(1234567, KIND_COUNT, FIGURE_VALUE, "1,234,567");
	expect_text(999, KIND_COUNT, FIGURE_VALUE, "999");
	expect_text(1000, KIND_COUNT, FIGURE_VALUE, "1,000");
	expect_text(100000, KIND_COUNT, FIGURE_VALUE, "100,000");
	expect_text(-1234, KIND_COUNT, FIGURE_VALUE, "-1,234");
	expect_text(-123, KIND_COUNT, FIGURE_VALUE, "-123");
	expect_text(-3, KIND_COUNT, FIGURE_VALUE, "-3");
	expect_text(999999999999999, KIND_COUNT, FIGURE_VALUE,
		    "999,999,999,999,999");
}

static void no_needless_decimals(void **state)
{
	expect_text(12, KIND_NUMBER, FIGURE_VALUE, "12");
	expect_text(12.5, KIND_NUMBER, FIGURE_VALUE, "12.5");
	expect_text(12.04, KIND_NUMBER, FIGURE_VALUE, "12");
	expect_text(6.5, KIND_COUNT, FIGURE_VALUE, "6.5");
	expect_text(1234.6, KIND_NUMBER, FIGURE_VALUE, "1,235");
	expect_text(0.5, KIND_NUMBER, FIGURE_VALUE, "0.5");
}

static void money_has_pounds_and_pence(void **state)
{
	expect_text(12.1, KIND_MONEY, FIGURE_VALUE, POUND "12.10");
	expect_text(1200, KIND_MONEY, FIGURE_VALUE, POUND "1,200.00");
	expect_text(10, KIND_MONEY, FIGURE_VALUE, POUND "10.00");
	expect_text(0, KIND_MONEY, FIGURE_VALUE, POUND "0.00");
	expect_text(1234567.891, KIND_MONEY, FIGURE_VALUE,
		    POUND "1,234,567.89");
	expect_text(-5, KIND_MONEY, FIGURE_VALUE, "-" POUND "5.00");
}

static void percents_and_rates(void **state)
{
	expect_text(12.5, KIND_PERCENT, FIGURE_VALUE, "12.5%");
	expect_text(100, KIND_PERCENT, FIGURE_VALUE, "100.0%");
	expect_text(100, KIND_COUNT, FIGURE_RATE, "100.0%");
	expect_text(100, KIND_YESNO, FIGURE_RATE, "100.0%");
	expect_text(66.66666667, KIND_YESNO, FIGURE_RATE, "66.7%");
	expect_text(16.66666667, KIND_COUNT, FIGURE_RATE, "16.7%");
	expect_text(0, KIND_COUNT, FIGURE_RATE, "0.0%");
	/* a rate is a percentage whatever the kind behind it */
	expect_text(25, KIND_MONEY, FIGURE_RATE, "25.0%");
	expect_text(1234.5, KIND_PERCENT, FIGURE_RATE, "1,234.5%");
}

/* An axis tick drops the ".0" a published figure keeps. */
static void ticks_have_no_needless_decimal(void **state)
{
	char out[NUMTEXT];
	assert_string_equal(numtext_tick(20, KIND_PERCENT, FIGURE_VALUE, out),
			    "20%");
	assert_string_equal(numtext_tick(2.5, KIND_COUNT, FIGURE_RATE, out),
			    "2.5%");
	assert_string_equal(numtext_tick(1500, KIND_COUNT, FIGURE_VALUE, out),
			    "1,500");
}

static void zero_is_never_negative(void **state)
{
	expect_text(0, KIND_COUNT, FIGURE_VALUE, "0");
	expect_text(-0.0, KIND_COUNT, FIGURE_VALUE, "0");
	expect_text(-0.0, KIND_NUMBER, FIGURE_VALUE, "0");
	expect_text(-0.0, KIND_PERCENT, FIGURE_VALUE, "0.0%");
	expect_text(-0.0, KIND_COUNT, FIGURE_RATE, "0.0%");
	expect_text(-0.0, KIND_MONEY, FIGURE_VALUE, POUND "0.00");
	/* rounds to zero */
	expect_text(-0.04, KIND_NUMBER, FIGURE_VALUE, "0");
	expect_text(-0.04, KIND_PERCENT, FIGURE_VALUE, "0.0%");
}

/* As -0.04 reads "0" for a number, -0.004 pounds reads "£0.00": a
 * figure that rounds to nothing has no sign. */
static void money_rounding_to_zero_has_no_sign(void **state)
{
	expect_text(-0.004, KIND_MONEY, FIGURE_VALUE, POUND "0.00");
	expect_text(-0.001, KIND_MONEY, FIGURE_VALUE, POUND "0.00");
}

static void not_a_number_is_a_dash(void **state)
{
	static const enum kind kinds[] = { KIND_COUNT, KIND_NUMBER,
					   KIND_PERCENT, KIND_MONEY,
					   KIND_YESNO };
	for (size_t i = 0; i < sizeof(kinds) / sizeof(*kinds); i++) {
		expect_text(NAN, kinds[i], FIGURE_VALUE, DASH);
		expect_text(NAN, kinds[i], FIGURE_RATE, DASH);
		expect_text(INFINITY, kinds[i], FIGURE_VALUE, DASH);
		expect_text(-INFINITY, kinds[i], FIGURE_RATE, DASH);
	}
}

/* Numbers too large for a separator-grouped figure still fit the
 * buffer and still read as the number. */
static void huge_numbers_fit(void **state)
{
	static const double huge[] = { 1e15, 1e100, 1e308, -1e308,
				       1.7976931348623157e308 };
	for (size_t i = 0; i < sizeof(huge) / sizeof(*huge); i++) {
		char out[NUMTEXT];
		numtext(huge[i], KIND_MONEY, FIGURE_VALUE, out);
		assert_true(strlen(out) < NUMTEXT);
		assert_true(strlen(out) > 0);
		assert_null(strstr(out, "inf"));
		assert_null(strstr(out, "nan"));
		assert_true(strtod(out[0] == '-' ? out + 1 : out, NULL) > 0 ||
			    strstr(out, POUND));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts_have_thousands_separators),
		cmocka_unit_test(no_needless_decimals),
		cmocka_unit_test(money_has_pounds_and_pence),
		cmocka_unit_test(ticks_have_no_needless_decimal),
		cmocka_unit_test(percents_and_rates),
		cmocka_unit_test(zero_is_never_negative),
		cmocka_unit_test(money_rounding_to_zero_has_no_sign),
		cmocka_unit_test(not_a_number_is_a_dash),
		cmocka_unit_test(huge_numbers_fit),
	};
	return cmocka_run_group_tests_name("numtext", tests, NULL, NULL);
}
