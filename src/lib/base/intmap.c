#include "intmap.h"
#include "xalloc.h"

#include <stdlib.h>

void intmap_init(struct intmap *m)
{
	m->slots = NULL;
	m->cap = m->len = 0;
}

void intmap_free(struct intmap *m)
{
	free(m->slots);
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
		const struct intmap_slot *s = &m->slots[i];
		if (!s->val)
			return -1;
		if (s->key == key)
			return (long)(s->val - 1);
	}
}

static void rehash(struct intmap *m)
{
	struct intmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	m->slots = xcalloc(m->cap, sizeof(*m->slots));
	m->len = 0;
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].val)
			intmap_put(m, old.slots[i].key, old.slots[i].val - 1);
	free(old.slots);
}

void intmap_put(struct intmap *m, uint64_t key, size_t val)
{
	if ((m->len + 1) * 4 > m->cap * 3)
		rehash(m);
	size_t i = slot_of(key, m->cap);
	while (m->slots[i].val && m->slots[i].key != key)
		i = (i + 1) & (m->cap - 1);
	if (!m->slots[i].val)
		m->len++;
	m->slots[i].key = key;
	m->slots[i].val = val + 1;
}
