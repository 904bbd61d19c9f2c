#include "sort.h"

/* One quicksort, instantiated for each element type: median-of-three
 * pivot, insertion sort for short runs, recursion on the smaller side
 * so the stack stays O(log n). */
#define DEFINE_SORT(name, type, key)                                         \
	static void name##_insertion(type *a, size_t n)                      \
	{                                                                    \
		for (size_t i = 1; i < n; i++) {                             \
			type x = a[i];                                       \
			size_t j = i;                                        \
			while (j > 0 && key(a[j - 1]) > key(x)) {            \
				a[j] = a[j - 1];                             \
				j--;                                         \
			}                                                    \
			a[j] = x;                                            \
		}                                                            \
	}                                                                    \
	static void name##_swap(type *a, size_t i, size_t j)                 \
	{                                                                    \
		type t = a[i];                                               \
		a[i] = a[j];                                                 \
		a[j] = t;                                                    \
	}                                                                    \
	static void name(type *a, size_t n)                                  \
	{                                                                    \
		while (n > 24) {                                             \
			size_t mid = n / 2, last = n - 1;                    \
			if (key(a[mid]) < key(a[0]))                         \
				name##_swap(a, mid, 0);                      \
			if (key(a[last]) < key(a[0]))                        \
				name##_swap(a, last, 0);                     \
			if (key(a[last]) < key(a[mid]))                      \
				name##_swap(a, last, mid);                   \
			double pivot = key(a[mid]);                          \
			size_t i = 0, j = last;                              \
			for (;;) {                                           \
				while (key(a[i]) < pivot)                    \
					i++;                                 \
				while (key(a[j]) > pivot)                    \
					j--;                                 \
				if (i >= j)                                  \
					break;                               \
				name##_swap(a, i, j);                        \
				i++;                                         \
				j--;                                         \
			}                                                    \
			size_t left = j + 1;                                 \
			if (left < n - left) {                               \
				name(a, left);                               \
				a += left;                                   \
				n -= left;                                   \
			} else {                                             \
				name(a + left, n - left);                    \
				n = left;                                    \
			}                                                    \
		}                                                            \
		name##_insertion(a, n);                                      \
	}

#define TAGGED_KEY(x) ((x).value)
#define DOUBLE_KEY(x) (x)

DEFINE_SORT(quick_tagged, struct tagged, TAGGED_KEY)
DEFINE_SORT(quick_doubles, double, DOUBLE_KEY)

void sort_tagged(struct tagged *a, size_t n)
{
	quick_tagged(a, n);
}

void sort_doubles(double *v, size_t n)
{
	quick_doubles(v, n);
}
