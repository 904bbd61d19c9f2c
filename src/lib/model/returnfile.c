#include "returnfile.h"
#include "answer.h"
#include "whose.h"
#include "../read/table.h"
#include "../base/text.h"
#include "../base/xalloc.h"
#include "../base/period.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Columns that only inform a reader of the file and are not read. */
static const char *const informational[] = { "org_name", "area", "label",
	"question", "unit", "note", "region", "peer_group", NULL };

enum { K_ORG, K_PERIOD, K_NOTE, K_METRIC, K_VALUE };
static const char *const long_cols[] = { "metric", "value", NULL };
static const char *const opt_cols[] = { "org_id", "period", "note", NULL };

struct rf {
	const struct returnfile_opts *o;
	struct diags *d;
	struct table *t;
	struct returns *batch;
	struct answer_sink sink; /* where a row's answers go */
	int wide;
	int col[5];         /* K_* column indexes, -1 when absent */
	int *metric_of;     /* wide: catalogue index per column, or -1 */
	struct whose who;   /* whose return, for which quarter */
	char form_id[ORG_ID_MAX + 1];  /* a form block's values ("" when */
	char form_period[16];          /* none) */
	int form_clash;     /* the block gives one of them twice, differently */
	int refused;        /* the whole file is refused (as it has no
			       answers; who.refused for whose it is) */
	/* consecutive rows are mostly for the same return */
	struct ret *last_ret;
	int last_metric;
};

int returnfile_folder_period(const char *path)
{
	char *dir = path_parent_name(path);
	int p = dir ? period_parse(dir) : PERIOD_NONE;
	free(dir);
	return p;
}

static int in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(s, *list))
			return 1;
	return 0;
}

/* A row of a form's block above the table ("org_id,HA11",
 * "period,2026-Q2"): its value is kept, and true returned. */
static bool form_row(struct rf *rf, char *const *names, size_t n)
{
	if (n != 2 || !names[1][0] || !strcmp(names[1], "metric") ||
	    !strcmp(names[1], "value") || in_list(names[1], opt_cols))
		return false;
	char *slot;
	if (!strcmp(names[0], "org_id") && strlen(names[1]) <= ORG_ID_MAX)
		slot = rf->form_id;
	else if (!strcmp(names[0], "period") && strlen(names[1]) < 16)
		slot = rf->form_period;
	else
		return false;
	/* as written: an org_id keeps its letter case */
	char value[ORG_ID_MAX + 1];
	const char *text = rf->t->raw ? rf->t->raw[1] : names[1];
	snprintf(value, sizeof(value), "%s", text);
	text = text_trim(value);
	if (strlen(text) != strlen(names[1]))
		text = names[1];
	if (slot[0] && !text_ieq(slot, text))
		rf->form_clash = 1;
	strcpy(slot, text);
	rf->t->meta_rows++;
	return true;
}

static bool is_return_header(char *const *names, size_t n, void *ctx)
{
	if (form_row(ctx, names, n))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(names[i], "org_id") || !strcmp(names[i], "metric") ||
		    !strcmp(names[i], "value"))
			return true;
	return false;
}


static int map_wide_columns(struct rf *rf)
{
	const struct catalogue *cat = rf->o->cat;
	struct table *t = rf->t;
	rf->metric_of = xcalloc(t->ncols, sizeof(int));
	int ret = 0;
	for (size_t i = 0; i < t->ncols; i++) {
		const char *name = t->cols[i];
		rf->metric_of[i] = -1;
		if (!name[0] || in_list(name, opt_cols) ||
		    in_list(name, informational))
			continue;
		int m = catalogue_find(cat, name);
		if (m >= 0 && table_col(t, name) != (int)i) {
			diag_add(rf->d, SEV_ERROR, t->name, t->header_line,
				 NULL, name, "duplicate-column",
				 "the header names the '%s' column more than "
				 "once, so it is not clear which to read", name);
			ret = -1;
		} else if (m >= 0) {
			rf->metric_of[i] = m;
		} else {
			const char *near = catalogue_suggest(cat, name);
			diag_add(rf->d, SEV_WARNING, t->name, t->header_line,
				 NULL, name, "unknown-metric",
				 "column '%s' is not a metric in the catalogue%s%s%s; "
				 "it is ignored", name,
				 near ? " (did you mean " : "", near ? near : "",
				 near ? "?)" : "");
		}
	}
	return ret;
}

