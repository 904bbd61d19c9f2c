/* Unit tests for base/strkey: sorted string keys and binary search. */
#include "unit.h"

#include "base/strkey.h"

static void empty_index_finds_nothing(void **state)
{
	assert_int_equal(strkeys_find(NULL, 0, "x"), -1);
	strkeys_sort(NULL, 0);
}

static void finds_each_key_by_item_index(void **state)
{
	static const char *const words[] = { "pear", "apple", "fig", "",
		"apples", "app", "Apple", "zucchini" };
	enum { N = sizeof(words) / sizeof(*words) };
	struct strkey keys[N];
	for (size_t i = 0; i < N; i++)
		keys[i] = (struct strkey){ words[i], i };
	strkeys_sort(keys, N);
	for (size_t i = 1; i < N; i++)
		assert_true(strcmp(keys[i - 1].key, keys[i].key) < 0);
	for (size_t i = 0; i < N; i++)
		assert_int_equal(strkeys_find(keys, N, words[i]), (long)i);
	assert_int_equal(strkeys_find(keys, N, "ap"), -1);
	assert_int_equal(strkeys_find(keys, N, "applesauce"), -1);
	assert_int_equal(strkeys_find(keys, N, "APPLE"), -1);
	assert_int_equal(strkeys_find(keys, N, "zzz"), -1);
	assert_int_equal(strkeys_find(keys, N, "a"), -1);
}

static void duplicates_find_the_first_item(void **state)
{
	static const char *const words[] = { "b", "a", "b", "c", "b", "a" };
	enum { N = sizeof(words) / sizeof(*words) };
	struct strkey keys[N];
	for (size_t i = 0; i < N; i++)
		keys[i] = (struct strkey){ words[i], i };
	strkeys_sort(keys, N);
	/* ties in item order */
	for (size_t i = 1; i < N; i++)
		if (!strcmp(keys[i - 1].key, keys[i].key))
			assert_true(keys[i - 1].index < keys[i].index);
	assert_int_equal(strkeys_find(keys, N, "a"), 1);
	assert_int_equal(strkeys_find(keys, N, "b"), 0);
	assert_int_equal(strkeys_find(keys, N, "c"), 3);
}

static void many_keys(void **state)
{
	enum { N = 20000 };
	static char names[N][16];
	static struct strkey keys[N];
	for (size_t i = 0; i < N; i++) {
		/* scrambled order, shared prefixes */
		snprintf(names[i], sizeof(names[i]), "m%zu_%zu",
			 (i * 7919) % N, i % 13);
		keys[i] = (struct strkey){ names[i], i };
	}
	strkeys_sort(keys, N);
	for (size_t i = 0; i < N; i++)
		assert_int_equal(strkeys_find(keys, N, names[i]), (long)i);
	assert_int_equal(strkeys_find(keys, N, "m"), -1);
	assert_int_equal(strkeys_find(keys, N, "m1_"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_index_finds_nothing),
		cmocka_unit_test(finds_each_key_by_item_index),
		cmocka_unit_test(duplicates_find_the_first_item),
		cmocka_unit_test(many_keys),
	};
	return cmocka_run_group_tests_name("strkey", tests, NULL, NULL);
}
