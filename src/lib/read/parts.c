#include "parts.h"
#include "../base/jobs.h"
#include "../base/xalloc.h"
#include "csvin_part.h"
#include "recbatch.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define WINDOW 4                /* parts read or held at a time */
#define MAX_WORKERS 3          /* one for each other processor */
#define LINE 64                 /* a cache line (see ahead.c) */

enum { FREE, BUSY, DONE };

struct part {
	_Alignas(LINE) struct recbatch b;
	int state;                  /* under mu */
	int whole;                  /* the part was read and cut */
	int clean;                  /* it ended between records */
	int enc;                    /* the encoding it settled on */
	long lines;
	long long end;              /* where it ends in the file */
	unsigned char *raw;         /* its bytes, the memory kept for the */
	size_t capraw;              /* next part in this slot */
};

struct parts {
	struct csvin *r;
	int fd;
	long long from, size;       /* the parts cover [from, size) */
	long long part_bytes;
	size_t nparts;
	size_t max_line;            /* a longer line is not cut for */
	pthread_t thread[MAX_WORKERS];
	int nthreads;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int stop;                   /* under mu */
	size_t next;                /* the next part for a worker (under mu) */
	size_t cur;                 /* the caller's part (under mu) */
	struct part slot[WINDOW];   /* part k in slot[k % WINDOW] */
	/* the caller's */
	_Alignas(LINE) size_t at;   /* next call to give in slot[cur] */
	int held;
	long long pos;              /* where the current part begins */
	long base;                  /* lines before it */
	int enc;                    /* the file's encoding before it */
	int own;                    /* r reads on here (after a fallback) */
	int ended;
	enum csvin_status final;
	int flag;
};

/* Where part k begins: just after the first line end at or after its
 * nominal start (the file's end when there is none). -1 when no line
 * ends within max_line bytes, or the file cannot be read. */
static long long cut(const struct parts *ps, size_t k)
{
	if (k == 0)
		return ps->from;
	if (k >= ps->nparts)
		return ps->size;
	long long p = ps->from + (long long)k * ps->part_bytes - 1;
	long long limit = p + (long long)ps->max_line;
	char buf[4096];
	while (p < ps->size && p < limit) {
		ssize_t n = pread(ps->fd, buf, sizeof(buf), (off_t)p);
		if (n < 0)
			return -1;
		if (n == 0)
			return ps->size;
		char *nl = memchr(buf, '\n', (size_t)n);
		if (nl)
			return p + (nl - buf) + 1;
		p += n;
	}
	return p >= ps->size ? ps->size : -1;
}

/* The part reader's read, for recbatch. */
static enum csvin_status read_part(void *src, struct csvrec *rec,
				   struct diags *d, int *cp1252)
{
	enum csvin_status s = csvin_next(src, rec);
	*cp1252 = csvin_encoding(src) >= CSVIN_ENC_CP1252;
	return s;
}

