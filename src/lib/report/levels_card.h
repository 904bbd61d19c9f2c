/* levels_card: an organisation's commitment level in each area on its
 * report card, and what the next level needs (SPEC §3.5, §8):
 * "As employers: Accomplished. Next, Ambassador, needs: Staff carers'
 * network: yes in each of the last 4 quarters." Worked out from the tidy
 * returns the card is made from. */
#ifndef PLEDGE_LEVELS_CARD_H
#define PLEDGE_LEVELS_CARD_H

#include "doc.h"
#include "../base/buf.h"

/* The sentence for org's level in area la at the report's quarter, into
 * b. */
void levels_card_line(const struct report_input *in,
		      const struct level_area *la, int org, struct buf *b);

/* Adds the card's "Commitment levels" block for org (a roster index);
 * nothing when there are no level rules or no tidy returns. */
void levels_card(struct doc *d, int org);

#endif
