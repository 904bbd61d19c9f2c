/* peers: the sector report's peer-group section (SPEC §8): each area's
 * headlines by peer group, with how many answered, published figures
 * only ("[c]" where a figure is withheld, "[x]" where no one answered). */
#ifndef PLEDGE_PEERS_H
#define PLEDGE_PEERS_H

#include <stddef.h>

#include "doc.h"

/* Sets the section: a table per area (areas[i] titled titles[i]), at
 * most four peer groups beside the sector in each. */
void peers_section(struct doc *d, const char *const *areas,
		   const char *const *titles, size_t n);

#endif