/* Reads part k into pt. */
static void read_one_part(struct parts *ps, size_t k, struct part *pt)
{
	long long start = cut(ps, k), end = cut(ps, k + 1);
	pt->end = end;
	pt->whole = 0;
	if (start < 0 || end < start)
		return;
	size_t len = (size_t)(end - start);
	if (pt->capraw < len)
		GROW(pt->raw, pt->capraw, len);
	unsigned char *bytes = pt->raw;
	size_t got = 0;
	while (got < len) {
		ssize_t n = pread(ps->fd, bytes + got, len - got,
				  (off_t)(start + (long long)got));
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	if (got == len) {
		struct diags wd;
		diags_init(&wd);
		struct csvin *p = csvin_part(ps->r, bytes, len,
					     k + 1 == ps->nparts, &wd,
					     &pt->b.bytes);
		while (recbatch_read(&pt->b, read_part, p, &wd) ==
		       CSVIN_RECORD)
			;
		pt->clean = csvin_part_end(p, &pt->enc, &pt->lines);
		pt->whole = 1;
		csvin_close(p);
		diags_free(&wd);
	}
}

/* With mu held: reads the next part no one has begun, when the window
 * has room for it, and returns 1; else 0. */
static int read_next_part(struct parts *ps)
{
	if (ps->next >= ps->nparts || ps->next >= ps->cur + WINDOW)
		return 0;
	size_t k = ps->next++;
	struct part *pt = &ps->slot[k % WINDOW];
	pt->state = BUSY;
	pthread_mutex_unlock(&ps->mu);
	read_one_part(ps, k, pt);
	pthread_mutex_lock(&ps->mu);
	pt->state = DONE;
	pthread_cond_broadcast(&ps->cv);
	return 1;
}

static void *work(void *arg)
{
	struct parts *ps = arg;
	pthread_mutex_lock(&ps->mu);
	while (!ps->stop && ps->next < ps->nparts)
		if (!read_next_part(ps))
			pthread_cond_wait(&ps->cv, &ps->mu);
	pthread_mutex_unlock(&ps->mu);
	return NULL;
}

/* Stops and joins the workers. */
static void stop_workers(struct parts *ps)
{
	pthread_mutex_lock(&ps->mu);
	ps->stop = 1;
	pthread_cond_broadcast(&ps->cv);
	pthread_mutex_unlock(&ps->mu);
	for (int i = 0; i < ps->nthreads; i++)
		pthread_join(ps->thread[i], NULL);
	ps->nthreads = 0;
}

struct parts *parts_start(struct csvin *r, int fd, long long from,
			  long long size)
{
	const struct csvin_limits *lim = csvin_limits_of(r);
	long long part_bytes = (long long)csvin_part_bytes(r);
	if ((unsigned long long)size > lim->max_file ||
	    size - from < 2 * part_bytes)
		return NULL;
	struct parts *ps = aligned_alloc(LINE, sizeof(*ps));
	if (!ps)
		return NULL;
	memset(ps, 0, sizeof(*ps));
	ps->r = r;
	ps->fd = fd;
	ps->from = from;
	ps->size = size;
	ps->part_bytes = part_bytes;
	ps->nparts = (size_t)((ps->size - from + part_bytes - 1) / part_bytes);
	ps->max_line = lim->max_record + 2;
	ps->pos = from;
	ps->base = csvin_line(r) - 1;
	ps->enc = csvin_encoding(r);
	ps->flag = ps->enc >= CSVIN_ENC_CP1252;
	for (int i = 0; i < WINDOW; i++)
		recbatch_init(&ps->slot[i].b);
	if (pthread_mutex_init(&ps->mu, NULL) != 0) {
		free(ps);
		return NULL;
	}
	pthread_cond_init(&ps->cv, NULL);
	long cpus = jobs_count();
	int workers = 1;
	if (cpus > 2)
		workers = cpus - 1 > MAX_WORKERS ? MAX_WORKERS : (int)cpus - 1;
	for (int i = 0; i < workers; i++)
		if (pthread_create(&ps->thread[ps->nthreads], NULL, work,
				   ps) == 0)
			ps->nthreads++;
	if (!ps->nthreads) {
		parts_stop(ps);
		return NULL;
	}
	return ps;
}

/* Whether a part that settled on enc, read without knowing the file's
 * encoding before it (was), gives what the file's reader would: it
 * must have found the same, or nothing (a part that settles on
 * Windows-1252 reports it, which the file's reader does once). */
static int same_encoding(int was, int enc)
{
	return enc == CSVIN_ENC_UNKNOWN || was == CSVIN_ENC_UNKNOWN ||
	       (was == CSVIN_ENC_UTF8 && enc == CSVIN_ENC_UTF8);
}

/* From part k on, the file's reader reads on here. */
static void read_on_here(struct parts *ps, long long at)
{
	stop_workers(ps);
	csvin_resume(ps->r, at, ps->base + 1, ps->enc);
	ps->own = 1;
}

/* Waits for the current part; 1 when it can be given, else 0 (and the
 * file's reader reads on here). */
static int take_part(struct parts *ps)
{
	struct part *pt = &ps->slot[ps->cur % WINDOW];
	pthread_mutex_lock(&ps->mu);
	/* Rather than wait, read the next part no worker has begun (perhaps
	 * this one): then the caller and a worker each keep a processor
	 * busy, and no more threads than processors run. */
	while (pt->state != DONE)
		if (!read_next_part(ps))
			pthread_cond_wait(&ps->cv, &ps->mu);
	pthread_mutex_unlock(&ps->mu);
	int last = ps->cur + 1 == ps->nparts;
	if (pt->whole && (pt->clean || last) &&
	    same_encoding(ps->enc, pt->enc)) {
		ps->held = 1;
		ps->at = 0;
		return 1;
	}
	read_on_here(ps, ps->pos);
	return 0;
}

/* Done with the current part: on to the next. */
static void next_part(struct parts *ps)
{
	struct part *pt = &ps->slot[ps->cur % WINDOW];
	ps->base += pt->lines;
	ps->pos = pt->end;
	if (pt->enc != CSVIN_ENC_UNKNOWN)
		ps->enc = pt->enc;
	recbatch_clear(&pt->b);
	pthread_mutex_lock(&ps->mu);
	pt->state = FREE;
	ps->cur++;
	pthread_cond_broadcast(&ps->cv);
	pthread_mutex_unlock(&ps->mu);
	ps->held = 0;
}

enum csvin_status parts_next(struct parts *ps, struct csvrec *rec,
			     struct diags *d)
{
	while (!ps->ended) {
		enum csvin_status st;
		if (ps->own) {
			st = csvin_next(ps->r, rec);
			ps->flag = csvin_encoding(ps->r) >= CSVIN_ENC_CP1252;
		} else if (ps->held || take_part(ps)) {
			struct part *pt = &ps->slot[ps->cur % WINDOW];
			int partflag;
			st = recbatch_give(&pt->b, ps->at++, rec, d, ps->base,
					   &partflag);
			ps->flag = ps->enc >= CSVIN_ENC_CP1252 || partflag;
			if (st == CSVIN_EOF && ps->cur + 1 < ps->nparts) {
				next_part(ps);
				continue;
			}
		} else {
			continue;
		}
		if (st != CSVIN_RECORD) {
			ps->ended = 1;
			ps->final = st;
		}
		return st;
	}
	return ps->final;
}

int parts_is_cp1252(const struct parts *ps)
{
	return ps->flag;
}

void parts_stop(struct parts *ps)
{
	if (!ps)
		return;
	stop_workers(ps);
	pthread_cond_destroy(&ps->cv);
	pthread_mutex_destroy(&ps->mu);
	for (int i = 0; i < WINDOW; i++) {
		recbatch_free(&ps->slot[i].b);
		free(ps->slot[i].raw);
	}
	free(ps);
}
