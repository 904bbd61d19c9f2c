/* tidy: the tidy returns CSV (SPEC §4.1) and the issues CSV (§4.2). */
#ifndef PLEDGE_TIDY_H
#define PLEDGE_TIDY_H

#include <stdio.h>

#include "../model/catalogue.h"
#include "../base/diag.h"
#include "../model/returns.h"
#include "../model/roster.h"

/* One row per accepted answer: period,org_id,org_name,area,metric,
 * value,note, in the order of rs (call returns_sort first) and, within a
 * return, catalogue order. Returns 0, or -1 when a write failed. */
int tidy_write(FILE *fp, const struct returns *rs,
	       const struct catalogue *cat, const struct roster *roster);

/* One row per diagnostic: severity,file,line,org_id,metric,code,message.
 * Returns 0, or -1 when a write failed. */
int issues_write(FILE *fp, const struct diags *d);

#endif
