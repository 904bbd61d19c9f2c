/* revisions: which published figures moved when a quarter was redone.
 *
 * Compares the aggregates.csv a quarter published before with the one
 * just made, figure by figure (period, metric, group and each column
 * after group), and writes revisions.csv: period,metric,group,column,
 * old,new, one row per figure that moved, in the order of the new
 * aggregates (figures no longer published last, with new empty). The
 * revisions of an earlier redo are carried: old stays what was first
 * published, and a figure that moved back drops out. */
#ifndef PLEDGE_REVISIONS_H
#define PLEDGE_REVISIONS_H

#include "base/buf.h"

#include <stddef.h>

#define REVISIONS_HEADER "period,metric,group,column,old,new\n"

/* old_agg and new_agg are whole aggregates.csv texts, earlier a
 * revisions.csv text or "" (all NUL-terminated; modified). Appends the
 * header and rows to out and returns the number of rows. */
size_t revisions_compare(char *old_agg, char *new_agg, char *earlier,
			 struct buf *out);

#endif
