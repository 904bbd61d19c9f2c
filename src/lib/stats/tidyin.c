#include "tidyin.h"
#include "../model/tidyfile.h"
#include "../base/period.h"
#include "../model/value.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rows come sorted by period and organisation, with metrics in
 * catalogue order: each look-up is first tried against the last one. */
struct lookups {
	char period_text[16];
	int period;
	char org_text[ORG_ID_MAX + 1];
	int org;
	int metric;
};

static int find_period(struct lookups *k, const char *text)
{
	if (strcmp(text, k->period_text)) {
		k->period = period_parse(text);
		snprintf(k->period_text, sizeof(k->period_text), "%s", text);
	}
	return k->period;
}

static int find_org(struct lookups *k, const struct roster *r,
		    const char *text)
{
	if (strcmp(text, k->org_text)) {
		k->org = roster_find(r, text);
		snprintf(k->org_text, sizeof(k->org_text), "%s", text);
	}
	return k->org;
}

/* A value as a double: plain whole numbers directly, others through
 * their canonical decimal form. Returns 0 or -1. */
static int read_number(const char *s, double *out)
{
	size_t n = strspn(s, "0123456789");
	if (n > 0 && n <= 15 && !s[n]) {
		long long v = 0;
		for (size_t i = 0; i < n; i++)
			v = v * 10 + (s[i] - '0');
		*out = (double)v;
		return 0;
	}
	char canon[VALUE_TEXT];
	if (decimal_canon(s, canon) < 0)
		return -1;
	*out = strtod(canon, NULL);
	return 0;
}

static void read_row(struct aggregate *a, struct lookups *k, struct table *t,
		     char **f, long line, struct diags *d)
{
	int period = find_period(k, f[TIDY_PERIOD]);
	if (period == PERIOD_NONE) {
		diag_add(d, SEV_ERROR, t->name, line, f[TIDY_ORG],
			 f[TIDY_METRIC],
			 "bad-period", "period '%s' is not a quarter such as "
			 "2026-Q3; row skipped", f[TIDY_PERIOD]);
		return;
	}
	int org = find_org(k, a->roster, f[TIDY_ORG]);
	if (org < 0) {
		diag_add(d, SEV_ERROR, t->name, line, f[TIDY_ORG],
			 f[TIDY_METRIC],
			 "unknown-org", "org_id '%s' is not in the roster; row "
			 "skipped", f[TIDY_ORG]);
		return;
	}
	int m = k->metric = catalogue_find_after(a->cat, f[TIDY_METRIC],
						 k->metric);
	if (m < 0) {
		diag_add(d, SEV_ERROR, t->name, line, f[TIDY_ORG],
			 f[TIDY_METRIC],
			 "unknown-metric", "'%s' is not a metric in the "
			 "catalogue; row skipped", f[TIDY_METRIC]);
		return;
	}
	double value;
	if (read_number(f[TIDY_VALUE], &value) < 0) {
		diag_add(d, SEV_ERROR, t->name, line, f[TIDY_ORG],
			 f[TIDY_METRIC],
			 "not-a-number", "value '%s' for %s is not a number; "
			 "row skipped", f[TIDY_VALUE], f[TIDY_METRIC]);
		return;
	}
	if (aggregate_add(a, period, org, m, value) < 0) {
		char p[PERIOD_TEXT];
		diag_add(d, SEV_ERROR, t->name, line, f[TIDY_ORG],
			 f[TIDY_METRIC],
			 "duplicate-value", "%s already has a value for %s in "
			 "%s; this one is skipped", f[TIDY_ORG], f[TIDY_METRIC],
			 period_format(period, p));
	}
}

int tidyin_read(struct aggregate *a, const char *path, struct diags *d)
{
	int col[TIDY_COLUMNS];
	struct table *t = tidyfile_open(path, col, d);
	if (!t)
		return -1;
	struct table_row row;
	enum table_status st;
	struct lookups cache = { .period_text = "", .org_text = "",
				 .metric = -1 };
	while ((st = table_next(t, &row)) == TABLE_ROW) {
		char *f[4];
		for (int k = 0; k < 4; k++)
			f[k] = row.f[col[k]];
		read_row(a, &cache, t, f, row.line, d);
	}
	table_close(t);
	return st == TABLE_FAIL ? -1 : 0;
}
