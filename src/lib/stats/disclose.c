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
		return f->sensitive;
	case RULE_FEW_ORGS:
		return f->sensitive && (long)row->n < s->min_orgs;
	case RULE_SMALL_COUNT:
		return f->sensitive && stat <= AGG_MEAN &&
		       small(s, row->v[stat]);
	case RULE_SMALL_QUARTILE:
		return f->sensitive && small(s, row->v[stat]);
	case RULE_SMALL_RATE:
		return f->sensitive && small(s, f->child);
	default:
		return false;
	}
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

void disclose_groups(struct agg_row *rows, size_t len,
		     const struct settings *s, const struct disc_facts *facts)
{
	(void)rows;
	(void)len;
	(void)s;
	(void)facts;
}
