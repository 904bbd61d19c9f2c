/* Unit tests for read/csvin, the parser on the caller's thread:
 * records, line numbers, encodings, quoting errors and caps (SPEC §3.4,
 * §5). Reading ahead and in parts is tested in test_records.c. */
#include "unit.h"

#include "base/buf.h"
#include "read/csvin.h"

#include <sys/resource.h>
#include <sys/wait.h>

/* A reader over bytes in memory. */
struct reader {
	FILE *fp;
	struct csvin *in;
	struct diags d;
	enum csvin_status last;
};

static void reader_open(struct reader *r, const void *bytes, size_t len,
			const struct csvin_limits *lim)
{
	diags_init(&r->d);
	r->fp = fmemopen((void *)bytes, len, "rb");
	assert_non_null(r->fp);
	r->in = csvin_open(r->fp, "t.csv", lim, &r->d);
	r->last = CSVIN_RECORD;
}

static void reader_close(struct reader *r)
{
	csvin_close(r->in);
	fclose(r->fp);
	diags_free(&r->d);
}

/* Appends s with its line breaks shown as \n and \r. */
static void add_escaped(struct buf *out, const char *s)
{
	for (; *s; s++)
		if (*s == '\n' || *s == '\r')
			buf_adds(out, *s == '\n' ? "\\n" : "\\r");
		else
			buf_addc(out, *s);
}

/* Appends one record as "LINE:field|field\n". */
static void describe(struct buf *out, const struct csvrec *rec)
{
	buf_addf(out, "%ld:", rec->line);
	for (size_t i = 0; i < rec->n; i++) {
		if (i)
			buf_addc(out, '|');
		add_escaped(out, rec->fields[i]);
	}
	buf_addc(out, '\n');
}

/* Every record left in r, described; r->last is how reading ended. */
static char *read_rest(struct reader *r)
{
	struct buf out = BUF_INIT;
	struct csvrec rec;
	while ((r->last = csvin_next(r->in, &rec)) == CSVIN_RECORD)
		describe(&out, &rec);
	return buf_detach(&out);
}

/* Reads bytes whole; fails unless the records are want and the file
 * ends as expected. Returns the diagnostics' count. */
static size_t expect_records_n(const char *bytes, size_t len,
			       const struct csvin_limits *lim,
			       enum csvin_status end, const char *want)
{
	struct reader r;
	reader_open(&r, bytes, len, lim);
	char *got = read_rest(&r);
	if (strcmp(got, want) != 0) {
		diag_dump(&r.d);
		fail_msg("records:\n%s\nwant:\n%s", got, want);
	}
	if (r.last != end) {
		diag_dump(&r.d);
		fail_msg("ended with %d, want %d", r.last, end);
	}
	size_t n = r.d.len;
	free(got);
	reader_close(&r);
	return n;
}

#define EXPECT_RECORDS(lit, want) \
	assert_int_equal(expect_records_n(lit, sizeof(lit) - 1, NULL, \
					  CSVIN_EOF, want), 0)

/* Reads bytes until the reader fails; fails unless the records before
 * are want and the error code is on line. */
static void expect_failure_n(const char *bytes, size_t len,
			     const struct csvin_limits *lim, const char *want,
			     const char *code, long line)
{
	struct reader r;
	reader_open(&r, bytes, len, lim);
	char *got = read_rest(&r);
	if (strcmp(got, want) != 0) {
		diag_dump(&r.d);
		fail_msg("records before the error:\n%s\nwant:\n%s", got, want);
	}
	if (r.last != CSVIN_FAIL) {
		diag_dump(&r.d);
		fail_msg("no failure, want %s on line %ld", code, line);
	}
	expect_diag(&r.d, SEV_ERROR, code, line);
	assert_int_equal(r.d.errors, 1);
	/* an error ends the file for good */
	struct csvrec rec;
	assert_int_equal(csvin_next(r.in, &rec), CSVIN_FAIL);
	free(got);
	reader_close(&r);
}

