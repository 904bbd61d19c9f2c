/* Unit tests for chart/charts: the scenes the builders make from known
 * figures, found by role and measured (SPEC §7), and their readings:
 * commitments, response and distributions here; trends and readings of
 * change in test_chart_trend.c; hostile figures in
 * test_chart_robustness.c. */
#include "chartworld.h"

/* --- commitments --- */

/* The track drawn in the same row as bar (same top), or NULL. */
static const struct shape *track_of(const struct scene *s,
				    const struct shape *bar)
{
	for (size_t i = 0; i < s->len; i++)
		if (!strcmp(s->shapes[i].role, "track") &&
		    close_to(s->shapes[i].y, bar->y))
			return &s->shapes[i];
	return NULL;
}

static void expect_bar_share(const struct scene *s, size_t i, double rate)
{
	const struct shape *bar = nth(s, "bar", i);
	if (!bar)
		fail_msg("no bar %zu", i);
	const struct shape *track = track_of(s, bar);
	if (!track)
		fail_msg("bar %zu has no track in its row", i);
	assert_int_equal(bar->kind, SHAPE_RECT);
	assert_true(close_to(bar->x, track->x));
	assert_true(close_to(bar->h, track->h));
	if (!close_to(bar->w / track->w, rate / 100))
		fail_msg("bar %zu is %g of its track, want %g", i,
			 bar->w / track->w, rate / 100);
}

static void commitments_bars_are_shares_of_the_track(void **state)
{
	struct world *w = *state;
	put_rate(w, "2026-Q3", POLICY, 12, 25);
	put_rate(w, "2026-Q3", NETWORK, 12, 75);
	put_rate(w, "2026-Q3", PATHWAY, 8, 100);
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_commitments(s, &in), 0);
	expect_scene_ok(s);
	assert_int_equal(count_role(s, "track"), 3);
	assert_int_equal(count_role(s, "bar"), 3);
	expect_bar_share(s, 0, 25);
	expect_bar_share(s, 1, 75);
	expect_bar_share(s, 2, 100);
	/* every bar has its figure in words beside it */
	assert_int_equal(count_role(s, "value"), 3);
	expect_text_of(s, "value", 0, "25.0% of 12");
	expect_text_of(s, "value", 1, "75.0% of 12");
	expect_text_of(s, "value", 2, "100.0% of 8");
	/* and the commitment's name */
	assert_non_null(text_shape(s, "label", "Carer-friendly policy"));
	assert_non_null(text_shape(s, "label", "Carers' network"));
	assert_non_null(text_shape(s, "label", "Career pathway"));
	/* the value label sits on the bar's row, right of the track */
	const struct shape *v = nth(s, "value", 1), *bar = nth(s, "bar", 1);
	assert_true(v->y > bar->y && v->y < bar->y + bar->h + 8);
	assert_true(v->x >= track_of(s, bar)->x + track_of(s, bar)->w);
	assert_non_null(strstr(s->title, "2026-Q3"));
	expect_reading(s, "In 2026-Q3 the commitment most often met is "
		       "\"Career pathway\" (100.0%), and the least often "
		       "\"Carer-friendly policy\" (25.0%).");
	scene_free(s);
}

static void commitments_say_withheld_and_unanswered(void **state)
{
	struct world *w = *state;
	put_rate(w, "2026-Q3", POLICY, 4, 50);
	put_withheld(w, "2026-Q3", NETWORK, 2);
	/* PATHWAY: nobody answered */
	put_rate(w, "2026-Q2", PATHWAY, 5, 80); /* an earlier quarter */
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_commitments(s, &in), 0);
	expect_scene_ok(s);
	assert_int_equal(count_role(s, "track"), 3);
	assert_int_equal(count_role(s, "bar"), 1);
	expect_bar_share(s, 0, 50);
	expect_text_of(s, "value", 0, "50.0% of 4");
	expect_text_of(s, "value", 1, "withheld [c]");
	expect_text_of(s, "value", 2, "no answers");
	scene_free(s);
}

/* When only one commitment has a figure, the reading must not say that
 * each commitment is met by it: the others had none. */
static void commitments_reading_claims_only_what_was_answered(void **state)
{
	struct world *w = *state;
	put_rate(w, "2026-Q3", POLICY, 3, 66.66666667);
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_commitments(s, &in), 0);
	assert_non_null(s->reading);
	if (strstr(s->reading, "Each commitment"))
		fail_msg("reading \"%s\" speaks for the 2 commitments nobody "
			 "answered", s->reading);
	assert_non_null(strstr(s->reading, "66.7%"));
	scene_free(s);
}

