/* Unit tests for model/whose: whose return a file is and for which
 * quarter, checked against the roster and the quarter it was filed as. */
#include "unit.h"

#include "base/period.h"
#include "model/whose.h"

struct fixture {
	struct roster r;
	struct diags d;
	struct whose w;
};

static int q(const char *s)
{
	int p = period_parse(s);
	assert_int_not_equal(p, PERIOD_NONE);
	return p;
}

/* A roster of HX01 (joined 2025-Q1), HX02 (joined 2026-Q1, left
 * 2026-Q3) and HX03, and the checks of file filed as period. */
static void start(struct fixture *f, const char *file, int period)
{
	diags_init(&f->d);
	char *path = temp_text("org_id,org_name,region,peer_group,joined,left\n"
			       "HX01,Brackenmoor,North West,large,2025-Q1,\n"
			       "HX02,Hollins,Yorkshire,medium,2026-Q1,2026-Q3\n"
			       "HX03,Tan y Bryn,Wales,small,2025-Q1,\n");
	assert_int_equal(roster_load(&f->r, path, &f->d), 0);
	temp_remove(path);
	expect_no_diags(&f->d);
	whose_init(&f->w, &f->r, file, period, &f->d);
}

/* The same with no roster file: any well-formed org_id is taken. */
static void start_open(struct fixture *f, const char *file, int period)
{
	diags_init(&f->d);
	roster_none(&f->r, "input/signatories.csv");
	whose_init(&f->w, &f->r, file, period, &f->d);
}

static void stop(struct fixture *f)
{
	whose_free(&f->w);
	roster_free(&f->r);
	diags_free(&f->d);
}

static void a_row_names_its_organisation(void **state)
{
	struct fixture f;
	start(&f, "input/2026-Q3/returns.csv", PERIOD_NONE);
	assert_int_equal(f.w.stem_org, -1);
	assert_int_equal(whose_row_org(&f.w, "HX02", true, 2), 1);
	assert_int_equal(whose_row_org(&f.w, "HX01", true, 3), 0);
	assert_int_equal(whose_file_org(&f.w), 1); /* the first named */
	expect_no_diags(&f.d);
	stop(&f);
}

static void an_unknown_org_id_is_reported_once(void **state)
{
	struct fixture f;
	start(&f, "returns.csv", PERIOD_NONE);
	assert_int_equal(whose_row_org(&f.w, "HX99", true, 2), -1);
	assert_int_equal(whose_row_org(&f.w, "HX99", true, 3), -1);
	assert_int_equal(diag_count(&f.d, "unknown-org"), 1);
	const struct diag *g = expect_diag(&f.d, SEV_ERROR, "unknown-org", 2);
	assert_string_equal(g->org_id, "HX99");
	assert_false(f.w.refused);
	stop(&f);
}

static void an_open_roster_takes_well_formed_ids(void **state)
{
	struct fixture f;
	start_open(&f, "returns.csv", PERIOD_NONE);
	int org = whose_row_org(&f.w, "NEW1", true, 2);
	assert_true(org >= 0);
	assert_string_equal(f.r.orgs[org].id, "NEW1");
	assert_int_equal(whose_row_org(&f.w, "not an id", true, 3), -1);
	const struct diag *g = expect_diag(&f.d, SEV_ERROR, "unknown-org", 3);
	assert_non_null(strstr(g->message, "1 to 32 letters"));
	stop(&f);
}

static void a_row_for_another_org_than_the_file_name_warns_once(void **state)
{
	struct fixture f;
	start(&f, "input/2026-Q3/HX01.csv", PERIOD_NONE);
	assert_int_equal(f.w.stem_org, 0);
	assert_int_equal(whose_row_org(&f.w, "HX01", true, 2), 0);
	expect_no_diags(&f.d);
	assert_int_equal(whose_row_org(&f.w, "HX02", true, 3), 1);
	assert_int_equal(whose_row_org(&f.w, "HX02", true, 4), 1);
	assert_int_equal(whose_row_org(&f.w, "HX03", true, 5), 2);
	expect_diag(&f.d, SEV_WARNING, "org-mismatch", 3);
	assert_int_equal(diag_count(&f.d, "org-mismatch"), 1);
	assert_int_equal(whose_file_org(&f.w), 0); /* the name's */
	stop(&f);
}

static void a_row_with_no_org_id_is_the_file_names(void **state)
{
	struct fixture f;
	start(&f, "HX02.csv", PERIOD_NONE);
	assert_int_equal(whose_row_org(&f.w, "", true, 2), 1);
	assert_int_equal(whose_row_org(&f.w, "", false, 3), 1);
	expect_no_diags(&f.d);
	stop(&f);
}

static void a_row_with_no_org_id_and_no_name_is_rejected(void **state)
{
	struct fixture f;
	start(&f, "returns.csv", PERIOD_NONE);
	assert_int_equal(whose_row_org(&f.w, "", true, 2), -1);
	expect_diag(&f.d, SEV_ERROR, "missing-org", 2);
	assert_false(f.w.refused);
	/* no org_id column at all: the whole file */
	assert_int_equal(whose_row_org(&f.w, "", false, 3), -1);
	expect_diag(&f.d, SEV_ERROR, "unknown-org", 0);
	assert_true(f.w.refused);
	stop(&f);
}

