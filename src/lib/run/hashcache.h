/* hashcache: the SHA-256 of input files, redone only when they changed.
 *
 * A file whose inode, size, modification and change times are those
 * recorded when it was last hashed keeps that digest without being
 * read; any other file is read and hashed. The record is a small text
 * file in the output folder (".hashes"), not an output: deleting it
 * only makes the next run read every input again. Files are opened
 * with O_NOFOLLOW|O_NONBLOCK and checked with fstat, so a link, FIFO,
 * device or folder is reported, never read or waited on. */
#ifndef PLEDGE_HASHCACHE_H
#define PLEDGE_HASHCACHE_H

#include "run/sha256.h"

struct hashcache;

/* Loads the record name under the folder at (missing or damaged: an
 * empty one). Never NULL. */
struct hashcache *hashcache_load(int at, const char *name);

/* The digest of the file name under the folder at; key names it in the
 * record (an absolute path). A symbolic link at name is followed only
 * when follow is set (for configuration such as fonts, never for
 * returns). Returns 0 with hex set; 1 when it is not a regular file,
 * with *what saying what it is ("a FIFO"); -1 with errno set when it
 * cannot be opened or read (ENOENT: missing). */
int hashcache_file(struct hashcache *c, int at, const char *name,
		   const char *key, int follow, char hex[SHA256_HEX],
		   const char **what);

/* Writes the record back when something in it changed. 0, or -1 with
 * errno set. */
int hashcache_save(struct hashcache *c, int at, const char *name);

void hashcache_free(struct hashcache *c);

#endif
