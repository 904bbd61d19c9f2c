#include "panel.h"
#include "summary.h"

#include <string.h>

/* org's answer to metric in period and, for a rate of an "of which"
 * count, to its parent (else *parent is 0); false when it is missing. */
static bool answered(struct aggregate *a, int period, int metric, int parent,
		     int org, double *value, double *parent_value)
{
	*parent_value = 0;
	return aggregate_answer(a, period, metric, org, value) &&
	       (parent < 0 ||
		aggregate_answer(a, period, parent, org, parent_value));
}

static double headline(enum agg_stat stat, const struct metric *m,
		       struct summary *sum, double child, double parent,
		       bool *ok)
{
	*ok = true;
	if (stat == AGG_SUM)
		return sum->sum;
	if (stat == AGG_MEDIAN)
		return sum->median;
	if (m->kind == KIND_YESNO)
		return 100 * sum->mean;
	*ok = parent > 0;
	return *ok ? 100 * child / parent : 0;
}

/* Whether a panel's figure may be published (SPEC §6.3): never over
 * fewer than min_orgs organisations, a median only over
 * quartiles_min_orgs; for a metric that counts people, a rate when the
 * count of people behind it is not small, any other figure when it is
 * not small itself. */
static bool publishable(const struct settings *s, size_t n,
			enum agg_stat stat, bool sensitive, double figure,
			double child)
{
	if ((long)n < s->min_orgs ||
	    (stat == AGG_MEDIAN && (long)n < s->quartiles_min_orgs))
		return false;
	double v = stat == AGG_RATE ? child : figure;
	return !sensitive || !(v > 0 && v < s->small_below);
}

void panel_change(struct aggregate *a, const struct settings *s, int metric,
		  int from, int to, struct change *out)
{
	const struct metric *m = &a->cat->metrics[metric];
	enum agg_stat stat = metric_headline(m);
	int parent = stat == AGG_RATE && m->parent >= 0 ? m->parent : -1;
	struct summary sum[2];
	double child[2] = { 0, 0 }, parents[2] = { 0, 0 };
	summary_init(&sum[0]);
	summary_init(&sum[1]);
	memset(out, 0, sizeof(*out));
	size_t n;
	const struct agg_obs *list = aggregate_answers(a, to, metric, &n);
	for (size_t i = 0; i < n; i++) {
		int org = list[i].org;
		double v[2], p[2];
		if (!answered(a, from, metric, parent, org, &v[0], &p[0]) ||
		    !answered(a, to, metric, parent, org, &v[1], &p[1]))
			continue;
		for (int k = 0; k < 2; k++) {
			summary_add(&sum[k], v[k]);
			child[k] += v[k];
			parents[k] += p[k];
		}
		out->n++;
	}
	if (out->n > 0) {
		bool ok[2];
		for (int k = 0; k < 2; k++)
			summary_finish(&sum[k]);
		out->before = headline(stat, m, &sum[0], child[0], parents[0],
				       &ok[0]);
		out->after = headline(stat, m, &sum[1], child[1], parents[1],
				      &ok[1]);
		out->published = ok[0] && ok[1];
		for (int k = 0; k < 2; k++)
			out->published &= publishable(
				s, out->n, stat, m->sensitive,
				k ? out->after : out->before, child[k]);
	}
	summary_free(&sum[0]);
	summary_free(&sum[1]);
}
