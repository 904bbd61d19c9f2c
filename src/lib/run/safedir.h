/* safedir: files and folders reached only through folder descriptors.
 *
 * Every name is resolved with openat() and friends under a folder the
 * caller opened, never following a symbolic link: a link planted at any
 * name makes the call fail (ELOOP or ENOTDIR), or is removed as a link
 * by safedir_remove, never followed. Files are written to a temporary
 * ".NAME.tmp.XXXXXX" created with O_CREAT|O_EXCL|O_NOFOLLOW, given their
 * mode with fchmod, synced and renamed into place, so they are complete
 * or absent. All functions return 0 (or a descriptor), or -1 with errno
 * set; none prints. */
#ifndef PLEDGE_SAFEDIR_H
#define PLEDGE_SAFEDIR_H

#include "base/buf.h"

#include <stddef.h>
#include <sys/types.h>

/* Opens the folder name under at (AT_FDCWD for the working folder),
 * refusing a link or anything but a folder. */
int safedir_open(int at, const char *name);

/* Makes the folder name under at with mode (exactly: fchmod after) and
 * opens it; an existing one is an error (EEXIST). */
int safedir_make(int at, const char *name, mode_t mode);

/* Removes name under at: a file or link is unlinked, a folder is
 * emptied and removed, without following any link. A missing name is
 * not an error. */
int safedir_remove(int at, const char *name);

/* Reads the regular file name under at into out (appended), refusing a
 * link, FIFO, device or folder (EINVAL) without blocking. */
int safedir_read(int at, const char *name, struct buf *out);

/* Writes len bytes to name under at with mode, through a temporary
 * file. When name already is a regular file with these bytes and mode,
 * it is left untouched. */
int safedir_write(int at, const char *name, mode_t mode,
		  const void *data, size_t len);

/* Puts the folder stage (under at) in the place of name, whole: with
 * renameat2(RENAME_EXCHANGE) on Linux, else by renaming name aside to
 * aside and stage to name. On return 0, what was at name (if anything)
 * is at stage or aside and the caller removes it. */
int safedir_swap(int at, const char *stage, const char *name,
		 const char *aside);

/* Removes the temporaries ".*.tmp.*" a killed run left directly in
 * the folder at (not following links). */
void safedir_sweep(int at);

#endif
