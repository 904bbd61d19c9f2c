/* Unit tests for chart/charts, the trend (SPEC §7): gaps where a quarter
 * has no figure, [c] where it was withheld, the band only where the
 * headline is a median; and readings that compare like with like
 * (SPEC §6.2) without publishing what disclosure control withholds. */
#include "chartworld.h"

/* --- trend --- */

/* The x of the quarter label that says period, failing if none. */
static double quarter_x(const struct scene *s, const char *period)
{
	const struct shape *t = text_shape(s, "quarter", period);
	if (!t) {
		scene_dump(s);
		fail_msg("no quarter label %s", period);
	}
	return t->x;
}

static size_t points_at(const struct scene *s, double x)
{
	size_t n = 0;
	for (size_t i = 0; i < s->len; i++)
		n += !strcmp(s->shapes[i].role, "point") &&
		     close_to(s->shapes[i].x, x);
	return n;
}

/* Fails if a line (or band) has a segment from before x to after it:
 * a line drawn across a quarter that has no figure. */
static void expect_no_segment_across(const struct scene *s,
				     const char *role, double x)
{
	for (size_t i = 0; i < s->len; i++) {
		const struct shape *sh = &s->shapes[i];
		if (strcmp(sh->role, role) || !sh->pts)
			continue;
		for (size_t k = 0; k < sh->npts; k++) {
			if (close_to(sh->pts[k].x, x))
				fail_msg("a %s passes through the gap", role);
			if (k && fmin(sh->pts[k - 1].x, sh->pts[k].x) < x &&
			    fmax(sh->pts[k - 1].x, sh->pts[k].x) > x)
				fail_msg("a %s is drawn across the gap", role);
		}
	}
}

static void trend_missing_quarter_is_a_gap(void **state)
{
	struct world *w = *state;
	put_sum(w, "2026-Q1", STAFF, 5, 100);
	/* 2026-Q2: no row at all */
	put_sum(w, "2026-Q3", STAFF, 5, 120);
	put_sum(w, "2026-Q4", STAFF, 6, 130);
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_trend(s, &in, STAFF), 0);
	expect_scene_ok(s);
	assert_int_equal(count_role(s, "quarter"), 4);
	double gap = quarter_x(s, "2026-Q2");
	assert_int_equal(points_at(s, gap), 0);
	assert_int_equal(count_role(s, "point"), 3);
	expect_no_segment_across(s, "line", gap);
	/* Q3 to Q4 is still joined */
	assert_int_equal(count_role(s, "line"), 1);
	const struct shape *line = nth(s, "line", 0);
	assert_int_equal(line->npts, 2);
	assert_true(close_to(line->pts[0].x, quarter_x(s, "2026-Q3")));
	assert_true(close_to(line->pts[1].x, quarter_x(s, "2026-Q4")));
	/* a gap is not a zero, and not a suppression either */
	assert_int_equal(count_role(s, "withheld"), 0);
	assert_int_equal(count_role(s, "band"), 0);
	expect_text_of(s, "value", 0, "130");
	assert_string_equal(s->title,
			    "Employees: sector total, 2026-Q1 to 2026-Q4");
	/* how many answered, under each quarter (SPEC §7) */
	assert_non_null(text_shape(s, "answered", "n = 6"));
	assert_non_null(text_shape(s, "answered", "n = 0"));
	expect_reading(s, "Employees: 130 across the 6 associations that "
		       "answered in 2026-Q4, against 120 across 5 in 2026-Q3.");
	scene_free(s);
}

static void trend_suppressed_quarter_is_marked_c(void **state)
{
	struct world *w = *state;
	put_rate(w, "2026-Q1", CARERS, 5, 20);
	put_withheld(w, "2026-Q2", CARERS, 4);
	put_rate(w, "2026-Q3", CARERS, 5, 25);
	put_rate(w, "2026-Q4", CARERS, 6, 30);
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_trend(s, &in, CARERS), 0);
	expect_scene_ok(s);
	double gap = quarter_x(s, "2026-Q2");
	assert_int_equal(points_at(s, gap), 0);
	expect_no_segment_across(s, "line", gap);
	assert_int_equal(count_role(s, "withheld"), 1);
	const struct shape *c = nth(s, "withheld", 0);
	assert_string_equal(c->text, "[c]");
	assert_true(close_to(c->x, gap));
	expect_text_of(s, "value", 0, "30.0%");
	scene_free(s);
}