#define EXPECT_FAILURE(lit, want, code, line) \
	expect_failure_n(lit, sizeof(lit) - 1, NULL, want, code, line)

/* Reads bytes whole: one record is refused (code on line) and skipped,
 * and the records around it, want, are still read (SPEC §5: a bad row
 * rejects that row). */
static void expect_skipped_n(const char *bytes, size_t len,
			     const struct csvin_limits *lim, const char *want,
			     const char *code, long line)
{
	struct reader r;
	reader_open(&r, bytes, len, lim);
	char *got = read_rest(&r);
	if (strcmp(got, want) != 0) {
		diag_dump(&r.d);
		fail_msg("records:\n%s\nwant:\n%s", got, want);
	}
	if (r.last != CSVIN_EOF) {
		diag_dump(&r.d);
		fail_msg("reading stopped at the bad row (%s)", code);
	}
	expect_diag(&r.d, SEV_ERROR, code, line);
	assert_int_equal(r.d.len, 1);
	free(got);
	reader_close(&r);
}

#define EXPECT_SKIPPED(lit, want, code, line) \
	expect_skipped_n(lit, sizeof(lit) - 1, NULL, want, code, line)

static void lines_with_lf_crlf_and_cr(void **state)
{
	EXPECT_RECORDS("a,b\nc,d\n", "1:a|b\n2:c|d\n");
	EXPECT_RECORDS("a,b\r\nc,d\r\n", "1:a|b\n2:c|d\n");
	EXPECT_RECORDS("a\rb\rc", "1:a\n2:b\n3:c\n");
	EXPECT_RECORDS("a\r\nb\nc\rd\n\re", "1:a\n2:b\n3:c\n4:d\n6:e\n");
	EXPECT_RECORDS("no,newline,at,end", "1:no|newline|at|end\n");
	EXPECT_RECORDS("x\n", "1:x\n");
}

static void blank_lines_are_skipped_but_counted(void **state)
{
	EXPECT_RECORDS("a\n\n\nb\n  \nc\n", "1:a\n4:b\n6:c\n");
	EXPECT_RECORDS("\r\n\r\na\r\n \t \r\n\r\nb\r\n", "3:a\n6:b\n");
	EXPECT_RECORDS("\n\n\n", "");
	EXPECT_RECORDS("", "");
	/* a line of empty fields is a record (table skips it) */
	EXPECT_RECORDS("a\n,,\n", "1:a\n2:||\n");
}

static void quoted_value_spans_lines(void **state)
{
	EXPECT_RECORDS("h\n\"x\ny\",z\nnext\n", "1:h\n2:x\\ny|z\n4:next\n");
	EXPECT_RECORDS("\"a\r\nb\r\nc\",d\r\ne\r\n",
		       "1:a\\r\\nb\\r\\nc|d\n4:e\n");
	EXPECT_RECORDS("\"a\rb\",c\rd", "1:a\\rb|c\n3:d\n");
	EXPECT_RECORDS("h,\"\n\n\",t\nx\n", "1:h|\\n\\n|t\n4:x\n");
}

static void quoting_undone(void **state)
{
	EXPECT_RECORDS("\"a,b\",\"say \"\"hi\"\"\",\"\",plain\n",
		       "1:a,b|say \"hi\"||plain\n");
	EXPECT_RECORDS("\"quoted\" ,next\n", "1:quoted|next\n");
	EXPECT_RECORDS("  \"lead\",x\n", "1:lead|x\n");
}

static void bom_is_skipped(void **state)
{
	EXPECT_RECORDS("\xEF\xBB\xBFmetric,value\nx,1\n",
		       "1:metric|value\n2:x|1\n");
	EXPECT_RECORDS("\xEF\xBB\xBF\"metric\",value\n", "1:metric|value\n");
}

