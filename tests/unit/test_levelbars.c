/* Unit tests for chart/levelbars: a bar per level as long as its share
 * of the signatories that answered, no bar and "[c]" for a withheld
 * count, and a scene that passes the checks every chart must. */
#include "unit.h"

#include "chart/levelbars.h"
#include "chart/charts.h"
#include "model/settings.h"

#include <math.h>

static struct fonts *fonts;

static int setup(void **state)
{
	struct settings set;
	settings_default(&set);
	char why[300] = "";
	fonts = fonts_load(set.font_regular, set.font_bold, why, sizeof(why));
	settings_free(&set);
	return fonts ? 0 : -1;
}

static int teardown(void **state)
{
	fonts_free(fonts);
	return 0;
}

static const char *const names[] = { "No level yet", "Active",
	"Accomplished", "Ambassador" };

static size_t count_role(const struct scene *s, const char *role,
			 const struct shape **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < s->len; i++)
		if (!strcmp(s->shapes[i].role, role)) {
			if (n < max)
				out[n] = &s->shapes[i];
			n++;
		}
	return n;
}

static void bars_are_shares_of_those_that_answered(void **state)
{
	size_t counts[] = { 3, 6, 0, 3 };
	bool withheld[] = { false, false, false, false };
	struct level_bars lb = { "As employers: commitment levels, 2026-Q3",
				 names, counts, withheld, 4, 12, "2026-Q3" };
	struct scene s;
	scene_init(&s, CHART_WIDTH, CHART_HEIGHT, fonts);
	assert_int_equal(chart_levels(&s, &lb), 0);
	char why[200];
	if (scene_check(&s, why, sizeof(why)) < 0)
		fail_msg("%s", why);
	const struct shape *bars[4], *tracks[4], *values[4];
	assert_int_equal(count_role(&s, "bar", bars, 4), 3);
	assert_int_equal(count_role(&s, "track", tracks, 4), 4);
	assert_int_equal(count_role(&s, "value", values, 4), 4);
	double full = tracks[0]->w;
	assert_true(fabs(bars[0]->w - full / 4) < 1e-9);
	assert_true(fabs(bars[1]->w - full / 2) < 1e-9);
	assert_true(fabs(bars[2]->w - full / 4) < 1e-9);
	assert_string_equal(values[1]->text, "6 of 12");
	assert_string_equal(values[2]->text, "0 of 12");
	assert_string_equal(s.reading, "Of the 12 signatories with a return "
			    "for 2026-Q3: No level yet 3 of 12, Active 6 of 12, "
			    "Accomplished 0 of 12, Ambassador 3 of 12.");
	scene_free(&s);
}

static void withheld_counts_draw_no_bar(void **state)
{
	size_t counts[] = { 2, 7, 3, 0 };
	bool withheld[] = { true, false, true, false };
	struct level_bars lb = { "As employers: commitment levels, 2026-Q3",
				 names, counts, withheld, 4, 12, "2026-Q3" };
	struct scene s;
	scene_init(&s, CHART_WIDTH, CHART_HEIGHT, fonts);
	assert_int_equal(chart_levels(&s, &lb), 0);
	const struct shape *bars[4], *values[4];
	assert_int_equal(count_role(&s, "bar", bars, 4), 1);
	assert_int_equal(count_role(&s, "value", values, 4), 4);
	assert_string_equal(values[0]->text, "[c]");
	assert_string_equal(values[2]->text, "[c]");
	for (size_t i = 0; i < s.len; i++)
		if (s.shapes[i].text && strstr(s.shapes[i].text, "2 of"))
			fail_msg("a withheld count is shown: %s",
				 s.shapes[i].text);
	assert_non_null(strstr(s.reading, "No level yet [c], Active 7 of 12, "
			       "Accomplished [c], Ambassador 0 of 12. [c]: "
			       "withheld to protect confidentiality."));
	scene_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bars_are_shares_of_those_that_answered),
		cmocka_unit_test(withheld_counts_draw_no_bar),
	};
	return cmocka_run_group_tests_name("levelbars", tests, setup,
					   teardown);
}
