#include "returns.h"
#include "../base/period.h"
#include "../base/xalloc.h"

#include <stdlib.h>
#include <string.h>

static uint64_t key_of(int org, int period)
{
	return ((uint64_t)(uint32_t)org << 32) | (uint32_t)period;
}

void returns_init(struct returns *rs, struct arena *arena)
{
	rs->items = NULL;
	rs->len = rs->cap = rs->expect = 0;
	intmap_init(&rs->index);
	rs->arena = arena;
}

/* Frees what r holds outside the arena. */
static void ret_free(struct ret *r)
{
	if (r->e_malloced)
		free(r->e);
}

void returns_free(struct returns *rs)
{
	for (size_t i = 0; i < rs->len; i++)
		ret_free(rs->items[i]);
	free(rs->items);
	intmap_free(&rs->index);
	rs->items = NULL;
	rs->len = rs->cap = 0;
}

struct ret *returns_find(const struct returns *rs, int org, int period)
{
	long i = intmap_get(&rs->index, key_of(org, period));
	return i < 0 ? NULL : rs->items[i];
}

static void push(struct returns *rs, struct ret *r)
{
	GROW(rs->items, rs->cap, rs->len + 1);
	intmap_put(&rs->index, key_of(r->org, r->period), rs->len);
	rs->items[rs->len++] = r;
}

struct ret *returns_get(struct returns *rs, int org, int period,
			const char *file, long line)
{
	struct ret *r = returns_find(rs, org, period);
	return r ? r : returns_new(rs, org, period, file, line);
}

struct ret *returns_new(struct returns *rs, int org, int period,
			const char *file, long line)
{
	struct ret *r;
	/* tens of thousands of returns: they and their answers are kept
	 * in the arena, and freed with it */
	r = arena_alloc(rs->arena, sizeof(*r));
	r->org = org;
	r->period = period;
	r->file = arena_strdup(rs->arena, file);
	r->line = line;
	push(rs, r);
	return r;
}

void ret_add(struct returns *rs, struct ret *r, int metric, long line,
	     const char *value, const char *note)
{
	if (r->n == r->cap) {
		if (!r->cap && rs->expect) {
			r->e = arena_alloc(rs->arena, rs->expect * sizeof(*r->e));
			r->cap = rs->expect;
		} else if (!r->e_malloced) {
			/* more answers than expected: on to the heap */
			struct entry *e = xcalloc(2 * r->cap + 1, sizeof(*e));
			if (r->n)
				memcpy(e, r->e, r->n * sizeof(*e));
			r->e = e;
			r->cap = 2 * r->cap + 1;
			r->e_malloced = true;
		} else {
			GROW(r->e, r->cap, r->n + 1);
		}
	}
	struct entry *e = &r->e[r->n++];
	e->metric = metric;
	e->line = (int32_t)line;
	e->value = value ? arena_strdup(rs->arena, value) : NULL;
	e->note = note && *note ? arena_strdup(rs->arena, note) : "";
}

size_t ret_accepted(const struct ret *r)
{
	if (r->rejected || r->refused)
		return 0;
	size_t n = 0;
	for (size_t i = 0; i < r->n; i++)
		n += r->e[i].value != NULL;
	return n;
}

static int by_metric_line(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	if (x->metric != y->metric)
		return x->metric < y->metric ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

static bool sorted(const struct ret *r)
{
	for (size_t i = 1; i < r->n; i++)
		if (by_metric_line(&r->e[i - 1], &r->e[i]) > 0)
			return false;
	return true;
}

/* Compares two canonical whole numbers. */
static int count_cmp(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la != lb)
		return la < lb ? -1 : 1;
	return strcmp(a, b);
}

static void check_repeats(struct ret *r, const struct catalogue *cat,
			  const char *org, struct diags *d)
{
	for (size_t i = 0; i < r->n;) {
		size_t j = i + 1;
		while (j < r->n && r->e[j].metric == r->e[i].metric)
			j++;
		for (size_t k = i + 1; k < j; k++) {
			const char *id = cat->metrics[r->e[i].metric].id;
			diag_add(d, SEV_ERROR, r->file, r->e[k].line, org, id,
				 "duplicate-metric",
				 "%s is answered more than once in this return "
				 "(lines %ld and %ld); every answer to it is "
				 "rejected", id, (long)r->e[i].line,
				 (long)r->e[k].line);
		}
		if (j > i + 1)
			for (size_t k = i; k < j; k++)
				r->e[k].value = NULL;
		i = j;
	}
}

