#include "query.h"
#include "../base/period.h"
#include "../base/quantile.h"
#include "../base/arena.h"
#include "../base/text.h"
#include "../base/xalloc.h"
#include "tidyfile.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void query_limits_from(const struct settings *s, struct query_limits *q)
{
	q->change_share = s->query_change_percent / 100;
	q->change_min = s->query_change_min;
	q->change_points = s->query_change_points;
	q->factor = s->query_implausible_factor;
	q->min_orgs = s->query_implausible_min_orgs;
}

bool query_large_change(enum kind k, double was, double now,
			const struct query_limits *q)
{
	double diff = fabs(now - was);
	switch (k) {
	case KIND_PERCENT:
		return diff > q->change_points;
	case KIND_YESNO:
		return false;
	case KIND_MONEY:
		return diff > q->change_share * fabs(was);
	default:
		return diff > q->change_min && diff > q->change_share * fabs(was);
	}
}

bool query_implausible(enum kind k, double v, size_t n, double p25,
		       double p75, const struct query_limits *q)
{
	if (n < (size_t)q->min_orgs || q->factor <= 0 || k == KIND_YESNO)
		return false;
	/* counts and numbers: not for a difference of a few (1 where the
	 * sector answered 0) */
	double floor = k == KIND_COUNT || k == KIND_NUMBER ? q->change_min : 0;
	return (v < p25 / q->factor && p25 - v > floor) ||
	       (v > p75 * q->factor && v - p75 > floor);
}

bool query_fraction(enum kind k, const char *raw, double v)
{
	return k == KIND_PERCENT && v > 0 && v < 1 && !strchr(raw, '%');
}

void query_add(struct diags *d, const char *file, long line, const char *org,
	       const char *metric, const char *code,
	       const char *code_explained, const char *note,
	       const char *fmt, ...)
{
	char what[400], shown[240];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if (!note[0]) {
		diag_add(d, SEV_WARNING, file, line, org, metric, code,
			 "%s; it is accepted, but please check it (a note on "
			 "the row that explains it is kept with it)", what);
		return;
	}
	text_excerpt(note, shown, sizeof(shown));
	diag_add(d, SEV_WARNING, file, line, org, metric, code_explained,
		 "%s; it is accepted with the note that explains it: \"%s\"",
		 what, shown);
}

struct hrow {
	const char *org;  /* in the arena */
	int period;
	int metric;
	double v;
};

/* The sector's spread of one quarter's answers to each metric. */
struct spread {
	int period;
	size_t *n;
	double *p25, *p75;
};

struct history {
	struct arena arena;
	struct hrow *rows;
	size_t len, cap;
	int sorted;
	struct spread *spreads;
	size_t nspreads;
	size_t nmetrics;
};

struct history *history_new(void)
{
	struct history *h = xcalloc(1, sizeof(*h));
	arena_init(&h->arena);
	return h;
}

void history_free(struct history *h)
{
	if (!h)
		return;
	for (size_t i = 0; i < h->nspreads; i++) {
		free(h->spreads[i].n);
		free(h->spreads[i].p25);
		free(h->spreads[i].p75);
	}
	free(h->spreads);
	free(h->rows);
	arena_free(&h->arena);
	free(h);
}

int history_read(struct history *h, const char *path,
		 const struct catalogue *cat, struct diags *d)
{
	int col[TIDY_COLUMNS];
	struct table *t = tidyfile_open(path, col, d);
	if (!t)
		return -1;
	struct table_row row;
	enum table_status st;
	const char *last_org = "";
	h->nmetrics = cat->len;
	while ((st = table_next(t, &row)) == TABLE_ROW) {
		int p = period_parse(row.f[col[TIDY_PERIOD]]);
		int m = catalogue_find(cat, row.f[col[TIDY_METRIC]]);
		char *end;
		const char *text = row.f[col[TIDY_VALUE]];
		double v = strtod(text, &end);
		if (p == PERIOD_NONE || m < 0 || end == text || *end)
			continue;
		if (strcmp(last_org, row.f[col[TIDY_ORG]]))
			last_org = arena_strdup(&h->arena,
						 row.f[col[TIDY_ORG]]);
		GROW(h->rows, h->cap, h->len + 1);
		h->rows[h->len++] = (struct hrow){ last_org, p, m, v };
	}
	h->sorted = 0;
	table_close(t);
	return st == TABLE_FAIL ? -1 : 0;
}

static int hrow_cmp(const void *a, const void *b)
{
	const struct hrow *x = a, *y = b;
	int c = strcmp(x->org, y->org);
	if (c)
		return c;
	if (x->metric != y->metric)
		return x->metric < y->metric ? -1 : 1;
	return (x->period > y->period) - (x->period < y->period);
}

/* The answer org gave to metric in period, or NULL. */
static const struct hrow *history_find(struct history *h, const char *org,
				       int metric, int period)
{
	if (!h->sorted) {
		qsort(h->rows, h->len, sizeof(*h->rows), hrow_cmp);
		h->sorted = 1;
	}
	struct hrow key = { org, period, metric, 0 };
	return bsearch(&key, h->rows, h->len, sizeof(*h->rows), hrow_cmp);
}