static int read_header(struct rf *rf)
{
	struct table *t = rf->t;
	if (table_header(t, is_return_header, rf,
			 "metric and value (one row per metric) or org_id and "
			 "one column per metric") < 0)
		return -1;
	int opt[3];
	if (table_columns(t, opt_cols, opt, false) < 0)
		return -1;
	rf->col[K_ORG] = opt[0];
	rf->col[K_PERIOD] = opt[1];
	rf->col[K_NOTE] = opt[2];
	if ((rf->form_id[0] || rf->form_period[0]) &&
	    whose_form(&rf->who, rf->form_id, rf->form_period, rf->form_clash,
		       t->header_line) < 0)
		return -1;
	rf->wide = table_col(t, "metric") < 0 && table_col(t, "value") < 0;
	if (rf->wide)
		return map_wide_columns(rf);
	int req[2];
	if (table_columns(t, long_cols, req, true) < 0)
		return -1;
	rf->col[K_METRIC] = req[0];
	rf->col[K_VALUE] = req[1];
	return 0;
}

static struct ret *row_return(struct rf *rf, struct table_row *row)
{
	int k = rf->col[K_ORG], col = rf->col[K_PERIOD];
	int org = whose_row_org(&rf->who, k >= 0 ? row->f[k] : "", k >= 0,
				row->line);
	if (org < 0)
		return NULL;
	int period = whose_row_period(&rf->who, col >= 0 ? row->f[col] : "",
				      rf->o->roster->orgs[org].id, row->line);
	if (period == PERIOD_NONE)
		return NULL;
	struct ret *last = rf->last_ret;
	if (last && last->org == org && last->period == period)
		return last;
	struct ret *r = returns_find(rf->batch, org, period);
	if (!r) {
		whose_owed(&rf->who, org, period, row->line);
		r = returns_new(rf->batch, org, period, rf->t->name,
				row->line);
	}
	return rf->last_ret = r;
}

static void read_long_row(struct rf *rf, struct table_row *row)
{
	char *id = row->f[rf->col[K_METRIC]];
	char *value = row->f[rf->col[K_VALUE]];
	char none[1] = "";
	char *note = rf->col[K_NOTE] >= 0 ? row->f[rf->col[K_NOTE]] : none;
	/* ids are mostly written as the catalogue has them, and in its
	 * order: that is tried before the id is put in lower case */
	int m = catalogue_find_after(rf->o->cat, id, rf->last_metric);
	if (m < 0)
		m = catalogue_find_after(rf->o->cat, text_lower(id),
					 rf->last_metric);
	if (!id[0]) {
		if (value[0])
			diag_add(rf->d, SEV_WARNING, rf->t->name, row->line,
				 NULL, NULL, "no-metric",
				 "value '%s' has no metric id beside it; row "
				 "skipped", value);
		return;
	}
	rf->last_metric = m;
	if (m < 0) {
		const char *near = catalogue_suggest(rf->o->cat, id);
		diag_add(rf->d, SEV_WARNING, rf->t->name, row->line, NULL, id,
			 "unknown-metric",
			 "'%s' is not a metric in the catalogue%s%s%s; row "
			 "skipped", id, near ? " (did you mean " : "",
			 near ? near : "", near ? "?)" : "");
		return;
	}
	struct ret *r = row_return(rf, row);
	if (r)
		answer_add(&rf->sink, r, m, value, note, row->line);
}

