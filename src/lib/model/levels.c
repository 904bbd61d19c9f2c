#include "levels.h"
#include "value.h"
#include "../base/text.h"
#include "../base/xalloc.h"
#include "../read/table.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { L_AREA, L_LEVEL, L_RANK, L_METRIC, L_TEST, L_VALUE, L_QUARTERS,
       L_COUNT };

static const char *const columns[] = { "area", "level", "rank", "metric",
	"test", "value", "quarters", NULL };

static const char *const test_names[] = { "yes", ">=", "<=", "rate>=" };

const char *level_test_name(enum level_test test)
{
	return test_names[test];
}

#define ROWERR(...)                                                         \
	do {                                                                \
		diag_add(d, SEV_ERROR, t->name, line, NULL, f[L_METRIC],    \
			 "bad-levels", __VA_ARGS__);                        \
		return -1;                                                  \
	} while (0)

/* A whole number from lo to hi, or -1. */
static long read_whole(const char *s, long lo, long hi)
{
	if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 6)
		return -1;
	long v = strtol(s, NULL, 10);
	return v < lo || v > hi ? -1 : v;
}

/* A plain decimal ("12", "-3", "62.5"), as the catalogue's bounds. */
static int read_number(const char *s, double *out)
{
	char canon[VALUE_TEXT];
	if (!*s || decimal_canon(s, canon) < 0)
		return -1;
	*out = strtod(canon, NULL);
	return isfinite(*out) ? 0 : -1;
}

static int find_test(const char *s)
{
	for (int i = 0; i < 4; i++)
		if (!strcmp(s, test_names[i]))
			return i;
	return -1;
}

/* Whether test can be asked of m; else why not, into why. */
static const char *test_misfit(enum level_test test, const struct metric *m)
{
	switch (test) {
	case TEST_YES:
		return m->kind == KIND_YESNO ? NULL
		       : "yes fits only a yes/no metric";
	case TEST_AT_LEAST:
	case TEST_AT_MOST:
		return m->kind != KIND_YESNO ? NULL
		       : "a yes/no metric takes the test yes";
	case TEST_RATE_AT_LEAST:
		return m->kind == KIND_COUNT && m->parent >= 0 ? NULL
		       : "rate>= fits only an \"of which\" count";
	}
	return NULL;
}

static int read_cond(struct table *t, char **f, long line,
		     const struct catalogue *cat, const char *area,
		     struct level_cond *c, struct diags *d)
{
	int m = catalogue_find(cat, f[L_METRIC]);
	if (m < 0) {
		const char *near = catalogue_suggest(cat, f[L_METRIC]);
		ROWERR("'%s' is not a metric in the catalogue%s%s%s",
		       f[L_METRIC], near ? " (did you mean " : "",
		       near ? near : "", near ? "?)" : "");
	}
	const struct metric *mt = &cat->metrics[m];
	if (strcmp(mt->area, area))
		ROWERR("metric %s belongs to the area %s, not %s", mt->id,
		       mt->area, area);
	int test = find_test(f[L_TEST]);
	if (test < 0)
		ROWERR("test '%s' is not one of yes, >=, <=, rate>=",
		       f[L_TEST]);
	const char *misfit = test_misfit((enum level_test)test, mt);
	if (misfit)
		ROWERR("test %s does not fit %s, a %s metric: %s", f[L_TEST],
		       mt->id, kind_name(mt->kind), misfit);
	double v = 0;
	if (test == TEST_YES && *f[L_VALUE])
		ROWERR("test yes takes no value, but has '%s'", f[L_VALUE]);
	if (test != TEST_YES && read_number(f[L_VALUE], &v) < 0)
		ROWERR("value '%s' for test %s is not a number", f[L_VALUE],
		       f[L_TEST]);
	if (test == TEST_RATE_AT_LEAST && (v < 0 || v > 100))
		ROWERR("value '%s' for rate>= is not a percentage from 0 to "
		       "100", f[L_VALUE]);
	long q = *f[L_QUARTERS] ? read_whole(f[L_QUARTERS], 1,
					     LEVELS_MAX_QUARTERS) : 1;
	if (q < 0)
		ROWERR("quarters '%s' is not a whole number from 1 to %d "
		       "(or empty for this quarter only)", f[L_QUARTERS],
		       LEVELS_MAX_QUARTERS);
	*c = (struct level_cond){ m, (enum level_test)test, v, (int)q, line };
	return 0;
}

static struct level_area *find_area(struct levels *lv, const char *area)
{
	for (size_t i = 0; i < lv->nareas; i++)
		if (!strcmp(lv->areas[i].area, area))
			return &lv->areas[i];
	return NULL;
}

