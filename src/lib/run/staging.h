/* staging: one quarter being built, and its staging folder.
 *
 * A quarter is built in OUTPUT/.PERIOD.stage, which the stages
 * (stage.h) and the files pledge-run writes itself (finish.h) fill,
 * and which the quarter (quarter.h) swaps in whole for OUTPUT/PERIOD.
 * This is what they share; it reads the run (runopts.h) and calls
 * nothing above it. */
#ifndef PLEDGE_STAGING_H
#define PLEDGE_STAGING_H

#include "base/period.h"
#include "run/inputs.h"
#include "run/runopts.h"

struct quarter {
	struct run *r;
	char period[PERIOD_TEXT];
	char *outdir;          /* OUTPUT/PERIOD, as named in messages */
	char stage_name[32];   /* .PERIOD.stage in the output folder */
	char aside_name[32];   /* .PERIOD.old, when renameat2 is missing */
	int stagefd;           /* the staging folder, inherited by children */
	char *stage;           /* /proc/self/fd/N: the children's path to it */
	struct inputs in;
	char *summary;         /* "PERIOD: N of M returns accepted, ..." */
	int status;            /* 0, 1 or 2 so far */
};

/* Sets q up for period of run r; nothing is opened yet. */
void staging_init(struct quarter *q, struct run *r, int period);

/* Makes the staging folder afresh (removing what a failed attempt
 * left) and opens it so that children inherit it, reached by them as
 * q->stage. Returns 0, or -1 after a message on r->err. */
int staging_open(struct quarter *q);

/* Closes and removes the staging folder if it is still there (after a
 * publish it is not), and frees what q holds. */
void staging_free(struct quarter *q);

#endif
