/* Unit tests for stats/disclose: each disclosure rule of SPEC §6.3 at its
 * edge, the mean going with the sum, and the secondary rule's choice of
 * group, ties included. */
#include "unit.h"

#include "stats/disclose.h"

#include <math.h>

static struct settings settings(void)
{
	struct settings s = { .min_orgs = 3, .quartiles_min_orgs = 5,
			      .small_below = 5 };
	return s;
}

/* A row of n answers with these figures, every one present; a NaN rate
 * is a row without a rate. */
static struct agg_row row_of(size_t n, double sum, double median,
			     double p25, double p75, double rate)
{
	struct agg_row r = { .n = n };
	double v[AGG_NSTATS] = { [AGG_SUM] = sum, [AGG_MEAN] = sum / (double)n,
				 [AGG_MEDIAN] = median, [AGG_P25] = p25,
				 [AGG_P75] = p75, [AGG_MIN] = p25,
				 [AGG_MAX] = p75, [AGG_RATE] = rate };
	memcpy(r.v, v, sizeof(v));
	r.has = (1u << AGG_NSTATS) - 1;
	if (isnan(rate))
		r.has &= ~(1u << AGG_RATE);
	return r;
}

static bool has(const struct agg_row *r, int stat)
{
	return r->has & (1u << stat);
}

static const struct disc_facts plain = { .sensitive = false };

/* Every figure but n withheld, by rule. */
static void expect_only_n(const struct agg_row *r, enum disc_rule rule)
{
	assert_int_equal(r->has, 0);
	assert_true(r->suppressed);
	for (int k = 0; k < AGG_NSTATS; k++)
		if (k != AGG_MIN && k != AGG_MAX)
			assert_int_equal(r->why[k], rule);
}

/* Withheld all but n by the secondary rule (the quartiles of a group
 * under 5 were gone already). */
static void expect_secondary(const struct agg_row *r)
{
	assert_int_equal(r->has, 0);
	assert_true(r->suppressed);
	assert_int_equal(r->why[AGG_SUM], RULE_SECONDARY);
	assert_int_equal(r->why[AGG_MEAN], RULE_SECONDARY);
}

static void few_orgs_edge(void **state)
{
	(void)state;
	struct settings s = settings();
	struct agg_row two = row_of(2, 30, 15, 12.5, 17.5, 50);
	disclose_row(&two, &s, &plain);
	expect_only_n(&two, RULE_FEW_ORGS);

	struct agg_row three = row_of(3, 30, 10, 5, 15, 50);
	disclose_row(&three, &s, &plain);
	assert_true(has(&three, AGG_SUM) && has(&three, AGG_MEAN) &&
		    has(&three, AGG_RATE));
	assert_int_equal(three.why[AGG_SUM], RULE_NONE);
}

static void min_max_never_and_unflagged(void **state)
{
	(void)state;
	struct settings s = settings();
	struct agg_row r = row_of(10, 100, 10, 5, 15, NAN);
	disclose_row(&r, &s, &plain);
	assert_false(has(&r, AGG_MIN) || has(&r, AGG_MAX));
	assert_int_equal(r.why[AGG_MIN], RULE_NEVER);
	assert_int_equal(r.why[AGG_MAX], RULE_NEVER);
	assert_int_equal(r.why[AGG_RATE], RULE_NONE); /* it had none */
	assert_true(has(&r, AGG_MEDIAN) && has(&r, AGG_P25) &&
		    has(&r, AGG_P75));
	assert_false(r.suppressed);
}

static void quartiles_need_five(void **state)
{
	(void)state;
	struct settings s = settings();
	struct agg_row four = row_of(4, 100, 25, 20, 30, NAN);
	disclose_row(&four, &s, &plain);
	assert_true(has(&four, AGG_SUM) && has(&four, AGG_MEAN));
	for (int k = AGG_MEDIAN; k <= AGG_P75; k++) {
		assert_false(has(&four, k));
		assert_int_equal(four.why[k], RULE_FEW_ORGS_QUARTILES);
	}
	assert_true(four.suppressed);

	struct agg_row five = row_of(5, 100, 25, 20, 30, NAN);
	disclose_row(&five, &s, &plain);
	assert_true(has(&five, AGG_MEDIAN) && has(&five, AGG_P25) &&
		    has(&five, AGG_P75));

	s.quartiles_min_orgs = 4;
	four = row_of(4, 100, 25, 20, 30, NAN);
	disclose_row(&four, &s, &plain);
	assert_true(has(&four, AGG_MEDIAN));
}

