/* Unit tests for report/points: the main points of the sector report
 * are chosen from the data, judged by better, each with its number. */
#include "unit.h"
#include "chartworld.h"
#include "report/points.h"

static const char *const orgs[] = { "HX01", "HX02", "HX03", "HX04",
				    "HX05" };

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
	size_t n = points_of(&in, p, POINTS_MAX);
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
	assert_int_equal(points_of(&in, p, 1), 1);
	assert_non_null(strstr(p[0], "response rate of 50.0%"));
	free(p[0]);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, world_setup, world_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(points_are_chosen_by_better),
		TEST(no_more_points_than_asked),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
