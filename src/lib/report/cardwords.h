/* cardwords: the words of a report card.
 *
 * Each comes from the wording (templates/report.csv), with built-in
 * English for any card_* key it lacks, so an older report.csv still
 * makes a whole card. */
#ifndef PLEDGE_CARDWORDS_H
#define PLEDGE_CARDWORDS_H

#include "doc.h"

/* The text for key; "" when neither the wording nor the built-in
 * English has it. */
const char *card_word(const struct report_input *in, const char *key);

/* The title of an area (area_<id>), or the id itself. */
const char *card_area_title(const struct report_input *in, const char *area);


#endif
