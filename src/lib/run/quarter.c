/* quarter: one quarter of the run, built in a staging folder and
 * swapped in whole. */
#include "run/quarter.h"

#include "base/cli.h"
#include "base/xalloc.h"
#include "base/period.h"
#include "run/inputs.h"
#include "run/manifest.h"
#include "run/revisions.h"
#include "run/safedir.h"
#include "run/spawn.h"
#include "run/stage.h"
#include "run/staging.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What is there at OUTPUT/PERIOD: 0 nothing, 1 a folder (its
 * descriptor in *fd), -1 something else (reported). */
static int published(struct quarter *q, int *fd)
{
	struct stat st;
	*fd = -1;
	if (fstatat(q->r->outfd, q->period, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return errno == ENOENT ? 0 : -1;
	if (S_ISDIR(st.st_mode) && (*fd = safedir_open(q->r->outfd, q->period)) >= 0)
		return 1;
	fprintf(q->r->err, "%s: cannot write into %s/: %s is there, not the "
		"folder of an earlier run; it is left as it was\n",
		q->r->o->prog, q->outdir,
		S_ISLNK(st.st_mode) ? "a symbolic link" : S_ISDIR(st.st_mode)
		? "a folder that cannot be opened" : "a file");
	return -1;
}

/* Whether the quarter published before was made from these inputs:
 * then its summary is printed and its status kept. */
static int unchanged(struct quarter *q, int oldfd)
{
	struct buf old = BUF_INIT;
	char *summary = NULL;
	int status = 0;
	int same = safedir_read(oldfd, "manifest.csv", &old) == 0 &&
		   manifest_unchanged(old.s, q->in.text.s, &summary, &status);
	buf_free(&old);
	if (same) {
		fprintf(q->r->out, "%s \xE2\x86\x92 %s/sector-report.pdf\n",
			summary, q->outdir);
		q->status = status < 0 || status > 2 ? 2 : status;
	}
	free(summary);
	return same;
}

/* Writes the manifest and puts the staging folder in the place of the
 * quarter published before. */
static int publish(struct quarter *q)
{
	struct buf m = BUF_INIT;
	buf_add(&m, q->in.text.s, q->in.text.len);
	int r = manifest_outputs(q->stagefd, q->outdir, &m);
	manifest_finish(&m, q->summary, q->status);
	if (r == 0)
		r = safedir_write(q->stagefd, "manifest.csv", 0644, m.s, m.len);
	buf_free(&m);
	if (r == 0 && fsync(q->stagefd) == 0 &&
	    safedir_swap(q->r->outfd, q->stage_name, q->period,
			 q->aside_name) == 0) {
		fsync(q->r->outfd);
		safedir_remove(q->r->outfd, q->stage_name);
		safedir_remove(q->r->outfd, q->aside_name);
		return 0;
	}
	fprintf(q->r->err, "%s: cannot write into %s/: %s\n", q->r->o->prog,
		q->outdir, strerror(errno));
	return -1;
}

int quarter_run(struct run *r, int period)
{
	struct quarter q;
	staging_init(&q, r, period);
	int oldfd = -1;
	int there = published(&q, &oldfd);
	int st = there < 0 ? 2 : inputs_collect(&q.in, r, period) < 0 ? 2 : 0;
	if (st == 0 && there == 1 && unchanged(&q, oldfd)) {
		st = q.status;
	} else if (st == 0) {
		st = runopts_find_programs(r) < 0 || staging_open(&q) < 0
			     ? 2 : stages_run(&q, oldfd);
		if (st < 2 && publish(&q) < 0)
			st = 2;
		if (st < 2)
			fprintf(r->out, "%s \xE2\x86\x92 %s/sector-report.pdf\n",
				q.summary, q.outdir);
	}
	if (st == 2 && there >= 0)
		fprintf(r->err, "%s: %s could not be finished; %s/ is left as "
			"it was\n", r->o->prog, q.period, q.outdir);
	if (oldfd >= 0)
		close(oldfd);
	staging_free(&q);
	return st;
}
