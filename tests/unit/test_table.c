/* Unit tests for read/table: finding the header, normalising names and
 * the rows a spreadsheet leaves behind (SPEC §3.3, §3.4). */
#include "unit.h"

#include "base/buf.h"
#include "read/table.h"

static const char *const metric_value[] = { "metric", "value", NULL };

/* A table over text in a temporary file (removed once open, so a failed
 * test leaves nothing behind), its header found. */
struct fixture {
	struct table *t;
	struct diags d;
	int header;   /* what table_header returned */
};

static void open_text(struct fixture *f, const char *text,
		      const char *const *want)
{
	diags_init(&f->d);
	char *path = temp_text(text);
	f->t = table_open(path, NULL, &f->d);
	temp_remove(path);
	assert_non_null(f->t);
	f->header = table_header(f->t, table_has_all, (void *)want,
				 "metric and value");
}

static void close_text(struct fixture *f)
{
	table_close(f->t);
	diags_free(&f->d);
}

/* The remaining rows as "LINE:f|f\n". */
static char *rows(struct fixture *f, enum table_status *end)
{
	struct buf out = BUF_INIT;
	struct table_row row;
	while ((*end = table_next(f->t, &row)) == TABLE_ROW) {
		buf_addf(&out, "%ld:", row.line);
		for (size_t i = 0; i < f->t->ncols; i++)
			buf_addf(&out, "%s%s", i ? "|" : "", row.f[i]);
		buf_addc(&out, '\n');
	}
	return buf_detach(&out);
}

static void expect_rows(struct fixture *f, const char *want)
{
	enum table_status end;
	char *got = rows(f, &end);
	if (strcmp(got, want) != 0) {
		diag_dump(&f->d);
		fail_msg("rows:\n%s\nwant:\n%s", got, want);
	}
	assert_int_equal(end, TABLE_END);
	free(got);
}

static void expect_cols(const struct table *t, const char *const *want)
{
	size_t n = 0;
	for (; want[n]; n++)
		if (n >= t->ncols || strcmp(t->cols[n], want[n]) != 0)
			fail_msg("column %zu is '%s', want '%s'", n,
				 n < t->ncols ? t->cols[n] : "(none)",
				 want[n]);
	assert_int_equal(t->ncols, n);
}

static void plain_header(void **state)
{
	struct fixture f;
	open_text(&f, "metric,value\nstaff_total,12\nnew_homes,3\n",
		  metric_value);
	assert_int_equal(f.header, 0);
	assert_int_equal(f.t->header_line, 1);
	assert_int_equal(f.t->delim, ',');
	expect_rows(&f, "2:staff_total|12\n3:new_homes|3\n");
	expect_no_diags(&f.d);
	close_text(&f);
}

static void header_under_title_rows(void **state)
{
	struct fixture f;
	open_text(&f, "Quarterly return,,\n\nHX01 for 2026-Q3,,\n"
		      "Metric,Value\nstaff_total,12\n", metric_value);
	assert_int_equal(f.header, 0);
	assert_int_equal(f.t->header_line, 4);
	const struct diag *g = expect_diag(&f.d, SEV_WARNING, "title-row", 1);
	assert_non_null(strstr(g->message, "4"));
	assert_int_equal(f.d.errors, 0);
	expect_rows(&f, "5:staff_total|12\n");
	close_text(&f);
}

static void header_too_far_down_is_not_found(void **state)
{
	struct fixture f;
	open_text(&f, "t1\nt2\nt3\nt4\nt5\nmetric,value\nx,1\n", metric_value);
	assert_int_equal(f.header, -1);
	expect_diag(&f.d, SEV_ERROR, "no-header", 1);
	close_text(&f);
}

static void no_header_and_empty_file(void **state)
{
	struct fixture f;
	open_text(&f, "org,amount\nHX01,5\n", metric_value);
	assert_int_equal(f.header, -1);
	const struct diag *g = expect_diag(&f.d, SEV_ERROR, "no-header", 1);
	assert_non_null(strstr(g->message, "metric and value"));
	close_text(&f);

	open_text(&f, "", metric_value);
	assert_int_equal(f.header, -1);
	expect_diag(&f.d, SEV_ERROR, "empty-file", 0);
	close_text(&f);

	open_text(&f, "\r\n\r\n,,,\n  \n", metric_value);
	assert_int_equal(f.header, -1);
	expect_diag(&f.d, SEV_ERROR, "empty-file", 0);
	close_text(&f);
}

#define ZWSP "\xE2\x80\x8B"
#define NBSP "\xC2\xA0"
#define BOM "\xEF\xBB\xBF"

static void names_are_normalised(void **state)
{
	struct fixture f;
	open_text(&f, BOM " METRIC ," ZWSP "Value" NBSP ",\tNote\t,Org_ID\n"
		      "x,1,n,HX01\n", metric_value);
	assert_int_equal(f.header, 0);
	static const char *const want[] = { "metric", "value", "note",
		"org_id", NULL };
	expect_cols(f.t, want);
	assert_int_equal(table_col(f.t, "value"), 1);
	assert_int_equal(table_col(f.t, "org_id"), 3);
	assert_int_equal(table_col(f.t, "Value"), -1); /* names are lower */
	assert_int_equal(table_col(f.t, "period"), -1);
	expect_rows(&f, "2:x|1|n|HX01\n");
	close_text(&f);
}

static void trailing_empty_columns_dropped(void **state)
{
	struct fixture f;
	open_text(&f, "metric,value,,,\nx,1,,,\ny,2\n", metric_value);
	assert_int_equal(f.header, 0);
	expect_cols(f.t, metric_value);
	expect_rows(&f, "2:x|1\n3:y|2\n");
	expect_no_diags(&f.d);
	close_text(&f);
}

