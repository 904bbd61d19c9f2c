/* aggout: the aggregates CSV (SPEC §4.3). */
#ifndef PLEDGE_AGGOUT_H
#define PLEDGE_AGGOUT_H

#include <stdio.h>

#include "../stats/aggregate.h"

/* Writes the header and every row of a. Returns 0, or -1 when a write
 * failed. */
int aggout_write(FILE *fp, struct aggregate *a, const struct settings *s);

#endif
