#include "arena.h"
#include "xalloc.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK (64 * 1024)

struct arena_block {
	struct arena_block *next;
	size_t size;
	_Alignas(max_align_t) char data[];
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

/* A new head block with room for n bytes. */
static void new_block(struct arena *a, size_t n)
{
	size_t size = n > BLOCK ? n : BLOCK;
	struct arena_block *b = xmalloc(sizeof(*b) + size);
	b->size = size;
	b->next = a->head;
	a->head = b;
	a->used = 0;
}

const char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	if (!a->head || a->used + n + 1 > a->head->size)
		new_block(a, n + 1);
	char *p = a->head->data + a->used;
	memcpy(p, s, n);
	p[n] = '\0';
	a->used += n + 1;
	a->total += n + 1;
	return p;
}

void *arena_alloc(struct arena *a, size_t size)
{
	size_t align = _Alignof(max_align_t);
	size_t pad = a->head ? (align - a->used % align) % align : 0;
	if (!a->head || a->used + pad + size > a->head->size) {
		new_block(a, size);
		pad = 0;  /* a block's data is aligned */
	}
	char *p = a->head->data + a->used + pad;
	memset(p, 0, size);
	a->used += pad + size;
	a->total += size;
	return p;
}

const char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}
