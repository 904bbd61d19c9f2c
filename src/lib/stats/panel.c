#include "panel.h"
#include "summary.h"

#include <string.h>

/* The value org gave in list (sorted by org), or NULL. */
static const struct agg_obs *answer_of(const struct agg_obs *list, size_t n,
				       int org)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (list[mid].org < org)
			lo = mid + 1;
		else if (list[mid].org > org)
			hi = mid;
		else
			return &list[mid];
	}
	return NULL;
}

struct side {
	const struct agg_obs *v, *parent;
	size_t nv, nparent;
};

static bool answered(const struct side *s, int org, bool needs_parent,
		     double *value, double *parent)
{
	const struct agg_obs *v = answer_of(s->v, s->nv, org);
	const struct agg_obs *p = needs_parent
					  ? answer_of(s->parent, s->nparent, org)
					  : NULL;
	if (!v || (needs_parent && !p))
		return false;
	*value = v->value;
	*parent = p ? p->value : 0;
	return true;
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

/* Whether a sensitive metric's figure may be published (SPEC §6.3): a
 * rate when the count of people behind it is not small, any other
 * figure when it is not small itself. */
static bool publishable(const struct settings *s, size_t n, bool rate,
			double figure, double child)
{
	if ((long)n < s->min_orgs)
		return false;
	double v = rate ? child : figure;
	return !(v > 0 && v < s->small_below);
}

void panel_change(struct aggregate *a, const struct settings *s, int metric,
		  int from, int to, struct change *out)
{
	const struct metric *m = &a->cat->metrics[metric];
	enum agg_stat stat = metric_headline(m);
	bool needs_parent = stat == AGG_RATE && m->parent >= 0;
	struct side side[2];
	int periods[2] = { from, to };
	for (int k = 0; k < 2; k++) {
		side[k].v = aggregate_answers(a, periods[k], metric, &side[k].nv);
		side[k].parent = NULL;
		side[k].nparent = 0;
		if (needs_parent)
			side[k].parent = aggregate_answers(a, periods[k],
							   m->parent,
							   &side[k].nparent);
	}
	struct summary sum[2];
	double child[2] = { 0, 0 }, parent[2] = { 0, 0 };
	summary_init(&sum[0]);
	summary_init(&sum[1]);
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < side[1].nv; i++) {
		int org = side[1].v[i].org;
		double v[2], p[2];
		if (!answered(&side[0], org, needs_parent, &v[0], &p[0]) ||
		    !answered(&side[1], org, needs_parent, &v[1], &p[1]))
			continue;
		for (int k = 0; k < 2; k++) {
			summary_add(&sum[k], v[k]);
			child[k] += v[k];
			parent[k] += p[k];
		}
		out->n++;
	}
	if (out->n > 0) {
		bool ok[2];
		for (int k = 0; k < 2; k++)
			summary_finish(&sum[k]);
		out->before = headline(stat, m, &sum[0], child[0], parent[0],
				       &ok[0]);
		out->after = headline(stat, m, &sum[1], child[1], parent[1],
				      &ok[1]);
		out->published = ok[0] && ok[1];
		if (m->sensitive)
			for (int k = 0; k < 2; k++)
				out->published &= publishable(
					s, out->n, stat == AGG_RATE,
					k ? out->after : out->before, child[k]);
	}
	summary_free(&sum[0]);
	summary_free(&sum[1]);
}
