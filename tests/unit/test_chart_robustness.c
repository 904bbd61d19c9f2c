/* Unit tests for chart/charts against hostile and degenerate figures:
 * not-a-number, infinities, 1e308, negatives, one quarter, one
 * organisation, all zeros, all withheld, 300-character and Welsh labels.
 * Whatever the data, a builder never crashes, and either its scene
 * passes scene_check (inside the canvas, no text under 8 pt, no text
 * overlapping) or it returns -1 with a reason. */
#include "chartworld.h"

#include <ctype.h>

static const char *const quarters[] = { "2026-Q1", "2026-Q2", "2026-Q3",
					"2026-Q4" };

/* Whether text holds "nan" or "inf" as a word of its own: a number
 * printed with %g that should have been "–". */
static int has_raw_number(const char *text)
{
	static const char *const words[] = { "nan", "inf", "NaN", "Inf",
					     "NAN", "INF" };
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
		for (const char *p = strstr(text, words[i]); p;
		     p = strstr(p + 1, words[i]))
			if ((p == text || !isalpha((unsigned char)p[-1])) &&
			    !isalpha((unsigned char)p[3]))
				return 1;
	return 0;
}

struct verdict {
	const char *scenario;
	size_t drawn, refused, broken;
};

/* Checks the builders' contract for one chart and tallies it. */
static void judge(struct verdict *v, const char *chart, int ret,
		  const struct scene *s)
{
	char why[300] = "";
	const char *problem = NULL;
	if (ret == -1) {
		if (!s->why[0])
			problem = "refused without a reason";
		else
			v->refused++;
	} else if (ret != 0) {
		problem = "returned neither 0 nor -1";
	} else if (scene_check(s, why, sizeof(why)) != 0) {
		problem = why;
	} else if (!s->title || !s->reading) {
		problem = "no title or no reading";
	} else if (has_raw_number(s->title) || has_raw_number(s->reading)) {
		problem = "a raw nan or inf in its title or reading";
	} else {
		for (size_t i = 0; i < s->len && !problem; i++)
			if (s->shapes[i].text &&
			    has_raw_number(s->shapes[i].text))
				problem = "a raw nan or inf in its text";
		if (!problem)
			v->drawn++;
	}
	if (problem) {
		v->broken++;
		print_message("  %s: %s: %s\n", v->scenario, chart, problem);
		if (s->reading)
			print_message("    reading: %s\n", s->reading);
	}
}

/* Builds every chart of w for its latest quarter (or period). */
static void judge_all(struct world *w, struct verdict *v, int period)
{
	struct chart_input in = input_of(w, true);
	if (period != PERIOD_NONE)
		in.period = period;
	int orgs[] = { -1, 0, (int)w->roster.len - 1 };
	struct scene *s;
	char name[160];
	s = scene_new(w);
	judge(v, "response", chart_response(s, &in), s);
	scene_free(s);
	s = scene_new(w);
	judge(v, "commitments", chart_commitments(s, &in), s);
	scene_free(s);
	for (size_t m = 0; m < w->cat.len; m++) {
		snprintf(name, sizeof(name), "trend-%s", w->cat.metrics[m].id);
		s = scene_new(w);
		judge(v, name, chart_trend(s, &in, (int)m), s);
		scene_free(s);
		/* the same without tidy returns */
		in.returns = NULL;
		s = scene_new(w);
		judge(v, name, chart_trend(s, &in, (int)m), s);
		scene_free(s);
		in.returns = &w->ret;
		for (size_t o = 0; o < sizeof(orgs) / sizeof(*orgs); o++) {
			snprintf(name, sizeof(name), "distribution-%s org %d",
				 w->cat.metrics[m].id, orgs[o]);
			s = scene_new(w);
			judge(v, name, chart_distribution(s, &in, (int)m,
							  orgs[o]), s);
			scene_free(s);
		}
	}
}

static void expect_sound(struct world *w, const char *scenario, int period,
			 size_t min_drawn)
{
	struct verdict v = { .scenario = scenario };
	judge_all(w, &v, period);
	if (v.broken)
		fail_msg("%s: %zu charts broke the contract (%zu drawn, %zu "
			 "refused)", scenario, v.broken, v.drawn, v.refused);
	if (v.drawn < min_drawn)
		fail_msg("%s: only %zu charts drawn, want %zu or more",
			 scenario, v.drawn, min_drawn);
}

