/* Unit tests for report/card: an organisation's report card, read back
 * as its reader would, through poppler's pdftotext and pdfinfo (and
 * qpdf): its own figures in full beside the sector's and its peer
 * group's as published, its standing, the commitments it meets, its own
 * trend, the footnotes, one or two pages, private, the same bytes every
 * time (SPEC §6.3, §8). */
#include "cardworld.h"

#include <errno.h>

#include "report/card.h"
#include "report/cardcsv.h"
#include "report/position.h"

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

static void own_figures_beside_sector_medians(void **state)
{
	struct ran r;
	card_text(*state, &r);
	const char *t = r.out.s;
	expect_in(t, "Harry's Pledge report card", "the title");
	expect_in(t, WELSH " Housing", "the name");
	expect_in(t, "2026-Q3", "the quarter");
	expect_in(t, "Sector: 7 associations answered", "the sector's size");
	expect_in(t, "Your association's figures for the quarter", "intro");
	expect_in(t, "As employers", "an area title");
	expect_in(t, "For our paid carers", "an area title");
	char line[400];
	/* a size: its own 131 beside the median association's 200, not the
	 * sector's 1,631; no position */
	line_of(t, "Employees   ", line, sizeof(line));
	expect_cells(line, (const char *const[]){ "131", "200", "[c]" }, 3);
	expect_not_in(line, "quarter", "a size's row");
	expect_not_in(line, "middle", "a size's row");
	expect_not_in(t, "1,631", "the card");
	/* pay: its own £12.10, the best; the median £11.20 */
	line_of(t, "Median hourly pay", line, sizeof(line));
	expect_cells(line, (const char *const[]){ POUNDS "12.10",
						  POUNDS "11.20", "[c]",
						  "top quarter" }, 4);
	/* yes/no: its own answer in words, the share answering yes of the
	 * 4 that answered; 2 answering is too few */
	line_of(t, "Carer-friendly policy", line, sizeof(line));
	expect_cells(line, (const char *const[]){ "Yes", "75.0%", "[c]" }, 3);
	line_of(t, "Carers' network", line, sizeof(line));
	expect_cells(line, (const char *const[]){ "No", "[c]", "[c]" }, 3);
	expect_in(t, "Page 1 of ", "the page numbers");
	ran_free(&r);
}

static void small_peer_group_never_shown(void **state)
{
	struct ran r;
	card_text(*state, &r);
	/* HX02 and HX03 answered of "medium": too few to compare with */
	expect_in(r.out.s, "Peer group: Medium. Your peer group is too small "
		  "to compare with", "the header");
	expect_not_in(r.out.s, "Medium, 2", "the header");
	ran_free(&r);
}

static void own_figures_in_full_others_withheld(void **state)
{
	struct ran r;
	card_text(*state, &r);
	const char *t = r.out.s;
	char line[400];
	/* 9 carers of 131 staff: 6.9% of its own, shown in full though only
	 * two answered; the better of the two rates */
	line_of(t, "Employees known to be carers", line, sizeof(line));
	expect_cells(line, (const char *const[]){ "6.9%", "[c]", "[c]",
						  "top quarter" }, 4);
	/* not answered by it: no figure and no position; three answered,
	 * too few for a median */
	line_of(t, "Paid carer's leave", line, sizeof(line));
	expect_cells(line, (const char *const[]){ "[x]", "[c]", "[c]" }, 3);
	expect_not_in(line, "quarter", "an unanswered row");
	/* answered by none */
	line_of(t, "Paid the Living Wage", line, sizeof(line));
	expect_cells(line, (const char *const[]){ "[x]", "[x]", "[c]" }, 3);
	expect_in(t, "[c] Not shown to protect confidentiality",
		  "the withheld footnote");
	expect_in(t, "[x] Not available: not answered.",
		  "the not-available footnote");
	expect_not_in(t, "[z]", "the card");
	expect_not_in(t, EN_DASH, "the card");
	ran_free(&r);
}

