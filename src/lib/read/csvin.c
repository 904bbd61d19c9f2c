#include "csvin.h"
#include "csvin_impl.h"
#include "legacy.h"
#include "../base/buf.h"
#include "../base/text.h"
#include "../base/xalloc.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const struct csvin_limits csvin_default_limits = {
	.max_file = 2ULL << 30,
	.max_record = 1 << 20,
	.max_field = 64 << 10,
	.max_fields = 4096,
	.read_ahead = 1,
};

/* libcsv's buffer grows here: out of memory exits 2, not a bad quote. */
static void *parser_realloc(void *p, size_t n)
{
	return xreallocarray(p, n, 1);
}

static void parser_init(struct csv_parser *p)
{
	if (csv_init(p, OPTIONS))
		xalloc_die();
	csv_set_realloc_func(p, parser_realloc);
}

/* A reader with nothing to read from yet. */
struct csvin *csvin_reader_new(const char *name,
			       const struct csvin_limits *lim,
			       struct diags *d)
{
	struct csvin *r = aligned_alloc(CSVIN_LINE, sizeof(*r));
	if (!r)
		xalloc_die();
	memset(r, 0, sizeof(*r));
	r->name = xstrdup(name);
	r->lim = lim ? *lim : csvin_default_limits;
	if (!r->lim.chunk || r->lim.chunk > CHUNK)
		r->lim.chunk = CHUNK;
	r->d = d;
	r->line = 1;
	r->cd = (iconv_t)-1;
	buf_init(&r->carry);
	buf_init(&r->own);
	r->fb = &r->own;
	parser_init(&r->parser);
	return r;
}

struct csvin *csvin_open(FILE *fp, const char *name,
			 const struct csvin_limits *lim, struct diags *d)
{
	struct csvin *r = csvin_reader_new(name, lim, d);
	r->fp = fp;
	/* where reading begins (a file need not be read from its start):
	 * csvin_resume counts bytes towards lim.max_file from here */
	off_t at = ftello(fp);
	r->origin = at < 0 ? 0 : (long long)at;
	r->chunk = xmalloc(CHUNK);
	return r;
}

void csvin_close(struct csvin *r)
{
	if (!r)
		return;
	csv_free(&r->parser);
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	buf_free(&r->carry);
	buf_free(&r->own);
	free(r->conv);
	free(r->ptrs);
	if (!r->borrowed)
		free(r->chunk);
	free(r->name);
	free(r);
}

void csvin_lock_delim(struct csvin *r, char delim)
{
	r->locked = delim;
}

void csvin_set_diags(struct csvin *r, struct diags *d)
{
	r->d = d;
}

int csvin_is_cp1252(const struct csvin *r)
{
	return r->enc >= ENC_CP1252;
}

void csvin_reject(struct csvin *r, long line, const char *code,
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
		csvin_reject((r), (line), __VA_ARGS__);                      \
		return -1;                                                  \
	} while (0)

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
	if (r->len >= 4 && !memcmp(c, "PK\x03\x04", 4))
		FAIL(r, 1, "workbook",
		     "the file is a spreadsheet workbook (.xlsx or .ods, a zip "
		     "file), not CSV, though its name may end in .csv; open it "
		     "and save it with \"Save As\" and the type \"CSV UTF-8 "
		     "(Comma delimited) (*.csv)\"");
	if (r->len >= 4 && !memcmp(c, "\xD0\xCF\x11\xE0", 4))
		FAIL(r, 1, "workbook",
		     "the file is an Excel 97-2003 workbook (.xls), not CSV, "
		     "though its name may end in .csv; open it in Excel and "
		     "save it with \"Save As\" and the type \"CSV UTF-8 "
		     "(Comma delimited) (*.csv)\"");
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

static void on_field(void *s, size_t len, void *data)
{
	struct csvin *r = data;
	if (len > r->lim.max_field)
		r->field_too_long = 1;
	if (r->nfields >= r->lim.max_fields) {
		r->too_many_fields = 1;
		return;
	}
	r->nfields++;
	struct buf *fb = r->fb;
	if (fb->len + len + 1 >= fb->cap)
		buf_grow(fb, len + 1);
	if (len)
		memcpy(fb->s + fb->len, s, len);
	fb->len += len;
	fb->s[fb->len++] = '\0';
}