static void read_wide_row(struct rf *rf, struct table_row *row)
{
	struct ret *r = row_return(rf, row);
	if (!r)
		return;
	for (size_t i = 0; i < rf->t->ncols; i++) {
		char none[1] = "";
		if (rf->metric_of[i] >= 0)
			answer_add(&rf->sink, r, rf->metric_of[i], row->f[i], none,
				   row->line);
	}
}

/* Marks what the file held as refused, so its organisation counts as
 * having sent a return that was rejected, not as missing. */
static void refuse_all(struct rf *rf)
{
	int org = whose_file_org(&rf->who);
	if (!rf->batch->len && org >= 0 && rf->who.period != PERIOD_NONE)
		returns_get(rf->batch, org, rf->who.period, rf->t->name, 0);
	for (size_t i = 0; i < rf->batch->len; i++)
		rf->batch->items[i]->refused = true;
}

/* A file that could not be opened was still received: when its name
 * and folder say whose return for which quarter it is, that return
 * counts as rejected, not missing. */
static void refuse_unopened(const struct returnfile_opts *o, const char *path,
			    struct returns *batch)
{
	size_t len;
	const char *stem = path_stem(path, &len);
	char *id = xstrndup(stem, len);
	int org = roster_find(o->roster, id);
	int period = o->period != PERIOD_NONE ? o->period
					      : returnfile_folder_period(path);
	free(id);
	if (org >= 0 && period != PERIOD_NONE)
		returns_get(batch, org, period, path, 0)->refused = true;
}

/* Names org in this file's diagnostics that name none: the file is
 * that organisation's return, so staff filtering by org_id see them. */
static void name_org(struct diags *d, size_t from, const char *file,
		     const char *org)
{
	char *shown = diag_escape(file); /* as diag_add keeps it */
	for (size_t i = from; i < d->len; i++) {
		struct diag *g = &d->items[i];
		if (!g->org_id[0] && !strcmp(g->file, shown)) {
			free(g->org_id);
			g->org_id = xstrdup(org);
		}
	}
	free(shown);
}

static void rf_free(struct rf *rf)
{
	whose_free(&rf->who);
	free(rf->metric_of);
	table_close(rf->t);
}

int returnfile_read(const struct returnfile_opts *o, const char *path,
		    struct returns *batch, struct diags *d)
{
	struct rf rf = { .o = o, .d = d, .batch = batch, .last_metric = -1 };
	rf.t = table_open(path, o->limits, d);
	if (!rf.t) {
		refuse_unopened(o, path, batch);
		return -1;
	}
	whose_init(&rf.who, o->roster, rf.t->name,
		   o->period != PERIOD_NONE ? o->period
					    : returnfile_folder_period(path),
		   d);

	size_t first_diag = d->len;
	int ret = read_header(&rf);
	rf.sink = (struct answer_sink){ o->cat, o->roster, batch, d,
					rf.t->name, rf.t->delim };
	struct table_row row;
	enum table_status st = TABLE_END;
	size_t rows = 0;
	while (ret == 0 && !rf.refused && !rf.who.refused &&
	       (st = table_next(rf.t, &row)) == TABLE_ROW) {
		rows++;
		if (rf.wide)
			read_wide_row(&rf, &row);
		else
			read_long_row(&rf, &row);
	}
	if (ret == 0 && !rf.refused && !rf.who.refused && st == TABLE_END &&
	    rows == 0) {
		diag_add(d, SEV_ERROR, rf.t->name, rf.t->header_line, NULL, NULL,
			 "no-rows", "the file has a header but no answers; "
			 "the file is rejected");
		rf.refused = 1;
	}
	if (ret < 0 || rf.refused || rf.who.refused || st == TABLE_FAIL) {
		refuse_all(&rf);
		ret = -1;
	}
	if (rf.who.stem_org >= 0)
		name_org(d, first_diag, rf.t->name,
			 o->roster->orgs[rf.who.stem_org].id);
	rf_free(&rf);
	return ret;
}
