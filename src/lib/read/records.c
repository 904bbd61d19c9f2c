#include "records.h"
#include "ahead.h"
#include "csvin_part.h"
#include "parts.h"
#include "../base/jobs.h"
#include "../base/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The caller reads this while a worker writes the csvin: it fills whole
 * cache lines of its own, so the two never share one (see ahead.c). */
#define LINE 64

struct records {
	_Alignas(LINE) struct csvin *in;
	FILE *fp;
	struct diags *d;        /* the caller's */
	struct parts *parts;    /* reading in parts on several threads, */
	struct ahead *ahead;    /* or ahead on one, or both NULL (here) */
	int ahead_cp1252;       /* as the file was when ahead started */
	int failed;             /* csvin_next has failed */
};

struct records *records_open(FILE *fp, const char *name,
			     const struct csvin_limits *lim, struct diags *d)
{
	struct records *rs = aligned_alloc(LINE, sizeof(*rs));
	if (!rs)
		xalloc_die();
	memset(rs, 0, sizeof(*rs));
	rs->in = csvin_open(fp, name, lim, d);
	rs->fp = fp;
	rs->d = d;
	return rs;
}

void records_close(struct records *rs)
{
	if (!rs)
		return;
	parts_stop(rs->parts);
	ahead_stop(rs->ahead);
	csvin_set_diags(rs->in, rs->d);
	csvin_close(rs->in);
	free(rs);
}

enum csvin_status records_next(struct records *rs, struct csvrec *rec)
{
	if (rs->parts)
		return parts_next(rs->parts, rec, rs->d);
	if (rs->ahead)
		return ahead_next(rs->ahead, rec, rs->d);
	enum csvin_status s = csvin_next(rs->in, rec);
	if (s == CSVIN_FAIL)
		rs->failed = 1;
	return s;
}

/* The worker's reading: csvin's, with the worker's diagnostics. */
static enum csvin_status read_for_ahead(void *src, struct csvrec *rec,
					struct diags *d, int *cp1252)
{
	struct csvin *in = src;
	csvin_set_diags(in, d);
	enum csvin_status s = csvin_next(in, rec);
	*cp1252 = csvin_is_cp1252(in);
	return s;
}

/* Reads the rest on other threads, unless PLEDGE_JOBS=1 or it is a
 * regular file with less than a part left (a thread is worth starting
 * for a large file only; a regular file's size is known, a pipe's is
 * not). */
static void start_workers(struct records *rs)
{
	struct stat st;
	int fd = rs->fp ? fileno(rs->fp) : -1;
	long long from = csvin_offset(rs->in);
	int regular = fd >= 0 && from >= 0 && fstat(fd, &st) == 0 &&
		      S_ISREG(st.st_mode);
	if (regular &&
	    st.st_size - from < (long long)csvin_part_bytes(rs->in))
		return;
	if (jobs_count() < 2)
		return;
	rs->ahead_cp1252 = csvin_is_cp1252(rs->in);
	if (regular)
		rs->parts = parts_start(rs->in, fd, from, st.st_size);
	if (!rs->parts)
		rs->ahead = ahead_start(read_for_ahead, rs->in);
}

void records_lock_delim(struct records *rs, char delim)
{
	if (rs->ahead || rs->parts)
		return;
	csvin_lock_delim(rs->in, delim);
	if (csvin_limits_of(rs->in)->read_ahead && !rs->failed)
		start_workers(rs);
}

int records_is_cp1252(const struct records *rs)
{
	if (rs->parts)
		return parts_is_cp1252(rs->parts);
	if (rs->ahead)
		return ahead_flag(rs->ahead) || rs->ahead_cp1252;
	return csvin_is_cp1252(rs->in);
}
