/* Unit tests for stats/levelcalc: each test of the rule vocabulary at
 * its boundary, "each of the last N returns" with a quarter missing,
 * levels built on the ones below, the words for what is missing, the
 * disclosure control of level counts, and a metamorphic check of the
 * shipped rules: answering every commitment "no" never raises a level
 * and lowers at least one. */
#include "unit.h"

#include "model/catalogue.h"
#include "model/levels.h"
#include "base/period.h"
#include "model/roster.h"
#include "stats/levelcalc.h"

#define ORGS 40

static struct catalogue cat;
static struct roster roster;
static int q3; /* 2026-Q3 */

static int setup(void **state)
{
	struct diags d;
	diags_init(&d);
	char *path = repo_file("templates/metrics.csv");
	int ret = catalogue_load(&cat, path, &d);
	free(path);
	char text[4096] = "org_id,org_name,region,peer_group,joined\n";
	for (int i = 0; i < ORGS; i++)
		snprintf(text + strlen(text), sizeof(text) - strlen(text),
			 "T%02d,Test %d,North,small,2020-Q1\n", i, i);
	char *rp = temp_text(text);
	ret |= roster_load(&roster, rp, &d);
	temp_remove(rp);
	diags_free(&d);
	q3 = period_parse("2026-Q3");
	return ret;
}

static int teardown(void **state)
{
	roster_free(&roster);
	catalogue_free(&cat);
	return 0;
}

static int metric(const char *id)
{
	int m = catalogue_find(&cat, id);
	if (m < 0)
		fail_msg("no metric %s", id);
	return m;
}

static void add(struct aggregate *a, int period, int org, const char *id,
		double v)
{
	assert_int_equal(aggregate_add(a, period, org, metric(id), v), 0);
}

static struct level_cond cond(const char *id, enum level_test test,
			      double value, int quarters)
{
	return (struct level_cond){ metric(id), test, value, quarters, 2 };
}

static void yes_holds_only_for_yes(void **state)
{
	struct aggregate a;
	aggregate_init(&a, &cat, &roster);
	add(&a, q3, 0, "carer_policy", 1);
	add(&a, q3, 1, "carer_policy", 0);
	struct level_cond c = cond("carer_policy", TEST_YES, 0, 1);
	assert_true(level_cond_holds(&c, &a, 0, q3));
	assert_false(level_cond_holds(&c, &a, 1, q3));
	assert_false(level_cond_holds(&c, &a, 2, q3)); /* not answered */
	aggregate_free(&a);
}

static void at_least_and_at_most_include_the_value(void **state)
{
	struct aggregate a;
	aggregate_init(&a, &cat, &roster);
	add(&a, q3, 0, "carer_leave_days", 5);
	add(&a, q3, 1, "carer_leave_days", 4.99);
	add(&a, q3, 2, "carer_leave_days", 5.01);
	struct level_cond ge = cond("carer_leave_days", TEST_AT_LEAST, 5, 1);
	struct level_cond le = cond("carer_leave_days", TEST_AT_MOST, 5, 1);
	assert_true(level_cond_holds(&ge, &a, 0, q3));
	assert_false(level_cond_holds(&ge, &a, 1, q3));
	assert_true(level_cond_holds(&ge, &a, 2, q3));
	assert_true(level_cond_holds(&le, &a, 0, q3));
	assert_true(level_cond_holds(&le, &a, 1, q3));
	assert_false(level_cond_holds(&le, &a, 2, q3));
	assert_false(level_cond_holds(&ge, &a, 3, q3));
	assert_false(level_cond_holds(&le, &a, 3, q3));
	aggregate_free(&a);
}

static void rate_is_the_child_share_of_its_parent(void **state)
{
	struct aggregate a;
	aggregate_init(&a, &cat, &roster);
	add(&a, q3, 0, "public_sites", 4);     /* 3 of 4: exactly 75% */
	add(&a, q3, 0, "accessible_sites", 3);
	add(&a, q3, 1, "public_sites", 3);     /* 2 of 3: 66.67% */
	add(&a, q3, 1, "accessible_sites", 2);
	add(&a, q3, 2, "public_sites", 0);     /* no sites: no rate */
	add(&a, q3, 2, "accessible_sites", 0);
	add(&a, q3, 3, "accessible_sites", 5); /* parent not answered */
	struct level_cond c = cond("accessible_sites", TEST_RATE_AT_LEAST, 75,
				   1);
	assert_true(level_cond_holds(&c, &a, 0, q3));
	assert_false(level_cond_holds(&c, &a, 1, q3));
	assert_false(level_cond_holds(&c, &a, 2, q3));
	assert_false(level_cond_holds(&c, &a, 3, q3));
	struct level_cond over = cond("accessible_sites", TEST_RATE_AT_LEAST,
				      75.01, 1);
	assert_false(level_cond_holds(&over, &a, 0, q3));
	struct level_cond two_thirds = cond("accessible_sites",
					    TEST_RATE_AT_LEAST, 66.6, 1);
	assert_true(level_cond_holds(&two_thirds, &a, 1, q3));
	aggregate_free(&a);
}

