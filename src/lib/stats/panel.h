/* panel: change between two quarters, like with like (SPEC §6.2).
 *
 * A change is worked out over the organisations that answered in both
 * quarters (a balanced panel), so a figure does not rise only because
 * different organisations replied. For an "of which" count, they must
 * have answered it and its parent in both. */
#ifndef PLEDGE_PANEL_H
#define PLEDGE_PANEL_H

#include <stdbool.h>
#include <stddef.h>

#include "../model/settings.h"
#include "aggregate.h"

struct change {
	size_t n;            /* organisations in the panel */
	double before, after;
	bool published;      /* false: too few organisations, or a small
				count of people (SPEC §6.3) */
};

/* The change of metric's headline figure (metric_headline) from period
 * from to period to, over the balanced panel. */
void panel_change(struct aggregate *a, const struct settings *s, int metric,
		  int from, int to, struct change *out);

#endif
