/* Unit tests for read/records: every way of reading a file (here, ahead
 * on a second thread, in parts on several) gives what the bare parser
 * gives, and PLEDGE_JOBS=1 keeps reading on the calling thread (SPEC
 * §5). */
#include "unit.h"

#include "base/buf.h"
#include "read/csvin.h"
#include "read/records.h"

/* A reader over bytes in memory or a file: the bare parser, or the
 * records layer over it. */
struct reader {
	FILE *fp;
	struct csvin *in;
	struct records *rs;
	struct diags d;
	enum csvin_status last;
};

static void reader_start(struct reader *r, const struct csvin_limits *lim,
			 int layered)
{
	r->in = NULL;
	r->rs = NULL;
	if (layered)
		r->rs = records_open(r->fp, "t.csv", lim, &r->d);
	else
		r->in = csvin_open(r->fp, "t.csv", lim, &r->d);
	assert_true(r->in || r->rs);
	r->last = CSVIN_RECORD;
}

static void reader_open(struct reader *r, const void *bytes, size_t len,
			const struct csvin_limits *lim, int layered)
{
	diags_init(&r->d);
	r->fp = fmemopen((void *)bytes, len, "rb");
	assert_non_null(r->fp);
	reader_start(r, lim, layered);
}

/* A reader of the file at path, from its start or, with skip_line, from
 * after a first line something else has read (as of standard input). */
static void reader_open_file(struct reader *r, const char *path,
			     const struct csvin_limits *lim, int skip_line,
			     int layered)
{
	diags_init(&r->d);
	r->fp = fopen(path, "rb");
	assert_non_null(r->fp);
	char line[64];
	if (skip_line)
		assert_non_null(fgets(line, sizeof(line), r->fp));
	reader_start(r, lim, layered);
}

static enum csvin_status reader_next(struct reader *r, struct csvrec *rec)
{
	return r->rs ? records_next(r->rs, rec) : csvin_next(r->in, rec);
}

static void reader_lock(struct reader *r, char delim)
{
	if (r->rs)
		records_lock_delim(r->rs, delim);
	else
		csvin_lock_delim(r->in, delim);
}

static int reader_cp1252(const struct reader *r)
{
	return r->rs ? records_is_cp1252(r->rs) : csvin_is_cp1252(r->in);
}

static void reader_close(struct reader *r)
{
	records_close(r->rs);
	csvin_close(r->in);
	fclose(r->fp);
	diags_free(&r->d);
}

/* Appends one record as "LINE:field|field\n", line breaks shown as \n
 * and \r. */
static void describe(struct buf *out, const struct csvrec *rec)
{
	buf_addf(out, "%ld:", rec->line);
	for (size_t i = 0; i < rec->n; i++) {
		if (i)
			buf_addc(out, '|');
		for (const char *s = rec->fields[i]; *s; s++)
			if (*s == '\n' || *s == '\r')
				buf_adds(out, *s == '\n' ? "\\n" : "\\r");
			else
				buf_addc(out, *s);
	}
	buf_addc(out, '\n');
}

/* Reads the rest of r, locking the delimiter after the first record as a
 * table does, and describes everything a caller sees: records, whether
 * the file reads as Windows-1252 at each, the diagnostics (with where
 * they fell among the records) and how it ended. */
static char *read_seen(struct reader *r)
{
	struct buf out = BUF_INIT;
	struct csvrec rec;
	size_t shown = 0;
	for (int first = 1;; first = 0) {
		r->last = reader_next(r, &rec);
		for (; shown < r->d.len; shown++)
			buf_addf(&out, "diag %s %ld %s\n", r->d.items[shown].code,
				 r->d.items[shown].line,
				 r->d.items[shown].message);
		if (r->last != CSVIN_RECORD)
			break;
		buf_addf(&out, "%d ", reader_cp1252(r));
		describe(&out, &rec);
		if (first)
			reader_lock(r, rec.delim);
	}
	buf_addf(&out, "end %d, %zu errors %zu warnings\n", r->last,
		 r->d.errors, r->d.warnings);
	return buf_detach(&out);
}

/* The ways of reading a file that must agree. */
enum way {
	BARE,       /* csvin alone, on the caller's thread */
	HERE,       /* records without lim.read_ahead */
	AHEAD,      /* records reading ahead (a file in memory) */
	PARTS,      /* records reading in parts of part_bytes (a real file) */
	ONE_JOB,    /* as PARTS, but with PLEDGE_JOBS=1: here */
	WAYS
};

static const char *const way_name[WAYS] = {
	"with csvin alone", "with records here", "ahead", "in parts",
	"with PLEDGE_JOBS=1",
};

/* Reads bytes, locking the delimiter after the first record as a table
 * does, and describes everything a caller sees (read_seen), the way
 * given. */
