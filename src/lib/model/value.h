/* value: one answer in a return, read as a person would read it.
 *
 * Surrounding spaces (no-break ones too) are ignored; thousands
 * separators ("1,234") are accepted, as are a trailing "%" on a percent
 * and a leading "£" on money; yes/no answers may be yes, no, y, n, true,
 * false, 1 or 0 in any case. An empty cell, "N/A", "NA" or "n/a" means
 * "not answered". Anything else that does not read as a value of the
 * metric's kind is refused with a code and a reason in plain words. */
#ifndef PLEDGE_VALUE_H
#define PLEDGE_VALUE_H

#include <stdbool.h>

#include "catalogue.h"
#include "decimal.h"

/* Room for the canonical text of any accepted value. */
#define VALUE_TEXT DECIMAL_TEXT

enum value_status { VALUE_OK, VALUE_BLANK, VALUE_BAD };

struct value {
	char text[VALUE_TEXT]; /* canonical: counts as integers, other
				  numbers in shortest exact decimal form,
				  yes/no as 1 or 0 */
	double number;         /* the same value as a double (set for yes/no
				  answers and metrics with min or max) */
};

struct value_error {
	const char *code;      /* e.g. "not-a-number", "negative" */
	char reason[160];      /* finishes "value 'x' for m ...": "is not a
				  whole number" */
};

/* Reads raw (which it may trim in place) as an answer to metric m. */
enum value_status value_parse(const struct metric *m, char *raw,
			      struct value *out, struct value_error *err);

/* Reads raw, untouched, when it is an answer as most are written: a
 * number of digits, thousands commas and a decimal point that m takes
 * as it is, or "yes" or "no" for a yes/no metric. Returns true with
 * *out as value_parse would set it; false when raw is anything else
 * (value_parse then reads it, and says what is wrong). */
bool value_plain(const struct metric *m, const char *raw, struct value *out);

#endif
