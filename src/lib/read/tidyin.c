#include "tidyin.h"
#include "table.h"
#include "../model/period.h"
#include "../model/value.h"

#include <stdlib.h>

enum { T_PERIOD, T_ORG, T_METRIC, T_VALUE };
static const char *const columns[] = { "period", "org_id", "metric",
	"value", NULL };

static void read_row(struct aggregate *a, struct table *t, char **f,
		     long line, struct diags *d)
{
	int period = period_parse(f[T_PERIOD]);
	if (period == PERIOD_NONE) {
		diag_add(d, SEV_ERROR, t->name, line, f[T_ORG], f[T_METRIC],
			 "bad-period", "period '%s' is not a quarter such as "
			 "2026-Q3; row skipped", f[T_PERIOD]);
		return;
	}
	int org = roster_find(a->roster, f[T_ORG]);
	if (org < 0) {
		diag_add(d, SEV_ERROR, t->name, line, f[T_ORG], f[T_METRIC],
			 "unknown-org", "org_id '%s' is not in the roster; row "
			 "skipped", f[T_ORG]);
		return;
	}
	int m = catalogue_find(a->cat, f[T_METRIC]);
	if (m < 0) {
		diag_add(d, SEV_ERROR, t->name, line, f[T_ORG], f[T_METRIC],
			 "unknown-metric", "'%s' is not a metric in the "
			 "catalogue; row skipped", f[T_METRIC]);
		return;
	}
	char canon[VALUE_TEXT];
	if (decimal_canon(f[T_VALUE], canon) < 0) {
		diag_add(d, SEV_ERROR, t->name, line, f[T_ORG], f[T_METRIC],
			 "not-a-number", "value '%s' for %s is not a number; "
			 "row skipped", f[T_VALUE], f[T_METRIC]);
		return;
	}
	if (aggregate_add(a, period, org, m, strtod(canon, NULL)) < 0) {
		char p[PERIOD_TEXT];
		diag_add(d, SEV_ERROR, t->name, line, f[T_ORG], f[T_METRIC],
			 "duplicate-value", "%s already has a value for %s in "
			 "%s; this one is skipped", f[T_ORG], f[T_METRIC],
			 period_format(period, p));
	}
}

int tidyin_read(struct aggregate *a, const char *path, struct diags *d)
{
	struct table *t = table_open(path, NULL, d);
	int col[4];
	if (!t || table_header(t, table_has_any, (void *)columns,
			       "period, org_id, metric and value") < 0 ||
	    table_columns(t, columns, col, true) < 0) {
		table_close(t);
		return -1;
	}
	struct table_row row;
	enum table_status st;
	while ((st = table_next(t, &row)) == TABLE_ROW) {
		char *f[4];
		for (int k = 0; k < 4; k++)
			f[k] = row.f[col[k]];
		read_row(a, t, f, row.line, d);
	}
	table_close(t);
	return st == TABLE_FAIL ? -1 : 0;
}
