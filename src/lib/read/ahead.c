#include "ahead.h"
#include "../base/xalloc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Three batches: the caller reads one while the worker fills the next,
 * with one spare so neither waits on the other's last record. */
#define SLOTS 3
#define BATCH_RECORDS 4096
#define BATCH_BYTES (512 << 10)

/* The worker and the caller each write their own memory, never a cache
 * line the other uses: two cores writing one line take turns at it,
 * which cost more than all the reading saved. */
#define LINE 64

struct slot {
	_Alignas(LINE) struct recbatch b;
	int full;               /* filled, for the caller (under mu) */
};

struct ahead {
	recbatch_read_fn *read;
	void *src;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int stop;               /* the caller is done (under mu) */
	/* the worker's */
	_Alignas(LINE) struct diags wd; /* emptied into each batch */
	struct slot slot[SLOTS];
	/* the caller's */
	_Alignas(LINE) size_t take, at; /* its batch, and next entry there */
	int held;               /* the caller is reading slot[take] */
	int ended;
	enum csvin_status final;
	int flag;               /* read's flag as of the last record given */
};

static void *work(void *arg)
{
	struct ahead *a = arg;
	for (size_t put = 0;; put = (put + 1) % SLOTS) {
		struct slot *s = &a->slot[put];
		pthread_mutex_lock(&a->mu);
		while (s->full && !a->stop)
			pthread_cond_wait(&a->cv, &a->mu);
		int stop = a->stop;
		pthread_mutex_unlock(&a->mu);
		if (stop)
			return NULL;
		recbatch_clear(&s->b);
		enum csvin_status st = CSVIN_RECORD;
		while (st == CSVIN_RECORD &&
		       recbatch_len(&s->b) < BATCH_RECORDS &&
		       s->b.bytes.len < BATCH_BYTES)
			st = recbatch_read(&s->b, a->read, a->src, &a->wd);
		pthread_mutex_lock(&a->mu);
		s->full = 1;
		pthread_cond_broadcast(&a->cv);
		pthread_mutex_unlock(&a->mu);
		if (st != CSVIN_RECORD)
			return NULL;
	}
}

struct ahead *ahead_start(recbatch_read_fn *read, void *src)
{
	struct ahead *a = aligned_alloc(LINE, sizeof(*a));
	if (!a)
		return NULL;
	memset(a, 0, sizeof(*a));
	a->read = read;
	a->src = src;
	diags_init(&a->wd);
	for (int i = 0; i < SLOTS; i++)
		recbatch_init(&a->slot[i].b);
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
	if (a->held && a->at == recbatch_len(&a->slot[a->take].b))
		release(a);
	struct slot *s = &a->slot[a->take];
	if (!a->held) {
		pthread_mutex_lock(&a->mu);
		while (!s->full)
			pthread_cond_wait(&a->cv, &a->mu);
		pthread_mutex_unlock(&a->mu);
		a->held = 1;
		a->at = 0;
	}
	enum csvin_status st = recbatch_give(&s->b, a->at++, rec, d, 0,
					     &a->flag);
	if (st != CSVIN_RECORD) {
		a->ended = 1;
		a->final = st;
	}
	return st;
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
	for (int i = 0; i < SLOTS; i++)
		recbatch_free(&a->slot[i].b);
	diags_free(&a->wd);
	free(a);
}
