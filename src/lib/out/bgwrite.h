/* bgwrite: a large output written on a second thread.
 *
 * Copying a block into the kernel's page cache takes about as long as
 * making the block, so a program writing hundreds of MB of CSV makes the
 * next block while the last is written. Blocks are written in the order
 * given; the first write error is kept and returned by every later call,
 * with errno as the write left it. */
#ifndef PLEDGE_BGWRITE_H
#define PLEDGE_BGWRITE_H

#include <stdio.h>

#include "../base/buf.h"

struct bgwrite;

/* Starts a writer to fp; NULL when no thread can be started, or with
 * PLEDGE_JOBS=1 (the caller then writes itself). */
struct bgwrite *bgwrite_start(FILE *fp);

/* Hands b's bytes to the writer and leaves b empty (with room). Returns
 * 0, or -1 with errno when a write has failed. */
int bgwrite_put(struct bgwrite *w, struct buf *b);

/* Waits until everything given is written, and frees w. Returns 0, or
 * -1 with errno when a write failed. */
int bgwrite_finish(struct bgwrite *w);

#endif
