/* Unit tests for base/intmap: 64-bit keys to indexes, through growth
 * and collisions. */
#include "unit.h"

#include "base/intmap.h"

static void empty_map_finds_nothing(void **state)
{
	struct intmap m;
	intmap_init(&m);
	assert_int_equal(intmap_get(&m, 0), -1);
	assert_int_equal(intmap_get(&m, 42), -1);
	assert_int_equal(m.len, 0);
	intmap_free(&m);
	intmap_free(&m); /* twice is harmless */
}

static void stores_zero_and_extreme_keys(void **state)
{
	struct intmap m;
	intmap_init(&m);
	intmap_put(&m, 0, 0); /* value 0 is a value, not "empty" */
	intmap_put(&m, UINT64_MAX, 7);
	intmap_put(&m, 1ULL << 63, 8);
	assert_int_equal(intmap_get(&m, 0), 0);
	assert_int_equal(intmap_get(&m, UINT64_MAX), 7);
	assert_int_equal(intmap_get(&m, 1ULL << 63), 8);
	assert_int_equal(intmap_get(&m, 1), -1);
	assert_int_equal(m.len, 3);
	intmap_free(&m);
}

static void put_replaces(void **state)
{
	struct intmap m;
	intmap_init(&m);
	intmap_put(&m, 5, 1);
	intmap_put(&m, 5, 2);
	intmap_put(&m, 5, 3);
	assert_int_equal(intmap_get(&m, 5), 3);
	assert_int_equal(m.len, 1);
	intmap_free(&m);
}

/* Keys that differ only in their high bits, or by multiples of the
 * table size, must not shadow one another. */
static uint64_t key_of(size_t i, int pattern)
{
	switch (pattern) {
	case 0: return i;                                /* dense */
	case 1: return (uint64_t)i << 32;                 /* high bits */
	case 2: return (uint64_t)i * 1024;                /* table-size strides */
	case 3: return ((uint64_t)i << 32) | 3;            /* (org, period) shape */
	default: return (uint64_t)i * 0x9E3779B97F4A7C15ULL; /* scattered */
	}
}

static void many_keys_through_growth(void **state)
{
	const size_t n = 100000;
	for (int pattern = 0; pattern < 5; pattern++) {
		struct intmap m;
		intmap_init(&m);
		for (size_t i = 0; i < n; i++) {
			intmap_put(&m, key_of(i, pattern), i);
			/* every earlier key survives each growth */
			if ((i & (i - 1)) == 0)
				for (size_t k = 0; k <= i; k++)
					assert_int_equal(
						intmap_get(&m, key_of(k, pattern)),
						(long)k);
		}
		assert_int_equal(m.len, n);
		assert_true(m.cap > n);
		assert_int_equal(m.cap & (m.cap - 1), 0);
		for (size_t i = 0; i < n; i++)
			assert_int_equal(intmap_get(&m, key_of(i, pattern)),
					 (long)i);
		/* keys never put are absent */
		for (size_t i = n; i < n + 1000; i++)
			assert_int_equal(intmap_get(&m, key_of(i, pattern)), -1);
		intmap_free(&m);
		assert_int_equal(m.len, 0);
	}
}

static void values_can_be_rewritten_after_growth(void **state)
{
	struct intmap m;
	intmap_init(&m);
	for (size_t i = 0; i < 5000; i++)
		intmap_put(&m, i * 7, i);
	for (size_t i = 0; i < 5000; i += 2)
		intmap_put(&m, i * 7, i + 1000000);
	assert_int_equal(m.len, 5000);
	for (size_t i = 0; i < 5000; i++)
		assert_int_equal(intmap_get(&m, i * 7),
				 (long)(i % 2 ? i : i + 1000000));
	intmap_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_map_finds_nothing),
		cmocka_unit_test(stores_zero_and_extreme_keys),
		cmocka_unit_test(put_replaces),
		cmocka_unit_test(many_keys_through_growth),
		cmocka_unit_test(values_can_be_rewritten_after_growth),
	};
	return cmocka_run_group_tests_name("intmap", tests, NULL, NULL);
}
