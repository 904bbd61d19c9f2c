/* aggout: the aggregates CSV (SPEC §4.3). */
#ifndef PLEDGE_AGGOUT_H
#define PLEDGE_AGGOUT_H

#include <stdio.h>

#include "../stats/aggregate.h"

/* Writes the header and every row of a. Returns 0, or -1 when a write
 * failed. */
int aggout_write(FILE *fp, struct aggregate *a, const struct settings *s);

/* The same, and into disclosure (staff only) the header
 * period,metric,group,column,rule and a row for every figure a
 * disclosure rule withheld (SPEC §6.3), with the rule's word (rule_name);
 * min and max, never published, are not listed. Returns 0, or -1 when a
 * write to either failed. */
int aggout_write_both(FILE *fp, FILE *disclosure, struct aggregate *a,
		      const struct settings *s);

#endif
