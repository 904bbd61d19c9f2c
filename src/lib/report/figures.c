#include "figures.h"
#include "../base/period.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static void cell_of(const struct agg_row *r, enum agg_stat stat,
		    struct cell *c)
{
	memset(c, 0, sizeof(*c));
	if (!r)
		return;
	c->has = (r->has & (1u << stat)) && isfinite(r->v[stat]);
	c->withheld = !c->has && r->n > 0;
	c->v = c->has ? r->v[stat] : 0;
}

void figures_line(const struct chart_input *in, int metric, int group,
		  struct metric_line *out)
{
	const struct metric *m = &in->cat->metrics[metric];
	memset(out, 0, sizeof(*out));
	out->metric = metric;
	out->stat = metric_headline(m);
	const struct agg_row *r = aggin_find(in->agg, in->period, metric,
					     group);
	out->n = r ? r->n : 0;
	cell_of(r, out->stat, &out->headline);
	if (out->stat == AGG_MEDIAN) {
		cell_of(r, AGG_P25, &out->p25);
		cell_of(r, AGG_P75, &out->p75);
	}
	if (group == AGG_SECTOR) {
		change_lfl(in, metric, in->period - 1, in->period,
			   &out->quarter);
		change_lfl(in, metric, in->period - 4, in->period, &out->year);
	}
}

bool figures_own(const struct chart_input *in, int org, int metric,
		 int period, double *value)
{
	return in->returns &&
	       aggregate_answer(in->returns, period, metric, org, value);
}

enum standing figures_standing(const struct chart_input *in, int metric,
			       int group, double value)
{
	const struct agg_row *r = aggin_find(in->agg, in->period, metric,
					     group);
	unsigned need = (1u << AGG_P25) | (1u << AGG_MEDIAN) | (1u << AGG_P75);
	if (!r || (r->has & need) != need || !isfinite(value))
		return STANDING_UNKNOWN;
	if (value < r->v[AGG_P25])
		return STANDING_BOTTOM;
	if (value > r->v[AGG_P75])
		return STANDING_TOP;
	return value <= r->v[AGG_MEDIAN] ? STANDING_LOWER : STANDING_UPPER;
}

const char *standing_words(enum standing s)
{
	switch (s) {
	case STANDING_BOTTOM: return "bottom quarter";
	case STANDING_LOWER: return "lower middle";
	case STANDING_UPPER: return "upper middle";
	case STANDING_TOP: return "top quarter";
	case STANDING_UNKNOWN: break;
	}
	return "\xE2\x80\x93";
}

char *cell_text(const struct metric *m, enum agg_stat stat,
		const struct cell *c, char out[NUMTEXT])
{
	if (c->has)
		return numtext(c->v, m->kind,
			       stat == AGG_RATE ? FIGURE_RATE : FIGURE_VALUE,
			       out);
	snprintf(out, NUMTEXT, "%s", c->withheld ? "[c]" : "[x]");
	return out;
}

void symbols_seen(const char *text, unsigned *seen)
{
	static const char *const marks[] = { "[c]", "[x]", "[z]", "[r]" };
	for (int i = 0; i < 4; i++)
		if (strstr(text, marks[i]))
			*seen |= 1u << i;
}

const char *peer_group_words(const struct wording *w, const char *id,
			     char *out, size_t size)
{
	char key[200];
	snprintf(key, sizeof(key), "peer_%s", id);
	const char *t = w ? wording_get(w, key) : "";
	if (t[0]) {
		snprintf(out, size, "%s", t);
		return out;
	}
	snprintf(out, size, "%s", id);
	for (char *p = out; *p; p++)
		if (*p == '_' || *p == '-')
			*p = ' ';
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)toupper((unsigned char)out[0]);
	return out;
}

bool figures_is_headline(const struct catalogue *cat, int metric)
{
	const struct metric *m = &cat->metrics[metric];
	if (m->better != BETTER_NONE)
		return true;
	for (size_t i = 0; i < cat->len; i++)
		if (!strcmp(cat->metrics[i].area, m->area) &&
		    cat->metrics[i].better != BETTER_NONE)
			return false;
	return true;
}

size_t symbol_notes(const struct wording *w, unsigned seen, const char *out[4])
{
	static const char *const keys[] = { "symbol_c_note", "symbol_x_note",
		"symbol_z_note", "symbol_r_note" };
	static const char *const fallback[] = {
		"[c] Withheld to protect confidentiality.",
		"[x] Not available: no answer, or no earlier quarter.",
		"[z] Not applicable.",
		"[r] Revised since first published." };
	size_t n = 0;
	for (int i = 0; i < 4; i++)
		if (seen & (1u << i)) {
			const char *t = wording_get(w, keys[i]);
			out[n++] = t[0] ? t : fallback[i];
		}
	return n;
}
