/* wording: the words and branding of the reports (templates/report.csv).
 *
 * A CSV of key,text rows, so the federation can reword its reports, or
 * brand them, with no change to the code. */
#ifndef PLEDGE_WORDING_H
#define PLEDGE_WORDING_H

#include <stddef.h>

#include "../base/diag.h"

struct wording {
	char **keys, **texts;
	size_t len;
};

/* Loads path; every key in required (NULL-terminated) must be there.
 * Returns 0, or -1 with the problems added (file, line, missing keys). */
int wording_load(struct wording *w, const char *path,
		 const char *const *required, struct diags *d);
void wording_free(struct wording *w);

/* The text for key, or "" when there is none. */
const char *wording_get(const struct wording *w, const char *key);

#endif
