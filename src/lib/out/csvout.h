/* csvout: CSV for analysts' tools and spreadsheets.
 *
 * UTF-8, LF, ',' and a field quoted only when it holds a comma, a quote
 * or a line break. Free text (names, notes) that a spreadsheet would run
 * as a formula (it starts with = + - @, a tab or a carriage return) gets
 * a leading ' so the cell shows as text. */
#ifndef PLEDGE_CSVOUT_H
#define PLEDGE_CSVOUT_H

#include <stdio.h>

/* Writes field s, preceded by a comma unless first. */
void csvout_field(FILE *fp, const char *s, int first);
/* The same for free text, neutralising formulas. */
void csvout_text(FILE *fp, const char *s, int first);
/* Writes a whole row of plain fields (NULL-terminated) and the newline. */
void csvout_row(FILE *fp, const char *const *fields);

#endif
