/* csvout: CSV for analysts' tools and spreadsheets.
 *
 * UTF-8, LF, ',' and a field quoted only when it holds a comma, a quote
 * or a line break. Free text (names, notes) that a spreadsheet would run
 * as a formula (it starts with = + - @, a tab or a carriage return) gets
 * a leading ' so the cell shows as text. Rows are built in a buffer and
 * written out in large blocks. */
#ifndef PLEDGE_CSVOUT_H
#define PLEDGE_CSVOUT_H

#include <stdio.h>

#include "../base/buf.h"

/* Appends field s, preceded by a comma unless first. */
void csvout_field(struct buf *b, const char *s, int first);
/* The same for free text, neutralising formulas. */
void csvout_text(struct buf *b, const char *s, int first);
/* Appends a whole row of plain fields (NULL-terminated) and its newline. */
void csvout_row(struct buf *b, const char *const *fields);
/* Writes b to fp and empties it once it holds at least min bytes (0:
 * always). Returns 0, or -1 when the write failed. */
int csvout_flush(struct buf *b, FILE *fp, size_t min);

/* Ends writing: flushes what b holds (unless failed is already -1),
 * checks fp for errors and frees b. Returns 0, or -1 when any write
 * failed. */
int csvout_finish(struct buf *b, FILE *fp, int failed);

#endif
