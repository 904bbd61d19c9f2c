/* ahead: records read on a second thread while the caller works.
 *
 * Splitting a large CSV file into records (libcsv, line numbers, the
 * encoding checks) is about as much work as what a program then does
 * with the records, and a machine has more than one core. A worker
 * thread calls read(src, &rec, d) over and over and hands the records
 * over in batches; ahead_next gives them back one at a time, in order,
 * exactly as read would have: same fields, same lines, and the
 * diagnostics read added before each record are added to the caller's
 * diagnostics just before that record is given (so a run prints the
 * same, in the same order, as without the thread). The source belongs to
 * the worker from ahead_start until ahead_stop: the caller must not
 * touch it in between. read/records reads a csvin ahead this way. */
#ifndef PLEDGE_AHEAD_H
#define PLEDGE_AHEAD_H

#include "recbatch.h"

struct ahead;

/* Starts the worker on src; NULL when no thread can be started (the
 * caller then reads src itself). */
struct ahead *ahead_start(recbatch_read_fn *read, void *src);

/* The next record, valid until the next call; read's diagnostics before
 * it go to d first. After CSVIN_EOF or CSVIN_FAIL, returns that again. */
enum csvin_status ahead_next(struct ahead *a, struct csvrec *rec,
			     struct diags *d);

/* read's flag as of the last record given (0 before any). */
int ahead_flag(const struct ahead *a);

/* Stops the worker (at once, when the caller has not read everything)
 * and frees what it holds; src is the caller's again. */
void ahead_stop(struct ahead *a);

#endif
