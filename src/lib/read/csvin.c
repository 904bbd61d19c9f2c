#include "csvin.h"
#include "../base/buf.h"
#include "../base/text.h"
#include "../base/xalloc.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

const struct csvin_limits csvin_default_limits = {
	.max_file = 2ULL << 30,
	.max_record = 1 << 20,
	.max_field = 64 << 10,
	.max_fields = 4096,
};

enum state { S_START, S_UNQUOTED, S_QUOTED, S_QUOTE, S_AFTER };
enum encoding { ENC_UNKNOWN, ENC_UTF8, ENC_CP1252 };

#define CHUNK (64 * 1024)

static void init_tables(void);

struct csvin {
	FILE *fp;
	char *name;
	struct csvin_limits lim;
	struct diags *d;

	unsigned char *chunk;
	size_t pos, len;
	int eof, started, failed;
	unsigned long long total;

	long line;
	int cr;         /* the last byte was a CR */
	enum state st;
	long quote_line;

	struct buf rec;      /* raw bytes of the record being scanned */
	long rec_line;
	int rec_started;
	int rec_high;   /* the record has bytes >= 0x80 */
	size_t ncomma, nsemi;
	char locked;

	enum encoding enc;
	long warn_line;        /* where Windows-1252 was first seen */
	iconv_t cd;
	char *conv;
	size_t convcap;

	struct csv_parser parser;
	struct buf fieldbytes;
	size_t *offs;
	size_t noffs, capoffs;
	char **ptrs;
	size_t capptrs;
	int field_too_long, too_many_fields, row_done;

	const char *bad_code;  /* the record has a problem: skip it */
	const char *bad_why;
	long bad_line;
};

struct csvin *csvin_open(FILE *fp, const char *name,
			 const struct csvin_limits *lim, struct diags *d)
{
	static int tables_ready;
	if (!tables_ready) {
		init_tables();
		tables_ready = 1;
	}
	struct csvin *r = xcalloc(1, sizeof(*r));
	r->fp = fp;
	r->name = xstrdup(name);
	r->lim = lim ? *lim : csvin_default_limits;
	if (!r->lim.chunk || r->lim.chunk > CHUNK)
		r->lim.chunk = CHUNK;
	r->d = d;
	r->chunk = xmalloc(CHUNK);
	r->line = 1;
	r->cd = (iconv_t)-1;
	buf_init(&r->rec);
	buf_init(&r->fieldbytes);
	if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL))
		abort();
	return r;
}

void csvin_close(struct csvin *r)
{
	if (!r)
		return;
	csv_free(&r->parser);
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	buf_free(&r->rec);
	buf_free(&r->fieldbytes);
	free(r->conv);
	free(r->offs);
	free(r->ptrs);
	free(r->chunk);
	free(r->name);
	free(r);
}

void csvin_lock_delim(struct csvin *r, char delim)
{
	r->locked = delim;
}

int csvin_is_cp1252(const struct csvin *r)
{
	return r->enc == ENC_CP1252;
}

/* A problem that stops the file being read: reported, with words that
 * say so, and the reader fails from now on. */