static void utf16_is_refused(void **state)
{
	EXPECT_FAILURE("\xFF\xFEm\0e\0t\0", "", "utf-16", 1);
	EXPECT_FAILURE("\xFE\xFF\0m\0e\0t", "", "utf-16", 1);
}

static void nul_byte_is_refused_with_its_line(void **state)
{
	EXPECT_FAILURE("a,b\nc,d\ne\0f\ng\n", "1:a|b\n2:c|d\n", "nul-byte", 3);
	EXPECT_FAILURE("a\r\n\"q\nq\0\"\n", "1:a\n", "nul-byte", 3);
}

#define POUND "\xC2\xA3"
#define RSQUO "\xE2\x80\x99"

static void windows_1252_is_converted_once(void **state)
{
	static const char bytes[] =
		"name,amount\n"
		"A,\xA3" "5\n"
		"B,it\x92s\n"
		"C,caf\xE9\n";
	struct reader r;
	reader_open(&r, bytes, sizeof(bytes) - 1, NULL);
	char *got = read_rest(&r);
	assert_string_equal(got, "1:name|amount\n2:A|" POUND "5\n"
				 "3:B|it" RSQUO "s\n4:C|caf\xC3\xA9\n");
	assert_int_equal(r.last, CSVIN_EOF);
	assert_true(csvin_is_cp1252(r.in));
	assert_int_equal(diag_count(&r.d, "windows-1252"), 1);
	expect_diag(&r.d, SEV_WARNING, "windows-1252", 2);
	assert_int_equal(r.d.errors, 0);
	free(got);
	reader_close(&r);
}

static void utf8_is_not_flagged(void **state)
{
	static const char bytes[] = "name\nT\xC5\xB7 Glas " POUND "\n";
	struct reader r;
	reader_open(&r, bytes, sizeof(bytes) - 1, NULL);
	char *got = read_rest(&r);
	assert_string_equal(got, "1:name\n2:T\xC5\xB7 Glas " POUND "\n");
	assert_false(csvin_is_cp1252(r.in));
	expect_no_diags(&r.d);
	free(got);
	reader_close(&r);
}

static void undefined_byte_is_bad_encoding(void **state)
{
	/* 0x81 is a character in neither UTF-8 nor Windows-1252 */
	EXPECT_FAILURE("a,b\nc,\x81\n", "1:a|b\n", "bad-encoding", 2);
}

static void mixed_encodings_are_refused(void **state)
{
	EXPECT_FAILURE("caf\xC3\xA9\nok\nprice \xA3" "5\n",
		       "1:caf\xC3\xA9\n2:ok\n", "mixed-encoding", 3);
	/* and the other way round: 1252 first, then UTF-8 */
	struct reader r;
	static const char bytes[] = "\xA3" "5\n" POUND "5\n";
	reader_open(&r, bytes, sizeof(bytes) - 1, NULL);
	char *got = read_rest(&r);
	assert_string_equal(got, "1:" POUND "5\n");
	assert_int_equal(r.last, CSVIN_FAIL);
	expect_diag(&r.d, SEV_ERROR, "mixed-encoding", 2);
	free(got);
	reader_close(&r);
}

static void unterminated_quote_names_its_opening_line(void **state)
{
	EXPECT_FAILURE("a,b\nc,\"open\nmore\nlines\n", "1:a|b\n",
		       "unterminated-quote", 2);
	EXPECT_FAILURE("a\r\n\r\n\"x", "1:a\n", "unterminated-quote", 3);
}

static void stray_quote_skips_its_row(void **state)
{
	EXPECT_SKIPPED("a,b\"c\nnext\n", "2:next\n", "stray-quote", 1);
	EXPECT_SKIPPED("x\ny\n5 \"big\" homes,1\nz\n", "1:x\n2:y\n4:z\n",
		       "stray-quote", 3);
	/* the skipped row's own quoted line break still counts */
	EXPECT_SKIPPED("x\"y,\"a\nb\"\nnext\n", "3:next\n", "stray-quote", 1);
}

