/* Unit tests for report/pdf and report/draw_hpdf: documents whose text
 * comes back exactly through pdftotext, with embedded fonts, bookmarks
 * and document information; that poppler and qpdf read without a
 * warning; the same bytes every time; refused numbers and failed saves
 * that leave no file (SPEC §8). The checks go through poppler-utils and
 * qpdf, as a reader of the report would. */
#include "chartworld.h"
#include "shell.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "base/buf.h"
#include "report/draw_hpdf.h"
#include "report/pdf.h"
#include "report/subset.h"

#define WELSH "T\xC5\xB7 Glas"           /* Tŷ Glas */
#define POUNDS "\xC2\xA3" "12.10"        /* £12.10 */
#define EN_DASH "\xE2\x80\x93"
#define APOSTROPHE "\xE2\x80\x99"
#define DATE 1767225600                  /* 2026-01-01T00:00:00Z */

struct fixture {
	struct world *w;
	char dir[64];
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	if (!f)
		return -1;
	f->w = world_new(chart_catalogue_csv, chart_roster_csv);
	strcpy(f->dir, "/tmp/pledge-pdf-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	pdf_release();
	DIR *dp = opendir(f->dir);
	struct dirent *e;
	while (dp && (e = readdir(dp))) {
		char p[512];
		snprintf(p, sizeof(p), "%s/%s", f->dir, e->d_name);
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			unlink(p);
	}
	if (dp)
		closedir(dp);
	rmdir(f->dir);
	world_free(f->w);
	free(f);
	return 0;
}

/* f's folder/name, in new memory. */
static char *in_dir(const struct fixture *f, const char *name)
{
	struct buf b = BUF_INIT;
	buf_addf(&b, "%s/%s", f->dir, name);
	return buf_detach(&b);
}


static const struct pdf_info info = {
	.title = "Report card: " WELSH " Housing",
	.author = "The Carers" APOSTROPHE " Pledge",
	.subject = "2026-Q1",
	.creator = "pledge-report",
	.date = DATE,
};

static struct pdf *new_pdf(const struct world *w)
{
	char why[300] = "";
	struct pdf *p = pdf_new(w->set.font_regular, w->set.font_bold, &info,
				why, sizeof(why));
	if (!p)
		fail_msg("pdf_new: %s", why);
	return p;
}

/* A trend chart of the median with its quartile band and a withheld
 * quarter: rects, lines, an area, dots and text. The world keeps it. */
static struct scene *trend_scene(struct world *w)
{
	if (w->agg.len == 0) {
		put_median(w, "2025-Q2", PAY, 6, 11.2, 10.5, 12.0);
		put_median(w, "2025-Q3", PAY, 6, 11.6, 10.9, 12.4);
		put_withheld(w, "2025-Q4", PAY, 2);
		put_median(w, "2026-Q1", PAY, 7, 12.1, 11.4, 12.9);
	}
	struct chart_input in = input_of(w, false);
	struct scene *s = scene_new(w);
	assert_int_equal(chart_trend(s, &in, PAY), 0);
	return s;
}

/* A report card's bones: text in both weights, every alignment, a chart,
 * a second page, bookmarks and "Page N of M" added at the end. */
static struct pdf *card(struct world *w)
{
	struct pdf *p = new_pdf(w);
	struct rgb ink = COLOUR_TEXT;
	assert_int_equal(pdf_add_page(p), 1);
	assert_int_equal(pdf_text(p, 56, 80, WELSH " Housing", 20,
				  WEIGHT_BOLD, ALIGN_LEFT, ink), 0);
	assert_int_equal(pdf_text(p, 56, 110, "Median hourly pay " POUNDS,
				  11, WEIGHT_REGULAR, ALIGN_LEFT, ink), 0);
	assert_int_equal(pdf_text(p, 540, 110, "[c]", 11, WEIGHT_REGULAR,
				  ALIGN_RIGHT, ink), 0);
	assert_int_equal(pdf_text(p, 300, 130, EN_DASH " not answered", 11,
				  WEIGHT_REGULAR, ALIGN_CENTRE, ink), 0);
	assert_int_equal(pdf_text(p, 56, 150, "The association" APOSTROPHE
				  "s own trend", 11, WEIGHT_REGULAR,
				  ALIGN_LEFT, ink), 0);
	char why[300] = "";
	if (scene_draw_pdf(trend_scene(w), p, 56, 180, 480, why,
			   sizeof(why)) != 0)
		fail_msg("scene_draw_pdf: %s", why);
	assert_int_equal(pdf_add_page(p), 2);
	assert_int_equal(pdf_text(p, 56, 80, "Commitments met", 14,
				  WEIGHT_BOLD, ALIGN_LEFT, ink), 0);
	int top = pdf_outline(p, -1, WELSH " Housing", 1, 60);
	assert_int_equal(top, 0);
	assert_int_equal(pdf_outline(p, top, "Commitments", 2, 60), 1);
	for (int n = 1; n <= 2; n++) {
		char foot[40];
		snprintf(foot, sizeof(foot), "Page %d of %d", n,
			 pdf_page_count(p));
		assert_int_equal(pdf_use_page(p, n), 0);
		assert_int_equal(pdf_text(p, PDF_PAGE_WIDTH / 2, 810, foot, 9,
					  WEIGHT_REGULAR, ALIGN_CENTRE,
					  COLOUR_MUTED), 0);
	}
	assert_null(pdf_error(p));
	return p;
}

static char *save_card(struct fixture *f, const char *name)
{
	struct pdf *p = card(f->w);
	char *path = in_dir(f, name), why[300] = "";
	if (pdf_save(p, path, 0600, why, sizeof(why)) != 0)
		fail_msg("pdf_save: %s", why);
	pdf_free(p);
	return path;
}

static void text_comes_back_through_pdftotext(void **state)
{
	char *path = save_card(*state, "card.pdf");
	struct ran r;
	run(&r, "pdftotext -layout '%s' -", path);
	expect_quiet(&r, "pdftotext");
	expect_in(r.out.s, WELSH " Housing", "pdftotext");
	expect_in(r.out.s, "Median hourly pay " POUNDS, "pdftotext");
	expect_in(r.out.s, "[c]", "pdftotext");
	expect_in(r.out.s, EN_DASH " not answered", "pdftotext");
	expect_in(r.out.s, "association" APOSTROPHE "s", "pdftotext");
	expect_in(r.out.s, "Page 2 of 2", "pdftotext");
	/* the chart's labels are text too */
	expect_in(r.out.s, "2026-Q1", "pdftotext");
	ran_free(&r);
	free(path);
}

static void fonts_are_embedded(void **state)
{
	char *path = save_card(*state, "card.pdf");
	struct ran r;
	run(&r, "pdffonts '%s'", path);
	expect_quiet(&r, "pdffonts");
	/* name, type (2 words), encoding, emb, sub, uni, object id */
	int fonts = 0;
	for (char *line = strtok(r.out.s, "\n"); line;
	     line = strtok(NULL, "\n")) {
		char name[128], emb[8], sub[8], uni[8];
		if (sscanf(line, "%127s CID TrueType Identity-H %7s %7s %7s",
			   name, emb, sub, uni) != 4)
			continue;
		fonts++;
		if (strcmp(emb, "yes") || strcmp(uni, "yes"))
			fail_msg("font not embedded with a Unicode map: %s",
				 line);
	}
	assert_int_equal(fonts, 2);
	ran_free(&r);
	free(path);
}

static void readers_print_no_warnings(void **state)
{
	struct fixture *f = *state;
	char *path = save_card(f, "card.pdf");
	char *png = in_dir(f, "page");
	struct ran r;
	run(&r, "pdfinfo '%s'", path);
	expect_quiet(&r, "pdfinfo");
	ran_free(&r);
	run(&r, "pdftotext '%s' /dev/null", path);
	expect_quiet(&r, "pdftotext");
	ran_free(&r);
	run(&r, "pdftoppm -r 30 -png '%s' '%s'", path, png);
	expect_quiet(&r, "pdftoppm");
	ran_free(&r);
	run(&r, "qpdf --check '%s'", path);
	expect_quiet(&r, "qpdf --check");
	ran_free(&r);
	free(png);
	free(path);
}

static void document_says_what_it_is(void **state)
{
	char *path = save_card(*state, "card.pdf");
	struct ran r;
	run(&r, "pdfinfo -isodates '%s'", path);
	expect_quiet(&r, "pdfinfo");
	expect_in(r.out.s, "Title:           Report card: " WELSH " Housing",
		  "pdfinfo");
	expect_in(r.out.s, "Author:          The Carers" APOSTROPHE " Pledge",
		  "pdfinfo");
	expect_in(r.out.s, "Subject:         2026-Q1", "pdfinfo");
	expect_in(r.out.s, "Creator:         pledge-report", "pdfinfo");
	expect_in(r.out.s, "CreationDate:    2026-01-01T00:00:00Z", "pdfinfo");
	expect_in(r.out.s, "ModDate:         2026-01-01T00:00:00Z", "pdfinfo");
	expect_in(r.out.s, "Pages:           2", "pdfinfo");
	expect_in(r.out.s, "Page size:       595.276 x 841.89 pts (A4)",
		  "pdfinfo");
	ran_free(&r);
	free(path);
}

static void bookmarks_point_at_pages(void **state)
{
	char *path = save_card(*state, "card.pdf");
	struct ran r;
	run(&r, "qpdf --json --json-key=outlines '%s'", path);
	expect_quiet(&r, "qpdf --json");
	/* qpdf writes non-ASCII titles as \u escapes */
	expect_in(r.out.s, "\"title\": \"" WELSH " Housing\"", "outlines");
	expect_in(r.out.s, "\"title\": \"Commitments\"", "outlines");
	char *first = strstr(r.out.s, "\"destpageposfrom1\": 1");
	char *second = strstr(r.out.s, "\"destpageposfrom1\": 2");
	if (!first || !second || second < first)
		fail_msg("bookmarks do not open pages 1 and 2:\n%s", r.out.s);
	ran_free(&r);
	free(path);
}

static int same_file(const char *a, const char *b)
{
	struct ran r;
	run(&r, "cmp -s '%s' '%s'", a, b);
	int same = WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0;
	ran_free(&r);
	return same;
}

static void same_input_same_bytes(void **state)
{
	struct fixture *f = *state;
	char *one = save_card(f, "one.pdf");
	struct pdf *p = card(f->w);
	char *two = in_dir(f, "two.pdf"), *three = in_dir(f, "three.pdf");
	char why[300];
	assert_int_equal(pdf_save(p, two, 0644, why, sizeof(why)), 0);
	assert_int_equal(pdf_save(p, three, 0644, why, sizeof(why)), 0);
	pdf_free(p);
	if (!same_file(one, two))
		fail_msg("two builds of one document differ");
	if (!same_file(two, three))
		fail_msg("saving one document twice gave different bytes");
	free(one);
	free(two);
	free(three);
}

/* pdf_free keeps libharu's workspace for the next document: what one
 * document set (other characters, more pages, a failure) must not show
 * in the next. */
static void documents_after_another_are_as_the_first(void **state)
{
	struct fixture *f = *state;
	pdf_release();
	char *one = save_card(f, "one.pdf");
	struct pdf *p = new_pdf(f->w);
	for (int n = 1; n <= 3; n++) {
		assert_int_equal(pdf_add_page(p), n);
		assert_int_equal(pdf_text(p, 56, 80, "Quixotic jackdaws " WELSH
					  " 0123456789 %&@", 14, WEIGHT_BOLD,
					  ALIGN_LEFT, COLOUR_TEXT), 0);
	}
	char *other = in_dir(f, "other.pdf"), why[300];
	assert_int_equal(pdf_save(p, other, 0644, why, sizeof(why)), 0);
	pdf_free(p);
	char *two = save_card(f, "two.pdf");
	p = new_pdf(f->w);
	assert_int_equal(pdf_add_page(p), 1);
	assert_int_equal(pdf_rect(p, NAN, 10, 10, 10, COLOUR_TEXT), -1);
	pdf_free(p);
	char *three = save_card(f, "three.pdf");
	if (!same_file(one, two))
		fail_msg("a document made after another differs from the "
			 "same document made first");
	if (!same_file(one, three))
		fail_msg("a document made after a failed one differs");
	free(one);
	free(other);
	free(two);
	free(three);
}

static void mode_is_the_callers(void **state)
{
	struct fixture *f = *state;
	char *path = save_card(f, "card.pdf");
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	free(path);
}

/* Fails unless p has failed with a reason holding want, and saving it
 * leaves no file. */
static void expect_failed(struct fixture *f, struct pdf *p, const char *want)
{
	char *path = in_dir(f, "bad.pdf"), msg[400] = "";
	assert_int_equal(pdf_save(p, path, 0644, msg, sizeof(msg)), -1);
	const char *why = pdf_error(p);
	if (!why || !strstr(why, want))
		fail_msg("failed for [%s], want [%s]", why ? why : "nothing",
			 want);
	expect_in(msg, path, "the message");
	expect_in(msg, want, "the message");
	assert_int_equal(access(path, F_OK), -1);
	/* nothing at all was left in the folder */
	int left = 0;
	DIR *dp = opendir(f->dir);
	for (struct dirent *e; (e = readdir(dp));)
		left += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(dp);
	assert_int_equal(left, 0);
	free(path);
}

static void numbers_that_are_not_numbers_are_refused(void **state)
{
	struct fixture *f = *state;
	struct rgb ink = COLOUR_TEXT;
	for (int which = 0; which < 7; which++) {
		struct pdf *p = new_pdf(f->w);
		assert_int_equal(pdf_add_page(p), 1);
		struct point pts[] = { { 10, 10 }, { NAN, 20 } };
		int ret = which == 0 ? pdf_rect(p, NAN, 10, 10, 10, ink)
			: which == 1 ? pdf_rect(p, 10, 10, INFINITY, 10, ink)
			: which == 2 ? pdf_text(p, 10, NAN, "x", 10,
						WEIGHT_REGULAR, ALIGN_LEFT, ink)
			: which == 3 ? pdf_polyline(p, pts, 2, 1, NULL, ink)
			: which == 4 ? pdf_circle(p, 10, 10, NAN, &ink, NULL, 1)
			: which == 5 ? pdf_rect(p, 1e6, 10, 10, 10, ink)
			: pdf_outline(p, -1, "x", 1, -INFINITY);
		assert_int_equal(ret, -1);
		/* and later drawing is refused as well */
		assert_int_equal(pdf_rect(p, 1, 1, 1, 1, ink), -1);
		expect_failed(f, p, "not a usable number");
		pdf_free(p);
	}
}

static void chart_placed_at_nan_is_refused(void **state)
{
	struct fixture *f = *state;
	struct pdf *p = new_pdf(f->w);
	assert_int_equal(pdf_add_page(p), 1);
	struct scene *s = trend_scene(f->w);
	char why[300] = "";
	assert_int_equal(scene_draw_pdf(s, p, NAN, 10, 400, why, sizeof(why)),
			 -1);
	assert_true(why[0] != '\0');
	assert_int_equal(scene_draw_pdf(s, p, 10, 10, 0, why, sizeof(why)),
			 -1);
	pdf_free(p);
}

static void other_misuse_is_refused(void **state)
{
	struct fixture *f = *state;
	struct rgb ink = COLOUR_TEXT;
	struct pdf *p = new_pdf(f->w);
	assert_int_equal(pdf_rect(p, 1, 1, 1, 1, ink), -1);
	expect_failed(f, p, "before any page");
	pdf_free(p);
	p = new_pdf(f->w);
	expect_failed(f, p, "no page");
	pdf_free(p);
	p = new_pdf(f->w);
	assert_int_equal(pdf_add_page(p), 1);
	assert_int_equal(pdf_use_page(p, 2), -1);
	expect_failed(f, p, "no page 2");
	pdf_free(p);
	p = new_pdf(f->w);
	assert_int_equal(pdf_add_page(p), 1);
	assert_int_equal(pdf_text(p, 1, 1, "x", 0, WEIGHT_REGULAR, ALIGN_LEFT,
				  ink), -1);
	expect_failed(f, p, "a size of 0 points");
	pdf_free(p);
}

static void missing_folder_fails_and_leaves_nothing(void **state)
{
	struct fixture *f = *state;
	struct pdf *p = card(f->w);
	char *path = in_dir(f, "no/such/card.pdf"), why[400] = "";
	assert_int_equal(pdf_save(p, path, 0600, why, sizeof(why)), -1);
	expect_in(why, path, "the message");
	expect_in(why, strerror(ENOENT), "the message");
	assert_int_equal(access(path, F_OK), -1);
	pdf_free(p);
	free(path);
}

static void font_that_is_not_truetype_is_named(void **state)
{
	struct fixture *f = *state;
	char *junk = temp_text("not a font\n"), why[400] = "";
	struct pdf *p = pdf_new(f->w->set.font_regular, junk, &info, why,
				sizeof(why));
	assert_null(p);
	expect_in(why, junk, "the message");
	expect_in(why, "TrueType", "the message");
	temp_remove(junk);
	/* an OpenType font with CFF outlines, and a cut TrueType font:
	 * libharu 2.3.0 would crash on the second */
	char otto[64] = "OTTO";
	junk = temp_write(otto, sizeof(otto));
	p = pdf_new(junk, f->w->set.font_bold, &info, why, sizeof(why));
	assert_null(p);
	expect_in(why, "CFF", "the message");
	temp_remove(junk);
	FILE *fp = fopen(f->w->set.font_regular, "rb");
	assert_non_null(fp);
	char head[4096];
	assert_int_equal(fread(head, 1, sizeof(head), fp), sizeof(head));
	fclose(fp);
	junk = temp_write(head, sizeof(head));
	p = pdf_new(junk, f->w->set.font_bold, &info, why, sizeof(why));
	assert_null(p);
	expect_in(why, "cut or damaged", "the message");
	temp_remove(junk);
	struct pdf_info early = info;
	early.date = -1;
	p = pdf_new(f->w->set.font_regular, f->w->set.font_bold, &early, why,
		    sizeof(why));
	assert_null(p);
	expect_in(why, "date", "the message");
}

static void text_is_measured_as_set(void **state)
{
	struct fixture *f = *state;
	struct pdf *p = new_pdf(f->w);
	static const char *const texts[] = { WELSH, POUNDS, "[c]",
					     EN_DASH APOSTROPHE, "Wide MMM" };
	for (size_t i = 0; i < sizeof(texts) / sizeof(*texts); i++) {
		for (int w = 0; w < 2; w++) {
			double mine = pdf_text_width(p, (enum weight)w,
						     texts[i], 10);
			double ft = fonts_width(f->w->fonts, (enum weight)w,
						texts[i], 10);
			/* libharu keeps widths in thousandths of an em */
			if (fabs(mine - ft) > 0.01 * strlen(texts[i]))
				fail_msg("%s: %g, FreeType %g", texts[i], mine,
					 ft);
		}
	}
	assert_true(pdf_text_width(p, WEIGHT_BOLD, "abc", 10) >
		    pdf_text_width(p, WEIGHT_REGULAR, "abc", 10));
	assert_true(pdf_ascent(p, WEIGHT_REGULAR, 10) > 5);
	assert_true(pdf_descent(p, WEIGHT_REGULAR, 10) > 1);
	pdf_free(p);
}

static void bad_utf8_is_set_as_replacement(void **state)
{
	struct fixture *f = *state;
	struct pdf *p = new_pdf(f->w);
	assert_int_equal(pdf_add_page(p), 1);
	assert_int_equal(pdf_text(p, 56, 80, "a\xFF" "b \xF0\x9F\x98\x80 c\td",
				  12, WEIGHT_REGULAR, ALIGN_LEFT, COLOUR_TEXT),
			 0);
	assert_int_equal(pdf_text(p, 56, 100, "", 12, WEIGHT_BOLD, ALIGN_RIGHT,
				  COLOUR_TEXT), 0);
	char *path = in_dir(f, "odd.pdf"), why[300];
	assert_int_equal(pdf_save(p, path, 0644, why, sizeof(why)), 0);
	pdf_free(p);
	struct ran r;
	run(&r, "pdftotext '%s' -", path);
	expect_quiet(&r, "pdftotext");
	expect_in(r.out.s, "a\xEF\xBF\xBD" "b \xEF\xBF\xBD c d", "pdftotext");
	ran_free(&r);
	free(path);
}

static void one_font_for_both_weights(void **state)
{
	struct fixture *f = *state;
	char why[300] = "";
	struct pdf *p = pdf_new(f->w->set.font_regular, f->w->set.font_regular,
				&info, why, sizeof(why));
	assert_non_null(p);
	assert_int_equal(pdf_add_page(p), 1);
	assert_int_equal(pdf_text(p, 56, 80, WELSH, 12, WEIGHT_REGULAR,
				  ALIGN_LEFT, COLOUR_TEXT), 0);
	assert_int_equal(pdf_text(p, 56, 100, POUNDS, 12, WEIGHT_BOLD,
				  ALIGN_LEFT, COLOUR_TEXT), 0);
	char *path = in_dir(f, "one.pdf");
	assert_int_equal(pdf_save(p, path, 0644, why, sizeof(why)), 0);
	pdf_free(p);
	struct ran r;
	run(&r, "pdftotext '%s' -", path);
	expect_quiet(&r, "pdftotext");
	expect_in(r.out.s, WELSH "\n" POUNDS, "pdftotext");
	ran_free(&r);
	free(path);
}

/* The box pdftotext -bbox gives the word, on the first page it is on. */
static void word_box(const char *bbox, const char *word, double box[4])
{
	char want[64];
	snprintf(want, sizeof(want), ">%s</word>", word);
	const char *end = strstr(bbox, want), *start = end;
	while (start && start > bbox && strncmp(start, "<word ", 6))
		start--;
	if (!end || sscanf(start, "<word xMin=\"%lf\" yMin=\"%lf\" "
			   "xMax=\"%lf\" yMax=\"%lf\"", &box[0], &box[1],
			   &box[2], &box[3]) != 4)
		fail_msg("no box for %s in:\n%s", word, bbox);
}

/* The widths the PDF carries for viewers are those text was placed by:
 * right-aligned text ends where asked, centred text straddles x. */
static void text_lands_where_it_is_anchored(void **state)
{
	struct fixture *f = *state;
	struct pdf *p = new_pdf(f->w);
	double width = pdf_text_width(p, WEIGHT_REGULAR,
				      "Median hourly pay " POUNDS, 11);
	pdf_free(p);
	char *path = save_card(f, "card.pdf");
	struct ran r;
	run(&r, "pdftotext -f 1 -l 1 -bbox '%s' -", path);
	expect_quiet(&r, "pdftotext -bbox");
	double box[4];
	word_box(r.out.s, "[c]", box);
	if (fabs(box[2] - 540) > 0.05)
		fail_msg("right-aligned [c] ends at %g, not 540", box[2]);
	word_box(r.out.s, POUNDS, box);
	if (fabs(box[2] - (56 + width)) > 0.05)
		fail_msg(POUNDS " ends at %g", box[2]);
	ran_free(&r);
	free(path);
}

/* With the fonts cut to the characters reports set (report/subset, with
 * Debian's fonttools), a card is a few kilobytes. */
static void subset_fonts_make_small_cards(void **state)
{
	struct fixture *f = *state;
	struct ran r;
	run(&r, "command -v pyftsubset");
	int have = WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0;
	ran_free(&r);
	if (!have) {
		print_message("pyftsubset not installed: not tried\n");
		skip();
	}
	char *fonts[2] = { in_dir(f, "regular.ttf"), in_dir(f, "bold.ttf") };
	const char *full[2] = { f->w->set.font_regular, f->w->set.font_bold };
	char why[300];
	for (int i = 0; i < 2; i++)
		if (subset_font(full[i], fonts[i], why, sizeof(why)) < 0)
			fail_msg("%s", why);
	assert_true(subset_covers(WELSH " Housing " POUNDS "12.10 [c]"));
	assert_false(subset_covers("\xD0\x96\xD0\xB8\xD0\xBB"));
	free(f->w->set.font_regular);
	free(f->w->set.font_bold);
	f->w->set.font_regular = fonts[0];
	f->w->set.font_bold = fonts[1];
	char *path = save_card(f, "card.pdf");
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	if (st.st_size > 25 * 1024)
		fail_msg("a two-page card with a chart takes %lld bytes",
			 (long long)st.st_size);
	run(&r, "pdftotext '%s' -", path);
	expect_quiet(&r, "pdftotext");
	expect_in(r.out.s, WELSH " Housing", "pdftotext");
	expect_in(r.out.s, POUNDS, "pdftotext");
	ran_free(&r);
	run(&r, "qpdf --check '%s'", path);
	expect_quiet(&r, "qpdf --check");
	ran_free(&r);
	free(path);
}

/* An error libharu itself reports fails the document, naming the font:
 * here a font whose licence (OS/2 fsType 2) forbids embedding. */
static void libharu_errors_are_reported(void **state)
{
	struct fixture *f = *state;
	FILE *fp = fopen(f->w->set.font_regular, "rb");
	assert_non_null(fp);
	struct buf font = BUF_INIT;
	read_all(fp, &font);
	fclose(fp);
	unsigned char *b = (unsigned char *)font.s;
	size_t tables = (size_t)b[4] << 8 | b[5];
	int patched = 0;
	for (size_t i = 0; i < tables; i++) {
		unsigned char *t = b + 12 + 16 * i;
		if (memcmp(t, "OS/2", 4))
			continue;
		size_t at = (size_t)t[8] << 24 | (size_t)t[9] << 16 |
			    (size_t)t[10] << 8 | t[11];
		b[at + 8] = 0;
		b[at + 9] = 2;
		patched = 1;
	}
	assert_true(patched);
	char *path = temp_write(font.s, font.len), why[400] = "";
	buf_free(&font);
	struct pdf *p = pdf_new(path, f->w->set.font_bold, &info, why,
				sizeof(why));
	assert_null(p);
	expect_in(why, path, "the message");
	expect_in(why, "licence forbids embedding", "the message");
	temp_remove(path);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(text_comes_back_through_pdftotext),
		TEST(fonts_are_embedded),
		TEST(readers_print_no_warnings),
		TEST(document_says_what_it_is),
		TEST(bookmarks_point_at_pages),
		TEST(same_input_same_bytes),
		TEST(documents_after_another_are_as_the_first),
		TEST(mode_is_the_callers),
		TEST(numbers_that_are_not_numbers_are_refused),
		TEST(chart_placed_at_nan_is_refused),
		TEST(other_misuse_is_refused),
		TEST(missing_folder_fails_and_leaves_nothing),
		TEST(font_that_is_not_truetype_is_named),
		TEST(text_is_measured_as_set),
		TEST(bad_utf8_is_set_as_replacement),
		TEST(one_font_for_both_weights),
		TEST(text_lands_where_it_is_anchored),
		TEST(subset_fonts_make_small_cards),
		TEST(libharu_errors_are_reported),
	};
	return cmocka_run_group_tests_name("pdf", tests, NULL, NULL);
}
