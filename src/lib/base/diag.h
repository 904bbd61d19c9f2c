/* diag: diagnostics collected as data.
 *
 * Library code never prints: it appends a diagnostic here and carries on
 * with the rest of the input. A program prints the list (gcc style) and
 * writes it as issues CSV, and derives its exit status from the counts. */
#ifndef PLEDGE_DIAG_H
#define PLEDGE_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum severity { SEV_WARNING, SEV_ERROR };

struct diag {
	enum severity severity;
	char *file;     /* as named on the command line; never NULL */
	long line;      /* physical line, 1-based; 0 when about the whole file */
	char *org_id;   /* "" when not about one organisation */
	char *metric;   /* "" when not about one metric */
	const char *code; /* stable kebab-case identifier (static string) */
	char *message;  /* plain words for a person, no file or line in it */
};

struct diags {
	struct diag *items;
	size_t len, cap;
	size_t errors, warnings;
	/* When not NULL, each diagnostic is also printed here as it is added
	 * ("PROG: FILE:LINE: error: MESSAGE"), so a long run shows progress. */
	FILE *echo;
	int echo_warnings; /* also echo warnings, not only errors */
	const char *prog;
};

void diags_init(struct diags *d);
/* The same, for a program: diagnostics echoed to echo as they come,
 * prefixed by prog. */
void diags_init_echo(struct diags *d, const char *prog, FILE *echo);
void diags_free(struct diags *d);

/* Frees one diagnostic's strings (one not in a struct diags). */
void diag_free(struct diag *g);

/* Adds one diagnostic; org_id and metric may be NULL. code must be a
 * string literal listed in base/codes.c at this severity (an assertion
 * fails otherwise). Returns the new diagnostic's index. */
size_t diag_add(struct diags *d, enum severity sev, const char *file,
		long line, const char *org_id, const char *metric,
		const char *code, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));

/* Adds g as it is, taking its strings (made as diag_add makes them);
 * for diagnostics collected apart and handed on. Returns the index. */
size_t diag_take(struct diags *d, const struct diag *g);

/* s with every control character (below 0x20, and 0x7F) written as
 * \\n, \\r, \\t or \\xNN, in new memory: diagnostics keep to one line
 * whatever a file's name or a value holds. diag_add does this to the
 * file name and the message it is given. */
char *diag_escape(const char *s);

/* Prints one diagnostic as "PROG: FILE:LINE: error: MESSAGE\n". */
void diag_print(const struct diag *g, const char *prog, FILE *fp);

const char *severity_name(enum severity sev);

#endif
