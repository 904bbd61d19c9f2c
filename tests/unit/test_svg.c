/* Unit tests for chart/draw_svg and chart/svgnum: numbers written by
 * hand as printf would round them; every label of a scene is in the SVG
 * as its own glyphs, in order, at FreeType's advances, each glyph defined
 * once with its whole outline; the other shapes are drawn as Cairo draws
 * them; the same scene gives the same bytes whatever was written before. */
#include "unit.h"

#include "base/text.h"
#include "chart/draw_svg.h"
#include "chart/svgnum.h"
#include "model/settings.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H

#include <math.h>

static const struct rgb ink = { 34, 34, 34 };

static void expect_num(double v, int decimals, const char *want)
{
	struct buf b = BUF_INIT;
	svgnum_add(&b, v, decimals);
	if (strcmp(b.s, want) != 0)
		fail_msg("svgnum_add(%.17g, %d) = '%s', want '%s'", v, decimals,
			 b.s, want);
	buf_free(&b);
}

static void numbers_are_short_and_exact(void **state)
{
	expect_num(0, 3, "0");
	expect_num(-0.0, 3, "0");
	expect_num(-0.0004, 3, "0");
	expect_num(12.5, 3, "12.5");
	expect_num(-3, 3, "-3");
	expect_num(310.839844, 3, "310.84");
	expect_num(0.1 + 0.2, 3, "0.3");
	expect_num(58.28125, 3, "58.281");
	expect_num(0.0625, 3, "0.062");   /* ties to even, as printf */
	expect_num(9.0 / 2048, 12, "0.00439453125");
	expect_num(-12.0 / 2048, 12, "-0.005859375");
	expect_num(999.9996, 3, "1000");
	expect_num(480, 0, "480");
	expect_num(2.5, 0, "2");        /* ties to even, as printf */
	expect_num(1e7, 3, "10000000.000");
	struct buf b = BUF_INIT;
	svgnum_add_int(&b, -1234);
	svgnum_add_int(&b, 0);
	svgnum_add_int(&b, 56);
	assert_string_equal(b.s, "-1234056");
	buf_free(&b);
}

/* svgnum agrees with printf's %.3f for many coordinates. */
static void numbers_agree_with_printf(void **state)
{
	for (int i = -200000; i <= 200000; i += 7) {
		double v = i / 256.0 + i * 1e-7;
		char want[64];
		snprintf(want, sizeof(want), "%.3f", v);
		/* printf's form, trailing zeros and a lone "-0" dropped */
		char *dot = strchr(want, '.');
		char *end = want + strlen(want);
		while (end > dot + 1 && end[-1] == '0')
			*--end = '\0';
		if (end == dot + 1)
			*dot = '\0';
		if (!strcmp(want, "-0"))
			strcpy(want, "0");
		expect_num(v, 3, want);
	}
}

static int fonts_setup(void **state)
{
	struct settings set;
	settings_default(&set);
	char why[300] = "";
	*state = fonts_load(set.font_regular, set.font_bold, why, sizeof(why));
	settings_free(&set);
	if (!*state)
		fail_msg("fonts: %s", why);
	return *state ? 0 : -1;
}

static int fonts_teardown(void **state)
{
	fonts_free(*state);
	return 0;
}

/* A scene with every kind of shape, and labels with capitals, digits,
 * punctuation, a space, Welsh and a character DejaVu lacks. */
static void make_scene(struct scene *s, const struct fonts *f,
		       const char *extra)
{
	scene_init(s, 480, 190, f);
	scene_text(s, "title", 16, 30, "Signatories meeting each commitment",
		   14, WEIGHT_BOLD, ALIGN_LEFT, ink);
	scene_text(s, "label", 16, 60, "T\xC5\xB7 Glas Housing: 62.5%", 9,
		   WEIGHT_REGULAR, ALIGN_LEFT, ink);
	scene_text(s, "value", 460, 90, "\xE4\xB8\x80 \xE2\x80\x93 \xC2\xA3"
		   "12,345", 10, WEIGHT_REGULAR, ALIGN_RIGHT, COLOUR_MUTED);
	scene_text(s, "blank", 240, 120, "   ", 9, WEIGHT_REGULAR,
		   ALIGN_CENTRE, ink);
	if (extra)
		scene_text(s, "extra", 240, 150, extra, 12, WEIGHT_BOLD,
			   ALIGN_CENTRE, ink);
	scene_rect(s, "bar", 194, 158.28125, 119.6015625, 14, COLOUR_BLUE);
	struct point pts[3] = { { 20, 180 }, { 100, 170.5 }, { 200, 175 } };
	struct shape *line = scene_line(s, "line", pts, 3, 1.5, COLOUR_ORANGE);
	line->dashed = true;
	scene_area(s, "band", pts, 3, COLOUR_BAND);
	scene_dot(s, "point", 300, 175, 3, COLOUR_BLUE, COLOUR_WHITE);
}

