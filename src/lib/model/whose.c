#include "whose.h"
#include "../base/period.h"
#include "../base/text.h"
#include "../base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void whose_init(struct whose *w, struct roster *roster, const char *file,
		int period, struct diags *d)
{
	memset(w, 0, sizeof(*w));
	w->roster = roster;
	w->d = d;
	w->file = file;
	w->period = period;
	w->form_org = w->seen_org = -1;
	size_t len;
	const char *stem = path_stem(file, &len);
	char *id = xstrndup(stem, len);
	w->stem_org = roster_find(roster, id);
	free(id);
}

void whose_free(struct whose *w)
{
	for (size_t i = 0; i < w->nunknown; i++)
		free(w->unknown[i]);
	free(w->unknown);
	w->unknown = NULL;
	w->nunknown = w->capunknown = 0;
}

/* The org_id a form's block gives; 0, or -1 (reported). */
static int form_org(struct whose *w, const char *id, long line)
{
	struct roster *roster = w->roster;
	w->form_org = roster_find(roster, id);
	if (w->form_org < 0 && roster->open && org_id_valid(id))
		w->form_org = roster_add(roster, id);
	if (w->form_org >= 0)
		return 0;
	diag_add(w->d, SEV_ERROR, w->file, line, id, NULL, "unknown-org",
		 "org_id '%s' above the header is not in the roster (%s); "
		 "the file is rejected", id, roster->path);
	return -1;
}

int whose_form(struct whose *w, const char *org_id, const char *period,
	       bool clash, long line)
{
	if (clash) {
		diag_add(w->d, SEV_ERROR, w->file, line, NULL, NULL,
			 "form-block", "the lines above the header give the "
			 "org_id or the period twice, differently, so whose "
			 "return this is is not clear; the file is rejected");
		return -1;
	}
	if (org_id[0] && form_org(w, org_id, line) < 0)
		return -1;
	if (!period[0])
		return 0;
	int p = period_parse(period);
	if (p == PERIOD_NONE) {
		diag_add(w->d, SEV_ERROR, w->file, line, NULL, NULL,
			 "bad-period", "period '%s' above the header is not a "
			 "quarter such as 2026-Q3%s; the file is rejected",
			 period, period_hint(period));
		return -1;
	}
	if (w->period != PERIOD_NONE && p != w->period) {
		char a[PERIOD_TEXT], b[PERIOD_TEXT];
		diag_add(w->d, SEV_ERROR, w->file, line, NULL, NULL,
			 "wrong-period", "this return is for %s but was filed "
			 "as %s; the file is rejected (move it to the right "
			 "folder or correct its period)", period_format(p, a),
			 period_format(w->period, b));
		return -1;
	}
	w->period = p;
	return 0;
}

/* The organisation of a row with no org_id: the one the file's name or
 * its form block names, or -1 (reported). */
static int unnamed_row_org(struct whose *w, bool has_column, long line)
{
	if (w->stem_org >= 0)
		return w->stem_org;
	if (w->form_org >= 0)
		return w->form_org;
	struct roster *roster = w->roster;
	size_t len;
	const char *stem = path_stem(w->file, &len);
	char *id = xstrndup(stem, len);
	if (roster->open && org_id_valid(id))
		w->stem_org = roster_add(roster, id);
	free(id);
	if (w->stem_org >= 0)
		return w->stem_org;
	const char *in_roster = roster->open ? "" : " in the roster";
	if (has_column) {
		diag_add(w->d, SEV_ERROR, w->file, line, NULL, NULL,
			 "missing-org",
			 "this row has no org_id, and the file name "
			 "'%.*s' is not an org_id%s; row rejected", (int)len,
			 stem, in_roster);
		return -1;
	}
	diag_add(w->d, SEV_ERROR, w->file, 0, NULL, NULL, "unknown-org",
		 "the file has no org_id column and its name '%.*s' is not an "
		 "org_id%s; add an org_id column or name the file after the "
		 "org_id (for example %s.csv); the file is rejected",
		 (int)len, stem, in_roster,
		 roster->len ? roster->orgs[0].id : "HX01");
	w->refused = true;
	return -1;
}

/* An org_id that is not in the roster: taken when there is no roster
 * file and it is well-formed, else reported once per file (-1). */
