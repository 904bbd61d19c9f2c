/* quarter: one quarter of the run, built in a staging folder and
 * swapped in whole.
 *
 * The stages are the sibling programs, each a child process writing
 * into OUTPUT/.PERIOD.stage (reached as /proc/self/fd/N, never through
 * a name): pledge-ingest (returns.csv, issues.csv), pledge-aggregate
 * (aggregates.csv, and disclosure.csv when it can), revisions.csv when
 * a published quarter moved, pledge-chart (charts/), pledge-report
 * (sector-report.pdf, and .html when it can; orgs/), pledge-audit when
 * it is installed (what it finds stops the quarter being published),
 * then datapackage.json and manifest.csv. Only when every stage worked is
 * the staging folder swapped for OUTPUT/PERIOD; otherwise it is
 * removed and the quarter published before stays as it was. */
#ifndef PLEDGE_QUARTER_H
#define PLEDGE_QUARTER_H

#include "run/runopts.h"

/* Runs period (its input folder exists). Prints its summary line on
 * r->out, problems on r->err. Returns its exit status (0, 1 or 2). */
int quarter_run(struct run *r, int period);

#endif
