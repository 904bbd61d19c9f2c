/* finish: the files of a quarter pledge-run writes itself, in the
 * staging folder, between and after the stages. */
#ifndef PLEDGE_FINISH_H
#define PLEDGE_FINISH_H

#include "run/staging.h"

/* issues.csv for staff: a UTF-8 byte order mark first, so a
 * double-click opens it in Excel with names such as "Tŷ" right, and a
 * row for each return that is not a regular file (reported, counted as
 * rejected in the summary). Returns 0, or -1 (reported). */
int finish_issues(struct quarter *q);

/* revisions.csv, when the quarter published before (oldfd, or -1) had
 * figures that moved; *written says whether it was. 0, or -1. */
int finish_revisions(struct quarter *q, int oldfd, int *written);

/* datapackage.json from the template, @PERIOD@ filled in (lower case
 * in the package name, which must be). 0, or -1 (reported). */
int finish_datapackage(struct quarter *q);

#endif