static int double_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The answers to each metric in period, sorted, into v (of h->len),
 * with n[m] of them for metric m from off[m]. One pass over the rows. */
static void gather(const struct history *h, int period, double *v, size_t *n,
		   size_t *off)
{
	size_t nm = h->nmetrics;
	for (size_t i = 0; i < h->len; i++)
		if (h->rows[i].period == period)
			n[h->rows[i].metric]++;
	for (size_t m = 1; m <= nm; m++)
		off[m] = off[m - 1] + n[m - 1];
	size_t *at = xcalloc(nm + 1, sizeof(size_t));
	for (size_t i = 0; i < h->len; i++) {
		const struct hrow *r = &h->rows[i];
		if (r->period == period)
			v[off[r->metric] + at[r->metric]++] = r->v;
	}
	free(at);
	for (size_t m = 0; m < nm; m++)
		qsort(v + off[m], n[m], sizeof(double), double_cmp);
}

/* The sector's spread of each metric in period, worked out once. */
static const struct spread *history_spread(struct history *h, int period)
{
	for (size_t i = 0; i < h->nspreads; i++)
		if (h->spreads[i].period == period)
			return &h->spreads[i];
	h->spreads = xreallocarray(h->spreads, h->nspreads + 1,
				   sizeof(*h->spreads));
	struct spread *s = &h->spreads[h->nspreads++];
	size_t nm = h->nmetrics;
	*s = (struct spread){ period, xcalloc(nm + 1, sizeof(size_t)),
			      xcalloc(nm + 1, sizeof(double)),
			      xcalloc(nm + 1, sizeof(double)) };
	double *v = xcalloc(h->len + 1, sizeof(double));
	size_t *off = xcalloc(nm + 1, sizeof(size_t));
	gather(h, period, v, s->n, off);
	for (size_t m = 0; m < nm; m++) {
		if (!s->n[m])
			continue;
		s->p25[m] = quantile(v + off[m], s->n[m], 0.25);
		s->p75[m] = quantile(v + off[m], s->n[m], 0.75);
	}
	free(off);
	free(v);
	return s;
}

void history_focus(struct history *h, const int *periods, size_t n)
{
	size_t keep = 0;
	for (size_t i = 0; h && i < h->len; i++) {
		size_t k = 0;
		while (k < n && periods[k] != h->rows[i].period + 1)
			k++;
		if (k < n)
			h->rows[keep++] = h->rows[i];
	}
	if (h)
		h->len = keep;
}

/* The queries of one answer. */
static void query_entry(struct history *h, const struct ret *r,
			const struct entry *e, const struct metric *m,
			const char *org, const struct query_limits *q,
			struct diags *d)
{
	char before[PERIOD_TEXT];
	double v = strtod(e->value, NULL);
	const struct hrow *was = history_find(h, org, e->metric,
					      r->period - 1);
	period_format(r->period - 1, before);
	if (was) {
		if (query_large_change(m->kind, was->v, v, q))
			query_add(d, r->file, e->line, org, m->id,
				  "large-change", "large-change-explained",
				  e->note,
				  "value %s for %s is far from %s's answer "
				  "for %s, %.15g: check that it is right and "
				  "in the same unit", e->value, m->id, org,
				  before, was->v);
		return;
	}
	const struct spread *s = history_spread(h, r->period - 1);
	size_t k = (size_t)e->metric;
	if (query_implausible(m->kind, v, s->n[k], s->p25[k], s->p75[k], q))
		query_add(d, r->file, e->line, org, m->id, "implausible",
			  "implausible-explained", e->note,
			  "value %s for %s is far outside what the sector "
			  "answered for %s (the middle half of %zu answers "
			  "lay between %.6g and %.6g): check that it is right "
			  "and in the unit asked for", e->value, m->id, before,
			  s->n[k], s->p25[k], s->p75[k]);
}

bool query_code(const char *code, bool *explained)
{
	*explained = strstr(code, "-explained") != NULL;
	return !strncmp(code, "large-change", 12) ||
	       !strncmp(code, "implausible", 11) ||
	       !strncmp(code, "percent-fraction", 16);
}

void query_returns(const struct returns *all, int period,
		   const struct catalogue *cat, const struct roster *roster,
		   struct history *h, const struct query_limits *q,
		   struct diags *d)
{
	if (!h || !h->len)
		return;
	for (size_t i = 0; i < all->len; i++) {
		const struct ret *r = all->items[i];
		if (r->rejected || r->refused || r->period != period)
			continue;
		const char *org = roster->orgs[r->org].id;
		for (size_t k = 0; k < r->n; k++) {
			const struct entry *e = &r->e[k];
			const struct metric *m = &cat->metrics[e->metric];
			if (e->value && m->kind != KIND_YESNO)
				query_entry(h, r, e, m, org, q, d);
		}
	}
}