static void on_row(int c, void *data)
{
	(void)c;
	((struct csvin *)data)->row_done = 1;
}

/* Which one-byte encoding the first line that is not UTF-8 says the
 * file is in, with what follows it in the chunk as more evidence. */
static void settle_legacy(struct csvin *r, const char *s, size_t len)
{
	const char *rest = (const char *)r->chunk + r->pos;
	size_t restlen = r->chunk && r->len > r->pos ? r->len - r->pos : 0;
	if (!r->chunk)
		rest = "";
	r->enc = ENC_CP1252 + (int)legacy_guess(s, len, rest, restlen);
	r->warn_line = r->line;
}

/* A byte iconv could not convert. */
static int not_converted(struct csvin *r, unsigned char c)
{
	enum legacy e = (enum legacy)(r->enc - ENC_CP1252);
	if (e == LEGACY_CP1252 && c >= 0x80 && c < 0xA0)
		FAIL(r, r->line, "bad-encoding",
		     "byte 0x%02X is not a character in UTF-8 or in "
		     "Windows-1252: the file may be in an old DOS encoding "
		     "(what Excel's \"CSV (MS-DOS)\" writes); save it as "
		     "\"CSV UTF-8 (Comma delimited)\"", c);
	FAIL(r, r->line, "bad-encoding",
	     "byte 0x%02X is not a character in UTF-8 or in %s; save the "
	     "file as \"CSV UTF-8\"", c, legacy_name(e));
}

/* The line's text as UTF-8 in *out, or -1 on an encoding error. */
static int decode(struct csvin *r, const char *s, size_t len,
		  int non_ascii, const char **out, size_t *outlen)
{
	size_t bad = 0;
	*out = s;
	*outlen = len;
	if (!non_ascii)
		return 0;
	int utf8 = utf8_valid(s, len, &bad);
	if (r->enc == ENC_UNKNOWN) {
		if (utf8) {
			r->enc = ENC_UTF8;
			return 0;
		}
		settle_legacy(r, s, len);
	} else if (r->enc == ENC_UTF8) {
		if (utf8)
			return 0;
		FAIL(r, r->line, "mixed-encoding",
		     "byte 0x%02X is not UTF-8, though earlier lines are; the "
		     "file mixes two encodings: save it again as \"CSV UTF-8\"",
		     (unsigned char)s[bad]);
	} else if (utf8) {
		FAIL(r, r->line, "mixed-encoding",
		     "this line is UTF-8, though earlier lines are %s; the file "
		     "mixes two encodings: save it again as \"CSV UTF-8\"",
		     legacy_name((enum legacy)(r->enc - ENC_CP1252)));
	}
	enum legacy e = (enum legacy)(r->enc - ENC_CP1252);
	if (r->cd == (iconv_t)-1) {
		r->cd = iconv_open("UTF-8", legacy_iconv(e));
		if (r->cd == (iconv_t)-1)
			FAIL(r, r->line, "unreadable",
			     "cannot convert from %s: %s", legacy_name(e),
			     strerror(errno));
	}
	if (r->convcap < len * 3 + 1) {
		r->convcap = len * 3 + 1;
		r->conv = xreallocarray(r->conv, r->convcap, 1);
	}
	char *in = (char *)s, *o = r->conv;
	size_t inleft = len, outleft = r->convcap;
	iconv(r->cd, NULL, NULL, NULL, NULL);
	if (iconv(r->cd, &in, &inleft, &o, &outleft) == (size_t)-1)
		return not_converted(r, (unsigned char)s[in - s]);
	if (r->warn_line) {
		diag_add(r->d, SEV_WARNING, r->name, r->warn_line, NULL, NULL,
			 legacy_code(e), "%s", legacy_warning(e));
		r->warn_line = 0;
	}
	*out = r->conv;
	*outlen = r->convcap - outleft;
	return 0;
}

