/* Unit tests for out/bgwrite: blocks written on a second thread arrive
 * whole and in order, and a failed write is reported (SPEC §4: a full
 * disk is an error, never a short file). */
#include "unit.h"

#include <errno.h>

#include "base/buf.h"
#include "out/bgwrite.h"

static void blocks_arrive_in_order(void **state)
{
	FILE *fp = tmpfile();
	assert_non_null(fp);
	struct bgwrite *w = bgwrite_start(fp);
	assert_non_null(w);
	struct buf b = BUF_INIT, want = BUF_INIT;
	for (int i = 0; i < 500; i++) {
		/* blocks of different sizes, some empty */
		for (int k = 0; k < i % 37; k++)
			buf_addf(&b, "block %d line %d\n", i, k);
		buf_add(&want, b.s, b.len);
		assert_int_equal(bgwrite_put(w, &b), 0);
		assert_int_equal(b.len, 0);
	}
	assert_int_equal(bgwrite_finish(w), 0);
	rewind(fp);
	struct buf got = BUF_INIT;
	assert_int_equal(buf_read_all(&got, fp), 0);
	assert_int_equal(got.len, want.len);
	assert_memory_equal(got.s, want.s, want.len);
	fclose(fp);
	buf_free(&b);
	buf_free(&want);
	buf_free(&got);
}

static void a_full_disk_is_reported(void **state)
{
	FILE *fp = fopen("/dev/full", "w");
	assert_non_null(fp);
	setvbuf(fp, NULL, _IONBF, 0);
	struct bgwrite *w = bgwrite_start(fp);
	assert_non_null(w);
	struct buf b = BUF_INIT;
	int failed = 0;
	for (int i = 0; i < 50 && !failed; i++) {
		for (int k = 0; k < 1000; k++)
			buf_adds(&b, "a line of the tidy file\n");
		failed = bgwrite_put(w, &b) < 0;
	}
	errno = 0;
	int end = bgwrite_finish(w);
	/* the error comes back from a later put, or at the end */
	assert_true(failed || end < 0);
	if (end < 0)
		assert_int_equal(errno, ENOSPC);
	fclose(fp);
	buf_free(&b);
}

/* With PLEDGE_JOBS=1 no writer starts: the caller writes itself. */
static void one_job_starts_no_writer(void **state)
{
	setenv("PLEDGE_JOBS", "1", 1);
	assert_null(bgwrite_start(stdout));
	setenv("PLEDGE_JOBS", "2", 1);
}

int main(void)
{
	/* the writer's thread is what is tested, whatever the machine */
	setenv("PLEDGE_JOBS", "2", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(blocks_arrive_in_order),
		cmocka_unit_test(a_full_disk_is_reported),
		cmocka_unit_test(one_job_starts_no_writer),
	};
	return cmocka_run_group_tests_name("bgwrite", tests, NULL, NULL);
}