/* Every figure of every metric, and every answer, set to x. */
static void fill_with(struct world *w, double x)
{
	for (size_t q = 0; q < 4; q++) {
		double v[AGG_NSTATS];
		for (int k = 0; k < AGG_NSTATS; k++)
			v[k] = x;
		put(w, quarters[q], AGG_RETURNS, 3, BIT(SUM), v, false);
		for (int m = 0; m < (int)w->cat.len; m++)
			put(w, quarters[q], m, 3, (1u << AGG_NSTATS) - 1, v,
			    false);
		for (int o = 0; o < 3; o++)
			for (int m = 0; m < (int)w->cat.len; m++)
				answer(w, quarters[q], w->roster.orgs[o].id, m,
				       x);
	}
}

struct hostile {
	const char *name;
	double x;
};

static void expect_sound_filled(const struct hostile *cases, size_t n)
{
	int failed = 0;
	for (size_t i = 0; i < n; i++) {
		struct world *w = world_new(chart_catalogue_csv,
					    chart_roster_csv);
		fill_with(w, cases[i].x);
		struct verdict v = { .scenario = cases[i].name };
		judge_all(w, &v, PERIOD_NONE);
		failed |= v.broken != 0;
		world_free(w);
	}
	if (failed)
		fail_msg("some charts broke the contract (listed above)");
}

/* Figures no CSV can carry (aggin_read refuses them), but a scene must
 * still hold: refused, or drawn inside the canvas. */
static void numbers_that_are_not_figures(void **state)
{
	static const struct hostile cases[] = {
		{ "NaN", NAN }, { "-NaN", -NAN }, { "infinity", INFINITY },
		{ "-infinity", -INFINITY },
	};
	expect_sound_filled(cases, sizeof(cases) / sizeof(*cases));
}

/* Figures an aggregates CSV can carry in plain decimals, however long,
 * but too large to draw sensibly: refused with a reason, or drawn. */
static void numbers_too_large_to_draw(void **state)
{
	static const struct hostile cases[] = {
		{ "1e308", 1e308 }, { "-1e308", -1e308 },
		{ "DBL_MAX", 1.7976931348623157e308 }, { "1e100", 1e100 },
		{ "-1e60", -1e60 }, { "1e20", 1e20 },
	};
	expect_sound_filled(cases, sizeof(cases) / sizeof(*cases));
}

/* The largest answers a return can hold (15 digits), which a mistyped
 * return brings into the distributions. */
static void largest_answers_a_return_holds(void **state)
{
	static const struct hostile cases[] = {
		{ "999999999999999", 999999999999999 },
		{ "-999999999999999", -999999999999999 },
	};
	expect_sound_filled(cases, sizeof(cases) / sizeof(*cases));
}

static void small_negative_and_zero(void **state)
{
	static const struct hostile cases[] = {
		{ "1e-300", 1e-300 }, { "0.001", 0.001 },
		{ "negative", -42.5 }, { "zero", 0 },
	};
	expect_sound_filled(cases, sizeof(cases) / sizeof(*cases));
}

/* One quarter's figures from sensible answers, for 8 organisations. */
static void answer_quarter(struct world *w, const char *q, int orgs,
			   double scale)
{
	for (int o = 0; o < orgs; o++) {
		const char *id = w->roster.orgs[o].id;
		double k = (double)(o + 1);
		for (int m = 0; m < (int)w->cat.len; m++) {
			const struct metric *mt = &w->cat.metrics[m];
			double x = mt->kind == KIND_YESNO ? (double)(o % 2)
				   : mt->parent >= 0 ? 2 * k * scale
				   : mt->kind == KIND_PERCENT ? 10 * k
				   : 40 * k * scale;
			answer(w, q, id, m, x);
		}
	}
}

static void one_quarter_only(void **state)
{
	struct world *w = *state;
	answer_quarter(w, "2026-Q3", 8, 1);
	publish(w);
	expect_sound(w, "one quarter", PERIOD_NONE, 10);
}

static void one_organisation(void **state)
{
	struct world *w = *state;
	for (size_t q = 0; q < 4; q++)
		answer_quarter(w, quarters[q], 1, (double)q + 1);
	publish(w);
	expect_sound(w, "one organisation", PERIOD_NONE, 10);
}

static void all_zeros(void **state)
{
	struct world *w = *state;
	for (size_t q = 0; q < 4; q++)
		answer_quarter(w, quarters[q], 8, 0);
	publish(w);
	expect_sound(w, "all zeros", PERIOD_NONE, 10);
}

static void all_withheld(void **state)
{
	struct world *w = *state;
	for (size_t q = 0; q < 4; q++) {
		put_returns(w, quarters[q], 2, 8);
		for (int m = 0; m < NMETRICS; m++)
			put_withheld(w, quarters[q], m, 2);
	}
	expect_sound(w, "all withheld", PERIOD_NONE, 10);
}

