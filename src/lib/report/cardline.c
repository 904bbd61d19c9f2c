#include "cardline.h"

#include <stdio.h>
#include <string.h>

#define POUND "\xC2\xA3"

static const char *symbol(enum shown s, unsigned *used)
{
	*used |= s == SHOWN_WITHHELD ? SYMBOL_C : SYMBOL_X;
	return s == SHOWN_WITHHELD ? "[c]" : "[x]";
}

/* A comparable figure: a share or a rate as a percentage, else in the
 * metric's own kind. */
static void group_text(const struct metric *mt, const struct comparable *c,
		       char out[NUMTEXT], unsigned *used)
{
	bool rate = mt->kind == KIND_YESNO ||
		    (mt->kind == KIND_COUNT && mt->parent >= 0);
	if (c->shown != SHOWN)
		snprintf(out, NUMTEXT, "%s", symbol(c->shown, used));
	else
		numtext(c->v, mt->kind, rate ? FIGURE_RATE : FIGURE_VALUE,
			out);
}

void card_line(const struct positions *p, const struct catalogue *cat,
	       int org, int metric, bool peers, const char *yes,
	       const char *no, struct card_line *out)
{
	const struct metric *mt = &cat->metrics[metric];
	memset(out, 0, sizeof(*out));
	struct own o = positions_own(p, org, metric);
	if (o.shown != SHOWN) {
		snprintf(out->own, NUMTEXT, "%s",
			 symbol(SHOWN_NONE, &out->symbols));
	} else if (o.zero) {
		snprintf(out->own, NUMTEXT, "[z]");
		out->symbols |= SYMBOL_Z;
	} else if (mt->kind == KIND_YESNO) {
		snprintf(out->own, NUMTEXT, "%s", o.v != 0 ? yes : no);
	} else {
		numtext(o.v, mt->kind, o.rate ? FIGURE_RATE : FIGURE_VALUE,
			out->own);
	}
	struct comparable sector = positions_group(p, metric, -1);
	group_text(mt, &sector, out->sector, &out->symbols);
	struct comparable peer = positions_group(p, metric, org);
	if (!peers)
		peer.shown = SHOWN_WITHHELD;
	group_text(mt, &peer, out->peer, &out->symbols);
	out->position = positions_of(p, metric, org);
}

char *card_line_plain(const char *text, char *out)
{
	size_t o = 0;
	bool number = text[0] && strchr("0123456789-" POUND, text[0]);
	for (const char *s = text; *s && o + 1 < NUMTEXT; s++) {
		if (number && (*s == ',' || *s == '%'))
			continue;
		if (number && !strncmp(s, POUND, strlen(POUND))) {
			s += strlen(POUND) - 1;
			continue;
		}
		out[o++] = *s;
	}
	out[o] = '\0';
	return out;
}

bool card_peers_shown(const struct positions *p, const struct settings *s,
		      int org, size_t *answered)
{
	bool named;
	*answered = positions_peers(p, org, &named);
	return named && (long)*answered >= (s ? s->min_orgs : 3);
}
