/* table: a CSV file read as a header and rows of named columns.
 *
 * On top of read/records: finds the header (allowing a title line or
 * two above it), locks its delimiter (from then on a large file may be
 * read on other threads), normalises column names (invisible
 * characters trimmed, lower case), drops trailing unnamed columns, skips
 * rows with no text, and reports rows with more values than the header
 * has columns. */
#ifndef PLEDGE_TABLE_H
#define PLEDGE_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/diag.h"
#include "records.h"

/* How many records may stand above the header (title lines). */
#define TABLE_HEADER_SEARCH 5

struct table_row {
	char **f;    /* exactly table->ncols fields; short rows are padded
			with "" (a warning says so); owned by the table */
	long line;
};

struct table {
	char *name;        /* for diagnostics: the path, or "stdin" */
	char **cols;       /* normalised header names */
	size_t ncols;
	long header_line;
	char delim;
	int meta_rows;     /* records above the header that the header test
			      took as data (a form's block), not as titles */
	char **raw;        /* while the header test runs: the record's
			      values as written (else NULL) */
	/* private */
	FILE *fp;
	int close_fp;
	struct records *in;
	struct diags *d;
	char **pad;         /* a short row, padded */
	char *blank;        /* writable empty strings for the padding */
};

/* Decides whether a record (its normalised names) is the header. */
typedef bool table_header_fn(char *const *names, size_t n, void *ctx);

/* Opens path ("-" for standard input). On failure adds an error
 * ("unreadable") and returns NULL. lim may be NULL. */
struct table *table_open(const char *path, const struct csvin_limits *lim,
			 struct diags *d);

/* Finds the header among the first TABLE_HEADER_SEARCH records.
 * Returns 0, or -1 with an error added: "empty-file" for a file with no
 * text, "no-header" (expected describes the columns wanted) otherwise,
 * or the reader's own error. Skipped title lines give a warning. */
int table_header(struct table *t, table_header_fn *is_header, void *ctx,
		 const char *expected);

/* Opens path, finds its header (the first record naming at least one of
 * cols, a NULL-terminated list) and each column of cols, whose indexes
 * go in idx. Returns the table ready for table_next, or NULL with the
 * reasons added (expected describes the columns for a message). */
struct table *table_open_columns(const char *path, const char *const *cols,
				 int *idx, const char *expected,
				 struct diags *d);

/* The index of the first column with this (normalised) name, or -1. */
int table_col(const struct table *t, const char *name);
/* How many columns have this name. */
size_t table_col_count(const struct table *t, const char *name);

enum table_status { TABLE_ROW, TABLE_END, TABLE_FAIL };

/* The next row with text in it. A row with text beyond the last column
 * is reported ("ragged-row") and skipped. TABLE_FAIL means the file
 * could not be read to its end (the error is already added). */
enum table_status table_next(struct table *t, struct table_row *row);

void table_close(struct table *t);

/* A header test for table_header: true when the record names every
 * column in ctx (a NULL-terminated array of normalised names). */
table_header_fn table_has_all;
/* The same, true when the record names at least one of them: then
 * table_columns can say which of the others is missing. */
table_header_fn table_has_any;

/* Finds each column of names (NULL-terminated) in the header and stores
 * its index in idx (-1 when absent). A column named twice is an error
 * ("duplicate-column"); so is a missing one when required is true
 * ("missing-column"). Returns 0, or -1 when an error was added. */
int table_columns(struct table *t, const char *const *names, int *idx,
		  bool required);
#endif