static void rows_without_text_skipped(void **state)
{
	struct fixture f;
	open_text(&f, "metric,value\n,,\n\n  ,  \nx,1\n,\n" NBSP "," ZWSP "\n"
		      "y,2\n", metric_value);
	expect_rows(&f, "5:x|1\n8:y|2\n");
	expect_no_diags(&f.d);
	close_text(&f);
}

static void ragged_row_reported_and_skipped(void **state)
{
	struct fixture f;
	open_text(&f, "metric,value\nstaff_total,1,234\nnew_homes,3\n",
		  metric_value);
	expect_rows(&f, "3:new_homes|3\n");
	const struct diag *g = expect_diag(&f.d, SEV_ERROR, "ragged-row", 2);
	assert_non_null(strstr(g->message, "3 values"));
	assert_int_equal(f.d.errors, 1);
	close_text(&f);
}

static void short_row_padded_with_warning(void **state)
{
	struct fixture f;
	static const char *const want[] = { "metric", "value", "note", NULL };
	open_text(&f, "metric,value,note\nx,1\ny\nz,3,n\n", want);
	expect_rows(&f, "2:x|1|\n3:y||\n4:z|3|n\n");
	expect_diag(&f.d, SEV_WARNING, "short-row", 2);
	expect_diag(&f.d, SEV_WARNING, "short-row", 3);
	assert_int_equal(f.d.errors, 0);
	assert_int_equal(f.d.warnings, 2);
	close_text(&f);
}

static void padding_is_writable(void **state)
{
	struct fixture f;
	static const char *const want[] = { "metric", "value", "note", NULL };
	open_text(&f, "metric,value,note\nx\n", want);
	struct table_row row;
	assert_int_equal(table_next(f.t, &row), TABLE_ROW);
	/* callers trim fields in place: the padding must take it */
	assert_string_equal(row.f[0], "x");
	for (size_t i = 1; i < f.t->ncols; i++) {
		assert_string_equal(row.f[i], "");
		row.f[i][0] = '\0'; /* crashes on a string literal */
	}
	assert_int_equal(table_next(f.t, &row), TABLE_END);
	close_text(&f);
}

static void semicolon_table_keeps_decimal_commas(void **state)
{
	struct fixture f;
	open_text(&f, "metric;value\nadaptation_days;12,5\n", metric_value);
	assert_int_equal(f.header, 0);
	assert_int_equal(f.t->delim, ';');
	expect_rows(&f, "2:adaptation_days|12,5\n");
	close_text(&f);
}

static void columns_found_or_reported(void **state)
{
	struct fixture f;
	static const char *const want[] = { "metric", "value", "note", NULL };
	open_text(&f, "note,value,metric\nn,1,x\n", metric_value);
	int idx[3];
	assert_int_equal(table_columns(f.t, want, idx, true), 0);
	assert_int_equal(idx[0], 2);
	assert_int_equal(idx[1], 1);
	assert_int_equal(idx[2], 0);
	close_text(&f);

	open_text(&f, "metric,value\nx,1\n", metric_value);
	assert_int_equal(table_columns(f.t, want, idx, false), 0);
	assert_int_equal(idx[2], -1);
	expect_no_diags(&f.d);
	assert_int_equal(table_columns(f.t, want, idx, true), -1);
	const struct diag *g = expect_diag(&f.d, SEV_ERROR, "missing-column",
					   1);
	assert_non_null(strstr(g->message, "note"));
	close_text(&f);
}

static void duplicate_column_reported(void **state)
{
	struct fixture f;
	open_text(&f, "title\nmetric,value,Value \nx,1,2\n", metric_value);
	assert_int_equal(f.header, 0);
	assert_int_equal(table_col_count(f.t, "value"), 2);
	assert_int_equal(table_col_count(f.t, "metric"), 1);
	int idx[2];
	assert_int_equal(table_columns(f.t, metric_value, idx, true), -1);
	expect_diag(&f.d, SEV_ERROR, "duplicate-column", 2);
	close_text(&f);
}

static void reader_errors_end_the_table(void **state)
{
	struct fixture f;
	open_text(&f, "metric,value\nx,1\ny,\"open\n", metric_value);
	enum table_status end;
	char *got = rows(&f, &end);
	assert_string_equal(got, "2:x|1\n");
	assert_int_equal(end, TABLE_FAIL);
	expect_diag(&f.d, SEV_ERROR, "unterminated-quote", 3);
	free(got);
	close_text(&f);
}

static void unreadable_file(void **state)
{
	struct diags d;
	diags_init(&d);
	assert_null(table_open("/nonexistent/dir/x.csv", NULL, &d));
	const struct diag *g = expect_diag(&d, SEV_ERROR, "unreadable", 0);
	assert_string_equal(g->file, "/nonexistent/dir/x.csv");
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_header),
		cmocka_unit_test(header_under_title_rows),
		cmocka_unit_test(header_too_far_down_is_not_found),
		cmocka_unit_test(no_header_and_empty_file),
		cmocka_unit_test(names_are_normalised),
		cmocka_unit_test(trailing_empty_columns_dropped),
		cmocka_unit_test(rows_without_text_skipped),
		cmocka_unit_test(ragged_row_reported_and_skipped),
		cmocka_unit_test(short_row_padded_with_warning),
		cmocka_unit_test(padding_is_writable),
		cmocka_unit_test(semicolon_table_keeps_decimal_commas),
		cmocka_unit_test(columns_found_or_reported),
		cmocka_unit_test(duplicate_column_reported),
		cmocka_unit_test(reader_errors_end_the_table),
		cmocka_unit_test(unreadable_file),
	};
	return cmocka_run_group_tests_name("table", tests, NULL, NULL);
}
