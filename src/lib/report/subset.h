/* subset: fonts cut down to the characters the reports set.
 *
 * A whole TrueType font embedded in every report card would make each
 * about 120 KB; cut to Latin-1, Latin Extended-A (Welsh, Irish, Polish,
 * Czech names: "Tŷ Glas") and the punctuation, currency and arrows the
 * reports use, it is a few KB. The cutting is done by fonttools'
 * pyftsubset (Debian package fonttools), whose output is the same bytes
 * for the same font. A character outside the subset would print as an
 * empty box (it still extracts as text), so the subset is only for
 * report cards, whose text is the roster's names and the templates'. */
#ifndef PLEDGE_SUBSET_H
#define PLEDGE_SUBSET_H

#include <stddef.h>

/* Writes the subset of font in to out. Returns 0, or -1 with why (no
 * pyftsubset, or it failed); then out is not there. */
int subset_font(const char *in, const char *out, char *why, size_t size);

/* Whether every character of the UTF-8 text s is in the subset. */
int subset_covers(const char *s);

#endif
