/* Unit tests for model/levels: the shipped templates/levels.csv and the
 * rule files that must be refused, each with its file and line (SPEC
 * §3.5). */
#include "unit.h"

#include "model/catalogue.h"
#include "model/levels.h"

static const char header[] = "area,level,rank,metric,test,value,quarters\n";

static struct catalogue cat;

static int load_catalogue(void **state)
{
	struct diags d;
	diags_init(&d);
	char *path = repo_file("templates/metrics.csv");
	int ret = catalogue_load(&cat, path, &d);
	free(path);
	diags_free(&d);
	return ret;
}

static int free_catalogue(void **state)
{
	catalogue_free(&cat);
	return 0;
}

/* Loads header + body; returns levels_load's result, diagnostics in d. */
static int load_text(struct levels *lv, const char *body, struct diags *d)
{
	char *text = malloc(strlen(header) + strlen(body) + 1);
	assert_non_null(text);
	strcpy(text, header);
	strcat(text, body);
	char *path = temp_text(text);
	int ret = levels_load(lv, path, &cat, d);
	temp_remove(path);
	free(text);
	return ret;
}

/* Fails unless body is refused with one bad-levels error on line whose
 * message holds words. */
static void expect_refused(const char *body, long line, const char *words)
{
	struct diags d;
	diags_init(&d);
	struct levels lv;
	assert_int_equal(load_text(&lv, body, &d), -1);
	assert_int_equal(lv.nareas, 0);
	const struct diag *g = expect_diag(&d, SEV_ERROR, "bad-levels", line);
	if (!strstr(g->message, words))
		fail_msg("message '%s' does not say '%s'", g->message, words);
	assert_int_equal(d.errors, 1);
	diags_free(&d);
}

static void shipped_rules_load(void **state)
{
	struct diags d;
	diags_init(&d);
	char *path = repo_file("templates/levels.csv");
	struct levels lv;
	assert_int_equal(levels_load(&lv, path, &cat, &d), 0);
	expect_no_diags(&d);
	assert_int_equal(lv.nareas, 4);
	static const char *const areas[] = { "employer", "workspace", "homes",
		"paid_carers" };
	for (size_t i = 0; i < 4; i++) {
		assert_string_equal(lv.areas[i].area, areas[i]);
		assert_int_equal(lv.areas[i].nlevels, 3);
		assert_string_equal(lv.areas[i].levels[0].name, "Active");
		assert_string_equal(lv.areas[i].levels[2].name, "Ambassador");
	}
	assert_int_equal(lv.history, 4);
	levels_free(&lv);
	free(path);
	diags_free(&d);
}

static void rows_become_levels_and_conditions(void **state)
{
	struct diags d;
	diags_init(&d);
	struct levels lv;
	assert_int_equal(load_text(&lv,
		"homes,Start,1,policy_review,yes,,\n"
		"employer,Active,1,carer_policy,yes,,\n"
		"employer,Next,2,carer_voice_events,>=,2,4\n"
		"employer,Next,2,carer_leave_days,<=, 365 ,\n"
		"employer,Next,2,staff_carers,rate>=,12.5,\n", &d), 0);
	expect_no_diags(&d);
	/* Areas in catalogue order, not file order. */
	assert_int_equal(lv.nareas, 2);
	assert_string_equal(lv.areas[0].area, "employer");
	assert_string_equal(lv.areas[1].area, "homes");
	const struct level *next = &lv.areas[0].levels[1];
	assert_string_equal(next->name, "Next");
	assert_int_equal(next->nconds, 3);
	assert_int_equal(next->conds[0].test, TEST_AT_LEAST);
	assert_int_equal(next->conds[0].quarters, 4);
	assert_int_equal(next->conds[0].line, 4);
	assert_int_equal(next->conds[1].test, TEST_AT_MOST);
	assert_true(next->conds[1].value == 365);
	assert_int_equal(next->conds[1].quarters, 1);
	assert_int_equal(next->conds[2].test, TEST_RATE_AT_LEAST);
	assert_true(next->conds[2].value == 12.5);
	assert_int_equal(next->conds[2].metric,
			 catalogue_find(&cat, "staff_carers"));
	assert_int_equal(lv.history, 4);
	levels_free(&lv);
	diags_free(&d);
}

static void missing_file_means_no_levels(void **state)
{
	struct diags d;
	diags_init(&d);
	struct levels lv;
	assert_int_equal(levels_load(&lv, "/nonexistent/levels.csv", &cat, &d),
			 0);
	assert_int_equal(lv.nareas, 0);
	assert_int_equal(d.len, 0);
	diags_free(&d);
}

static void refuses_unknown_metric(void **state)
{
	expect_refused("employer,Active,1,carer_polcy,yes,,\n", 2,
		       "'carer_polcy' is not a metric in the catalogue (did "
		       "you mean carer_policy?)");
}

