/* Unit tests for chart/scene and chart/fonts: the scene refuses numbers
 * that are not finite, scene_check holds every chart to the canvas, to
 * 8 pt and to text that does not overlap; text colours are readable;
 * labels are measured and cut at character boundaries. */
#include "unit.h"

#include "chart/fonts.h"
#include "chart/layout.h"
#include "chart/scene.h"
#include "model/settings.h"

#include <math.h>

#define ELLIPSIS "\xE2\x80\xA6"

static struct fonts *load_fonts(void)
{
	struct settings set;
	settings_default(&set);
	char why[300] = "";
	struct fonts *f = fonts_load(set.font_regular, set.font_bold, why,
				     sizeof(why));
	settings_free(&set);
	if (!f)
		fail_msg("fonts: %s", why);
	return f;
}

static int fonts_setup(void **state)
{
	*state = load_fonts();
	return *state ? 0 : -1;
}

static int fonts_teardown(void **state)
{
	fonts_free(*state);
	return 0;
}

static const struct rgb ink = { 0, 0, 0 };

/* Whether s is valid UTF-8 (no cut sequences, no stray continuation
 * bytes). */
static int utf8_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1
			: (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : -1;
		if (n < 0)
			return 0;
		for (int i = 1; i <= n; i++)
			if ((p[i] & 0xC0) != 0x80)
				return 0;
		p += n + 1;
	}
	return 1;
}

static void expect_refused(struct scene *s, const struct shape *sh,
			   size_t len_before, const char *what)
{
	if (sh != NULL)
		fail_msg("%s was accepted", what);
	if (!s->bad || !s->why[0])
		fail_msg("%s refused without bad and a reason", what);
	assert_int_equal(s->len, len_before);
	char why[200];
	assert_int_equal(scene_check(s, why, sizeof(why)), -1);
	assert_true(why[0] != '\0');
}

static void adders_refuse_what_is_not_finite(void **state)
{
	static const double bad[] = { NAN, INFINITY, -INFINITY };
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		double b = bad[i];
		for (int which = 0; which < 12; which++) {
			struct scene s;
			scene_init(&s, 480, 270, *state);
			scene_rect(&s, "ok", 1, 1, 5, 5, ink);
			struct point pts[3] = { { 1, 1 }, { 2, 2 }, { 3, 3 } };
			struct shape *sh = NULL;
			switch (which) {
			case 0: sh = scene_rect(&s, "bar", b, 1, 5, 5, ink); break;
			case 1: sh = scene_rect(&s, "bar", 1, 1, b, 5, ink); break;
			case 2: sh = scene_rect(&s, "bar", 1, 1, 5, b, ink); break;
			case 3: pts[1].x = b;
				sh = scene_line(&s, "line", pts, 3, 1, ink); break;
			case 4: sh = scene_line(&s, "line", pts, 3, b, ink); break;
			case 5: pts[2].y = b;
				sh = scene_area(&s, "band", pts, 3, ink); break;
			case 6: sh = scene_dot(&s, "point", b, 5, 3, ink, ink); break;
			case 7: sh = scene_dot(&s, "point", 5, 5, b, ink, ink); break;
			case 8: sh = scene_text(&s, "value", b, 20, "12", 9,
						 WEIGHT_REGULAR, ALIGN_LEFT, ink);
				break;
			case 9: sh = scene_text(&s, "value", 20, b, "12", 9,
						 WEIGHT_REGULAR, ALIGN_LEFT, ink);
				break;
			case 10: sh = scene_text(&s, "value", 20, 20, "12", b,
						  WEIGHT_REGULAR, ALIGN_LEFT, ink);
				break;
			case 11: sh = scene_dot(&s, "point", 5, b, 3, ink, ink); break;
			}
			char what[64];
			snprintf(what, sizeof(what), "case %d with %g", which, b);
			expect_refused(&s, sh, 1, what);
			/* the first reason is kept, and names the role */
			char first[sizeof(s.why)];
			strcpy(first, s.why);
			scene_rect(&s, "other", NAN, 0, 1, 1, ink);
			assert_string_equal(s.why, first);
			scene_free(&s);
		}
	}
}

