/* figures: what the reports say about each metric (SPEC §8).
 *
 * Worked out from the published aggregates, and, for changes and an
 * organisation's own answers, from the tidy returns: a change is only
 * ever stated over the organisations that answered in both quarters
 * (SPEC §6.2), and only when disclosure control allows it (§6.3). */
#ifndef PLEDGE_FIGURES_H
#define PLEDGE_FIGURES_H

#include <stdbool.h>
#include <stddef.h>

#include "../chart/change.h"
#include "../chart/charts.h"
#include "../chart/numtext.h"
#include "../model/wording.h"

/* One published figure. */
struct cell {
	bool has;        /* published */
	bool withheld;   /* not published to protect individuals: "[c]" */
	double v;
};

struct metric_line {
	int metric;
	enum agg_stat stat;   /* the headline: total, rate or median */
	size_t n;             /* organisations that answered */
	struct cell headline, p25, p75;
	struct lfl quarter;   /* like for like since the quarter before */
	struct lfl year;      /* and since the same quarter a year before */
};

/* The line for metric in group (AGG_SECTOR or a group of in->agg) for
 * in->period. Changes need in->returns. */
void figures_line(const struct chart_input *in, int metric, int group,
		  struct metric_line *out);

/* Where an answer stands among published quartiles. */
enum standing { STANDING_UNKNOWN, STANDING_BOTTOM, STANDING_LOWER,
		STANDING_UPPER, STANDING_TOP };

/* org's own answer to metric in period (from in->returns); false when
 * it gave none. */
bool figures_own(const struct chart_input *in, int org, int metric,
		 int period, double *value);

/* Where value stands against a line's published quartiles: the bottom
 * quarter (below p25), the lower middle (up to the median), the upper
 * middle, the top quarter (above p75); unknown when they are not all
 * published. Needs the sector median too. */
enum standing figures_standing(const struct chart_input *in, int metric,
			       int group, double value);
const char *standing_words(enum standing s);

/* A cell as text: the figure, "[c]" when withheld, "[x]" when there is
 * none. */
char *cell_text(const struct metric *m, enum agg_stat stat,
		const struct cell *c, char out[NUMTEXT]);

/* Whether metric is one of its area's headlines, shown at a glance and
 * by peer group: a metric with a better direction (what the pledge asks
 * to improve), or any metric of an area where none has one. */
bool figures_is_headline(const struct catalogue *cat, int metric);

/* The GSS symbols a report uses (SPEC §8), so that each is explained
 * where it is used. */
enum symbol { SYMBOL_C = 1, SYMBOL_X = 2, SYMBOL_Z = 4, SYMBOL_R = 8 };

/* Adds to *seen the symbols text shows. */
void symbols_seen(const char *text, unsigned *seen);

/* The notes that explain the symbols in seen, in the order [c] [x] [z]
 * [r]: the wording's symbol_c_note, symbol_x_note, symbol_z_note and
 * symbol_r_note, or plain defaults. Fills out; returns how many. */
size_t symbol_notes(const struct wording *w, unsigned seen,
		    const char *out[4]);

/* A peer group as people read it: the wording's "peer_ID" text, else
 * the id with a capital and spaces for '_' and '-' ("supported_housing"
 * -> "Supported housing"; also when w is NULL). Into out. */
const char *peer_group_words(const struct wording *w, const char *id,
			     char *out, size_t size);

#endif
