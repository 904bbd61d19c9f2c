/* charts: the pledge's charts, each built as a scene (SPEC §7).
 *
 * Every builder fills an initialised-empty scene with shapes, a title
 * that says what the chart shows and for which quarter, and a one-line
 * plain-English reading. It returns 0, or -1 when the chart cannot be
 * drawn, with the reason in s->why; the caller then draws the next one. */
#ifndef PLEDGE_CHARTS_H
#define PLEDGE_CHARTS_H

#include "../model/catalogue.h"
#include "../model/roster.h"
#include "../model/settings.h"
#include "../stats/aggin.h"
#include "../stats/aggregate.h"
#include "scene.h"

#define CHART_WIDTH 480.0
#define CHART_HEIGHT 270.0
#define CHART_QUARTERS 8

struct chart_input {
	const struct catalogue *cat;
	const struct roster *roster;     /* for the distribution chart */
	const struct settings *settings;
	const struct fonts *fonts;
	const struct aggin *agg;         /* published figures */
	struct aggregate *returns;       /* tidy returns, or NULL: then
					    readings say no more than the
					    published figures do */
	int period;                      /* the latest quarter shown */
};

/* The trend of a metric's headline figure over up to 8 quarters, with
 * the middle half of associations shaded where the headline is a median
 * and how many answered under each quarter. A quarter with no published
 * figure is a gap, never a zero. A scene under 400 wide (two to a row
 * in a report) is laid out compactly, and refused when the metric's
 * label needs more than two lines there. */
int chart_trend(struct scene *s, const struct chart_input *in, int metric);

/* The share of signatories meeting each yes/no commitment. */
int chart_commitments(struct scene *s, const struct chart_input *in);

/* The response rate by quarter. */
int chart_response(struct scene *s, const struct chart_input *in);

/* Where organisations' answers to metric lie in the quarter, with org
 * (a roster index, or -1 for none) marked. Needs in->returns; refused
 * for sensitive metrics, where each dot would be one organisation's
 * count of people, and for yes/no metrics. */
int chart_distribution(struct scene *s, const struct chart_input *in,
		       int metric, int org);


#endif
