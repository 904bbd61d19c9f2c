#include "position.h"
#include "../base/xalloc.h"
#include "../stats/aggregate.h"
#include "../stats/summary.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct positions {
	const struct catalogue *cat;
	size_t norgs, ngroups;
	const int *org_group;       /* per org: its group, or AGG_SECTOR */
	struct own *own;            /* [org * metrics + metric] */
	struct comparable *figure;  /* [metric * (groups + 1) + group + 1] */
	double **sorted;            /* per metric: the sector's figures */
	size_t *nsorted;
	size_t *answered;           /* per group + 1: organisations that
				       answered anything */
};

const char *position_words(enum position p)
{
	switch (p) {
	case POSITION_TOP: return "top quarter";
	case POSITION_UPPER: return "upper middle";
	case POSITION_LOWER: return "lower middle";
	case POSITION_BOTTOM: return "bottom quarter";
	case POSITION_LEVEL: return "same as all";
	case POSITION_NONE: break;
	}
	return "";
}

/* The first of sorted[0..n) not below v (or, when after, above it). */
static size_t bound(const double *sorted, size_t n, double v, bool after)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sorted[mid] < v || (after && sorted[mid] == v))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

enum position position_among(const double *sorted, size_t n, double v,
			     bool lower_is_better)
{
	if (n < 2 || !isfinite(v))
		return POSITION_NONE;
	size_t below = bound(sorted, n, v, false);
	size_t ties = bound(sorted, n, v, true) - below;
	if (!ties)
		return POSITION_NONE;
	if (ties == n)
		return POSITION_LEVEL;
	size_t worse = lower_is_better ? n - below - ties : below;
	if (worse + ties == n)
		return POSITION_TOP;
	if (worse == 0)
		return POSITION_BOTTOM;
	double share = ((double)worse + (double)(ties - 1) / 2) /
		       (double)(n - 1);
	return share >= 0.75  ? POSITION_TOP
	       : share >= 0.5 ? POSITION_UPPER
	       : share > 0.25 ? POSITION_LOWER
			      : POSITION_BOTTOM;
}