static void adders_refuse_impossible_sizes(void **state)
{
	struct scene s;
	struct point one = { 5, 5 };
	scene_init(&s, 480, 270, *state);
	expect_refused(&s, scene_rect(&s, "bar", 1, 1, -1, 5, ink), 0,
		       "a rect of negative width");
	scene_free(&s);
	scene_init(&s, 480, 270, *state);
	expect_refused(&s, scene_dot(&s, "point", 5, 5, 0, ink, ink), 0,
		       "a dot of no radius");
	scene_free(&s);
	scene_init(&s, 480, 270, *state);
	expect_refused(&s, scene_line(&s, "line", &one, 1, 1, ink), 0,
		       "a line through one point");
	scene_free(&s);
	scene_init(&s, 480, 270, *state);
	expect_refused(&s, scene_text(&s, "value", 5, 20, "x", 0,
				      WEIGHT_REGULAR, ALIGN_LEFT, ink), 0,
		       "text of size 0");
	scene_free(&s);
}

static void adders_copy_what_they_are_given(void **state)
{
	struct scene s;
	scene_init(&s, 480, 270, *state);
	char text[] = "Tŷ Glas";
	struct point pts[2] = { { 10, 10 }, { 20, 20 } };
	struct shape *t = scene_text(&s, "label", 20, 20, text, 9,
				     WEIGHT_BOLD, ALIGN_LEFT, ink);
	struct shape *l = scene_line(&s, "line", pts, 2, 1, ink);
	assert_non_null(t);
	assert_non_null(l);
	text[0] = 'X';
	pts[0].x = 99;
	assert_string_equal(s.shapes[0].text, "Tŷ Glas");
	assert_true(s.shapes[1].pts[0].x == 10);
	assert_string_equal(s.shapes[0].role, "label");
	char why[200];
	assert_int_equal(scene_check(&s, why, sizeof(why)), 0);
	scene_free(&s);
}

static void check_gives(const struct scene *s, int want, const char *has)
{
	char why[300] = "";
	int got = scene_check(s, why, sizeof(why));
	if (got != want)
		fail_msg("scene_check gave %d ('%s'), want %d", got, why, want);
	if (has && !strstr(why, has))
		fail_msg("scene_check said '%s', want it to say '%s'", why, has);
}

static void check_catches_shapes_outside(void **state)
{
	struct scene s;
	scene_init(&s, 480, 270, *state);
	scene_rect(&s, "bar", 0, 0, 480, 270, ink);
	check_gives(&s, 0, NULL);
	scene_rect(&s, "bar", 470, 10, 11, 5, ink);
	check_gives(&s, -1, "bar");
	scene_free(&s);

	struct {
		const char *what;
		double x, y, w, h;
	} rects[] = {
		{ "left", -1, 10, 5, 5 },
		{ "top", 10, -1, 5, 5 },
		{ "right", 476, 10, 5, 5 },
		{ "bottom", 10, 266, 5, 5 },
	};
	for (size_t i = 0; i < sizeof(rects) / sizeof(*rects); i++) {
		scene_init(&s, 480, 270, *state);
		scene_rect(&s, "bar", rects[i].x, rects[i].y, rects[i].w,
			   rects[i].h, ink);
		check_gives(&s, -1, "outside");
		scene_free(&s);
	}

	scene_init(&s, 480, 270, *state);
	struct point pts[3] = { { 10, 10 }, { 200, 20 }, { 300, 271 } };
	scene_line(&s, "line", pts, 3, 1, ink);
	check_gives(&s, -1, "line");
	scene_free(&s);

	scene_init(&s, 480, 270, *state);
	scene_area(&s, "band", pts, 2, ink);
	check_gives(&s, 0, NULL);
	scene_area(&s, "band", pts, 3, ink);
	check_gives(&s, -1, "band");
	scene_free(&s);

	scene_init(&s, 480, 270, *state);
	scene_dot(&s, "point", 478, 100, 3, ink, ink);
	check_gives(&s, -1, "point");
	scene_free(&s);

	/* text: right-aligned at the left edge hangs off it */
	scene_init(&s, 480, 270, *state);
	scene_text(&s, "axis", 2, 100, "100%", 8, WEIGHT_REGULAR,
		   ALIGN_RIGHT, ink);
	check_gives(&s, -1, "axis");
	scene_free(&s);
	scene_init(&s, 480, 270, *state);
	scene_text(&s, "title", 16, 4, "Title", 12, WEIGHT_BOLD, ALIGN_LEFT,
		   ink);
	check_gives(&s, -1, "title");
	scene_free(&s);
	scene_init(&s, 480, 270, *state);
	scene_text(&s, "value", 470, 100, "12,345", 9, WEIGHT_BOLD,
		   ALIGN_LEFT, ink);
	check_gives(&s, -1, "value");
	scene_free(&s);
}

