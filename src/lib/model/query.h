/* query: answers that may be right but look wrong (SPEC §5).
 *
 * Such an answer is accepted, and a warning (a "query") asks the sender
 * to check it:
 *  - large-change: it differs from the organisation's own answer to the
 *    same metric the quarter before by more than the settings allow: for
 *    counts and numbers, by more than change_share (50%) of that answer
 *    and by more than change_min (10); for money by more than
 *    change_share (a pound is not a count: £11.50 to £5 is queried); for
 *    percents, by more than change_points (20) points. Yes/no answers
 *    are never queried.
 *  - implausible: the organisation gave no answer to it the quarter
 *    before, and it lies outside [p25 / factor, p75 × factor] of the
 *    answers the sector gave the quarter before (p25, p75 as
 *    PERCENTILE.INC), when at least min_orgs organisations gave one;
 *    for counts and numbers also by more than change_min beyond that
 *    quartile (so 1 where the sector answered 0 is not queried).
 *    Where an earlier answer of its own exists, that is the better
 *    yardstick, so a large organisation that is consistently large is
 *    not queried every quarter.
 *  - percent-fraction: a percent written between 0 and 1 with no "%"
 *    (0.87 for 87%).
 * When the row's note is not empty it is taken as the explanation: the
 * code ends in "-explained" and the message quotes the note, which is
 * how it reaches the reports. */
#ifndef PLEDGE_QUERY_H
#define PLEDGE_QUERY_H

#include <stdbool.h>

#include "catalogue.h"
#include "../base/diag.h"
#include "returns.h"
#include "roster.h"
#include "settings.h"

struct query_limits {
	double change_share;  /* 0.5: more than 50% of the earlier answer */
	double change_min;    /* and more than 10 */
	double change_points; /* percents: more than 20 points */
	double factor;        /* implausible: outside [p25/5, p75*5] */
	long min_orgs;        /* of at least 5 answers */
};

/* The limits the settings give. */
void query_limits_from(const struct settings *s, struct query_limits *q);

/* Whether now, after was the quarter before, is a large change for a
 * metric of kind k. */
bool query_large_change(enum kind k, double was, double now,
			const struct query_limits *q);

/* Whether v, for a metric of kind k, is implausible beside the quarter
 * before's p25 and p75 of n answers. */
bool query_implausible(enum kind k, double v, size_t n, double p25,
		       double p75, const struct query_limits *q);

/* Whether raw (as written), read as v, is a percent written as a
 * fraction. */
bool query_fraction(enum kind k, const char *raw, double v);

/* Earlier quarters' tidy returns (pledge-ingest --previous). */
struct history;

struct history *history_new(void);
void history_free(struct history *h);

/* Reads a tidy returns file (period, org_id, metric and value columns);
 * rows naming a metric not in cat or with no number are passed over.
 * Returns 0, or -1 (an error added) when it cannot be read as tidy
 * returns. */
int history_read(struct history *h, const char *path,
		 const struct catalogue *cat, struct diags *d);

/* Keeps only the answers of the quarters just before periods (n of
 * them), the only ones the queries of those quarters look at, so that
 * many earlier quarters cost little more than one. h may be NULL. */
void history_focus(struct history *h, const int *periods, size_t n);

/* Adds the large-change and implausible queries of every accepted
 * answer in all for period, against h (NULL or empty: none). */
void query_returns(const struct returns *all, int period,
		   const struct catalogue *cat, const struct roster *roster,
		   struct history *h, const struct query_limits *q,
		   struct diags *d);

/* Whether code is a query's (a warning about a value still accepted);
 * *explained says whether it is an explained one. */
bool query_code(const char *code, bool *explained);

/* Adds one query: code, or code_explained when note is not empty (the
 * message then ends by quoting it). fmt gives what looks wrong and what
 * to check. */
void query_add(struct diags *d, const char *file, long line, const char *org,
	       const char *metric, const char *code,
	       const char *code_explained, const char *note,
	       const char *fmt, ...) __attribute__((format(printf, 9, 10)));

#endif
