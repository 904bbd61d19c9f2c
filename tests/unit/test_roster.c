/* Unit tests for model/roster: signatories, their ids and the quarters
 * they owe a return for (SPEC §3.1). */
#include "unit.h"

#include "base/period.h"
#include "model/roster.h"

static const char header[] = "org_id,org_name,region,peer_group,joined,left\n";

struct fixture {
	struct roster r;
	struct diags d;
	int ret;
};

static void load_text(struct fixture *f, const char *text)
{
	diags_init(&f->d);
	char *path = temp_text(text);
	f->ret = roster_load(&f->r, path, &f->d);
	temp_remove(path);
}

/* header, then rows. */
static void load_rows(struct fixture *f, const char *rows)
{
	char text[4096];
	snprintf(text, sizeof(text), "%s%s", header, rows);
	load_text(f, text);
}

static void unload(struct fixture *f)
{
	roster_free(&f->r);
	diags_free(&f->d);
}

/* The ids loaded, in file order, joined by spaces. */
static void expect_ids(const struct roster *r, const char *want)
{
	char got[512] = "";
	for (size_t i = 0; i < r->len; i++) {
		strcat(got, i ? " " : "");
		strcat(got, r->orgs[i].id);
	}
	assert_string_equal(got, want);
}

static int period(const char *s)
{
	int p = period_parse(s);
	assert_int_not_equal(p, PERIOD_NONE);
	return p;
}

static void loads_every_column(void **state)
{
	struct fixture f;
	load_rows(&f, "HX01,Brackenmoor Homes,North West,large,2025-Q1,\n"
		      "HX02,\"Hollins, Reed and Barrow\",Yorkshire,medium,"
		      "2025 q2,\n"
		      "HX03,T\xC5\xB7 Glas Housing,Wales,medium,Q3 2025,"
		      "2026-Q3\n");
	assert_int_equal(f.ret, 0);
	expect_no_diags(&f.d);
	expect_ids(&f.r, "HX01 HX02 HX03");
	const struct org *o = &f.r.orgs[1];
	assert_string_equal(o->name, "Hollins, Reed and Barrow");
	assert_string_equal(o->region, "Yorkshire");
	assert_string_equal(o->peer_group, "medium");
	assert_int_equal(o->joined, period("2025-Q2"));
	assert_int_equal(o->left, PERIOD_NONE);
	assert_int_equal(o->line, 3);
	assert_string_equal(f.r.orgs[2].name, "T\xC5\xB7 Glas Housing");
	assert_int_equal(f.r.orgs[2].joined, period("2025-Q3"));
	assert_int_equal(f.r.orgs[2].left, period("2026-Q3"));
	unload(&f);
}

static void left_column_is_optional(void **state)
{
	struct fixture f;
	load_text(&f, "org_id,org_name,region,peer_group,joined\n"
		      "A1,Alpha,North,small,2025-Q1\n");
	assert_int_equal(f.ret, 0);
	expect_no_diags(&f.d);
	assert_int_equal(f.r.len, 1);
	assert_int_equal(f.r.orgs[0].left, PERIOD_NONE);
	unload(&f);
}

static void finds_exact_then_any_case(void **state)
{
	struct fixture f;
	load_rows(&f, "HX02,B,r,p,2025-Q1,\nhx03,C,r,p,2025-Q1,\n"
		      "HX01,A,r,p,2025-Q1,\n");
	assert_int_equal(roster_find(&f.r, "HX01"), 2);
	assert_int_equal(roster_find(&f.r, "HX02"), 0);
	assert_int_equal(roster_find(&f.r, "hx01"), 2);
	assert_int_equal(roster_find(&f.r, "Hx02"), 0);
	assert_int_equal(roster_find(&f.r, "HX03"), 1);
	assert_int_equal(roster_find(&f.r, "HX04"), -1);
	assert_int_equal(roster_find(&f.r, "HX0"), -1);
	assert_int_equal(roster_find(&f.r, ""), -1);
	unload(&f);
}

static void case_only_match_must_be_unique(void **state)
{
	struct fixture f;
	load_rows(&f, "ab,Lower,r,p,2025-Q1,\nAB,Upper,r,p,2025-Q1,\n");
	assert_int_equal(f.ret, 0);
	assert_int_equal(f.r.len, 2);
	assert_int_equal(roster_find(&f.r, "ab"), 0);
	assert_int_equal(roster_find(&f.r, "AB"), 1);
	assert_int_equal(roster_find(&f.r, "Ab"), -1); /* ambiguous */
	unload(&f);
}

static void many_orgs_are_all_found(void **state)
{
	char *rows = malloc(2000 * 40);
	assert_non_null(rows);
	size_t n = 0;
	for (int i = 1999; i >= 0; i--)
		n += (size_t)sprintf(rows + n, "ORG%04d,Org %d,r,p,2025-Q1,\n",
				     i, i);
	char *text = malloc(n + sizeof(header));
	assert_non_null(text);
	sprintf(text, "%s%s", header, rows);
	struct fixture f;
	load_text(&f, text);
	assert_int_equal(f.r.len, 2000);
	for (int i = 0; i < 2000; i++) {
		char id[16];
		sprintf(id, "ORG%04d", i);
		int k = roster_find(&f.r, id);
		assert_true(k >= 0);
		assert_string_equal(f.r.orgs[k].id, id);
		sprintf(id, "org%04d", i);
		assert_int_equal(roster_find(&f.r, id), k);
	}
	unload(&f);
	free(text);
	free(rows);
}

