#include "stat.h"

#include <stddef.h>

static double of_sum(const struct summary *s) { return s->sum; }
static double of_mean(const struct summary *s) { return s->mean; }
static double of_median(const struct summary *s) { return s->median; }
static double of_p25(const struct summary *s) { return s->p25; }
static double of_p75(const struct summary *s) { return s->p75; }
static double of_min(const struct summary *s) { return s->min; }
static double of_max(const struct summary *s) { return s->max; }

/* Rules every figure but n is subject to: too few organisations, a row
 * whose count of people is small, and the secondary rule. */
#define ROW_RULES (RULE_BIT(RULE_FEW_ORGS) | RULE_BIT(RULE_SMALL_COUNT) | \
		   RULE_BIT(RULE_SECONDARY))
#define QUARTILE_RULES (ROW_RULES | RULE_BIT(RULE_FEW_ORGS_QUARTILES) | \
			RULE_BIT(RULE_SMALL_QUARTILE))
#define ONE_ORG (ROW_RULES | RULE_BIT(RULE_NEVER))

const struct stat_def stat_table[AGG_NSTATS] = {
	[AGG_SUM] = { "sum", of_sum, ROW_RULES, 1,
		      "Sum of the answers; on returns rows, the organisations "
		      "that owed a return (response rate = n / sum)." },
	[AGG_MEAN] = { "mean", of_mean, ROW_RULES, 0,
		       "Mean of the answers (for a yes/no, the share "
		       "answering yes)." },
	[AGG_MEDIAN] = { "median", of_median, QUARTILE_RULES, 0,
			 "Median of the answers." },
	[AGG_P25] = { "p25", of_p25, QUARTILE_RULES, 0,
		      "25th percentile." },
	[AGG_P75] = { "p75", of_p75, QUARTILE_RULES, 0,
		      "75th percentile." },
	[AGG_MIN] = { "min", of_min, ONE_ORG, 0,
		      "Smallest answer: never published (always empty), "
		      "since it is one organisation's figure." },
	[AGG_MAX] = { "max", of_max, ONE_ORG, 0,
		      "Largest answer: never published (always empty), "
		      "since it is one organisation's figure." },
	[AGG_RATE] = { "rate", NULL, ROW_RULES | RULE_BIT(RULE_SMALL_RATE), 1,
		       "For a yes/no, the percentage answering yes; for an "
		       "\"of which\" count, 100 times the sum of the counts "
		       "over the sum of their parents, over the "
		       "organisations that answered both; empty otherwise." },
};

const char *rule_name(enum disc_rule r)
{
	static const char *const names[RULE_COUNT] = {
		[RULE_NONE] = "",
		[RULE_NEVER] = "never",
		[RULE_FEW_ORGS] = "few-orgs",
		[RULE_FEW_ORGS_QUARTILES] = "few-orgs-quartiles",
		[RULE_SMALL_COUNT] = "small-count",
		[RULE_SMALL_QUARTILE] = "small-quartile",
		[RULE_SMALL_RATE] = "small-rate",
		[RULE_SECONDARY] = "secondary",
	};
	return (unsigned)r < RULE_COUNT ? names[r] : "";
}
