/* levelbars: how many signatories reach each commitment level of an
 * area in a quarter, as a bar per level (SPEC §3.5, §8).
 *
 * The counts come already under disclosure control: a withheld count
 * draws no bar and reads "[c]". */
#ifndef PLEDGE_LEVELBARS_H
#define PLEDGE_LEVELBARS_H

#include <stdbool.h>
#include <stddef.h>

#include "scene.h"

struct level_bars {
	const char *title;          /* what and when, e.g. "As employers:
				       commitment levels, 2026-Q3" */
	const char *const *names;   /* per rank; names[0] for no level */
	const size_t *counts;       /* signatories at exactly each rank */
	const bool *withheld;       /* per rank: shown as "[c]" */
	size_t n;                   /* ranks, counting rank 0 */
	size_t total;               /* signatories that answered */
	const char *period;         /* "2026-Q3", for the reading */
};

/* Fills an empty scene (its width set) with the chart, its title and
 * reading. Returns 0, or -1 with the reason in s->why. */
int chart_levels(struct scene *s, const struct level_bars *lb);

#endif