static void commitments_equal_rates_read_as_such(void **state)
{
	struct world *w = *state;
	put_rate(w, "2026-Q3", POLICY, 4, 50);
	put_rate(w, "2026-Q3", NETWORK, 6, 50);
	put_rate(w, "2026-Q3", PATHWAY, 2, 50);
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_commitments(s, &in), 0);
	expect_reading(s, "Each commitment is met by 50.0% of the signatories "
		       "that answered in 2026-Q3.");
	scene_free(s);
}

static void commitments_rates_out_of_range_stay_on_the_track(void **state)
{
	struct world *w = *state;
	put_rate(w, "2026-Q3", POLICY, 4, 150);
	put_rate(w, "2026-Q3", NETWORK, 4, -20);
	put_rate(w, "2026-Q3", PATHWAY, 4, 0);
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_commitments(s, &in), 0);
	expect_scene_ok(s);
	for (size_t i = 0; i < count_role(s, "bar"); i++) {
		const struct shape *bar = nth(s, "bar", i);
		const struct shape *track = track_of(s, bar);
		assert_non_null(track);
		assert_true(bar->w >= 0);
		assert_true(bar->x + bar->w <= track->x + track->w + 1e-9);
	}
	expect_text_of(s, "value", 0, "100.0% of 4");
	expect_text_of(s, "value", 1, "0.0% of 4");
	scene_free(s);
}

/* --- response --- */

static void response_bars_are_n_over_owed(void **state)
{
	struct world *w = *state;
	put_returns(w, "2026-Q1", 3, 4);
	put_returns(w, "2026-Q2", 4, 8);
	put_returns(w, "2026-Q3", 6, 6);
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_response(s, &in), 0);
	expect_scene_ok(s);
	assert_int_equal(count_role(s, "bar"), 3);
	const struct shape *b[3];
	for (int i = 0; i < 3; i++)
		b[i] = nth(s, "bar", (size_t)i);
	/* bars stand on one baseline, heights in proportion to the rate */
	for (int i = 0; i < 3; i++)
		assert_true(close_to(b[i]->y + b[i]->h, b[2]->y + b[2]->h));
	assert_true(close_to(b[0]->h / b[2]->h, 0.75));
	assert_true(close_to(b[1]->h / b[2]->h, 0.5));
	/* the 100% bar reaches the top grid line, labelled 100% */
	const struct shape *top = text_shape(s, "axis", "100%");
	assert_non_null(top);
	assert_true(close_to(b[2]->y, top_grid_y(s)));
	assert_true(fabs(top->y - top_grid_y(s)) < 5);
	/* left to right in time */
	assert_true(b[0]->x < b[1]->x && b[1]->x < b[2]->x);
	expect_text_of(s, "value", 0, "75.0%");
	expect_text_of(s, "value", 1, "50.0%");
	expect_text_of(s, "value", 2, "100.0%");
	expect_text_of(s, "count", 0, "3 of 4");
	expect_text_of(s, "count", 1, "4 of 8");
	expect_text_of(s, "count", 2, "6 of 6");
	expect_text_of(s, "quarter", 0, "2026-Q1");
	expect_text_of(s, "quarter", 2, "2026-Q3");
	assert_string_equal(s->title, "Returns received, 2026-Q1 to 2026-Q3");
	expect_reading(s, "6 of the 6 signatories that owed a return for "
		       "2026-Q3 sent one (100.0%).");
	scene_free(s);
}

static void response_missing_quarter_has_no_bar(void **state)
{
	struct world *w = *state;
	put_returns(w, "2026-Q1", 3, 4);
	put_returns(w, "2026-Q3", 2, 8);
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_response(s, &in), 0);
	expect_scene_ok(s);
	assert_int_equal(count_role(s, "quarter"), 3);
	assert_int_equal(count_role(s, "bar"), 2);
	expect_text_of(s, "quarter", 1, "2026-Q2");
	const struct shape *q2 = nth(s, "quarter", 1);
	for (size_t i = 0; i < 2; i++) {
		const struct shape *b = nth(s, "bar", i);
		assert_false(b->x <= q2->x && q2->x <= b->x + b->w);
	}
	expect_reading(s, "2 of the 8 signatories that owed a return for "
		       "2026-Q3 sent one (25.0%).");
	scene_free(s);
}

static void response_shows_the_latest_eight_quarters(void **state)
{
	struct world *w = *state;
	static const char *const q[] = { "2024-Q1", "2024-Q2", "2024-Q3",
		"2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4",
		"2026-Q1", "2026-Q2" };
	for (size_t i = 0; i < 10; i++)
		put_returns(w, q[i], i + 1, 10);
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_response(s, &in), 0);
	expect_scene_ok(s);
	assert_int_equal(count_role(s, "quarter"), 8);
	expect_text_of(s, "quarter", 0, "2024-Q3");
	expect_text_of(s, "quarter", 7, "2026-Q2");
	assert_string_equal(s->title, "Returns received, 2024-Q3 to 2026-Q2");
	scene_free(s);
}

