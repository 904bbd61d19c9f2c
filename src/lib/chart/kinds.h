/* kinds: every type of chart pledge-chart draws, in the order it draws
 * them (SPEC §7).
 *
 * A new type of chart is a builder declared in charts.h and one row of
 * the table in kinds.c: pledge-chart then draws it, names its files and
 * gives its reading in readings.csv. Where a report shows it is the
 * report's choice (report/sector.c, report/card.c). */
#ifndef PLEDGE_KINDS_H
#define PLEDGE_KINDS_H

#include <stddef.h>

#include "charts.h"

struct chart_kind {
	const char *name;   /* the files' name (NAME.png), or for one chart
			       per metric their prefix (NAME-METRIC.png) */
	int per_metric;     /* one chart for each metric it shows */
	int optional;       /* drawn only when asked for (--distributions) */
	/* Builds the chart of metric (-1 when not per metric), with org (a
	 * roster index, or -1) marked where the chart marks one. */
	int (*build)(struct scene *s, const struct chart_input *in,
		     int metric, int org);
	/* Whether a metric has a chart of this type; NULL for every one. */
	int (*shows)(const struct metric *m);
};

extern const struct chart_kind chart_kinds[];
extern const size_t chart_nkinds;

#endif