static char *read_all_seen(const char *bytes, size_t len, enum way way,
			   size_t part_bytes)
{
	struct csvin_limits lim = csvin_default_limits;
	lim.read_ahead = way >= AHEAD;
	lim.part_bytes = part_bytes;
	struct reader r;
	char *path = way >= PARTS ? temp_write(bytes, len) : NULL;
	if (way == ONE_JOB)
		setenv("PLEDGE_JOBS", "1", 1);
	if (path)
		reader_open_file(&r, path, &lim, 0, 1);
	else
		reader_open(&r, bytes, len, &lim, way != BARE);
	char *seen = read_seen(&r);
	reader_close(&r);
	setenv("PLEDGE_JOBS", "2", 1);
	if (path)
		temp_remove(path);
	return seen;
}

/* Fails unless reading bytes every other way gives what the bare parser
 * gives on the caller's thread; returns that. */
static char *same_every_way(const char *bytes, size_t len, const char *what)
{
	char *bare = read_all_seen(bytes, len, BARE, 0);
	static const size_t sizes[] = { 0, 64, 200, 4096 };
	for (int way = HERE; way < WAYS; way++) {
		for (size_t i = 0; i < (way >= PARTS ? 4u : 1u); i++) {
			char *other = read_all_seen(bytes, len, way, sizes[i]);
			if (strcmp(bare, other) == 0) {
				free(other);
				continue;
			}
			FILE *a = fopen("/tmp/csvin-here.txt", "w");
			FILE *b = fopen("/tmp/csvin-other.txt", "w");
			fputs(bare, a);
			fputs(other, b);
			fclose(a);
			fclose(b);
			fail_msg("%s: reading %s differs (diff "
				 "/tmp/csvin-here.txt /tmp/csvin-other.txt)",
				 what, way_name[way]);
		}
	}
	return bare;
}

/* A file of many batches with something of everything in it, ending as
 * ending says. */
static char *busy_file(const char *ending, size_t *len)
{
	struct buf b = BUF_INIT;
	buf_adds(&b, "period,org_id,metric,value,note\n");
	for (int i = 0; i < 30000; i++) {
		if (i % 997 == 5)
			buf_addf(&b, "2026-Q1,HX%d,pay,1\"2,stray\n", i);
		else if (i % 1999 == 7)
			buf_addf(&b, "2026-Q1,HX%d,pay,\"12\nand more\",x\n", i);
		else if (i % 3001 == 11)
			buf_adds(&b, "\r\n  \n");
		else if (i == 25000)
			buf_adds(&b, "2026-Q1,HX9,pay,3,caf\xE9\n");
		else
			buf_addf(&b, "2026-Q1,HX%d,staff,%d,\"a, b\"\r\n", i,
				 i * 7);
	}
	buf_add(&b, ending, *len);
	*len = b.len;
	return buf_detach(&b);
}

/* SPEC §5, same result however read: with lim.read_ahead the records
 * come from a second thread, and everything the caller sees must be as
 * when the file is read on the caller's own thread. */
static void read_ahead_gives_what_reading_here_gives(void **state)
{
	static const char endings[][24] = {
		"2026-Q1,HX1,pay,4,last\n", "2026-Q1,HX1,pay,4,no end",
		"2026-Q1,HX1,pay,\"open\n", "2026-Q1,HX1\0,pay\n",
	};
	for (size_t k = 0; k < sizeof(endings) / sizeof(*endings); k++) {
		/* the last ending has a NUL byte: its length is its own */
		size_t len = k == 3 ? 17 : strlen(endings[k]);
		char *bytes = busy_file(endings[k], &len);
		char what[40];
		snprintf(what, sizeof(what), "ending %zu", k);
		char *here = same_every_way(bytes, len, what);
		assert_non_null(strstr(here, "stray-quote"));
		assert_non_null(strstr(here, "windows-1252"));
		if (k >= 2)
			assert_non_null(strstr(here, k == 2 ? "unterminated-quote"
							   : "nul-byte"));
		free(here);
		free(bytes);
	}
}

/* Parts are cut at line ends, which may fall inside a quoted value, in
 * the lines a bad row is skipped over, or before the first character
 * that tells the encoding: each must read as the whole file does. */
static void parts_read_as_the_whole_file(void **state)
{
	static const char *const files[] = {
		/* quoted values with line breaks everywhere */
		"a,b\n1,\"x\ny\nz\"\n2,\"p\r\nq\"\n3,\"\n\n\n\"\n",
		/* a stray quote, then a quoted value opened in the rest */
		"a,b\n1,x\"y,\"z\nw\nv\"\n2,ok\n3,\"s\"t\nu\"\n4,end\n",
		/* UTF-8 found late, then a byte that is not */
		"a,b\n1,x\n2,y\n3,T\xC5\xB7 Glas\n4,z\n5,caf\xE9\n6,w\n",
		/* Windows-1252 found late, then UTF-8 */
		"a,b\n1,x\n2,caf\xE9\n3,y\n4,T\xC5\xB7\n5,w\n",
		/* Windows-1252 throughout */
		"a,b\n1,caf\xE9\n2,x\n3,na\xEFve\n4,y\n5,\xA3" "5\n",
		/* CR line ends, blank lines and an open quote at the end */
		"a,b\r1,x\r\r2,y\r\n\r\n3,\"z\r4,w\r",
	};
	for (size_t k = 0; k < sizeof(files) / sizeof(*files); k++) {
		/* long enough to be read in parts: each row 40 times over */
		struct buf b = BUF_INIT;
		const char *body = strchr(files[k], '\n');
		const char *cr = strchr(files[k], '\r');
		if (!body || (cr && cr < body))
			body = cr;
		body++;
		buf_add(&b, files[k], (size_t)(body - files[k]));
		for (int i = 0; i < 40; i++)
			buf_adds(&b, body);
		char what[40];
		snprintf(what, sizeof(what), "file %zu", k);
		free(same_every_way(b.s, b.len, what));
		buf_free(&b);
	}
}