static void reject_file(struct csvin *r, long line, const char *code,
			const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void reject_file(struct csvin *r, long line, const char *code,
			const char *fmt, ...)
{
	char why[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	diag_add(r->d, SEV_ERROR, r->name, line, NULL, NULL, code,
		 "%s; the file is rejected", why);
	r->failed = 1;
}

#define FAIL(r, line, ...)                                                  \
	do {                                                                \
		reject_file((r), (line), __VA_ARGS__);                      \
		return -1;                                                  \
	} while (0)

/* A problem confined to one record: it is reported and skipped. */
static void bad_record(struct csvin *r, long line, const char *code,
		       const char *why)
{
	if (r->bad_code)
		return;
	r->bad_code = code;
	r->bad_why = why;
	r->bad_line = line;
}

static int check_start(struct csvin *r)
{
	while (r->len < 4 && !feof(r->fp) && !ferror(r->fp)) {
		size_t want = r->lim.chunk > r->len ? r->lim.chunk - r->len : 1;
		size_t n = fread(r->chunk + r->len, 1, want, r->fp);
		if (n == 0)
			break;
		r->len += n;
		r->total += n;
	}
	const unsigned char *c = r->chunk;
	if (r->len >= 2 && ((c[0] == 0xFF && c[1] == 0xFE) ||
			    (c[0] == 0xFE && c[1] == 0xFF)))
		FAIL(r, 1, "utf-16",
		     "the file is saved as UTF-16 (\"Unicode text\"), which is "
		     "not read; save it as \"CSV UTF-8 (Comma delimited)\"");
	if (r->len >= 3 && c[0] == 0xEF && c[1] == 0xBB && c[2] == 0xBF)
		r->pos = 3;
	return 0;
}

static int fill(struct csvin *r)
{
	if (!r->started) {
		r->started = 1;
		r->len = 0;
		if (check_start(r) < 0)
			return -1;
	} else {
		r->pos = 0;
		r->len = fread(r->chunk, 1, r->lim.chunk, r->fp);
		r->total += r->len;
	}
	if (ferror(r->fp))
		FAIL(r, 0, "unreadable", "cannot read the file: %s",
		     strerror(errno));
	if (r->total > r->lim.max_file)
		FAIL(r, 0, "file-too-large",
		     "the file is larger than the limit of %llu MiB",
		     r->lim.max_file >> 20);
	if (r->pos == r->len)
		r->eof = 1;
	return 0;
}

/* The physical line of byte off of the current record. */
static long line_at(const struct csvin *r, const char *s, size_t off)
{
	long line = r->rec_line;
	for (size_t i = 0; i < off; i++)
		if (s[i] == '\n' || (s[i] == '\r' && s[i + 1] != '\n'))
			line++;
	return line;
}

static void on_field(void *s, size_t len, void *data)
{
	struct csvin *r = data;
	if (len > r->lim.max_field)
		r->field_too_long = 1;
	if (r->noffs >= r->lim.max_fields) {
		r->too_many_fields = 1;
		return;
	}
	if (r->noffs == r->capoffs)
		GROW(r->offs, r->capoffs, r->noffs + 1);
	r->offs[r->noffs++] = r->fieldbytes.len;
	buf_add(&r->fieldbytes, s ? s : "", s ? len : 0);
	buf_addc(&r->fieldbytes, '\0');
}

static void on_row(int c, void *data)
{
	(void)c;
	((struct csvin *)data)->row_done = 1;
}

/* Returns the record's text as UTF-8 in *out, or -1 on an encoding error. */
static int decode(struct csvin *r, const char **out, size_t *outlen)
{
	const char *s = r->rec.s;
	size_t len = r->rec.len, bad = 0;
	*out = s;
	*outlen = len;
	if (!r->rec_high)
		return 0;
	int utf8 = utf8_valid(s, len, &bad);
	if (r->enc == ENC_UNKNOWN) {
		if (utf8) {
			r->enc = ENC_UTF8;
			return 0;
		}
		r->enc = ENC_CP1252;
		r->warn_line = line_at(r, s, bad);
	} else if (r->enc == ENC_UTF8) {
		if (utf8)
			return 0;
		FAIL(r, line_at(r, s, bad), "mixed-encoding",
		     "byte 0x%02X is not UTF-8, though earlier lines are; the "
		     "file mixes two encodings: save it again as \"CSV UTF-8\"",
		     (unsigned char)s[bad]);
	} else if (utf8) {
		FAIL(r, r->rec_line, "mixed-encoding",
		     "this line is UTF-8, though earlier lines are Windows-1252; "
		     "the file mixes two encodings: save it again as \"CSV UTF-8\"");
	}
	if (r->cd == (iconv_t)-1) {
		r->cd = iconv_open("UTF-8", "WINDOWS-1252");
		if (r->cd == (iconv_t)-1)
			FAIL(r, r->rec_line, "unreadable",
			     "cannot convert from Windows-1252: %s",
			     strerror(errno));
	}
	if (r->convcap < len * 3 + 1) {
		r->convcap = len * 3 + 1;
		r->conv = xreallocarray(r->conv, r->convcap, 1);
	}
	char *in = (char *)s, *o = r->conv;
	size_t inleft = len, outleft = r->convcap;
	iconv(r->cd, NULL, NULL, NULL, NULL);
	if (iconv(r->cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
		size_t at = (size_t)(in - s);
		FAIL(r, line_at(r, s, at), "bad-encoding",
		     "byte 0x%02X is not a character in UTF-8 or in "
		     "Windows-1252; save the file as \"CSV UTF-8\"",
		     (unsigned char)s[at]);
	}
	if (r->warn_line) {
		diag_add(r->d, SEV_WARNING, r->name, r->warn_line, NULL, NULL,
			 "windows-1252",
			 "the file is not UTF-8, so it was read as Windows-1252 "
			 "(what Excel's \"CSV (Comma delimited)\" writes); save "
			 "it as \"CSV UTF-8\" to be sure every character is kept");
		r->warn_line = 0;
	}
	*out = r->conv;
	*outlen = r->convcap - outleft;
	return 0;
}

static int split(struct csvin *r, struct csvrec *rec)
{
	const char *text;
	size_t len;
	if (decode(r, &text, &len) < 0)
		return -1;
	char delim = r->locked ? r->locked : (r->nsemi > r->ncomma ? ';' : ',');
	buf_reset(&r->fieldbytes);
	r->noffs = 0;
	r->row_done = r->field_too_long = r->too_many_fields = 0;
	csv_set_delim(&r->parser, (unsigned char)delim);
	if (csv_parse(&r->parser, text, len, on_field, on_row, r) != len ||
	    csv_parse(&r->parser, "\n", 1, on_field, on_row, r) != 1 ||
	    !r->row_done) {
		csv_fini(&r->parser, NULL, NULL, NULL);
		FAIL(r, r->rec_line, "bad-quote",
		     "the quotes on this line do not pair up (%s)",
		     csv_strerror(csv_error(&r->parser)));
	}
	if (r->field_too_long || r->too_many_fields) {
		diag_add(r->d, SEV_ERROR, r->name, r->rec_line, NULL, NULL,
			 r->field_too_long ? "field-too-long"
					   : "too-many-columns",
			 r->field_too_long
				 ? "a value on this line is longer than the "
				   "limit of %zu KiB; row skipped"
				 : "this line has more than the limit of %zu "
				   "columns; row skipped",
			 r->field_too_long ? r->lim.max_field >> 10
					   : r->lim.max_fields);
		return 0;
	}
	GROW(r->ptrs, r->capptrs, r->noffs);
	for (size_t i = 0; i < r->noffs; i++)
		r->ptrs[i] = r->fieldbytes.s + r->offs[i];
	rec->fields = r->ptrs;
	rec->n = r->noffs;
	rec->line = r->rec_line;
	rec->delim = delim;
	return 1;
}

static int only_spaces(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

/* A line ended outside quotes: 1 and *rec filled when it completes a
 * record, 0 when it was blank, -1 on error. */
static int end_record(struct csvin *r, struct csvrec *rec)
{
	int ret = 0;
	r->st = S_START;
	if (r->bad_code) {
		diag_add(r->d, SEV_ERROR, r->name, r->bad_line, NULL, NULL,
			 r->bad_code, "%s", r->bad_why);
		r->bad_code = NULL;
	} else if (r->rec_started && !only_spaces(r->rec.s, r->rec.len)) {
		ret = split(r, rec);
	}
	buf_reset(&r->rec);
	r->rec_started = 0;
	r->rec_high = 0;
	r->ncomma = r->nsemi = 0;
	return ret;
}

static void count_delim(struct csvin *r, unsigned char c)
{
	if (c == ',')
		r->ncomma++;
	else
		r->nsemi++;
}

/* Advances the quoting state by one byte: 1 at a line end outside
 * quotes, 0 otherwise, -1 on a quoting error. */
static inline int step(struct csvin *r, unsigned char c)
{
	int nl = c == '\n' || c == '\r';
	int delim = r->locked ? c == (unsigned char)r->locked
			      : (c == ',' || c == ';');
	switch (r->st) {
	case S_START:
		if (nl)
			return 1;
		if (c == '"') {
			r->st = S_QUOTED;
			r->quote_line = r->line;
		} else if (delim) {
			count_delim(r, c);
		} else if (c != ' ' && c != '\t') {
			r->st = S_UNQUOTED;
		}
		return 0;
	case S_UNQUOTED:
		if (nl)
			return 1;
		if (c == '"')
			bad_record(r, r->line, "stray-quote",
				   "a \" in the middle of a value that does not "
				   "start with one; put the whole value in quotes "
				   "and double the \" (\"\"); row skipped");
		if (delim) {
			count_delim(r, c);
			r->st = S_START;
		}
		return 0;
	case S_QUOTED:
		if (c == '"')
			r->st = S_QUOTE;
		return 0;
	case S_QUOTE:
	case S_AFTER:
		if (c == '"' && r->st == S_QUOTE) {
			r->st = S_QUOTED;
			return 0;
		}
		if (nl)
			return 1;
		if (delim) {
			count_delim(r, c);
			r->st = S_START;
		} else if (c == ' ' || c == '\t') {
			r->st = S_AFTER;
		} else {
			bad_record(r, r->line, "text-after-quote",
				   "text after the closing \" of a quoted value; "
				   "put the whole value in quotes and double any "
				   "\" inside it (\"\"); row skipped");
			r->st = S_UNQUOTED;
		}
		return 0;
	}
	return 0;
}

/* Appends the scanned bytes chunk[from..to) to the record. */
static int take(struct csvin *r, size_t from, size_t to)
{
	if (from == to)
		return 0;
	buf_add(&r->rec, r->chunk + from, to - from);
	if (r->rec.len <= r->lim.max_record)
		return 0;
	if (r->st == S_QUOTED)
		reject_file(r, r->quote_line, "unterminated-quote",
			 "a quoted value starts here and runs on for more than "
			 "%zu KiB; its closing \" is probably missing",
			 r->lim.max_record >> 10);
	else
		reject_file(r, r->rec_line, "line-too-long",
			 "the line is longer than the limit of %zu KiB",
			 r->lim.max_record >> 10);
	return -1;
}

/* Bytes the scanner must look at: everything else inside a value just
 * moves on. Non-ASCII bytes are looked at so the record is known to need
 * an encoding check. */
static unsigned char special_unquoted[256], special_quoted[256];

static void init_tables(void)
{
	static const unsigned char both[] = { '\0', '\n', '\r', '"' };
	for (size_t i = 0; i < sizeof(both); i++)
		special_unquoted[both[i]] = special_quoted[both[i]] = 1;
	special_unquoted[','] = special_unquoted[';'] = 1;
	for (int c = 0x80; c < 0x100; c++)
		special_unquoted[c] = special_quoted[c] = 1;
}

/* Handles one byte the fast loop stopped at: 1 at a record's end,
 * 0 to go on, -1 on an error. */
static int special_byte(struct csvin *r, unsigned char c)
{
	if (c == '\r' || (c == '\n' && !r->cr))
		r->line++;
	r->cr = c == '\r';
	if (c == '\0') {
		reject_file(r, r->line, "nul-byte",
			 "the file contains a NUL byte, so it is not a text CSV "
			 "file (if it was saved as \"Unicode text\", save it as "
			 "\"CSV UTF-8\" instead)");
		return -1;
	}
	if (c >= 0x80)
		r->rec_high = 1;
	int nl = c == '\n' || c == '\r';
	if (!nl && !r->rec_started) {
		r->rec_started = 1;
		r->rec_line = r->line;
	}
	return step(r, c);
}

/* Scans the current chunk until a record ends (1, *rec filled), the
 * chunk is used up (0) or an error (-1). */
static int scan(struct csvin *r, struct csvrec *rec)
{
	const unsigned char *p = r->chunk + r->pos, *end = r->chunk + r->len;
	const unsigned char *span = p;
	while (p < end) {
		const unsigned char *from = p;
		if (r->st == S_UNQUOTED)
			while (p < end && !special_unquoted[*p])
				p++;
		else if (r->st == S_QUOTED)
			while (p < end && !special_quoted[*p])
				p++;
		if (p != from)
			r->cr = 0;
		if (p == end)
			break;
		int s = special_byte(r, *p);
		if (s < 0)
			return -1;
		p++;
		if (s > 0) {
			r->pos = (size_t)(p - r->chunk);
			if (take(r, (size_t)(span - r->chunk), r->pos - 1) < 0)
				return -1;
			span = p;
			s = end_record(r, rec);
			if (s != 0)
				return s;
		}
	}
	r->pos = r->len;
	return take(r, (size_t)(span - r->chunk), r->len);
}

enum csvin_status csvin_next(struct csvin *r, struct csvrec *rec)
{
	if (r->failed)
		return CSVIN_FAIL;
	for (;;) {
		if (r->pos == r->len) {
			if (!r->eof && fill(r) < 0)
				return CSVIN_FAIL;
			if (r->pos == r->len)
				break;
		}
		int s = scan(r, rec);
		if (s < 0)
			return CSVIN_FAIL;
		if (s > 0)
			return CSVIN_RECORD;
	}
	if (r->st == S_QUOTED) {
		reject_file(r, r->quote_line, "unterminated-quote",
			    "a quoted value starts here but its closing \" is "
			    "missing");
		return CSVIN_FAIL;
	}
	int s = end_record(r, rec);
	if (s < 0)
		return CSVIN_FAIL;
	return s > 0 ? CSVIN_RECORD : CSVIN_EOF;
}