static int unknown_org(struct whose *w, const char *id, long line)
{
	struct roster *roster = w->roster;
	if (roster->open && org_id_valid(id))
		return roster_add(roster, id);
	for (size_t i = 0; i < w->nunknown; i++)
		if (!strcmp(w->unknown[i], id))
			return -1;
	GROW(w->unknown, w->capunknown, w->nunknown + 1);
	w->unknown[w->nunknown++] = xstrdup(id);
	if (roster->open)
		diag_add(w->d, SEV_ERROR, w->file, line, id, NULL,
			 "unknown-org",
			 "org_id '%s' is not 1 to 32 letters, digits, _ or -; "
			 "its answers in this file are rejected", id);
	else
		diag_add(w->d, SEV_ERROR, w->file, line, id, NULL,
			 "unknown-org",
			 "org_id '%s' is not in the roster (%s); its answers in "
			 "this file are rejected", id, roster->path);
	return -1;
}

int whose_row_org(struct whose *w, const char *id, bool has_column,
		  long line)
{
	const struct roster *roster = w->roster;
	if (!id[0])
		return unnamed_row_org(w, has_column, line);
	if (!strcmp(id, w->last_id))
		return w->last_org;
	int org = roster_find(roster, id);
	if (org < 0)
		org = unknown_org(w, id, line);
	if (org < 0)
		return -1;
	if (strlen(id) <= ORG_ID_MAX) {
		strcpy(w->last_id, id);
		w->last_org = org;
	}
	if (w->stem_org >= 0 && org != w->stem_org && !w->warned_mismatch) {
		w->warned_mismatch = true;
		diag_add(w->d, SEV_WARNING, w->file, line,
			 roster->orgs[org].id, NULL, "org-mismatch",
			 "the file is named after %s but this row is for %s; "
			 "it is read as %s's", roster->orgs[w->stem_org].id,
			 roster->orgs[org].id, roster->orgs[org].id);
	}
	if (w->seen_org < 0)
		w->seen_org = org;
	return org;
}

/* A period column's text that is not the file's quarter, or no quarter
 * at all: reported, and the file refused. */
static int period_refused(struct whose *w, const char *text, int p,
			  const char *org, long line)
{
	if (p == PERIOD_NONE) {
		char shown[80];
		text_excerpt(text, shown, sizeof(shown));
		diag_add(w->d, SEV_ERROR, w->file, line, org, NULL,
			 "bad-period",
			 "period '%s' is not a quarter such as 2026-Q3%s; the "
			 "file is rejected", shown, period_hint(shown));
	} else {
		char a[PERIOD_TEXT], b[PERIOD_TEXT];
		diag_add(w->d, SEV_ERROR, w->file, line, org, NULL,
			 "wrong-period",
			 "this return is for %s but was filed as %s; the file "
			 "is rejected (move it to the right folder or correct "
			 "its period)", period_format(p, a),
			 period_format(w->period, b));
	}
	w->refused = true;
	return PERIOD_NONE;
}

int whose_row_period(struct whose *w, const char *text, const char *org,
		     long line)
{
	if (!text[0]) {
		if (w->period != PERIOD_NONE)
			return w->period;
		diag_add(w->d, SEV_ERROR, w->file, line, org, NULL,
			 "no-period",
			 "the quarter of this return is not known: add a "
			 "period column (such as 2026-Q3) or put the file in "
			 "a folder named after its quarter; the file is "
			 "rejected");
		w->refused = true;
		return PERIOD_NONE;
	}
	if (!strcmp(text, w->last_ptext))
		return w->last_period;
	int p = period_parse(text);
	if (p == PERIOD_NONE || (w->period != PERIOD_NONE && p != w->period))
		return period_refused(w, text, p, org, line);
	if (strlen(text) < sizeof(w->last_ptext)) {
		strcpy(w->last_ptext, text);
		w->last_period = p;
	}
	return p;
}

void whose_owed(const struct whose *w, int org, int period, long line)
{
	const struct org *o = &w->roster->orgs[org];
	if (org_owes(o, period))
		return;
	char p[PERIOD_TEXT], j[PERIOD_TEXT], l[PERIOD_TEXT];
	period_format(o->left, l);
	diag_add(w->d, SEV_WARNING, w->file, line, o->id, NULL, "not-owed",
		 "%s owes no return for %s (it joined in %s%s%s); the return "
		 "is still read", o->id, period_format(period, p),
		 period_format(o->joined, j),
		 o->left != PERIOD_NONE ? " and left in " : "",
		 o->left != PERIOD_NONE ? l : "");
}

int whose_file_org(const struct whose *w)
{
	return w->stem_org >= 0 ? w->stem_org
	       : w->form_org >= 0 ? w->form_org : w->seen_org;
}
