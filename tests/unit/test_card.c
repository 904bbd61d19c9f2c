/* Unit tests for report/card: an organisation's report card, read back
 * as its reader would, through poppler's pdftotext and pdfinfo (and
 * qpdf): its own figures in full beside the sector's and its peer
 * group's as published, its standing, the commitments it meets, its own
 * trend, the footnotes, one or two pages, private, the same bytes every
 * time (SPEC §6.3, §8). */
#include "cardworld.h"

#include <errno.h>

#include "report/card.h"

#define POUNDS "\xC2\xA3"

/* Three quarters of a small sector. Tŷ Glas Housing (HX03, peer group
 * "medium" with HX02) answers in every quarter but skips pay in 2026-Q2;
 * only two associations count their carers, so the sector's figure is
 * withheld; Oakridge Living (HX08) answered in 2026-Q2 only. */
static void small_sector(struct world *w)
{
	static const char *const orgs[] = { "HX01", "HX02", "HX03", "HX04",
					    "HX05", "HX06", "HX07" };
	static const double staff[] = { 400, 200, 131, 500, 60, 300, 40 };
	static const double pay[] = { 10.5, 10.8, 12.1, 11.0, 11.2, 11.4,
				      11.6 };
	for (int i = 0; i < 7; i++) {
		answer(w, "2026-Q1", orgs[i], STAFF, staff[i] - 10 - (i == 2));
		answer(w, "2026-Q2", orgs[i], STAFF, staff[i] - 5 - (i == 2));
		answer(w, "2026-Q3", orgs[i], STAFF, staff[i]);
		answer(w, "2026-Q3", orgs[i], PAY, pay[i]);
		if (i != 2)
			answer(w, "2026-Q2", orgs[i], PAY, pay[i]);
	}
	/* Tŷ Glas: 120, 125, 131 staff; pay £11.50 then £12.10. */
	answer(w, "2026-Q1", "HX03", PAY, 11.5);
	answer(w, "2026-Q3", "HX01", CARERS, 20);
	answer(w, "2026-Q3", "HX03", CARERS, 9);
	answer(w, "2026-Q3", "HX01", POLICY, 1);
	answer(w, "2026-Q3", "HX02", POLICY, 0);
	answer(w, "2026-Q3", "HX03", POLICY, 1);
	answer(w, "2026-Q3", "HX04", POLICY, 1);
	answer(w, "2026-Q3", "HX01", NETWORK, 1);
	answer(w, "2026-Q3", "HX03", NETWORK, 0);
	answer(w, "2026-Q3", "HX01", PATHWAY, 1);
	answer(w, "2026-Q3", "HX01", LEAVE, 10);
	answer(w, "2026-Q3", "HX02", LEAVE, 12);
	answer(w, "2026-Q3", "HX04", LEAVE, 15);
	answer(w, "2026-Q2", "HX08", STAFF, 150);
	publish_all(w);
}

static int setup(void **state)
{
	struct cardworld *c = cardworld_new(chart_catalogue_csv,
					    chart_roster_csv);
	small_sector(c->w);
	cardworld_input(c);
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	cardworld_free(*state);
	return 0;
}

static int org_of(struct cardworld *c, const char *id)
{
	int o = roster_find(&c->w->roster, id);
	assert_true(o >= 0);
	return o;
}

/* Writes id's card as name in the folder; returns its path. */
static char *write_card(struct cardworld *c, const char *id,
			const char *name)
{
	char *path = in_dir(c, name), why[400] = "";
	if (card_write(&c->in, org_of(c, id), path, why, sizeof(why)) != 0)
		fail_msg("card_write: %s", why);
	return path;
}

/* The card's text as pdftotext -layout gives it back. */
static void card_text(struct cardworld *c, struct ran *r)
{
	char *path = write_card(c, "HX03", "HX03.pdf");
	run(r, "pdftotext -layout '%s' -", path);
	expect_quiet(r, "pdftotext");
	free(path);
}