static char *svg_of(const struct scene *s)
{
	struct buf out = BUF_INIT;
	char why[200] = "";
	if (scene_svg(s, &out, why, sizeof(why)) < 0)
		fail_msg("scene_svg: %s", why);
	return buf_detach(&out);
}

/* The next text group after *at, which moves past it; NULL at the end. */
static const char *next_group(const char **at)
{
	const char *g = strstr(*at, "<g fill=");
	if (g)
		*at = g + 1;
	return g;
}

/* Checks that glyph id is defined exactly once in svg, with an outline
 * of as many closed contours as FreeType's. */
static void expect_defined(const char *svg, FT_Face face, const char *id,
			   unsigned index)
{
	char key[64];
	snprintf(key, sizeof(key), "<path id=\"%s\" d=\"", id);
	const char *def = strstr(svg, key);
	if (!def)
		fail_msg("glyph %s is used but not defined", id);
	if (strstr(def + 1, key))
		fail_msg("glyph %s is defined twice", id);
	assert_int_equal(FT_Load_Glyph(face, index, FT_LOAD_NO_SCALE |
				       FT_LOAD_NO_HINTING), 0);
	const char *d = def + strlen(key);
	assert_int_equal(d[0], 'M');
	int closed = 0;
	for (; *d != '"'; d++)
		closed += *d == 'Z';
	assert_int_equal(closed, face->glyph->outline.n_contours);
}

/* Checks one text shape's group: its place and scale, and a <use> per
 * visible character, in order, each at the advances before it. */
static void expect_label(const char *svg, const char *group,
			 const struct shape *t, FT_Face face)
{
	double k, k2, x, y;
	const char *m = strstr(group, "matrix(");
	assert_non_null(m);
	assert_int_equal(sscanf(m, "matrix(%lf 0 0 %lf %lf %lf)", &k, &k2, &x,
				&y), 4);
	assert_true(fabs(k - t->size / face->units_per_EM) < 1e-12);
	assert_true(k2 == -k);
	assert_true(fabs(x - t->box[0]) < 0.0005);
	assert_true(fabs(y - t->y) < 0.0005);
	const char *end = strstr(group, "</g>");
	assert_non_null(end);
	const char *use = group;
	long advance = 0;
	char prefix = t->weight == WEIGHT_BOLD ? 'b' : 'r';
	for (const char *p = t->text; *p;) {
		unsigned index = FT_Get_Char_Index(face, utf8_next(&p));
		FT_Fixed adv = 0;
		assert_int_equal(FT_Get_Advance(face, index, FT_LOAD_NO_SCALE,
						&adv), 0);
		assert_int_equal(FT_Load_Glyph(face, index, FT_LOAD_NO_SCALE), 0);
		if (face->glyph->outline.n_contours > 0) {
			use = strstr(use, "<use xlink:href=\"#");
			if (!use || use > end)
				fail_msg("'%s': a glyph is missing", t->text);
			use += strlen("<use xlink:href=\"#");
			char id[40], want[48];
			long at = 0;
			int n = sscanf(use, "%39[^\"]\" x=\"%ld\"", id, &at);
			assert_true(n >= 1);
			snprintf(want, sizeof(want), "chart-%c%u", prefix,
				 index);
			assert_string_equal(id, want);
			assert_int_equal(at, advance);
			expect_defined(svg, face, id, index);
		}
		advance += adv;
	}
	use = strstr(use, "<use ");
	if (use && use < end)
		fail_msg("'%s': more glyphs than characters", t->text);
}

static void every_label_is_drawn_in_its_glyphs(void **state)
{
	struct scene s;
	make_scene(&s, *state, "Carers' network: 100% of 8");
	char *svg = svg_of(&s);
	const char *at = svg;
	for (size_t i = 0; i < s.len; i++) {
		const struct shape *t = &s.shapes[i];
		if (t->kind != SHAPE_TEXT || !strcmp(t->role, "blank"))
			continue;
		const char *group = next_group(&at);
		if (!group)
			fail_msg("the %s '%s' is not drawn", t->role, t->text);
		expect_label(svg, group, t, fonts_ft_face(*state, t->weight));
	}
	assert_null(next_group(&at));
	free(svg);
	scene_free(&s);
}