static void text_after_quote_skips_its_row(void **state)
{
	EXPECT_SKIPPED("\"ab\"c,d\ne,f\n", "2:e|f\n", "text-after-quote", 1);
	EXPECT_SKIPPED("h\n\"a\nb\" x\nlast", "1:h\n4:last\n",
		       "text-after-quote", 3);
	EXPECT_SKIPPED("\"a\"b,\"c\nd\"\ne\n", "3:e\n", "text-after-quote",
		       1);
}

static void semicolon_delimiter_is_detected(void **state)
{
	EXPECT_RECORDS("metric;value;note\nx;1;n\n",
		       "1:metric|value|note\n2:x|1|n\n");
	struct reader r;
	static const char bytes[] = "metric;value\nx;1,5\n";
	reader_open(&r, bytes, sizeof(bytes) - 1, NULL);
	struct csvrec rec;
	assert_int_equal(csvin_next(r.in, &rec), CSVIN_RECORD);
	assert_int_equal(rec.delim, ';');
	csvin_lock_delim(r.in, rec.delim);
	char *got = read_rest(&r);
	assert_string_equal(got, "2:x|1,5\n"); /* a decimal comma kept */
	free(got);
	reader_close(&r);
}

static void locked_comma_keeps_semicolons(void **state)
{
	struct reader r;
	static const char bytes[] = "a,b\nx;y;z,w\n";
	reader_open(&r, bytes, sizeof(bytes) - 1, NULL);
	struct csvrec rec;
	assert_int_equal(csvin_next(r.in, &rec), CSVIN_RECORD);
	assert_int_equal(rec.delim, ',');
	csvin_lock_delim(r.in, ',');
	char *got = read_rest(&r);
	assert_string_equal(got, "2:x;y;z|w\n");
	free(got);
	reader_close(&r);
}

static struct csvin_limits small_limits(void)
{
	struct csvin_limits lim = csvin_default_limits;
	lim.max_field = 8;
	lim.max_record = 32;
	lim.max_fields = 4;
	return lim;
}

static void field_cap(void **state)
{
	struct csvin_limits lim = small_limits();
	static const char fits[] = "12345678,a\n";
	assert_int_equal(expect_records_n(fits, sizeof(fits) - 1, &lim,
					  CSVIN_EOF, "1:12345678|a\n"), 0);
	static const char over[] = "ok\nshort,123456789\nafter\n";
	expect_skipped_n(over, sizeof(over) - 1, &lim, "1:ok\n3:after\n",
			 "field-too-long", 2);
}

static void record_cap(void **state)
{
	struct csvin_limits lim = small_limits();
	static const char over[] =
		"a,b\n\nabcdefghijklmnopqrstuvwxyz0123456789\n";
	expect_failure_n(over, sizeof(over) - 1, &lim, "1:a|b\n",
			 "line-too-long", 3);
	/* a quote that runs on past the cap names where it opened */
	static const char open[] =
		"a\n\"never closed\nmore text here\nand more text here\n";
	expect_failure_n(open, sizeof(open) - 1, &lim, "1:a\n",
			 "unterminated-quote", 2);
}

static void column_cap(void **state)
{
	struct csvin_limits lim = small_limits();
	static const char fits[] = "a,b,c,d\n";
	assert_int_equal(expect_records_n(fits, sizeof(fits) - 1, &lim,
					  CSVIN_EOF, "1:a|b|c|d\n"), 0);
	static const char over[] = "a\nb,c,d,e,f\ng\n";
	expect_skipped_n(over, sizeof(over) - 1, &lim, "1:a\n3:g\n",
			 "too-many-columns", 2);
}

