#include "catalogue.h"
#include "decimal.h"
#include "../base/text.h"
#include "../base/xalloc.h"
#include "../read/table.h"

#include <stdlib.h>
#include <string.h>

enum { C_METRIC, C_AREA, C_KIND, C_OF, C_MIN, C_MAX, C_BETTER, C_SENSITIVE,
       C_LABEL, C_QUESTION, C_COUNT };

static const char *const columns[] = { "metric", "area", "kind", "of", "min",
	"max", "better", "sensitive", "label", "question", NULL };

static const char *const kind_names[] = { "count", "number", "percent",
	"money", "yesno" };

/* Names a metric id may not take: they are columns of a return or rows
 * of the aggregates. */
static const char *const reserved[] = { "org_id", "org_name", "period",
	"note", "area", "label", "question", "unit", "metric", "value",
	"returns", NULL };

const char *kind_name(enum kind kind)
{
	return kind_names[kind];
}

static int metric_id_valid(const char *s)
{
	if (!*s || strlen(s) > 64)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '_'))
			return 0;
	return 1;
}

#define ROWERR(...)                                                         \
	do {                                                                \
		diag_add(d, SEV_ERROR, t->name, line, f[C_METRIC], NULL,    \
			 "bad-catalogue", __VA_ARGS__);                     \
		return -1;                                                  \
	} while (0)

static int read_bound(const char *s, bool *has, double *v)
{
	char canon[DECIMAL_TEXT];
	*has = *s != '\0';
	if (!*has)
		return 0;
	if (decimal_canon(s, canon) < 0)
		return -1;
	*v = strtod(canon, NULL);
	return 0;
}

static int read_metric(struct table *t, char **f, long line,
		       struct metric *m, struct diags *d)
{
	memset(m, 0, sizeof(*m));
	m->parent = -1;
	m->line = line;
	if (!metric_id_valid(f[C_METRIC]))
		ROWERR("metric id '%s' must be 1-64 of a-z, 0-9 and _",
		       f[C_METRIC]);
	for (const char *const *r = reserved; *r; r++)
		if (strcmp(*r, f[C_METRIC]) == 0)
			ROWERR("'%s' is a column name and cannot be a metric id",
			       f[C_METRIC]);
	if (!metric_id_valid(f[C_AREA]))
		ROWERR("area '%s' must be 1-64 of a-z, 0-9 and _", f[C_AREA]);
	size_t k = 0;
	while (k < 5 && strcmp(f[C_KIND], kind_names[k]) != 0)
		k++;
	if (k == 5)
		ROWERR("kind '%s' is not one of count, number, percent, money, "
		       "yesno", f[C_KIND]);
	m->kind = (enum kind)k;
	if (read_bound(f[C_MIN], &m->has_min, &m->min) < 0 ||
	    read_bound(f[C_MAX], &m->has_max, &m->max) < 0)
		ROWERR("min and max must be plain numbers");
	if (m->has_min && m->has_max && m->min > m->max)
		ROWERR("min is above max");
	if (m->kind == KIND_PERCENT) {
		if (!m->has_min || m->min < 0)
			m->min = 0, m->has_min = true;
		if (!m->has_max || m->max > 100)
			m->max = 100, m->has_max = true;
	}
	if (!strcmp(f[C_BETTER], "higher"))
		m->better = BETTER_HIGHER;
	else if (!strcmp(f[C_BETTER], "lower"))
		m->better = BETTER_LOWER;
	else if (f[C_BETTER][0])
		ROWERR("better '%s' must be higher, lower or empty",
		       f[C_BETTER]);
	if (!strcmp(f[C_SENSITIVE], "yes"))
		m->sensitive = true;
	else if (f[C_SENSITIVE][0] && strcmp(f[C_SENSITIVE], "no"))
		ROWERR("sensitive '%s' must be yes, no or empty",
		       f[C_SENSITIVE]);
	if (!f[C_LABEL][0])
		ROWERR("metric %s has no label", f[C_METRIC]);
	m->id = xstrdup(f[C_METRIC]);
	m->area = xstrdup(f[C_AREA]);
	m->label = xstrdup(f[C_LABEL]);
	m->question = xstrdup(f[C_QUESTION]);
	return 0;
}

static void free_metric(struct metric *m)
{
	free(m->id);
	free(m->area);
	free(m->label);
	free(m->question);
}

