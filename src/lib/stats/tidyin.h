/* tidyin: tidy returns (pledge-ingest's output) read back for
 * aggregation. */
#ifndef PLEDGE_TIDYIN_H
#define PLEDGE_TIDYIN_H

#include "../base/diag.h"
#include "aggregate.h"

/* Reads path ("-" for standard input), a CSV with at least the columns
 * period, org_id, metric and value, adding each value to a. A row that
 * cannot be used (bad period, org_id not in the roster, metric not in
 * the catalogue, value not a number, a repeated value) is an error and
 * is skipped. Returns 0 when the file was read (rows may have been
 * skipped), -1 when it could not be read as tidy returns at all. */
int tidyin_read(struct aggregate *a, const char *path, struct diags *d);

#endif
