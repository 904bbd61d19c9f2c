/* cardline: what a report card says about one metric (SPEC §8).
 *
 * The organisation's own figure, the comparable figures of the sector
 * and of its peer group, and its position, as words and numbers; the
 * card's PDF and its CSV both take them from here, so they say the
 * same. Symbols follow the Government Statistical Service: "[c]"
 * withheld to protect confidentiality, "[x]" not available, "[z]" not
 * applicable. */
#ifndef PLEDGE_CARDLINE_H
#define PLEDGE_CARDLINE_H

#include <stdbool.h>

#include "../chart/numtext.h"
#include "figures.h"  /* enum symbol */
#include "position.h"

/* Which symbols a line uses. */

struct card_line {
	char own[NUMTEXT], sector[NUMTEXT], peer[NUMTEXT]; /* as read:
					"6.9%", "£12.10", "1,631", "Yes" */
	enum position position;
	unsigned symbols;
};

/* The line of metric for org. peers says whether its peer group may be
 * shown (when not, its figure is "[c]"); yes and no are the words for
 * its own yes/no answer. */
void card_line(const struct positions *p, const struct catalogue *cat,
	       int org, int metric, bool peers, const char *yes,
	       const char *no, struct card_line *out);

/* Whether org's peer group may be shown beside it: it has one, and at
 * least suppress_min_orgs (s, 3 when NULL) of its associations answered
 * in the quarter. *answered is how many did. */
bool card_peers_shown(const struct positions *p, const struct settings *s,
		      int org, size_t *answered);

/* A figure of the line as a CSV value: the same figure without
 * thousands separators, "£" or "%" ("1631", "12.10", "6.9"); symbols
 * and words as they are. Into out (NUMTEXT bytes). */
char *card_line_plain(const char *text, char *out);

#endif
