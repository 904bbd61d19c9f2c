#include "aggregate.h"
#include "disclose.h"
#include "sort.h"
#include "summary.h"
#include "../base/jobs.h"
#include "../base/xalloc.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct obs_list {
	struct agg_obs *o;
	size_t n, cap;
	size_t sorted;  /* o[0..sorted) is known to be in order */
};

struct agg_period {
	int period;
	struct obs_list *m;   /* per catalogue metric */
	uint64_t *seen;       /* per org: a bit per metric */
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void find_groups(struct aggregate *a)
{
	const struct roster *r = a->roster;
	a->groups = xcalloc(r->len, sizeof(char *));
	for (size_t i = 0; i < r->len; i++)
		a->groups[i] = r->orgs[i].peer_group;
	qsort(a->groups, r->len, sizeof(char *), cmp_str);
	size_t n = 0;
	for (size_t i = 0; i < r->len; i++)
		if (a->groups[i][0] &&
		    (n == 0 || strcmp(a->groups[n - 1], a->groups[i])))
			a->groups[n++] = a->groups[i];
	a->ngroups = n;
	a->org_group = xcalloc(r->len ? r->len : 1, sizeof(int));
	for (size_t i = 0; i < r->len; i++) {
		const char *g = r->orgs[i].peer_group;
		const char **hit = g[0] ? bsearch(&g, a->groups, n,
						  sizeof(char *), cmp_str)
					: NULL;
		a->org_group[i] = hit ? (int)(hit - a->groups) : AGG_SECTOR;
	}
}

void aggregate_init(struct aggregate *a, const struct catalogue *cat,
		    const struct roster *roster)
{
	memset(a, 0, sizeof(*a));
	a->cat = cat;
	a->roster = roster;
	a->words = (cat->len + 63) / 64;
	intmap_init(&a->index);
	find_groups(a);
}

struct agg_ranked {
	struct tagged *v;
	size_t cap;
};

void aggregate_free(struct aggregate *a)
{
	for (size_t i = 0; i < a->nperiods; i++) {
		struct agg_period *p = a->periods[i];
		for (size_t m = 0; m < a->cat->len; m++)
			free(p->m[m].o);
		free(p->m);
		free(p->seen);
		free(p);
	}
	free(a->periods);
	for (size_t m = 0; a->ranked && m < a->cat->len; m++)
		free(a->ranked[m].v);
	free(a->ranked);
	free(a->rows);
	free(a->facts);
	free(a->groups);
	free(a->org_group);
	intmap_free(&a->index);
	memset(a, 0, sizeof(*a));
}

static struct agg_period *period_of(struct aggregate *a, int period)
{
	long i = intmap_get(&a->index, (uint64_t)(uint32_t)period);
	if (i >= 0)
		return a->periods[i];
	struct agg_period *p = xcalloc(1, sizeof(*p));
	p->period = period;
	p->m = xcalloc(a->cat->len, sizeof(struct obs_list));
	p->seen = xcalloc(a->roster->len * a->words + 1, sizeof(uint64_t));
	GROW(a->periods, a->capperiods, a->nperiods + 1);
	intmap_put(&a->index, (uint64_t)(uint32_t)period, a->nperiods);
	a->periods[a->nperiods++] = p;
	return p;
}

int aggregate_add(struct aggregate *a, int period, int org, int metric,
		  double value)
{
	struct agg_period *p = period_of(a, period);
	uint64_t *w = &p->seen[(size_t)org * a->words + (size_t)metric / 64];
	uint64_t bit = (uint64_t)1 << (metric % 64);
	if (*w & bit)
		return -1;
	*w |= bit;
	struct obs_list *l = &p->m[metric];
	if (l->n == l->cap)
		GROW(l->o, l->cap, l->n + 1);
	l->o[l->n++] = (struct agg_obs){ org, value };
	return 0;
}

const char *agg_group_name(const struct aggregate *a, int group, char *out,
			   size_t size)
{
	if (group == AGG_SECTOR)
		snprintf(out, size, "sector");
	else
		snprintf(out, size, "peer:%s", a->groups[group]);
	return out;
}

static int in_group(const struct aggregate *a, int org, int group)
{
	return group == AGG_SECTOR || a->org_group[org] == group;
}

static int cmp_obs(const void *x, const void *y)
{
	const struct agg_obs *a = x, *b = y;
	return (a->org > b->org) - (a->org < b->org);
}

/* Most input comes sorted by organisation already. */
static void sort_by_org(struct obs_list *l)
{
	if (l->sorted == l->n)
		return;
	for (size_t i = l->sorted ? l->sorted : 1; i < l->n; i++)
		if (l->o[i - 1].org > l->o[i].org) {
			qsort(l->o, l->n, sizeof(struct agg_obs), cmp_obs);
			break;
		}
	l->sorted = l->n;
}

static bool org_answered(const struct aggregate *a, const struct agg_period *p,
			 int org)
{
	for (size_t w = 0; w < a->words; w++)
		if (p->seen[(size_t)org * a->words + w])
			return true;
	return false;
}

static int returns_rows(struct aggregate *a, const struct agg_period *p,
			agg_row_fn *fn, void *ctx)
{
	for (int g = AGG_SECTOR; g < (int)a->ngroups; g++) {
		struct agg_row row = { .period = p->period,
				       .metric = AGG_RETURNS, .group = g,
				       .has = 1u << AGG_SUM };
		for (size_t i = 0; i < a->roster->len; i++) {
			if (!in_group(a, (int)i, g))
				continue;
			row.n += org_answered(a, p, (int)i);
			row.v[AGG_SUM] += org_owes(&a->roster->orgs[i],
						   p->period);
		}
		int ret = fn(&row, ctx);
		if (ret)
			return ret;
	}
	return 0;
}

/* Sums the child's and the parent's counts over the organisations of
 * group that answered both (both lists sorted by org). */
static void pair_sums(const struct aggregate *a, const struct obs_list *c,
		      const struct obs_list *p, int group, double *csum,
		      double *psum)
{
	*csum = *psum = 0;
	size_t i = 0, j = 0;
	while (i < c->n && j < p->n) {
		if (c->o[i].org < p->o[j].org) {
			i++;
		} else if (c->o[i].org > p->o[j].org) {
			j++;
		} else {
			if (in_group(a, c->o[i].org, group)) {
				*csum += c->o[i].value;
				*psum += p->o[j].value;
			}
			i++;
			j++;
		}
	}
}

/* The row of group g for metric in p, and what disclosure needs to know
 * of it; row->n = 0 when no organisation of g answered. */
static void group_row(struct aggregate *a, const struct agg_period *p,
		      int metric, int g, const struct settings *s,
		      struct summary *sum, struct agg_row *row,
		      struct disc_facts *f)
{
	const struct metric *m = &a->cat->metrics[metric];
	const struct obs_list *l = &p->m[metric];
	const struct tagged *ranked = a->ranked[metric].v;
	*row = (struct agg_row){ .period = p->period, .metric = metric,
				 .group = g };
	*f = (struct disc_facts){ .sensitive = m->sensitive };
	summary_reset(sum);
	for (size_t i = 0; i < l->n; i++)
		if (g == AGG_SECTOR || ranked[i].tag == g)
			summary_add(sum, ranked[i].value);
	if (!sum->n)
		return;
	summary_finish(sum);
	row->n = sum->n;
	for (int k = 0; k < AGG_NSTATS; k++)
		if (stat_table[k].of) {
			row->v[k] = stat_table[k].of(sum);
			row->has |= 1u << k;
		}
	double parent = 0;
	if (m->kind == KIND_YESNO) {
		row->v[AGG_RATE] = 100 * sum->mean;
		row->has |= 1u << AGG_RATE;
	} else if (m->parent >= 0) {
		pair_sums(a, l, &p->m[m->parent], g, &f->child, &parent);
		if (parent > 0) {
			row->v[AGG_RATE] = 100 * f->child / parent;
			row->has |= 1u << AGG_RATE;
		}
	}
	disclose_row(row, s, f);
}

static int metric_rows(struct aggregate *a, const struct agg_period *p,
		       int metric, const struct settings *s,
		       struct summary *sum, agg_row_fn *fn, void *ctx)
{
	size_t len = a->ngroups + 1;
	for (size_t i = 0; i < len; i++)
		group_row(a, p, metric, (int)i - 1, s, sum, &a->rows[i],
			  &a->facts[i]);
	disclose_groups(a->rows, len, s, a->facts);
	for (size_t i = 0; i < len; i++) {
		if (!a->rows[i].n)
			continue;
		int ret = fn(&a->rows[i], ctx);
		if (ret)
			return ret;
	}
	return 0;
}

/* Sorts the answers of every step-th metric from first in p, by
 * organisation (for the rates' pairs) and by value: sorted once, the
 * values of every group come out of a filter already in order. */
static void rank_metrics(struct aggregate *a, struct agg_period *p,
			 size_t first, size_t step)
{
	for (size_t m = first; m < a->cat->len; m += step) {
		struct obs_list *l = &p->m[m];
		struct agg_ranked *r = &a->ranked[m];
		sort_by_org(l);
		if (r->cap < l->n)
			GROW(r->v, r->cap, l->n);
		for (size_t i = 0; i < l->n; i++)
			r->v[i] = (struct tagged){ l->o[i].value,
						   a->org_group[l->o[i].org] };
		sort_tagged(r->v, l->n);
	}
}

struct rank_job {
	struct aggregate *a;
	struct agg_period *p;
};

static void *rank_odd(void *arg)
{
	struct rank_job *job = arg;
	rank_metrics(job->a, job->p, 1, 2);
	return NULL;
}

/* A quarter's metrics ranked, half of them on a second thread when the
 * quarter has answers enough to gain by it (sorting is most of the
 * work once the answers are read). */
static void rank_period(struct aggregate *a, struct agg_period *p)
{
	size_t answers = 0;
	for (size_t m = 0; m < a->cat->len; m++)
		answers += p->m[m].n;
	struct rank_job job = { a, p };
	pthread_t t;
	int two = answers >= 8192 && jobs_count() > 1 &&
		  pthread_create(&t, NULL, rank_odd, &job) == 0;
	rank_metrics(a, p, 0, two ? 2 : 1);
	if (two)
		pthread_join(t, NULL);
}

static int cmp_period(const void *x, const void *y)
{
	const struct agg_period *a = *(struct agg_period *const *)x;
	const struct agg_period *b = *(struct agg_period *const *)y;
	return (a->period > b->period) - (a->period < b->period);
}

int aggregate_rows(struct aggregate *a, const struct settings *s,
		   agg_row_fn *fn, void *ctx)
{
	if (a->nperiods > 1)
		qsort(a->periods, a->nperiods, sizeof(*a->periods), cmp_period);
	intmap_free(&a->index);
	for (size_t i = 0; i < a->nperiods; i++)
		intmap_put(&a->index, (uint64_t)(uint32_t)a->periods[i]->period,
			   i);
	struct summary sum;
	summary_init(&sum);
	int ret = 0;
	if (!a->ranked)
		a->ranked = xcalloc(a->cat->len ? a->cat->len : 1,
				    sizeof(*a->ranked));
	if (!a->rows) {
		a->rows = xcalloc(a->ngroups + 1, sizeof(*a->rows));
		a->facts = xcalloc(a->ngroups + 1, sizeof(*a->facts));
	}
	for (size_t i = 0; i < a->nperiods && !ret; i++) {
		struct agg_period *p = a->periods[i];
		rank_period(a, p);
		ret = returns_rows(a, p, fn, ctx);
		for (size_t m = 0; m < a->cat->len && !ret; m++)
			ret = metric_rows(a, p, (int)m, s, &sum, fn, ctx);
	}
	summary_free(&sum);
	return ret;
}

enum agg_stat metric_headline(const struct metric *m)
{
	if (m->kind == KIND_YESNO || (m->kind == KIND_COUNT && m->parent >= 0))
		return AGG_RATE;
	return m->kind == KIND_COUNT ? AGG_SUM : AGG_MEDIAN;
}

const char *headline_name(enum agg_stat stat)
{
	return stat == AGG_RATE ? "rate" : stat == AGG_SUM ? "total" : "median";
}

const struct agg_obs *aggregate_answers(struct aggregate *a, int period,
					int metric, size_t *n)
{
	long i = intmap_get(&a->index, (uint64_t)(uint32_t)period);
	*n = 0;
	if (i < 0)
		return NULL;
	struct obs_list *l = &a->periods[i]->m[metric];
	sort_by_org(l);
	*n = l->n;
	return l->o;
}

bool aggregate_answer(struct aggregate *a, int period, int metric, int org,
		      double *value)
{
	size_t n;
	const struct agg_obs *list = aggregate_answers(a, period, metric, &n);
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (list[mid].org < org) {
			lo = mid + 1;
		} else if (list[mid].org > org) {
			hi = mid;
		} else {
			*value = list[mid].value;
			return true;
		}
	}
	return false;
}
