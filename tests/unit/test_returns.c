/* Unit tests for model/returns: the rules within a return and between
 * returns of the same organisation and quarter (SPEC §5). */
#include "unit.h"

#include "base/period.h"
#include "model/returns.h"

/* Catalogue order: staff_total, staff_carers (of staff_total),
 * staff_parents (of staff_total), policy, pay. */
static const char catalogue_csv[] =
	"metric,area,kind,of,min,max,better,sensitive,label,question\n"
	"staff_total,employer,count,,,,,no,Staff,Q\n"
	"staff_carers,employer,count,staff_total,,,,yes,Carers,Q\n"
	"staff_parents,employer,count,staff_total,,,,yes,Parents,Q\n"
	"policy,employer,yesno,,,,,no,Policy,Q\n"
	"pay,paid_carers,money,,,,,no,Pay,Q\n";

/* Roster order is not id order, so sorting by id is seen. */
static const char roster_csv[] =
	"org_id,org_name,region,peer_group,joined\n"
	"HX03,Three,r,p,2025-Q1\n"
	"HX01,One,r,p,2025-Q1\n"
	"HX02,Two,r,p,2025-Q1\n";

enum { TOTAL, CARERS, PARENTS, POLICY, PAY };

struct world {
	struct catalogue cat;
	struct roster roster;
	struct arena arena;
	struct returns all, batch;
	struct diags d;
	int q3;
};

static int world_setup(void **state)
{
	struct world *w = calloc(1, sizeof(*w));
	assert_non_null(w);
	diags_init(&w->d);
	char *cat = temp_text(catalogue_csv), *ros = temp_text(roster_csv);
	int ok = catalogue_load(&w->cat, cat, &w->d) == 0 &&
		 roster_load(&w->roster, ros, &w->d) == 0 && w->d.len == 0;
	temp_remove(cat);
	temp_remove(ros);
	if (!ok) {
		diag_dump(&w->d);
		return -1;
	}
	assert_int_equal(catalogue_find(&w->cat, "pay"), PAY);
	arena_init(&w->arena);
	returns_init(&w->all, &w->arena);
	returns_init(&w->batch, &w->arena);
	w->q3 = period_parse("2026-Q3");
	*state = w;
	return 0;
}

static int world_teardown(void **state)
{
	struct world *w = *state;
	returns_free(&w->all);
	returns_free(&w->batch);
	arena_free(&w->arena);
	catalogue_free(&w->cat);
	roster_free(&w->roster);
	diags_free(&w->d);
	free(w);
	return 0;
}

static int org(const struct world *w, const char *id)
{
	int i = roster_find(&w->roster, id);
	assert_true(i >= 0);
	return i;
}

/* A return in the batch for id in 2026-Q3 from file. */
static struct ret *new_return(struct world *w, const char *id,
			      const char *file)
{
	return returns_get(&w->batch, org(w, id), w->q3, file, 2);
}

static void add(struct world *w, struct ret *r, int metric, long line,
		const char *value)
{
	ret_add(&w->batch, r, metric, line, value, NULL);
}

/* The answers of r as "metric=value" (value "-" when refused). */
static void expect_answers(const struct world *w, const struct ret *r,
			   const char *want)
{
	char got[512] = "";
	for (size_t i = 0; i < r->n; i++) {
		char one[96];
		snprintf(one, sizeof(one), "%s%s=%s", i ? " " : "",
			 w->cat.metrics[r->e[i].metric].id,
			 r->e[i].value ? r->e[i].value : "-");
		strcat(got, one);
	}
	if (strcmp(got, want) != 0)
		fail_msg("answers: %s\nwant:    %s", got, want);
}

static void get_finds_or_creates(void **state)
{
	struct world *w = *state;
	struct ret *a = new_return(w, "HX01", "a.csv");
	assert_non_null(a);
	assert_ptr_equal(new_return(w, "HX01", "other.csv"), a);
	assert_string_equal(a->file, "a.csv"); /* the first file stays */
	assert_int_equal(a->org, org(w, "HX01"));
	assert_int_equal(a->period, w->q3);
	assert_ptr_equal(returns_find(&w->batch, org(w, "HX01"), w->q3), a);
	assert_null(returns_find(&w->batch, org(w, "HX01"), w->q3 + 1));
	assert_null(returns_find(&w->batch, org(w, "HX02"), w->q3));
	struct ret *b = returns_get(&w->batch, org(w, "HX01"), w->q3 + 1,
				    "a.csv", 9);
	assert_ptr_not_equal(a, b);
	assert_int_equal(w->batch.len, 2);
}