/* org's own figure for metric m in period. */
static struct own own_figure(struct aggregate *ret, const struct metric *mt,
			     int period, int m, int org)
{
	struct own o = { .shown = SHOWN_NONE };
	double x, parent;
	if (!aggregate_answer(ret, period, m, org, &x) || !isfinite(x))
		return o;
	o.shown = SHOWN;
	o.v = x;
	if (mt->kind != KIND_COUNT || mt->parent < 0)
		return o;
	o.rate = true;
	if (!aggregate_answer(ret, period, mt->parent, org, &parent) ||
	    !isfinite(parent))
		o.shown = SHOWN_NONE;
	else if (parent > 0)
		o.v = 100 * x / parent;
	else
		o.zero = true;
	return o;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The group's comparable figure from its organisations' figures v[0..n)
 * (sorted) and the sum of the counts behind them. */
static struct comparable group_figure(const struct metric *mt,
				      const struct settings *s,
				      const double *v, size_t n,
				      double counts)
{
	struct comparable c = { .shown = SHOWN_WITHHELD, .n = n };
	if (!n) {
		c.shown = SHOWN_NONE;
		return c;
	}
	long min_orgs = s ? s->min_orgs : 3;
	long quartiles = s ? s->quartiles_min_orgs : 5;
	double small = s ? s->small_below : 5;
	if ((long)n < min_orgs)
		return c;
	if (mt->kind == KIND_YESNO) {
		double yes = 0;
		for (size_t i = 0; i < n; i++)
			yes += v[i] != 0;
		c.v = 100 * yes / (double)n;
		c.shown = SHOWN;
		return c;
	}
	if ((long)n < quartiles)
		return c;
	c.v = quantile(v, n, 0.5);
	bool rate = mt->kind == KIND_COUNT && mt->parent >= 0;
	if (mt->sensitive && ((counts > 0 && counts < small) ||
			      (!rate && c.v > 0 && c.v < small)))
		return c;
	c.shown = SHOWN;
	return c;
}

/* Own figures of every organisation, the sector's sorted figures and
 * every group's comparable figure for metric m. */
static void fill_metric(struct positions *p, const struct chart_input *in,
			int m, double *scratch)
{
	const struct metric *mt = &p->cat->metrics[m];
	size_t n = 0, k;
	const struct agg_obs *obs = aggregate_answers(in->returns, in->period,
						      m, &n);
	size_t groups = p->ngroups + 1;
	for (int g = AGG_SECTOR; g < (int)p->ngroups; g++) {
		double counts = 0;
		k = 0;
		for (size_t i = 0; i < n; i++) {
			int org = obs[i].org;
			if (org < 0 || (size_t)org >= p->norgs ||
			    (g != AGG_SECTOR && p->org_group[org] != g))
				continue;
			struct own *o = &p->own[(size_t)org *
						p->cat->len + (size_t)m];
			if (g == AGG_SECTOR)
				*o = own_figure(in->returns, mt, in->period, m,
						org);
			if (o->shown != SHOWN || o->zero)
				continue;
			scratch[k++] = o->v;
			counts += obs[i].value;
		}
		qsort(scratch, k, sizeof(double), by_value);
		p->figure[(size_t)m * groups + (size_t)(g + 1)] =
			group_figure(mt, in->settings, scratch, k, counts);
		if (g == AGG_SECTOR && k) {
			p->sorted[m] = xmalloc(k * sizeof(double));
			memcpy(p->sorted[m], scratch, k * sizeof(double));
			p->nsorted[m] = k;
		}
	}
}

/* Who answered anything, by group. */
static void count_answered(struct positions *p, const struct chart_input *in)
{
	bool *seen = xcalloc(p->norgs ? p->norgs : 1, sizeof(bool));
	for (size_t m = 0; m < p->cat->len; m++) {
		size_t n = 0;
		const struct agg_obs *obs = aggregate_answers(
			in->returns, in->period, (int)m, &n);
		for (size_t i = 0; i < n; i++)
			if (obs[i].org >= 0 && (size_t)obs[i].org < p->norgs)
				seen[obs[i].org] = true;
	}
	for (size_t o = 0; o < p->norgs; o++) {
		if (!seen[o])
			continue;
		p->answered[0]++;
		if (p->org_group[o] != AGG_SECTOR)
			p->answered[p->org_group[o] + 1]++;
	}
	free(seen);
}

struct positions *positions_make(const struct chart_input *in)
{
	if (!in->returns || !in->cat || !in->roster)
		return NULL;
	struct positions *p = xcalloc(1, sizeof(*p));
	p->cat = in->cat;
	p->norgs = in->roster->len;
	p->ngroups = in->returns->ngroups;
	p->org_group = in->returns->org_group;
	size_t metrics = in->cat->len;
	p->own = xcalloc(p->norgs * metrics + 1, sizeof(struct own));
	for (size_t i = 0; i < p->norgs * metrics; i++)
		p->own[i].shown = SHOWN_NONE;
	p->figure = xcalloc(metrics * (p->ngroups + 1) + 1,
			    sizeof(struct comparable));
	p->sorted = xcalloc(metrics + 1, sizeof(double *));
	p->nsorted = xcalloc(metrics + 1, sizeof(size_t));
	p->answered = xcalloc(p->ngroups + 1, sizeof(size_t));
	double *scratch = xcalloc(p->norgs + 1, sizeof(double));
	for (size_t m = 0; m < metrics; m++)
		fill_metric(p, in, (int)m, scratch);
	free(scratch);
	count_answered(p, in);
	return p;
}

void positions_free(struct positions *p)
{
	if (!p)
		return;
	for (size_t m = 0; m < p->cat->len; m++)
		free(p->sorted[m]);
	free(p->sorted);
	free(p->nsorted);
	free(p->own);
	free(p->figure);
	free(p->answered);
	free(p);
}

struct own positions_own(const struct positions *p, int org, int metric)
{
	if (org < 0 || (size_t)org >= p->norgs || metric < 0 ||
	    (size_t)metric >= p->cat->len)
		return (struct own){ .shown = SHOWN_NONE };
	return p->own[(size_t)org * p->cat->len + (size_t)metric];
}

struct comparable positions_group(const struct positions *p, int metric,
				  int org)
{
	int g = org >= 0 && (size_t)org < p->norgs ? p->org_group[org]
						    : AGG_SECTOR;
	if (metric < 0 || (size_t)metric >= p->cat->len)
		return (struct comparable){ .shown = SHOWN_NONE };
	return p->figure[(size_t)metric * (p->ngroups + 1) + (size_t)(g + 1)];
}

enum position positions_of(const struct positions *p, int metric, int org)
{
	struct own o = positions_own(p, org, metric);
	if (o.shown != SHOWN || o.zero)
		return POSITION_NONE;
	const struct metric *mt = &p->cat->metrics[metric];
	if (mt->kind == KIND_YESNO || mt->better == BETTER_NONE)
		return POSITION_NONE;
	return position_among(p->sorted[metric], p->nsorted[metric], o.v,
			      mt->better == BETTER_LOWER);
}

size_t positions_peers(const struct positions *p, int org, bool *named)
{
	int g = org >= 0 && (size_t)org < p->norgs ? p->org_group[org]
						    : AGG_SECTOR;
	*named = g != AGG_SECTOR;
	return p->answered[g + 1];
}

void positions_extremes(const struct positions *p, int org,
			enum position *best, enum position *worst)
{
	*best = *worst = POSITION_NONE;
	for (size_t m = 0; m < p->cat->len; m++) {
		enum position at = positions_of(p, (int)m, org);
		if (at == POSITION_NONE || at == POSITION_LEVEL)
			continue;
		if (*best == POSITION_NONE || at > *best)
			*best = at;
		if (*worst == POSITION_NONE || at < *worst)
			*worst = at;
	}
}