static void response_with_nobody_owing(void **state)
{
	struct world *w = *state;
	put_returns(w, "2026-Q3", 0, 0);
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_response(s, &in), 0);
	expect_scene_ok(s);
	assert_int_equal(count_role(s, "bar"), 0);
	expect_reading(s, "No signatory owed a return for 2026-Q3.");
	assert_string_equal(s->title, "Returns received, 2026-Q3");
	scene_free(s);
}

/* --- distribution --- */

static void five_answers(struct world *w)
{
	static const char *const orgs[] = { "HX01", "HX02", "HX03", "HX04",
					    "HX05" };
	for (size_t i = 0; i < 5; i++)
		answer(w, "2026-Q4", orgs[i], LEAVE, 10 * (double)(i + 1));
	answer(w, "2026-Q4", "HX01", CARERS, 3);
	answer(w, "2026-Q4", "HX01", STAFF, 30);
	publish(w);
}

static void distribution_marks_the_organisation(void **state)
{
	struct world *w = *state;
	five_answers(w);
	struct chart_input in = input_of(w, true);
	struct scene *s = scene_new(w);
	int hx02 = roster_find(&w->roster, "HX02");
	assert_int_equal(chart_distribution(s, &in, LEAVE, hx02), 0);
	expect_scene_ok(s);
	assert_int_equal(count_role(s, "answer"), 5);
	assert_int_equal(count_role(s, "marked"), 1);
	/* answers in order of size along the axis */
	for (size_t i = 1; i < 5; i++)
		assert_true(nth(s, "answer", i - 1)->x <
			    nth(s, "answer", i)->x);
	const struct shape *mark = nth(s, "marked", 0);
	assert_int_equal(mark->kind, SHAPE_DOT);
	assert_true(close_to(mark->x, nth(s, "answer", 1)->x));
	/* larger than the other dots and another colour, and named */
	assert_true(mark->w > nth(s, "answer", 1)->w);
	assert_memory_not_equal(&mark->fill, &nth(s, "answer", 1)->fill,
				sizeof(struct rgb));
	expect_text_of(s, "marked-label", 0, "HX02: 20");
	/* the box spans the quartiles, the line the median */
	const struct shape *box = nth(s, "box", 0);
	const struct shape *median = nth(s, "median", 0);
	assert_non_null(box);
	assert_non_null(median);
	double x20 = nth(s, "answer", 1)->x, x30 = nth(s, "answer", 2)->x,
	       x40 = nth(s, "answer", 3)->x;
	assert_true(close_to(box->x, x20));
	assert_true(close_to(box->x + box->w, x40));
	assert_true(close_to(median->pts[0].x, x30));
	assert_string_equal(s->title, "Paid carer's leave (days): answers of 5 "
			    "associations, 2026-Q4");
	expect_reading(s, "HX02's answer, 20, is below the median of the 5 "
		       "associations that answered in 2026-Q4 (median 30).");
	scene_free(s);

	s = scene_new(w);
	assert_int_equal(chart_distribution(s, &in, LEAVE,
		roster_find(&w->roster, "HX05")), 0);
	expect_scene_ok(s);
	expect_reading(s, "HX05's answer, 50, is in the top quarter of the 5 "
		       "associations that answered in 2026-Q4 (median 30).");
	scene_free(s);
}

static void distribution_without_an_organisation(void **state)
{
	struct world *w = *state;
	five_answers(w);
	struct chart_input in = input_of(w, true);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_distribution(s, &in, LEAVE, -1), 0);
	expect_scene_ok(s);
	assert_int_equal(count_role(s, "marked"), 0);
	assert_int_equal(count_role(s, "marked-label"), 0);
	expect_reading(s, "Half of the 5 associations that answered in "
		       "2026-Q4 gave between 20 and 40; the median was 30.");
	scene_free(s);
	/* an organisation that did not answer is not marked */
	s = scene_new(w);
	assert_int_equal(chart_distribution(s, &in, LEAVE,
		roster_find(&w->roster, "HX08")), 0);
	expect_scene_ok(s);
	assert_int_equal(count_role(s, "marked"), 0);
	assert_null(strstr(s->reading, "HX08"));
	scene_free(s);
}

static void distribution_refused_for_counts_of_people(void **state)
{
	struct world *w = *state;
	five_answers(w);
	struct chart_input in = input_of(w, true);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_distribution(s, &in, CARERS, 0), -1);
	assert_true(s->why[0] != '\0');
	assert_non_null(strstr(s->why, "people"));
	/* nothing of the chart was drawn that could be shown */
	assert_int_equal(count_role(s, "answer"), 0);
	assert_int_equal(count_role(s, "marked"), 0);
	scene_free(s);
	/* a count that is not about people is drawn */
	s = scene_new(w);
	assert_int_equal(chart_distribution(s, &in, STAFF, 0), 0);
	expect_scene_ok(s);
	scene_free(s);
}