static void duplicate_ids_reported_and_dropped(void **state)
{
	struct fixture f;
	load_rows(&f, "HX01,First,r,p,2025-Q1,\nHX02,B,r,p,2025-Q1,\n"
		      "HX01,Second,r,p,2025-Q1,\n");
	assert_int_equal(f.ret, 0);
	const struct diag *g = expect_diag(&f.d, SEV_ERROR, "bad-roster", 4);
	assert_string_equal(g->org_id, "HX01");
	assert_non_null(strstr(g->message, "line 2"));
	assert_int_equal(f.d.errors, 1);
	expect_ids(&f.r, "HX01 HX02");
	int k = roster_find(&f.r, "HX01");
	assert_string_equal(f.r.orgs[k].name, "First");
	assert_int_equal(roster_find(&f.r, "HX02"), 1);
	unload(&f);
}

static void bad_rows_left_out(void **state)
{
	struct fixture f;
	load_rows(&f, "OK1,Fine,r,p,2025-Q1,\n"
		      "BAD1,Bad joined,r,p,2025-Q5,\n"
		      "BAD2,No joined,r,p,,\n"
		      "BAD 3,Space in id,r,p,2025-Q1,\n"
		      "BAD4,,r,p,2025-Q1,\n"
		      "BAD5,Bad left,r,p,2025-Q1,soon\n"
		      "BAD6,Left before joining,r,p,2025-Q3,2025-Q3\n"
		      "OK2,Fine too,r,p,2025-Q1,2025-Q2\n"
		      "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456,Too long,r,p,2025-Q1,\n");
	assert_int_equal(f.ret, 0);
	expect_ids(&f.r, "OK1 OK2");
	for (long line = 3; line <= 8; line++)
		expect_diag(&f.d, SEV_ERROR, "bad-roster", line);
	expect_diag(&f.d, SEV_ERROR, "bad-roster", 10);
	assert_int_equal(f.d.errors, 7);
	assert_int_equal(roster_find(&f.r, "BAD1"), -1);
	unload(&f);
}

static void unusable_roster(void **state)
{
	struct fixture f;
	diags_init(&f.d);
	assert_int_equal(roster_load(&f.r, "/nonexistent/signatories.csv",
				     &f.d), -1);
	expect_diag(&f.d, SEV_ERROR, "unreadable", 0);
	unload(&f);

	load_text(&f, "org_id,org_name,region,peer_group\nA,B,C,D\n");
	assert_int_equal(f.ret, -1);
	assert_true(f.d.errors > 0);
	unload(&f);
}

/* A header that lacks a required column says which one is missing. */
static void missing_column_is_named(void **state)
{
	struct fixture f;
	load_text(&f, "org_id,org_name,region,peer_group\nA,B,C,D\n");
	assert_int_equal(f.ret, -1);
	const struct diag *g = expect_diag(&f.d, SEV_ERROR, "missing-column",
					   1);
	assert_non_null(strstr(g->message, "joined"));
	unload(&f);
}

static void owes_from_joined_until_left(void **state)
{
	struct org o = { .joined = period("2025-Q1"),
			 .left = period("2026-Q3") };
	assert_false(org_owes(&o, period("2024-Q4")));
	assert_true(org_owes(&o, period("2025-Q1")));
	assert_true(org_owes(&o, period("2026-Q2")));
	assert_false(org_owes(&o, period("2026-Q3")));
	assert_false(org_owes(&o, period("2030-Q1")));

	struct org stays = { .joined = period("2026-Q3"), .left = PERIOD_NONE };
	assert_false(org_owes(&stays, period("2026-Q2")));
	assert_true(org_owes(&stays, period("2026-Q3")));
	assert_true(org_owes(&stays, period("2040-Q4")));
}

static void org_id_rules(void **state)
{
	static const char *const good[] = { "HX01", "a", "A-b_9",
		"ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", NULL };
	static const char *const bad[] = { "", "HX 01", "HX.01", "HX/01",
		"T\xC5\xB7", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", " HX01",
		"HX01\n", "=HX01", NULL };
	for (const char *const *s = good; *s; s++)
		if (!org_id_valid(*s))
			fail_msg("'%s' refused", *s);
	for (const char *const *s = bad; *s; s++)
		if (org_id_valid(*s))
			fail_msg("'%s' accepted", *s);
}

static void open_roster_grows_as_ids_come(void **state)
{
	struct roster r;
	roster_none(&r, "input/signatories.csv");
	assert_true(r.open);
	assert_int_equal(roster_find(&r, "HX01"), -1);
	char id[16];
	for (int i = 0; i < 5000; i++) {
		snprintf(id, sizeof(id), "O%05d", i);
		assert_int_equal(roster_find(&r, id), -1);
		assert_int_equal(roster_add(&r, id), i);
	}
	for (int i = 0; i < 5000; i++) {
		snprintf(id, sizeof(id), "O%05d", i);
		assert_int_equal(roster_find(&r, id), i);
		assert_string_equal(r.orgs[i].id, id);
		assert_string_equal(r.orgs[i].name, "");
		assert_true(org_owes(&r.orgs[i], 2026 * 4 + 2));
	}
	/* an open roster takes ids as written: another case is another id */
	assert_int_equal(roster_find(&r, "o00001"), -1);
	roster_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(loads_every_column),
		cmocka_unit_test(left_column_is_optional),
		cmocka_unit_test(finds_exact_then_any_case),
		cmocka_unit_test(case_only_match_must_be_unique),
		cmocka_unit_test(many_orgs_are_all_found),
		cmocka_unit_test(duplicate_ids_reported_and_dropped),
		cmocka_unit_test(bad_rows_left_out),
		cmocka_unit_test(unusable_roster),
		cmocka_unit_test(missing_column_is_named),
		cmocka_unit_test(owes_from_joined_until_left),
		cmocka_unit_test(org_id_rules),
		cmocka_unit_test(open_roster_grows_as_ids_come),
	};
	return cmocka_run_group_tests_name("roster", tests, NULL, NULL);
}
