/* Unit tests for stats/panel: a like-for-like change (SPEC §6.2) is
 * published under the same disclosure thresholds as any figure
 * (SPEC §6.3): over at least 3 associations, a median over at least 5. */
#include "unit.h"
#include "chartworld.h"
#include "stats/panel.h"

static const char *const orgs[] = { "HX01", "HX02", "HX03", "HX04", "HX05" };

/* The first k associations answer metric in both quarters. */
static void panel_of(struct world *w, int metric, size_t k)
{
	for (size_t i = 0; i < k; i++) {
		answer(w, "2026-Q2", orgs[i], metric, 10 + (double)i);
		answer(w, "2026-Q3", orgs[i], metric, 12 + (double)i);
	}
	publish(w);
}

static bool published(struct world *w, int metric)
{
	struct change c;
	panel_change(&w->ret, &w->set, metric, P("2026-Q2"), P("2026-Q3"), &c);
	return c.published;
}

static void a_total_needs_three(void **state)
{
	struct world *w = *state;
	panel_of(w, STAFF, 2);
	assert_false(published(w, STAFF));
	answer(w, "2026-Q2", "HX03", STAFF, 30);
	answer(w, "2026-Q3", "HX03", STAFF, 31);
	assert_true(published(w, STAFF));
}

static void a_median_needs_five(void **state)
{
	struct world *w = *state;
	panel_of(w, LEAVE, 4);
	assert_false(published(w, LEAVE));
	answer(w, "2026-Q2", "HX05", LEAVE, 30);
	answer(w, "2026-Q3", "HX05", LEAVE, 31);
	assert_true(published(w, LEAVE));
}

static void thresholds_are_the_settings(void **state)
{
	struct world *w = *state;
	w->set.min_orgs = 2;
	w->set.quartiles_min_orgs = 2;
	panel_of(w, LEAVE, 2);
	assert_true(published(w, LEAVE));
	panel_of(w, STAFF, 2);
	assert_true(published(w, STAFF));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_total_needs_three,
						world_setup, world_teardown),
		cmocka_unit_test_setup_teardown(a_median_needs_five,
						world_setup, world_teardown),
		cmocka_unit_test_setup_teardown(thresholds_are_the_settings,
						world_setup, world_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