static void own_figures_beside_sector_and_peers(void **state)
{
	struct ran r;
	card_text(*state, &r);
	const char *t = r.out.s;
	expect_in(t, "Harry's Pledge report card", "the title");
	expect_in(t, WELSH " Housing", "the name");
	expect_in(t, "Peer group: medium", "the peer group");
	expect_in(t, "2026-Q3", "the quarter");
	expect_in(t, "Your association's figures for the quarter", "intro");
	expect_in(t, "As employers", "an area title");
	expect_in(t, "For our paid carers", "an area title");
	char line[400];
	/* its own 131 of 1,631 in the sector and 331 in its group */
	line_of(t, "Employees   ", line, sizeof(line));
	expect_cells(line, (const char *const[]){ "131", "1,631", "331",
						  "lower middle" }, 4);
	/* pay: its own £12.10; medians £11.20 and £11.45; top quarter */
	line_of(t, "Median hourly pay", line, sizeof(line));
	expect_cells(line, (const char *const[]){ POUNDS "12.10",
						  POUNDS "11.20",
						  POUNDS "11.45",
						  "top quarter" }, 4);
	/* yes/no: its own answer in words, the sector's share */
	line_of(t, "Carer-friendly policy", line, sizeof(line));
	expect_cells(line, (const char *const[]){ "Yes", "75.0%", "meets" },
		     3);
	line_of(t, "Carers' network", line, sizeof(line));
	expect_cells(line, (const char *const[]){ "No", "50.0%",
						  "does not meet" }, 3);
	expect_in(t, "Page 1 of ", "the page numbers");
	ran_free(&r);
}

static void own_figures_in_full_published_ones_withheld(void **state)
{
	struct ran r;
	card_text(*state, &r);
	const char *t = r.out.s;
	char line[400];
	/* 9 carers of 131 staff: 6.9% of its own, shown in full though the
	 * sector's and the group's are withheld, and so is its standing */
	line_of(t, "Employees known to be carers", line, sizeof(line));
	expect_cells(line, (const char *const[]){ "6.9%", "[c]", "[c]",
						  "[c]" }, 4);
	/* not answered by it: a dash for it and its standing, the medians
	 * of the sector and of its group (HX02 alone) beside */
	line_of(t, "Paid carer's leave", line, sizeof(line));
	expect_cells(line, (const char *const[]){ EN_DASH, "12", "12",
						  EN_DASH }, 4);
	/* answered by none */
	line_of(t, "Paid the Living Wage", line, sizeof(line));
	expect_cells(line, (const char *const[]){ EN_DASH, "[x]", "[x]",
						  EN_DASH }, 4);
	expect_in(t, "[c] Not published: fewer than 3 associations",
		  "the withheld footnote");
	expect_in(t, EN_DASH " Not answered.", "the not-answered footnote");
	ran_free(&r);
}

static void commitments_it_meets_in_words(void **state)
{
	struct ran r;
	card_text(*state, &r);
	const char *t = r.out.s;
	expect_in(t, "Commitments", "the commitments heading");
	/* The last lines that name each commitment are the list's. */
	const char *list = strstr(t, "Commitments\n");
	if (!list)
		fail_msg("no commitments heading on a line of its own:\n%s",
			 t);
	char line[400];
	line_of(list, "Carer-friendly policy", line, sizeof(line));
	expect_cells(line, (const char *const[]){ "meets" }, 1);
	line_of(list, "Carers' network", line, sizeof(line));
	expect_cells(line, (const char *const[]){ "does not meet" }, 1);
	line_of(list, "Career pathway", line, sizeof(line));
	expect_cells(line, (const char *const[]){ "not answered" }, 1);
	ran_free(&r);
}

