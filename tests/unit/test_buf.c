/* Unit tests for base/buf: a growable, always NUL-terminated string. */
#include "unit.h"

#include "base/buf.h"

static void starts_empty(void **state)
{
	struct buf a = BUF_INIT, b;
	buf_init(&b);
	assert_string_equal(a.s, "");
	assert_string_equal(b.s, "");
	assert_int_equal(a.len, 0);
	buf_reset(&a); /* on the static empty string: harmless */
	assert_string_equal(a.s, "");
	char *s = buf_detach(&a); /* the caller may always free it */
	assert_string_equal(s, "");
	free(s);
	buf_free(&b);
}

static void appends_bytes_chars_strings_and_formats(void **state)
{
	struct buf b = BUF_INIT;
	buf_add(&b, "ab\0cd", 5);
	assert_int_equal(b.len, 5);
	assert_memory_equal(b.s, "ab\0cd", 6);
	buf_reset(&b);
	buf_adds(&b, "period");
	buf_addc(&b, ',');
	buf_addf(&b, "%s-Q%d", "2026", 3);
	buf_addf(&b, "%s", ""); /* nothing */
	assert_string_equal(b.s, "period,2026-Q3");
	assert_int_equal(b.len, strlen(b.s));
	buf_free(&b);
	assert_string_equal(b.s, "");
}

static void grows_far(void **state)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < 100000; i++) {
		buf_addc(&b, (char)('a' + i % 26));
		if (i % 1000 == 0)
			buf_addf(&b, "[%zu]", i);
	}
	assert_int_equal(b.len, strlen(b.s));
	assert_true(b.cap > b.len);
	assert_memory_equal(b.s, "a[0]bcd", 7);
	assert_non_null(strstr(b.s, "[99000]"));
	size_t len = b.len;
	char *s = buf_detach(&b);
	assert_int_equal(strlen(s), len);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.s, "");
	free(s);
}

static void reset_keeps_memory(void **state)
{
	struct buf b = BUF_INIT;
	buf_adds(&b, "some text to hold on to");
	char *mem = b.s;
	size_t cap = b.cap;
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.s, "");
	assert_ptr_equal(b.s, mem);
	assert_int_equal(b.cap, cap);
	buf_adds(&b, "x");
	assert_string_equal(b.s, "x");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(starts_empty),
		cmocka_unit_test(appends_bytes_chars_strings_and_formats),
		cmocka_unit_test(grows_far),
		cmocka_unit_test(reset_keeps_memory),
	};
	return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
