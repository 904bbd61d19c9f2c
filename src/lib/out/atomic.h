/* atomic: output files that are either complete or not there.
 *
 * Output goes to a temporary file beside the target (".NAME.tmp.XXXXXX")
 * and is renamed over it only once every byte is written and synced, so
 * a crash, a kill or a full disk never leaves a half-written file. When
 * the new bytes equal the file already there, the old file is left
 * untouched (same mtime), so re-running on unchanged input rewrites
 * nothing. */
#ifndef PLEDGE_ATOMIC_H
#define PLEDGE_ATOMIC_H

#include <stdio.h>
#include <sys/types.h>

struct atomic_file {
	FILE *fp;
	char *path;
	char *tmp;
	mode_t mode;
};

/* Opens a temporary file for path, to get mode (e.g. 0600 for
 * confidential output, 0644 for publishable). Returns 0, or -1 with
 * errno set. */
int atomic_open(struct atomic_file *f, const char *path, mode_t mode);

/* Finishes: checks every write, syncs and renames into place. Returns 0,
 * or -1 with errno set (the temporary file is removed, the old target
 * is untouched). Either way f is closed. */
int atomic_commit(struct atomic_file *f);

/* Gives up: removes the temporary file. */
void atomic_abort(struct atomic_file *f);

/* Closes stdout and checks that everything written to it arrived
 * (a full disk or a closed pipe shows only here). Returns 0 or -1. */
int close_stdout(void);

/* Writes through fn to path (atomically, to get mode) or, when path is
 * NULL or "-", to standard output (then closed and checked). fn returns 0, or
 * -1 when a write failed. Returns 0, or -1 with errno set. */
typedef int output_fn(FILE *fp, void *ctx);
int write_output(const char *path, mode_t mode, output_fn *fn, void *ctx);

/* Writes len bytes of data to path, atomically, to get mode. Returns 0,
 * or -1 with errno set. */
int atomic_write(const char *path, mode_t mode, const void *data,
		 size_t len);

#endif