static void own_trend_over_the_quarters_it_answered(void **state)
{
	struct ran r;
	card_text(*state, &r);
	const char *t = r.out.s;
	expect_in(t, "Your trend", "the trend heading");
	expect_in(t, "Employees: 120 " ARROW " 125 " ARROW
		  " 131 (2026-Q1 to 2026-Q3)", "the staff trend");
	/* a quarter it skipped is left out, and the quarters are named */
	expect_in(t, "Median hourly pay (" POUNDS "): " POUNDS "11.50 " ARROW
		  " " POUNDS "12.10 (2026-Q1, 2026-Q3)", "the pay trend");
	/* one quarter is no trend */
	expect_not_in(t, "Employees known to be carers:", "the trends");
	ran_free(&r);
}

static void one_or_two_pages_readers_quiet(void **state)
{
	struct cardworld *c = *state;
	char *path = write_card(c, "HX03", "HX03.pdf");
	struct ran r;
	run(&r, "pdfinfo '%s'", path);
	expect_quiet(&r, "pdfinfo");
	const char *pages = strstr(r.out.s, "Pages:");
	int n = 0;
	if (!pages || sscanf(pages, "Pages: %d", &n) != 1)
		fail_msg("pdfinfo gives no page count:\n%s", r.out.s);
	if (n < 1 || n > 2)
		fail_msg("%d pages", n);
	expect_in(r.out.s, "Title:           Harry's Pledge report card: "
		  WELSH " Housing", "pdfinfo");
	expect_in(r.out.s, "Author:          The Harry's Pledge Federation",
		  "pdfinfo");
	ran_free(&r);
	run(&r, "pdftotext -layout '%s' -", path);
	char want[32];
	snprintf(want, sizeof(want), "Page %d of %d", n, n);
	expect_in(r.out.s, want, "the last page");
	ran_free(&r);
	run(&r, "qpdf --check '%s'", path);
	expect_quiet(&r, "qpdf --check");
	ran_free(&r);
	free(path);
}

static void card_is_private(void **state)
{
	struct cardworld *c = *state;
	mode_t old = umask(0);
	char *path = write_card(c, "HX03", "HX03.pdf");
	umask(old);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	free(path);
}

static void same_input_same_bytes(void **state)
{
	struct cardworld *c = *state;
	char *a = write_card(c, "HX03", "a.pdf");
	char *b = write_card(c, "HX03", "b.pdf");
	struct ran r;
	run(&r, "cmp '%s' '%s'", a, b);
	expect_quiet(&r, "cmp");
	ran_free(&r);
	free(a);
	free(b);
}

static void only_organisations_that_answered_get_one(void **state)
{
	struct cardworld *c = *state;
	assert_true(card_due(&c->in, org_of(c, "HX03")));
	assert_true(card_due(&c->in, org_of(c, "HX07")));
	/* answered in an earlier quarter only, or never */
	assert_false(card_due(&c->in, org_of(c, "HX08")));
	assert_false(card_due(&c->in, -1));
	assert_false(card_due(&c->in, (int)c->w->roster.len));
	char *path = in_dir(c, "HX08.pdf"), why[400] = "";
	assert_int_equal(card_write(&c->in, org_of(c, "HX08"), path, why,
				    sizeof(why)), -1);
	expect_in(why, "HX08", "why");
	expect_in(why, "2026-Q3", "why");
	assert_int_equal(access(path, F_OK), -1);
	free(path);
	/* without the returns there is no card to write */
	struct report_input in = c->in;
	in.chart.returns = NULL;
	assert_false(card_due(&in, org_of(c, "HX03")));
}

static void a_failed_save_leaves_nothing(void **state)
{
	struct cardworld *c = *state;
	char *path = in_dir(c, "no/such/folder/HX03.pdf"), why[400] = "";
	assert_int_equal(card_write(&c->in, org_of(c, "HX03"), path, why,
				    sizeof(why)), -1);
	expect_in(why, path, "why");
	assert_int_equal(access(path, F_OK), -1);
	free(path);
	/* a font that cannot be loaded fails the card, not the process */
	struct report_input in = c->in;
	in.pdf_regular = "/nonexistent/font.ttf";
	path = in_dir(c, "HX03.pdf");
	assert_int_equal(card_write(&in, org_of(c, "HX03"), path, why,
				    sizeof(why)), -1);
	assert_int_equal(access(path, F_OK), -1);
	free(path);
}