/* The band's extent (top and bottom y) at x, from its outline. */
static int band_at(const struct scene *s, double x, double *top,
		   double *bottom)
{
	int found = 0;
	for (size_t i = 0; i < s->len; i++) {
		const struct shape *sh = &s->shapes[i];
		if (strcmp(sh->role, "band"))
			continue;
		if (sh->kind == SHAPE_RECT && sh->x <= x && x <= sh->x + sh->w) {
			*top = sh->y, *bottom = sh->y + sh->h;
			return 1;
		}
		for (size_t k = 0; sh->pts && k < sh->npts; k++) {
			if (!close_to(sh->pts[k].x, x))
				continue;
			if (!found)
				*top = *bottom = sh->pts[k].y;
			*top = fmin(*top, sh->pts[k].y);
			*bottom = fmax(*bottom, sh->pts[k].y);
			found = 1;
		}
	}
	return found;
}

static void trend_band_only_where_the_headline_is_a_median(void **state)
{
	struct world *w = *state;
	static const char *const q[] = { "2026-Q1", "2026-Q2", "2026-Q3",
					 "2026-Q4" };
	for (size_t i = 0; i < 4; i++) {
		double d = (double)i;
		put_median(w, q[i], LEAVE, 6, 10 + d, 5 + d, 20 + 2 * d);
		put_median(w, q[i], PAY, 6, 11.5 + d / 10, 10, 13);
		put_median(w, q[i], WAGE, 6, 60 + d, 40, 80);
		/* every figure published, quartiles too: only the
		   headline decides the band */
		put_all(w, q[i], STAFF, 6, 100 + d, 15, 10, 20, NAN);
		put_all(w, q[i], POLICY, 6, 3, 1, 0, 1, 50 + d);
		put_all(w, q[i], CARERS, 6, 30, 5, 4, 6, 10 + d);
	}
	static const struct {
		int metric;
		int band;
		const char *value;
	} cases[] = {
		{ LEAVE, 1, "13" }, { PAY, 1, "\xC2\xA3" "11.80" },
		{ WAGE, 1, "63.0%" }, { STAFF, 0, "103" }, { POLICY, 0, "53.0%" },
		{ CARERS, 0, "13.0%" },
	};
	struct chart_input in = input_of(w, false);
	for (size_t c = 0; c < sizeof(cases) / sizeof(*cases); c++) {
		struct scene *s = scene_new(w);
		assert_int_equal(chart_trend(s, &in, cases[c].metric), 0);
		expect_scene_ok(s);
		size_t bands = count_role(s, "band");
		if (cases[c].band ? bands == 0 : bands != 0)
			fail_msg("%s: %zu band shapes",
				 w->cat.metrics[cases[c].metric].id, bands);
		/* the light band is edged at 3:1 or more on white (WCAG
		   1.4.11), above and below */
		assert_int_equal(count_role(s, "band-edge"),
				 cases[c].band ? 2 : 0);
		for (size_t i = 0; i < s->len; i++)
			if (!strcmp(s->shapes[i].role, "band-edge"))
				assert_true(contrast_ratio(s->shapes[i].stroke,
							   COLOUR_WHITE) >= 3);
		assert_int_equal(count_role(s, "point"), 4);
		assert_int_equal(count_role(s, "line"), 1);
		expect_text_of(s, "value", 0, cases[c].value);
		/* the band holds the median line at every quarter */
		for (size_t i = 0; cases[c].band && i < 4; i++) {
			double x = quarter_x(s, q[i]), top, bottom;
			const struct shape *pt = nth(s, "point", i);
			assert_true(close_to(pt->x, x));
			if (!band_at(s, x, &top, &bottom))
				fail_msg("no band at %s", q[i]);
			assert_true(top < pt->y && pt->y < bottom);
		}
		if (cases[c].band)
			assert_non_null(text_shape(s, "subtitle",
				"Line: the median; shaded: the middle half of "
				"answers; n: how many answered"));
		scene_free(s);
	}
}

