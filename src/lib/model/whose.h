/* whose: whose return is it, and for which quarter.
 *
 * The checks of a return file's organisation and quarter against the
 * roster and the run, made as returnfile reads it:
 *
 *   unknown-org   an org_id (in a row, a form's block or, with no org_id
 *                 column, the file's name) that is not in the roster
 *   missing-org   a row with an empty org_id in a file whose name is no
 *                 org_id either
 *   org-mismatch  a row for another organisation than the file is named
 *                 after (a warning, once a file: the row's org_id wins)
 *   form-block    a form's block that gives the org_id or period twice
 *   bad-period    a period that is not a quarter such as 2026-Q3
 *   no-period     a row whose quarter nothing says
 *   wrong-period  a return for another quarter than it was filed as
 *   not-owed      a return from an organisation that owed none for the
 *                 quarter (a warning: it is still read)
 *
 * With an open roster (no roster file), a well-formed org_id is taken as
 * it comes and added to it. Problems are added to the diagnostics; when
 * one means the whole file is to be refused, refused is set. */
#ifndef PLEDGE_WHOSE_H
#define PLEDGE_WHOSE_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/diag.h"
#include "roster.h"

struct whose {
	struct roster *roster;
	struct diags *d;
	const char *file;   /* as diagnostics name it; the caller's */
	int period;         /* the quarter the file is filed as (its folder,
			       the run or a form's block), or PERIOD_NONE */
	int stem_org;       /* the roster index the file's name gives, or -1 */
	int form_org;       /* the one a form's block names, or -1 */
	int seen_org;       /* the first a row named, or -1 */
	bool refused;       /* a check refused the whole file */
	/* private: what was reported, and the last row's answers, as
	 * consecutive rows are mostly for the same return */
	bool warned_mismatch;
	char **unknown;
	size_t nunknown, capunknown;
	char last_id[ORG_ID_MAX + 1];
	int last_org;
	char last_ptext[16];
	int last_period;
};

/* Starts the checks of file (named as diagnostics should name it), filed
 * as period (PERIOD_NONE when nothing says). roster and d are the
 * caller's and must outlive w. */
void whose_init(struct whose *w, struct roster *roster, const char *file,
		int period, struct diags *d);
void whose_free(struct whose *w);

/* Takes the org_id and period (either may be "") a form's block above
 * the header gives, on line; clash says the block gave one of them twice,
 * differently. Returns 0, or -1 (reported) when the file is to be
 * refused. */
int whose_form(struct whose *w, const char *org_id, const char *period,
	       bool clash, long line);

/* The roster index of the return a row on line is for: org_id as the
 * row has it ("" when empty, or when has_column is false because the file
 * has no org_id column), else the file's name or its form's block. -1
 * (reported, at most once per unknown org_id) to skip the row. */
int whose_row_org(struct whose *w, const char *org_id, bool has_column,
		  long line);

/* The quarter of a row on line of org's return: text as its period
 * column has it ("" when none), else the file's. PERIOD_NONE (reported,
 * and the file refused) when it is unknown, not a quarter, or another
 * than the file's. */
int whose_row_period(struct whose *w, const char *text, const char *org,
		     long line);

/* Warns ("not-owed") when the organisation at roster index org owed no
 * return for period; its return starts on line. */
void whose_owed(const struct whose *w, int org, int period, long line);

/* The organisation the file is for: its name's, else its form's, else
 * the first a row named; -1 when none is known. */
int whose_file_org(const struct whose *w);

#endif
