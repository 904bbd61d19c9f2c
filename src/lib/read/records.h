/* records: the records of a CSV file, read here, ahead on a second
 * thread or in parts on several, chosen once the delimiter is locked.
 *
 * The records, lines, diagnostics (in the same order) and encoding are
 * csvin's whichever way is chosen; only the time differs. Until
 * records_lock_delim, records are read here with csvin. From then on,
 * with lim.read_ahead and more than one job allowed (base/jobs:
 * PLEDGE_JOBS=1 keeps everything on the calling thread), the rest of a
 * regular file of at least a part (lim.part_bytes) is read in parts
 * (read/parts), and the rest of anything else, a pipe or standard input,
 * ahead (read/ahead); a smaller regular file is read here. */
#ifndef PLEDGE_RECORDS_H
#define PLEDGE_RECORDS_H

#include <stdio.h>

#include "../base/diag.h"
#include "csvin.h"

struct records;

/* Reads fp (not closed here); name is used in diagnostics, which go to
 * d. lim may be NULL for the defaults. */
struct records *records_open(FILE *fp, const char *name,
			     const struct csvin_limits *lim, struct diags *d);

/* The next record, valid until the next call (as csvin_next). */
enum csvin_status records_next(struct records *rs, struct csvrec *rec);

/* From now on, split every record on delim only (as csvin_lock_delim),
 * and choose how the rest is read. Once reading has moved to other
 * threads, a later call does nothing. */
void records_lock_delim(struct records *rs, char delim);

/* Non-zero when the file reads as Windows-1252 (or another one-byte
 * encoding) as of the last record given. */
int records_is_cp1252(const struct records *rs);

/* Stops any thread reading and frees the reader; fp is left open. */
void records_close(struct records *rs);

#endif
