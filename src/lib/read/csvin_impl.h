/* csvin_impl: the state of a csvin reader, shared by csvin.c, which
 * reads a file, and csvin_part.c, which reads a part of one for
 * read/parts (csvin_part.h). Private to those two files. */
#ifndef PLEDGE_CSVIN_IMPL_H
#define PLEDGE_CSVIN_IMPL_H

#include <csv.h>
#include <iconv.h>

#include "../base/buf.h"
#include "csvin.h"

/* ENC_CP1252 + enum legacy: the one-byte encodings (legacy.h) */
enum encoding { ENC_UNKNOWN, ENC_UTF8, ENC_CP1252, ENC_MACROMAN, ENC_CP850 };

#define CHUNK (64 * 1024)
#define OPTIONS (CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)

/* How it works: the input is cut into physical lines (ending in LF, CRLF
 * or a lone CR), and libcsv is fed one line at a time. So the reader
 * always knows the line it is on: a record starts on the first line fed
 * after the one where libcsv ended the record before. Each line is
 * checked for NUL bytes and its encoding before libcsv sees it.
 * A reader may run on a worker thread (read/ahead) while the caller
 * works: it fills whole cache lines of its own (CSVIN_LINE), so that no
 * memory the caller writes shares one with it. */
#define CSVIN_LINE 64
struct csvin {
	_Alignas(CSVIN_LINE) FILE *fp;
	char *name;
	struct csvin_limits lim;
	struct diags *d;

	unsigned char *chunk;
	size_t pos, len;
	int eof, started, failed;
	unsigned long long total;
	long long origin;       /* the file offset reading began at */
	struct buf carry;       /* a line cut by the end of a chunk */

	long line;              /* the line being fed */
	int in_record;          /* a record has started and not ended */
	long rec_line;
	size_t rec_bytes;
	int quoted;             /* a quote is open (by counting quotes) */
	long quote_line;        /* where it opened */
	char locked;

	enum encoding enc;
	long warn_line;         /* where Windows-1252 was first seen */
	iconv_t cd;
	char *conv;
	size_t convcap;

	struct csv_parser parser;
	struct buf own;
	struct buf *fb;         /* where values go, each followed by a NUL:
				   own, emptied for each record, or a part's
				   caller's */
	size_t rec_first;       /* where this record's values begin in fb */
	size_t nfields;         /* how many it has */
	size_t kept;            /* fb's bytes up to the last record given */
	char **ptrs;
	size_t capptrs;
	int field_too_long, too_many_fields, row_done;
	char delim;
	int skipping;           /* passing over the rest of a bad record */
	int skip_quoted;        /* ...inside a quoted value */

	int part;               /* a part of a file (csvin_part.h) that is
				   not its end */
	int borrowed;           /* chunk is the caller's */
	int cut;                /* the part ended inside a record */
};

/* A reader with nothing to read from yet. */
struct csvin *csvin_reader_new(const char *name,
			       const struct csvin_limits *lim,
			       struct diags *d);

/* A problem that stops the file being read: reported, with words that
 * say so, and the reader fails from now on. */
void csvin_reject(struct csvin *r, long line, const char *code,
		  const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif
