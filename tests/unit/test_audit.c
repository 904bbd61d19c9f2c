/* Unit tests for the disclosure audit's pieces: which of a small
 * group's values its published figures pin down (stats/audit_solve),
 * and the numbers a reader sees in published text (stats/audit_text). */
#include "unit.h"

#include "stats/audit_solve.h"
#include "stats/audit_text.h"

#define BIT(s) (1u << (s))
#define ALL(n) ((1u << (n)) - 1)

static void one_member_is_given_away_by_any_figure(void **state)
{
	double x[] = { 7 };
	for (int s = AGG_SUM; s <= AGG_MAX; s++)
		assert_int_equal(solve_pinned(x, 1, BIT(s), false, true), 1);
	assert_int_equal(solve_pinned(x, 1, 0, false, true), 0);
}

static void two_members_sum_alone_pins_nobody(void **state)
{
	double x[] = { 312, 455 };
	assert_int_equal(solve_pinned(x, 2, BIT(AGG_SUM) | BIT(AGG_MEAN),
				      false, true), 0);
	/* median is the mean: still nobody */
	assert_int_equal(solve_pinned(x, 2, BIT(AGG_SUM) | BIT(AGG_MEDIAN),
				      false, true), 0);
	/* p25 = x1 + (x2 - x1) / 4 with the sum gives both */
	assert_int_equal(solve_pinned(x, 2, BIT(AGG_SUM) | BIT(AGG_P25),
				      false, false), ALL(2));
	assert_int_equal(solve_pinned(x, 2, BIT(AGG_P25) | BIT(AGG_P75),
				      false, false), ALL(2));
	assert_int_equal(solve_pinned(x, 2, BIT(AGG_MIN), false, false), 1);
	assert_int_equal(solve_pinned(x, 2, BIT(AGG_MAX), false, false), 2);
}

static void three_members_sum_median_p75_give_all(void **state)
{
	/* the 2025-Q4 small group's staff carers: 2, 5, 6 */
	double x[] = { 2, 5, 6 };
	unsigned has = BIT(AGG_SUM) | BIT(AGG_MEDIAN) | BIT(AGG_P75);
	assert_int_equal(solve_pinned(x, 3, has, false, true), ALL(3));
	/* the median of three is the middle one's figure */
	assert_int_equal(solve_pinned(x, 3, BIT(AGG_MEDIAN), false, true), 2);
	assert_int_equal(solve_pinned(x, 3, BIT(AGG_SUM) | BIT(AGG_MEAN),
				      false, true), 0);
}

static void four_members_order_can_pin_what_algebra_cannot(void **state)
{
	/* sum, median, p25 and p75 of four leave one free direction
	 * (3, -1, 1, -3); the order x1 <= x2 <= x3 <= x4 bounds it */
	unsigned has = BIT(AGG_SUM) | BIT(AGG_MEDIAN) | BIT(AGG_P25) |
		       BIT(AGG_P75);
	double tight[] = { 5, 5, 5, 5 };
	assert_int_equal(solve_pinned(tight, 4, has, false, false), ALL(4));
	double loose[] = { 0, 100, 200, 300 };
	assert_int_equal(solve_pinned(loose, 4, has, false, false), 0);
	/* whole numbers: moving by t = 1/3 would leave fractions, and
	 * the order allows |t| <= 1/2 only */
	double whole[] = { 1, 2, 3, 4 };
	assert_int_equal(solve_pinned(whole, 4, has, false, true), ALL(4));
	assert_int_equal(solve_pinned(whole, 4, has, false, false), 0);
	assert_int_equal(solve_pinned(whole, 4, BIT(AGG_MEDIAN), false,
				      true), 0);
}

static void yes_no_rate_counts_as_the_mean(void **state)
{
	double x[] = { 1 };
	assert_int_equal(solve_pinned(x, 1, BIT(AGG_RATE), true, true), 1);
	assert_int_equal(solve_pinned(x, 1, BIT(AGG_RATE), false, true), 0);
}

static void five_or_more_are_not_worked_out(void **state)
{
	double x[] = { 1, 2, 3, 4, 5 };
	assert_int_equal(solve_pinned(x, 5, BIT(AGG_MEDIAN), false, true), 0);
	assert_int_equal(solve_pinned(x, 0, BIT(AGG_SUM), false, true), 0);
}

static void type_7_weights(void **state)
{
	assert_true(solve_weight(4, 0.25, 0) == 0.25);
	assert_true(solve_weight(4, 0.25, 1) == 0.75);
	assert_true(solve_weight(3, 0.5, 1) == 1);
	assert_true(solve_weight(3, 0.75, 2) == 0.5);
}

static void numbers_as_the_reports_print_them(void **state)
{
	struct audit_num *n;
	size_t len = audit_numbers("Employees: 7,333 across the 10 in "
				   "2026-Q3, against 9,298 (90.9%),\n"
				   "£11.40, 1,234,567 and 2, 5, 6; HX04 p25 "
				   "12,34", 3, &n);
	double want[] = { 7333, 10, 2026, 9298, 90.9, 11.4, 1234567, 2, 5, 6,
			  12 };
	assert_int_equal(len, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < len; i++)
		assert_true(n[i].v == want[i]);
	assert_true(n[4].percent);
	assert_false(n[3].percent);
	assert_int_equal(n[3].line, 3);
	assert_int_equal(n[5].line, 4);
	free(n);
}

static void texts_are_cut_into_paragraphs(void **state)
{
	char path[] = "/tmp/test_audit_XXXXXX.html";
	int fd = mkstemps(path, 5);
	assert_true(fd >= 0);
	const char *html = "<h2>Employees</h2><p>rose\nfrom <b>7,308</b></p>"
			   "\n<p>Staff &amp; 12</p>";
	assert_int_equal(write(fd, html, strlen(html)), (ssize_t)strlen(html));
	close(fd);
	struct audit_texts t;
	struct diags d;
	diags_init(&d);
	audit_texts_init(&t);
	assert_int_equal(audit_texts_read(&t, path, &d), 0);
	unlink(path);
	assert_int_equal(t.len, 3);
	assert_int_equal(t.u[1].nnums, 1);
	assert_true(t.u[1].nums[0].v == 7308);
	assert_int_equal(t.u[1].nums[0].line, 2);
	assert_non_null(strstr(t.u[2].text, "Staff & 12"));
	struct metric m = { .label = "employees" };
	assert_true(audit_unit_about(&t.u[0], &m, 0));
	assert_false(audit_unit_about(&t.u[2], &m, 0));
	audit_texts_free(&t);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_member_is_given_away_by_any_figure),
		cmocka_unit_test(two_members_sum_alone_pins_nobody),
		cmocka_unit_test(three_members_sum_median_p75_give_all),
		cmocka_unit_test(four_members_order_can_pin_what_algebra_cannot),
		cmocka_unit_test(yes_no_rate_counts_as_the_mean),
		cmocka_unit_test(five_or_more_are_not_worked_out),
		cmocka_unit_test(type_7_weights),
		cmocka_unit_test(numbers_as_the_reports_print_them),
		cmocka_unit_test(texts_are_cut_into_paragraphs),
	};
	return cmocka_run_group_tests_name("audit", tests, NULL, NULL);
}
