/* shell.h: running a command from a unit test and checking what it
 * printed (pdftotext, pdfinfo, qpdf...). */
#ifndef PLEDGE_TEST_SHELL_H
#define PLEDGE_TEST_SHELL_H

#include <stdarg.h>
#include <stdio.h>

#include "unit.h"
#include "base/buf.h"

/* What a command printed, and how it ended. */
struct ran {
	int status;
	struct buf out, err;
};

static inline void read_all(FILE *fp, struct buf *b)
{
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(b, chunk, n);
}

/* Runs a shell command, keeping its standard output and error apart. */
static inline void run(struct ran *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static inline void run(struct ran *r, const char *fmt, ...)
{
	buf_init(&r->out);
	buf_init(&r->err);
	char *errpath = temp_text("");
	struct buf cmd = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	char line[1024];
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	buf_addf(&cmd, "%s 2>%s", line, errpath);
	FILE *fp = popen(cmd.s, "r");
	assert_non_null(fp);
	read_all(fp, &r->out);
	r->status = pclose(fp);
	FILE *ef = fopen(errpath, "rb");
	assert_non_null(ef);
	read_all(ef, &r->err);
	fclose(ef);
	temp_remove(errpath);
	buf_free(&cmd);
}

static inline void ran_free(struct ran *r)
{
	buf_free(&r->out);
	buf_free(&r->err);
}

/* Fails unless the command exits 0 and prints nothing on stderr. */
static inline void expect_quiet(struct ran *r, const char *what)
{
	if (r->err.len)
		fail_msg("%s warned: %s", what, r->err.s);
	if (!WIFEXITED(r->status) || WEXITSTATUS(r->status) != 0)
		fail_msg("%s failed (status %d): %s", what, r->status,
			 r->out.s);
}

static inline void expect_in(const char *text, const char *want,
			     const char *what)
{
	if (!text || !want)
		fail_msg("%s: no text", what);
	else if (!strstr(text, want))
		fail_msg("%s lacks \"%s\":\n%s", what, want, text);
}

static inline void expect_not_in(const char *text, const char *unwanted,
				 const char *what)
{
	if (text && strstr(text, unwanted))
		fail_msg("%s has \"%s\":\n%s", what, unwanted, text);
}

#endif
