/* Unit tests for base/arena: many small strings, freed at once. */
#include "unit.h"

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"

static void copies_are_independent(void **state)
{
	struct arena a;
	arena_init(&a);
	char src[] = "staff_total";
	const char *copy = arena_strdup(&a, src);
	assert_ptr_not_equal(copy, src);
	src[0] = 'X';
	assert_string_equal(copy, "staff_total");
	assert_int_equal(a.total, sizeof(src));
	arena_free(&a);
	assert_null(a.head);
	assert_int_equal(a.total, 0);
}

static void strndup_stops_at_n(void **state)
{
	struct arena a;
	arena_init(&a);
	const char *s = arena_strndup(&a, "abcdef", 3);
	const char *t = arena_strndup(&a, "xyz", 0);
	const char *u = arena_strndup(&a, "with\0nul", 8); /* n bytes copied */
	assert_string_equal(s, "abc");
	assert_string_equal(t, "");
	assert_memory_equal(u, "with\0nul", 9);
	assert_string_equal(s, "abc"); /* not overwritten by later ones */
	arena_free(&a);
}

static void many_strings_across_blocks(void **state)
{
	struct arena a;
	arena_init(&a);
	enum { N = 200000 };
	const char **got = malloc(N * sizeof(*got));
	assert_non_null(got);
	size_t total = 0;
	for (size_t i = 0; i < N; i++) {
		char s[64];
		int n = snprintf(s, sizeof(s), "%zu:%.*s", i, (int)(i % 40),
				 "........................................");
		got[i] = arena_strdup(&a, s);
		total += (size_t)n + 1;
	}
	assert_int_equal(a.total, total);
	for (size_t i = 0; i < N; i++) {
		char s[64];
		snprintf(s, sizeof(s), "%zu:%.*s", i, (int)(i % 40),
			 "........................................");
		assert_string_equal(got[i], s);
	}
	free(got);
	arena_free(&a);
}

static void string_larger_than_a_block(void **state)
{
	struct arena a;
	arena_init(&a);
	const char *before = arena_strdup(&a, "before");
	size_t n = 300 * 1024;
	char *big = malloc(n + 1);
	assert_non_null(big);
	for (size_t i = 0; i < n; i++)
		big[i] = (char)('a' + i % 26);
	big[n] = '\0';
	const char *copy = arena_strdup(&a, big);
	const char *after = arena_strdup(&a, "after");
	assert_int_equal(strlen(copy), n);
	assert_memory_equal(copy, big, n + 1);
	assert_string_equal(before, "before");
	assert_string_equal(after, "after");
	free(big);
	arena_free(&a);
}

/* Records between strings of odd lengths come out aligned, zeroed and
 * apart, small and larger than a block alike. */
static void records_are_aligned_zeroed_and_apart(void **state)
{
	struct arena a;
	arena_init(&a);
	enum { N = 3000 };
	static unsigned char *got[N];
	static size_t size[N];
	for (size_t i = 0; i < N; i++) {
		arena_strndup(&a, "abcdefg", i % 7);
		size[i] = i % 500 == 499 ? 100000 : 1 + i % 97;
		got[i] = arena_alloc(&a, size[i]);
		assert_int_equal((uintptr_t)got[i] % _Alignof(max_align_t), 0);
		for (size_t k = 0; k < size[i]; k++)
			assert_int_equal(got[i][k], 0);
		memset(got[i], (int)(i % 251) + 1, size[i]);
	}
	for (size_t i = 0; i < N; i++)
		for (size_t k = 0; k < size[i]; k++)
			assert_int_equal(got[i][k], (int)(i % 251) + 1);
	arena_free(&a);
}

static void reusable_after_free(void **state)
{
	struct arena a;
	arena_init(&a);
	arena_strdup(&a, "one");
	arena_free(&a);
	const char *s = arena_strdup(&a, "two");
	assert_string_equal(s, "two");
	assert_int_equal(a.total, 4);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(copies_are_independent),
		cmocka_unit_test(strndup_stops_at_n),
		cmocka_unit_test(many_strings_across_blocks),
		cmocka_unit_test(string_larger_than_a_block),
		cmocka_unit_test(records_are_aligned_zeroed_and_apart),
		cmocka_unit_test(reusable_after_free),
	};
	return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
