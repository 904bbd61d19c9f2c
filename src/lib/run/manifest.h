/* manifest: a quarter's manifest.csv (role,file,sha256).
 *
 * The rows of its inputs (inputs.h), then an "output" row with the
 * SHA-256 of every file the quarter published, then its summary line
 * and exit status: any published figure can be traced to the returns
 * behind it, and the next run knows whether to redo the quarter. */
#ifndef PLEDGE_MANIFEST_H
#define PLEDGE_MANIFEST_H

#include "base/buf.h"

/* Whether the manifest text old was made from exactly the inputs rows
 * inputs; if so, *summary (new memory) and *status are what it
 * recorded. */
int manifest_unchanged(const char *old, const char *inputs, char **summary,
		       int *status);

/* Appends an "output" row for every regular file under the folder fd,
 * sorted, named prefix/NAME (sub-folders recursively, links skipped).
 * Returns 0, or -1 with errno set. */
int manifest_outputs(int fd, const char *prefix, struct buf *out);

/* Appends the summary and status rows. */
void manifest_finish(struct buf *out, const char *summary, int status);

#endif
