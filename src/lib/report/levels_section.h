/* levels_section: the sector report's commitment levels (SPEC §3.5,
 * §8): how many signatories reach each level of each area in each
 * quarter shown, as one table (a row per area and quarter when every
 * area has the same levels and that is shorter, else a row per area and
 * level), and each area's counts this quarter as a chart, two to a row.
 * Built with doc_table and doc_charts, so the HTML edition has them
 * too. Counts of organisations are under disclosure control
 * (levels_suppress): a withheld one is "[c]". Worked out in-process from the tidy returns
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
