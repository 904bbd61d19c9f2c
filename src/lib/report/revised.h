/* revised: the figures revised since first published (revisions.csv,
 * written by pledge-run when it redoes a published quarter), so the
 * reports can mark them [r] as the Government Statistical Service
 * asks. */
#ifndef PLEDGE_REVISED_H
#define PLEDGE_REVISED_H

#include "base/diag.h"

#include <stddef.h>

struct revised;

/* Loads path (columns period,metric,group,column,old,new). Returns the
 * set (perhaps empty), or NULL with the problems added to d. */
struct revised *revised_load(const char *path, struct diags *d);
void revised_free(struct revised *r);

/* text, with " [r]" added (within size bytes) when any published figure
 * of metric in group ("sector", "peer:NAME") for period moved; r may be
 * NULL (nothing revised). Returns text. */
char *revised_mark(const struct revised *r, int period, const char *metric,
		   const char *group, char *text, size_t size);

/* The sentence explaining [r], or NULL when no figure of period is
 * marked. */
const char *revised_note(const struct revised *r, int period);

#endif
