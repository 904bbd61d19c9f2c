/* Unit tests for model/catalogue: the shipped templates/metrics.csv and
 * catalogues that must be refused (SPEC §3.2). */
#include "unit.h"

#include "model/catalogue.h"
#include "model/value.h"
#include "base/buf.h"

static const char header[] =
	"metric,area,kind,of,min,max,better,sensitive,label,question\n";

/* The shipped catalogue, loaded once for the group. */
static struct catalogue shipped;
static char *shipped_path;

static int load_shipped(void **state)
{
	struct diags d;
	diags_init(&d);
	shipped_path = repo_file("templates/metrics.csv");
	int ret = catalogue_load(&shipped, shipped_path, &d);
	if (ret < 0 || d.len)
		diag_dump(&d);
	diags_free(&d);
	return ret;
}

static int free_shipped(void **state)
{
	catalogue_free(&shipped);
	free(shipped_path);
	return 0;
}

static const struct metric *metric(const char *id)
{
	int i = catalogue_find(&shipped, id);
	if (i < 0)
		fail_msg("metric %s is not in the catalogue", id);
	return &shipped.metrics[i];
}

/* Lines of the file after the header: one metric each. */
static size_t data_lines(const char *path)
{
	FILE *fp = fopen(path, "r");
	assert_non_null(fp);
	size_t lines = 0;
	int c, last = '\n';
	while ((c = getc(fp)) != EOF) {
		if (c == '\n')
			lines++;
		last = c;
	}
	fclose(fp);
	return lines + (last != '\n') - 1;
}

static void shipped_loads_in_file_order(void **state)
{
	assert_int_equal(shipped.len, data_lines(shipped_path));
	assert_string_equal(shipped.metrics[0].id, "staff_total");
	assert_int_equal(shipped.metrics[0].line, 2);
	for (size_t i = 0; i < shipped.len; i++) {
		assert_int_equal(catalogue_find(&shipped, shipped.metrics[i].id),
				 (int)i);
		assert_int_equal(shipped.metrics[i].line, (long)i + 2);
		assert_true(shipped.metrics[i].label[0] != '\0');
	}
}

static void find_is_exact(void **state)
{
	assert_int_equal(catalogue_find(&shipped, "staff_total"), 0);
	assert_int_equal(catalogue_find(&shipped, "STAFF_TOTAL"), -1);
	assert_int_equal(catalogue_find(&shipped, "staff_tota"), -1);
	assert_int_equal(catalogue_find(&shipped, ""), -1);
	assert_int_equal(catalogue_find(&shipped, "zzz"), -1);
}

static void parents_are_linked(void **state)
{
	assert_int_equal(metric("staff_carers")->parent,
			 catalogue_find(&shipped, "staff_total"));
	assert_int_equal(metric("new_homes_m4_3")->parent,
			 catalogue_find(&shipped, "new_homes"));
	assert_int_equal(metric("staff_total")->parent, -1);
	assert_int_equal(metric("carer_policy")->parent, -1);
	for (size_t i = 0; i < shipped.len; i++) {
		int p = shipped.metrics[i].parent;
		if (p < 0)
			continue;
		assert_int_equal(shipped.metrics[i].kind, KIND_COUNT);
		assert_int_equal(shipped.metrics[p].kind, KIND_COUNT);
		assert_int_equal(shipped.metrics[p].parent, -1);
	}
}

static void columns_are_read(void **state)
{
	const struct metric *m = metric("staff_carers");
	assert_int_equal(m->kind, KIND_COUNT);
	assert_string_equal(m->area, "employer");
	assert_true(m->sensitive);
	assert_int_equal(m->better, BETTER_HIGHER);
	assert_string_equal(m->label, "Employees known to be carers");
	assert_non_null(strstr(m->question, "Of these, how many"));

	m = metric("carer_leave_days");
	assert_int_equal(m->kind, KIND_NUMBER);
	assert_true(m->has_min && m->has_max);
	assert_true(m->min == 0 && m->max == 365);
	assert_false(m->sensitive);

	assert_int_equal(metric("carer_policy")->kind, KIND_YESNO);
	assert_int_equal(metric("care_median_pay")->kind, KIND_MONEY);
	assert_int_equal(metric("adaptation_days")->better, BETTER_LOWER);
	assert_int_equal(metric("staff_total")->better, BETTER_NONE);
	assert_false(metric("staff_total")->has_min);

	m = metric("care_living_wage_pct");
	assert_int_equal(m->kind, KIND_PERCENT);
	assert_true(m->has_min && m->has_max && m->min == 0 && m->max == 100);
}

static void kind_names(void **state)
{
	assert_string_equal(kind_name(KIND_COUNT), "count");
	assert_string_equal(kind_name(KIND_NUMBER), "number");
	assert_string_equal(kind_name(KIND_PERCENT), "percent");
	assert_string_equal(kind_name(KIND_MONEY), "money");
	assert_string_equal(kind_name(KIND_YESNO), "yesno");
}

