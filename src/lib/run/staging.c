/* staging: one quarter being built, and its staging folder. */
#include "run/staging.h"

#include "base/cli.h"
#include "base/xalloc.h"
#include "run/safedir.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void staging_init(struct quarter *q, struct run *r, int period)
{
	memset(q, 0, sizeof *q);
	q->r = r;
	q->stagefd = -1;
	period_format(period, q->period);
	q->outdir = path_join(r->o->output, q->period);
	snprintf(q->stage_name, sizeof q->stage_name, ".%s.stage", q->period);
	snprintf(q->aside_name, sizeof q->aside_name, ".%s.old", q->period);
}

int staging_open(struct quarter *q)
{
	safedir_remove(q->r->outfd, q->stage_name);
	q->stagefd = safedir_make(q->r->outfd, q->stage_name, 0755);
	if (q->stagefd < 0 || fcntl(q->stagefd, F_SETFD, 0) < 0) {
		fprintf(q->r->err, "%s: cannot write into %s/: %s\n",
			q->r->o->prog, q->r->o->output, strerror(errno));
		return -1;
	}
	q->stage = xasprintf("/proc/self/fd/%d", q->stagefd);
	return 0;
}

void staging_free(struct quarter *q)
{
	if (q->stagefd >= 0) {
		close(q->stagefd);
		safedir_remove(q->r->outfd, q->stage_name);
	}
	free(q->stage);
	free(q->outdir);
	free(q->summary);
	inputs_free(&q->in);
}
