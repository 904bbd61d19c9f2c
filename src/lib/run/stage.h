/* stage: the stages of one quarter, each a sibling program run into
 * the quarter's staging folder (see quarter.h). */
#ifndef PLEDGE_STAGE_H
#define PLEDGE_STAGE_H

#include "base/period.h"
#include "run/inputs.h"
#include "run/run.h"

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

/* Runs every stage into q->stage; oldfd is the quarter published
 * before (or -1), compared for revisions.csv. Sets q->summary and
 * q->status. Returns the status: 2 when a stage failed (reported). */
int stages_run(struct quarter *q, int oldfd);

#endif
