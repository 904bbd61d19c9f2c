/* Unit tests for run/revisions: which published figures moved. */
#include "unit.h"

#include "base/buf.h"
#include "base/xalloc.h"
#include "run/revisions.h"

#define HEAD "period,area,metric,group,n,sum,mean,median,p25,p75,min,max,rate,flag\n"

/* revisions_compare on copies of the texts (it splits them in place). */
static size_t compare(const char *old, const char *new, const char *earlier,
		      struct buf *out)
{
	char *o = xstrdup(old), *n = xstrdup(new), *e = xstrdup(earlier);
	size_t rows = revisions_compare(o, n, e, out);
	free(o);
	free(n);
	free(e);
	return rows;
}

static void unchanged_figures_give_only_the_header(void **state)
{
	const char *agg = HEAD "2026-Q3,employer,staff_total,sector,8,7440,930,"
			  "930,580,1280,230,1630,,\n";
	struct buf out = BUF_INIT;
	assert_int_equal(compare(agg, agg, "", &out), 0);
	assert_string_equal(out.s, REVISIONS_HEADER);
	buf_free(&out);
}

static void each_moved_column_is_a_row(void **state)
{
	const char *old = HEAD
		"2026-Q3,,returns,sector,10,11,,,,,,,,\n"
		"2026-Q3,employer,staff_total,\"peer:a, b\",8,7440,930,930,580,"
		"1280,230,1630,,\n";
	const char *new = HEAD
		"2026-Q3,,returns,sector,11,11,,,,,,,,\n"
		"2026-Q3,employer,staff_total,\"peer:a, b\",9,7455,930,930,580,"
		"1280,15,1630,,c\n";
	struct buf out = BUF_INIT;
	assert_int_equal(compare(old, new, "", &out), 5);
	assert_string_equal(out.s, REVISIONS_HEADER
		"2026-Q3,returns,sector,n,10,11\n"
		"2026-Q3,staff_total,\"peer:a, b\",n,8,9\n"
		"2026-Q3,staff_total,\"peer:a, b\",sum,7440,7455\n"
		"2026-Q3,staff_total,\"peer:a, b\",min,230,15\n"
		"2026-Q3,staff_total,\"peer:a, b\",flag,,c\n");
	buf_free(&out);
}

static void a_figure_no_longer_published_is_listed_last(void **state)
{
	const char *old = HEAD "2026-Q2,employer,staff_total,sector,3,30,,,,,,,,\n"
			  "2026-Q3,employer,staff_total,sector,3,30,,,,,,,,\n";
	const char *new = HEAD "2026-Q3,employer,staff_total,sector,3,30,,,,,,,,\n";
	struct buf out = BUF_INIT;
	assert_int_equal(compare(old, new, "", &out), 2);
	assert_string_equal(out.s, REVISIONS_HEADER
		"2026-Q2,staff_total,sector,n,3,\n"
		"2026-Q2,staff_total,sector,sum,30,\n");
	buf_free(&out);
}

static void a_new_figure_is_not_a_revision(void **state)
{
	const char *old = HEAD;
	const char *new = HEAD "2026-Q3,employer,staff_total,sector,3,30,,,,,,,,\n";
	struct buf out = BUF_INIT;
	assert_int_equal(compare(old, new, "", &out), 0);
	buf_free(&out);
}

static void earlier_revisions_keep_the_first_published_value(void **state)
{
	/* First published n = 8; a redo made it 9 (revisions say so); now
	 * sum moves too, and n moves back to 8: only sum is revised, from
	 * its first published value. */
	const char *earlier = REVISIONS_HEADER
		"2026-Q3,staff_total,sector,n,8,9\n"
		"2026-Q3,staff_total,sector,sum,100,110\n";
	const char *old = HEAD "2026-Q3,employer,staff_total,sector,9,110,,,,,,,,\n";
	const char *new = HEAD "2026-Q3,employer,staff_total,sector,8,120,,,,,,,,\n";
	struct buf out = BUF_INIT;
	assert_int_equal(compare(old, new, earlier, &out), 1);
	assert_string_equal(out.s, REVISIONS_HEADER
		"2026-Q3,staff_total,sector,sum,100,120\n");
	buf_free(&out);
}

static void not_aggregates_gives_nothing(void **state)
{
	struct buf out = BUF_INIT;
	assert_int_equal(compare("a,b\n1,2\n", "a,b\n1,3\n", "", &out), 0);
	assert_string_equal(out.s, REVISIONS_HEADER);
	buf_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(unchanged_figures_give_only_the_header),
		cmocka_unit_test(each_moved_column_is_a_row),
		cmocka_unit_test(a_figure_no_longer_published_is_listed_last),
		cmocka_unit_test(a_new_figure_is_not_a_revision),
		cmocka_unit_test(earlier_revisions_keep_the_first_published_value),
		cmocka_unit_test(not_aggregates_gives_nothing),
	};
	return cmocka_run_group_tests_name("revisions", tests, NULL, NULL);
}