static void a_row_takes_the_quarter_it_was_filed_as(void **state)
{
	struct fixture f;
	start(&f, "input/2026-Q3/HX01.csv", q("2026-Q3"));
	assert_int_equal(whose_row_period(&f.w, "", "HX01", 2), q("2026-Q3"));
	assert_int_equal(whose_row_period(&f.w, "2026-Q3", "HX01", 3),
			 q("2026-Q3"));
	expect_no_diags(&f.d);
	assert_false(f.w.refused);
	stop(&f);
}

static void a_quarter_nothing_says_refuses_the_file(void **state)
{
	struct fixture f;
	start(&f, "HX01.csv", PERIOD_NONE);
	assert_int_equal(whose_row_period(&f.w, "", "HX01", 2), PERIOD_NONE);
	expect_diag(&f.d, SEV_ERROR, "no-period", 2);
	assert_true(f.w.refused);
	stop(&f);
}

static void a_bad_or_wrong_quarter_refuses_the_file(void **state)
{
	struct fixture f;
	start(&f, "HX01.csv", q("2026-Q3"));
	assert_int_equal(whose_row_period(&f.w, "2026-Q5", "HX01", 2),
			 PERIOD_NONE);
	expect_diag(&f.d, SEV_ERROR, "bad-period", 2);
	assert_true(f.w.refused);
	stop(&f);
	start(&f, "HX01.csv", q("2026-Q3"));
	assert_int_equal(whose_row_period(&f.w, "2026-Q2", "HX01", 4),
			 PERIOD_NONE);
	const struct diag *g = expect_diag(&f.d, SEV_ERROR, "wrong-period", 4);
	assert_non_null(strstr(g->message, "for 2026-Q2 but was filed as "
					   "2026-Q3"));
	assert_true(f.w.refused);
	stop(&f);
}

static void a_form_block_names_org_and_quarter(void **state)
{
	struct fixture f;
	start(&f, "form.csv", PERIOD_NONE);
	assert_int_equal(whose_form(&f.w, "HX02", "2026-Q2", false, 3), 0);
	assert_int_equal(f.w.form_org, 1);
	assert_int_equal(f.w.period, q("2026-Q2"));
	assert_int_equal(whose_row_org(&f.w, "", true, 5), 1);
	assert_int_equal(whose_file_org(&f.w), 1);
	expect_no_diags(&f.d);
	stop(&f);
}

static void a_bad_form_block_refuses_the_file(void **state)
{
	struct fixture f;
	start(&f, "form.csv", PERIOD_NONE);
	assert_int_equal(whose_form(&f.w, "HX01", "", true, 3), -1);
	expect_diag(&f.d, SEV_ERROR, "form-block", 3);
	assert_int_equal(whose_form(&f.w, "HX77", "", false, 3), -1);
	expect_diag(&f.d, SEV_ERROR, "unknown-org", 3);
	assert_int_equal(whose_form(&f.w, "", "2026 Q9", false, 3), -1);
	expect_diag(&f.d, SEV_ERROR, "bad-period", 3);
	stop(&f);
	start(&f, "input/2026-Q3/form.csv", q("2026-Q3"));
	assert_int_equal(whose_form(&f.w, "", "2026-Q1", false, 3), -1);
	expect_diag(&f.d, SEV_ERROR, "wrong-period", 3);
	assert_int_equal(f.w.period, q("2026-Q3"));
	stop(&f);
}

static void a_return_not_owed_is_read_with_a_warning(void **state)
{
	struct fixture f;
	start(&f, "HX02.csv", PERIOD_NONE);
	whose_owed(&f.w, 1, q("2026-Q2"), 2); /* owed */
	expect_no_diags(&f.d);
	whose_owed(&f.w, 1, q("2026-Q3"), 7); /* left */
	const struct diag *g = expect_diag(&f.d, SEV_WARNING, "not-owed", 7);
	assert_string_equal(g->message, "HX02 owes no return for 2026-Q3 (it "
			    "joined in 2026-Q1 and left in 2026-Q3); the "
			    "return is still read");
	whose_owed(&f.w, 1, q("2025-Q4"), 9); /* before it joined */
	expect_diag(&f.d, SEV_WARNING, "not-owed", 9);
	stop(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_row_names_its_organisation),
		cmocka_unit_test(an_unknown_org_id_is_reported_once),
		cmocka_unit_test(an_open_roster_takes_well_formed_ids),
		cmocka_unit_test(a_row_for_another_org_than_the_file_name_warns_once),
		cmocka_unit_test(a_row_with_no_org_id_is_the_file_names),
		cmocka_unit_test(a_row_with_no_org_id_and_no_name_is_rejected),
		cmocka_unit_test(a_row_takes_the_quarter_it_was_filed_as),
		cmocka_unit_test(a_quarter_nothing_says_refuses_the_file),
		cmocka_unit_test(a_bad_or_wrong_quarter_refuses_the_file),
		cmocka_unit_test(a_form_block_names_org_and_quarter),
		cmocka_unit_test(a_bad_form_block_refuses_the_file),
		cmocka_unit_test(a_return_not_owed_is_read_with_a_warning),
	};
	return cmocka_run_group_tests_name("whose", tests, NULL, NULL);
}
