/* stage: the stages of one quarter, each a sibling program run into
 * the quarter's staging folder. */
#define _GNU_SOURCE
#include "run/stage.h"

#include "base/xalloc.h"
#include "run/finish.h"
#include "run/spawn.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* An argument vector being built. */
struct args {
	const char *path; /* the program */
	char **v;
	size_t n, cap;
};

static void arg(struct args *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void arg(struct args *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s;
	if (vasprintf(&s, fmt, ap) < 0)
		s = xstrdup("");
	va_end(ap);
	GROW(a->v, a->cap, a->n + 2);
	a->v[a->n++] = s;
	a->v[a->n] = NULL;
}

static void args_free(struct args *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
	memset(a, 0, sizeof *a);
}

/* The program, the roster and the templates every stage reads. */
static void args_start(struct quarter *q, struct args *a, const char *path,
		       const char *name)
{
	memset(a, 0, sizeof *a);
	a->path = path;
	arg(a, "%s", name);
	arg(a, "--roster=%s/signatories.csv", q->r->o->input);
	arg(a, "--templates=%s", q->r->o->templates);
}

/* Every quarter's tidy returns a stage reads, oldest first, this one's
 * last; with --returns= when flag is set. */
static void args_returns(struct quarter *q, struct args *a, int flag)
{
	const char *pre = flag ? "--returns=" : "";
	for (size_t i = 0; i < q->in.nearlier; i++)
		arg(a, "%s%s", pre, q->in.earlier[i]);
	arg(a, "%s%s/returns.csv", pre, q->stage);
}

/* Passes the child's messages on, naming the staging folder as the
 * quarter's own; a line "PERIOD: ..." is kept as the summary when
 * summary is set. */
static void forward(struct quarter *q, const char *text, int summary)
{
	size_t sl = strlen(q->stage), pl = strlen(q->period);
	while (*text) {
		const char *end = strchr(text, '\n');
		size_t len = end ? (size_t)(end - text) : strlen(text);
		if (summary && len > pl + 2 && !strncmp(text, q->period, pl) &&
		    !strncmp(text + pl, ": ", 2)) {
			free(q->summary);
			q->summary = xstrndup(text, len);
		} else {
			for (size_t i = 0; i < len; i++) {
				if (len - i >= sl && !strncmp(text + i, q->stage, sl)) {
					fputs(q->outdir, q->r->err);
					i += sl - 1;
				} else {
					fputc(text[i], q->r->err);
				}
			}
			fputc('\n', q->r->err);
		}
		text += len + (end != NULL);
	}
}

/* Runs one stage; returns its status, 2 for a crash or a failure to
 * start it (reported). */
static int stage(struct quarter *q, const char *what, struct args *a,
		 int summary)
{
	runopts_progress(q->r, q->period, what);
	struct buf err = BUF_INIT;
	int signo = 0;
	int st = spawn_run(a->path, a->v, -1, &err, &signo);
	runopts_progress(q->r, NULL, "");
	forward(q, err.s, summary);
	buf_free(&err);
	const char *prog = q->r->o->prog;
	if (st < 0 || st == 127) {
		fprintf(q->r->err, "%s: cannot run %s: %s\n", prog, a->path,
			st < 0 ? strerror(errno) : "not found or not executable");
		st = 2;
	} else if (signo) {
		fprintf(q->r->err, "%s: %s: %s stopped on signal %d (%s)\n",
			prog, q->period, a->v[0], signo, strsignal(signo));
		st = 2;
	} else if (st > 2) {
		st = 2;
	}
	args_free(a);
	if (st > q->status)
		q->status = st;
	return st;
}

static int ingest(struct quarter *q)
{
	struct run *r = q->r;
	struct args a;
	args_start(q, &a, r->ingest, "pledge-ingest");
	arg(&a, "--quiet");
	arg(&a, "--summary");
	arg(&a, "--period=%s", q->period);
	arg(&a, "--issues=%s/issues.csv", q->stage);
	arg(&a, "--output=%s/returns.csv", q->stage);
	for (size_t i = 0; i < q->in.nearlier; i++)
		arg(&a, "--previous=%s", q->in.earlier[i]);
	arg(&a, "--");
	for (size_t i = 0; i < q->in.nreturns; i++)
		arg(&a, "%s", q->in.returns[i]);
	if (!q->in.nreturns)
		arg(&a, "/dev/null");
	int st = stage(q, "checking the returns", &a, 1);
	if (st < 2 && !q->summary) {
		fprintf(r->err, "%s: %s: pledge-ingest gave no summary\n",
			r->o->prog, q->period);
		st = q->status = 2;
	}
	return st;
}

static int aggregate(struct quarter *q)
{
	struct args a;
	args_start(q, &a, q->r->aggregate, "pledge-aggregate");
	arg(&a, "--output=%s/aggregates.csv", q->stage);
	arg(&a, "--disclosure=%s/disclosure.csv", q->stage);
	arg(&a, "--levels=%s/levels.csv", q->stage);
	args_returns(q, &a, 0);
	return stage(q, "working out the figures", &a, 0);
}

static int chart(struct quarter *q)
{
	struct args a;
	args_start(q, &a, q->r->chart, "pledge-chart");
	arg(&a, "--out=%s/charts", q->stage);
	args_returns(q, &a, 1);
	arg(&a, "%s/aggregates.csv", q->stage);
	return stage(q, "drawing the charts", &a, 0);
}

static int report(struct quarter *q, int orgs, int revised)
{
	struct args a;
	args_start(q, &a, q->r->report, "pledge-report");
	arg(&a, "%s", orgs ? "orgs" : "sector");
	arg(&a, "--out=%s/%s", q->stage, orgs ? "orgs" : "sector-report.pdf");
	if (!orgs) {
		arg(&a, "--issues=%s/issues.csv", q->stage);
		arg(&a, "--html=%s/sector-report.html", q->stage);
		if (revised)
			arg(&a, "--revisions=%s/revisions.csv", q->stage);
	}
	args_returns(q, &a, 1);
	arg(&a, "%s/aggregates.csv", q->stage);
	return stage(q, orgs ? "writing the report cards"
			     : "writing the sector report", &a, 0);
}

/* The audit: nothing published may give away a withheld figure; when
 * it finds something, the quarter is not published. */
static int audit(struct quarter *q)
{
	struct args a;
	args_start(q, &a, q->r->audit, "pledge-audit");
	args_returns(q, &a, 1);
	arg(&a, "--readings=%s/charts/readings.csv", q->stage);
	arg(&a, "%s/aggregates.csv", q->stage);
	arg(&a, "%s/sector-report.html", q->stage);
	return stage(q, "checking nothing withheld can be worked out", &a, 0);
}

int stages_run(struct quarter *q, int oldfd)
{
	int revised = 0;
	if (ingest(q) >= 2 || finish_issues(q) < 0 || aggregate(q) >= 2 ||
	    finish_revisions(q, oldfd, &revised) < 0 || chart(q) >= 2 ||
	    report(q, 0, revised) >= 2 || audit(q) >= 2 || report(q, 1, 0) >= 2 ||
	    finish_datapackage(q) < 0)
		q->status = 2;
	return q->status;
}