static void answers_are_copied(void **state)
{
	struct world *w = *state;
	struct ret *r = new_return(w, "HX01", "a.csv");
	char value[] = "12", note[] = "a note";
	ret_add(&w->batch, r, TOTAL, 3, value, note);
	ret_add(&w->batch, r, PAY, 4, NULL, "");
	value[0] = '9';
	note[0] = 'X';
	assert_string_equal(r->e[0].value, "12");
	assert_string_equal(r->e[0].note, "a note");
	assert_null(r->e[1].value);
	assert_string_equal(r->e[1].note, "");
	assert_int_equal(ret_accepted(r), 1);
}

/* A return that answers more than the returns expect keeps every
 * answer, in order, as its room moves from the arena to the heap (and
 * a return of no expectation starts on the heap). */
static void answers_beyond_what_is_expected(void **state)
{
	struct world *w = *state;
	for (size_t expect = 0; expect <= 3; expect += 3) {
		w->batch.expect = expect;
		struct ret *r = returns_get(&w->batch, org(w, "HX01"),
					    w->q3 + (int)expect, "a.csv", 1);
		char value[16];
		for (int i = 0; i < 40; i++) {
			snprintf(value, sizeof(value), "%d", i);
			ret_add(&w->batch, r, i % 5, i + 2, value, "");
		}
		assert_int_equal(r->n, 40);
		for (int i = 0; i < 40; i++) {
			snprintf(value, sizeof(value), "%d", i);
			assert_string_equal(r->e[i].value, value);
			assert_int_equal(r->e[i].metric, i % 5);
			assert_int_equal(r->e[i].line, i + 2);
		}
	}
}

static void check_sorts_into_catalogue_order(void **state)
{
	struct world *w = *state;
	struct ret *r = new_return(w, "HX01", "a.csv");
	add(w, r, PAY, 2, "9.5");
	add(w, r, CARERS, 3, "4");
	add(w, r, POLICY, 4, "1");
	add(w, r, TOTAL, 5, "10");
	returns_check(&w->batch, &w->cat, &w->roster, &w->d);
	expect_no_diags(&w->d);
	expect_answers(w, r, "staff_total=10 staff_carers=4 policy=1 pay=9.5");
	assert_int_equal(r->e[0].line, 5);
	assert_int_equal(ret_accepted(r), 4);
}

static void duplicate_metric_refuses_every_answer(void **state)
{
	struct world *w = *state;
	struct ret *r = new_return(w, "HX02", "b.csv");
	add(w, r, POLICY, 2, "1");
	add(w, r, PAY, 3, "7");
	add(w, r, POLICY, 6, "1"); /* the same answer twice still counts */
	returns_check(&w->batch, &w->cat, &w->roster, &w->d);
	expect_answers(w, r, "policy=- policy=- pay=7");
	const struct diag *g = expect_diag(&w->d, SEV_ERROR, "duplicate-metric",
					   6);
	assert_string_equal(g->metric, "policy");
	assert_string_equal(g->org_id, "HX02");
	assert_string_equal(g->file, "b.csv");
	assert_non_null(strstr(g->message, "2"));
	assert_int_equal(ret_accepted(r), 1);
}

static void child_above_parent_refuses_both(void **state)
{
	struct world *w = *state;
	struct ret *r = new_return(w, "HX01", "a.csv");
	add(w, r, TOTAL, 2, "9");
	add(w, r, CARERS, 3, "10"); /* 10 > 9: a number, not a string */
	add(w, r, PAY, 4, "5");
	returns_check(&w->batch, &w->cat, &w->roster, &w->d);
	expect_answers(w, r, "staff_total=- staff_carers=- pay=5");
	const struct diag *g = expect_diag(&w->d, SEV_ERROR, "exceeds-parent",
					   3);
	assert_string_equal(g->metric, "staff_carers");
	assert_non_null(strstr(g->message, "staff_total"));
	assert_non_null(strstr(g->message, "line 2"));
	assert_int_equal(w->d.errors, 1);
}

static void child_within_parent_is_kept(void **state)
{
	struct world *w = *state;
	struct ret *r = new_return(w, "HX01", "a.csv");
	add(w, r, TOTAL, 2, "10");
	add(w, r, CARERS, 3, "9"); /* "9" > "10" as strings only */
	add(w, r, PARENTS, 4, "10"); /* equal is allowed */
	struct ret *alone = new_return(w, "HX02", "a.csv");
	add(w, alone, CARERS, 7, "500"); /* no parent answered */
	returns_check(&w->batch, &w->cat, &w->roster, &w->d);
	expect_no_diags(&w->d);
	expect_answers(w, r, "staff_total=10 staff_carers=9 staff_parents=10");
	expect_answers(w, alone, "staff_carers=500");
}

