/* spawn: the sibling programs, run as child processes.
 *
 * A program is run from an argument vector (no shell), in a folder
 * given as a descriptor, so a crash in it is contained: the caller gets
 * a status and the child's standard error, and decides. */
#ifndef PLEDGE_SPAWN_H
#define PLEDGE_SPAWN_H

#include "base/buf.h"

/* The path of the program name: beside this program's own executable
 * (/proc/self/exe) when it is there, else name itself for a PATH
 * search. In new memory. */
char *spawn_find(const char *name);

/* Whether the program name can be found (beside this one or in PATH). */
int spawn_exists(const char *name);

/* Runs path with argv (NULL-terminated, argv[0] its name) in the folder
 * dirfd, standard input from /dev/null. When err is not NULL, the
 * child's standard error is collected there; else it is this one's.
 * Returns the exit status (0..255), or 128 + N when signal N ended it
 * (*signo set), or -1 with errno set when it could not be started. */
int spawn_run(const char *path, char *const argv[], int dirfd,
	      struct buf *err, int *signo);

#endif