static struct entry *entry_of(struct ret *r, int metric)
{
	struct entry key = { .metric = metric, .line = 0 };
	for (size_t lo = 0, hi = r->n; lo < hi;) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->e[mid].metric < key.metric)
			lo = mid + 1;
		else if (r->e[mid].metric > key.metric)
			hi = mid;
		else
			return &r->e[mid];
	}
	return NULL;
}

static void check_parents(struct ret *r, const struct catalogue *cat,
			  const char *org, struct diags *d)
{
	/* the values refused here, by answer: on the stack for a return
	 * of the usual size */
	const char *few[64];
	const char **refused = r->n <= 64 ? few
					  : xcalloc(r->n, sizeof(char *));
	if (refused == few)
		memset(few, 0, r->n * sizeof(*few));
	for (size_t i = 0; i < r->n; i++) {
		const struct metric *m = &cat->metrics[r->e[i].metric];
		if (m->parent < 0 || !r->e[i].value)
			continue;
		struct entry *p = entry_of(r, m->parent);
		const char *pv = p ? (p->value ? p->value
					       : refused[p - r->e]) : NULL;
		if (!pv || count_cmp(r->e[i].value, pv) <= 0)
			continue;
		const struct metric *pm = &cat->metrics[m->parent];
		diag_add(d, SEV_ERROR, r->file, r->e[i].line, org, m->id,
			 "exceeds-parent",
			 "%s (%s) is more than %s (%s, line %ld), which it is "
			 "part of; both are rejected", m->id, r->e[i].value,
			 pm->id, pv, (long)p->line);
		refused[p - r->e] = pv;
		p->value = NULL;
		r->e[i].value = NULL;
	}
	if (refused != few)
		free(refused);
}

void returns_check(struct returns *batch, const struct catalogue *cat,
		   const struct roster *roster, struct diags *d)
{
	for (size_t i = 0; i < batch->len; i++) {
		struct ret *r = batch->items[i];
		const char *org = roster->orgs[r->org].id;
		if (!sorted(r))
			qsort(r->e, r->n, sizeof(*r->e), by_metric_line);
		if (r->n == 0) {
			char p[PERIOD_TEXT];
			diag_add(d, SEV_ERROR, r->file, r->line, org, NULL,
				 "no-answers",
				 "%s's return for %s answers no question",
				 org, period_format(r->period, p));
		}
		check_repeats(r, cat, org, d);
		check_parents(r, cat, org, d);
	}
}

static bool same_answers(const struct ret *a, const struct ret *b)
{
	size_t i = 0, j = 0;
	for (;;) {
		while (i < a->n && !a->e[i].value)
			i++;
		while (j < b->n && !b->e[j].value)
			j++;
		if (i == a->n || j == b->n)
			return i == a->n && j == b->n;
		if (a->e[i].metric != b->e[j].metric ||
		    strcmp(a->e[i].value, b->e[j].value) ||
		    strcmp(a->e[i].note, b->e[j].note))
			return false;
		i++;
		j++;
	}
}

static void merge_one(struct returns *all, struct ret *r,
		      const struct roster *roster, struct diags *d)
{
	long at = intmap_get(&all->index, key_of(r->org, r->period));
	struct ret *old = at < 0 ? NULL : all->items[at];
	if (!old) {
		push(all, r);
		return;
	}
	if (r->refused || old->refused) {
		if (!r->refused) {
			all->items[at] = r;
			r = old;
		}
		ret_free(r);
		return;
	}
	const char *org = roster->orgs[r->org].id;
	char p[PERIOD_TEXT];
	period_format(r->period, p);
	if (!old->rejected && same_answers(old, r)) {
		diag_add(d, SEV_WARNING, r->file, r->line, org, NULL,
			 "identical-return",
			 "%s's return for %s was already read from %s with the "
			 "same answers; this copy is ignored", org, p,
			 old->file);
	} else {
		diag_add(d, SEV_ERROR, r->file, r->line, org, NULL,
			 "duplicate-return",
			 "%s sent a different return for %s in %s; both are "
			 "rejected until one is withdrawn", org, p, old->file);
		if (!old->rejected)
			diag_add(d, SEV_ERROR, old->file, old->line, org, NULL,
				 "duplicate-return",
				 "%s sent a different return for %s in %s; "
				 "both are rejected until one is withdrawn",
				 org, p, r->file);
		old->rejected = true;
	}
	ret_free(r);
}