static int blank_line(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

/* The delimiter of a record whose first line is s: ';' when it has more
 * semicolons than commas, unless the caller has locked one. */
static char delimiter_of(const struct csvin *r, const char *s, size_t len)
{
	if (r->locked)
		return r->locked;
	size_t commas = 0, semis = 0;
	for (size_t i = 0; i < len; i++) {
		commas += s[i] == ',';
		semis += s[i] == ';';
	}
	return semis > commas ? ';' : ',';
}

/* Follows the quotes of a line, to know where an unclosed one opened:
 * each quote opens or closes one, so one opens on this line when the
 * first does, or the second when one was open before. */
static void track_quotes(struct csvin *r, size_t quotes)
{
	if (quotes >= 2 || (quotes == 1 && !r->quoted))
		r->quote_line = r->line;
	r->quoted ^= (int)(quotes & 1);
}

static void start_record(struct csvin *r, const char *s, size_t len)
{
	r->in_record = 1;
	r->rec_line = r->line;
	r->rec_bytes = 0;
	r->quoted = 0;
	r->delim = delimiter_of(r, s, len);
	csv_set_delim(&r->parser, (unsigned char)r->delim);
	/* what a record left out put there is dropped */
	r->fb->len = r->kept;
	r->rec_first = r->kept;
	r->nfields = 0;
	r->row_done = r->field_too_long = r->too_many_fields = 0;
}

/* Follows the rest of a record libcsv refused as a lenient reader
 * would, a quote opening a value only at its start, to find where the
 * record ends. Returns whether a quoted value is still open at the end. */
static int follow_quotes(const char *s, size_t len, char delim, int quoted,
			 int field_start)
{
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (quoted) {
			if (c == '"' && i + 1 < len && s[i + 1] == '"')
				i++;
			else if (c == '"')
				quoted = 0;
		} else if (c == delim) {
			field_start = 1;
		} else if (c == '"' && field_start) {
			quoted = 1;
			field_start = 0;
		} else if (c != ' ' && c != '\t') {
			field_start = 0;
		}
	}
	return quoted;
}

/* libcsv refused a byte of the line: the record is reported and left
 * out, and reading goes on after its end. */
static void bad_quote(struct csvin *r, const char *text, size_t len,
		      size_t at)
{
	int stray = text[at] == '"';
	diag_add(r->d, SEV_ERROR, r->name, r->line, NULL, NULL,
		 stray ? "stray-quote" : "text-after-quote", "%s",
		 stray ? "a \" in the middle of a value that does not start "
			 "with one; put the whole value in quotes and double "
			 "the \" (\"\"); row skipped"
		       : "text after the closing \" of a quoted value; put "
			 "the whole value in quotes and double any \" inside "
			 "it (\"\"); row skipped");
	csv_free(&r->parser);
	parser_init(&r->parser);
	r->in_record = 0;
	size_t from = stray ? at + 1 : at;
	r->skip_quoted = follow_quotes(text + from, len - from, r->delim, 0, 0);
	r->skipping = r->skip_quoted;
}

/* The record libcsv has ended: 1 with *rec filled, or 0 when it is
 * skipped for a value or row over a limit. */
static int finish_record(struct csvin *r, struct csvrec *rec)
{
	r->in_record = 0;
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
	rec->n = r->nfields;
	rec->line = r->rec_line;
	rec->delim = r->delim;
	rec->bytes = r->fb->len - r->rec_first;
	if (r->fb != &r->own) {
		/* the caller's: the record is the last bytes there */
		rec->fields = NULL;
		r->kept = r->fb->len;
		return 1;
	}
	GROW(r->ptrs, r->capptrs, rec->n);
	const char *p = r->fb->s + r->rec_first;
	for (size_t i = 0; i < rec->n; i++, p += strlen(p) + 1)
		r->ptrs[i] = (char *)p;
	rec->fields = r->ptrs;
	return 1;
}

/* Feeds one physical line (with its ending, when it has one) to libcsv;
 * lf describes it, or is NULL. Returns 1 when it ended a record (*rec
 * filled), 0 to go on, -1 when the file cannot be read on. */