static void file_cap(void **state)
{
	struct csvin_limits lim = csvin_default_limits;
	lim.max_file = 16;
	static const char over[] = "a,b\nc,d\ne,f\ng,h\ni,j\n";
	struct reader r;
	reader_open(&r, over, sizeof(over) - 1, &lim);
	char *got = read_rest(&r);
	assert_int_equal(r.last, CSVIN_FAIL);
	expect_diag(&r.d, SEV_ERROR, "file-too-large", -1);
	free(got);
	reader_close(&r);
}

/* A big file: records of varied length, some with a quoted value over
 * two lines, ended by eol; returns the expected description. */
static char *big_file(struct buf *file, const char *eol, size_t records)
{
	struct buf want = BUF_INIT;
	long line = 1;
	for (size_t i = 1; i <= records; i++) {
		buf_addf(file, "HX%zu,", i);
		buf_addf(&want, "%ld:HX%zu|", line, i);
		for (size_t k = 0; k < i % 37; k++) {
			buf_addc(file, 'x');
			buf_addc(&want, 'x');
		}
		if (i % 97 == 0) {
			buf_addf(file, ",\"note%sline two\"", eol);
			buf_adds(&want, "|note");
			add_escaped(&want, eol);
			buf_adds(&want, "line two");
			line++;
		}
		buf_adds(file, eol);
		buf_addc(&want, '\n');
		line++;
	}
	return buf_detach(&want);
}

static void check_big_file(const char *eol)
{
	struct buf file = BUF_INIT;
	size_t records = 20000;
	char *want = big_file(&file, eol, records);
	assert_true(file.len > 200 * 1024);
	struct reader r;
	reader_open(&r, file.s, file.len, NULL);
	struct buf got = BUF_INIT;
	struct csvrec rec, last;
	size_t n = 0;
	while (csvin_next(r.in, &rec) == CSVIN_RECORD) {
		describe(&got, &rec);
		last = rec;
		n++;
	}
	expect_no_diags(&r.d);
	assert_int_equal(n, records);
	/* records / 97 of them took two lines */
	assert_int_equal(last.line, (long)(records + records / 97));
	if (strcmp(got.s, want) != 0) {
		size_t i = 0;
		while (got.s[i] == want[i])
			i++;
		while (i > 0 && want[i - 1] != '\n')
			i--;
		fail_msg("first difference at record:\n%.60s\nwant:\n%.60s",
			 got.s + i, want + i);
	}
	buf_free(&got);
	buf_free(&file);
	free(want);
	reader_close(&r);
}

static void big_file_in_chunks_lf(void **state)
{
	check_big_file("\n");
}

static void big_file_in_chunks_crlf(void **state)
{
	check_big_file("\r\n");
}

static void big_file_in_chunks_cr(void **state)
{
	check_big_file("\r");
}

/* A CRLF split across the 64 KiB chunk boundary counts as one line
 * end, wherever the boundary falls. */
static void crlf_across_chunk_boundary(void **state)
{
	const size_t chunk = 64 * 1024;
	for (size_t shift = 0; shift < 4; shift++) {
		/* lines of "x,y", then a line of z ending in the CR that
		 * is the last byte of a chunk (less shift) */
		size_t cr_at = chunk - 1 - shift;
		struct buf file = BUF_INIT;
		while (file.len + 10 < cr_at)
			buf_adds(&file, "x,y\r\n");
		long lines = (long)(file.len / 5);
		while (file.len < cr_at)
			buf_addc(&file, 'z');
		buf_adds(&file, "\r\n\"q\r\nq\"\r\nend\r\n");
		struct reader r;
		reader_open(&r, file.s, file.len, NULL);
		struct csvrec rec;
		long quoted = 0, end = 0;
		while (csvin_next(r.in, &rec) == CSVIN_RECORD) {
			if (!strcmp(rec.fields[0], "q\r\nq"))
				quoted = rec.line;
			if (!strcmp(rec.fields[0], "end"))
				end = rec.line;
		}
		expect_no_diags(&r.d);
		assert_int_equal(quoted, lines + 2);
		assert_int_equal(end, lines + 4);
		reader_close(&r);
		buf_free(&file);
	}
}

