/* strkey: an index of string keys for binary search. */
#ifndef PLEDGE_STRKEY_H
#define PLEDGE_STRKEY_H

#include <stddef.h>

struct strkey {
	const char *key;   /* borrowed from the indexed item */
	size_t index;      /* the item's position */
};

/* Sorts keys by strcmp (ties by index), ready for strkeys_find. */
void strkeys_sort(struct strkey *keys, size_t n);

/* The index of the first item whose key equals key, or -1. */
long strkeys_find(const struct strkey *keys, size_t n, const char *key);

#endif
