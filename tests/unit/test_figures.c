/* Unit tests for report/figures: the lines of the report tables, the
 * standing of an organisation's answer, and how cells and changes read. */
#include "unit.h"
#include "chartworld.h"
#include "report/figures.h"

static void four_orgs(struct world *w, const char *period, double base)
{
	static const char *const orgs[] = { "HX01", "HX02", "HX03", "HX04" };
	for (int i = 0; i < 4; i++) {
		answer(w, period, orgs[i], STAFF, base + 10 * i);
		answer(w, period, orgs[i], CARERS, 5 + i);
		answer(w, period, orgs[i], POLICY, i % 2);
		answer(w, period, orgs[i], PAY, 11 + i);
	}
}

static void line_has_headline_quartiles_and_changes(void **state)
{
	struct world *w = *state;
	/* a median change over a panel of 4 (SPEC §6.3 needs 5 by default) */
	w->set.quartiles_min_orgs = 4;
	four_orgs(w, "2025-Q3", 100);
	four_orgs(w, "2026-Q2", 110);
	four_orgs(w, "2026-Q3", 120);
	answer(w, "2026-Q3", "HX05", PAY, 20);
	publish(w);
	struct chart_input in = input_of(w, true);
	struct metric_line l;
	char text[NUMTEXT], change[64];

	figures_line(&in, STAFF, AGG_SECTOR, &l);
	assert_int_equal(l.stat, AGG_SUM);
	assert_int_equal(l.n, 4);
	assert_string_equal(cell_text(&w->cat.metrics[STAFF], l.stat,
				      &l.headline, text), "540");
	/* A total changes by a percentage, never by the panel's totals:
	 * 500 to 540 is 8% up, 460 to 540 is 17.4% up. */
	assert_int_equal(l.quarter.state, LFL_OK);
	assert_int_equal(l.quarter.n, 4);
	assert_string_equal(change_text(&w->cat.metrics[STAFF], l.stat,
					&l.quarter, change, sizeof(change)),
			    "+8.0%");
	assert_int_equal(l.year.state, LFL_OK);
	assert_string_equal(change_text(&w->cat.metrics[STAFF], l.stat,
					&l.year, change, sizeof(change)),
			    "+17.4%");

	/* The median over 5, the change over the 4 that answered both. */
	figures_line(&in, PAY, AGG_SECTOR, &l);
	assert_int_equal(l.stat, AGG_MEDIAN);
	assert_string_equal(cell_text(&w->cat.metrics[PAY], l.stat,
				      &l.headline, text), "\xC2\xA3" "13.00");
	assert_true(l.p25.has && l.p75.has);
	assert_int_equal(l.quarter.n, 4);
	assert_string_equal(change_text(&w->cat.metrics[PAY], l.stat,
					&l.quarter, change, sizeof(change)),
			    "no change");

	/* A yes/no rate changes in points. */
	figures_line(&in, POLICY, AGG_SECTOR, &l);
	assert_string_equal(cell_text(&w->cat.metrics[POLICY], l.stat,
				      &l.headline, text), "50.0%");
}

static void sensitive_small_figures_are_withheld(void **state)
{
	struct world *w = *state;
	answer(w, "2026-Q3", "HX01", STAFF, 100);
	answer(w, "2026-Q3", "HX01", CARERS, 2);
	answer(w, "2026-Q3", "HX02", STAFF, 100);
	answer(w, "2026-Q3", "HX02", CARERS, 1);
	publish(w);
	struct chart_input in = input_of(w, true);
	struct metric_line l;
	char text[NUMTEXT], change[64];
	figures_line(&in, CARERS, AGG_SECTOR, &l);
	assert_false(l.headline.has);
	assert_true(l.headline.withheld);
	assert_string_equal(cell_text(&w->cat.metrics[CARERS], l.stat,
				      &l.headline, text), "[c]");
	assert_int_equal(l.quarter.state, LFL_NONE);
	assert_string_equal(change_text(&w->cat.metrics[CARERS], l.stat,
					&l.quarter, change, sizeof(change)),
			    "[x]");
	/* Withheld quartiles: no standing can be told. */
	assert_int_equal(figures_standing(&in, CARERS, AGG_SECTOR, 2),
			 STANDING_UNKNOWN);
}

static void own_answer_and_standing(void **state)
{
	struct world *w = *state;
	four_orgs(w, "2026-Q3", 100);
	answer(w, "2026-Q3", "HX05", STAFF, 1000);
	publish(w);
	struct chart_input in = input_of(w, true);
	double v;
	int hx05 = roster_find(&w->roster, "HX05");
	int hx06 = roster_find(&w->roster, "HX06");
	assert_true(figures_own(&in, hx05, STAFF, in.period, &v));
	assert_true(v == 1000);
	assert_false(figures_own(&in, hx06, STAFF, in.period, &v));
	/* 100 110 120 130 1000: p25 110, median 120, p75 130. */
	assert_int_equal(figures_standing(&in, STAFF, AGG_SECTOR, 1000),
			 STANDING_TOP);
	assert_int_equal(figures_standing(&in, STAFF, AGG_SECTOR, 100),
			 STANDING_BOTTOM);
	assert_int_equal(figures_standing(&in, STAFF, AGG_SECTOR, 120),
			 STANDING_LOWER);
	assert_int_equal(figures_standing(&in, STAFF, AGG_SECTOR, 125),
			 STANDING_UPPER);
	assert_string_equal(standing_words(STANDING_TOP), "top quarter");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			line_has_headline_quartiles_and_changes, world_setup,
			world_teardown),
		cmocka_unit_test_setup_teardown(
			sensitive_small_figures_are_withheld, world_setup,
			world_teardown),
		cmocka_unit_test_setup_teardown(own_answer_and_standing,
						world_setup, world_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
