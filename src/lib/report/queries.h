/* queries: pledge-ingest's queries (SPEC §5), read back from its issues
 * CSV, in the reports.
 *
 * The sector report's data quality section lists the explained ones
 * with the notes that explain them; an organisation's card lists all
 * of its own, explained or not, so its CEO sees what was asked. */
#ifndef PLEDGE_REPORT_QUERIES_H
#define PLEDGE_REPORT_QUERIES_H

#include <stddef.h>

#include "doc.h"

struct report_query {
	char *org_id;
	char *metric;
	char *message;  /* what was asked, and the note when explained */
	int explained;
};

struct report_queries {
	struct report_query *items;  /* in the issues file's order */
	size_t len;
};

/* Reads the queries of issues (pledge-ingest --issues), or none when
 * issues is NULL or cannot be read (the report is still written).
 * Never fails. */
void report_queries_load(struct report_queries *q, const char *issues);
void report_queries_free(struct report_queries *q);

/* The explained queries and their notes, under a heading, for the
 * sector report's data quality section (nothing when there are none). */
void queries_sector(struct doc *d, const struct report_queries *q);

/* The queries about org_id's return, for its card (nothing when there
 * are none). */
void queries_card(struct doc *d, const struct report_queries *q,
		  const char *org_id);

#endif