static void small_count_withholds_the_row(void **state)
{
	(void)state;
	struct settings s = settings();
	const struct disc_facts people = { .sensitive = true, .child = 4 };
	struct agg_row r = row_of(6, 4, 1, 0, 1, 20);
	disclose_row(&r, &s, &people);
	expect_only_n(&r, RULE_SMALL_COUNT);

	const struct disc_facts enough = { .sensitive = true, .child = 5 };
	r = row_of(6, 5, 1, 0, 1, 20);
	disclose_row(&r, &s, &enough);
	assert_true(has(&r, AGG_SUM) && has(&r, AGG_MEAN) &&
		    has(&r, AGG_RATE));
	assert_int_equal(r.why[AGG_MEDIAN], RULE_SMALL_QUARTILE);
	assert_true(has(&r, AGG_P25)); /* 0 is not a small count */

	const struct disc_facts none = { .sensitive = true };
	r = row_of(6, 0, 0, 0, 0, 0);
	disclose_row(&r, &s, &none);
	assert_true(has(&r, AGG_SUM) && has(&r, AGG_MEDIAN) &&
		    has(&r, AGG_RATE));
	assert_false(r.suppressed);

	/* not a count of people: a small sum is published */
	r = row_of(6, 4, 1, 0, 1, NAN);
	disclose_row(&r, &s, &plain);
	assert_true(has(&r, AGG_SUM) && has(&r, AGG_MEDIAN));
}

static void small_quartiles_one_by_one(void **state)
{
	(void)state;
	struct settings s = settings();
	const struct disc_facts people = { .sensitive = true, .child = 30 };
	struct agg_row r = row_of(6, 40, 5, 4.999, 8, 30);
	disclose_row(&r, &s, &people);
	assert_int_equal(r.why[AGG_P25], RULE_SMALL_QUARTILE);
	assert_true(has(&r, AGG_MEDIAN) && has(&r, AGG_P75) &&
		    has(&r, AGG_SUM) && has(&r, AGG_MEAN) &&
		    has(&r, AGG_RATE));
	assert_true(r.suppressed);
}

static void small_rate(void **state)
{
	(void)state;
	struct settings s = settings();
	const struct disc_facts small = { .sensitive = true, .child = 4 };
	struct agg_row r = row_of(6, 40, 6, 5, 8, 2);
	disclose_row(&r, &s, &small);
	assert_int_equal(r.why[AGG_RATE], RULE_SMALL_RATE);
	assert_true(has(&r, AGG_SUM));

	const struct disc_facts five = { .sensitive = true, .child = 5 };
	r = row_of(6, 40, 6, 5, 8, 2);
	disclose_row(&r, &s, &five);
	assert_true(has(&r, AGG_RATE));
	assert_false(r.suppressed);
}

/* Sector first, then the peer groups by name. */
struct sector {
	struct agg_row rows[8];
	struct disc_facts facts[8];
	size_t len;
};

static void add(struct sector *x, size_t n, double sum, bool sensitive)
{
	struct settings s = settings();
	x->rows[x->len] = row_of(n, sum, 10, 10, 10, NAN);
	x->facts[x->len] = (struct disc_facts){ .sensitive = sensitive };
	disclose_row(&x->rows[x->len], &s, &x->facts[x->len]);
	x->len++;
}

static void secondary(struct sector *x)
{
	struct settings s = settings();
	disclose_groups(x->rows, x->len, &s, x->facts);
}

/* One group of 2 withheld: of the two smallest published groups (3 and
 * 3), the first by name goes too; the others stay. */
static void secondary_takes_smallest_first_by_name(void **state)
{
	(void)state;
	struct sector x = { .len = 0 };
	add(&x, 12, 120, false);
	add(&x, 2, 20, false);   /* a */
	add(&x, 4, 40, false);   /* b */
	add(&x, 3, 30, false);   /* c */
	add(&x, 3, 30, false);   /* d */
	secondary(&x);
	assert_int_equal(x.rows[1].why[AGG_SUM], RULE_FEW_ORGS);
	expect_secondary(&x.rows[3]);
	assert_true(has(&x.rows[2], AGG_SUM) && has(&x.rows[4], AGG_SUM));
	assert_int_equal(x.rows[2].why[AGG_SUM], RULE_NONE);
	assert_true(has(&x.rows[0], AGG_SUM));
}

/* Two groups withheld together over 3 organisations: nothing more. Over
 * 2: the smallest published group goes too. */
