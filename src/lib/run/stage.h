/* stage: the stages of one quarter, each a sibling program run into
 * the quarter's staging folder (see staging.h). */
#ifndef PLEDGE_STAGE_H
#define PLEDGE_STAGE_H

#include "run/staging.h"

/* Runs every stage into q->stage; oldfd is the quarter published
 * before (or -1), compared for revisions.csv. Sets q->summary and
 * q->status. Returns the status: 2 when a stage failed (reported). */
int stages_run(struct quarter *q, int oldfd);

#endif