/* Resolves "of" columns once every id is known. */
static int link_parents(struct catalogue *cat, char **of, const char *file,
			struct diags *d)
{
	int ret = 0;
	for (size_t i = 0; i < cat->len; i++) {
		struct metric *m = &cat->metrics[i];
		if (!of[i][0])
			continue;
		int p = catalogue_find(cat, of[i]);
		const char *why = NULL;
		if (p < 0)
			why = "is not a metric in the catalogue";
		else if (cat->metrics[p].kind != KIND_COUNT ||
			 m->kind != KIND_COUNT)
			why = "must be a count, and so must the metric";
		else if (of[p][0] || (size_t)p == i)
			why = "must not itself be \"of\" another metric";
		if (why) {
			diag_add(d, SEV_ERROR, file, m->line, m->id, NULL,
				 "bad-catalogue", "of '%s' %s", of[i], why);
			ret = -1;
		} else {
			m->parent = p;
		}
	}
	return ret;
}

static int index_ids(struct catalogue *cat, const char *file,
		     struct diags *d)
{
	cat->by_id = xcalloc(cat->len, sizeof(struct strkey));
	for (size_t i = 0; i < cat->len; i++)
		cat->by_id[i] = (struct strkey){ cat->metrics[i].id, i };
	strkeys_sort(cat->by_id, cat->len);
	for (size_t i = 1; i < cat->len; i++)
		if (!strcmp(cat->by_id[i].key, cat->by_id[i - 1].key)) {
			diag_add(d, SEV_ERROR, file,
				 cat->metrics[cat->by_id[i].index].line,
				 cat->by_id[i].key, NULL, "bad-catalogue",
				 "metric %s is listed twice", cat->by_id[i].key);
			return -1;
		}
	return 0;
}

int catalogue_load(struct catalogue *cat, const char *path, struct diags *d)
{
	memset(cat, 0, sizeof(*cat));
	size_t errors = d->errors, cap = 0, ofcap = 0;
	char **of = NULL;
	int col[C_COUNT];
	struct table *t = table_open_columns(path, columns, col,
					     "metric, area, kind, of, min, max, "
					     "better, sensitive, label and "
					     "question", d);
	if (!t)
		goto fail;
	struct table_row row;
	enum table_status s;
	char *f[C_COUNT];
	while ((s = table_next(t, &row)) == TABLE_ROW) {
		for (int k = 0; k < C_COUNT; k++)
			f[k] = row.f[col[k]];
		GROW(cat->metrics, cap, cat->len + 1);
		if (read_metric(t, f, row.line, &cat->metrics[cat->len],
				d) < 0)
			continue;
		GROW(of, ofcap, cat->len + 1);
		of[cat->len++] = xstrdup(f[C_OF]);
	}
	if (s == TABLE_FAIL || d->errors > errors)
		goto fail;
	if (cat->len == 0) {
		diag_add(d, SEV_ERROR, t->name, 0, NULL, NULL, "bad-catalogue",
			 "the catalogue lists no metrics");
		goto fail;
	}
	if (index_ids(cat, t->name, d) < 0 ||
	    link_parents(cat, of, t->name, d) < 0)
		goto fail;
	for (size_t i = 0; i < cat->len; i++)
		free(of[i]);
	free(of);
	table_close(t);
	return 0;
fail:
	for (size_t i = 0; i < cat->len; i++)
		free(of[i]);
	free(of);
	table_close(t);
	catalogue_free(cat);
	return -1;
}

void catalogue_free(struct catalogue *cat)
{
	for (size_t i = 0; i < cat->len; i++)
		free_metric(&cat->metrics[i]);
	free(cat->metrics);
	free(cat->by_id);
	memset(cat, 0, sizeof(*cat));
}

const char **catalogue_areas(const struct catalogue *cat, size_t *n)
{
	const char **out = xcalloc(cat->len + 1, sizeof(*out));
	size_t len = 0;
	for (size_t i = 0; i < cat->len; i++) {
		size_t k = 0;
		while (k < len && strcmp(out[k], cat->metrics[i].area))
			k++;
		if (k == len)
			out[len++] = cat->metrics[i].area;
	}
	*n = len;
	return out;
}

int catalogue_find(const struct catalogue *cat, const char *id)
{
	return (int)strkeys_find(cat->by_id, cat->len, id);
}

int catalogue_find_after(const struct catalogue *cat, const char *id,
			 int last)
{
	size_t next = (size_t)(last + 1);
	if (last >= -1 && next < cat->len && !strcmp(cat->metrics[next].id, id))
		return (int)next;
	return catalogue_find(cat, id);
}

const char *catalogue_suggest(const struct catalogue *cat, const char *id)
{
	const char *best = NULL;
	size_t best_d = 0, cap = strlen(id) / 3 + 1;
	if (cap > 3)
		cap = 3;
	for (size_t i = 0; i < cat->len; i++) {
		size_t dist = text_distance(id, cat->metrics[i].id, cap);
		if (dist <= cap && (!best || dist < best_d)) {
			best = cat->metrics[i].id;
			best_d = dist;
		}
	}
	return best;
}