void returns_merge(struct returns *all, struct returns *batch,
		   const struct roster *roster, struct diags *d)
{
	if (!all->len) {
		/* the first file's returns are all new: taken as they are */
		struct returns t = *all;
		all->items = batch->items;
		all->len = batch->len;
		all->cap = batch->cap;
		all->index = batch->index;
		batch->items = t.items;
		batch->cap = t.cap;
		batch->index = t.index;
		batch->len = 0;
		intmap_free(&batch->index);
		return;
	}
	for (size_t i = 0; i < batch->len; i++)
		merge_one(all, batch->items[i], roster, d);
	batch->len = 0;
	intmap_free(&batch->index);
}

static const struct roster *sort_roster;
static int *sort_rank;          /* per roster org: its place by org_id */

static int by_id(const void *a, const void *b)
{
	return strcmp(sort_roster->orgs[*(const int *)a].id,
		      sort_roster->orgs[*(const int *)b].id);
}

static int by_period_org(const void *a, const void *b)
{
	const struct ret *x = *(struct ret *const *)a;
	const struct ret *y = *(struct ret *const *)b;
	if (x->period != y->period)
		return x->period < y->period ? -1 : 1;
	int rx = sort_rank[x->org], ry = sort_rank[y->org];
	return (rx > ry) - (rx < ry);
}

/* Sorts all by period and org rank by putting each return straight in
 * its place (there is one return per organisation and quarter), when
 * the quarters span few enough places; returns 0 when they do not. */
static int place_in_order(struct returns *all, size_t norgs, const int *rank)
{
	if (!norgs)
		return 0;
	int lo = all->items[0]->period, hi = lo;
	for (size_t i = 1; i < all->len; i++) {
		int p = all->items[i]->period;
		lo = p < lo ? p : lo;
		hi = p > hi ? p : hi;
	}
	size_t places = ((size_t)(hi - lo) + 1) * norgs;
	if (places / norgs != (size_t)(hi - lo) + 1 || places > 4 * all->len)
		return 0;
	struct ret **at = xcalloc(places, sizeof(*at));
	for (size_t i = 0; i < all->len; i++) {
		struct ret *r = all->items[i];
		struct ret **slot = &at[(size_t)(r->period - lo) * norgs +
					(size_t)rank[r->org]];
		if (*slot) {  /* never so; but then sorting decides */
			free(at);
			return 0;
		}
		*slot = r;
	}
	size_t n = 0;
	for (size_t k = 0; k < places; k++)
		if (at[k])
			all->items[n++] = at[k];
	free(at);
	return 1;
}

void returns_sort(struct returns *all, const struct roster *roster)
{
	/* org_ids are ranked once, so returns compare by number */
	sort_roster = roster;
	size_t n = roster->len;
	int *order = xcalloc(n ? n : 1, sizeof(int));
	sort_rank = xcalloc(n ? n : 1, sizeof(int));
	for (size_t i = 0; i < n; i++)
		order[i] = (int)i;
	if (n > 1)
		qsort(order, n, sizeof(int), by_id);
	for (size_t i = 0; i < n; i++)
		sort_rank[order[i]] = (int)i;
	if (all->len > 1 && !place_in_order(all, n, sort_rank))
		qsort(all->items, all->len, sizeof(*all->items), by_period_org);
	free(order);
	free(sort_rank);
	sort_rank = NULL;
	sort_roster = NULL;
	/* the same keys, at new places */
	for (size_t i = 0; i < all->len; i++)
		intmap_put(&all->index,
			   key_of(all->items[i]->org, all->items[i]->period), i);
}
