/* runopts: what one quarterly run shares between its quarters. */
#include "run/runopts.h"

#include "run/spawn.h"

#include <stdlib.h>

void runopts_progress(const struct run *r, const char *period,
		      const char *what)
{
	if (!r->o->progress)
		return;
	if (what[0])
		fprintf(r->err, "\r%s: %s\033[K", period, what);
	else
		fputs("\r\033[K", r->err);
	fflush(r->err);
}

/* One sibling program, or NULL after a message when it is missing. */
static char *find_one(struct run *r, const char *name)
{
	if (!spawn_exists(name)) {
		fprintf(r->err, "%s: cannot find %s (neither beside %s nor in "
			"PATH); is pledge fully installed?\n", r->o->prog, name,
			r->o->prog);
		return NULL;
	}
	return spawn_find(name);
}

int runopts_find_programs(struct run *r)
{
	if (r->found)
		return r->found > 0 ? 0 : -1;
	r->ingest = find_one(r, "pledge-ingest");
	r->aggregate = find_one(r, "pledge-aggregate");
	r->chart = find_one(r, "pledge-chart");
	r->report = find_one(r, "pledge-report");
	r->audit = find_one(r, "pledge-audit");
	int ok = r->ingest && r->aggregate && r->chart && r->report && r->audit;
	r->found = ok ? 1 : -1;
	return ok ? 0 : -1;
}

void runopts_free_programs(struct run *r)
{
	free(r->ingest), free(r->aggregate), free(r->chart), free(r->report);
	free(r->audit);
	r->ingest = r->aggregate = r->chart = r->report = r->audit = NULL;
	r->found = 0;
}
