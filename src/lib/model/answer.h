/* answer: one answer of a return, read as its writer meant it.
 *
 * What value.h reads, plus what only the file around it tells: in a file
 * separated by ';' a single comma is a decimal point ("38,5"; "1.234,5"),
 * except a count written like "1,234", which is asked about; a number
 * split in two by a comma outside quotes ("1,234" unquoted in a ',' file
 * puts "234" in the note) is refused; a percent written between 0 and 1
 * is queried (query.h). Refused answers are reported and recorded as
 * refused, so a repeat of the metric is still seen. */
#ifndef PLEDGE_ANSWER_H
#define PLEDGE_ANSWER_H

#include "catalogue.h"
#include "../base/diag.h"
#include "returns.h"
#include "roster.h"

struct answer_sink {
	const struct catalogue *cat;
	const struct roster *roster;
	struct returns *batch;   /* where the answers go */
	struct diags *d;
	const char *file;        /* for diagnostics */
	char delim;              /* the file's: ',' or ';' */
};

/* Reads raw (the value as written; may be changed in place) with note
 * (the row's note, "" when none; its line breaks become LF) as r's
 * answer to metric m, given on line. */
void answer_add(const struct answer_sink *s, struct ret *r, int m, char *raw,
		char *note, long line);

#endif
