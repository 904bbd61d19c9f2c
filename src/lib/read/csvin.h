/* csvin: records from a spreadsheet's CSV file, with line numbers.
 *
 * libcsv splits fields and undoes quoting; this module adds what it
 * lacks for files people save from Excel or Google Sheets:
 *  - the physical line each record starts on (a quoted value may span
 *    lines), counting CRLF, LF and lone CR endings alike;
 *  - a UTF-8 byte-order mark skipped, UTF-16 and NUL bytes refused;
 *  - Windows-1252 detected when the bytes are not UTF-8, converted to
 *    UTF-8 with iconv, and reported once as a warning;
 *  - ',' or ';' as delimiter, chosen per record until the caller locks it
 *    (after the header);
 *  - strict quoting: a quote that is never closed, a stray quote in an
 *    unquoted value or text after a closing quote is an error naming the
 *    line, never a silent swallow of the rest of the file;
 *  - caps on file, line and field size and on the number of fields.
 * Lines that are empty or only spaces are skipped. A problem confined to
 * one record (a stray quote, text after a closing quote, a value over
 * the cap, too many fields) is reported and the record skipped; any
 * other error ends the file: it is added to the diagnostics and
 * csvin_next returns CSVIN_FAIL.
 *
 * A csvin reads on the thread that calls it and knows nothing of
 * threads: read/records chooses whether a file is read here, ahead on a
 * second thread (read/ahead) or in parts on several (read/parts), and
 * those use csvin. */
#ifndef PLEDGE_CSVIN_H
#define PLEDGE_CSVIN_H

#include <stddef.h>
#include <stdio.h>

#include "../base/diag.h"

struct csvin_limits {
	unsigned long long max_file;  /* bytes in the whole file */
	size_t max_record;            /* bytes in one record (all its lines) */
	size_t max_field;             /* bytes in one field, after decoding */
	size_t max_fields;            /* fields in one record */
	size_t chunk;                 /* bytes read at a time (1 to 64 KiB;
					 0 for 64 KiB): small chunks let
					 tests and fuzzing cross every
					 boundary */
	int read_ahead;               /* for read/records: once the
					 delimiter is locked, read records
					 on other threads while the caller
					 works: a large regular file in
					 parts on one thread for each
					 processor but the caller's
					 (parts.h), else on one (ahead.h);
					 csvin itself ignores it */
	size_t part_bytes;            /* the size of those parts (0 for
					 1 MiB; small in tests) */
};

extern const struct csvin_limits csvin_default_limits;

struct csvrec {
	char **fields;  /* NUL-terminated UTF-8, owned by the reader */
	size_t n;
	long line;      /* where the record starts */
	char delim;     /* ',' or ';' */
	size_t bytes;   /* the fields lie one after another from fields[0],
			   each with its NUL, in these many bytes */
};

enum csvin_status { CSVIN_RECORD, CSVIN_EOF, CSVIN_FAIL };

struct csvin;

/* Reads fp (not closed by the reader); name is used in diagnostics.
 * lim may be NULL for the defaults. */
struct csvin *csvin_open(FILE *fp, const char *name,
			 const struct csvin_limits *lim, struct diags *d);

/* The next record, read on this thread, valid until the next call. */
enum csvin_status csvin_next(struct csvin *r, struct csvrec *rec);

/* From now on, split every record on delim only. */
void csvin_lock_delim(struct csvin *r, char delim);

/* From now on, add problems to d instead (a worker thread reading for
 * the caller keeps its own until the caller takes them: read/ahead). */
void csvin_set_diags(struct csvin *r, struct diags *d);

/* Non-zero when the file reads as Windows-1252 (or another one-byte
 * encoding) as of the last record read. */
int csvin_is_cp1252(const struct csvin *r);

void csvin_close(struct csvin *r);

#endif
