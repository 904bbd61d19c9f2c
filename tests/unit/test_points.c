/* Unit tests for report/points: the main points of the sector report
 * are chosen from the data, judged by better, each with its number. */
#include "unit.h"
#include "chartworld.h"
#include "report/points.h"
#include "model/levels.h"

static const char *const orgs[] = { "HX01", "HX02", "HX03", "HX04",
				    "HX05" };
static const char *const all_orgs[] = { "HX01", "HX02", "HX03", "HX04",
					"HX05", "HX06", "HX07", "HX08" };

static void points_are_chosen_by_better(void **state)
{
	struct world *w = *state;
	for (int i = 0; i < 5; i++) {
		/* leave up 5 days (higher is better): an improvement */
		answer(w, "2026-Q3", orgs[i], LEAVE, 10);
		answer(w, "2026-Q4", orgs[i], LEAVE, 15);
		/* the living wage share down 10 points: a fall */
		answer(w, "2026-Q3", orgs[i], WAGE, 80);
		answer(w, "2026-Q4", orgs[i], WAGE, 70);
		/* employees up 50%, but size has no better: never a point */
		answer(w, "2026-Q3", orgs[i], STAFF, 100);
		answer(w, "2026-Q4", orgs[i], STAFF, 150);
		/* commitments: policy 5 of 5, network 1 of 5 */
		answer(w, "2026-Q4", orgs[i], POLICY, 1);
		answer(w, "2026-Q4", orgs[i], NETWORK, i == 0);
	}
	publish(w);
	struct chart_input in = input_of(w, true);
	char *p[POINTS_MAX];
	size_t n = points_of(&in, NULL, NULL, p, POINTS_MAX);
	assert_int_equal(n, 4);
	assert_string_equal(p[0], "5 of the 8 signatories that owed a return "
			    "for 2026-Q4 sent one: a response rate of 62.5%.");
	assert_string_equal(p[1], "The biggest improvement: Paid carer's "
			    "leave (days), 5 higher on the quarter among the "
			    "5 associations that answered both quarters.");
	assert_string_equal(p[2], "The biggest change for the worse: Paid the "
			    "Living Wage (%), 10.0 pts lower on the quarter "
			    "among the 5 associations that answered both "
			    "quarters.");
	assert_string_equal(p[3], "The commitment most often met is "
			    "Carer-friendly policy (100.0% of the 5 that "
			    "answered); the least often, Carers' network (20.0% "
			    "of 5).");
	for (size_t i = 0; i < n; i++)
		free(p[i]);
}

static void no_more_points_than_asked(void **state)
{
	struct world *w = *state;
	for (int i = 0; i < 4; i++)
		answer(w, "2026-Q4", orgs[i], POLICY, 1);
	publish(w);
	struct chart_input in = input_of(w, true);
	char *p[POINTS_MAX];
	assert_int_equal(points_of(&in, NULL, NULL, p, 1), 1);
	assert_non_null(strstr(p[0], "response rate of 50.0%"));
	free(p[0]);
}

/* Rules on the test catalogue: employer Active on a policy, Accomplished
 * on a network as well; paid carers Active on a career pathway. */
static void load_levels(struct world *w, struct levels *lv)
{
	char *path = temp_text("area,level,rank,metric,test,value,quarters\n"
			       "employer,Active,1,policy,yes,,\n"
			       "employer,Accomplished,2,network,yes,,\n"
			       "paid_carers,Active,1,pathway,yes,,\n");
	assert_int_equal(levels_load(lv, path, &w->cat, &w->d), 0);
	temp_remove(path);
}

static void levels_point_counts_each_level(void **state)
{
	struct world *w = *state;
	for (int i = 0; i < 7; i++) {
		answer(w, "2026-Q4", all_orgs[i], POLICY, 1);
		answer(w, "2026-Q4", all_orgs[i], NETWORK, i < 3);
		answer(w, "2026-Q4", all_orgs[i], PATHWAY, i < 4);
	}
	publish(w);
	struct chart_input in = input_of(w, true);
	struct levels lv;
	load_levels(w, &lv);
	char *p[POINTS_MAX];
	size_t n = points_of(&in, &lv, NULL, p, POINTS_MAX);
	assert_true(n >= 2);
	assert_string_equal(p[n - 1], "Commitment levels reached by the 7 "
			    "signatories with a return for 2026-Q4: "
			    "employer, Active 4, Accomplished 3; "
			    "paid_carers, Active 4.");
	for (size_t i = 0; i < n; i++)
		free(p[i]);
	/* Without rules, or without the returns, no such point. */
	n = points_of(&in, NULL, NULL, p, POINTS_MAX);
	assert_null(strstr(p[n - 1], "Commitment levels"));
	for (size_t i = 0; i < n; i++)
		free(p[i]);
	in.returns = NULL;
	n = points_of(&in, &lv, NULL, p, POINTS_MAX);
	for (size_t i = 0; i < n; i++) {
		assert_null(strstr(p[i], "Commitment levels"));
		free(p[i]);
	}
	levels_free(&lv);
}

static void levels_point_withholds_small_counts(void **state)
{
	struct world *w = *state;
	for (int i = 0; i < 7; i++) {
		answer(w, "2026-Q4", all_orgs[i], POLICY, 1);
		answer(w, "2026-Q4", all_orgs[i], NETWORK, i < 1);
	}
	publish(w);
	struct chart_input in = input_of(w, true);
	struct levels lv;
	load_levels(w, &lv);
	char *p[POINTS_MAX];
	size_t n = points_of(&in, &lv, NULL, p, POINTS_MAX);
	const char *last = p[n - 1];
	assert_non_null(strstr(last, "Accomplished [c]"));
	assert_non_null(strstr(last, "Active [c]"));
	assert_non_null(strstr(last, "([c]: withheld to protect "
				     "confidentiality)."));
	for (size_t i = 0; i < n; i++)
		free(p[i]);
	levels_free(&lv);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, world_setup, world_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(points_are_chosen_by_better),
		TEST(no_more_points_than_asked),
		TEST(levels_point_counts_each_level),
		TEST(levels_point_withholds_small_counts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
