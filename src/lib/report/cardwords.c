#include "cardwords.h"

#include <stdio.h>
#include <string.h>

/* The English a card uses for a card_* key the wording lacks, so an
 * older templates/report.csv still makes a whole card. */
static const char *const fallback[][2] = {
	{ "card_title", "Report card" },
	{ "card_peer_group", "Peer group" },
	{ "card_quarter", "Quarter" },
	{ "card_col_metric", "Measure" },
	{ "card_col_own", "Your figure" },
	{ "card_col_sector", "Sector" },
	{ "card_col_peer", "Peer group" },
	{ "card_col_position", "Your position" },
	{ "card_key", "Beside your own figure are the sector\xE2\x80\x99s "
		"and your peer group\xE2\x80\x99s: the median association\xE2"
		"\x80\x99s figure, never a total (for an \xE2\x80\x9C" "of which"
		"\xE2\x80\x9D count, the median association\xE2\x80\x99s own "
		"rate; for a yes/no question, the share answering yes). Your "
		"position is where your own figure lies among all the "
		"associations that answered: top quarter, upper middle, lower "
		"middle or bottom quarter, where the top is best. Sizes, such "
		"as employees or homes, have no position." },
	{ "card_sector_answered", "Sector" },
	{ "card_answered", "associations answered" },
	{ "card_peers_answered", "answered" },
	{ "card_peers_small", "Your peer group is too small to compare with: "
		"fewer than 3 of its associations answered this quarter." },
	{ "card_no_peers", "You have no peer group, so you are compared with "
		"the sector only." },
	{ "card_stand", "Where you stand" },
	{ "card_strongest", "Strongest" },
	{ "card_weakest", "Weakest" },
	{ "card_stand_none", "No measure with a better direction has a "
		"position for you this quarter." },
	{ "card_note_c", "[c] Not shown to protect confidentiality: fewer "
		"than 3 associations answered (5 for a median), or the figure "
		"could identify individuals." },
	{ "card_note_x", "[x] Not available: not answered." },
	{ "card_note_z", "[z] Not applicable: the total it is a share of "
		"is 0." },
	{ "card_yes", "Yes" },
	{ "card_no", "No" },
	{ "card_commitments", "Commitments" },
	{ "card_meets", "meets" },
	{ "card_does_not_meet", "does not meet" },
	{ "card_not_answered", "not answered" },
	{ "card_trend", "Your trend" },
	{ "card_no_trend", "There is no trend to show yet: a trend needs "
		"answers in at least two quarters." },
	{ "card_confidential", "Confidential" },
};

const char *card_word(const struct report_input *in, const char *key)
{
	const char *t = in->words ? wording_get(in->words, key) : "";
	if (t[0])
		return t;
	for (size_t i = 0; i < sizeof(fallback) / sizeof(fallback[0]); i++)
		if (!strcmp(fallback[i][0], key))
			return fallback[i][1];
	return "";
}

const char *card_area_title(const struct report_input *in, const char *area)
{
	char key[160];
	snprintf(key, sizeof(key), "area_%s", area);
	const char *t = in->words ? wording_get(in->words, key) : "";
	return t[0] ? t : area;
}
