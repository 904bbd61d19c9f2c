/* Unit tests for stats/stat: the table of statistics, and
 * templates/datapackage.json's aggregates fields checked against it. */
#include "unit.h"

#include "stats/stat.h"

/* One field of the datapackage's schema, as the file states it. */
struct field {
	char name[32];
	char type[16];
	char description[512];
};

/* The JSON string value of key on line, unescaped into out; 0, or -1 when
 * the line has no such key. */
static int json_string(const char *line, const char *key, char *out,
		       size_t size)
{
	char pattern[64];
	snprintf(pattern, sizeof(pattern), "\"%s\": \"", key);
	const char *p = strstr(line, pattern);
	if (!p)
		return -1;
	p += strlen(pattern);
	size_t n = 0;
	for (; *p && *p != '"' && n + 1 < size; p++) {
		if (*p == '\\' && p[1])
			p++;
		out[n++] = *p;
	}
	out[n] = '\0';
	return 0;
}

/* The fields of the aggregates resource, in order; returns how many. */
static size_t aggregates_fields(struct field *fields, size_t max)
{
	char *path = repo_file("templates/datapackage.json");
	FILE *fp = fopen(path, "r");
	assert_non_null(fp);
	char line[2048];
	bool in_aggregates = false, in_fields = false;
	size_t n = 0;
	while (fgets(line, sizeof(line), fp)) {
		if (strstr(line, "\"name\": \"aggregates\""))
			in_aggregates = true;
		else if (in_aggregates && strstr(line, "\"fields\": ["))
			in_fields = true;
		else if (in_fields && line[strspn(line, " ")] == ']')
			in_fields = in_aggregates = false;
		else if (in_fields && n < max) {
			struct field *f = &fields[n++];
			assert_int_equal(json_string(line, "name", f->name,
						     sizeof(f->name)), 0);
			assert_int_equal(json_string(line, "type", f->type,
						     sizeof(f->type)), 0);
			assert_int_equal(json_string(line, "description",
						     f->description,
						     sizeof(f->description)), 0);
		}
	}
	fclose(fp);
	free(path);
	return n;
}

/* datapackage.json lists the aggregates columns as aggout writes them:
 * period, area, metric, group, n, every statistic of the table with its
 * meaning, then flag. */
static void test_datapackage_matches_table(void **state)
{
	(void)state;
	static const char *const head[] = { "period", "area", "metric",
					    "group", "n" };
	struct field f[32];
	size_t n = aggregates_fields(f, 32);
	assert_int_equal(n, 5 + AGG_NSTATS + 1);
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(f[i].name, head[i]);
	for (int k = 0; k < AGG_NSTATS; k++) {
		const struct field *s = &f[5 + k];
		assert_string_equal(s->name, stat_table[k].column);
		assert_string_equal(s->type, "number");
		assert_string_equal(s->description, stat_table[k].meaning);
	}
	assert_string_equal(f[n - 1].name, "flag");
}

/* Every statistic has a column and a meaning, the rate alone is worked out
 * outside the accumulator, and what gives the sum away (the mean, and
 * the rate of a yes/no) is withheld whenever the sum is. */
static void test_table_complete(void **state)
{
	(void)state;
	for (int k = 0; k < AGG_NSTATS; k++) {
		const struct stat_def *d = &stat_table[k];
		assert_non_null(d->column);
		assert_non_null(d->meaning);
		assert_true((d->of == NULL) == (k == AGG_RATE));
		assert_true(d->rules & RULE_BIT(RULE_FEW_ORGS));
	}
	unsigned sum = stat_table[AGG_SUM].rules;
	assert_int_equal(stat_table[AGG_MEAN].rules, sum);
	assert_int_equal(stat_table[AGG_RATE].rules & sum, sum);
}

/* A summary's figures come out of the table as the accumulator has
 * them. */
static void test_table_reads_summary(void **state)
{
	(void)state;
	struct summary s;
	summary_init(&s);
	static const double v[] = { 4, 1, 3, 2, 10 };
	for (size_t i = 0; i < 5; i++)
		summary_add(&s, v[i]);
	summary_finish(&s);
	static const double want[AGG_NSTATS] = {
		[AGG_SUM] = 20, [AGG_MEAN] = 4, [AGG_MEDIAN] = 3,
		[AGG_P25] = 2, [AGG_P75] = 4, [AGG_MIN] = 1, [AGG_MAX] = 10 };
	for (int k = 0; k < AGG_NSTATS; k++)
		if (stat_table[k].of)
			assert_true(stat_table[k].of(&s) == want[k]);
	summary_free(&s);
}

static void test_rule_names(void **state)
{
	(void)state;
	assert_string_equal(rule_name(RULE_FEW_ORGS), "few-orgs");
	assert_string_equal(rule_name(RULE_FEW_ORGS_QUARTILES),
			    "few-orgs-quartiles");
	assert_string_equal(rule_name(RULE_SMALL_COUNT), "small-count");
	assert_string_equal(rule_name(RULE_SMALL_QUARTILE), "small-quartile");
	assert_string_equal(rule_name(RULE_SMALL_RATE), "small-rate");
	assert_string_equal(rule_name(RULE_SECONDARY), "secondary");
	assert_string_equal(rule_name(RULE_NONE), "");
	assert_string_equal(rule_name(RULE_COUNT), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_datapackage_matches_table),
		cmocka_unit_test(test_table_complete),
		cmocka_unit_test(test_table_reads_summary),
		cmocka_unit_test(test_rule_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
