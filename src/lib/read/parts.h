/* parts: a large file read in parts on several threads, given back in
 * order.
 *
 * libcsv reads one byte after another, and splitting a large file into
 * records is most of the work of the programs that read one. A regular
 * file is cut at line ends into parts of about lim.part_bytes; worker
 * threads (one for each processor but the caller's) read whole parts at
 * once, each with its own reader, as does the caller when it would
 * otherwise wait for one; parts_next gives the records back in the
 * file's order with the lines
 * and diagnostics the file's own reader would have given. A part is only
 * used once the part before it is known to have ended between records
 * (a quoted value may hold line breaks) and in the same encoding; when
 * not, the file's own reader reads on from that part on this thread. At
 * most a few parts are held at a time, so memory does not grow with the
 * file. read/records decides when; parts reads with csvin (csvin_part.h). */
#ifndef PLEDGE_PARTS_H
#define PLEDGE_PARTS_H

#include "csvin.h"

struct parts;

/* Starts reading r's file, the regular file open on fd of size bytes,
 * in parts from from (where r is, between records), when it is large
 * enough to gain by it; else NULL, and r is untouched. From then on only
 * parts_next reads r. */
struct parts *parts_start(struct csvin *r, int fd, long long from,
			  long long size);

/* As csvin_next; diagnostics go to d. */
enum csvin_status parts_next(struct parts *ps, struct csvrec *rec,
			     struct diags *d);

/* Whether the file reads as Windows-1252 as of the last record given. */
int parts_is_cp1252(const struct parts *ps);

/* Stops the workers and frees what is held. */
void parts_stop(struct parts *ps);

#endif
