/* Unit tests for out/csvout: minimal quoting and formula neutralising
 * (SPEC §3.4 output rules). */
#include "unit.h"

#include "base/buf.h"
#include "out/csvout.h"
#include "read/csvin.h"

/* One field as csvout writes it (text: as free text). */
static void expect_field(const char *s, int text, const char *want)
{
	struct buf b = BUF_INIT;
	if (text)
		csvout_text(&b, s, 1);
	else
		csvout_field(&b, s, 1);
	if (strcmp(b.s, want) != 0)
		fail_msg("%s('%s') wrote [%s], want [%s]",
			 text ? "text" : "field", s, b.s, want);
	buf_free(&b);
}

static void plain_fields_are_not_quoted(void **state)
{
	static const char *const plain[] = { "", "abc", "12.5", " spaced ",
		"T\xC5\xB7 Glas \xC2\xA3", "it's", "semi;colon", "tab\there",
		"=SUM(A1)", "-5", "+44", "@x", NULL };
	for (const char *const *s = plain; *s; s++)
		expect_field(*s, 0, *s);
}

static void quoted_only_when_needed(void **state)
{
	expect_field("a,b", 0, "\"a,b\"");
	expect_field("say \"hi\"", 0, "\"say \"\"hi\"\"\"");
	expect_field("\"", 0, "\"\"\"\"");
	expect_field("\"\"", 0, "\"\"\"\"\"\"");
	expect_field("line\nbreak", 0, "\"line\nbreak\"");
	expect_field("cr\rhere", 0, "\"cr\rhere\"");
	expect_field("end\"", 0, "\"end\"\"\"");
	expect_field("Hollins, Reed and \"Barrow\"", 0,
		     "\"Hollins, Reed and \"\"Barrow\"\"\"");
}

static void text_neutralises_formulas(void **state)
{
	expect_field("=SUM(A1:A9)", 1, "'=SUM(A1:A9)");
	expect_field("+44 20 7946 0000", 1, "'+44 20 7946 0000");
	expect_field("-2 late", 1, "'-2 late");
	expect_field("@cmd", 1, "'@cmd");
	expect_field("\tindented", 1, "'\tindented");
	expect_field("\rsneaky", 1, "\"'\rsneaky\"");
	expect_field("=HYPERLINK(\"x\",\"y\")", 1,
		     "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
}

static void safe_text_is_unchanged(void **state)
{
	static const char *const safe[] = { "", "Greymere Housing", "a=b",
		"x-y", " =not first", "'quoted already", "1+1", NULL };
	for (const char *const *s = safe; *s; s++)
		expect_field(*s, 1, *s);
	expect_field("note, with comma", 1, "\"note, with comma\"");
}

static void fields_are_separated(void **state)
{
	struct buf b = BUF_INIT;
	csvout_field(&b, "2026-Q3", 1);
	csvout_field(&b, "HX01", 0);
	csvout_text(&b, "=Greymere", 0);
	csvout_field(&b, "", 0);
	csvout_text(&b, "a,b", 0);
	assert_string_equal(b.s, "2026-Q3,HX01,'=Greymere,,\"a,b\"");
	buf_free(&b);
}

static void rows_end_in_lf(void **state)
{
	struct buf b = BUF_INIT;
	static const char *const header[] = { "period", "org_id", "value",
		NULL };
	static const char *const row[] = { "2026-Q3", "x,y", "", NULL };
	static const char *const one[] = { "alone", NULL };
	csvout_row(&b, header);
	csvout_row(&b, row);
	csvout_row(&b, one);
	assert_string_equal(b.s, "period,org_id,value\n2026-Q3,\"x,y\",\n"
				 "alone\n");
	buf_free(&b);
}

/* What csvout writes, csvin reads back unchanged (but for spaces around
 * an unquoted value, which the reader trims on purpose). */
static void round_trips_through_the_reader(void **state)
{
	static const char *const fields[] = { "plain", "a,b", "say \"hi\"",
		"two\nlines", "crlf\r\ninside", "", "in ner", "\"", "=1+2",
		"T\xC5\xB7 \xC2\xA3", NULL };
	struct buf b = BUF_INIT;
	csvout_row(&b, fields);
	csvout_row(&b, fields);
	FILE *fp = fmemopen(b.s, b.len, "rb");
	assert_non_null(fp);
	struct diags d;
	diags_init(&d);
	struct csvin *in = csvin_open(fp, "round.csv", NULL, &d);
	struct csvrec rec;
	for (int k = 0; k < 2; k++) {
		assert_int_equal(csvin_next(in, &rec), CSVIN_RECORD);
		size_t n = 0;
		for (; fields[n]; n++)
			assert_string_equal(rec.fields[n], fields[n]);
		assert_int_equal(rec.n, n);
	}
	assert_int_equal(csvin_next(in, &rec), CSVIN_EOF);
	expect_no_diags(&d);
	csvin_close(in);
	fclose(fp);
	diags_free(&d);
	buf_free(&b);
}

static void flush_writes_in_blocks(void **state)
{
	char *out = NULL;
	size_t outlen = 0;
	FILE *fp = open_memstream(&out, &outlen);
	assert_non_null(fp);
	struct buf b = BUF_INIT;
	csvout_field(&b, "abc", 1);
	assert_int_equal(csvout_flush(&b, fp, 100), 0);
	assert_int_equal(b.len, 3); /* below min: kept */
	csvout_field(&b, "def", 0);
	assert_int_equal(csvout_flush(&b, fp, 0), 0);
	assert_int_equal(b.len, 0);
	assert_int_equal(csvout_flush(&b, fp, 0), 0); /* nothing to write */
	fclose(fp);
	assert_int_equal(outlen, 7);
	assert_memory_equal(out, "abc,def", 7);
	free(out);
	buf_free(&b);
}

static void flush_reports_a_full_disk(void **state)
{
	FILE *fp = fopen("/dev/full", "w");
	if (!fp)
		skip();
	struct buf b = BUF_INIT;
	while (b.len < 1 << 20)
		csvout_field(&b, "0123456789abcdef", 0);
	assert_int_equal(csvout_flush(&b, fp, 0), -1);
	fclose(fp);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_fields_are_not_quoted),
		cmocka_unit_test(quoted_only_when_needed),
		cmocka_unit_test(text_neutralises_formulas),
		cmocka_unit_test(safe_text_is_unchanged),
		cmocka_unit_test(fields_are_separated),
		cmocka_unit_test(rows_end_in_lf),
		cmocka_unit_test(round_trips_through_the_reader),
		cmocka_unit_test(flush_writes_in_blocks),
		cmocka_unit_test(flush_reports_a_full_disk),
	};
	return cmocka_run_group_tests_name("csvout", tests, NULL, NULL);
}
