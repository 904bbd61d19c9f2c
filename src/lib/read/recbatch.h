/* recbatch: records kept for later, as a reader gave them.
 *
 * A batch holds what calls of a reader returned, in order: each record's
 * fields, line and delimiter, a flag about the source at that record,
 * the diagnostics the reader added before it, and how reading ended.
 * recbatch_give hands them on one at a time, the diagnostics first, so a
 * caller sees exactly what it would have seen reading itself. Used to
 * pass records between threads (ahead, parts). */
#ifndef PLEDGE_RECBATCH_H
#define PLEDGE_RECBATCH_H

#include "../base/buf.h"
#include "csvin.h"

/* Reads the next record from src into rec (its fields laid out one
 * after another, rec->bytes long), adding problems to d, and says in
 * *flag a fact about the source at that point (csvin: whether it is
 * read as Windows-1252). */
typedef enum csvin_status recbatch_read_fn(void *src, struct csvrec *rec,
					   struct diags *d, int *flag);

struct recbatch {
	struct buf bytes;       /* the records' values, each followed by a
				   NUL, one record after another */
	struct recbatch_entry *e;
	size_t ne, cape;
	struct diag *diags;     /* moved on as they are given */
	size_t nd, capd;
	char **ptrs;            /* the record last given */
	size_t capptrs;
};

void recbatch_init(struct recbatch *b);
void recbatch_clear(struct recbatch *b);   /* empty, keeping memory */
void recbatch_free(struct recbatch *b);

/* Calls read once and keeps what it gave, taking the diagnostics it
 * added to wd (wd is left empty). The values are copied, unless read
 * added them to b->bytes itself (and gave a record with no fields
 * pointers). Returns read's status. */
enum csvin_status recbatch_read(struct recbatch *b, recbatch_read_fn *read,
				void *src, struct diags *wd);

/* How many calls are kept. */
size_t recbatch_len(const struct recbatch *b);

/* Gives call i: its diagnostics go to d (their lines moved on by
 * lines, as the records' are), its record to rec (valid until the batch
 * is cleared or i given again), its flag to *flag; returns its status.
 * Each i is given once. */
enum csvin_status recbatch_give(struct recbatch *b, size_t i,
				struct csvrec *rec, struct diags *d,
				long lines, int *flag);

#endif
