#include "arena.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

#define BLOCK (64 * 1024)

struct arena_block {
	struct arena_block *next;
	size_t size;
	char data[];
};

void arena_init(struct arena *a)
{
	a->head = NULL;
	a->used = 0;
	a->total = 0;
}

void arena_free(struct arena *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	arena_init(a);
}

const char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	if (!a->head || a->used + n + 1 > a->head->size) {
		size_t size = n + 1 > BLOCK ? n + 1 : BLOCK;
		struct arena_block *b = xmalloc(sizeof(*b) + size);
		b->size = size;
		b->next = a->head;
		a->head = b;
		a->used = 0;
	}
	char *p = a->head->data + a->used;
	memcpy(p, s, n);
	p[n] = '\0';
	a->used += n + 1;
	a->total += n + 1;
	return p;
}

const char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}