/* The federation's whole catalogue and wording, eight quarters of
 * answers to every metric, and a long name: still two pages at most. */
static void whole_catalogue_fits_two_pages(void **state)
{
	(void)state;
	char *metrics = repo_file("templates/metrics.csv");
	FILE *fp = fopen(metrics, "rb");
	if (!fp)
		fail_msg("%s: %s", metrics, strerror(errno));
	struct buf csv = BUF_INIT;
	read_all(fp, &csv);
	fclose(fp);
	free(metrics);
	static const char roster[] =
		"org_id,org_name,region,peer_group,joined\n"
		"A1,Cymdeithas Tai T\xC5\xB7 Glas a\xE2\x80\x99r Cymoedd "
		"Housing Association Limited,Wales,medium,2020-Q1\n"
		"A2,Brackenmoor Homes,North West,large,2020-Q1\n"
		"A3,Hollins Reed,Yorkshire,medium,2020-Q1\n"
		"A4,Greymere Housing,London,large,2020-Q1\n"
		"A5,Saltings Housing Trust,South West,small,2020-Q1\n"
		"A6,Harbourlight Homes,South East,large,2020-Q1\n";
	struct cardworld *c = cardworld_new(csv.s, roster);
	buf_free(&csv);
	struct world *w = c->w;
	for (int q = 0; q < 8; q++) {
		int period = P("2024-Q4") + q;
		for (int o = 0; o < 6; o++)
			for (size_t m = 0; m < w->cat.len; m++) {
				const struct metric *mt = &w->cat.metrics[m];
				double base = 100 + 37 * o + 5 * q;
				double v = mt->kind == KIND_YESNO
						   ? (double)((o + (int)m) % 2)
					   : mt->kind == KIND_MONEY
						   ? 10 + 0.25 * o + 0.1 * q
					   : mt->kind == KIND_PERCENT
						   ? 50 + 7 * o
					   : mt->parent >= 0 ? base / 3 + o
							     : base;
				assert_int_equal(aggregate_add(&w->ret, period,
							       o, (int)m, v),
						 0);
			}
	}
	publish_all(w);
	cardworld_input(c);
	char *path = in_dir(c, "A1.pdf"), why[400] = "";
	if (card_write(&c->in, 0, path, why, sizeof(why)) != 0)
		fail_msg("card_write: %s", why);
	struct ran r;
	run(&r, "pdfinfo '%s'", path);
	expect_quiet(&r, "pdfinfo");
	const char *pages = strstr(r.out.s, "Pages:");
	int n = 0;
	if (!pages || sscanf(pages, "Pages: %d", &n) != 1)
		fail_msg("pdfinfo gives no page count:\n%s", r.out.s);
	if (n < 1 || n > 2)
		fail_msg("the whole catalogue takes %d pages", n);
	ran_free(&r);
	run(&r, "pdftotext '%s' -", path);
	expect_quiet(&r, "pdftotext");
	expect_in(r.out.s, "Cymdeithas Tai T\xC5\xB7 Glas", "the name");
	expect_in(r.out.s, "In the homes we provide", "an area title");
	expect_in(r.out.s, "Median hourly pay of care staff", "a label");
	ran_free(&r);
	run(&r, "qpdf --check '%s'", path);
	expect_quiet(&r, "qpdf --check");
	ran_free(&r);
	free(path);
	cardworld_free(c);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(own_figures_beside_sector_and_peers),
		T(own_figures_in_full_published_ones_withheld),
		T(commitments_it_meets_in_words),
		T(own_trend_over_the_quarters_it_answered),
		T(one_or_two_pages_readers_quiet),
		T(card_is_private),
		T(same_input_same_bytes),
		T(only_organisations_that_answered_get_one),
		T(a_failed_save_leaves_nothing),
		cmocka_unit_test(whole_catalogue_fits_two_pages),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