static void check_catches_small_text(void **state)
{
	struct scene s;
	scene_init(&s, 480, 270, *state);
	scene_text(&s, "note", 100, 100, "small print", 8, WEIGHT_REGULAR,
		   ALIGN_LEFT, ink);
	check_gives(&s, 0, NULL);
	scene_text(&s, "note", 100, 200, "smaller print", 7.9,
		   WEIGHT_REGULAR, ALIGN_LEFT, ink);
	check_gives(&s, -1, "8 pt");
	scene_free(&s);
}

static void check_catches_overlapping_text(void **state)
{
	struct scene s;
	scene_init(&s, 480, 270, *state);
	scene_text(&s, "value", 100, 100, "75% of 12", 9, WEIGHT_BOLD,
		   ALIGN_LEFT, ink);
	scene_text(&s, "value", 100, 130, "25% of 4", 9, WEIGHT_BOLD,
		   ALIGN_LEFT, ink);
	scene_text(&s, "label", 300, 100, "Policy", 9, WEIGHT_REGULAR,
		   ALIGN_LEFT, ink);
	check_gives(&s, 0, NULL);
	/* one line below, but closer than the text is tall */
	scene_text(&s, "quarter", 120, 105, "2026-Q3", 8, WEIGHT_REGULAR,
		   ALIGN_CENTRE, ink);
	check_gives(&s, -1, "overlaps");
	scene_free(&s);

	/* side by side: right-aligned text ending where another starts */
	scene_init(&s, 480, 270, *state);
	scene_text(&s, "a", 200, 100, "left", 9, WEIGHT_REGULAR, ALIGN_RIGHT,
		   ink);
	scene_text(&s, "b", 200, 100, "right", 9, WEIGHT_REGULAR, ALIGN_LEFT,
		   ink);
	check_gives(&s, 0, NULL);
	scene_text(&s, "c", 200, 100, "centre", 9, WEIGHT_REGULAR,
		   ALIGN_CENTRE, ink);
	check_gives(&s, -1, "overlaps");
	scene_free(&s);

	/* shapes other than text may lie under text */
	scene_init(&s, 480, 270, *state);
	scene_rect(&s, "bar", 90, 80, 100, 30, ink);
	scene_text(&s, "value", 100, 100, "75%", 9, WEIGHT_BOLD, ALIGN_LEFT,
		   ink);
	check_gives(&s, 0, NULL);
	scene_free(&s);
}

