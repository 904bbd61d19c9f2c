/* levels_section: the sector report's commitment levels (SPEC §3.5,
 * §8): per area, how many signatories reach each level in each quarter
 * shown, as a table, and this quarter's as a chart. Counts of
 * organisations are under disclosure control (levels_suppress): a
 * withheld one is "[c]". Worked out in-process from the tidy returns
 * the report was given. */
#ifndef PLEDGE_LEVELS_SECTION_H
#define PLEDGE_LEVELS_SECTION_H

#include "doc.h"

/* Adds the section on a new page; nothing when the report has no level
 * rules or no tidy returns. */
void levels_section(struct doc *d);

/* The words for key from the report's wording, else fallback. */
const char *levels_word(const struct report_input *in, const char *key,
			const char *fallback);

/* The title of area (area_<id> in the wording), or the id itself. */
const char *levels_area_title(const struct report_input *in,
			      const char *area);

#endif
