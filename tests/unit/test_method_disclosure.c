/* Unit tests for report/method_disclosure: the method section states
 * every disclosure rule with the thresholds of the settings. */
#include "unit.h"

#include "report/method_disclosure.h"

static void expect_says(const char *text, const char *words)
{
	if (!strstr(text, words))
		fail_msg("the method does not say \"%s\":\n%s", words, text);
}

static void states_every_rule_with_default_thresholds(void **state)
{
	(void)state;
	struct settings s;
	settings_default(&s);
	struct buf b = BUF_INIT;
	method_disclosure(&b, &s);
	expect_says(b.s, "where fewer than 3 associations answered, only "
		    "how many answered is published");
	expect_says(b.s, "smallest and largest answers are never published");
	expect_says(b.s, "only where at least 5 answered");
	expect_says(b.s, "a total above 0 and below 5 withholds every figure");
	expect_says(b.s, "a median or quartile above 0 and below 5 is "
		    "withheld");
	expect_says(b.s, "rate resting on a count of people above 0 and "
		    "below 5");
	expect_says(b.s, "the first by name on a tie");
	expect_says(b.s, "[c]");
	buf_free(&b);
	settings_free(&s);
}

static void thresholds_come_from_the_settings(void **state)
{
	(void)state;
	struct settings s;
	settings_default(&s);
	s.min_orgs = 4;
	s.quartiles_min_orgs = 7;
	s.small_below = 10;
	struct buf b = BUF_INIT;
	method_disclosure(&b, &s);
	expect_says(b.s, "where fewer than 4 associations answered");
	expect_says(b.s, "only where at least 7 answered");
	expect_says(b.s, "a total above 0 and below 10 withholds");
	expect_says(b.s, "fewer than 4 associations or is a count of people "
		    "below 10");
	if (strstr(b.s, " 3 ") || strstr(b.s, " 5 ") || strstr(b.s, " 5."))
		fail_msg("a default threshold is left in:\n%s", b.s);
	buf_free(&b);
	settings_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(states_every_rule_with_default_thresholds),
		cmocka_unit_test(thresholds_come_from_the_settings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
