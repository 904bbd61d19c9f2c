/* arena: many small strings and records freed all at once.
 *
 * Millions of values pass through ingest; an arena keeps each one to its
 * bytes (no per-string malloc header) and frees them in one go. */
#ifndef PLEDGE_ARENA_H
#define PLEDGE_ARENA_H

#include <stddef.h>

struct arena {
	struct arena_block *head;
	size_t used;  /* in head */
	size_t total; /* bytes handed out, for statistics */
};

void arena_init(struct arena *a);
void arena_free(struct arena *a);
/* A copy of s[0..n) with a NUL after it, living as long as the arena. */
const char *arena_strndup(struct arena *a, const char *s, size_t n);
const char *arena_strdup(struct arena *a, const char *s);
/* size bytes, zeroed, aligned for any type, living as long as the
 * arena. */
void *arena_alloc(struct arena *a, size_t size);

#endif