/* No figures at all for the quarter asked for. */
static void nothing_published(void **state)
{
	struct world *w = *state;
	expect_sound(w, "nothing published", P("2026-Q3"), 3);
}

static void odd_response_counts(void **state)
{
	struct world *w = *state;
	put_returns(w, "2026-Q1", 9, 4);      /* more sent than owed */
	put_returns(w, "2026-Q2", 3, 0);      /* none owed */
	put_returns(w, "2026-Q3", 3, -5);     /* nonsense */
	put_returns(w, "2026-Q4", 0, 7);      /* none sent */
	expect_sound(w, "odd response counts", PERIOD_NONE, 3);
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_response(s, &in), 0);
	expect_scene_ok(s);
	/* 9 of 4 is drawn no higher than 100%, the top of the axis */
	const struct shape *b = nth(s, "bar", 0);
	assert_non_null(b);
	assert_non_null(text_shape(s, "axis", "100%"));
	assert_true(b->y >= top_grid_y(s) - 1e-9);
	scene_free(s);
}

static void wild_spread(void **state)
{
	struct world *w = *state;
	/* one association some 100,000 times the others */
	for (size_t q = 0; q < 4; q++) {
		answer_quarter(w, quarters[q], 7, 1);
		for (int m = 0; m < NMETRICS; m++)
			if (w->cat.metrics[m].kind != KIND_YESNO &&
			    w->cat.metrics[m].parent < 0)
				answer(w, quarters[q], "HX08", m, 5e6);
	}
	publish(w);
	expect_sound(w, "one huge outlier", PERIOD_NONE, 10);
}

static void negatives_and_mixed_signs(void **state)
{
	struct world *w = *state;
	for (size_t q = 0; q < 4; q++) {
		put_median(w, quarters[q], LEAVE, 5, -10 - (double)q, -20, -3);
		put_median(w, quarters[q], PAY, 5, q % 2 ? -1e6 : 1e6, -2e6,
			   2e6);
		put_sum(w, quarters[q], STAFF, 5, -1234);
		put_rate(w, quarters[q], POLICY, 5, -5);
		put_rate(w, quarters[q], CARERS, 5, 250);
		put_returns(w, quarters[q], 5, 8);
		for (int o = 0; o < 5; o++)
			answer(w, quarters[q], w->roster.orgs[o].id, LEAVE,
			       -5.5 * o);
	}
	expect_sound(w, "negatives", PERIOD_NONE, 10);
}

/* A label of 300 characters for every metric, yes/no ones included. */
static char *long_label_catalogue(void)
{
	static const char *const rows[] = {
		"staff,employer,count,,,,,no", "carers,employer,count,staff,,,,yes",
		"policy,employer,yesno,,,,,no", "network,employer,yesno,,,,,no",
		"pathway,paid_carers,yesno,,,,,no", "leave,employer,number,,,,,no",
		"pay,paid_carers,money,,,,,no",
		"wage,paid_carers,percent,,0,100,,no" };
	char label[400] = "";
	while (strlen(label) < 300)
		strcat(label, "Supercalifragilistic accessibility ");
	label[300] = '\0';
	char *csv = malloc(8 * 420 + 100);
	assert_non_null(csv);
	strcpy(csv, "metric,area,kind,of,min,max,better,sensitive,label,"
		    "question\n");
	for (size_t i = 0; i < 8; i++)
		sprintf(csv + strlen(csv), "%s,%.*s%zu,Q\n", rows[i], 298,
			label, i);
	return csv;
}

static void long_labels(void **state)
{
	char *cat = long_label_catalogue();
	struct world *w = world_new(cat, chart_roster_csv);
	free(cat);
	assert_true(strlen(w->cat.metrics[0].label) >= 299);
	for (size_t q = 0; q < 4; q++)
		answer_quarter(w, quarters[q], 8, 1);
	publish(w);
	expect_sound(w, "300-character labels", PERIOD_NONE, 10);
	/* and one word of 300 characters, which cannot wrap */
	world_free(w);
	char word[301];
	memset(word, 'W', 300);
	word[300] = '\0';
	size_t size = sizeof(chart_catalogue_csv) + 8 * 300;
	char *csv = malloc(size);
	assert_non_null(csv);
	snprintf(csv, size,
		 "metric,area,kind,of,min,max,better,sensitive,label,question\n"
		 "staff,employer,count,,,,,no,%s,Q\n"
		 "policy,employer,yesno,,,,,no,%s,Q\n"
		 "leave,employer,number,,,,,no,%s,Q\n", word, word, word);
	w = world_new(csv, chart_roster_csv);
	free(csv);
	for (size_t q = 0; q < 4; q++)
		answer_quarter(w, quarters[q], 8, 1);
	publish(w);
	expect_sound(w, "a 300-letter word", PERIOD_NONE, 5);
	world_free(w);
}

