/* points: the main points that open the sector report (SPEC §8).
 *
 * At most six sentences a CEO can act on, chosen from the published
 * figures and the like-for-like changes, each with its number: the
 * response rate; the biggest like-for-like improvements and the biggest
 * fall, judged by the catalogue's better; the commitments most and least
 * met; how many reach each commitment level in each area. Only what
 * the report's tables and charts also say is used. */
#ifndef PLEDGE_POINTS_H
#define PLEDGE_POINTS_H

#include <stddef.h>

#include "../chart/charts.h"
#include "../model/levels.h"
#include "../model/wording.h"

#define POINTS_MAX 6

/* Fills out with up to max sentences (new memory each, for the caller
 * to free) and returns how many. The levels point needs lv and the
 * tidy returns (in->returns); words give the areas' titles (area_<id>);
 * either may be NULL. */
size_t points_of(const struct chart_input *in, const struct levels *lv,
		 const struct wording *words, char **out, size_t max);

#endif
