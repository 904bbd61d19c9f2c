#include "roster.h"
#include "../base/period.h"
#include "../base/text.h"
#include "../base/xalloc.h"
#include "../read/table.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { R_ID, R_NAME, R_REGION, R_PEER, R_JOINED, R_COUNT };

static const char *const columns[] = { "org_id", "org_name", "region",
	"peer_group", "joined", NULL };
static const char *const optional[] = { "left", NULL };

bool org_id_valid(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++) {
		char c = s[n];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '-'))
			return false;
	}
	return n >= 1 && n <= ORG_ID_MAX;
}

bool org_owes(const struct org *org, int period)
{
	return period >= org->joined &&
	       (org->left == PERIOD_NONE || period < org->left);
}

#define ROWERR(code, ...)                                                   \
	do {                                                                \
		diag_add(d, SEV_ERROR, t->name, line, f[R_ID], NULL, code,  \
			 __VA_ARGS__);                                      \
		return -1;                                                  \
	} while (0)

static int read_org(struct table *t, char **f, const char *left, long line,
		    struct org *o, struct diags *d)
{
	if (!org_id_valid(f[R_ID]))
		ROWERR("bad-roster",
		       "org_id '%s' must be 1 to 32 letters, digits, _ or -; "
		       "row left out", f[R_ID]);
	if (!f[R_NAME][0])
		ROWERR("bad-roster", "%s has no org_name; row left out",
		       f[R_ID]);
	o->joined = period_parse(f[R_JOINED]);
	if (o->joined == PERIOD_NONE)
		ROWERR("bad-roster",
		       "joined '%s' is not a quarter such as 2026-Q3; row "
		       "left out", f[R_JOINED]);
	o->left = PERIOD_NONE;
	if (left && left[0]) {
		o->left = period_parse(left);
		if (o->left == PERIOD_NONE)
			ROWERR("bad-roster",
			       "left '%s' is not a quarter such as 2026-Q3; "
			       "row left out", left);
		if (o->left <= o->joined)
			ROWERR("bad-roster",
			       "%s left in or before the quarter it joined; "
			       "row left out", f[R_ID]);
	}
	o->id = xstrdup(f[R_ID]);
	o->name = xstrdup(f[R_NAME]);
	o->region = xstrdup(f[R_REGION]);
	o->peer_group = xstrdup(f[R_PEER]);
	o->line = line;
	return 0;
}

static void build_index(struct roster *r)
{
	free(r->by_id);
	r->by_id = xcalloc(r->len, sizeof(struct strkey));
	for (size_t i = 0; i < r->len; i++)
		r->by_id[i] = (struct strkey){ r->orgs[i].id, i };
	strkeys_sort(r->by_id, r->len);
}

static void free_org(struct org *o)
{
	free(o->id);
	free(o->name);
	free(o->region);
	free(o->peer_group);
}

/* Leaves out every row that repeats an earlier row's org_id. */
static void drop_repeats(struct roster *r, const char *file, struct diags *d)
{
	build_index(r);
	bool *drop = xcalloc(r->len, sizeof(bool));
	int dropped = 0;
	for (size_t i = 1; i < r->len; i++) {
		const struct strkey *a = &r->by_id[i - 1], *b = &r->by_id[i];
		if (strcmp(a->key, b->key))
			continue;
		const struct org *o = &r->orgs[b->index];
		diag_add(d, SEV_ERROR, file, o->line, o->id, NULL, "bad-roster",
			 "org_id %s is listed twice (first on line %ld); this "
			 "row is left out", o->id, r->orgs[a->index].line);
		drop[b->index] = true;
		dropped = 1;
	}
	if (dropped) {
		size_t keep = 0;
		for (size_t i = 0; i < r->len; i++) {
			if (drop[i])
				free_org(&r->orgs[i]);
			else
				r->orgs[keep++] = r->orgs[i];
		}
		r->len = keep;
		build_index(r);
	}
	free(drop);
}

int roster_load(struct roster *r, const char *path, struct diags *d)
{
	memset(r, 0, sizeof(*r));
	r->path = xstrdup(path);
	size_t cap = 0;
	int col[R_COUNT], left_col;
	struct table *t = table_open_columns(path, columns, col,
					     "org_id, org_name, region, "
					     "peer_group and joined", d);
	if (!t || table_columns(t, optional, &left_col, false) < 0) {
		table_close(t);
		return -1;
	}
	struct table_row row;
	enum table_status s;
	while ((s = table_next(t, &row)) == TABLE_ROW) {
		char *f[R_COUNT];
		for (int k = 0; k < R_COUNT; k++)
			f[k] = row.f[col[k]];
		GROW(r->orgs, cap, r->len + 1);
		if (read_org(t, f, left_col >= 0 ? row.f[left_col] : NULL,
			     row.line, &r->orgs[r->len], d) == 0)
			r->len++;
	}
	drop_repeats(r, t->name, d);
	table_close(t);
	return s == TABLE_FAIL ? -1 : 0;
}

void roster_free(struct roster *r)
{
	for (size_t i = 0; i < r->len; i++)
		free_org(&r->orgs[i]);
	free(r->orgs);
	free(r->by_id);
	free(r->path);
	if (r->open)
		intmap_free(&r->by_hash);
	memset(r, 0, sizeof(*r));
}

void roster_none(struct roster *r, const char *path)
{
	memset(r, 0, sizeof(*r));
	r->path = xstrdup(path);
	r->open = true;
	intmap_init(&r->by_hash);
}

/* FNV-1a, 64 bits. */
static uint64_t id_hash(const char *id)
{
	uint64_t h = 14695981039346656037ULL;
	for (; *id; id++)
		h = (h ^ (unsigned char)*id) * 1099511628211ULL;
	return h;
}

int roster_add(struct roster *r, const char *id)
{
	if (r->len % 64 == 0)
		r->orgs = xreallocarray(r->orgs, r->len + 64,
					sizeof(struct org));
	struct org *o = &r->orgs[r->len];
	*o = (struct org){ .id = xstrdup(id), .name = xstrdup(""),
			   .region = xstrdup(""), .peer_group = xstrdup(""),
			   .joined = 0, .left = PERIOD_NONE };
	intmap_put(&r->by_hash, id_hash(id), r->len);
	return (int)r->len++;
}

/* An open roster's look-up: by the hash, and on the (all but
 * impossible) clash of two ids' hashes, by a walk. */
static int open_find(const struct roster *r, const char *id)
{
	long i = intmap_get(&r->by_hash, id_hash(id));
	if (i < 0)
		return -1;
	if (!strcmp(r->orgs[i].id, id))
		return (int)i;
	for (size_t k = 0; k < r->len; k++)
		if (!strcmp(r->orgs[k].id, id))
			return (int)k;
	return -1;
}

int roster_find(const struct roster *r, const char *id)
{
	if (r->open)
		return open_find(r, id);
	long i = strkeys_find(r->by_id, r->len, id);
	if (i >= 0)
		return (int)i;
	int found = -1;
	for (size_t k = 0; k < r->len; k++)
		if (text_ieq(r->by_id[k].key, id)) {
			if (found >= 0)
				return -1;
			found = (int)r->by_id[k].index;
		}
	return found;
}
