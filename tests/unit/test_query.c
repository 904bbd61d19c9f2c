/* Unit tests for model/query: each threshold at its edge, and the
 * guess of read/legacy at the bytes each spreadsheet tool writes. */
#include "unit.h"

#include "model/query.h"
#include "read/legacy.h"

static struct query_limits defaults(void)
{
	struct settings s;
	settings_default(&s);
	struct query_limits q;
	query_limits_from(&s, &q);
	settings_free(&s);
	return q;
}

static void count_change_needs_half_and_ten(void **state)
{
	struct query_limits q = defaults();
	/* 100 -> 150 is exactly 50%: not more than it */
	assert_false(query_large_change(KIND_COUNT, 100, 150, &q));
	assert_true(query_large_change(KIND_COUNT, 100, 150.5, &q));
	assert_false(query_large_change(KIND_COUNT, 100, 50, &q));
	assert_true(query_large_change(KIND_COUNT, 100, 49.5, &q));
	/* 4 -> 14 is 250% but only 10 more: not more than 10 */
	assert_false(query_large_change(KIND_COUNT, 4, 14, &q));
	assert_true(query_large_change(KIND_NUMBER, 4, 14.5, &q));
	/* money: by half, however few pounds that is */
	assert_false(query_large_change(KIND_MONEY, 11.5, 5.75, &q));
	assert_true(query_large_change(KIND_MONEY, 11.5, 5.74, &q));
	assert_true(query_large_change(KIND_MONEY, 11.5, 1.29, &q));
	/* from 0, any change of more than 10 */
	assert_true(query_large_change(KIND_COUNT, 0, 11, &q));
}

static void percent_change_needs_twenty_points(void **state)
{
	struct query_limits q = defaults();
	assert_false(query_large_change(KIND_PERCENT, 60, 80, &q));
	assert_true(query_large_change(KIND_PERCENT, 60, 80.5, &q));
	assert_false(query_large_change(KIND_PERCENT, 60, 40, &q));
	assert_true(query_large_change(KIND_PERCENT, 60, 39.9, &q));
	assert_false(query_large_change(KIND_YESNO, 0, 1, &q));
}

static void implausible_outside_a_fifth_and_five_times(void **state)
{
	struct query_limits q = defaults();
	/* money, p25 10, p75 20: the bounds are 2 and 100, themselves
	 * allowed */
	assert_false(query_implausible(KIND_MONEY, 2, 5, 10, 20, &q));
	assert_true(query_implausible(KIND_MONEY, 1.99, 5, 10, 20, &q));
	assert_false(query_implausible(KIND_MONEY, 100, 5, 10, 20, &q));
	assert_true(query_implausible(KIND_MONEY, 100.01, 5, 10, 20, &q));
	/* the median pay of £1.29 among pay of £11.80 to £12.20 */
	assert_true(query_implausible(KIND_MONEY, 1.29, 5, 11.8, 12.2, &q));
	/* four answers the quarter before are too few to judge by */
	assert_false(query_implausible(KIND_MONEY, 1000, 4, 10, 20, &q));
	assert_false(query_implausible(KIND_YESNO, 1, 9, 0, 0, &q));
}

static void implausible_count_needs_more_than_ten(void **state)
{
	struct query_limits q = defaults();
	/* most answered 0: 10 is not far, 11 is */
	assert_false(query_implausible(KIND_COUNT, 10, 5, 0, 0, &q));
	assert_true(query_implausible(KIND_COUNT, 11, 5, 0, 0, &q));
	/* p25 40: below 8 and more than 10 below 40 */
	assert_false(query_implausible(KIND_NUMBER, 8, 5, 40, 50, &q));
	assert_true(query_implausible(KIND_NUMBER, 7.9, 5, 40, 50, &q));
	/* p25 12: 2 is below 12/5 but only 10 below 12 */
	assert_false(query_implausible(KIND_COUNT, 2, 5, 12, 14, &q));
	assert_true(query_implausible(KIND_COUNT, 1, 5, 12, 14, &q));
}