static void text_box_follows_alignment(void **state)
{
	struct scene s;
	scene_init(&s, 480, 270, *state);
	double w = fonts_width(*state, WEIGHT_REGULAR, "2026-Q3", 8);
	assert_true(w > 10);
	scene_text(&s, "l", 100, 50, "2026-Q3", 8, WEIGHT_REGULAR,
		   ALIGN_LEFT, ink);
	scene_text(&s, "c", 100, 100, "2026-Q3", 8, WEIGHT_REGULAR,
		   ALIGN_CENTRE, ink);
	scene_text(&s, "r", 100, 150, "2026-Q3", 8, WEIGHT_REGULAR,
		   ALIGN_RIGHT, ink);
	double b[3][4];
	for (int i = 0; i < 3; i++)
		shape_text_box(&s, &s.shapes[i], b[i]);
	assert_true(fabs(b[0][0] - 100) < 1e-9 && fabs(b[0][2] - 100 - w) < 1e-9);
	assert_true(fabs(b[1][0] - (100 - w / 2)) < 1e-9);
	assert_true(fabs(b[1][2] - (100 + w / 2)) < 1e-9);
	assert_true(fabs(b[2][2] - 100) < 1e-9 && fabs(b[2][0] - 100 + w) < 1e-9);
	/* the box reaches above and below the baseline */
	assert_true(b[0][1] < 50 && b[0][3] > 50);
	assert_true(b[0][3] - b[0][1] >= 8);
	scene_free(&s);
}

static void text_colours_are_readable(void **state)
{
	assert_true(contrast_ratio(COLOUR_TEXT, COLOUR_WHITE) >= 4.5);
	assert_true(contrast_ratio(COLOUR_MUTED, COLOUR_WHITE) >= 4.5);
	/* the formula itself: black on white is 21, a colour on itself 1 */
	struct rgb black = { 0, 0, 0 };
	assert_true(fabs(contrast_ratio(black, COLOUR_WHITE) - 21) < 1e-9);
	assert_true(fabs(contrast_ratio(COLOUR_WHITE, black) - 21) < 1e-9);
	assert_true(fabs(contrast_ratio(COLOUR_BLUE, COLOUR_BLUE) - 1) < 1e-9);
	/* light grey is not readable text, so the test can tell */
	assert_true(contrast_ratio(COLOUR_GRID, COLOUR_WHITE) < 4.5);
	/* Okabe-Ito, as published */
	assert_int_equal(COLOUR_BLUE.r, 0);
	assert_int_equal(COLOUR_BLUE.g, 114);
	assert_int_equal(COLOUR_BLUE.b, 178);
	assert_int_equal(COLOUR_VERMILION.r, 213);
	assert_int_equal(COLOUR_VERMILION.g, 94);
	assert_int_equal(COLOUR_VERMILION.b, 0);
}

static void widths_measure_welsh(void **state)
{
	struct fonts *f = *state;
	double w = fonts_width(f, WEIGHT_REGULAR, "Tŷ Glas", 10);
	assert_true(w > 0);
	assert_true(w > fonts_width(f, WEIGHT_REGULAR, "T Glas", 10));
	/* ŷ is a glyph of its own in DejaVu Sans, not the missing box */
	double y = fonts_width(f, WEIGHT_REGULAR, "y", 10);
	double yhat = fonts_width(f, WEIGHT_REGULAR, "ŷ", 10);
	double box = fonts_width(f, WEIGHT_REGULAR, "\xEF\xBF\xBF", 10);
	assert_true(fabs(yhat - y) < 1e-9);
	assert_true(fabs(yhat - box) > 1e-6);
	/* scales with size; bold is wider; nothing is 0 wide */
	assert_true(fabs(fonts_width(f, WEIGHT_REGULAR, "Tŷ Glas", 20) - 2 * w)
		    < 1e-9);
	assert_true(fonts_width(f, WEIGHT_BOLD, "Tŷ Glas", 10) > w);
	assert_true(fonts_width(f, WEIGHT_REGULAR, "", 10) == 0);
	/* bad UTF-8 is measured, not a crash */
	assert_true(fonts_width(f, WEIGHT_REGULAR, "\xC3(\xFF\xE2\x82", 10) > 0);
	assert_true(fonts_ascent(f, WEIGHT_REGULAR, 10) > 0);
	assert_true(fonts_descent(f, WEIGHT_REGULAR, 10) > 0);
}