static void each_of_the_last_quarters_fails_on_a_missing_one(void **state)
{
	struct aggregate a;
	aggregate_init(&a, &cat, &roster);
	for (int q = 0; q < 4; q++) {
		add(&a, q3 - q, 0, "carer_network", 1);  /* all four */
		if (q != 2)                              /* 2026-Q1 missing */
			add(&a, q3 - q, 1, "carer_network", 1);
		add(&a, q3 - q, 2, "carer_network", q == 3 ? 0 : 1);
		if (q < 3)                              /* only three */
			add(&a, q3 - q, 3, "carer_network", 1);
	}
	struct level_cond c4 = cond("carer_network", TEST_YES, 0, 4);
	assert_true(level_cond_holds(&c4, &a, 0, q3));
	assert_false(level_cond_holds(&c4, &a, 1, q3));
	assert_false(level_cond_holds(&c4, &a, 2, q3));
	assert_false(level_cond_holds(&c4, &a, 3, q3));
	struct level_cond c3 = cond("carer_network", TEST_YES, 0, 3);
	assert_true(level_cond_holds(&c3, &a, 2, q3));
	assert_true(level_cond_holds(&c3, &a, 3, q3));
	assert_false(level_cond_holds(&c3, &a, 1, q3));
	/* Judged a quarter earlier, the window moves with it. */
	assert_false(level_cond_holds(&c4, &a, 0, q3 - 1));
	struct level_cond c1 = cond("carer_network", TEST_YES, 0, 1);
	assert_true(level_cond_holds(&c1, &a, 1, q3));
	aggregate_free(&a);
}

/* employer: 1 = policy; 2 = network and 5+ days; 3 = voice events in 2
 * quarters. */
static struct level_area example_area(struct level *lv)
{
	static struct level_cond c1[1], c2[2], c3[1];
	c1[0] = cond("carer_policy", TEST_YES, 0, 1);
	c2[0] = cond("carer_network", TEST_YES, 0, 1);
	c2[1] = cond("carer_leave_days", TEST_AT_LEAST, 5, 1);
	c3[0] = cond("carer_voice_events", TEST_AT_LEAST, 1, 2);
	lv[0] = (struct level){ "Active", c1, 1, 1 };
	lv[1] = (struct level){ "Accomplished", c2, 2, 2 };
	lv[2] = (struct level){ "Ambassador", c3, 1, 1 };
	return (struct level_area){ "employer", lv, 3, 3 };
}

static void a_level_needs_every_level_below(void **state)
{
	struct level lv[3];
	struct level_area la = example_area(lv);
	struct aggregate a;
	aggregate_init(&a, &cat, &roster);
	/* 0: everything, 1: no policy but all else, 2: policy only,
	 * 3: levels 1 and 2, voice only this quarter. */
	for (int o = 0; o < 4; o++) {
		add(&a, q3 - 1, o, "carer_voice_events", o == 3 ? 0 : 2);
		add(&a, q3, o, "carer_voice_events", 2);
		add(&a, q3, o, "carer_policy", o != 1);
		add(&a, q3, o, "carer_network", o != 2);
		add(&a, q3, o, "carer_leave_days", o == 2 ? 0 : 10);
	}
	assert_int_equal(levels_reach(&la, &a, 0, q3), 3);
	assert_int_equal(levels_reach(&la, &a, 1, q3), 0);
	assert_int_equal(levels_reach(&la, &a, 2, q3), 1);
	assert_int_equal(levels_reach(&la, &a, 3, q3), 2);
	assert_int_equal(levels_reach(&la, &a, 4, q3), 0);
	size_t counts[4];
	assert_int_equal(levels_count(&la, &a, q3, counts), 4);
	assert_int_equal(counts[0], 1);
	assert_int_equal(counts[1], 1);
	assert_int_equal(counts[2], 1);
	assert_int_equal(counts[3], 1);
	aggregate_free(&a);
}

static void missing_conditions_in_plain_words(void **state)
{
	struct level lv[3];
	struct level_area la = example_area(lv);
	struct aggregate a;
	aggregate_init(&a, &cat, &roster);
	add(&a, q3, 0, "carer_policy", 1);
	add(&a, q3, 0, "carer_leave_days", 3);
	struct buf b = BUF_INIT;
	levels_missing(&la, 2, &cat, &a, 0, q3, &b);
	assert_string_equal(b.s, "Staff carers' network: yes; Paid carer's "
			    "leave (days a year) at least 5");
	buf_reset(&b);
	levels_missing(&la, 3, &cat, &a, 0, q3, &b);
	assert_string_equal(b.s, "Carer voice sessions at least 1 in each of "
			    "the last 2 quarters");
	buf_reset(&b);
	levels_missing(&la, 4, &cat, &a, 0, q3, &b);
	assert_string_equal(b.s, "");
	struct level_cond r = cond("accessible_sites", TEST_RATE_AT_LEAST,
				   62.5, 1);
	level_cond_words(&r, &cat, &b);
	assert_string_equal(b.s, "Fully accessible sites at least 62.5% of "
			    "Offices and community spaces open to the public");
	buf_reset(&b);
	struct level_cond pay = cond("care_median_pay", TEST_AT_LEAST, 12.6,
				     1);
	level_cond_words(&pay, &cat, &b);
	assert_string_equal(b.s, "Median hourly pay of care staff (\xC2\xA3) "
			    "at least \xC2\xA3" "12.60");
	buf_free(&b);
	aggregate_free(&a);
}