/* Standard input may be a file something else has read the start of:
 * its parts are where the reader is in the file, not counted from 0. */
static void parts_start_where_the_reader_is(void **state)
{
	size_t len = 0;
	char *bytes = busy_file("", &len);
	char *want = read_all_seen(bytes, len, BARE, 0);
	struct buf file = BUF_INIT;
	buf_adds(&file, "read by someone else first\n");
	buf_add(&file, bytes, len);
	char *path = temp_write(file.s, file.len);
	buf_free(&file);
	struct csvin_limits lim = csvin_default_limits;
	lim.part_bytes = 4096;
	struct reader r;
	reader_open_file(&r, path, &lim, 1, 1);
	char *seen = read_seen(&r);
	reader_close(&r);
	temp_remove(path);
	assert_string_equal(seen, want);
	free(seen);
	free(want);
	free(bytes);
}

/* A caller may stop reading at any record; the thread is stopped. */
static void read_ahead_stops_when_the_caller_does(void **state)
{
	size_t len = 0;
	char *bytes = busy_file("", &len);
	for (int stop_after = 1; stop_after < 20000; stop_after *= 7) {
		struct reader r;
		reader_open(&r, bytes, len, NULL, 1);
		struct csvrec rec;
		assert_int_equal(reader_next(&r, &rec), CSVIN_RECORD);
		reader_lock(&r, rec.delim);
		for (int i = 0; i < stop_after; i++)
			assert_int_equal(reader_next(&r, &rec), CSVIN_RECORD);
		assert_true(rec.line > stop_after);
		reader_close(&r);
	}
	free(bytes);
}


/* The threads of this process, as the kernel counts them. */
static int threads_now(void)
{
	FILE *fp = fopen("/proc/self/status", "r");
	assert_non_null(fp);
	char line[256];
	int n = -1;
	while (fgets(line, sizeof(line), fp))
		if (sscanf(line, "Threads: %d", &n) == 1)
			break;
	fclose(fp);
	return n;
}

/* The threads running once the delimiter of bytes is locked, read from
 * memory or (file) from a file, with PLEDGE_JOBS=jobs; the rest read
 * after. */
static int threads_reading(const char *bytes, size_t len, int file,
			   const char *jobs)
{
	setenv("PLEDGE_JOBS", jobs, 1);
	struct csvin_limits lim = csvin_default_limits;
	lim.part_bytes = 4096;
	struct reader r;
	char *path = file ? temp_write(bytes, len) : NULL;
	if (path)
		reader_open_file(&r, path, &lim, 0, 1);
	else
		reader_open(&r, bytes, len, &lim, 1);
	struct csvrec rec;
	assert_int_equal(reader_next(&r, &rec), CSVIN_RECORD);
	reader_lock(&r, rec.delim);
	int n = threads_now();
	while (reader_next(&r, &rec) == CSVIN_RECORD)
		;
	reader_close(&r);
	setenv("PLEDGE_JOBS", "2", 1);
	if (path)
		temp_remove(path);
	return n;
}

/* PLEDGE_JOBS=1 reads on the calling thread alone; with more, a large
 * file is read in parts and anything else ahead, on other threads; a
 * file smaller than a part is read here; closing stops them all. */
static void threads_only_when_jobs_allow(void **state)
{
	size_t len = 0;
	char *bytes = busy_file("", &len);
	int before = threads_now();
	assert_int_equal(threads_reading(bytes, len, 0, "1"), before);
	assert_int_equal(threads_reading(bytes, len, 1, "1"), before);
	assert_true(threads_reading(bytes, len, 0, "2") > before);
	assert_true(threads_reading(bytes, len, 1, "2") > before);
	assert_int_equal(threads_reading(bytes, 3000, 1, "2"), before);
	assert_int_equal(threads_now(), before);
	free(bytes);
}

int main(void)
{
	/* same_every_way reads ahead and in parts, whatever the machine or
	 * the caller's PLEDGE_JOBS */
	setenv("PLEDGE_JOBS", "2", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(read_ahead_gives_what_reading_here_gives),
		cmocka_unit_test(read_ahead_stops_when_the_caller_does),
		cmocka_unit_test(parts_read_as_the_whole_file),
		cmocka_unit_test(parts_start_where_the_reader_is),
		cmocka_unit_test(threads_only_when_jobs_allow),
	};
	return cmocka_run_group_tests_name("records", tests, NULL, NULL);
}