/* The level of a's rank the row names, made when it is the next rank. */
static struct level *place_level(struct table *t, char **f, long line,
				 struct level_area *a, struct diags *d)
{
	long rank = read_whole(f[L_RANK], 1, 1000);
	if (rank < 0) {
		diag_add(d, SEV_ERROR, t->name, line, NULL, f[L_METRIC],
			 "bad-levels", "rank '%s' is not a whole number from "
			 "1", f[L_RANK]);
		return NULL;
	}
	long top = (long)a->nlevels;
	const char *why = NULL;
	if (rank < top)
		why = "ranks out of order: list each area's levels from rank 1 "
		      "upwards";
	else if (rank > top + 1)
		why = "a gap in the ranks";
	if (why) {
		diag_add(d, SEV_ERROR, t->name, line, NULL, f[L_METRIC],
			 "bad-levels", "rank %ld of %s comes after rank %ld: "
			 "%s", rank, a->area, top, why);
		return NULL;
	}
	if (rank == top) {
		struct level *l = &a->levels[top - 1];
		if (!strcmp(l->name, f[L_LEVEL]))
			return l;
		diag_add(d, SEV_ERROR, t->name, line, NULL, f[L_METRIC],
			 "bad-levels", "rank %ld of %s is already called '%s', "
			 "not '%s'", rank, a->area, l->name, f[L_LEVEL]);
		return NULL;
	}
	for (size_t i = 0; i < a->nlevels; i++)
		if (!strcmp(a->levels[i].name, f[L_LEVEL])) {
			diag_add(d, SEV_ERROR, t->name, line, NULL,
				 f[L_METRIC], "bad-levels", "level '%s' of %s "
				 "already has rank %zu", f[L_LEVEL], a->area,
				 i + 1);
			return NULL;
		}
	GROW(a->levels, a->cap, a->nlevels + 1);
	struct level *l = &a->levels[a->nlevels++];
	*l = (struct level){ xstrdup(f[L_LEVEL]), NULL, 0, 0 };
	return l;
}

static int read_row(struct table *t, char **f, long line,
		    const struct catalogue *cat, struct levels *lv,
		    struct diags *d)
{
	struct level_area *a = find_area(lv, f[L_AREA]);
	if (!a)
		ROWERR("'%s' is not an area of the catalogue", f[L_AREA]);
	if (!*f[L_LEVEL])
		ROWERR("the level has no name");
	struct level *l = place_level(t, f, line, a, d);
	struct level_cond c;
	if (!l || read_cond(t, f, line, cat, a->area, &c, d) < 0)
		return -1;
	GROW(l->conds, l->cap, l->nconds + 1);
	l->conds[l->nconds++] = c;
	if (c.quarters > lv->history)
		lv->history = c.quarters;
	return 0;
}

/* One entry per area of the catalogue, in its order. */
static void add_areas(struct levels *lv, const struct catalogue *cat)
{
	lv->areas = xcalloc(cat->len ? cat->len : 1, sizeof(*lv->areas));
	for (size_t i = 0; i < cat->len; i++)
		if (!find_area(lv, cat->metrics[i].area))
			lv->areas[lv->nareas++].area =
				xstrdup(cat->metrics[i].area);
}

/* Drops the areas that got no rules. */
static void drop_empty(struct levels *lv)
{
	size_t n = 0;
	for (size_t i = 0; i < lv->nareas; i++) {
		if (lv->areas[i].nlevels)
			lv->areas[n++] = lv->areas[i];
		else
			free(lv->areas[i].area);
	}
	lv->nareas = n;
}

int levels_load(struct levels *lv, const char *path,
		const struct catalogue *cat, struct diags *d)
{
	memset(lv, 0, sizeof(*lv));
	struct stat st;
	if (strcmp(path, "-") && stat(path, &st) < 0 && errno == ENOENT)
		return 0;
	size_t errors = d->errors;
	int col[L_COUNT];
	struct table *t = table_open_columns(path, columns, col,
					     "area, level, rank, metric, test, "
					     "value and quarters", d);
	if (!t)
		return -1;
	add_areas(lv, cat);
	struct table_row row;
	enum table_status s;
	char *f[L_COUNT];
	while ((s = table_next(t, &row)) == TABLE_ROW) {
		for (int k = 0; k < L_COUNT; k++)
			f[k] = text_trim(row.f[col[k]]);
		read_row(t, f, row.line, cat, lv, d);
	}
	table_close(t);
	drop_empty(lv);
	if (s == TABLE_FAIL || d->errors > errors) {
		levels_free(lv);
		return -1;
	}
	return 0;
}

void levels_free(struct levels *lv)
{
	for (size_t i = 0; i < lv->nareas; i++) {
		struct level_area *a = &lv->areas[i];
		for (size_t k = 0; k < a->nlevels; k++) {
			free(a->levels[k].name);
			free(a->levels[k].conds);
		}
		free(a->levels);
		free(a->area);
	}
	free(lv->areas);
	memset(lv, 0, sizeof(*lv));
}
