/* stat: the one table of the statistics an aggregates row carries
 * (SPEC §4.3) and of the rules that may withhold them (SPEC §6.3).
 *
 * Each statistic has one entry: its column in aggregates.csv (in column
 * order, between n and flag), how it is worked out from a finished
 * summary, which disclosure rules may withhold it, and its meaning as
 * datapackage.json states it. aggregate, disclose, aggout and aggin are
 * driven by this table, so a statistic is added here and nowhere else.
 * Every figure is written and read back as a plain decimal number, and an
 * empty cell is a figure not published. */
#ifndef PLEDGE_STAT_H
#define PLEDGE_STAT_H

#include <stdbool.h>
#include <stddef.h>

#include "summary.h"

enum agg_stat { AGG_SUM, AGG_MEAN, AGG_MEDIAN, AGG_P25, AGG_P75, AGG_MIN,
		AGG_MAX, AGG_RATE, AGG_NSTATS };

/* The disclosure rules (SPEC §6.3), in the order they are tried: a
 * withheld cell is put down to the first that applies. RULE_NEVER is the
 * figure never published (min, max); it does not flag the row. */
enum disc_rule { RULE_NONE, RULE_NEVER, RULE_FEW_ORGS,
		 RULE_FEW_ORGS_QUARTILES, RULE_SMALL_COUNT,
		 RULE_SMALL_QUARTILE, RULE_SMALL_RATE, RULE_SECONDARY,
		 RULE_COUNT };

#define RULE_BIT(r) (1u << (r))

struct stat_def {
	const char *column;   /* its column in aggregates.csv */
	/* Its value from a finished summary; NULL for the rate, which
	 * aggregate works out from pairs of answers. */
	double (*of)(const struct summary *s);
	/* RULE_BIT of every rule that may withhold it. A statistic that
	 * gives another away has at least its rules: the mean has the
	 * sum's (mean × n = sum), the rate too (for a yes/no it is 100 ×
	 * the mean). */
	unsigned rules;
	/* A statistic the secondary rule (RULE_SECONDARY) protects: one
	 * group's withheld figure must not be the sector's minus the
	 * others'. */
	int protected_sum;
	const char *meaning;  /* its description in datapackage.json */
};

extern const struct stat_def stat_table[AGG_NSTATS];

/* One row of aggregates.csv. */
struct agg_row {
	int period;
	int metric;       /* catalogue index, or AGG_RETURNS */
	int group;        /* index into the groups, or AGG_SECTOR */
	size_t n;
	double v[AGG_NSTATS];
	unsigned has;     /* bit (1 << stat) set when v[stat] is published */
	/* Per statistic, the rule that withheld it (RULE_NONE when it is
	 * published or has no value); not read back by aggin. */
	unsigned char why[AGG_NSTATS];
	bool suppressed;  /* flag "c": a figure withheld by a rule other
			     than RULE_NEVER */
};

/* The rule's stable word, as disclosure.csv writes it ("few-orgs",
 * "small-count", ...); "" for RULE_NONE. */
const char *rule_name(enum disc_rule r);

#endif
