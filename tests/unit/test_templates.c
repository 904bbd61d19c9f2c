/* Unit tests for model/templates: the files a program reads from the
 * templates folder, asked for by what it needs and loaded in one order. */
#include "unit.h"

#include "model/templates.h"

#include <sys/stat.h>

struct folder {
	char dir[64];
	char *roster;
};

static void put(const struct folder *f, const char *name, const char *text)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/%s", f->dir, name);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

static const char metrics[] =
	"metric,area,kind,of,min,max,better,sensitive,label,question\n"
	"staff_total,employer,count,,,,,no,Employees,How many?\n"
	"carer_policy,employer,yesno,,,,higher,no,Policy,Is there one?\n";
static const char roster[] =
	"org_id,org_name,region,peer_group,joined,left\n"
	"HX01,Brackenmoor Homes,North West,large,2025-Q1,\n";

/* A folder with a good catalogue, settings, wording and levels, and a
 * good roster beside it. */
static void folder_make(struct folder *f)
{
	snprintf(f->dir, sizeof(f->dir), "/tmp/pledge-unit-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	put(f, "metrics.csv", metrics);
	put(f, "settings.csv", "setting,value,meaning\n"
			       "suppress_min_orgs,4,fewer than this: [c]\n");
	put(f, "report.csv", "key,text\nfederation,The Federation\n");
	put(f, "levels.csv", "area,level,rank,metric,test,value,quarters\n"
			     "employer,Active,1,carer_policy,yes,,\n");
	f->roster = malloc(strlen(f->dir) + 16);
	assert_non_null(f->roster);
	sprintf(f->roster, "%s/roster.csv", f->dir);
	put(f, "roster.csv", roster);
}

static void folder_remove(struct folder *f)
{
	static const char *const names[] = { "metrics.csv", "settings.csv",
		"report.csv", "levels.csv", "roster.csv" };
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		char path[128];
		snprintf(path, sizeof(path), "%s/%s", f->dir, names[i]);
		unlink(path);
	}
	rmdir(f->dir);
	free(f->roster);
}

static int load(struct templates *t, const struct folder *f, unsigned want,
		struct diags *d)
{
	static const char *const words[] = { "federation", NULL };
	struct templates_ask ask = { .want = want, .dir = f->dir,
				     .roster = f->roster,
				     .required_words = words };
	diags_init(d);
	return templates_load(t, &ask, d);
}

static void loads_each_file_asked_for_from_the_folder(void **state)
{
	struct folder f;
	folder_make(&f);
	struct templates t;
	struct diags d;
	assert_int_equal(load(&t, &f, TEMPLATES_CATALOGUE | TEMPLATES_SETTINGS
				      | TEMPLATES_WORDING | TEMPLATES_ROSTER,
			      &d), 0);
	expect_no_diags(&d);
	assert_string_equal(t.dir, f.dir);
	assert_int_equal(t.cat.len, 2);
	assert_int_equal(t.set.min_orgs, 4);
	assert_string_equal(wording_get(&t.words, "federation"),
			    "The Federation");
	assert_int_equal(t.roster.len, 1);
	assert_string_equal(t.roster.orgs[0].id, "HX01");
	assert_int_equal(t.levels.nareas, 0);
	assert_int_equal(templates_load_levels(&t, &d), 0);
	assert_int_equal(t.levels.nareas, 1);
	char *path = templates_path(&t, "levels.csv");
	char want[128];
	snprintf(want, sizeof(want), "%s/levels.csv", f.dir);
	assert_string_equal(path, want);
	free(path);
	templates_free(&t);
	diags_free(&d);
	folder_remove(&f);
}

static void leaves_what_is_not_asked_for_empty(void **state)
{
	struct folder f;
	folder_make(&f);
	struct templates t;
	struct diags d;
	assert_int_equal(load(&t, &f, TEMPLATES_CATALOGUE, &d), 0);
	assert_int_equal(t.cat.len, 2);
	assert_int_equal(t.set.min_orgs, 3); /* the default */
	assert_non_null(t.set.font_regular);
	assert_int_equal(t.words.len, 0);
	assert_int_equal(t.roster.len, 0);
	templates_free(&t);
	diags_free(&d);
	folder_remove(&f);
}

/* A bad catalogue and a bad roster: without TEMPLATES_STOP both are
 * reported, in the order catalogue, settings, roster. */
static void reports_every_bad_file_in_one_order(void **state)
{
	struct folder f;
	folder_make(&f);
	put(&f, "metrics.csv", "metric,area\nstaff_total,employer\n");
	put(&f, "settings.csv", "setting,value,meaning\n"
				"suppress_min_orgs,lots,bad\n");
	put(&f, "roster.csv", "org_id\nHX01\n");
	struct templates t;
	struct diags d;
	assert_int_equal(load(&t, &f, TEMPLATES_CATALOGUE | TEMPLATES_SETTINGS
				      | TEMPLATES_ROSTER, &d), -1);
	assert_true(d.len >= 3);
	assert_non_null(strstr(d.items[0].file, "metrics.csv"));
	assert_non_null(strstr(d.items[1].file, "settings.csv"));
	assert_non_null(strstr(d.items[d.len - 1].file, "roster.csv"));
	assert_int_equal(t.cat.len, 0);
	templates_free(&t);
	diags_free(&d);
	folder_remove(&f);
}

static void stop_leaves_the_later_files_unread(void **state)
{
	struct folder f;
	folder_make(&f);
	put(&f, "metrics.csv", "metric,area\nstaff_total,employer\n");
	struct templates t;
	struct diags d;
	assert_int_equal(load(&t, &f, TEMPLATES_CATALOGUE | TEMPLATES_SETTINGS
				      | TEMPLATES_WORDING | TEMPLATES_ROSTER
				      | TEMPLATES_STOP, &d), -1);
	for (size_t i = 0; i < d.len; i++)
		assert_non_null(strstr(d.items[i].file, "metrics.csv"));
	assert_int_equal(t.set.min_orgs, 3);
	assert_int_equal(t.words.len, 0);
	assert_int_equal(t.roster.len, 0);
	templates_free(&t);
	diags_free(&d);
	folder_remove(&f);
}

static void a_missing_wording_key_is_an_error(void **state)
{
	struct folder f;
	folder_make(&f);
	put(&f, "report.csv", "key,text\nreport_title,Progress\n");
	struct templates t;
	struct diags d;
	assert_int_equal(load(&t, &f, TEMPLATES_WORDING, &d), -1);
	assert_true(d.errors > 0);
	templates_free(&t);
	diags_free(&d);
	folder_remove(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(loads_each_file_asked_for_from_the_folder),
		cmocka_unit_test(leaves_what_is_not_asked_for_empty),
		cmocka_unit_test(reports_every_bad_file_in_one_order),
		cmocka_unit_test(stop_leaves_the_later_files_unread),
		cmocka_unit_test(a_missing_wording_key_is_an_error),
	};
	return cmocka_run_group_tests_name("templates", tests, NULL, NULL);
}
