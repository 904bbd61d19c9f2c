#include "ingest.h"
#include "../base/period.h"
#include "../base/cli.h"
#include "../base/xalloc.h"
#include "returnfile.h"

#include <stdlib.h>
#include <string.h>

int ingest_init(struct ingest *in, const char *catalogue_path,
		const char *roster_path, int period)
{
	memset(in, 0, sizeof(*in));
	diags_init(&in->d);
	arena_init(&in->arena);
	returns_init(&in->all, &in->arena);
	in->period = period;
	in->limits = csvin_default_limits;
	struct settings defaults;
	settings_default(&defaults);
	query_limits_from(&defaults, &in->queries);
	settings_free(&defaults);
	if (period != PERIOD_NONE) {
		GROW(in->periods, in->capperiods, 1);
		in->periods[in->nperiods++] = period;
	}
	int ok = catalogue_load(&in->cat, catalogue_path, &in->d) == 0;
	if (roster_path) {
		ok &= roster_load(&in->roster, roster_path, &in->d) == 0;
	} else {
		roster_none(&in->roster, ROSTER_DEFAULT);
		diag_add(&in->d, SEV_WARNING, ROSTER_DEFAULT, 0, NULL, NULL,
			 "no-roster",
			 "there is no roster (no --roster FILE, and no %s), so "
			 "org_ids, organisation names and missing returns are "
			 "not checked; the values are checked as usual",
			 ROSTER_DEFAULT);
	}
	return ok ? 0 : -1;
}

int ingest_settings(struct ingest *in, const char *path)
{
	struct settings s;
	settings_default(&s);
	int ret = settings_load(&s, path, &in->d);
	query_limits_from(&s, &in->queries);
	settings_free(&s);
	return ret;
}

int ingest_previous(struct ingest *in, const char *path)
{
	if (!in->history)
		in->history = history_new();
	return history_read(in->history, path, &in->cat, &in->d);
}

/* Counts the queries among diagnostics from from on as period's. */
static void count_queries(struct ingest *in, int period, size_t from)
{
	struct ingest_queries *q = NULL;
	for (size_t i = 0; i < in->nnq && !q; i++)
		if (in->nq[i].period == period)
			q = &in->nq[i];
	for (size_t i = from; i < in->d.len; i++) {
		bool explained;
		if (!query_code(in->d.items[i].code, &explained))
			continue;
		if (!q) {
			in->nq = xreallocarray(in->nq, in->nnq + 1,
					       sizeof(*in->nq));
			q = &in->nq[in->nnq++];
			*q = (struct ingest_queries){ period, 0, 0 };
		}
		q->queries++;
		q->explained += explained;
	}
}

static void note_period(struct ingest *in, int p)
{
	if (p == PERIOD_NONE)
		return;
	for (size_t i = 0; i < in->nperiods; i++)
		if (in->periods[i] == p)
			return;
	GROW(in->periods, in->capperiods, in->nperiods + 1);
	in->periods[in->nperiods++] = p;
}

void ingest_file(struct ingest *in, const char *path)
{
	struct returnfile_opts o = { &in->cat, &in->roster, in->period,
				     &in->limits };
	struct returns batch;
	returns_init(&batch, &in->arena);
	batch.expect = in->cat.len; /* a return answers most metrics */
	in->files++;
	if (in->period == PERIOD_NONE)
		note_period(in, returnfile_folder_period(path));
	size_t from = in->d.len;
	if (returnfile_read(&o, path, &batch, &in->d) < 0)
		in->files_refused++;
	else
		returns_check(&batch, &in->cat, &in->roster, &in->d);
	if (batch.len)
		count_queries(in, batch.items[0]->period, from);
	returns_merge(&in->all, &batch, &in->roster, &in->d);
	returns_free(&batch);
}

static int int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

void ingest_finish(struct ingest *in)
{
	/* Standard input and loose files name no quarter: then the quarters
	 * the returns themselves are for are the ones to check. */
	if (!in->nperiods)
		for (size_t i = 0; i < in->all.len; i++)
			note_period(in, in->all.items[i]->period);
	if (in->nperiods > 1)
		qsort(in->periods, in->nperiods, sizeof(int), int_cmp);
	/* which organisations sent a return for each quarter checked: one
	 * pass over the returns, not a look-up for every pair */
	size_t norgs = in->roster.open ? 0 : in->roster.len;
	unsigned char *sent = xcalloc(in->nperiods * norgs + 1, 1);
	for (size_t i = 0; i < in->all.len; i++) {
		const struct ret *r = in->all.items[i];
		const int *k = bsearch(&r->period, in->periods, in->nperiods,
				       sizeof(int), int_cmp);
		if (k && norgs)
			sent[(size_t)(k - in->periods) * norgs +
			     (size_t)r->org] = 1;
	}
	for (size_t k = 0; k < in->nperiods; k++) {
		int p = in->periods[k];
		char text[PERIOD_TEXT];
		period_format(p, text);
		for (size_t i = 0; i < norgs; i++) {
			const struct org *o = &in->roster.orgs[i];
			if (!org_owes(o, p) || sent[k * norgs + i])
				continue;
			diag_add(&in->d, SEV_WARNING, in->roster.path, o->line,
				 o->id, NULL, "missing-return",
				 "%s (%s) owes a return for %s but none was "
				 "received", o->id, o->name, text);
		}
	}
	free(sent);
	returns_sort(&in->all, &in->roster);
	history_focus(in->history, in->periods, in->nperiods);
	for (size_t k = 0; k < in->nperiods; k++) {
		size_t from = in->d.len;
		query_returns(&in->all, in->periods[k], &in->cat, &in->roster,
			      in->history, &in->queries, &in->d);
		count_queries(in, in->periods[k], from);
	}
}

void ingest_free(struct ingest *in)
{
	returns_free(&in->all);
	arena_free(&in->arena);
	catalogue_free(&in->cat);
	roster_free(&in->roster);
	diags_free(&in->d);
	free(in->periods);
	history_free(in->history);
	free(in->nq);
}

void ingest_count(const struct ingest *in, int period, struct ingest_counts *c)
{
	memset(c, 0, sizeof(*c));
	for (size_t i = 0; i < in->roster.len; i++) {
		if (!org_owes(&in->roster.orgs[i], period))
			continue;
		c->expected++;
		if (!returns_find(&in->all, (int)i, period))
			c->missing++;
	}
	for (size_t i = 0; i < in->nnq; i++)
		if (in->nq[i].period == period) {
			c->queries = in->nq[i].queries;
			c->explained = in->nq[i].explained;
		}
	for (size_t i = 0; i < in->all.len; i++) {
		const struct ret *r = in->all.items[i];
		if (r->period != period)
			continue;
		if (ret_accepted(r))
			c->accepted++;
		else
			c->rejected++;
	}
}

void ingest_summary(const struct ingest *in, FILE *fp)
{
	for (size_t k = 0; k < in->nperiods; k++) {
		struct ingest_counts c;
		char text[PERIOD_TEXT];
		ingest_count(in, in->periods[k], &c);
		fprintf(fp, "%s: %zu of %zu returns accepted, %zu rejected, "
			"%zu missing, %zu quer%s (%zu explained)\n",
			period_format(in->periods[k], text), c.accepted,
			c.expected, c.rejected, c.missing, c.queries,
			c.queries == 1 ? "y" : "ies", c.explained);
	}
}