static void where_it_stands(void **state)
{
	struct ran r;
	card_text(*state, &r);
	/* top for pay and its carers' rate; nothing lower */
	expect_in(r.out.s, "Where you stand", "the heading");
	expect_in(r.out.s, "Strongest: top quarter for Employees known to be "
		  "carers and Median hourly pay", "the strongest");
	expect_not_in(r.out.s, "Weakest", "a card with one position");
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

/* --- the sector to rank (cardworld.h): peer groups shown, the CSV --- */

static struct cardworld *ranked(void)
{
	struct cardworld *c = cardworld_new(rank_catalogue_csv,
					    rank_roster_csv);
	rank_sector(c->w);
	cardworld_input(c);
	return c;
}

/* The text of file, which must have mode 0600. */
static void read_private(const char *path, struct buf *b)
{
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	read_all(fp, b);
	fclose(fp);
}

static void expect_csv(struct cardworld *c, struct positions *p,
		       const char *id, const char *want)
{
	char *path = in_dir(c, "card.csv"), why[400] = "";
	if (cardcsv_write(&c->in, p, org_of(c, id), path, why,
			  sizeof(why)) != 0)
		fail_msg("cardcsv_write: %s", why);
	struct buf b = BUF_INIT;
	read_private(path, &b);
	if (strcmp(b.s, want))
		fail_msg("%s's figures:\n%s\nnot:\n%s", id, b.s, want);
	buf_free(&b);
	free(path);
}

static void card_csv_worked_by_hand(void **state)
{
	(void)state;
	struct cardworld *c = ranked();
	struct positions *p = positions_make(&c->in.chart);
	/* A4: the large group's medians beside the sector's */
	expect_csv(c, p, "A4",
		   "metric,label,own,sector,peer,position\n"
		   "staff,Employees,400,300,600,\n"
		   "carers,Employees known to be carers,10.0,5.0,5.0,upper middle\n"
		   "days,Days to adapt,20,47.5,45,top quarter\n"
		   "policy,Carer-friendly policy,yes,71.4,80.0,\n");
	/* A6: the fewest carers but the highest rate; its group of three
	 * is shown, but has no median of five */
	expect_csv(c, p, "A6",
		   "metric,label,own,sector,peer,position\n"
		   "staff,Employees,100,300,[c],\n"
		   "carers,Employees known to be carers,20.0,5.0,[c],top quarter\n"
		   "days,Days to adapt,50,47.5,[c],lower middle\n"
		   "policy,Carer-friendly policy,no,71.4,[c],\n");
	/* A8: 0 of 20 carers, 70 days, no answer on the policy */
	expect_csv(c, p, "A8",
		   "metric,label,own,sector,peer,position\n"
		   "staff,Employees,20,300,[c],\n"
		   "carers,Employees known to be carers,0.0,5.0,[c],bottom quarter\n"
		   "days,Days to adapt,70,47.5,[c],bottom quarter\n"
		   "policy,Carer-friendly policy,[x],71.4,[c],\n");
	char *path = in_dir(c, "no/such/folder/A4.csv"), why[400] = "";
	assert_int_equal(cardcsv_write(&c->in, p, org_of(c, "A4"), path, why,
				       sizeof(why)), -1);
	expect_in(why, path, "why");
	free(path);
	positions_free(p);
	cardworld_free(c);
}

static void peer_group_named_with_how_many(void **state)
{
	(void)state;
	struct cardworld *c = ranked();
	struct ran r;
	char *path = write_card(c, "A4", "A4.pdf");
	run(&r, "pdftotext -layout '%s' -", path);
	const char *t = r.out.s;
	expect_in(t, "Sector: 8 associations answered", "the header");
	expect_in(t, "Peer group: Large, 5 answered", "the header");
	char line[400];
	line_of(t, "Days to adapt", line, sizeof(line));
	expect_cells(line, (const char *const[]){ "20", "47.5", "45",
						  "top quarter" }, 4);
	expect_in(t, "Strongest: top quarter for Days to adapt.", "stand");
	expect_in(t, "Weakest: upper middle for Employees known to be "
		  "carers.", "stand");
	ran_free(&r);
	free(path);
	cardworld_free(c);
}

/* Every card's PDF shows the positions its CSV has, on each row. */
static void pdf_and_csv_agree(void **state)
{
	(void)state;
	struct cardworld *c = ranked();
	struct positions *p = positions_make(&c->in.chart);
	c->in.positions = p;
	static const char *const words[] = { "top quarter", "upper middle",
		"lower middle", "bottom quarter" };
	for (size_t o = 0; o < c->w->roster.len; o++) {
		const char *id = c->w->roster.orgs[o].id;
		char *pdf = write_card(c, id, "card.pdf");
		struct ran r;
		run(&r, "pdftotext -layout '%s' -", pdf);
		for (size_t m = 0; m < c->w->cat.len; m++) {
			enum position at = positions_of(p, (int)m, (int)o);
			char line[400];
			line_of(r.out.s, c->w->cat.metrics[m].label, line,
				sizeof(line));
			for (size_t k = 0; k < 4; k++)
				if (!strcmp(words[k], position_words(at)))
					expect_in(line, words[k], id);
				else
					expect_not_in(line, words[k], id);
		}
		ran_free(&r);
		free(pdf);
	}
	positions_free(p);
	cardworld_free(c);
}

/* An "of which" count of a total of 0 has no rate: "[z]", explained,
 * and no position; the others' rates are ranked without it. */
static void rate_of_nothing_not_applicable(void **state)
{
	(void)state;
	struct cardworld *c = cardworld_new(rank_catalogue_csv,
					    rank_roster_csv);
	answer(c->w, "2026-Q3", "A1", R_STAFF, 0);
	answer(c->w, "2026-Q3", "A1", R_CARERS, 0);
	answer(c->w, "2026-Q3", "A2", R_STAFF, 10);
	answer(c->w, "2026-Q3", "A2", R_CARERS, 1);
	answer(c->w, "2026-Q3", "A3", R_STAFF, 10);
	answer(c->w, "2026-Q3", "A3", R_CARERS, 2);
	publish_all(c->w);
	cardworld_input(c);
	struct ran r;
	char *path = write_card(c, "A1", "A1.pdf");
	run(&r, "pdftotext -layout '%s' -", path);
	char line[400];
	line_of(r.out.s, "Employees known to be carers", line, sizeof(line));
	expect_cells(line, (const char *const[]){ "[z]", "[c]", "[c]" }, 3);
	expect_not_in(line, "quarter", "a rate of nothing");
	expect_in(r.out.s, "[z] Not applicable: the total it is a share of "
		  "is 0.", "the footnote");
	ran_free(&r);
	free(path);
	path = write_card(c, "A3", "A3.pdf");
	run(&r, "pdftotext -layout '%s' -", path);
	line_of(r.out.s, "Employees known to be carers", line, sizeof(line));
	expect_cells(line, (const char *const[]){ "20.0%", "top quarter" }, 2);
	ran_free(&r);
	free(path);
	cardworld_free(c);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(own_figures_beside_sector_medians),
		T(small_peer_group_never_shown),
		T(own_figures_in_full_others_withheld),
		T(where_it_stands),
		T(commitments_it_meets_in_words),
		T(own_trend_over_the_quarters_it_answered),
		T(one_or_two_pages_readers_quiet),
		T(card_is_private),
		T(same_input_same_bytes),
		T(only_organisations_that_answered_get_one),
		T(a_failed_save_leaves_nothing),
		cmocka_unit_test(whole_catalogue_fits_two_pages),
		cmocka_unit_test(card_csv_worked_by_hand),
		cmocka_unit_test(peer_group_named_with_how_many),
		cmocka_unit_test(pdf_and_csv_agree),
		cmocka_unit_test(rate_of_nothing_not_applicable),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