static void refuses_test_that_does_not_fit(void **state)
{
	expect_refused("employer,Active,1,staff_total,yes,,\n", 2,
		       "yes fits only a yes/no metric");
	expect_refused("employer,Active,1,carer_policy,>=,1,\n", 2,
		       "a yes/no metric takes the test yes");
	expect_refused("employer,Active,1,carer_voice_events,rate>=,50,\n",
		       2, "rate>= fits only an \"of which\" count");
	expect_refused("employer,Active,1,carer_policy,==,1,\n", 2,
		       "test '==' is not one of yes, >=, <=, rate>=");
}

static void refuses_ranks_out_of_order(void **state)
{
	expect_refused("employer,Active,1,carer_policy,yes,,\n"
		       "employer,Accomplished,2,carer_network,yes,,\n"
		       "employer,Active,1,carer_leave_days,>=,5,\n",
		       4, "ranks out of order");
}

static void refuses_gap_in_ranks(void **state)
{
	expect_refused("employer,Active,1,carer_policy,yes,,\n"
		       "employer,Ambassador,3,carer_network,yes,,\n",
		       3, "rank 3 of employer comes after rank 1: a gap");
	expect_refused("employer,Accomplished,2,carer_network,yes,,\n", 2,
		       "rank 2 of employer comes after rank 0: a gap");
}

static void refuses_bad_rows(void **state)
{
	expect_refused("employers,Active,1,carer_policy,yes,,\n", 2,
		       "'employers' is not an area");
	expect_refused("homes,Active,1,carer_policy,yes,,\n", 2,
		       "belongs to the area employer, not homes");
	expect_refused("employer,Active,1,carer_leave_days,>=,lots,\n", 2,
		       "value 'lots' for test >= is not a number");
	expect_refused("employer,Active,1,carer_leave_days,>=,,\n", 2,
		       "value '' for test >= is not a number");
	expect_refused("employer,Active,1,carer_leave_days,>=,0x10,\n", 2,
		       "value '0x10' for test >= is not a number");
	expect_refused("employer,Active,1,carer_leave_days,>=,1e3,\n", 2,
		       "value '1e3' for test >= is not a number");
	expect_refused("employer,Active,1,carer_policy,yes,1,\n", 2,
		       "test yes takes no value");
	expect_refused("employer,Active,1,staff_carers,rate>=,101,\n", 2,
		       "not a percentage from 0 to 100");
	expect_refused("employer,Active,1,carer_policy,yes,,0\n", 2,
		       "quarters '0' is not a whole number from 1 to 40");
	expect_refused("employer,Active,1,carer_policy,yes,,41\n", 2,
		       "quarters '41'");
	expect_refused("employer,Active,1,carer_policy,yes,,two\n", 2,
		       "quarters 'two'");
	expect_refused("employer,Active,first,carer_policy,yes,,\n", 2,
		       "rank 'first' is not a whole number");
	expect_refused("employer,,1,carer_policy,yes,,\n", 2,
		       "the level has no name");
	expect_refused("employer,Active,1,carer_policy,yes,,\n"
		       "employer,Bronze,1,carer_network,yes,,\n", 3,
		       "rank 1 of employer is already called 'Active', not "
		       "'Bronze'");
	expect_refused("employer,Active,1,carer_policy,yes,,\n"
		       "employer,Active,2,carer_network,yes,,\n", 3,
		       "level 'Active' of employer already has rank 1");
}

static void every_bad_row_is_reported(void **state)
{
	struct diags d;
	diags_init(&d);
	struct levels lv;
	assert_int_equal(load_text(&lv,
		"employer,Active,1,nope,yes,,\n"
		"employer,Active,1,carer_policy,yes,,\n"
		"homes,Active,1,policy_review,>=,1,\n", &d), -1);
	assert_int_equal(d.errors, 2);
	expect_diag(&d, SEV_ERROR, "bad-levels", 2);
	expect_diag(&d, SEV_ERROR, "bad-levels", 4);
	diags_free(&d);
}

static void refuses_file_without_columns(void **state)
{
	struct diags d;
	diags_init(&d);
	char *path = temp_text("area,level,rank,metric,test\n"
			       "employer,Active,1,carer_policy,yes\n");
	struct levels lv;
	assert_int_equal(levels_load(&lv, path, &cat, &d), -1);
	assert_true(d.errors > 0);
	temp_remove(path);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shipped_rules_load),
		cmocka_unit_test(rows_become_levels_and_conditions),
		cmocka_unit_test(missing_file_means_no_levels),
		cmocka_unit_test(refuses_unknown_metric),
		cmocka_unit_test(refuses_test_that_does_not_fit),
		cmocka_unit_test(refuses_ranks_out_of_order),
		cmocka_unit_test(refuses_gap_in_ranks),
		cmocka_unit_test(refuses_bad_rows),
		cmocka_unit_test(every_bad_row_is_reported),
		cmocka_unit_test(refuses_file_without_columns),
	};
	return cmocka_run_group_tests_name("levels", tests, load_catalogue,
					   free_catalogue);
}
