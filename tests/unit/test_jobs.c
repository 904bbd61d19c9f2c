/* Unit tests for base/jobs: the one switch for threads. */
#include "unit.h"

#include "base/jobs.h"

static int processors(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : (int)n;
}

static void pledge_jobs_sets_the_count(void **state)
{
	setenv("PLEDGE_JOBS", "1", 1);
	assert_int_equal(jobs_count(), 1);
	setenv("PLEDGE_JOBS", "3", 1);
	assert_int_equal(jobs_count(), 3);
	setenv("PLEDGE_JOBS", "64", 1);
	assert_int_equal(jobs_count(), 64);
	unsetenv("PLEDGE_JOBS");
}

static void without_it_the_processors_are_counted(void **state)
{
	unsetenv("PLEDGE_JOBS");
	assert_int_equal(jobs_count(), processors());
	setenv("PLEDGE_JOBS", "", 1);
	assert_int_equal(jobs_count(), processors());
	unsetenv("PLEDGE_JOBS");
}

static void what_is_not_a_whole_number_from_one_is_ignored(void **state)
{
	static const char *const odd[] = { "0", "-2", "two", "2x", " ",
		"99999999999999999999999" };
	for (size_t i = 0; i < sizeof(odd) / sizeof(*odd); i++) {
		setenv("PLEDGE_JOBS", odd[i], 1);
		assert_int_equal(jobs_count(), processors());
	}
	unsetenv("PLEDGE_JOBS");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pledge_jobs_sets_the_count),
		cmocka_unit_test(without_it_the_processors_are_counted),
		cmocka_unit_test(what_is_not_a_whole_number_from_one_is_ignored),
	};
	return cmocka_run_group_tests_name("jobs", tests, NULL, NULL);
}
