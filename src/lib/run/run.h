/* run: the quarterly run (pledge-run), every stage of every quarter.
 *
 * For each quarter folder under the input (or only one), oldest first,
 * the sibling programs are run as child processes with argument
 * vectors into a staging folder inside the output tree, which is then
 * swapped in whole for OUTPUT/<period>. One run at a time (flock on
 * OUTPUT/.lock). Every name the run writes is reached under folder
 * descriptors without following links. A quarter whose inputs (their
 * SHA-256, recorded in its manifest.csv) are unchanged is not redone.
 *
 * The run prints what federation staff need: one summary line per
 * quarter on out, problems on err, a progress line on err when
 * progress is set. */
#ifndef PLEDGE_RUN_H
#define PLEDGE_RUN_H

#include "run/runopts.h"

/* The whole run. Returns the exit status: 0 every return accepted, 1
 * something was rejected but everything else was produced, 2 something
 * could not be done (another run holds the lock, a folder cannot be
 * written, a stage failed). */
int run_all(const struct run_opts *o, FILE *out, FILE *err);

#endif