static void fit_cuts_long_labels_at_characters(void **state)
{
	struct fonts *f = *state;
	/* 300 characters, many of them two or three bytes */
	static const char *const chars[] = { "T", "ŷ", " ", "G", "l", "â",
					     "s", " ", "ŵ", "–", "ê", " " };
	char label[1200] = "";
	for (size_t i = 0; i < 300; i++)
		strcat(label, chars[i % 12]);
	assert_true(utf8_valid(label));
	for (double width = 12; width < 470; width += 3.5) {
		char *fit = fonts_fit(f, WEIGHT_REGULAR, label, 9, width);
		size_t n = strlen(fit);
		if (fonts_width(f, WEIGHT_REGULAR, fit, 9) > width + 1e-9)
			fail_msg("'%s' is wider than %g", fit, width);
		if (!utf8_valid(fit))
			fail_msg("fit to %g cut a character: '%s'", width, fit);
		if (n < 3 || strcmp(fit + n - 3, ELLIPSIS) != 0)
			fail_msg("fit to %g has no ellipsis: '%s'", width, fit);
		if (strncmp(fit, label, n - 3) != 0)
			fail_msg("fit to %g is not the label's start", width);
		/* as much as fits: one more character would not */
		assert_true(n - 3 < strlen(label));
		free(fit);
	}
	/* what fits is left alone */
	char *fit = fonts_fit(f, WEIGHT_REGULAR, "Tŷ Glas", 9, 200);
	assert_string_equal(fit, "Tŷ Glas");
	free(fit);
	/* no room at all still gives valid text */
	fit = fonts_fit(f, WEIGHT_REGULAR, label, 9, 1);
	assert_true(utf8_valid(fit));
	free(fit);
}

static void wrap_keeps_words_and_width(void **state)
{
	struct fonts *f = *state;
	char *lines[4];
	const char *text = "Housing-management policies reviewed for their "
			   "impact on disabled residents and carers";
	size_t n = layout_wrap(f, WEIGHT_REGULAR, text, 9, 170, lines, 2);
	assert_int_equal(n, 2);
	for (size_t i = 0; i < n; i++) {
		assert_true(fonts_width(f, WEIGHT_REGULAR, lines[i], 9) <= 170);
		assert_true(utf8_valid(lines[i]));
	}
	assert_int_equal(strncmp(text, lines[0], strlen(lines[0])), 0);
	assert_true(strstr(lines[1], ELLIPSIS) != NULL);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
}

static void fonts_load_names_a_bad_file(void **state)
{
	char why[300] = "";
	struct fonts *f = fonts_load("/nonexistent/font.ttf",
				     "/nonexistent/bold.ttf", why, sizeof(why));
	assert_null(f);
	assert_non_null(strstr(why, "/nonexistent/font.ttf"));
	char *notfont = temp_text("not a font\n");
	f = fonts_load(notfont, notfont, why, sizeof(why));
	assert_null(f);
	assert_non_null(strstr(why, notfont));
	temp_remove(notfont);
}

#define FONTS(f) cmocka_unit_test_setup_teardown(f, fonts_setup, fonts_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		FONTS(adders_refuse_what_is_not_finite),
		FONTS(adders_refuse_impossible_sizes),
		FONTS(adders_copy_what_they_are_given),
		FONTS(check_catches_shapes_outside),
		FONTS(check_catches_small_text),
		FONTS(check_catches_overlapping_text),
		FONTS(text_box_follows_alignment),
		cmocka_unit_test(text_colours_are_readable),
		FONTS(widths_measure_welsh),
		FONTS(fit_cuts_long_labels_at_characters),
		FONTS(wrap_keeps_words_and_width),
		cmocka_unit_test(fonts_load_names_a_bad_file),
	};
	return cmocka_run_group_tests_name("scene", tests, NULL, NULL);
}
