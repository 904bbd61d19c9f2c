#include "kinds.h"

static int response(struct scene *s, const struct chart_input *in,
		    int metric, int org)
{
	(void)metric;
	(void)org;
	return chart_response(s, in);
}

static int commitments(struct scene *s, const struct chart_input *in,
		       int metric, int org)
{
	(void)metric;
	(void)org;
	return chart_commitments(s, in);
}

static int trend(struct scene *s, const struct chart_input *in, int metric,
		 int org)
{
	(void)org;
	return chart_trend(s, in, metric);
}

/* Not for counts of people, where each dot would be one organisation's
 * count, nor for yes/no answers. */
static int spread(const struct metric *m)
{
	return !m->sensitive && m->kind != KIND_YESNO;
}

const struct chart_kind chart_kinds[] = {
	{ "response", 0, 0, response, NULL },
	{ "commitments", 0, 0, commitments, NULL },
	{ "trend", 1, 0, trend, NULL },
	{ "distribution", 1, 1, chart_distribution, spread },
};

const size_t chart_nkinds = sizeof(chart_kinds) / sizeof(chart_kinds[0]);