static void trend_band_breaks_at_a_gap(void **state)
{
	struct world *w = *state;
	put_median(w, "2026-Q1", LEAVE, 6, 10, 5, 20);
	put_median(w, "2026-Q2", LEAVE, 6, 11, 6, 21);
	put_median(w, "2026-Q4", LEAVE, 6, 12, 7, 22);
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_trend(s, &in, LEAVE), 0);
	expect_scene_ok(s);
	double gap = quarter_x(s, "2026-Q3"), top, bottom;
	expect_no_segment_across(s, "band", gap);
	expect_no_segment_across(s, "line", gap);
	assert_false(band_at(s, gap, &top, &bottom));
	/* the lone quarter after the gap still shows its middle half */
	assert_true(band_at(s, quarter_x(s, "2026-Q4"), &top, &bottom));
	scene_free(s);
}

/* Points sit at heights in proportion to their values: a linear axis,
 * up for more. */
static void trend_points_follow_the_values(void **state)
{
	struct world *w = *state;
	put_sum(w, "2026-Q1", STAFF, 5, 10);
	put_sum(w, "2026-Q2", STAFF, 5, 20);
	put_sum(w, "2026-Q3", STAFF, 5, 40);
	put_sum(w, "2026-Q4", STAFF, 5, 0);
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_trend(s, &in, STAFF), 0);
	expect_scene_ok(s);
	double y[4];
	for (size_t i = 0; i < 4; i++)
		y[i] = nth(s, "point", i)->y;
	assert_true(y[2] < y[1] && y[1] < y[0] && y[0] < y[3]);
	assert_true(close_to((y[2] - y[0]) / (y[1] - y[0]), 3));
	/* 0 sits on the baseline */
	const struct shape *base = nth(s, "baseline", 0);
	assert_non_null(base);
	assert_true(close_to(y[3], base->pts[0].y));
	/* and x runs evenly through the quarters */
	double x[4];
	for (size_t i = 0; i < 4; i++)
		x[i] = nth(s, "point", i)->x;
	assert_true(close_to(x[1] - x[0], x[3] - x[2]));
	assert_true(x[0] < x[1] && x[2] < x[3]);
	scene_free(s);
}

static void trend_shows_the_latest_eight_quarters(void **state)
{
	struct world *w = *state;
	char q[PERIOD_TEXT];
	for (int p = P("2023-Q1"); p <= P("2026-Q4"); p++)
		put_sum(w, period_format(p, q), STAFF, 5, p % 7);
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_trend(s, &in, STAFF), 0);
	expect_scene_ok(s);
	assert_int_equal(count_role(s, "quarter"), CHART_QUARTERS);
	assert_int_equal(count_role(s, "point"), CHART_QUARTERS);
	expect_text_of(s, "quarter", 0, "2025-Q1");
	assert_string_equal(s->title,
			    "Employees: sector total, 2025-Q1 to 2026-Q4");
	/* an earlier period can be drawn */
	in.period = P("2024-Q4");
	scene_free(s);
	s = scene_new(w);
	assert_int_equal(chart_trend(s, &in, STAFF), 0);
	expect_text_of(s, "quarter", 0, "2023-Q1");
	expect_text_of(s, "quarter", 7, "2024-Q4");
	scene_free(s);
}

/* A figure that is not a number (no CSV can carry one, but the scene
 * must not pass it on) is a gap like a missing quarter. */
static void trend_not_a_number_is_a_gap(void **state)
{
	struct world *w = *state;
	put_median(w, "2026-Q1", LEAVE, 5, 10, 5, 15);
	put_median(w, "2026-Q2", LEAVE, 5, NAN, NAN, NAN);
	put_median(w, "2026-Q3", LEAVE, 5, 12, 6, 16);
	put_median(w, "2026-Q4", LEAVE, 5, 13, INFINITY, 17);
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_trend(s, &in, LEAVE), 0);
	expect_scene_ok(s);
	double gap = quarter_x(s, "2026-Q2"), top, bottom;
	assert_int_equal(points_at(s, gap), 0);
	expect_no_segment_across(s, "line", gap);
	expect_no_segment_across(s, "band", gap);
	assert_int_equal(count_role(s, "point"), 3);
	/* a quartile that is not a number leaves that quarter unshaded */
	assert_false(band_at(s, quarter_x(s, "2026-Q4"), &top, &bottom));
	assert_true(band_at(s, quarter_x(s, "2026-Q3"), &top, &bottom));
	expect_text_of(s, "value", 0, "13");
	scene_free(s);
}