static void settings_move_the_edges(void **state)
{
	struct settings s;
	settings_default(&s);
	s.query_change_percent = 10;
	s.query_change_min = 0;
	s.query_change_points = 5;
	s.query_implausible_factor = 2;
	s.query_implausible_min_orgs = 3;
	struct query_limits q;
	query_limits_from(&s, &q);
	settings_free(&s);
	assert_true(query_large_change(KIND_COUNT, 100, 111, &q));
	assert_false(query_large_change(KIND_COUNT, 100, 110, &q));
	assert_true(query_large_change(KIND_PERCENT, 50, 55.5, &q));
	assert_true(query_implausible(KIND_COUNT, 41, 3, 10, 20, &q));
	assert_false(query_implausible(KIND_COUNT, 40, 3, 10, 20, &q));
}

static void percent_fraction_between_zero_and_one(void **state)
{
	assert_true(query_fraction(KIND_PERCENT, "0.87", 0.87));
	assert_false(query_fraction(KIND_PERCENT, "0.87%", 0.87));
	assert_false(query_fraction(KIND_PERCENT, "1", 1));
	assert_false(query_fraction(KIND_PERCENT, "0", 0));
	assert_false(query_fraction(KIND_NUMBER, "0.87", 0.87));
}

static void explained_codes_carry_the_note(void **state)
{
	struct diags d;
	diags_init(&d);
	query_add(&d, "f.csv", 2, "HX01", "staff_total", "large-change",
		  "large-change-explained", "", "value %d", 1);
	query_add(&d, "f.csv", 3, "HX01", "staff_total", "large-change",
		  "large-change-explained", "Merged in July", "value %d", 2);
	assert_string_equal(d.items[0].code, "large-change");
	assert_string_equal(d.items[1].code, "large-change-explained");
	assert_non_null(strstr(d.items[1].message, "\"Merged in July\""));
	assert_int_equal(d.items[1].severity, SEV_WARNING);
	bool explained;
	assert_true(query_code(d.items[1].code, &explained) && explained);
	assert_true(query_code(d.items[0].code, &explained) && !explained);
	diags_free(&d);
}

static void legacy_guess_by_the_bytes(void **state)
{
	/* Excel for Mac: CR line ends; ’ 0xD5, é 0x8E, – 0xD0 */
	const char mac[] = "carer_policy,Yes,Carers\xD5 caf\x8E \xD0 ok\r";
	assert_int_equal(legacy_guess(mac, strlen(mac), "x,1\r", 4),
			 LEGACY_MACROMAN);
	/* the same bytes with CRLF are not the Mac's */
	const char crlf[] = "carer_policy,Yes,Carers\xD5 caf\x8E\r\n";
	assert_int_equal(legacy_guess(crlf, strlen(crlf), "", 0), LEGACY_CP1252);
	/* CSV (MS-DOS): £ 0x9C before a digit; é 0x82 after a letter */
	const char pound[] = "care_median_pay,\x9C" "11.70,\r\n";
	assert_int_equal(legacy_guess(pound, strlen(pound), "", 0), LEGACY_CP850);
	const char cafe[] = "note,caf\x82\r\n";
	assert_int_equal(legacy_guess(cafe, strlen(cafe), "", 0), LEGACY_CP850);
	/* Windows-1252: £ 0xA3, ’ 0x92 */
	const char win[] = "care_median_pay,\xA3" "11.70,Carers\x92\r\n";
	assert_int_equal(legacy_guess(win, strlen(win), "", 0), LEGACY_CP1252);
	const char oe[] = "note,\x9C" "uvre\r\n"; /* œ before a letter */
	assert_int_equal(legacy_guess(oe, strlen(oe), "", 0), LEGACY_CP1252);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(count_change_needs_half_and_ten),
		cmocka_unit_test(percent_change_needs_twenty_points),
		cmocka_unit_test(implausible_outside_a_fifth_and_five_times),
		cmocka_unit_test(implausible_count_needs_more_than_ten),
		cmocka_unit_test(settings_move_the_edges),
		cmocka_unit_test(percent_fraction_between_zero_and_one),
		cmocka_unit_test(explained_codes_carry_the_note),
		cmocka_unit_test(legacy_guess_by_the_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
