/* Unit tests for base/period: the spellings of a quarter, its order
 * and its canonical form. */
#include "unit.h"

#include "base/period.h"

/* The canonical text of period_parse(s), or "NONE". */
static const char *reparse(const char *s, char out[PERIOD_TEXT])
{
	int p = period_parse(s);
	if (p == PERIOD_NONE) {
		strcpy(out, "NONE");
		return out;
	}
	return period_format(p, out);
}

static void expect_period(const char *s, const char *want)
{
	char out[PERIOD_TEXT];
	if (strcmp(reparse(s, out), want) != 0)
		fail_msg("period '%s' read as %s, want %s", s, out, want);
}

static void accepts_every_spelling(void **state)
{
	static const char *const spellings[] = {
		"2026-Q3", "2026Q3", "2026 Q3", "Q3 2026",
		"2026-q3", "2026q3", "2026 q3", "q3 2026",
		" 2026-Q3", "2026-Q3  ", "  Q3 2026  ", "   2026 q3 ",
		NULL };
	for (const char *const *s = spellings; *s; s++)
		expect_period(*s, "2026-Q3");
}

static void number_is_year_times_four_plus_quarter(void **state)
{
	/* the contract of period.h: periods sort and subtract as numbers */
	assert_int_equal(period_parse("2026-Q1"), 2026 * 4 + 0);
	assert_int_equal(period_parse("2026-Q4"), 2026 * 4 + 3);
	assert_int_equal(period_parse("Q2 1999"), 1999 * 4 + 1);
}

static void refuses_what_is_not_a_quarter(void **state)
{
	static const char *const bad[] = {
		"", "   ", "2026", "Q3", "2026-Q5", "2026-Q0", "Q0 2026",
		"Q5 2026", "26-Q3", "026-Q3", "20261-Q3", "2026-Q3x",
		"2026-Q33", "x2026-Q3", "2026--Q3", "2026_Q3", "2026-3",
		"2026-Q", "Q 2026", "Q3 26", "Q3 2026x", "2026-Q3 4",
		"2O26-Q3", "-2026-Q3",
		NULL };
	for (const char *const *s = bad; *s; s++)
		expect_period(*s, "NONE");
}

static void periods_order_as_numbers(void **state)
{
	int q4 = period_parse("2025-Q4"), q1 = period_parse("2026-Q1");
	assert_int_not_equal(q4, PERIOD_NONE);
	assert_int_equal(q4 + 1, q1);
	assert_true(period_parse("2026-Q2") < period_parse("2026-Q3"));
	assert_true(period_parse("2025-Q3") < period_parse("2026-Q1"));
	/* a year back is four quarters back */
	assert_int_equal(period_parse("2026-Q3") - 4, period_parse("2025-Q3"));
}

static void format_round_trips(void **state)
{
	int first = period_parse("2000-Q1");
	int last = period_parse("2040-Q4");
	assert_int_equal(last - first + 1, 41 * 4);
	int prev = PERIOD_NONE;
	for (int p = first; p <= last; p++) {
		char out[PERIOD_TEXT];
		period_format(p, out);
		assert_int_equal(strlen(out), PERIOD_TEXT - 1);
		assert_int_equal(period_parse(out), p);
		if (prev != PERIOD_NONE) {
			char before[PERIOD_TEXT];
			period_format(prev, before);
			assert_true(strcmp(before, out) < 0);
		}
		prev = p;
	}
	char out[PERIOD_TEXT];
	assert_string_equal(period_format(period_parse("q4 2025"), out),
			    "2025-Q4");
	assert_ptr_equal(period_format(period_parse("2026-Q1"), out), out);
}

static void format_of_none_is_not_a_period(void **state)
{
	char out[PERIOD_TEXT];
	period_format(PERIOD_NONE, out);
	assert_true(strlen(out) < PERIOD_TEXT);
	assert_int_equal(period_parse(out), PERIOD_NONE);
}

static void hints_never_guess(void **state)
{
	/* what each hint says, and that none names the quarter it might be */
	assert_non_null(strstr(period_hint("2026/27 Q1"), "financial year"));
	assert_non_null(strstr(period_hint("FY 2026/2027 Q2"),
			       "financial year"));
	assert_non_null(strstr(period_hint("Apr-Jun 2026"), "months"));
	assert_non_null(strstr(period_hint("july to sept 2026"), "months"));
	assert_non_null(strstr(period_hint("Q2 26"), "year in full"));
	assert_string_equal(period_hint("Summer 2026"), "");
	assert_string_equal(period_hint("soon"), "");
	assert_null(strstr(period_hint("2026/27 Q1"), "2026-Q2"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accepts_every_spelling),
		cmocka_unit_test(number_is_year_times_four_plus_quarter),
		cmocka_unit_test(refuses_what_is_not_a_quarter),
		cmocka_unit_test(periods_order_as_numbers),
		cmocka_unit_test(format_round_trips),
		cmocka_unit_test(format_of_none_is_not_a_period),
		cmocka_unit_test(hints_never_guess),
	};
	return cmocka_run_group_tests_name("period", tests, NULL, NULL);
}