static void secondary_two_withheld(void **state)
{
	(void)state;
	struct sector x = { .len = 0 };
	add(&x, 14, 140, false);
	add(&x, 2, 20, false);
	add(&x, 1, 10, false);
	add(&x, 5, 50, false);
	add(&x, 6, 60, false);
	secondary(&x);
	assert_true(has(&x.rows[3], AGG_SUM) && has(&x.rows[4], AGG_SUM));

	struct sector y = { .len = 0 };
	add(&y, 13, 130, false);
	add(&y, 1, 10, false);
	add(&y, 1, 10, false);
	add(&y, 6, 60, false);
	add(&y, 5, 50, false);
	secondary(&y);
	assert_true(has(&y.rows[3], AGG_SUM));
	expect_secondary(&y.rows[4]);
}

/* Nothing to protect when the sector's sum is withheld, or when no group
 * is and every organisation is in one. */
static void secondary_not_needed(void **state)
{
	(void)state;
	struct sector x = { .len = 0 };
	add(&x, 8, 4, true);     /* sector: a small count */
	add(&x, 2, 1, true);
	add(&x, 6, 3, true);
	secondary(&x);
	assert_int_equal(x.rows[2].why[AGG_SUM], RULE_SMALL_COUNT);

	struct sector y = { .len = 0 };
	add(&y, 9, 90, false);
	add(&y, 3, 30, false);
	add(&y, 6, 60, false);
	secondary(&y);
	assert_true(has(&y.rows[1], AGG_SUM) && has(&y.rows[2], AGG_SUM));
}

/* A small count of people withheld in one group takes the smallest other
 * with it. */
static void secondary_after_small_count(void **state)
{
	(void)state;
	struct sector x = { .len = 0 };
	add(&x, 12, 64, true);
	add(&x, 4, 4, true);
	add(&x, 5, 40, true);
	add(&x, 3, 20, true);
	secondary(&x);
	assert_int_equal(x.rows[1].why[AGG_SUM], RULE_SMALL_COUNT);
	expect_secondary(&x.rows[3]);
	assert_true(has(&x.rows[2], AGG_SUM));
}

/* Organisations in no peer group are the sector minus the groups: 2 of
 * them would be given away, so a group is withheld; 3 would not. */
static void secondary_guards_the_ungrouped(void **state)
{
	(void)state;
	struct sector x = { .len = 0 };
	add(&x, 10, 100, false);
	add(&x, 4, 40, false);
	add(&x, 4, 40, false);
	secondary(&x);
	expect_secondary(&x.rows[1]);
	assert_true(has(&x.rows[2], AGG_SUM));

	struct sector y = { .len = 0 };
	add(&y, 10, 100, false);
	add(&y, 4, 40, false);
	add(&y, 3, 30, false);
	secondary(&y);
	assert_true(has(&y.rows[1], AGG_SUM) && has(&y.rows[2], AGG_SUM));

	/* one group withheld, hidden with 3 ungrouped: nothing more */
	struct sector z = { .len = 0 };
	add(&z, 11, 110, false);
	add(&z, 2, 20, false);
	add(&z, 6, 60, false);
	secondary(&z);
	assert_true(has(&z.rows[2], AGG_SUM));
}

/* A rate withheld in one group alone (its count of people is small)
 * takes the rate of the smallest group with a published one with it. */
static void secondary_for_rates(void **state)
{
	(void)state;
	struct settings s = settings();
	struct sector x = { .len = 4 };
	static const size_t n[] = { 13, 4, 5, 4 };
	static const double child[] = { 44, 3, 20, 21 };
	for (size_t i = 0; i < 4; i++) {
		x.rows[i] = row_of(n[i], 100, 10, 10, 10, 10);
		x.facts[i] = (struct disc_facts){ true, child[i] };
		disclose_row(&x.rows[i], &s, &x.facts[i]);
	}
	disclose_groups(x.rows, x.len, &s, x.facts);
	assert_int_equal(x.rows[1].why[AGG_RATE], RULE_SMALL_RATE);
	assert_int_equal(x.rows[3].why[AGG_RATE], RULE_SECONDARY);
	assert_true(has(&x.rows[2], AGG_RATE) && has(&x.rows[0], AGG_RATE));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(few_orgs_edge),
		cmocka_unit_test(min_max_never_and_unflagged),
		cmocka_unit_test(quartiles_need_five),
		cmocka_unit_test(small_count_withholds_the_row),
		cmocka_unit_test(small_quartiles_one_by_one),
		cmocka_unit_test(small_rate),
		cmocka_unit_test(secondary_takes_smallest_first_by_name),
		cmocka_unit_test(secondary_two_withheld),
		cmocka_unit_test(secondary_not_needed),
		cmocka_unit_test(secondary_after_small_count),
		cmocka_unit_test(secondary_guards_the_ungrouped),
		cmocka_unit_test(secondary_for_rates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
