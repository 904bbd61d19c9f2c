/* disclose: disclosure control (SPEC §6.3) applied to aggregates rows.
 *
 * Which statistic each rule may withhold is stat_table's to say; this
 * module says when a rule applies. A withheld figure loses its bit in
 * row->has, its rule goes into row->why, and the row is flagged (but for
 * RULE_NEVER). */
#ifndef PLEDGE_DISCLOSE_H
#define PLEDGE_DISCLOSE_H

#include <stdbool.h>
#include <stddef.h>

#include "../model/settings.h"
#include "stat.h"

/* What the rules need to know of a row beyond its figures. */
struct disc_facts {
	bool sensitive;   /* the metric counts people */
	double child;     /* the sum of counts behind its rate, 0 when none */
};

/* Applies the rules of one row (all but the secondary rule). */
void disclose_row(struct agg_row *row, const struct settings *s,
		  const struct disc_facts *f);

/* The secondary rule over one period and metric: rows[0] is the sector,
 * rows[1..len) the peer groups by name (a row with n = 0 is a group that
 * did not answer), each already through disclose_row; facts[i] is
 * rows[i]'s. */
void disclose_groups(struct agg_row *rows, size_t len,
		     const struct settings *s, const struct disc_facts *facts);

/* Withholds stat of row by rule when it is published (else nothing). */
void disclose_withhold(struct agg_row *row, int stat, enum disc_rule rule);

#endif
