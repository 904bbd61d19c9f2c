#include "returnfile.h"
#include "answer.h"
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
	int file_period;    /* from the folder or the caller */
	int stem_org;       /* roster index named by the file name, or -1 */
	int form_org;       /* named by a form block above the header, or -1 */
	int seen_org;       /* the first a row named, or -1 */
	char form_id[ORG_ID_MAX + 1];  /* a form block's values ("" when */
	char form_period[16];          /* none) */
	int form_clash;     /* the block gives one of them twice, differently */
	int warned_mismatch;
	char **unknown;     /* org_ids already reported as unknown */
	size_t nunknown, capunknown;
	int refused;        /* the whole file is refused */
	/* consecutive rows are mostly for the same return */
	char last_id[ORG_ID_MAX + 1];
	int last_org;
	char last_ptext[16];
	int last_period;
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

/* Takes the organisation and quarter a form's block names. Returns 0,
 * or -1 (reported) when the file is to be rejected. */
static int read_form(struct rf *rf)
{
	const char *name = rf->t->name;
	struct roster *roster = rf->o->roster;
	if (rf->form_clash) {
		diag_add(rf->d, SEV_ERROR, name, rf->t->header_line, NULL, NULL,
			 "form-block", "the lines above the header give the "
			 "org_id or the period twice, differently, so whose "
			 "return this is is not clear; the file is rejected");
		return -1;
	}
	if (rf->form_id[0]) {
		rf->form_org = roster_find(roster, rf->form_id);
		if (rf->form_org < 0 && roster->open &&
		    org_id_valid(rf->form_id))
			rf->form_org = roster_add(roster, rf->form_id);
		if (rf->form_org < 0) {
			diag_add(rf->d, SEV_ERROR, name, rf->t->header_line,
				 rf->form_id, NULL, "unknown-org",
				 "org_id '%s' above the header is not in the "
				 "roster (%s); the file is rejected",
				 rf->form_id, roster->path);
			return -1;
		}
	}
	if (!rf->form_period[0])
		return 0;
	int p = period_parse(rf->form_period);
	if (p == PERIOD_NONE) {
		diag_add(rf->d, SEV_ERROR, name, rf->t->header_line, NULL, NULL,
			 "bad-period", "period '%s' above the header is not a "
			 "quarter such as 2026-Q3%s; the file is rejected",
			 rf->form_period, period_hint(rf->form_period));
		return -1;
	}
	if (rf->file_period != PERIOD_NONE && p != rf->file_period) {
		char a[PERIOD_TEXT], b[PERIOD_TEXT];
		diag_add(rf->d, SEV_ERROR, name, rf->t->header_line, NULL, NULL,
			 "wrong-period", "this return is for %s but was filed "
			 "as %s; the file is rejected (move it to the right "
			 "folder or correct its period)", period_format(p, a),
			 period_format(rf->file_period, b));
		return -1;
	}
	rf->file_period = p;
	return 0;
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
	if ((rf->form_id[0] || rf->form_period[0]) && read_form(rf) < 0)
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

static void refuse(struct rf *rf)
{
	rf->refused = 1;
}

/* The organisation of a row with no org_id: the one the file's name or
 * its form block names, or -1 (reported). */
static int unnamed_row_org(struct rf *rf, struct table_row *row)
{
	if (rf->stem_org >= 0)
		return rf->stem_org;
	if (rf->form_org >= 0)
		return rf->form_org;
	struct roster *roster = rf->o->roster;
	size_t len;
	const char *stem = path_stem(rf->t->name, &len);
	char *id = xstrndup(stem, len);
	if (roster->open && org_id_valid(id))
		rf->stem_org = roster_add(roster, id);
	free(id);
	if (rf->stem_org >= 0)
		return rf->stem_org;
	const char *in_roster = roster->open ? "" : " in the roster";
	if (rf->col[K_ORG] >= 0) {
		diag_add(rf->d, SEV_ERROR, rf->t->name, row->line, NULL,
			 NULL, "missing-org",
			 "this row has no org_id, and the file name "
			 "'%.*s' is not an org_id%s; row rejected", (int)len,
			 stem, in_roster);
		return -1;
	}
	diag_add(rf->d, SEV_ERROR, rf->t->name, 0, NULL, NULL, "unknown-org",
		 "the file has no org_id column and its name '%.*s' is not an "
		 "org_id%s; add an org_id column or name the file after the "
		 "org_id (for example %s.csv); the file is rejected",
		 (int)len, stem, in_roster,
		 roster->len ? roster->orgs[0].id : "HX01");
	refuse(rf);
	return -1;
}

/* An org_id that is not in the roster: taken when there is no roster
 * file and it is well-formed, else reported once per file (-1). */
static int unknown_org(struct rf *rf, struct table_row *row, const char *id)
{
	struct roster *roster = rf->o->roster;
	if (roster->open && org_id_valid(id))
		return roster_add(roster, id);
	for (size_t i = 0; i < rf->nunknown; i++)
		if (!strcmp(rf->unknown[i], id))
			return -1;
	GROW(rf->unknown, rf->capunknown, rf->nunknown + 1);
	rf->unknown[rf->nunknown++] = xstrdup(id);
	if (roster->open)
		diag_add(rf->d, SEV_ERROR, rf->t->name, row->line, id, NULL,
			 "unknown-org",
			 "org_id '%s' is not 1 to 32 letters, digits, _ or -; "
			 "its answers in this file are rejected", id);
	else
		diag_add(rf->d, SEV_ERROR, rf->t->name, row->line, id, NULL,
			 "unknown-org",
			 "org_id '%s' is not in the roster (%s); its answers in "
			 "this file are rejected", id, roster->path);
	return -1;
}

/* The roster index for this row, or -1 (reported) to skip it. */
static int row_org(struct rf *rf, struct table_row *row)
{
	const char *id = rf->col[K_ORG] >= 0 ? row->f[rf->col[K_ORG]] : "";
	const struct roster *roster = rf->o->roster;
	if (!id[0])
		return unnamed_row_org(rf, row);
	if (!strcmp(id, rf->last_id))
		return rf->last_org;
	int org = roster_find(roster, id);
	if (org < 0)
		org = unknown_org(rf, row, id);
	if (org < 0)
		return -1;
	if (strlen(id) <= ORG_ID_MAX) {
		strcpy(rf->last_id, id);
		rf->last_org = org;
	}
	if (rf->stem_org >= 0 && org != rf->stem_org && !rf->warned_mismatch) {
		rf->warned_mismatch = 1;
		diag_add(rf->d, SEV_WARNING, rf->t->name, row->line,
			 roster->orgs[org].id, NULL, "org-mismatch",
			 "the file is named after %s but this row is for %s; "
			 "it is read as %s's", roster->orgs[rf->stem_org].id,
			 roster->orgs[org].id, roster->orgs[org].id);
	}
	if (rf->seen_org < 0)
		rf->seen_org = org;
	return org;
}

/* The period for this row, or PERIOD_NONE (reported) to skip it. */
static int row_period(struct rf *rf, struct table_row *row, const char *org)
{
	const char *text = rf->col[K_PERIOD] >= 0 ? row->f[rf->col[K_PERIOD]]
						  : "";
	if (!text[0]) {
		if (rf->file_period != PERIOD_NONE)
			return rf->file_period;
		diag_add(rf->d, SEV_ERROR, rf->t->name, row->line, org, NULL,
			 "no-period",
			 "the quarter of this return is not known: add a "
			 "period column (such as 2026-Q3) or put the file in "
			 "a folder named after its quarter; the file is "
			 "rejected");
		refuse(rf);
		return PERIOD_NONE;
	}
	if (!strcmp(text, rf->last_ptext))
		return rf->last_period;
	int p = period_parse(text);
	if (p == PERIOD_NONE) {
		char shown[80];
		text_excerpt(text, shown, sizeof(shown));
		diag_add(rf->d, SEV_ERROR, rf->t->name, row->line, org, NULL,
			 "bad-period",
			 "period '%s' is not a quarter such as 2026-Q3%s; the "
			 "file is rejected", shown, period_hint(shown));
		refuse(rf);
		return PERIOD_NONE;
	}
	if (rf->file_period != PERIOD_NONE && p != rf->file_period) {
		char a[PERIOD_TEXT], b[PERIOD_TEXT];
		diag_add(rf->d, SEV_ERROR, rf->t->name, row->line, org, NULL,
			 "wrong-period",
			 "this return is for %s but was filed as %s; the file "
			 "is rejected (move it to the right folder or correct "
			 "its period)", period_format(p, a),
			 period_format(rf->file_period, b));
		refuse(rf);
		return PERIOD_NONE;
	}
	if (strlen(text) < sizeof(rf->last_ptext)) {
		strcpy(rf->last_ptext, text);
		rf->last_period = p;
	}
	return p;
}

static struct ret *row_return(struct rf *rf, struct table_row *row)
{
	int org = row_org(rf, row);
	if (org < 0)
		return NULL;
	int period = row_period(rf, row, rf->o->roster->orgs[org].id);
	if (period == PERIOD_NONE)
		return NULL;
	struct ret *last = rf->last_ret;
	if (last && last->org == org && last->period == period)
		return last;
	struct ret *r = returns_find(rf->batch, org, period);
	if (!r) {
		const struct org *o = &rf->o->roster->orgs[org];
		if (!org_owes(o, period)) {
			char p[PERIOD_TEXT], j[PERIOD_TEXT], l[PERIOD_TEXT];
			period_format(o->left, l);
			diag_add(rf->d, SEV_WARNING, rf->t->name, row->line,
				 o->id, NULL, "not-owed",
				 "%s owes no return for %s (it joined in %s%s%s); "
				 "the return is still read", o->id,
				 period_format(period, p),
				 period_format(o->joined, j),
				 o->left != PERIOD_NONE ? " and left in " : "",
				 o->left != PERIOD_NONE ? l : "");
		}
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
	int org = rf->stem_org >= 0 ? rf->stem_org
		  : rf->form_org >= 0 ? rf->form_org : rf->seen_org;
	if (!rf->batch->len && org >= 0 && rf->file_period != PERIOD_NONE)
		returns_get(rf->batch, org, rf->file_period, rf->t->name, 0);
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
	for (size_t i = 0; i < rf->nunknown; i++)
		free(rf->unknown[i]);
	free(rf->unknown);
	free(rf->metric_of);
	table_close(rf->t);
}

int returnfile_read(const struct returnfile_opts *o, const char *path,
		    struct returns *batch, struct diags *d)
{
	struct rf rf = { .o = o, .d = d, .batch = batch, .stem_org = -1,
			 .form_org = -1, .seen_org = -1, .last_metric = -1 };
	rf.t = table_open(path, o->limits, d);
	if (!rf.t) {
		refuse_unopened(o, path, batch);
		return -1;
	}
	rf.file_period = o->period != PERIOD_NONE
				 ? o->period
				 : returnfile_folder_period(path);
	size_t len;
	const char *stem = path_stem(rf.t->name, &len);
	char *s = xstrndup(stem, len);
	rf.stem_org = roster_find(o->roster, s);
	free(s);

	size_t first_diag = d->len;
	int ret = read_header(&rf);
	rf.sink = (struct answer_sink){ o->cat, o->roster, batch, d,
					rf.t->name, rf.t->delim };
	struct table_row row;
	enum table_status st = TABLE_END;
	size_t rows = 0;
	while (ret == 0 && !rf.refused &&
	       (st = table_next(rf.t, &row)) == TABLE_ROW) {
		rows++;
		if (rf.wide)
			read_wide_row(&rf, &row);
		else
			read_long_row(&rf, &row);
	}
	if (ret == 0 && !rf.refused && st == TABLE_END && rows == 0) {
		diag_add(d, SEV_ERROR, rf.t->name, rf.t->header_line, NULL, NULL,
			 "no-rows", "the file has a header but no answers; "
			 "the file is rejected");
		rf.refused = 1;
	}
	if (ret < 0 || rf.refused || st == TABLE_FAIL) {
		refuse_all(&rf);
		ret = -1;
	}
	if (rf.stem_org >= 0)
		name_org(d, first_diag, rf.t->name,
			 o->roster->orgs[rf.stem_org].id);
	rf_free(&rf);
	return ret;
}