static void expect_suggestion(const char *typo, const char *want)
{
	const char *got = catalogue_suggest(&shipped, typo);
	if (!want && got)
		fail_msg("suggest('%s') = '%s', want none", typo, got);
	if (want && (!got || strcmp(got, want) != 0))
		fail_msg("suggest('%s') = '%s', want '%s'", typo,
			 got ? got : "(none)", want);
}

static void suggests_the_closest_id(void **state)
{
	expect_suggestion("staff_carer", "staff_carers");
	expect_suggestion("staf_total", "staff_total");
	expect_suggestion("Staff_Total", "staff_total");
	expect_suggestion("new_hmoes", "new_homes");
	expect_suggestion("carer_polcy", "carer_policy");
	expect_suggestion("staff_total", "staff_total");
	expect_suggestion("zzz", NULL);
	expect_suggestion("", NULL);
	expect_suggestion("completely_unrelated_name", NULL);
}

/* Loads text as a catalogue; returns what catalogue_load returned. */
static int load_text(const char *text, struct catalogue *cat,
		     struct diags *d)
{
	char *path = temp_text(text);
	int ret = catalogue_load(cat, path, d);
	temp_remove(path);
	return ret;
}

/* Every distinct area, in the order it first appears, however many
 * there are (the sector report once kept only the first 16). */
static void areas_are_all_listed_in_first_order(void **state)
{
	struct buf text = BUF_INIT;
	buf_adds(&text, header);
	for (int i = 0; i < 40; i++)
		buf_addf(&text, "m%02d,area%02d,count,,,,,no,M%d,Q%d?\n", i,
			 (i * 7) % 20, i, i);
	struct catalogue cat;
	struct diags d;
	diags_init(&d);
	assert_int_equal(load_text(text.s, &cat, &d), 0);
	size_t n = 99;
	const char **areas = catalogue_areas(&cat, &n);
	assert_int_equal(n, 20);
	for (size_t a = 0; a < n; a++) {
		char want[16];
		snprintf(want, sizeof(want), "area%02zu", (a * 7) % 20);
		assert_string_equal(areas[a], want);
	}
	free(areas);
	catalogue_free(&cat);
	diags_free(&d);
	buf_free(&text);
	areas = catalogue_areas(&shipped, &n);
	assert_int_equal(n, 4);
	assert_string_equal(areas[0], "employer");
	free(areas);
}

/* rows (after the header) are refused with code on line. */
static void expect_refused(const char *rows, const char *code, long line)
{
	char text[2048];
	snprintf(text, sizeof(text), "%s%s", header, rows);
	struct catalogue cat;
	struct diags d;
	diags_init(&d);
	if (load_text(text, &cat, &d) != -1)
		fail_msg("catalogue accepted, want %s on line %ld:\n%s", code,
			 line, rows);
	expect_diag(&d, SEV_ERROR, code, line);
	assert_int_equal(cat.len, 0);
	assert_null(cat.metrics);
	diags_free(&d);
}

#define GOOD "total,area1,count,,,,,no,Total,Q\n"

static void refuses_bad_kind(void **state)
{
	expect_refused(GOOD "part,area1,integer,,,,,no,Part,Q\n",
		       "bad-catalogue", 3);
	expect_refused(GOOD "part,area1,Count,,,,,no,Part,Q\n",
		       "bad-catalogue", 3);
}

static void refuses_bad_of(void **state)
{
	expect_refused(GOOD "part,area1,count,nothing,,,,no,Part,Q\n",
		       "bad-catalogue", 3);
	/* "of" must be a count, and so must the metric */
	expect_refused("flag,area1,yesno,,,,,no,Flag,Q\n"
		       "part,area1,count,flag,,,,no,Part,Q\n",
		       "bad-catalogue", 3);
	expect_refused(GOOD "share,area1,percent,total,,,,no,Share,Q\n",
		       "bad-catalogue", 3);
	expect_refused("self,area1,count,self,,,,no,Self,Q\n",
		       "bad-catalogue", 2);
}

/* "of" may not chain (part of part of total): the catalogue refuses it
 * whatever order the rows come in, not only when the middle metric's
 * link was made first. */
static void refuses_of_chain_in_any_order(void **state)
{
	expect_refused(GOOD "part,area1,count,total,,,,no,Part,Q\n"
		       "bit,area1,count,part,,,,no,Bit,Q\n",
		       "bad-catalogue", 4);
	expect_refused("bit,area1,count,part,,,,no,Bit,Q\n"
		       "part,area1,count,total,,,,no,Part,Q\n" GOOD,
		       "bad-catalogue", -1);
}

static void refuses_duplicate_id(void **state)
{
	expect_refused(GOOD "other,area1,count,,,,,no,Other,Q\n"
		       "total,area2,number,,,,,no,Again,Q\n",
		       "bad-catalogue", 4);
}

