#include "wording.h"
#include "../base/xalloc.h"
#include "../read/table.h"

#include <stdlib.h>
#include <string.h>

static const char *const columns[] = { "key", "text", NULL };

int wording_load(struct wording *w, const char *path,
		 const char *const *required, struct diags *d)
{
	memset(w, 0, sizeof(*w));
	int col[2], ret = 0;
	size_t cap = 0;
	struct table *t = table_open_columns(path, columns, col,
					     "key and text", d);
	if (!t)
		return -1;
	struct table_row row;
	enum table_status st;
	while ((st = table_next(t, &row)) == TABLE_ROW) {
		if (wording_get(w, row.f[col[0]])[0] ||
		    !row.f[col[0]][0]) {
			diag_add(d, SEV_ERROR, t->name, row.line, NULL, NULL,
				 "bad-wording", "key '%s' is empty or given "
				 "twice", row.f[col[0]]);
			ret = -1;
			continue;
		}
		if (w->len == cap) {
			size_t c2 = cap;
			GROW(w->keys, cap, w->len + 1);
			GROW(w->texts, c2, w->len + 1);
		}
		w->keys[w->len] = xstrdup(row.f[col[0]]);
		w->texts[w->len++] = xstrdup(row.f[col[1]]);
	}
	for (size_t i = 0; required && required[i]; i++)
		if (!wording_get(w, required[i])[0]) {
			diag_add(d, SEV_ERROR, t->name, 0, NULL, NULL,
				 "bad-wording", "the text for '%s' is missing",
				 required[i]);
			ret = -1;
		}
	table_close(t);
	return st == TABLE_FAIL ? -1 : ret;
}

void wording_free(struct wording *w)
{
	for (size_t i = 0; i < w->len; i++) {
		free(w->keys[i]);
		free(w->texts[i]);
	}
	free(w->keys);
	free(w->texts);
	memset(w, 0, sizeof(*w));
}

const char *wording_get(const struct wording *w, const char *key)
{
	for (size_t i = 0; i < w->len; i++)
		if (!strcmp(w->keys[i], key))
			return w->texts[i];
	return "";
}