static const char welsh_catalogue_csv[] =
	"metric,area,kind,of,min,max,better,sensitive,label,question\n"
	"staff,employer,count,,,,,no,Gweithwyr Tŷ Glas,Q\n"
	"carers,employer,count,staff,,,,yes,Gweithwyr sy'n ofalwyr (ŵyr ac "
	"wyresau),Q\n"
	"policy,employer,yesno,,,,,no,Polisi ystyriol o ofalwyr – â ê î ô û "
	"ŵ ŷ,Q\n"
	"network,employer,yesno,,,,,no,Rhwydwaith gofalwyr,Q\n"
	"pathway,paid_carers,yesno,,,,,no,Llwybr gyrfa,Q\n"
	"leave,employer,number,,,,,no,Dyddiau o absenoldeb â thâl,Q\n"
	"pay,paid_carers,money,,,,,no,Cyflog fesul awr (£),Q\n"
	"wage,paid_carers,percent,,0,100,,no,Cyflog Byw Gwirioneddol (%),Q\n";

static void welsh_labels(void **state)
{
	struct world *w = world_new(welsh_catalogue_csv, chart_roster_csv);
	for (size_t q = 0; q < 4; q++)
		answer_quarter(w, quarters[q], 8, 1);
	publish(w);
	expect_sound(w, "Welsh labels", PERIOD_NONE, 10);
	struct chart_input in = input_of(w, true);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_trend(s, &in, STAFF), 0);
	assert_non_null(strstr(s->title, "Gweithwyr Tŷ Glas"));
	assert_non_null(text_shape(s, "title", s->title));
	scene_free(s);
	s = scene_new(w);
	assert_int_equal(chart_commitments(s, &in), 0);
	assert_non_null(text_shape(s, "label",
				   "Polisi ystyriol o ofalwyr – â ê î ô û ŵ ŷ"));
	scene_free(s);
	world_free(w);
}

static void many_commitments(void **state)
{
	char *csv = malloc(64 * 30 + 100);
	assert_non_null(csv);
	strcpy(csv, "metric,area,kind,of,min,max,better,sensitive,label,"
		    "question\n");
	for (int i = 0; i < 30; i++)
		sprintf(csv + strlen(csv),
			"c%02d,homes,yesno,,,,,no,Commitment number %d,Q\n", i,
			i);
	struct world *w = world_new(csv, chart_roster_csv);
	free(csv);
	for (size_t q = 0; q < 2; q++)
		answer_quarter(w, quarters[q], 8, 1);
	publish(w);
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_commitments(s, &in), 0);
	expect_scene_ok(s);
	assert_int_equal(count_role(s, "bar"), 30);
	assert_true(s->height > CHART_HEIGHT);
	scene_free(s);
	world_free(w);
}

static void many_organisations(void **state)
{
	char *roster = malloc(600 * 64 + 64);
	assert_non_null(roster);
	strcpy(roster, "org_id,org_name,region,peer_group,joined\n");
	for (int i = 0; i < 600; i++)
		sprintf(roster + strlen(roster),
			"R%03d,Org %d,North,p%d,2020-Q1\n", i, i, i % 4);
	struct world *w = world_new(chart_catalogue_csv, roster);
	free(roster);
	for (size_t q = 2; q < 4; q++)
		for (int o = 0; o < 600; o++) {
			const char *id = w->roster.orgs[o].id;
			/* most answers equal: the dots pile up */
			answer(w, quarters[q], id, LEAVE, o % 10 ? 5 : o);
			answer(w, quarters[q], id, PAY, 10 + (o % 37) / 7.0);
		}
	publish(w);
	expect_sound(w, "600 organisations", PERIOD_NONE, 10);
	world_free(w);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, world_setup, world_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers_that_are_not_figures),
		cmocka_unit_test(numbers_too_large_to_draw),
		cmocka_unit_test(largest_answers_a_return_holds),
		cmocka_unit_test(small_negative_and_zero),
		TEST(one_quarter_only),
		TEST(one_organisation),
		TEST(all_zeros),
		TEST(all_withheld),
		TEST(nothing_published),
		TEST(odd_response_counts),
		TEST(wild_spread),
		TEST(negatives_and_mixed_signs),
		cmocka_unit_test(long_labels),
		cmocka_unit_test(welsh_labels),
		cmocka_unit_test(many_commitments),
		cmocka_unit_test(many_organisations),
	};
	return cmocka_run_group_tests_name("chart robustness", tests, NULL,
					   NULL);
}
