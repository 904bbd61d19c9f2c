#include "bgwrite.h"
#include "../base/jobs.h"
#include "../base/xalloc.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>

struct bgwrite {
	FILE *fp;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct buf block;       /* given, being written when pending */
	int pending;
	int done;               /* nothing more will be given */
	int err;                /* the first write error, or 0 */
};

static void *work(void *arg)
{
	struct bgwrite *w = arg;
	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (!w->pending && !w->done)
			pthread_cond_wait(&w->cv, &w->mu);
		if (!w->pending)
			break;
		pthread_mutex_unlock(&w->mu);
		int err = 0;
		if (fwrite(w->block.s, 1, w->block.len, w->fp) != w->block.len)
			err = errno ? errno : EIO;
		buf_reset(&w->block);
		pthread_mutex_lock(&w->mu);
		if (err && !w->err)
			w->err = err;
		w->pending = 0;
		pthread_cond_broadcast(&w->cv);
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

struct bgwrite *bgwrite_start(FILE *fp)
{
	if (jobs_count() < 2)
		return NULL;
	struct bgwrite *w = xcalloc(1, sizeof(*w));
	w->fp = fp;
	buf_init(&w->block);
	if (pthread_mutex_init(&w->mu, NULL) != 0) {
		free(w);
		return NULL;
	}
	if (pthread_cond_init(&w->cv, NULL) != 0 ||
	    pthread_create(&w->thread, NULL, work, w) != 0) {
		pthread_cond_destroy(&w->cv);
		pthread_mutex_destroy(&w->mu);
		free(w);
		return NULL;
	}
	return w;
}

int bgwrite_put(struct bgwrite *w, struct buf *b)
{
	pthread_mutex_lock(&w->mu);
	while (w->pending && !w->err)
		pthread_cond_wait(&w->cv, &w->mu);
	int err = w->err;
	if (!err) {
		struct buf t = w->block;  /* empty, with its room */
		w->block = *b;
		*b = t;
		w->pending = 1;
		pthread_cond_broadcast(&w->cv);
	}
	pthread_mutex_unlock(&w->mu);
	if (err) {
		errno = err;
		return -1;
	}
	return 0;
}

int bgwrite_finish(struct bgwrite *w)
{
	pthread_mutex_lock(&w->mu);
	w->done = 1;
	pthread_cond_broadcast(&w->cv);
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->thread, NULL);
	int err = w->err;
	pthread_cond_destroy(&w->cv);
	pthread_mutex_destroy(&w->mu);
	buf_free(&w->block);
	free(w);
	if (err) {
		errno = err;
		return -1;
	}
	return 0;
}
