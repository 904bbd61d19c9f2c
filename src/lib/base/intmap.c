#include "intmap.h"
#include "xalloc.h"

#include <stdlib.h>

void intmap_init(struct intmap *m)
{
	m->keys = NULL;
	m->vals = NULL;
	m->cap = m->len = 0;
}

void intmap_free(struct intmap *m)
{
	free(m->keys);
	free(m->vals);
	intmap_init(m);
}

static size_t slot_of(uint64_t key, size_t cap)
{
	key ^= key >> 33;
	key *= 0xff51afd7ed558ccdULL;
	key ^= key >> 33;
	return (size_t)key & (cap - 1);
}

long intmap_get(const struct intmap *m, uint64_t key)
{
	if (!m->cap)
		return -1;
	for (size_t i = slot_of(key, m->cap);; i = (i + 1) & (m->cap - 1)) {
		if (!m->vals[i])
			return -1;
		if (m->keys[i] == key)
			return (long)(m->vals[i] - 1);
	}
}

static void rehash(struct intmap *m)
{
	struct intmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	m->keys = xcalloc(m->cap, sizeof(uint64_t));
	m->vals = xcalloc(m->cap, sizeof(size_t));
	m->len = 0;
	for (size_t i = 0; i < old.cap; i++)
		if (old.vals[i])
			intmap_put(m, old.keys[i], old.vals[i] - 1);
	free(old.keys);
	free(old.vals);
}

void intmap_put(struct intmap *m, uint64_t key, size_t val)
{
	if ((m->len + 1) * 4 > m->cap * 3)
		rehash(m);
	size_t i = slot_of(key, m->cap);
	while (m->vals[i] && m->keys[i] != key)
		i = (i + 1) & (m->cap - 1);
	if (!m->vals[i])
		m->len++;
	m->keys[i] = key;
	m->vals[i] = val + 1;
}