static void refuses_bad_rows(void **state)
{
	expect_refused("Staff Total,area1,count,,,,,no,T,Q\n",
		       "bad-catalogue", 2);
	expect_refused("value,area1,count,,,,,no,T,Q\n", "bad-catalogue", 2);
	expect_refused("org_id,area1,count,,,,,no,T,Q\n", "bad-catalogue", 2);
	expect_refused(GOOD "x,area1,number,,abc,,,no,X,Q\n",
		       "bad-catalogue", 3);
	expect_refused(GOOD "x,area1,number,,10,5,,no,X,Q\n",
		       "bad-catalogue", 3);
	expect_refused(GOOD "x,area1,number,,,,up,no,X,Q\n",
		       "bad-catalogue", 3);
	expect_refused(GOOD "x,area1,number,,,,,maybe,X,Q\n",
		       "bad-catalogue", 3);
	expect_refused(GOOD "x,area1,number,,,,,no,,Q\n", "bad-catalogue", 3);
	expect_refused(GOOD "x,,number,,,,,no,X,Q\n", "bad-catalogue", 3);
}

static void refuses_empty_catalogue(void **state)
{
	expect_refused("", "bad-catalogue", 0);
}

/* A header without one of the columns: the error names the column, so
 * whoever edits the catalogue knows what to add (catalogue.h: "errors
 * added: ... missing column"). */
static void refuses_missing_column(void **state)
{
	struct catalogue cat;
	struct diags d;
	diags_init(&d);
	assert_int_equal(load_text("metric,area,kind,of,min,max,better,"
				   "sensitive,label\n"
				   "total,area1,count,,,,,no,Total\n",
				   &cat, &d), -1);
	assert_int_equal(cat.len, 0);
	const struct diag *g = expect_diag(&d, SEV_ERROR, "missing-column", 1);
	assert_non_null(strstr(g->message, "question"));
	diags_free(&d);
}

static void refuses_unreadable_file(void **state)
{
	struct catalogue cat;
	struct diags d;
	diags_init(&d);
	assert_int_equal(catalogue_load(&cat, "/nonexistent/metrics.csv", &d),
			 -1);
	expect_diag(&d, SEV_ERROR, "unreadable", 0);
	assert_int_equal(cat.len, 0);
	diags_free(&d);
}

static void columns_in_any_order_with_extras(void **state)
{
	struct catalogue cat;
	struct diags d;
	diags_init(&d);
	assert_int_equal(load_text("Question,Label,SENSITIVE,better,max,min,"
				   "of,kind,area,metric,comment\n"
				   "Q1,Total,no,,,,,count,a,total,x\n"
				   "Q2,Part,yes,higher,,,total,count,a,part,y\n",
				   &cat, &d), 0);
	expect_no_diags(&d);
	assert_int_equal(cat.len, 2);
	assert_string_equal(cat.metrics[1].id, "part");
	assert_int_equal(cat.metrics[1].parent, 0);
	assert_true(cat.metrics[1].sensitive);
	assert_string_equal(cat.metrics[1].question, "Q2");
	catalogue_free(&cat);
	assert_int_equal(cat.len, 0);
	diags_free(&d);
}

/* A percent is 0-100 (SPEC §3.2) even when the catalogue gives no
 * bounds; tighter bounds are kept. */
static void percent_bounded_to_0_100(void **state)
{
	struct catalogue cat;
	struct diags d;
	diags_init(&d);
	char text[512];
	snprintf(text, sizeof(text), "%s%s", header,
		 "share,a,percent,,,,,no,Share,Q\n"
		 "tight,a,percent,,10,90,,no,Tight,Q\n"
		 "loose,a,percent,,-50,150,,no,Loose,Q\n");
	assert_int_equal(load_text(text, &cat, &d), 0);
	expect_no_diags(&d);
	static const double want[][2] = { { 0, 100 }, { 10, 90 }, { 0, 100 } };
	for (size_t i = 0; i < 3; i++) {
		const struct metric *m = &cat.metrics[i];
		assert_true(m->has_min && m->has_max);
		assert_true(m->min == want[i][0] && m->max == want[i][1]);
	}
	char raw[] = "120%";
	struct value v;
	struct value_error err;
	assert_int_equal(value_parse(&cat.metrics[0], raw, &v, &err),
			 VALUE_BAD);
	assert_string_equal(err.code, "out-of-range");
	catalogue_free(&cat);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shipped_loads_in_file_order),
		cmocka_unit_test(find_is_exact),
		cmocka_unit_test(parents_are_linked),
		cmocka_unit_test(columns_are_read),
		cmocka_unit_test(kind_names),
		cmocka_unit_test(areas_are_all_listed_in_first_order),
		cmocka_unit_test(suggests_the_closest_id),
		cmocka_unit_test(refuses_bad_kind),
		cmocka_unit_test(refuses_bad_of),
		cmocka_unit_test(refuses_of_chain_in_any_order),
		cmocka_unit_test(refuses_duplicate_id),
		cmocka_unit_test(refuses_bad_rows),
		cmocka_unit_test(refuses_empty_catalogue),
		cmocka_unit_test(refuses_missing_column),
		cmocka_unit_test(refuses_unreadable_file),
		cmocka_unit_test(columns_in_any_order_with_extras),
		cmocka_unit_test(percent_bounded_to_0_100),
	};
	return cmocka_run_group_tests_name("catalogue", tests, load_shipped,
					   free_shipped);
}