static void every_child_checked_against_refused_parent(void **state)
{
	struct world *w = *state;
	struct ret *r = new_return(w, "HX01", "a.csv");
	add(w, r, TOTAL, 2, "5");
	add(w, r, CARERS, 3, "6");
	add(w, r, PARENTS, 4, "7");
	returns_check(&w->batch, &w->cat, &w->roster, &w->d);
	expect_answers(w, r, "staff_total=- staff_carers=- staff_parents=-");
	expect_diag(&w->d, SEV_ERROR, "exceeds-parent", 3);
	expect_diag(&w->d, SEV_ERROR, "exceeds-parent", 4);
	assert_int_equal(ret_accepted(r), 0);
}

static void empty_return_warned(void **state)
{
	struct world *w = *state;
	new_return(w, "HX03", "c.csv");
	returns_check(&w->batch, &w->cat, &w->roster, &w->d);
	/* reported (its severity is the program's policy) */
	const struct diag *g = diag_find(&w->d, "no-answers");
	assert_non_null(g);
	assert_int_equal(g->line, 2);
	assert_string_equal(g->org_id, "HX03");
}

/* A checked batch of one return for id in 2026-Q3 from file, merged. */
static struct ret *merge_file(struct world *w, const char *id,
			      const char *file, const char *total,
			      bool refused)
{
	struct ret *r = new_return(w, id, file);
	add(w, r, TOTAL, 2, total);
	add(w, r, POLICY, 3, "1");
	r->refused = refused;
	returns_check(&w->batch, &w->cat, &w->roster, &w->d);
	returns_merge(&w->all, &w->batch, &w->roster, &w->d);
	assert_int_equal(w->batch.len, 0);
	return returns_find(&w->all, org(w, id), w->q3);
}

static void merge_keeps_different_orgs(void **state)
{
	struct world *w = *state;
	merge_file(w, "HX01", "a.csv", "10", false);
	merge_file(w, "HX02", "b.csv", "10", false);
	expect_no_diags(&w->d);
	assert_int_equal(w->all.len, 2);
}

static void identical_returns_keep_one(void **state)
{
	struct world *w = *state;
	merge_file(w, "HX01", "a.csv", "10", false);
	struct ret *kept = merge_file(w, "HX01", "copy.csv", "10", false);
	assert_int_equal(w->all.len, 1);
	assert_string_equal(kept->file, "a.csv");
	assert_false(kept->rejected);
	assert_int_equal(ret_accepted(kept), 2);
	const struct diag *g = expect_diag(&w->d, SEV_WARNING,
					   "identical-return", -1);
	assert_string_equal(g->file, "copy.csv");
	assert_non_null(strstr(g->message, "a.csv"));
	assert_int_equal(w->d.errors, 0);
}

static void different_returns_reject_both(void **state)
{
	struct world *w = *state;
	merge_file(w, "HX01", "a.csv", "10", false);
	struct ret *r = merge_file(w, "HX01", "b.csv", "11", false);
	assert_int_equal(w->all.len, 1);
	assert_true(r->rejected);
	assert_int_equal(ret_accepted(r), 0);
	assert_int_equal(diag_count(&w->d, "duplicate-return"), 2);
	/* each file is named, with the other one in the message */
	bool saw_a = false, saw_b = false;
	for (size_t i = 0; i < w->d.len; i++) {
		const struct diag *g = &w->d.items[i];
		assert_int_equal(g->severity, SEV_ERROR);
		if (!strcmp(g->file, "a.csv"))
			saw_a = strstr(g->message, "b.csv") != NULL;
		if (!strcmp(g->file, "b.csv"))
			saw_b = strstr(g->message, "a.csv") != NULL;
	}
	assert_true(saw_a && saw_b);

	/* a third copy, even one equal to the first, stays rejected */
	r = merge_file(w, "HX01", "c.csv", "10", false);
	assert_true(r->rejected);
	assert_int_equal(ret_accepted(r), 0);
	assert_int_equal(diag_count(&w->d, "duplicate-return"), 3);
	assert_int_equal(diag_count(&w->d, "identical-return"), 0);
}

static void notes_make_returns_differ(void **state)
{
	struct world *w = *state;
	merge_file(w, "HX01", "a.csv", "10", false);
	struct ret *r = new_return(w, "HX01", "b.csv");
	ret_add(&w->batch, r, TOTAL, 2, "10", "estimate");
	ret_add(&w->batch, r, POLICY, 3, "1", NULL);
	returns_check(&w->batch, &w->cat, &w->roster, &w->d);
	returns_merge(&w->all, &w->batch, &w->roster, &w->d);
	assert_int_equal(diag_count(&w->d, "duplicate-return"), 2);
}

