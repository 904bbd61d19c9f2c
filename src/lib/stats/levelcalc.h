/* levelcalc: the commitment level each signatory reaches in each area
 * (SPEC §3.5), worked out from its answers, and what the next level
 * needs, in plain words.
 *
 * The answers come from an aggregate filled with tidy returns
 * (aggregate_add); a signatory counts in a quarter when it has at least
 * one answer there (an accepted return). Nothing here prints. */
#ifndef PLEDGE_LEVELCALC_H
#define PLEDGE_LEVELCALC_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/buf.h"
#include "../model/levels.h"
#include "aggregate.h"

/* The latest quarter with any answer in a, or PERIOD_NONE. */
int levels_latest(const struct aggregate *a);

/* The earliest quarter with any answer in a, or PERIOD_NONE. */
int levels_earliest(const struct aggregate *a);

/* Whether org has an answer to any metric in period. */
bool levels_answered(struct aggregate *a, int org, int period);

/* Whether condition c holds for org at period: its test passes in
 * period and each of the c->quarters - 1 quarters before it. A quarter
 * without the answer (or, for rate>=, without the parent's, or with a
 * parent of 0) fails. */
bool level_cond_holds(const struct level_cond *c, struct aggregate *a,
		      int org, int period);

/* The rank org reaches in area la at period: the highest k such that
 * every condition of levels 1..k holds; 0 for none. */
int levels_reach(const struct level_area *la, struct aggregate *a, int org,
		 int period);

/* Plain words for one condition, added to b: "Staff carers' network:
 * yes in each of the last 4 quarters". */
void level_cond_words(const struct level_cond *c, const struct catalogue *cat,
		      struct buf *b);

/* The words of each condition of level rank (1-based) of la that org
 * does not meet at period, joined by "; ", added to b. Nothing is added
 * when rank is beyond the top level. */
void levels_missing(const struct level_area *la, int rank,
		    const struct catalogue *cat, struct aggregate *a, int org,
		    int period, struct buf *b);

/* How many of the signatories that answered in period reach each rank
 * of la: counts[0] none, counts[k] level k (exactly). counts has
 * la->nlevels + 1 entries. Returns the number that answered. */
size_t levels_count(const struct level_area *la, struct aggregate *a,
		    int period, size_t *counts);

/* Disclosure control for counts of organisations per rank (SPEC §6.3),
 * which add up to a published total: each count from 1 to
 * min_orgs - 1 is withheld, and then, while a withheld count could be worked out
 * (it is the only one withheld, or the withheld ones could only be 1
 * each, or 2 each), the smallest published count above 0 (the lowest
 * rank first) is withheld too; when none is left, every count is
 * withheld, zeros too. Sets withheld[k]; returns whether any is. */
bool levels_suppress(const size_t *counts, size_t n, size_t min_orgs,
		     bool *withheld);

#endif