static void trend_one_quarter(void **state)
{
	struct world *w = *state;
	put_median(w, "2026-Q3", PAY, 4, 12.1, 11, 13);
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_trend(s, &in, PAY), 0);
	expect_scene_ok(s);
	assert_int_equal(count_role(s, "point"), 1);
	assert_int_equal(count_role(s, "line"), 0);
	assert_int_equal(count_role(s, "band"), 1);
	expect_text_of(s, "value", 0, "\xC2\xA3" "12.10");
	assert_string_equal(s->title,
			    "Median hourly pay (\xC2\xA3): sector median, 2026-Q3");
	expect_reading(s, "Median hourly pay (\xC2\xA3): median \xC2\xA3" "12.10 "
		       "across the 4 associations that answered in 2026-Q3.");
	scene_free(s);
}

static void trend_all_withheld(void **state)
{
	struct world *w = *state;
	put_withheld(w, "2026-Q2", CARERS, 2);
	put_withheld(w, "2026-Q3", CARERS, 1);
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_trend(s, &in, CARERS), 0);
	expect_scene_ok(s);
	assert_int_equal(count_role(s, "point"), 0);
	assert_int_equal(count_role(s, "withheld"), 2);
	assert_non_null(text_shape(s, "note", "No figure published [c]"));
	expect_reading(s, "Employees known to be carers: the 2026-Q3 figure "
		       "is withheld [c], because too few associations "
		       "answered or it could identify individuals.");
	scene_free(s);
}

/* Nobody answered a metric that is not about people: nothing was
 * withheld, so neither the chart nor its reading may say so ("[c]" is
 * the mark of suppression, SPEC §6.3). */
static void trend_nobody_answered_is_not_withheld(void **state)
{
	struct world *w = *state;
	put_returns(w, "2026-Q2", 5, 6);
	put_returns(w, "2026-Q3", 5, 6);
	put_sum(w, "2026-Q3", STAFF, 5, 100);
	/* LEAVE: no row in any quarter */
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_trend(s, &in, LEAVE), 0);
	expect_scene_ok(s);
	assert_int_equal(count_role(s, "point"), 0);
	assert_int_equal(count_role(s, "withheld"), 0);
	for (size_t i = 0; i < s->len; i++)
		if (s->shapes[i].text && strstr(s->shapes[i].text, "[c]"))
			fail_msg("the %s '%s' marks as withheld what nobody "
				 "answered", s->shapes[i].role,
				 s->shapes[i].text);
	assert_non_null(s->reading);
	if (strstr(s->reading, "identify individuals"))
		fail_msg("reading \"%s\" blames disclosure control for a "
			 "metric nobody answered", s->reading);
	assert_non_null(strstr(s->reading, "2026-Q3"));
	scene_free(s);
}

/* --- readings that compare like with like (SPEC §6.2) --- */

/* Q3: HX01 10, HX02 20, HX03 30, HX05 40, HX06 50; Q4: HX01 a,
 * HX02 b, HX04 100, HX05 40, HX06 50. The panel is HX01, HX02, HX05
 * and HX06. */
static void leave_panel(struct world *w, double a, double b)
{
	/* a panel of 4: the wording is under test here, so a median's
	 * change is allowed from 4 (test_panel tests the threshold) */
	w->set.quartiles_min_orgs = 4;
	answer(w, "2026-Q3", "HX01", LEAVE, 10);
	answer(w, "2026-Q3", "HX02", LEAVE, 20);
	answer(w, "2026-Q3", "HX03", LEAVE, 30);
	answer(w, "2026-Q4", "HX01", LEAVE, a);
	answer(w, "2026-Q4", "HX02", LEAVE, b);
	answer(w, "2026-Q4", "HX04", LEAVE, 100);
	for (int q = 0; q < 2; q++) {
		answer(w, q ? "2026-Q4" : "2026-Q3", "HX05", LEAVE, 40);
		answer(w, q ? "2026-Q4" : "2026-Q3", "HX06", LEAVE, 50);
	}
	publish(w);
}

