/* card: an organisation's report card (SPEC §8, issue 5).
 *
 * One or two A4 pages for one signatory and one quarter: its own figures
 * beside the sector's and its peer group's, where it stands among the
 * sector's associations on each metric, the yes/no commitments it meets,
 * and its own trend over the quarters it answered. Its own figures are
 * shown in full; sector and peer-group figures exactly as published
 * (SPEC §6.3): a withheld one is "[c]", a missing one "–", each with its
 * footnote. Words come from the wording (templates/report.csv), with
 * built-in English for any card_* key it lacks. */
#ifndef PLEDGE_CARD_H
#define PLEDGE_CARD_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"

/* Writes org's (a roster index) report card for in->chart.period to path,
 * with mode 0600: it holds the organisation's own figures. Needs
 * in->chart.returns. Returns 0, or -1 with why (of size bytes); nothing
 * is left at path then. */
int card_write(const struct report_input *in, int org, const char *path,
	       char *why, size_t size);

/* Whether org has an accepted answer in in->chart.period (only those get
 * a card). */
bool card_due(const struct report_input *in, int org);

#endif
