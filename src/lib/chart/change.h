/* change: what a trend says about a metric (SPEC §6.2, §8).
 *
 * A trend plots each quarter's published figure over all who answered
 * that quarter; the change it states is like for like, over the
 * organisations that answered in both quarters. Both are worked out
 * here once, so a chart, its reading, the report's tables and its
 * tiles say the same. A like-for-like change is only ever given as a
 * difference (a percentage where the headline is a total), never as the
 * panel's own figures, and not at all for a panel of fewer than
 * settings->min_orgs or where disclosure control withholds it (§6.3). */
#ifndef PLEDGE_CHANGE_H
#define PLEDGE_CHANGE_H

#include <stdbool.h>
#include <stddef.h>

#include "charts.h"
#include "numtext.h"

/* A quarter's published headline figure, as plotted. */
struct plotted {
	int period;
	bool has;        /* published */
	bool withheld;   /* answered, but withheld: "[c]" */
	double v;
	size_t n;        /* organisations that answered */
};

/* The published headline of metric in group for period (nothing
 * assumed: a cell aggregates.csv lacks is simply not there). */
void change_plotted(const struct chart_input *in, int metric, int group,
		    int period, struct plotted *out);

enum lfl_state {
	LFL_NONE,        /* no earlier quarter, or no tidy returns: "[x]" */
	LFL_WITHHELD,    /* too few in the panel, or could identify: "[c]" */
	LFL_ZERO,        /* a percentage of nothing: "[z]" */
	LFL_OK
};

/* A like-for-like change. */
struct lfl {
	enum lfl_state state;
	size_t n;        /* organisations in the panel */
	double change;   /* after - before, or for a total the percentage
			    change */
	bool percent;    /* change is a percentage of the earlier total */
};

/* The sector's like-for-like change of metric's headline from period
 * from to period to. */
void change_lfl(const struct chart_input *in, int metric, int from, int to,
		struct lfl *out);

/* +1 when a change is for the better by the catalogue's better, -1 for
 * the worse, 0 when it is no change as shown, or better is empty. */
int change_sense(const struct metric *m, enum agg_stat stat,
		 const struct lfl *c);

/* A change as shown everywhere: "+0.3%" for a total, "-2.9 pts" for a
 * rate or percentage, "+£0.20" for money, "+2" otherwise; "no change"
 * when it rounds to zero; "[x]", "[c]" or "[z]" when there is none. */
char *change_text(const struct metric *m, enum agg_stat stat,
		  const struct lfl *c, char *out, size_t size);

/* The same change in words, for a sentence: "0.3% higher", "2.9 pts
 * lower", "£0.20 higher", "no change"; "" when there is none. */
char *change_words(const struct metric *m, enum agg_stat stat,
		   const struct lfl *c, char *out, size_t size);

/* A plotted figure as text: the figure, "[c]" withheld, "[x]" none. */
char *plotted_text(const struct metric *m, enum agg_stat stat,
		   const struct plotted *p, char out[NUMTEXT]);

#endif