/* Writes to fd an opening quote and then 256 MiB of lines of a value
 * that does not end, or until the reader goes away. */
static void endless_value(int fd)
{
	char line[4096];
	memset(line, 'a', sizeof(line));
	line[sizeof(line) - 1] = '\n';
	if (write(fd, "\"", 1) != 1)
		_exit(0);
	for (int i = 0; i < (256 << 20) / (int)sizeof(line); i++)
		if (write(fd, line, sizeof(line)) <= 0)
			break;
	_exit(0);
}

/* Running out of memory inside the parser ends the program with status
 * 2, as every allocation does, instead of reading as a bad quote. */
/* AddressSanitizer and ThreadSanitizer reserve terabytes of address
 * space up front, so a limit on it cannot be set under them: there the
 * test is skipped (it runs in every plain build). */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define UNDER_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define UNDER_SANITIZER 1
#endif
#endif

static void out_of_memory_in_the_parser_exits_2(void **state)
{
#ifdef UNDER_SANITIZER
	skip();
#endif
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int fd[2];
		if (pipe(fd) < 0)
			_exit(3);
		if (fork() == 0) {
			close(fd[0]);
			endless_value(fd[1]);
		}
		close(fd[1]);
		alarm(60);
		if (!freopen("/dev/null", "w", stderr))
			_exit(3);
		long pages = 0;
		FILE *statm = fopen("/proc/self/statm", "r");
		if (!statm || fscanf(statm, "%ld", &pages) != 1)
			_exit(3);
		fclose(statm);
		rlim_t room = (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE) +
			      (48 << 20);
		struct rlimit rl = { room, room };
		if (setrlimit(RLIMIT_AS, &rl) < 0)
			_exit(3);
		struct csvin_limits lim = { .max_file = ~0ULL,
					    .max_record = (size_t)-1 / 4,
					    .max_field = (size_t)-1 / 4,
					    .max_fields = 4096 };
		struct diags d;
		diags_init(&d);
		struct csvin *in = csvin_open(fdopen(fd[0], "rb"), "t.csv",
					      &lim, &d);
		struct csvrec rec;
		while (csvin_next(in, &rec) == CSVIN_RECORD)
			;
		_exit(0);
	}
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lines_with_lf_crlf_and_cr),
		cmocka_unit_test(blank_lines_are_skipped_but_counted),
		cmocka_unit_test(quoted_value_spans_lines),
		cmocka_unit_test(quoting_undone),
		cmocka_unit_test(bom_is_skipped),
		cmocka_unit_test(utf16_is_refused),
		cmocka_unit_test(nul_byte_is_refused_with_its_line),
		cmocka_unit_test(windows_1252_is_converted_once),
		cmocka_unit_test(utf8_is_not_flagged),
		cmocka_unit_test(undefined_byte_is_bad_encoding),
		cmocka_unit_test(mixed_encodings_are_refused),
		cmocka_unit_test(unterminated_quote_names_its_opening_line),
		cmocka_unit_test(stray_quote_skips_its_row),
		cmocka_unit_test(text_after_quote_skips_its_row),
		cmocka_unit_test(semicolon_delimiter_is_detected),
		cmocka_unit_test(locked_comma_keeps_semicolons),
		cmocka_unit_test(field_cap),
		cmocka_unit_test(record_cap),
		cmocka_unit_test(column_cap),
		cmocka_unit_test(file_cap),
		cmocka_unit_test(big_file_in_chunks_lf),
		cmocka_unit_test(big_file_in_chunks_crlf),
		cmocka_unit_test(big_file_in_chunks_cr),
		cmocka_unit_test(crlf_across_chunk_boundary),
		cmocka_unit_test(out_of_memory_in_the_parser_exits_2),
	};
	return cmocka_run_group_tests_name("csvin", tests, NULL, NULL);
}