static void expect_withheld(const size_t *counts, size_t n, const char *want)
{
	bool w[8];
	bool any = levels_suppress(counts, n, 3, w);
	char got[9] = { 0 };
	for (size_t k = 0; k < n; k++)
		got[k] = w[k] ? 'c' : '.';
	assert_string_equal(got, want);
	assert_int_equal(any, strchr(want, 'c') != NULL);
}

static void level_counts_under_three_are_withheld(void **state)
{
	expect_withheld((size_t[]){ 5, 6, 7, 8 }, 4, "....");
	expect_withheld((size_t[]){ 0, 6, 0, 8 }, 4, "....");
	/* One withheld could be worked out from the total: the smallest
	 * other count goes too. */
	expect_withheld((size_t[]){ 5, 2, 7, 8 }, 4, "cc..");
	expect_withheld((size_t[]){ 9, 4, 0, 1 }, 4, ".c.c");
	/* Two withheld of 1 each, or 2 each, would be known from their
	 * total. */
	expect_withheld((size_t[]){ 1, 6, 1, 8 }, 4, "ccc.");
	expect_withheld((size_t[]){ 2, 6, 2, 8 }, 4, "ccc.");
	expect_withheld((size_t[]){ 1, 6, 2, 8 }, 4, "c.c.");
	/* Nothing left to withhold beside them: every count, zeros too,
	 * so none can be pinned from the total. */
	expect_withheld((size_t[]){ 0, 2, 0, 0 }, 4, "cccc");
	expect_withheld((size_t[]){ 1, 0, 1, 0 }, 4, "cccc");
	expect_withheld((size_t[]){ 2, 0, 2 }, 3, "ccc");
	expect_withheld((size_t[]){ 1, 2, 0, 1 }, 4, "cc.c");
	expect_withheld((size_t[]){ 0, 0, 0, 0 }, 4, "....");
}

/* A sector of ORGS organisations over 6 quarters with answers spread
 * over every metric; no_yes makes every yes/no answer "no". */
static void fill_sector(struct aggregate *a, bool no_yes)
{
	unsigned long x = 12345;
	for (int q = 0; q < 6; q++)
		for (int o = 0; o < ORGS; o++)
			for (size_t m = 0; m < cat.len; m++) {
				x = x * 6364136223846793005UL + 1442695040888963407UL;
				unsigned r = (unsigned)(x >> 33);
				const struct metric *mt = &cat.metrics[m];
				double v = mt->kind == KIND_YESNO
						   ? (no_yes ? 0 : r % 5 != 0)
					   : mt->kind == KIND_PERCENT
						   ? 50 + r % 51
					   : mt->parent >= 0
						   ? r % 11
						   : 10 + r % 90;
				if (!strcmp(mt->id, "adaptation_days"))
					v = 20 + r % 100;
				aggregate_add(a, period_parse("2025-Q2") + q, o,
					      (int)m, v);
			}
}

static void answering_no_never_raises_a_level(void **state)
{
	struct diags d;
	diags_init(&d);
	char *path = repo_file("templates/levels.csv");
	struct levels lv;
	assert_int_equal(levels_load(&lv, path, &cat, &d), 0);
	struct aggregate yes, no;
	aggregate_init(&yes, &cat, &roster);
	aggregate_init(&no, &cat, &roster);
	fill_sector(&yes, false);
	fill_sector(&no, true);
	int last = levels_latest(&yes);
	assert_int_equal(last, period_parse("2026-Q3"));
	size_t lowered = 0, above_zero = 0;
	for (size_t k = 0; k < lv.nareas; k++)
		for (int o = 0; o < ORGS; o++)
			for (int p = last - 3; p <= last; p++) {
				int before = levels_reach(&lv.areas[k], &yes, o,
							  p);
				int after = levels_reach(&lv.areas[k], &no, o,
							 p);
				assert_true(after <= before);
				lowered += after < before;
				above_zero += before > 0;
			}
	assert_true(lowered > 0);
	assert_true(above_zero > 0);
	levels_free(&lv);
	aggregate_free(&yes);
	aggregate_free(&no);
	free(path);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(yes_holds_only_for_yes),
		cmocka_unit_test(at_least_and_at_most_include_the_value),
		cmocka_unit_test(rate_is_the_child_share_of_its_parent),
		cmocka_unit_test(each_of_the_last_quarters_fails_on_a_missing_one),
		cmocka_unit_test(a_level_needs_every_level_below),
		cmocka_unit_test(missing_conditions_in_plain_words),
		cmocka_unit_test(level_counts_under_three_are_withheld),
		cmocka_unit_test(answering_no_never_raises_a_level),
	};
	return cmocka_run_group_tests_name("levelcalc", tests, setup,
					   teardown);
}