static int feed(struct csvin *r, const char *s, size_t len, int ended,
		const struct line_facts *lf, struct csvrec *rec)
{
	struct line_facts facts;
	if (!lf) {
		line_describe(s, len, &facts);
		lf = &facts;
	}
	if (lf->nul)
		FAIL(r, r->line, "nul-byte",
		     "the file contains a NUL byte, so it is not a text CSV "
		     "file (if it was saved as \"Unicode text\", save it as "
		     "\"CSV UTF-8\" instead)");
	if (r->skipping) {
		r->skip_quoted = follow_quotes(s, len, r->delim, 1, 0);
		r->skipping = r->skip_quoted;
		r->line += ended;
		return 0;
	}
	if (!r->in_record) {
		if (blank_line(s, len)) {
			r->line += ended;
			return 0;
		}
		start_record(r, s, len);
	}
	r->rec_bytes += len;
	track_quotes(r, lf->quotes);
	if (r->rec_bytes > r->lim.max_record) {
		if (r->quoted)
			FAIL(r, r->quote_line, "unterminated-quote",
			     "a quoted value starts here and runs on for more "
			     "than %zu KiB; its closing \" is probably missing",
			     r->lim.max_record >> 10);
		FAIL(r, r->rec_line, "line-too-long",
		     "the line is longer than the limit of %zu KiB",
		     r->lim.max_record >> 10);
	}
	const char *text;
	size_t tlen;
	if (decode(r, s, len, lf->non_ascii, &text, &tlen) < 0)
		return -1;
	size_t used = csv_parse(&r->parser, text, tlen, on_field, on_row, r);
	if (used < tlen) {
		bad_quote(r, text, tlen, used);
		r->line += ended;
		return 0;
	}
	r->line += ended;
	if (!r->row_done)
		return 0;
	return finish_record(r, rec);
}

/* The end of the input: the last line, and a record libcsv still holds. */
static enum csvin_status read_end(struct csvin *r, struct csvrec *rec)
{
	if (r->part && (r->carry.len || r->in_record || r->skipping)) {
		r->cut = 1;
		return CSVIN_EOF;
	}
	if (r->carry.len) {
		int ended = r->carry.s[r->carry.len - 1] == '\r';
		int s = feed(r, r->carry.s, r->carry.len, ended, NULL, rec);
		buf_reset(&r->carry);
		if (s)
			return s < 0 ? CSVIN_FAIL : CSVIN_RECORD;
	}
	if (!r->in_record)
		return CSVIN_EOF;
	if (csv_fini(&r->parser, on_field, on_row, r) != 0) {
		csvin_reject(r, r->quote_line ? r->quote_line : r->rec_line,
			    "unterminated-quote",
			    "a quoted value starts here but its closing \" is "
			    "missing");
		return CSVIN_FAIL;
	}
	if (r->row_done && finish_record(r, rec))
		return CSVIN_RECORD;
	r->in_record = 0;
	return CSVIN_EOF;
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
		const unsigned char *p = r->chunk + r->pos;
		const unsigned char *end = r->chunk + r->len;
		int s;
		if (r->carry.len && r->carry.s[r->carry.len - 1] == '\r') {
			/* A CR ended the last chunk: a LF may belong to it. */
			if (*p == '\n') {
				buf_addc(&r->carry, '\n');
				r->pos++;
			}
			s = feed(r, r->carry.s, r->carry.len, 1, NULL, rec);
			buf_reset(&r->carry);
			if (s)
				return s < 0 ? CSVIN_FAIL : CSVIN_RECORD;
			continue;
		}
		struct line_facts lf;
		size_t n = line_scan((const char *)p, (size_t)(end - p), &lf);
		if (!n) {
			/* The line goes on in the next chunk. */
			buf_add(&r->carry, p, (size_t)(end - p));
			r->pos = r->len;
			if (r->carry.len > r->lim.max_record + 2) {
				long line = r->in_record ? r->rec_line : r->line;
				csvin_reject(r, line, "line-too-long",
					    "the line is longer than the limit "
					    "of %zu KiB", r->lim.max_record >> 10);
				return CSVIN_FAIL;
			}
			continue;
		}
		r->pos += n;
		if (r->carry.len) {
			buf_add(&r->carry, p, n);
			s = feed(r, r->carry.s, r->carry.len, 1, NULL, rec);
			buf_reset(&r->carry);
		} else {
			s = feed(r, (const char *)p, n, 1, &lf, rec);
		}
		if (s)
			return s < 0 ? CSVIN_FAIL : CSVIN_RECORD;
	}
	return read_end(r, rec);
}