static void distribution_needs_answers(void **state)
{
	struct world *w = *state;
	five_answers(w);
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_distribution(s, &in, LEAVE, 0), -1);
	assert_true(s->why[0] != '\0');
	scene_free(s);
	in = input_of(w, true);
	s = scene_new(w);
	assert_int_equal(chart_distribution(s, &in, PAY, 0), -1);
	assert_true(s->why[0] != '\0');
	scene_free(s);
}

/* Marked at the very ends of the axis, the label stays on the chart. */
static void distribution_label_stays_inside(void **state)
{
	struct world *w = *state;
	answer(w, "2026-Q4", "HX01", PAY, 1000000.5);
	answer(w, "2026-Q4", "HX02", PAY, 9);
	answer(w, "2026-Q4", "HX03", PAY, 10);
	publish(w);
	struct chart_input in = input_of(w, true);
	for (int org = 0; org < 3; org++) {
		struct scene *s = scene_new(w);
		assert_int_equal(chart_distribution(s, &in, PAY, org), 0);
		expect_scene_ok(s);
		assert_int_equal(count_role(s, "marked"), 1);
		scene_free(s);
	}
}

/* --- every chart of a sensible quarter --- */

static void sensible_data_gives_sound_charts(void **state)
{
	struct world *w = *state;
	char q[PERIOD_TEXT];
	for (int p = P("2024-Q3"); p <= P("2026-Q3"); p++) {
		for (int o = 0; o < 8; o++) {
			if ((o + p) % 5 == 0)
				continue;  /* a missing return */
			double k = (double)(o + 1), t = (double)(p % 4);
			const char *id = w->roster.orgs[o].id;
			period_format(p, q);
			answer(w, q, id, STAFF, 100 * k + t);
			answer(w, q, id, CARERS, 10 * k + t);
			answer(w, q, id, POLICY, (o + p) % 3 != 0);
			answer(w, q, id, NETWORK, o % 2);
			answer(w, q, id, PATHWAY, (o + p) % 4 != 0);
			answer(w, q, id, LEAVE, 2 * k + t);
			answer(w, q, id, PAY, 10.5 + k / 4 + t / 10);
			answer(w, q, id, WAGE, 40 + 7 * k - t);
		}
	}
	publish(w);
	struct chart_input in = input_of(w, true);
	int org = roster_find(&w->roster, "HX03");
	struct scene *s = scene_new(w);
	assert_int_equal(chart_response(s, &in), 0);
	expect_scene_ok(s);
	assert_int_equal(count_role(s, "bar"), 8);
	scene_free(s);
	s = scene_new(w);
	assert_int_equal(chart_commitments(s, &in), 0);
	expect_scene_ok(s);
	assert_int_equal(count_role(s, "bar"), 3);
	scene_free(s);
	for (int m = 0; m < NMETRICS; m++) {
		s = scene_new(w);
		if (chart_trend(s, &in, m) != 0)
			fail_msg("trend %s: %s", w->cat.metrics[m].id, s->why);
		expect_scene_ok(s);
		assert_non_null(s->title);
		assert_non_null(s->reading);
		if (!strstr(s->reading, "among the"))
			fail_msg("trend %s: reading \"%s\" does not compare "
				 "like with like", w->cat.metrics[m].id,
				 s->reading);
		scene_free(s);
		s = scene_new(w);
		int ret = chart_distribution(s, &in, m, org);
		if (w->cat.metrics[m].sensitive ||
		    w->cat.metrics[m].kind == KIND_YESNO) {
			assert_int_equal(ret, -1);
		} else {
			if (ret != 0)
				fail_msg("distribution %s: %s",
					 w->cat.metrics[m].id, s->why);
			expect_scene_ok(s);
			assert_int_equal(count_role(s, "marked"), 1);
		}
		scene_free(s);
	}
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, world_setup, world_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(commitments_bars_are_shares_of_the_track),
		TEST(commitments_say_withheld_and_unanswered),
		TEST(commitments_reading_claims_only_what_was_answered),
		TEST(commitments_equal_rates_read_as_such),
		TEST(commitments_rates_out_of_range_stay_on_the_track),
		TEST(response_bars_are_n_over_owed),
		TEST(response_missing_quarter_has_no_bar),
		TEST(response_shows_the_latest_eight_quarters),
		TEST(response_with_nobody_owing),
		TEST(distribution_marks_the_organisation),
		TEST(distribution_without_an_organisation),
		TEST(distribution_refused_for_counts_of_people),
		TEST(distribution_needs_answers),
		TEST(distribution_label_stays_inside),
		TEST(sensible_data_gives_sound_charts),
	};
	return cmocka_run_group_tests_name("charts", tests, NULL, NULL);
}
