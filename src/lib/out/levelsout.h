/* levelsout: levels.csv, each signatory's commitment level per area
 * (SPEC §3.5, confidential).
 *
 * Header: period,org_id,area,level,rank,next_level,missing. One row per
 * signatory with an answer in the quarter (by org_id) and area with
 * levels (catalogue order): the level it reaches ("" and rank 0 when
 * none), the next level ("" at the top) and the conditions of the next
 * level it does not meet, in plain words joined by "; ". */
#ifndef PLEDGE_LEVELSOUT_H
#define PLEDGE_LEVELSOUT_H

#include <stdio.h>

#include "../base/diag.h"
#include "../model/levels.h"
#include "../stats/aggregate.h"

/* Writes the levels of period (PERIOD_NONE: the latest quarter in a)
 * to fp. Returns 0, or -1 when a write failed. */
int levelsout_write(FILE *fp, const struct levels *lv, struct aggregate *a,
		    int period);

/* Loads dir/levels.csv against a's catalogue (a missing file means no
 * levels: a file of the header only) and writes the levels of the
 * latest quarter in a to path ("-" for standard output) with mode 0600,
 * replacing it only when complete. Returns 0, or -1 with the reason
 * added to d: the rules could not be used, or path could not be
 * written. */
int levelsout_file(const char *dir, const char *path, struct aggregate *a,
		   struct diags *d);

#endif
