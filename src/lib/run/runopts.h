/* runopts: what one quarterly run shares between its quarters and
 * their stages: the options, the output folder, the input hashes kept
 * from run to run, the sibling programs, the branding files, and the
 * progress line.
 *
 * The run (run.h) fills a struct run and hands it down to each quarter
 * (quarter.h), whose stages (stage.h) and inputs (inputs.h) read it;
 * none of them calls back up into the run. */
#ifndef PLEDGE_RUNOPTS_H
#define PLEDGE_RUNOPTS_H

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

/* Finds the sibling programs (pledge-ingest, -aggregate, -chart,
 * -report and -audit), once: only a quarter that is redone needs them.
 * Returns 0, or -1 after a message on r->err naming one that is
 * missing. The paths are r's to free (runopts_free_programs). */
int runopts_find_programs(struct run *r);

/* Frees the program paths runopts_find_programs found. */
void runopts_free_programs(struct run *r);

/* A progress line on err when o->progress is set ("" clears it, and
 * then period is not read). */
void runopts_progress(const struct run *r, const char *period,
		      const char *what);

#endif
