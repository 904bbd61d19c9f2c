#include "levelcalc.h"
#include "../base/numfmt.h"
#include "../base/period.h"

#include <string.h>

int levels_latest(const struct aggregate *a)
{
	int last = PERIOD_NONE;
	for (size_t i = 0; i < a->index.cap; i++)
		if (a->index.slots[i].val && (int)a->index.slots[i].key > last)
			last = (int)a->index.slots[i].key;
	return last;
}

int levels_earliest(const struct aggregate *a)
{
	int first = PERIOD_NONE;
	for (size_t i = 0; i < a->index.cap; i++)
		if (a->index.slots[i].val &&
		    (first == PERIOD_NONE ||
		     (int)a->index.slots[i].key < first))
			first = (int)a->index.slots[i].key;
	return first;
}

bool levels_answered(struct aggregate *a, int org, int period)
{
	double v;
	for (size_t m = 0; m < a->cat->len; m++)
		if (aggregate_answer(a, period, (int)m, org, &v))
			return true;
	return false;
}

static bool test_holds(const struct level_cond *c, struct aggregate *a,
		       int org, int period)
{
	double v, parent;
	if (!aggregate_answer(a, period, c->metric, org, &v))
		return false;
	switch (c->test) {
	case TEST_YES:
		return v != 0;
	case TEST_AT_LEAST:
		return v >= c->value;
	case TEST_AT_MOST:
		return v <= c->value;
	case TEST_RATE_AT_LEAST:
		/* Compared without dividing, so 3 of 4 is exactly 75%. */
		return aggregate_answer(a, period,
					a->cat->metrics[c->metric].parent, org,
					&parent) &&
		       parent > 0 && 100 * v >= c->value * parent;
	}
	return false;
}

bool level_cond_holds(const struct level_cond *c, struct aggregate *a,
		      int org, int period)
{
	for (int q = 0; q < c->quarters; q++)
		if (!test_holds(c, a, org, period - q))
			return false;
	return true;
}

static bool level_holds(const struct level *l, struct aggregate *a, int org,
			int period)
{
	for (size_t i = 0; i < l->nconds; i++)
		if (!level_cond_holds(&l->conds[i], a, org, period))
			return false;
	return true;
}

int levels_reach(const struct level_area *la, struct aggregate *a, int org,
		 int period)
{
	size_t k = 0;
	while (k < la->nlevels && level_holds(&la->levels[k], a, org, period))
		k++;
	return (int)k;
}

static void add_value(struct buf *b, double v, enum kind kind, bool rate)
{
	char t[NUM_TEXT];
	num_plain(v, t);
	if (kind == KIND_MONEY && !rate)
		buf_addf(b, "\xC2\xA3%.2f", v);
	else
		buf_addf(b, "%s%s", t, rate || kind == KIND_PERCENT ? "%" : "");
}

void level_cond_words(const struct level_cond *c, const struct catalogue *cat,
		      struct buf *b)
{
	const struct metric *m = &cat->metrics[c->metric];
	buf_adds(b, m->label);
	switch (c->test) {
	case TEST_YES:
		buf_adds(b, ": yes");
		break;
	case TEST_AT_LEAST:
	case TEST_AT_MOST:
		buf_adds(b, c->test == TEST_AT_LEAST ? " at least "
						      : " at most ");
		add_value(b, c->value, m->kind, false);
		break;
	case TEST_RATE_AT_LEAST:
		buf_adds(b, " at least ");
		add_value(b, c->value, m->kind, true);
		buf_addf(b, " of %s", cat->metrics[m->parent].label);
		break;
	}
	if (c->quarters > 1)
		buf_addf(b, " in each of the last %d quarters", c->quarters);
}

void levels_missing(const struct level_area *la, int rank,
		    const struct catalogue *cat, struct aggregate *a, int org,
		    int period, struct buf *b)
{
	if (rank < 1 || (size_t)rank > la->nlevels)
		return;
	const struct level *l = &la->levels[rank - 1];
	bool first = true;
	for (size_t i = 0; i < l->nconds; i++) {
		if (level_cond_holds(&l->conds[i], a, org, period))
			continue;
		if (!first)
			buf_adds(b, "; ");
		level_cond_words(&l->conds[i], cat, b);
		first = false;
	}
}

size_t levels_count(const struct level_area *la, struct aggregate *a,
		    int period, size_t *counts)
{
	memset(counts, 0, (la->nlevels + 1) * sizeof(*counts));
	size_t total = 0;
	for (size_t o = 0; o < a->roster->len; o++) {
		if (!levels_answered(a, (int)o, period))
			continue;
		counts[levels_reach(la, a, (int)o, period)]++;
		total++;
	}
	return total;
}

/* The smallest published count above 0 (the lowest rank first), or -1. */
static long smallest_published(const size_t *counts, size_t n,
			       const bool *withheld)
{
	long best = -1;
	for (size_t k = 0; k < n; k++)
		if (!withheld[k] && counts[k] > 0 &&
		    (best < 0 || counts[k] < counts[best]))
			best = (long)k;
	return best;
}

bool levels_suppress(const size_t *counts, size_t n, size_t min_orgs,
		     bool *withheld)
{
	size_t total = 0, k = 0, hidden = 0;
	for (size_t i = 0; i < n; i++)
		total += counts[i];
	for (size_t i = 0; i < n; i++) {
		withheld[i] = counts[i] > 0 &&
			      (total < min_orgs || counts[i] < min_orgs);
		k += withheld[i];
		hidden += withheld[i] ? counts[i] : 0;
	}
	while (k > 0 && (k == 1 || hidden == k || hidden == 2 * k)) {
		long next = smallest_published(counts, n, withheld);
		if (next < 0) {
			/* Even the zeros go, so no cell can be pinned. */
			for (size_t i = 0; i < n; i++)
				withheld[i] = true;
			break;
		}
		withheld[next] = true;
		k++;
		hidden += counts[next];
	}
	return k > 0;
}
