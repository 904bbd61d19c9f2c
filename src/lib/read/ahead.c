#include "ahead.h"
#include "../base/buf.h"
#include "../base/xalloc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Three batches: the caller reads one while the worker fills the next,
 * with one spare so neither waits on the other's last record. */
#define SLOTS 3
#define BATCH_RECORDS 4096
#define BATCH_BYTES (512 << 10)

/* What read gave for one call. */
struct entry {
	enum csvin_status status;
	long line;
	char delim;
	int flag;
	size_t field, n;        /* its fields: offs[field..field+n) */
	size_t diag, ndiag;     /* the diagnostics before it */
};

/* The worker and the caller each write their own memory, never a cache
 * line the other uses: two cores writing one line take turns at it,
 * which cost more than all the reading saved. */
#define LINE 64

struct batch {
	_Alignas(LINE) struct buf bytes; /* the fields, NUL-terminated */
	size_t *offs;
	size_t noffs, capoffs;
	struct entry *e;
	size_t ne, cape;
	struct diag *diags;     /* moved to the caller as they are given */
	size_t nd, capd;
	int full;               /* filled, for the caller (under mu) */
};

struct ahead {
	ahead_read_fn *read;
	void *src;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int stop;               /* the caller is done (under mu) */
	/* the worker's */
	_Alignas(LINE) struct diags wd; /* emptied into each batch */
	struct batch slot[SLOTS];
	/* the caller's */
	_Alignas(LINE) size_t take, at; /* its batch, and next entry there */
	int held;               /* the caller is reading slot[take] */
	int ended;
	enum csvin_status final;
	int flag;               /* read's flag as of the last record given */
	char **ptrs;
	size_t capptrs;
};

static void batch_clear(struct batch *b)
{
	for (size_t i = 0; i < b->nd; i++) {
		free(b->diags[i].file);
		free(b->diags[i].org_id);
		free(b->diags[i].metric);
		free(b->diags[i].message);
	}
	buf_reset(&b->bytes);
	b->noffs = b->ne = b->nd = 0;
}

/* Appends one call of read to b; returns its status. */
static enum csvin_status read_one(struct ahead *a, struct batch *b)
{
	struct csvrec rec = { 0 };
	int flag = 0;
	enum csvin_status st = a->read(a->src, &rec, &a->wd, &flag);
	GROW(b->e, b->cape, b->ne + 1);
	struct entry *e = &b->e[b->ne++];
	*e = (struct entry){ .status = st, .line = rec.line,
			     .delim = rec.delim, .flag = flag,
			     .field = b->noffs, .diag = b->nd,
			     .ndiag = a->wd.len };
	if (a->wd.len) {
		GROW(b->diags, b->capd, b->nd + a->wd.len);
		memcpy(b->diags + b->nd, a->wd.items,
		       a->wd.len * sizeof(*b->diags));
		b->nd += a->wd.len;
		a->wd.len = a->wd.errors = a->wd.warnings = 0;
	}
	if (st != CSVIN_RECORD)
		return st;
	e->n = rec.n;
	GROW(b->offs, b->capoffs, b->noffs + rec.n);
	size_t at = b->bytes.len;
	for (size_t i = 0; i < rec.n; i++)
		b->offs[b->noffs++] = at + (size_t)(rec.fields[i] - rec.fields[0]);
	if (rec.n)
		buf_add(&b->bytes, rec.fields[0], rec.bytes);
	return st;
}

static void *work(void *arg)
{
	struct ahead *a = arg;
	for (size_t put = 0;; put = (put + 1) % SLOTS) {
		struct batch *b = &a->slot[put];
		pthread_mutex_lock(&a->mu);
		while (b->full && !a->stop)
			pthread_cond_wait(&a->cv, &a->mu);
		int stop = a->stop;
		pthread_mutex_unlock(&a->mu);
		if (stop)
			return NULL;
		batch_clear(b);
		enum csvin_status st = CSVIN_RECORD;
		while (st == CSVIN_RECORD && b->ne < BATCH_RECORDS &&
		       b->bytes.len < BATCH_BYTES)
			st = read_one(a, b);
		pthread_mutex_lock(&a->mu);
		b->full = 1;
		pthread_cond_broadcast(&a->cv);
		pthread_mutex_unlock(&a->mu);
		if (st != CSVIN_RECORD)
			return NULL;
	}
}

struct ahead *ahead_start(ahead_read_fn *read, void *src)
{
	struct ahead *a = aligned_alloc(LINE, sizeof(*a));
	if (!a)
		return NULL;
	memset(a, 0, sizeof(*a));
	a->read = read;
	a->src = src;
	diags_init(&a->wd);
	for (int i = 0; i < SLOTS; i++)
		buf_init(&a->slot[i].bytes);
	if (pthread_mutex_init(&a->mu, NULL) != 0) {
		free(a);
		return NULL;
	}
	if (pthread_cond_init(&a->cv, NULL) != 0 ||
	    pthread_create(&a->thread, NULL, work, a) != 0) {
		pthread_cond_destroy(&a->cv);
		pthread_mutex_destroy(&a->mu);
		free(a);
		return NULL;
	}
	return a;
}

/* Gives slot[take] back to the worker and moves on to the next. */
static void release(struct ahead *a)
{
	pthread_mutex_lock(&a->mu);
	a->slot[a->take].full = 0;
	pthread_cond_broadcast(&a->cv);
	pthread_mutex_unlock(&a->mu);
	a->held = 0;
	a->take = (a->take + 1) % SLOTS;
}

enum csvin_status ahead_next(struct ahead *a, struct csvrec *rec,
			     struct diags *d)
{
	if (a->ended)
		return a->final;
	/* the last record given is done with: its batch can go back */
	if (a->held && a->at == a->slot[a->take].ne)
		release(a);
	struct batch *b = &a->slot[a->take];
	if (!a->held) {
		pthread_mutex_lock(&a->mu);
		while (!b->full)
			pthread_cond_wait(&a->cv, &a->mu);
		pthread_mutex_unlock(&a->mu);
		a->held = 1;
		a->at = 0;
	}
	const struct entry *e = &b->e[a->at++];
	for (size_t i = 0; i < e->ndiag; i++) {
		struct diag *g = &b->diags[e->diag + i];
		diag_take(d, g);
		memset(g, 0, sizeof(*g));
	}
	a->flag = e->flag;
	if (e->status != CSVIN_RECORD) {
		a->ended = 1;
		a->final = e->status;
		return e->status;
	}
	GROW(a->ptrs, a->capptrs, e->n);
	for (size_t i = 0; i < e->n; i++)
		a->ptrs[i] = b->bytes.s + b->offs[e->field + i];
	rec->fields = a->ptrs;
	rec->n = e->n;
	rec->line = e->line;
	rec->delim = e->delim;
	return CSVIN_RECORD;
}

int ahead_flag(const struct ahead *a)
{
	return a->flag;
}

void ahead_stop(struct ahead *a)
{
	if (!a)
		return;
	pthread_mutex_lock(&a->mu);
	a->stop = 1;
	pthread_cond_broadcast(&a->cv);
	pthread_mutex_unlock(&a->mu);
	pthread_join(a->thread, NULL);
	pthread_cond_destroy(&a->cv);
	pthread_mutex_destroy(&a->mu);
	for (int i = 0; i < SLOTS; i++) {
		struct batch *b = &a->slot[i];
		batch_clear(b);
		buf_free(&b->bytes);
		free(b->offs);
		free(b->e);
		free(b->diags);
	}
	diags_free(&a->wd);
	free(a->ptrs);
	free(a);
}
