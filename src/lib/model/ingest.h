/* ingest: returns files in, checked returns out (SPEC §5).
 *
 * Holds what a run of pledge-ingest shares across files: the catalogue,
 * the roster, the returns accepted so far and the diagnostics. Each file
 * is read, checked and merged in turn; ingest_finish then reports the
 * returns still owed and puts the returns in output order. */
#ifndef PLEDGE_INGEST_H
#define PLEDGE_INGEST_H

#include "../base/arena.h"
#include "../read/csvin.h"
#include "catalogue.h"
#include "../base/diag.h"
#include "query.h"
#include "returns.h"
#include "roster.h"

struct ingest {
	struct catalogue cat;
	struct roster roster;
	struct arena arena;
	struct returns all;
	struct diags d;
	int period;           /* the quarter asked for, or PERIOD_NONE */
	int *periods;         /* quarters whose missing returns to report */
	size_t nperiods, capperiods;
	size_t files, files_refused;
	struct csvin_limits limits;
	struct history *history;    /* earlier tidy returns, or NULL */
	struct query_limits queries;
	struct ingest_queries *nq;  /* queries counted per quarter */
	size_t nnq;
};

struct ingest_queries {
	int period;
	size_t queries, explained;
};

/* Loads the catalogue and roster (roster_path NULL: there is none, as
 * for an association checking its own return; the checks that need it
 * are skipped, and a warning says so). period is the quarter every return
 * is for (PERIOD_NONE: from each file's folder). Returns 0, or -1 when
 * either cannot be used (the reasons are in in->d). */
int ingest_init(struct ingest *in, const char *catalogue_path,
		const char *roster_path, int period);

/* Takes the query limits from the settings file at path (a missing file
 * leaves the defaults). Returns 0, or -1 with an error added. */
int ingest_settings(struct ingest *in, const char *path);

/* Reads earlier tidy returns, for the queries (query.h). Returns 0, or
 * -1 with an error added. */
int ingest_previous(struct ingest *in, const char *path);

/* Reads one returns file ("-" for standard input). */
void ingest_file(struct ingest *in, const char *path);

/* Reports roster organisations with no return for a quarter they owe
 * ("missing-return"), sorts the returns for output, then adds the
 * queries against the earlier returns. */
void ingest_finish(struct ingest *in);

/* The counts behind a quarter's summary line. */
struct ingest_counts {
	size_t expected;  /* roster organisations owing a return */
	size_t accepted;  /* returns with at least one answer accepted */
	size_t rejected;  /* returns received with none accepted */
	size_t missing;   /* organisations owing one that sent none */
	size_t queries;   /* answers queried (warnings; still accepted) */
	size_t explained; /* of which the note explains */
};

void ingest_count(const struct ingest *in, int period,
		  struct ingest_counts *c);

/* Prints, for each quarter checked, "2026-Q3: 10 of 11 returns accepted,
 * 1 rejected, 0 missing" (after ingest_finish). */
void ingest_summary(const struct ingest *in, FILE *fp);

void ingest_free(struct ingest *in);

#endif
