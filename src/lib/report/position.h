/* position: what a report card compares an organisation with (SPEC §6.3,
 * §8).
 *
 * For one quarter, from the tidy returns: each organisation's comparable
 * figure for each metric (its own rate for an "of which" count, 100 ×
 * child / parent of its own return; its answer otherwise), the figure of
 * the median organisation of the sector and of each peer group (the share
 * answering yes for a yes/no question), shown only as disclosure control
 * allows, and where an organisation's own figure stands among all who
 * answered, top being best by the catalogue's `better`.
 *
 * Built once per quarter (positions_make) and then read by every card, so
 * 2,000 cards cost one sort per metric and group, not 2,000. */
#ifndef PLEDGE_POSITION_H
#define PLEDGE_POSITION_H

#include <stdbool.h>
#include <stddef.h>

#include "../chart/charts.h"

/* Where a figure stands among the organisations that answered. */
enum position {
	POSITION_NONE,     /* none: a size, a yes/no, no direction, or
			      nobody else to compare with */
	POSITION_BOTTOM,   /* bottom quarter (worst) */
	POSITION_LOWER,    /* lower middle */
	POSITION_UPPER,    /* upper middle */
	POSITION_TOP,      /* top quarter (best) */
	POSITION_LEVEL,    /* every organisation gave the same figure */
};

/* "top quarter", "upper middle", "lower middle", "bottom quarter",
 * "same as all", or "" for none. */
const char *position_words(enum position p);

/* Where v stands among sorted[0..n) (ascending; v one of them) when
 * higher (or, with lower_is_better, lower) is better: by the share of the
 * others it does better than, a tie counting half — 0.75 and above is
 * the top quarter, above 0.5 the upper middle, 0.5 exactly the upper
 * middle too (the median organisation), 0.25 and below the bottom
 * quarter; tied with the best it is always top, tied with the worst
 * always bottom. None when n < 2 or v is not among them; level when all
 * are equal. */
enum position position_among(const double *sorted, size_t n, double v,
			     bool lower_is_better);

/* A comparable figure of a group, as the card may show it. */
enum shown { SHOWN, SHOWN_WITHHELD /* [c] */, SHOWN_NONE /* [x] */ };

struct comparable {
	enum shown shown;
	double v;      /* when SHOWN: a median value or rate, or a share */
	size_t n;      /* organisations with a comparable figure */
};

/* An organisation's own figure. */
struct own {
	enum shown shown; /* SHOWN_NONE: not answered */
	bool rate;        /* v is 100 × child / parent */
	bool zero;        /* an "of which" count whose parent is 0: [z] */
	double v;
};

struct positions;

/* The figures of in->period from in->returns (and in->settings: the
 * disclosure thresholds); NULL when there are no returns. Valid while
 * in->returns is, and unchanged. */
struct positions *positions_make(const struct chart_input *in);
void positions_free(struct positions *p);

/* The roster index's own figure for metric. */
struct own positions_own(const struct positions *p, int org, int metric);

/* The comparable figure of metric for group (AGG_SECTOR, or the peer
 * group of the organisation: give the organisation's roster index as
 * org, or -1 for the sector). Fewer than suppress_min_orgs with a figure:
 * withheld (none when 0); a median only where quartiles_min_orgs have
 * one; for a sensitive metric, withheld where the count of people behind
 * it (its sum, or its median) is above 0 and below suppress_below. */
struct comparable positions_group(const struct positions *p, int metric,
				  int org);

/* Where org's own figure stands among all who answered metric. */
enum position positions_of(const struct positions *p, int metric, int org);

/* The best and the worst of org's positions over the catalogue (none
 * when it has none; level counts as none). */
void positions_extremes(const struct positions *p, int org,
			enum position *best, enum position *worst);

/* How many organisations of org's peer group (all, when it has none)
 * answered anything in the quarter; *named is false when it has none. */
size_t positions_peers(const struct positions *p, int org, bool *named);

#endif
