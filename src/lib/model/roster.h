/* roster: the signatories (input/signatories.csv).
 *
 * Columns: org_id,org_name,region,peer_group,joined and optionally left.
 * The roster says which org_ids are valid, their canonical names, their
 * peer groups, and who owes a return for which quarter. */
#ifndef PLEDGE_ROSTER_H
#define PLEDGE_ROSTER_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/diag.h"
#include "../base/intmap.h"
#include "../base/strkey.h"

#define ORG_ID_MAX 32

struct org {
	char *id;
	char *name;
	char *region;
	char *peer_group;
	int joined;     /* first period a return is owed */
	int left;       /* first period no return is owed, or PERIOD_NONE */
	long line;
};

struct roster {
	struct org *orgs;   /* in file order */
	size_t len;
	char *path;
	bool open;          /* there is no roster file (an association
			       checking its own return): any well-formed
			       org_id is taken as it comes (roster_add) */
	/* private: indexes sorted by id, for roster_find; an open roster
	 * finds its ids by a hash of them instead, as it grows */
	struct strkey *by_id;
	struct intmap by_hash;
};

/* Loads path. A bad row is an error and is left out; the rest load.
 * Returns 0, or -1 when the roster cannot be used at all (unreadable,
 * missing columns). */
int roster_load(struct roster *r, const char *path, struct diags *d);
void roster_free(struct roster *r);

/* An empty, open roster, for a run with none: path names the roster
 * that was looked for, in messages. */
void roster_none(struct roster *r, const char *path);

/* Adds org id (well-formed, not yet in r) to an open roster, with no
 * name, region or peer group, owing a return for every quarter.
 * Returns its index. */
int roster_add(struct roster *r, const char *id);

/* The index of org id, or -1. An exact match wins; otherwise (but in
 * an open roster) a match that differs only in letter case, when there
 * is exactly one. */
int roster_find(const struct roster *r, const char *id);

/* Whether org owes a return for period. */
bool org_owes(const struct org *org, int period);

/* Whether s is a well-formed org_id: 1-32 of A-Z a-z 0-9 _ -. */
bool org_id_valid(const char *s);

#endif
