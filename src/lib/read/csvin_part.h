/* csvin_part: what read/parts needs of a csvin reader, to read a large
 * file in parts on several threads, and read/records to decide whether
 * to (for parts.c and records.c only).
 *
 * A part is a run of whole lines of the file, in memory. Read by a part
 * reader, its records, lines (counted from 1 at the part) and
 * diagnostics are what the file's reader would give there, provided
 * that a record begins where the part begins, and the encoding known
 * when the part begins agrees with what the part finds; parts.c checks
 * both when it has the part's end state, and otherwise reads on with
 * the file's own reader (csvin_resume). */
#ifndef PLEDGE_CSVIN_PART_H
#define PLEDGE_CSVIN_PART_H

#include "../base/buf.h"
#include "csvin.h"

/* Encodings, as csvin_encoding gives them. */
enum { CSVIN_ENC_UNKNOWN, CSVIN_ENC_UTF8, CSVIN_ENC_CP1252,
       CSVIN_ENC_MACROMAN, CSVIN_ENC_CP850 }; /* the last three: read
						 through iconv */

/* A reader of len bytes of r's file (still the caller's, and kept until
 * the reader is closed), split on r's locked delimiter, with r's limits,
 * adding problems to d. last: the part ends the file (else the reader
 * ends at the part's end, and csvin_part_end says whether a record was
 * open there). fields, when not NULL, is where the records' values are
 * added, each followed by a NUL, never emptied by the reader (so the
 * caller can keep them without a copy: see recbatch); a record it gives
 * then has no fields pointers: its n values are the last rec.bytes
 * bytes there. */
struct csvin *csvin_part(const struct csvin *r, unsigned char *bytes,
			 size_t len, int last, struct diags *d,
			 struct buf *fields);

/* After a part reader's end: 1 when no record was open at the end,
 * else 0; the encoding it settled on (CSVIN_ENC_*), and its lines. */
int csvin_part_end(const struct csvin *p, int *enc, long *lines);

int csvin_encoding(const struct csvin *r);

const struct csvin_limits *csvin_limits_of(const struct csvin *r);

/* The size of a part: lim.part_bytes, or by default this. */
#define CSVIN_PART_BYTES (1 << 20)
size_t csvin_part_bytes(const struct csvin *r);

/* The line the reader reads next. */
long csvin_line(const struct csvin *r);

/* The file offset of the next record, or -1 when the reader is within
 * one (or has failed, or the file cannot seek). */
long long csvin_offset(const struct csvin *r);

/* Reads on from byte at of the file (where a record begins), as line
 * line, in encoding enc (CSVIN_ENC_*, already reported), counting bytes
 * towards lim.max_file from where the file was when the reader was
 * opened. */
void csvin_resume(struct csvin *r, long long at, long line, int enc);

#endif
