#include "disclose.h"

static bool small(const struct settings *s, double v)
{
	return v > 0 && v < s->small_below;
}

/* Whether rule withholds stat of row; RULE_SECONDARY is decided over the
 * groups, not here. */
static bool applies(enum disc_rule rule, const struct agg_row *row, int stat,
		    const struct settings *s, const struct disc_facts *f)
{
	switch (rule) {
	case RULE_NEVER:
		return true;
	case RULE_FEW_ORGS:
		return (long)row->n < s->min_orgs;
	case RULE_FEW_ORGS_QUARTILES:
		return (long)row->n < s->quartiles_min_orgs;
	case RULE_SMALL_COUNT:
		return f->sensitive && small(s, row->v[AGG_SUM]);
	case RULE_SMALL_QUARTILE:
		return f->sensitive && small(s, row->v[stat]);
	case RULE_SMALL_RATE:
		return f->sensitive && small(s, f->child);
	default:
		return false;
	}
}

static bool withheld(const struct agg_row *row, int stat)
{
	return row->why[stat] != RULE_NONE && row->why[stat] != RULE_NEVER;
}

void disclose_withhold(struct agg_row *row, int stat, enum disc_rule rule)
{
	if (!(row->has & (1u << stat)))
		return;
	row->has &= ~(1u << stat);
	row->why[stat] = (unsigned char)rule;
	if (rule != RULE_NEVER)
		row->suppressed = true;
}

void disclose_row(struct agg_row *row, const struct settings *s,
		  const struct disc_facts *f)
{
	for (int r = RULE_NEVER; r < RULE_COUNT; r++)
		for (int k = 0; k < AGG_NSTATS; k++)
			if ((stat_table[k].rules & RULE_BIT(r)) &&
			    applies((enum disc_rule)r, row, k, s, f))
				disclose_withhold(row, k, (enum disc_rule)r);
}

/* The amount behind stat of a row that subtraction would recover: the
 * sum, or the count of people behind a rate. */
static double amount(const struct agg_row *row, const struct disc_facts *f,
		     int stat)
{
	return stat == AGG_SUM ? row->v[AGG_SUM] : f->child;
}

/* Whether the peer groups whose stat is withheld, with the organisations
 * in no peer group (never published on their own), could be worked out
 * as the sector's figure minus the published groups' and so need one
 * more group withheld: when exactly one group is withheld and every
 * organisation is in a group (SPEC §6.3 rule 4), or when what is
 * withheld together is about fewer than min_orgs organisations or is a
 * small count of people. */
static bool exposed(const struct agg_row *rows, size_t len,
		    const struct disc_facts *facts, int stat,
		    const struct settings *s)
{
	size_t count = 0, n = rows[0].n, peers_n = 0;
	double rest = amount(&rows[0], &facts[0], stat), hidden = 0;
	for (size_t i = 1; i < len; i++) {
		if (!rows[i].n)
			continue;
		peers_n += rows[i].n;
		rest -= amount(&rows[i], &facts[i], stat);
		if (withheld(&rows[i], stat)) {
			count++;
			hidden += amount(&rows[i], &facts[i], stat);
		} else {
			n -= rows[i].n;
		}
	}
	size_t unknown = count + (rows[0].n > peers_n);
	if (unknown == 1 && count == 1)
		return true;
	if (unknown == 0)
		return false;
	hidden += unknown > count ? rest : 0;
	return (long)n < s->min_orgs ||
	       (facts[0].sensitive && small(s, hidden));
}

/* The published peer group with the fewest answering organisations (the
 * first by name on a tie), or 0 when there is none. */
static size_t smallest_published(const struct agg_row *rows, size_t len,
				 int stat)
{
	size_t best = 0;
	for (size_t i = 1; i < len; i++)
		if (rows[i].n && (rows[i].has & (1u << stat)) &&
		    (!best || rows[i].n < rows[best].n))
			best = i;
	return best;
}

void disclose_groups(struct agg_row *rows, size_t len,
		     const struct settings *s, const struct disc_facts *facts)
{
	for (int k = 0; k < AGG_NSTATS; k++) {
		if (!stat_table[k].protected_sum ||
		    !(rows[0].has & (1u << k)))
			continue;
		size_t g;
		while (exposed(rows, len, facts, k, s) &&
		       (g = smallest_published(rows, len, k)) != 0)
			for (int j = 0; j < AGG_NSTATS; j++)
				if (stat_table[j].rules &
				    RULE_BIT(RULE_SECONDARY))
					disclose_withhold(&rows[g], j,
							  RULE_SECONDARY);
	}
}
