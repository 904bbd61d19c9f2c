/* revised: the figures revised since first published. */
#include "report/revised.h"

#include "base/xalloc.h"
#include "base/period.h"
#include "read/table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct figure {
	int period;
	char *metric, *group;
};

struct revised {
	struct figure *items;
	size_t len, cap;
};

enum { C_PERIOD, C_METRIC, C_GROUP, C_COUNT };

struct revised *revised_load(const char *path, struct diags *d)
{
	static const char *const cols[] = { "period", "metric", "group", NULL };
	int col[C_COUNT];
	struct table *t = table_open_columns(path, cols, col,
					     "period, metric and group", d);
	if (!t)
		return NULL;
	struct revised *r = xcalloc(1, sizeof *r);
	struct table_row row;
	enum table_status s;
	while ((s = table_next(t, &row)) == TABLE_ROW) {
		int p = period_parse(row.f[col[C_PERIOD]]);
		if (p < 0)
			continue;
		GROW(r->items, r->cap, r->len + 1);
		r->items[r->len++] = (struct figure){
			p, xstrdup(row.f[col[C_METRIC]]),
			xstrdup(row.f[col[C_GROUP]]) };
	}
	table_close(t);
	if (s == TABLE_FAIL) {
		revised_free(r);
		return NULL;
	}
	return r;
}

void revised_free(struct revised *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->len; i++) {
		free(r->items[i].metric);
		free(r->items[i].group);
	}
	free(r->items);
	free(r);
}

char *revised_mark(const struct revised *r, int period, const char *metric,
		   const char *group, char *text, size_t size)
{
	for (size_t i = 0; r && i < r->len; i++) {
		const struct figure *f = &r->items[i];
		if (f->period == period && !strcmp(f->metric, metric) &&
		    !strcmp(f->group, group)) {
			size_t n = strlen(text);
			snprintf(text + n, size - n, " [r]");
			break;
		}
	}
	return text;
}

const char *revised_note(const struct revised *r, int period)
{
	size_t i = 0;
	while (r && i < r->len && r->items[i].period != period)
		i++;
	return r && i < r->len
		? "A figure marked [r] has been revised since it was first "
		  "published: a late or amended return changed it."
		: NULL;
}
