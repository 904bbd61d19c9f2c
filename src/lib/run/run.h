/* run: the quarterly run (pledge-run), every stage of every quarter.
 *
 * For each quarter folder under the input (or only one), oldest first,
 * the sibling programs are run as child processes with argument
 * vectors into a staging folder inside the output tree, which is then
 * swapped in whole for OUTPUT/<period>. One run at a time (flock on
 * OUTPUT/.lock). Every name the run writes is reached under folder
 * descriptors without following links. A quarter whose inputs (their
 * SHA-256, recorded in its manifest.csv) are unchanged is not redone.
 *
 * The run prints what federation staff need: one summary line per
 * quarter on out, problems on err, a progress line on err when
 * progress is set. */
#ifndef PLEDGE_RUN_H
#define PLEDGE_RUN_H

#include "run/hashcache.h"

#include <stdio.h>

struct run_opts {
	const char *input;     /* folder of quarter folders and the roster */
	const char *output;    /* folder of quarter outputs */
	const char *templates; /* templates folder (already searched) */
	int period;            /* only this quarter, or -1 for all */
	int progress;          /* show a progress line on err */
	const char *prog;      /* name in messages */
};

/* What one run shares between its quarters. */
struct run {
	const struct run_opts *o;
	FILE *out, *err;
	int outfd;               /* the output folder */
	struct hashcache *hashes;
	char *ingest, *aggregate, *chart, *report; /* the programs */
	char *audit;
	int found;               /* programs looked for: 1 all there, -1 not */
	char *fonts[2];          /* font files from the settings */
	char *logo;              /* the logo from the wording, or NULL */
};

/* The whole run. Returns the exit status: 0 every return accepted, 1
 * something was rejected but everything else was produced, 2 something
 * could not be done (another run holds the lock, a folder cannot be
 * written, a stage failed). */
int run_all(const struct run_opts *o, FILE *out, FILE *err);

/* Finds the sibling programs (pledge-ingest, -aggregate, -chart,
 * -report and -audit), once: only a quarter that is redone needs them.
 * Returns 0, or -1 after a message naming one that is missing. */
int run_find_programs(struct run *r);

/* A progress line on err when o->progress is set ("" clears it). */
void run_progress(const struct run *r, const char *period, const char *what);

#endif
