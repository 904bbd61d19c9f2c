#include "queries.h"
#include "../base/buf.h"
#include "../base/xalloc.h"
#include "../model/catalogue.h"
#include "../model/query.h"
#include "../read/table.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

enum { Q_ORG, Q_METRIC, Q_CODE, Q_MESSAGE };

void report_queries_load(struct report_queries *q, const char *issues)
{
	memset(q, 0, sizeof(*q));
	if (!issues)
		return;
	static const char *const cols[] = { "org_id", "metric", "code",
					    "message", NULL };
	int col[4];
	struct diags quiet;
	diags_init(&quiet);
	struct table *t = table_open_columns(issues, cols, col, "", &quiet);
	size_t cap = 0;
	struct table_row row;
	while (t && table_next(t, &row) == TABLE_ROW) {
		bool explained;
		if (!query_code(row.f[col[Q_CODE]], &explained))
			continue;
		GROW(q->items, cap, q->len + 1);
		q->items[q->len++] = (struct report_query){
			xstrdup(row.f[col[Q_ORG]]), xstrdup(row.f[col[Q_METRIC]]),
			xstrdup(row.f[col[Q_MESSAGE]]), explained };
	}
	table_close(t);
	diags_free(&quiet);
}

void report_queries_free(struct report_queries *q)
{
	for (size_t i = 0; i < q->len; i++) {
		free(q->items[i].org_id);
		free(q->items[i].metric);
		free(q->items[i].message);
	}
	free(q->items);
	memset(q, 0, sizeof(*q));
}

/* "HX01, Employees: value 260 ...". */
static void query_line(struct doc *d, const struct report_query *r,
		       bool with_org)
{
	const struct catalogue *cat = d->in->chart.cat;
	int m = cat ? catalogue_find(cat, r->metric) : -1;
	struct buf b = BUF_INIT;
	if (with_org)
		buf_addf(&b, "%s, ", r->org_id);
	buf_addf(&b, "%s: %s", m >= 0 ? cat->metrics[m].label : r->metric,
		 r->message);
	doc_text(d, DOC_MARGIN, DOC_WIDTH, b.s, 9.5, WEIGHT_REGULAR,
		 COLOUR_TEXT);
	buf_free(&b);
}

void queries_sector(struct doc *d, const struct report_queries *q)
{
	size_t n = 0;
	for (size_t i = 0; q && i < q->len; i++)
		n += q->items[i].explained;
	if (!n)
		return;
	doc_heading(d, 2, "Queries explained by the associations");
	for (size_t i = 0; i < q->len; i++)
		if (q->items[i].explained)
			query_line(d, &q->items[i], true);
}

void queries_card(struct doc *d, const struct report_queries *q,
		  const char *org_id)
{
	bool first = true;
	for (size_t i = 0; q && i < q->len; i++) {
		if (strcmp(q->items[i].org_id, org_id))
			continue;
		if (first) {
			doc_need(d, 40);
			d->y += 8;
			doc_heading(d, 2, "Figures we asked about");
			first = false;
		}
		query_line(d, &q->items[i], false);
	}
}
