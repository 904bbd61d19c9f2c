#include "summary.h"
#include "sort.h"
#include "../base/xalloc.h"

#include <stdlib.h>

void summary_init(struct summary *s)
{
	s->v = NULL;
	s->n = s->cap = 0;
	summary_reset(s);
}

void summary_reset(struct summary *s)
{
	s->n = 0;
	s->sum = s->mean = s->median = s->p25 = s->p75 = s->min = s->max = 0;
}

void summary_add(struct summary *s, double value)
{
	if (s->n == s->cap)
		GROW(s->v, s->cap, s->n + 1);
	s->v[s->n++] = value;
}

void summary_finish(struct summary *s)
{
	size_t k = 1;
	while (k < s->n && s->v[k - 1] <= s->v[k])
		k++;
	if (k < s->n)
		sort_doubles(s->v, s->n);
	/* Summing in sorted order makes the result independent of the order
	 * the values arrived in. */
	double sum = 0;
	for (size_t i = 0; i < s->n; i++)
		sum += s->v[i];
	s->sum = sum;
	s->mean = sum / (double)s->n;
	s->median = quantile(s->v, s->n, 0.5);
	s->p25 = quantile(s->v, s->n, 0.25);
	s->p75 = quantile(s->v, s->n, 0.75);
	s->min = s->v[0];
	s->max = s->v[s->n - 1];
}

void summary_free(struct summary *s)
{
	free(s->v);
	summary_init(s);
}
