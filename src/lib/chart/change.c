#include "change.h"
#include "../stats/panel.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void change_plotted(const struct chart_input *in, int metric, int group,
		    int period, struct plotted *out)
{
	enum agg_stat stat = metric_headline(&in->cat->metrics[metric]);
	const struct agg_row *r = aggin_find(in->agg, period, metric, group);
	memset(out, 0, sizeof(*out));
	out->period = period;
	if (!r)
		return;
	out->n = r->n;
	out->has = (r->has & (1u << stat)) && isfinite(r->v[stat]);
	out->withheld = !out->has && r->n > 0;
	out->v = out->has ? r->v[stat] : 0;
}

void change_lfl(const struct chart_input *in, int metric, int from, int to,
		struct lfl *out)
{
	const struct metric *m = &in->cat->metrics[metric];
	enum agg_stat stat = metric_headline(m);
	memset(out, 0, sizeof(*out));
	out->percent = stat == AGG_SUM;
	if (!in->returns || !in->settings)
		return;
	struct change c;
	panel_change(in->returns, in->settings, metric, from, to, &c);
	out->n = c.n;
	if (c.n == 0)
		return;
	if ((long)c.n < in->settings->min_orgs || !c.published) {
		out->state = LFL_WITHHELD;
		return;
	}
	if (!isfinite(c.before) || !isfinite(c.after) ||
	    (out->percent && c.before <= 0 && c.after != c.before)) {
		out->state = LFL_ZERO;
		return;
	}
	out->state = LFL_OK;
	out->change = c.after - c.before;
	if (out->percent)
		out->change = c.before > 0 ? 100 * out->change / c.before : 0;
}

/* The size of a change as shown, without its sign; "" when it rounds
 * to nothing. */
static void magnitude(const struct metric *m, enum agg_stat stat,
		      const struct lfl *c, char out[NUMTEXT])
{
	double v = fabs(c->change);
	if (c->percent)
		numtext(v, KIND_PERCENT, FIGURE_RATE, out);
	else if (stat == AGG_RATE || m->kind == KIND_PERCENT) {
		numtext(v, KIND_PERCENT, FIGURE_RATE, out);
		strcpy(out + strlen(out) - 1, " pts");
	} else
		numtext(v, m->kind == KIND_MONEY ? KIND_MONEY : KIND_NUMBER,
			FIGURE_VALUE, out);
	if (strspn(out, "0.,\xC2\xA3") >= strcspn(out, " %"))
		out[0] = '\0';
}

int change_sense(const struct metric *m, enum agg_stat stat,
		 const struct lfl *c)
{
	char t[NUMTEXT];
	if (c->state != LFL_OK || m->better == BETTER_NONE)
		return 0;
	magnitude(m, stat, c, t);
	if (!t[0])
		return 0;
	int up = c->change > 0 ? 1 : -1;
	return m->better == BETTER_HIGHER ? up : -up;
}

static const char *lfl_symbol(enum lfl_state s)
{
	return s == LFL_WITHHELD ? "[c]" : s == LFL_ZERO ? "[z]" : "[x]";
}

char *change_text(const struct metric *m, enum agg_stat stat,
		  const struct lfl *c, char *out, size_t size)
{
	char t[NUMTEXT];
	if (c->state != LFL_OK) {
		snprintf(out, size, "%s", lfl_symbol(c->state));
		return out;
	}
	magnitude(m, stat, c, t);
	if (!t[0])
		snprintf(out, size, "no change");
	else
		snprintf(out, size, "%s%s", c->change < 0 ? "-" : "+", t);
	return out;
}

char *change_words(const struct metric *m, enum agg_stat stat,
		   const struct lfl *c, char *out, size_t size)
{
	char t[NUMTEXT];
	out[0] = '\0';
	if (c->state != LFL_OK)
		return out;
	magnitude(m, stat, c, t);
	if (!t[0])
		snprintf(out, size, "no change");
	else if (c->percent)
		snprintf(out, size, "%s %s", t,
			 c->change < 0 ? "lower" : "higher");
	else
		snprintf(out, size, "%s %s", t,
			 c->change < 0 ? "lower" : "higher");
	return out;
}

char *plotted_text(const struct metric *m, enum agg_stat stat,
		   const struct plotted *p, char out[NUMTEXT])
{
	if (p->has)
		return numtext(p->v, m->kind,
			       stat == AGG_RATE ? FIGURE_RATE : FIGURE_VALUE,
			       out);
	snprintf(out, NUMTEXT, "%s", p->withheld ? "[c]" : "[x]");
	return out;
}