static void shapes_are_drawn_as_cairo_draws_them(void **state)
{
	struct scene s;
	make_scene(&s, *state, NULL);
	char *svg = svg_of(&s);
	assert_true(!strncmp(svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			     "<svg ", 44));
	static const char *const want[] = {
		"width=\"480pt\" height=\"190pt\" viewBox=\"0 0 480 190\"",
		"<rect width=\"480\" height=\"190\" fill=\"#ffffff\"/>",
		"<rect x=\"194\" y=\"158.281\" width=\"119.602\" height=\"14\" "
		"fill=\"#0072b2\"/>",
		"<path fill=\"none\" stroke=\"#e69f00\" stroke-width=\"1.5\" "
		"stroke-linecap=\"round\" stroke-linejoin=\"round\" "
		"stroke-dasharray=\"3 2\" d=\"M20 180L100 170.5L200 175\"/>",
		"<path fill=\"#c6e2f4\" d=\"M20 180L100 170.5L200 175Z\"/>",
		"<circle cx=\"300\" cy=\"175\" r=\"3\" fill=\"#0072b2\" "
		"stroke=\"#ffffff\" stroke-width=\"1\"/>",
		"<g fill=\"#595959\"",
	};
	for (size_t i = 0; i < sizeof(want) / sizeof(*want); i++)
		if (!strstr(svg, want[i]))
			fail_msg("no %s in the SVG", want[i]);
	size_t len = strlen(svg);
	assert_string_equal(svg + len - 7, "</svg>\n");
	free(svg);
	scene_free(&s);
}

/* The text is drawn as outlines, so the title and the reading are also
 * given as the picture's accessible name and description, escaped; the
 * language is en-GB, and every id starts with the chart's name, so
 * charts share no id when several sit in one HTML page. */
static void title_and_reading_are_read_out(void **state)
{
	struct scene s;
	make_scene(&s, *state, NULL);
	scene_set_name(&s, "trend-pay rate");
	scene_set_title(&s, "Pay & hours <2026-Q1>");
	scene_set_reading(&s, "The median rose\tfrom 12% to 15%.");
	char *svg = svg_of(&s);
	static const char *const want[] = {
		" xml:lang=\"en-GB\" role=\"img\" "
		"aria-labelledby=\"trend-pay-rate-title\" "
		"aria-describedby=\"trend-pay-rate-reading\">\n",
		"<title id=\"trend-pay-rate-title\">Pay &amp; hours "
		"&lt;2026-Q1&gt;</title>\n",
		"<desc id=\"trend-pay-rate-reading\">The median rose from 12% "
		"to 15%.</desc>\n",
	};
	for (const char *id = strstr(svg, " id=\""); id;
	     id = strstr(id + 1, " id=\""))
		if (strncmp(id + 5, "trend-pay-rate-", 15))
			fail_msg("an id without the chart's name: %.30s", id);
	for (size_t i = 0; i < sizeof(want) / sizeof(*want); i++)
		if (!strstr(svg, want[i]))
			fail_msg("no %s in the SVG", want[i]);
	free(svg);
	scene_free(&s);
}

static void same_scene_same_bytes(void **state)
{
	struct scene a, other;
	make_scene(&a, *state, NULL);
	char *first = svg_of(&a);
	/* Another scene in between loads and marks other glyphs. */
	make_scene(&other, *state, "Quarterly: WXYZ {}[] \xC3\xA9\xC3\xA8");
	char *between = svg_of(&other);
	char *second = svg_of(&a);
	assert_string_equal(first, second);
	assert_true(strcmp(first, between) != 0);
	free(first);
	free(between);
	free(second);
	scene_free(&a);
	scene_free(&other);
}

static void files_are_whole_or_absent(void **state)
{
	struct scene s;
	make_scene(&s, *state, NULL);
	char *svg = svg_of(&s);
	char dir[] = "/tmp/pledge-svg-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[300], why[300] = "";
	snprintf(path, sizeof(path), "%s/chart.svg", dir);
	assert_int_equal(scene_write_svg(&s, path, why, sizeof(why)), 0);
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	size_t len = strlen(svg);
	char *got = malloc(len + 2);
	assert_int_equal(fread(got, 1, len + 1, fp), len);
	fclose(fp);
	assert_memory_equal(got, svg, len);
	free(got);
	unlink(path);
	/* A refused scene writes nothing. */
	scene_text(&s, "tiny", 20, 130, "x", 6, WEIGHT_REGULAR, ALIGN_LEFT,
		   ink);
	assert_int_equal(scene_write_svg(&s, path, why, sizeof(why)), -1);
	if (!strstr(why, "under 8 pt"))
		fail_msg("refused for: %s", why);
	assert_int_equal(access(path, F_OK), -1);
	snprintf(path, sizeof(path), "%s/missing/chart.svg", dir);
	scene_free(&s);
	make_scene(&s, *state, NULL);
	assert_int_equal(scene_write_svg(&s, path, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "cannot write"));
	assert_int_equal(rmdir(dir), 0);
	free(svg);
	scene_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers_are_short_and_exact),
		cmocka_unit_test(numbers_agree_with_printf),
		cmocka_unit_test(every_label_is_drawn_in_its_glyphs),
		cmocka_unit_test(shapes_are_drawn_as_cairo_draws_them),
		cmocka_unit_test(title_and_reading_are_read_out),
		cmocka_unit_test(same_scene_same_bytes),
		cmocka_unit_test(files_are_whole_or_absent),
	};
	return cmocka_run_group_tests_name("svg", tests, fonts_setup,
					   fonts_teardown);
}
