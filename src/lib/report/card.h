/* card: an organisation's report card (SPEC §6.3, §8).
 *
 * One or two A4 pages for one signatory and one quarter: how many
 * answered in the sector and in its peer group (left out when fewer than
 * 3 did), where it stands (its strongest and weakest positions), then
 * per area each metric's own figure beside the sector's and the peer
 * group's median association (cardline.h, position.h) and its position,
 * top being best; the yes/no commitments it meets and its own trend.
 * Each symbol shown ("[c]", "[x]", "[z]") has its footnote. Words come
 * from cardwords.h. */
#ifndef PLEDGE_CARD_H
#define PLEDGE_CARD_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"

/* Writes org's (a roster index) report card for in->chart.period to path,
 * with mode 0600: it holds the organisation's own figures. Needs
 * in->chart.returns; uses in->positions when given (made once for many
 * cards), else works them out for this card. Returns 0, or -1 with
 * why (of size bytes); nothing is left at path then. */
int card_write(const struct report_input *in, int org, const char *path,
	       char *why, size_t size);

/* Whether org has an accepted answer in in->chart.period (only those get
 * a card). */
bool card_due(const struct report_input *in, int org);

#endif
