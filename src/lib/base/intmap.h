/* intmap: a hash map from 64-bit keys to indexes. */
#ifndef PLEDGE_INTMAP_H
#define PLEDGE_INTMAP_H

#include <stddef.h>
#include <stdint.h>

struct intmap_slot {
	uint64_t key;
	size_t val;     /* index + 1; 0 marks an empty slot */
};

struct intmap {
	struct intmap_slot *slots;  /* key and value side by side: a look-up
				       touches one cache line */
	size_t cap, len;
};

void intmap_init(struct intmap *m);
void intmap_free(struct intmap *m);
/* The value stored for key, or -1. */
long intmap_get(const struct intmap *m, uint64_t key);
/* Stores val (>= 0) for key, replacing any earlier value. */
void intmap_put(struct intmap *m, uint64_t key, size_t val);

#endif