/* The reading of metric's trend (the scene is kept with the world). */
static const char *trend_reading(struct world *w, int metric, bool returns)
{
	struct chart_input in = input_of(w, returns);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_trend(s, &in, metric), 0);
	expect_scene_ok(s);
	assert_non_null(s->reading);
	return s->reading;
}

static void expect_trend_reading(struct world *w, int metric, bool returns,
				 const char *want)
{
	const char *r = trend_reading(w, metric, returns);
	if (strcmp(r, want) != 0)
		fail_msg("reading \"%s\"\n      want \"%s\"", r, want);
}

static void reading_rose_over_the_balanced_panel(void **state)
{
	struct world *w = *state;
	/* published medians: 30 then 40; the panel's went 30 -> 32 */
	leave_panel(w, 14, 24);
	expect_trend_reading(w, LEAVE, true,
		"Paid carer's leave (days): median 40 across the 5 "
		"associations that answered in 2026-Q4, against 30 in 2026-Q3. "
		"Like for like, among the 4 that answered both quarters, the "
		"median is 2 higher, which is better.");
	/* without the returns, no more than the published figures */
	expect_trend_reading(w, LEAVE, false,
		"Paid carer's leave (days): median 40 across the 5 "
		"associations that answered in 2026-Q4, against 30 in "
		"2026-Q3.");
}

static void reading_fell_over_the_balanced_panel(void **state)
{
	struct world *w = *state;
	/* the plotted median rises from 30 to 40, while the panel's
	 * falls from 30 to 22.5: the reading says both */
	leave_panel(w, 5, 5);
	expect_trend_reading(w, LEAVE, true,
		"Paid carer's leave (days): median 40 across the 5 "
		"associations that answered in 2026-Q4, against 30 in 2026-Q3. "
		"Like for like, among the 4 that answered both quarters, the "
		"median is 7.5 lower, which is worse.");
}

static void reading_stayed_when_the_change_does_not_show(void **state)
{
	struct world *w = *state;
	leave_panel(w, 10.01, 20.01);
	expect_trend_reading(w, LEAVE, true,
		"Paid carer's leave (days): median 40 across the 5 "
		"associations that answered in 2026-Q4, against 30 in 2026-Q3. "
		"Like for like, among the 4 that answered both quarters, the "
		"median did not change.");
}

/* A panel of fewer than 3 gives no like-for-like change (SPEC §6.3). */
static void reading_of_a_small_panel_gives_no_change(void **state)
{
	struct world *w = *state;
	answer(w, "2026-Q3", "HX01", STAFF, 8);
	answer(w, "2026-Q3", "HX02", STAFF, 5);
	answer(w, "2026-Q3", "HX04", STAFF, 20);
	answer(w, "2026-Q4", "HX01", STAFF, 10);
	answer(w, "2026-Q4", "HX03", STAFF, 30);
	answer(w, "2026-Q4", "HX05", STAFF, 25);
	publish(w);
	expect_trend_reading(w, STAFF, true,
		"Employees: 65 across the 3 associations that answered in "
		"2026-Q4, against 33 in 2026-Q3. Only 1 answered both "
		"quarters: too few for a like-for-like change [c].");
}

static void reading_of_a_yes_no_is_a_share(void **state)
{
	struct world *w = *state;
	static const char *const orgs[] = { "HX01", "HX02", "HX03", "HX04" };
	for (size_t i = 0; i < 4; i++) {
		answer(w, "2026-Q3", orgs[i], POLICY, i < 2);
		answer(w, "2026-Q4", orgs[i], POLICY, 1);
	}
	publish(w);
	expect_trend_reading(w, POLICY, true,
		"Carer-friendly policy: 100.0% across the 4 associations that "
		"answered in 2026-Q4, against 50.0% in 2026-Q3. Like for like, "
		"among the 4 that answered both quarters, the share answering "
		"yes is 50.0 pts higher, which is better.");
}

