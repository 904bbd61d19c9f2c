#include "strkey.h"

#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b)
{
	const struct strkey *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	return (x->index > y->index) - (x->index < y->index);
}

void strkeys_sort(struct strkey *keys, size_t n)
{
	if (n > 1)
		qsort(keys, n, sizeof(*keys), cmp);
}

long strkeys_find(const struct strkey *keys, size_t n, const char *key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(keys[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < n && strcmp(keys[lo].key, key) == 0)
		return (long)keys[lo].index;
	return -1;
}
