/* Unit tests for chart/change: what a trend plots and the like-for-like
 * change it states, as every table, tile and reading shows it. */
#include "unit.h"
#include "chartworld.h"
#include "chart/change.h"

static const char *text_of(struct world *w, int metric, const struct lfl *c,
			   char *out, size_t size)
{
	const struct metric *m = &w->cat.metrics[metric];
	return change_text(m, metric_headline(m), c, out, size);
}

/* Three associations answer both quarters, a fourth only the later. */
static void three_and_one(struct world *w, int metric, const double *q3,
			  const double *q4)
{
	static const char *const orgs[] = { "HX01", "HX02", "HX03", "HX04" };
	for (int i = 0; i < 3; i++)
		answer(w, "2026-Q3", orgs[i], metric, q3[i]);
	for (int i = 0; i < 4; i++)
		answer(w, "2026-Q4", orgs[i], metric, q4[i]);
}

static void a_total_changes_by_a_percentage(void **state)
{
	struct world *w = *state;
	/* the panel: 300 -> 330, 10% up; the plotted totals 300 -> 1330 */
	three_and_one(w, STAFF, (double[]){ 100, 100, 100 },
		      (double[]){ 110, 110, 110, 1000 });
	publish(w);
	struct chart_input in = input_of(w, true);
	struct plotted p;
	change_plotted(&in, STAFF, AGG_SECTOR, P("2026-Q4"), &p);
	assert_true(p.has);
	assert_true(close_to(p.v, 1330));
	assert_int_equal(p.n, 4);
	struct lfl c;
	change_lfl(&in, STAFF, P("2026-Q3"), P("2026-Q4"), &c);
	assert_int_equal(c.state, LFL_OK);
	assert_true(c.percent);
	assert_int_equal(c.n, 3);
	char t[64];
	assert_string_equal(text_of(w, STAFF, &c, t, sizeof(t)), "+10.0%");
	change_words(&w->cat.metrics[STAFF], AGG_SUM, &c, t, sizeof(t));
	assert_string_equal(t, "10.0% higher");
	/* employees have no better direction */
	assert_int_equal(change_sense(&w->cat.metrics[STAFF], AGG_SUM, &c), 0);
}

static void a_panel_under_three_is_withheld(void **state)
{
	struct world *w = *state;
	answer(w, "2026-Q3", "HX01", LEAVE, 10);
	answer(w, "2026-Q3", "HX02", LEAVE, 20);
	answer(w, "2026-Q4", "HX01", LEAVE, 15);
	answer(w, "2026-Q4", "HX02", LEAVE, 25);
	answer(w, "2026-Q4", "HX03", LEAVE, 30);
	publish(w);
	struct chart_input in = input_of(w, true);
	struct lfl c;
	change_lfl(&in, LEAVE, P("2026-Q3"), P("2026-Q4"), &c);
	assert_int_equal(c.state, LFL_WITHHELD);
	assert_int_equal(c.n, 2);
	char t[64];
	assert_string_equal(text_of(w, LEAVE, &c, t, sizeof(t)), "[c]");
}

static void a_small_change_is_no_change_and_has_no_sense(void **state)
{
	struct world *w = *state;
	/* medians 20 -> 20.04 over five (a median's change needs
	 * quartiles_min_orgs): shown as 20 both times */
	static const char *const orgs[] = { "HX01", "HX02", "HX03", "HX04",
					    "HX05" };
	const double q3[] = { 10, 15, 20, 30, 40 };
	const double q4[] = { 10, 15, 20.04, 30, 40 };
	for (int i = 0; i < 5; i++) {
		answer(w, "2026-Q3", orgs[i], LEAVE, q3[i]);
		answer(w, "2026-Q4", orgs[i], LEAVE, q4[i]);
	}
	publish(w);
	struct chart_input in = input_of(w, true);
	struct lfl c;
	change_lfl(&in, LEAVE, P("2026-Q3"), P("2026-Q4"), &c);
	assert_int_equal(c.state, LFL_OK);
	char t[64];
	assert_string_equal(text_of(w, LEAVE, &c, t, sizeof(t)), "no change");
	assert_int_equal(change_sense(&w->cat.metrics[LEAVE], AGG_MEDIAN, &c),
			 0);
}

static void rates_change_in_points_judged_by_better(void **state)
{
	struct world *w = *state;
	/* a yes/no: 1 of 3 -> 3 of 3 among the panel, 66.7 pts higher */
	three_and_one(w, POLICY, (double[]){ 1, 0, 0 },
		      (double[]){ 1, 1, 1, 0 });
	publish(w);
	struct chart_input in = input_of(w, true);
	struct lfl c;
	change_lfl(&in, POLICY, P("2026-Q3"), P("2026-Q4"), &c);
	assert_int_equal(c.state, LFL_OK);
	assert_false(c.percent);
	char t[64];
	assert_string_equal(text_of(w, POLICY, &c, t, sizeof(t)),
			    "+66.7 pts");
	assert_int_equal(change_sense(&w->cat.metrics[POLICY], AGG_RATE, &c),
			 1);
	c.change = -c.change;
	assert_string_equal(text_of(w, POLICY, &c, t, sizeof(t)),
			    "-66.7 pts");
	assert_int_equal(change_sense(&w->cat.metrics[POLICY], AGG_RATE, &c),
			 -1);
}

static void money_and_symbols(void **state)
{
	struct world *w = *state;
	struct lfl c = { .state = LFL_OK, .n = 5, .change = -0.2 };
	char t[64];
	assert_string_equal(text_of(w, PAY, &c, t, sizeof(t)),
			    "-\xC2\xA3" "0.20");
	c.change = 0.004;
	assert_string_equal(text_of(w, PAY, &c, t, sizeof(t)), "no change");
	c.state = LFL_ZERO;
	assert_string_equal(text_of(w, PAY, &c, t, sizeof(t)), "[z]");
	c.state = LFL_NONE;
	assert_string_equal(text_of(w, PAY, &c, t, sizeof(t)), "[x]");
	change_words(&w->cat.metrics[PAY], AGG_MEDIAN, &c, t, sizeof(t));
	assert_string_equal(t, "");
}

static void a_quarter_not_published_is_not_a_zero(void **state)
{
	struct world *w = *state;
	put_withheld(w, "2026-Q3", CARERS, 2);
	put_rate(w, "2026-Q4", CARERS, 6, 10);
	struct chart_input in = input_of(w, false);
	struct plotted p;
	char t[NUMTEXT];
	change_plotted(&in, CARERS, AGG_SECTOR, P("2026-Q3"), &p);
	assert_false(p.has);
	assert_true(p.withheld);
	assert_string_equal(plotted_text(&w->cat.metrics[CARERS], AGG_RATE,
					 &p, t), "[c]");
	change_plotted(&in, CARERS, AGG_SECTOR, P("2026-Q2"), &p);
	assert_false(p.has || p.withheld);
	assert_string_equal(plotted_text(&w->cat.metrics[CARERS], AGG_RATE,
					 &p, t), "[x]");
	/* without returns there is no like-for-like change at all */
	struct lfl c;
	change_lfl(&in, CARERS, P("2026-Q3"), P("2026-Q4"), &c);
	assert_int_equal(c.state, LFL_NONE);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, world_setup, world_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(a_total_changes_by_a_percentage),
		TEST(a_panel_under_three_is_withheld),
		TEST(a_small_change_is_no_change_and_has_no_sense),
		TEST(rates_change_in_points_judged_by_better),
		TEST(money_and_symbols),
		TEST(a_quarter_not_published_is_not_a_zero),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