/* A sensitive rate over too few people is not published, and the
 * reading must not publish it either. */
static void reading_keeps_small_counts_of_people_withheld(void **state)
{
	struct world *w = *state;
	static const char *const orgs[] = { "HX01", "HX02", "HX03", "HX04",
					    "HX05" };
	for (size_t i = 0; i < 5; i++) {
		answer(w, "2026-Q3", orgs[i], STAFF, 10);
		answer(w, "2026-Q4", orgs[i], STAFF, 10);
		answer(w, "2026-Q4", orgs[i], CARERS, 2);
	}
	/* three answered carers in both quarters: 1 + 2 + 1 people */
	answer(w, "2026-Q3", "HX01", CARERS, 1);
	answer(w, "2026-Q3", "HX02", CARERS, 2);
	answer(w, "2026-Q3", "HX03", CARERS, 1);
	publish(w);
	const struct agg_row *r = aggin_find(&w->agg, P("2026-Q4"), CARERS,
					     AGG_SECTOR);
	assert_non_null(r);
	assert_true(r->has & BIT(RATE));
	const char *reading = trend_reading(w, CARERS, true);
	if (strstr(reading, "among the") || strstr(reading, "pts"))
		fail_msg("reading \"%s\" publishes a rate over 4 people",
			 reading);
	assert_string_equal(reading, "Employees known to be carers: 20.0% "
			    "across the 5 associations that answered in "
			    "2026-Q4; the 2026-Q3 figure is withheld [c]. The "
			    "like-for-like change is withheld [c]: it could "
			    "let a small count of people be worked out.");
}

/* SPEC §6.3 withholds a rate when the count of people behind it is
 * under 5, not when the rate itself is under 5%: 30 carers among 1,000
 * staff is published as 3%, and its change can be read like with like. */
static void reading_compares_a_small_rate_of_many_people(void **state)
{
	struct world *w = *state;
	static const char *const orgs[] = { "HX01", "HX02", "HX03", "HX04" };
	for (size_t i = 0; i < 4; i++) {
		answer(w, "2026-Q3", orgs[i], STAFF, 250);
		answer(w, "2026-Q3", orgs[i], CARERS, 5);
		answer(w, "2026-Q4", orgs[i], STAFF, 250);
		answer(w, "2026-Q4", orgs[i], CARERS, 10);
	}
	publish(w);
	const struct agg_row *r = aggin_find(&w->agg, P("2026-Q4"), CARERS,
					     AGG_SECTOR);
	assert_non_null(r);
	assert_true(r->has & BIT(RATE));
	assert_true(close_to(r->v[AGG_RATE], 4));
	expect_trend_reading(w, CARERS, true,
		"Employees known to be carers: 4.0% across the 4 associations "
		"that answered in 2026-Q4, against 2.0% in 2026-Q3. Like for "
		"like, among the 4 that answered both quarters, the rate is 2.0 "
		"pts higher, which is better.");
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, world_setup, world_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(trend_missing_quarter_is_a_gap),
		TEST(trend_suppressed_quarter_is_marked_c),
		TEST(trend_band_only_where_the_headline_is_a_median),
		TEST(trend_band_breaks_at_a_gap),
		TEST(trend_points_follow_the_values),
		TEST(trend_shows_the_latest_eight_quarters),
		TEST(trend_not_a_number_is_a_gap),
		TEST(trend_one_quarter),
		TEST(trend_all_withheld),
		TEST(trend_nobody_answered_is_not_withheld),
		TEST(reading_rose_over_the_balanced_panel),
		TEST(reading_fell_over_the_balanced_panel),
		TEST(reading_stayed_when_the_change_does_not_show),
		TEST(reading_of_a_small_panel_gives_no_change),
		TEST(reading_of_a_yes_no_is_a_share),
		TEST(reading_keeps_small_counts_of_people_withheld),
		TEST(reading_compares_a_small_rate_of_many_people),
	};
	return cmocka_run_group_tests_name("chart trend", tests, NULL, NULL);
}
