/* unit.h: helpers shared by the cmocka unit tests (header-only, so each
 * test_<module>.c still builds into one binary on its own). */
#ifndef PLEDGE_TEST_UNIT_H
#define PLEDGE_TEST_UNIT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/diag.h"

/* The first diagnostic with this code, or NULL. */
static inline const struct diag *diag_find(const struct diags *d,
					   const char *code)
{
	for (size_t i = 0; i < d->len; i++)
		if (strcmp(d->items[i].code, code) == 0)
			return &d->items[i];
	return NULL;
}

static inline size_t diag_count(const struct diags *d, const char *code)
{
	size_t n = 0;
	for (size_t i = 0; i < d->len; i++)
		n += strcmp(d->items[i].code, code) == 0;
	return n;
}

/* Every diagnostic as "severity code line" lines, for failure messages. */
static inline void diag_dump(const struct diags *d)
{
	for (size_t i = 0; i < d->len; i++)
		print_message("  diag: %s %s %s:%ld %s\n",
			      severity_name(d->items[i].severity),
			      d->items[i].code, d->items[i].file,
			      d->items[i].line, d->items[i].message);
}

static inline void expect_no_diags(const struct diags *d)
{
	if (d->len) {
		diag_dump(d);
		fail_msg("%zu unexpected diagnostics", d->len);
	}
}

/* Fails unless d holds a diagnostic of sev with code on line (line < 0:
 * any line); returns it. */
static inline const struct diag *expect_diag(const struct diags *d,
					     enum severity sev,
					     const char *code, long line)
{
	for (size_t i = 0; i < d->len; i++) {
		const struct diag *g = &d->items[i];
		if (g->severity == sev && strcmp(g->code, code) == 0 &&
		    (line < 0 || g->line == line))
			return g;
	}
	diag_dump(d);
	fail_msg("no %s '%s' on line %ld", severity_name(sev), code, line);
	return NULL;
}

/* Writes len bytes to a new temporary file; returns its path (free it,
 * and unlink the file, with temp_remove). */
static inline char *temp_write(const void *bytes, size_t len)
{
	const char *dir = getenv("TMPDIR");
	size_t n = strlen(dir ? dir : "/tmp") + 32;
	char *path = malloc(n);
	assert_non_null(path);
	snprintf(path, n, "%s/pledge-unit-XXXXXX", dir ? dir : "/tmp");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, bytes, len), (ssize_t)len);
	assert_int_equal(close(fd), 0);
	return path;
}

static inline char *temp_text(const char *text)
{
	return temp_write(text, strlen(text));
}

static inline void temp_remove(char *path)
{
	unlink(path);
	free(path);
}

/* A file of the repository: $PLEDGE_SRCDIR/rel, else found from this
 * test's own source path (tests/unit/x.c), else rel from the current
 * directory (make runs the tests from the top of the tree). */
static inline char *repo_file(const char *rel)
{
	const char *root = getenv("PLEDGE_SRCDIR");
	char *path;
	if (root) {
		path = malloc(strlen(root) + strlen(rel) + 2);
		assert_non_null(path);
		sprintf(path, "%s/%s", root, rel);
		return path;
	}
	const char *src = __FILE__;
	const char *cut = strstr(src, "tests/unit/");
	size_t n = cut ? (size_t)(cut - src) : 0;
	path = malloc(n + strlen(rel) + 1);
	assert_non_null(path);
	memcpy(path, src, n);
	strcpy(path + n, rel);
	if (access(path, R_OK) != 0)
		strcpy(path, rel);
	return path;
}

#endif