static void refused_file_gives_way(void **state)
{
	struct world *w = *state;
	/* refused first, readable second */
	merge_file(w, "HX01", "bad.csv", "10", true);
	struct ret *r = merge_file(w, "HX01", "good.csv", "12", false);
	assert_string_equal(r->file, "good.csv");
	assert_false(r->refused || r->rejected);
	/* readable first, refused second */
	merge_file(w, "HX02", "good2.csv", "12", false);
	r = merge_file(w, "HX02", "bad2.csv", "10", true);
	assert_string_equal(r->file, "good2.csv");
	assert_false(r->refused || r->rejected);
	assert_int_equal(w->all.len, 2);
	expect_no_diags(&w->d);
}

static void refused_return_counts_nothing(void **state)
{
	struct world *w = *state;
	struct ret *r = merge_file(w, "HX03", "bad.csv", "10", true);
	assert_true(r->refused);
	assert_int_equal(ret_accepted(r), 0);
}

/* Adds returns (org_id, period) to w->all, sorts them, and checks the
 * order they come in ("period/org_id " each) and that the index follows
 * it. */
static void expect_sorted(struct world *w, const char *const (*order)[2],
			  size_t n, const char *want)
{
	for (size_t i = 0; i < n; i++)
		returns_get(&w->all, org(w, order[i][0]),
			    period_parse(order[i][1]), "x.csv", 1);
	returns_sort(&w->all, &w->roster);
	char got[256] = "";
	for (size_t i = 0; i < w->all.len; i++) {
		const struct ret *r = w->all.items[i];
		char p[PERIOD_TEXT];
		snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s/%s ",
			 period_format(r->period, p),
			 w->roster.orgs[r->org].id);
		assert_ptr_equal(returns_find(&w->all, r->org, r->period), r);
	}
	assert_string_equal(got, want);
}

static void sort_by_period_then_org_id(void **state)
{
	static const char *const order[][2] = {
		{ "HX02", "2026-Q3" }, { "HX03", "2026-Q2" },
		{ "HX01", "2026-Q3" }, { "HX01", "2026-Q2" },
		{ "HX03", "2025-Q4" }, { "HX01", "2027-Q1" } };
	expect_sorted(*state, order, sizeof(order) / sizeof(*order),
		      "2025-Q4/HX03 2026-Q2/HX01 2026-Q2/HX03 "
		      "2026-Q3/HX01 2026-Q3/HX02 2027-Q1/HX01 ");
}

/* Quarters decades apart: sorted by comparison, not by place. */
static void sort_quarters_far_apart(void **state)
{
	static const char *const order[][2] = {
		{ "HX02", "2026-Q3" }, { "HX03", "1990-Q1" },
		{ "HX01", "2026-Q3" }, { "HX01", "1990-Q1" } };
	expect_sorted(*state, order, sizeof(order) / sizeof(*order),
		      "1990-Q1/HX01 1990-Q1/HX03 2026-Q3/HX01 2026-Q3/HX02 ");
}

static void many_returns_stay_findable(void **state)
{
	struct world *w = *state;
	for (int p = 0; p < 400; p++)
		for (int o = 0; o < 3; o++)
			returns_get(&w->all, o, w->q3 - p, "x.csv", p + 1);
	assert_int_equal(w->all.len, 1200);
	for (int p = 0; p < 400; p++)
		for (int o = 0; o < 3; o++) {
			struct ret *r = returns_find(&w->all, o, w->q3 - p);
			assert_non_null(r);
			assert_int_equal(r->org, o);
			assert_int_equal(r->line, p + 1);
		}
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, world_setup, world_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(get_finds_or_creates),
		TEST(answers_are_copied),
		TEST(answers_beyond_what_is_expected),
		TEST(check_sorts_into_catalogue_order),
		TEST(duplicate_metric_refuses_every_answer),
		TEST(child_above_parent_refuses_both),
		TEST(child_within_parent_is_kept),
		TEST(every_child_checked_against_refused_parent),
		TEST(empty_return_warned),
		TEST(merge_keeps_different_orgs),
		TEST(identical_returns_keep_one),
		TEST(different_returns_reject_both),
		TEST(notes_make_returns_differ),
		TEST(refused_file_gives_way),
		TEST(refused_return_counts_nothing),
		TEST(sort_by_period_then_org_id),
		TEST(sort_quarters_far_apart),
		TEST(many_returns_stay_findable),
	};
	return cmocka_run_group_tests_name("returns", tests, NULL, NULL);
}
