/* Unit tests for report/position: where an organisation's own figure
 * stands, top being best by the catalogue's `better`, and the median
 * association's figures a card compares it with, shown only as
 * disclosure control allows (SPEC §6.3, §8). */
#include "cardworld.h"

#include "report/position.h"

static void expect_position(const double *sorted, size_t n, double v,
			    bool lower, enum position want)
{
	enum position got = position_among(sorted, n, v, lower);
	if (got != want)
		fail_msg("%g among %zu (%s is better): \"%s\", not \"%s\"", v,
			 n, lower ? "lower" : "higher", position_words(got),
			 position_words(want));
}

static void best_is_top_worst_is_bottom(void **state)
{
	(void)state;
	static const double v[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	expect_position(v, 8, 8, false, POSITION_TOP);
	expect_position(v, 8, 7, false, POSITION_TOP);      /* 6/7 */
	expect_position(v, 8, 6, false, POSITION_UPPER);    /* 5/7 */
	expect_position(v, 8, 5, false, POSITION_UPPER);    /* 4/7 */
	expect_position(v, 8, 4, false, POSITION_LOWER);    /* 3/7 */
	expect_position(v, 8, 3, false, POSITION_LOWER);    /* 2/7 */
	expect_position(v, 8, 2, false, POSITION_BOTTOM);   /* 1/7 */
	expect_position(v, 8, 1, false, POSITION_BOTTOM);
	/* two: one best, one worst; three: the middle one is the median */
	expect_position(v, 2, 2, false, POSITION_TOP);
	expect_position(v, 2, 1, false, POSITION_BOTTOM);
	expect_position(v, 3, 2, false, POSITION_UPPER);
}

static void lower_is_better_reverses(void **state)
{
	(void)state;
	static const double days[] = { 20, 30, 40, 45, 50, 60, 70, 90 };
	expect_position(days, 8, 20, true, POSITION_TOP);
	expect_position(days, 8, 30, true, POSITION_TOP);
	expect_position(days, 8, 45, true, POSITION_UPPER);
	expect_position(days, 8, 60, true, POSITION_LOWER);
	expect_position(days, 8, 70, true, POSITION_BOTTOM);
	expect_position(days, 8, 90, true, POSITION_BOTTOM);
	/* the same figures, higher better: the other way round */
	expect_position(days, 8, 20, false, POSITION_BOTTOM);
	expect_position(days, 8, 90, false, POSITION_TOP);
}

static void ties_count_half_and_share_the_ends(void **state)
{
	(void)state;
	/* tied with the best: top, even when the tie is long */
	static const double best[] = { 1, 5, 5, 5, 5, 5 };
	expect_position(best, 6, 5, false, POSITION_TOP);
	expect_position(best, 6, 1, false, POSITION_BOTTOM);
	static const double worst[] = { 0, 0, 0, 0, 0, 3 };
	expect_position(worst, 6, 0, false, POSITION_BOTTOM);
	expect_position(worst, 6, 3, false, POSITION_TOP);
	expect_position(worst, 6, 0, true, POSITION_TOP);
	/* a tie in the middle: (3 worse + 1 tied / 2) of 7 others = 0.5 */
	static const double mid[] = { 0, 1, 2, 5, 5, 10, 15, 20 };
	expect_position(mid, 8, 5, false, POSITION_UPPER);
	expect_position(mid, 8, 5, true, POSITION_UPPER);
	/* everyone the same: no ranking */
	static const double same[] = { 4, 4, 4 };
	expect_position(same, 3, 4, false, POSITION_LEVEL);
	/* alone, or not among them: no position */
	expect_position(same, 1, 4, false, POSITION_NONE);
	expect_position(same, 3, 5, false, POSITION_NONE);
	assert_string_equal(position_words(POSITION_NONE), "");
}

static int setup(void **state)
{
	struct world *w = world_new(rank_catalogue_csv, rank_roster_csv);
	rank_sector(w);
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	world_free(*state);
	return 0;
}

static struct positions *make(struct world *w)
{
	struct chart_input in = input_of(w, true);
	struct positions *p = positions_make(&in);
	assert_non_null(p);
	return p;
}

static int org(struct world *w, const char *id)
{
	int o = roster_find(&w->roster, id);
	assert_true(o >= 0);
	return o;
}

static enum position at(struct world *w, struct positions *p, int metric,
			const char *id)
{
	return positions_of(p, metric, org(w, id));
}

static void of_which_ranked_by_own_rate(void **state)
{
	struct world *w = *state;
	struct positions *p = make(w);
	/* A6: 20 of 100 staff, the highest rate and nearly the fewest */
	struct own o = positions_own(p, org(w, "A6"), R_CARERS);
	assert_int_equal(o.shown, SHOWN);
	assert_true(o.rate);
	assert_true(fabs(o.v - 20) < 1e-9);
	assert_int_equal(at(w, p, R_CARERS, "A6"), POSITION_TOP);
	assert_int_equal(at(w, p, R_CARERS, "A5"), POSITION_TOP);
	assert_int_equal(at(w, p, R_CARERS, "A4"), POSITION_UPPER);
	assert_int_equal(at(w, p, R_CARERS, "A2"), POSITION_UPPER);
	assert_int_equal(at(w, p, R_CARERS, "A7"), POSITION_LOWER);
	/* A1: 10 carers, more than A6, but of 1,000 */
	assert_int_equal(at(w, p, R_CARERS, "A1"), POSITION_BOTTOM);
	assert_int_equal(at(w, p, R_CARERS, "A8"), POSITION_BOTTOM);
	positions_free(p);
}

static void lower_is_better_and_sizes_get_none(void **state)
{
	struct world *w = *state;
	struct positions *p = make(w);
	assert_int_equal(at(w, p, R_DAYS, "A4"), POSITION_TOP);    /* 20 */
	assert_int_equal(at(w, p, R_DAYS, "A5"), POSITION_BOTTOM); /* 90 */
	assert_int_equal(at(w, p, R_DAYS, "A6"), POSITION_LOWER);  /* 50 */
	for (int i = 1; i <= 8; i++) {
		char id[4];
		snprintf(id, sizeof(id), "A%d", i);
		assert_int_equal(at(w, p, R_STAFF, id), POSITION_NONE);
		assert_int_equal(at(w, p, R_POLICY, id), POSITION_NONE);
	}
	enum position best, worst;
	positions_extremes(p, org(w, "A4"), &best, &worst);
	assert_int_equal(best, POSITION_TOP);
	assert_int_equal(worst, POSITION_UPPER);
	positions_free(p);
}

static void expect_figure(struct positions *p, int metric, int o,
			  enum shown shown, double v)
{
	struct comparable c = positions_group(p, metric, o);
	if (c.shown != shown || (shown == SHOWN && fabs(c.v - v) > 1e-9))
		fail_msg("metric %d, org %d: shown %d %g, not %d %g", metric,
			 o, c.shown, c.v, shown, v);
}

static void medians_of_organisations_not_totals(void **state)
{
	struct world *w = *state;
	struct positions *p = make(w);
	int a4 = org(w, "A4"), a6 = org(w, "A6");
	expect_figure(p, R_STAFF, -1, SHOWN, 300);
	expect_figure(p, R_CARERS, -1, SHOWN, 5);
	expect_figure(p, R_DAYS, -1, SHOWN, 47.5);
	expect_figure(p, R_POLICY, -1, SHOWN, 500.0 / 7);
	/* the large group: five answered */
	expect_figure(p, R_STAFF, a4, SHOWN, 600);
	expect_figure(p, R_CARERS, a4, SHOWN, 5);
	expect_figure(p, R_DAYS, a4, SHOWN, 45);
	expect_figure(p, R_POLICY, a4, SHOWN, 80);
	/* the small group: three answered, two of them the yes/no */
	expect_figure(p, R_STAFF, a6, SHOWN_WITHHELD, 0);
	expect_figure(p, R_DAYS, a6, SHOWN_WITHHELD, 0);
	expect_figure(p, R_POLICY, a6, SHOWN_WITHHELD, 0);
	bool named;
	assert_int_equal(positions_peers(p, a6, &named), 3);
	assert_true(named);
	assert_int_equal(positions_peers(p, -1, &named), 8);
	assert_false(named);
	positions_free(p);
}

static void thresholds_are_settings(void **state)
{
	struct world *w = *state;
	/* medians from 3 answering, so the small group's are shown; then
	 * from 9, so none is */
	w->set.quartiles_min_orgs = 3;
	struct positions *p = make(w);
	expect_figure(p, R_STAFF, org(w, "A6"), SHOWN, 50);
	positions_free(p);
	w->set.quartiles_min_orgs = 9;
	p = make(w);
	expect_figure(p, R_STAFF, -1, SHOWN_WITHHELD, 0);
	expect_figure(p, R_POLICY, -1, SHOWN, 500.0 / 7);
	positions_free(p);
}

static void sensitive_small_counts_withheld(void **state)
{
	struct world *w = world_new(
		"metric,area,kind,of,min,max,better,sensitive,label,question\n"
		"staff,employer,count,,,,,no,Employees,Q\n"
		"carers,employer,count,staff,,,higher,yes,Carers,Q\n"
		"residents,homes,count,,,,higher,yes,Residents,Q\n",
		rank_roster_csv);
	/* five answered each: 4 carers in all, a median of 3 residents */
	for (int i = 1; i <= 5; i++) {
		char id[4];
		snprintf(id, sizeof(id), "A%d", i);
		answer(w, "2026-Q3", id, 0, 100);
		answer(w, "2026-Q3", id, 1, i == 1 ? 4 : 0);
		answer(w, "2026-Q3", id, 2, i);
	}
	publish_all(w);
	struct positions *p = make(w);
	expect_figure(p, 1, -1, SHOWN_WITHHELD, 0);
	expect_figure(p, 2, -1, SHOWN_WITHHELD, 0);
	/* its own figure is still its own, and so is its position */
	struct own o = positions_own(p, org(w, "A1"), 1);
	assert_true(o.shown == SHOWN && fabs(o.v - 4) < 1e-9);
	assert_int_equal(positions_of(p, 1, org(w, "A1")), POSITION_TOP);
	positions_free(p);
	world_free(w);
}

static void no_returns_no_positions(void **state)
{
	struct world *w = *state;
	struct chart_input in = input_of(w, false);
	in.returns = NULL;
	assert_null(positions_make(&in));
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(best_is_top_worst_is_bottom),
		cmocka_unit_test(lower_is_better_reverses),
		cmocka_unit_test(ties_count_half_and_share_the_ends),
		T(of_which_ranked_by_own_rate),
		T(lower_is_better_and_sizes_get_none),
		T(medians_of_organisations_not_totals),
		T(thresholds_are_settings),
		cmocka_unit_test(sensitive_small_counts_withheld),
		T(no_returns_no_positions),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
