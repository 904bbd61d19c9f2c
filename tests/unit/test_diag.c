/* Unit tests for base/diag: diagnostics as data, printed gcc style
 * (SPEC §4: "PROGRAM: FILE:LINE: error|warning: MESSAGE"). */
#include "unit.h"

/* What diag_print writes for g. */
static char *printed(const struct diag *g, const char *prog)
{
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);
	assert_non_null(fp);
	diag_print(g, prog, fp);
	fclose(fp);
	return out;
}

static void collects_and_counts(void **state)
{
	struct diags d;
	diags_init(&d);
	size_t i = diag_add(&d, SEV_ERROR, "in/HX04.csv", 7, "HX04",
			    "new_homes", "not-a-number",
			    "value '%s' for %s is not a whole number", "lots",
			    "new_homes");
	size_t j = diag_add(&d, SEV_WARNING, "in/HX04.csv", 0, NULL, NULL,
			    "windows-1252", "read as Windows-1252");
	assert_int_equal(i, 0);
	assert_int_equal(j, 1);
	assert_int_equal(d.len, 2);
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.warnings, 1);
	const struct diag *g = &d.items[0];
	assert_int_equal(g->severity, SEV_ERROR);
	assert_string_equal(g->file, "in/HX04.csv");
	assert_int_equal(g->line, 7);
	assert_string_equal(g->org_id, "HX04");
	assert_string_equal(g->metric, "new_homes");
	assert_string_equal(g->code, "not-a-number");
	assert_string_equal(g->message,
			    "value 'lots' for new_homes is not a whole number");
	assert_string_equal(d.items[1].org_id, "");
	assert_string_equal(d.items[1].metric, "");
	diags_free(&d);
	assert_int_equal(d.len, 0);
	assert_int_equal(d.errors, 0);
}

static void prints_gcc_style(void **state)
{
	struct diags d;
	diags_init(&d);
	diag_add(&d, SEV_ERROR, "input/2026-Q3/HX04.csv", 7, NULL, NULL,
		 "not-a-number", "value 'lots' for new_homes is not a whole "
		 "number");
	diag_add(&d, SEV_WARNING, "input/signatories.csv", 0, NULL, NULL,
		 "missing-return", "HX05 sent no return for 2026-Q3");
	char *a = printed(&d.items[0], "pledge-ingest");
	char *b = printed(&d.items[1], "pledge-ingest");
	char *c = printed(&d.items[0], NULL);
	assert_string_equal(a, "pledge-ingest: input/2026-Q3/HX04.csv:7: "
			       "error: value 'lots' for new_homes is not a "
			       "whole number\n");
	assert_string_equal(b, "pledge-ingest: input/signatories.csv: "
			       "warning: HX05 sent no return for 2026-Q3\n");
	assert_string_equal(c, "input/2026-Q3/HX04.csv:7: error: value 'lots' "
			       "for new_homes is not a whole number\n");
	free(a);
	free(b);
	free(c);
	diags_free(&d);
}

static void control_characters_escaped(void **state)
{
	struct diags d;
	diags_init(&d);
	diag_add(&d, SEV_ERROR, "in/Re: HX01\nreturn\t(2)\r.csv", 3, NULL,
		 NULL, "not-a-number", "value '%s' is odd", "a\x01\x7F");
	char *a = printed(&d.items[0], "pledge-ingest");
	assert_string_equal(a, "pledge-ingest: in/Re: HX01\\nreturn\\t(2)"
			       "\\r.csv:3: error: value 'a\\x01\\x7F' is "
			       "odd\n");
	free(a);
	/* UTF-8 is left as it is */
	char *e = diag_escape("T\xC5\xB7 Glas \xC2\xA3");
	assert_string_equal(e, "T\xC5\xB7 Glas \xC2\xA3");
	free(e);
	diags_free(&d);
}

static void echoes_as_added(void **state)
{
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);
	assert_non_null(fp);
	struct diags d;
	diags_init(&d);
	d.echo = fp;
	d.prog = "p";
	d.echo_warnings = 0;
	diag_add(&d, SEV_WARNING, "f.csv", 1, NULL, NULL, "short-row", "quiet");
	diag_add(&d, SEV_ERROR, "f.csv", 2, NULL, NULL, "ragged-row", "loud");
	d.echo_warnings = 1;
	diag_add(&d, SEV_WARNING, "f.csv", 3, NULL, NULL, "short-row", "heard");
	fclose(fp);
	assert_string_equal(out, "p: f.csv:2: error: loud\n"
				 "p: f.csv:3: warning: heard\n");
	assert_int_equal(d.len, 3);
	free(out);
	diags_free(&d);
}

static void many_diagnostics(void **state)
{
	struct diags d;
	diags_init(&d);
	for (long i = 0; i < 10000; i++)
		diag_add(&d, i % 3 ? SEV_WARNING : SEV_ERROR, "f.csv", i + 1,
			 NULL, NULL, "unknown-metric", "message %ld", i);
	assert_int_equal(d.len, 10000);
	assert_int_equal(d.errors, 3334);
	assert_int_equal(d.warnings, 6666);
	assert_string_equal(d.items[9999].message, "message 9999");
	assert_int_equal(d.items[5000].line, 5001);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(collects_and_counts),
		cmocka_unit_test(prints_gcc_style),
		cmocka_unit_test(control_characters_escaped),
		cmocka_unit_test(echoes_as_added),
		cmocka_unit_test(many_diagnostics),
	};
	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
