/* xalloc: allocation that never returns NULL.
 *
 * Running out of memory is the one failure the programs do not try to
 * recover from: these print "out of memory" on stderr and exit with
 * status 2. Everything else in the library reports errors as values. */
#ifndef PLEDGE_XALLOC_H
#define PLEDGE_XALLOC_H

#include <stddef.h>

/* Prints "out of memory" and exits with status 2: for memory a library
 * allocates itself and reports having failed to get. */
_Noreturn void xalloc_die(void);

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
/* Grows or shrinks p; count * size is checked for overflow. */
void *xreallocarray(void *p, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Formatted string in new memory (like asprintf). */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grows *items (of *cap elements of size) so it holds at least need. */
void grow_array(void **items, size_t *cap, size_t need, size_t size);
#define GROW(arr, cap, need) \
	grow_array((void **)&(arr), &(cap), (need), sizeof(*(arr)))

#endif
