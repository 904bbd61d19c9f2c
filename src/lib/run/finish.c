/* finish: the files of a quarter pledge-run writes itself. */
#include "run/finish.h"

#include "base/cli.h"
#include "base/xalloc.h"
#include "run/revisions.h"
#include "run/safedir.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BOM "\xEF\xBB\xBF"

static int cannot(struct quarter *q, const char *name)
{
	fprintf(q->r->err, "%s: cannot write %s/%s: %s\n", q->r->o->prog,
		q->outdir, name, strerror(errno));
	return -1;
}

static void add_field(struct buf *b, const char *s, char end)
{
	buf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			buf_addc(b, '"');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
	buf_addc(b, end);
}

/* The summary with n more rejected returns. */
static void count_refused(struct quarter *q, size_t n)
{
	char *p = strstr(q->summary, " rejected,");
	char *start = p;
	while (start && start > q->summary && isdigit((unsigned char)start[-1]))
		start--;
	if (!p || start == p)
		return;
	char *s = xasprintf("%.*s%zu%s", (int)(start - q->summary), q->summary,
			    strtoul(start, NULL, 10) + n, p);
	free(q->summary);
	q->summary = s;
}

int finish_issues(struct quarter *q)
{
	struct buf b = BUF_INIT;
	buf_adds(&b, BOM);
	if (safedir_read(q->stagefd, "issues.csv", &b) < 0)
		return buf_free(&b), cannot(q, "issues.csv");
	if (b.len >= 6 && !memcmp(b.s + 3, BOM, 3)) {
		memmove(b.s + 3, b.s + 6, b.len - 5);
		b.len -= 3;
	}
	for (size_t i = 0; i < q->in.nrefused; i++) {
		const struct refused *f = &q->in.refused[i];
		char *msg = xasprintf("%s is %s, not a file: it was not read",
				      f->path, f->what);
		fprintf(q->r->err, "%s: %s: error: %s\n", q->r->o->prog,
			f->path, msg);
		buf_adds(&b, "error,");
		add_field(&b, f->path, ',');
		buf_adds(&b, ",,,not-a-regular-file,");
		add_field(&b, msg, '\n');
		free(msg);
	}
	if (q->in.nrefused) {
		count_refused(q, q->in.nrefused);
		if (q->status < 1)
			q->status = 1;
	}
	int r = safedir_write(q->stagefd, "issues.csv", 0600, b.s, b.len);
	buf_free(&b);
	return r < 0 ? cannot(q, "issues.csv") : 0;
}

int finish_revisions(struct quarter *q, int oldfd, int *written)
{
	*written = 0;
	struct buf old = BUF_INIT, new = BUF_INIT, earlier = BUF_INIT;
	int r = 0;
	if (oldfd >= 0 && safedir_read(oldfd, "aggregates.csv", &old) == 0) {
		safedir_read(oldfd, "revisions.csv", &earlier);
		if (safedir_read(q->stagefd, "aggregates.csv", &new) < 0)
			r = -1;
		struct buf out = BUF_INIT;
		if (r == 0 && revisions_compare(old.s, new.s, earlier.s, &out)) {
			r = safedir_write(q->stagefd, "revisions.csv", 0644,
					  out.s, out.len);
			*written = r == 0;
		}
		buf_free(&out);
	}
	buf_free(&old);
	buf_free(&new);
	buf_free(&earlier);
	return r < 0 ? cannot(q, "revisions.csv") : 0;
}

/* The template with @PERIOD@ filled in; lower case on "name" lines. */
static void fill(struct buf *out, const char *t, const char *period)
{
	char lower[PERIOD_TEXT];
	for (size_t i = 0; i < sizeof lower; i++)
		lower[i] = (char)tolower((unsigned char)period[i]);
	const char *line = t;
	for (const char *s = t; *s; s++) {
		if (*s == '\n')
			line = s + 1;
		if (strncmp(s, "@PERIOD@", 8)) {
			buf_addc(out, *s);
			continue;
		}
		const char *name = strstr(line, "\"name\"");
		buf_adds(out, name && name < s ? lower : period);
		s += 7;
	}
}

int finish_datapackage(struct quarter *q)
{
	char *path = path_join(q->r->o->templates, "datapackage.json");
	struct buf t = BUF_INIT, out = BUF_INIT;
	FILE *fp = fopen(path, "r");
	int r = fp && buf_read_all(&t, fp) == 0 ? 0 : -1;
	if (fp)
		fclose(fp);
	if (r < 0)
		fprintf(q->r->err, "%s: %s: error: cannot read the template: "
			"%s\n", q->r->o->prog, path, strerror(errno));
	free(path);
	if (r == 0) {
		fill(&out, t.s, q->period);
		if (safedir_write(q->stagefd, "datapackage.json", 0644, out.s,
				  out.len) < 0)
			r = cannot(q, "datapackage.json");
	}
	buf_free(&t);
	buf_free(&out);
	return r;
}
