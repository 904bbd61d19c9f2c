/* codes: every problem code the programs give, listed once.
 *
 * A problem code is the stable kebab-case name of one kind of problem in
 * the issues CSV and in a diagnostic (model/diag). Each is listed here
 * with the severity it is given, its meaning in plain words (what the
 * sector report's data quality section prints), and the file under
 * src/lib/ whose rule gives it. diag_add refuses (an assertion) a code
 * not listed or given at a severity it is not listed with, and
 * tests/unit/test_codes.c checks the list against the source, the
 * README and pledge-ingest(1). A new code is added here first. */
#ifndef PLEDGE_CODES_H
#define PLEDGE_CODES_H

#include <stddef.h>

/* Severities a code may be given with, as bits. */
enum {
	CODE_WARNING = 1,
	CODE_ERROR = 2,
};

struct problem_code {
	const char *code;    /* e.g. "not-a-number" */
	unsigned severity;   /* CODE_WARNING, CODE_ERROR or both */
	const char *meaning; /* plain words, a sentence without a full stop */
	const char *rule;    /* the file that gives it, e.g. "model/value.c" */
};

/* The list, sorted by code; its length in *len. Static: never freed. */
const struct problem_code *problem_codes(size_t *len);

/* The entry for code, or NULL when it is not listed. */
const struct problem_code *problem_code_find(const char *code);

/* "warning", "error" or "warning or error", for severity's bits. */
const char *problem_severity_name(unsigned severity);

#endif
