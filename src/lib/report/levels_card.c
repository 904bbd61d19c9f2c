#include "levels_card.h"
#include "levels_section.h"
#include "../base/buf.h"
#include "../base/period.h"
#include "../stats/levelcalc.h"

void levels_card_line(const struct report_input *in,
		      const struct level_area *la, int org, struct buf *b)
{
	struct aggregate *a = in->chart.returns;
	int period = in->chart.period;
	int rank = levels_reach(la, a, org, period);
	buf_addf(b, "%s: %s.", levels_area_title(in, la->area),
		 rank ? la->levels[rank - 1].name
		      : levels_word(in, "levels_card_none", "no level yet"));
	if ((size_t)rank >= la->nlevels) {
		buf_addf(b, " %s", levels_word(in, "levels_card_top",
					       "This is the highest level."));
		return;
	}
	buf_addf(b, " %s %s, %s ", levels_word(in, "levels_card_next", "Next,"),
		 la->levels[rank].name,
		 levels_word(in, "levels_card_needs", "needs:"));
	levels_missing(la, rank + 1, a->cat, a, org, period, b);
	buf_addc(b, '.');
}

void levels_card(struct doc *d, int org)
{
	const struct report_input *in = d->in;
	if (!in->levels || !in->levels->nareas || !in->chart.returns ||
	    in->chart.period == PERIOD_NONE)
		return;
	doc_need(d, 70);
	d->y += 8;
	doc_heading(d, 2, levels_word(in, "levels_card_title",
				      "Commitment levels"));
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < in->levels->nareas; i++) {
		buf_reset(&b);
		levels_card_line(in, &in->levels->areas[i], org, &b);
		doc_text(d, DOC_MARGIN, DOC_WIDTH, b.s, 9, WEIGHT_REGULAR,
			 COLOUR_TEXT);
		d->y += 3;
	}
	buf_free(&b);
}
