#include "recbatch.h"
#include "../base/buf.h"
#include "../base/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* What read gave for one call: kept small, as there is one for every
 * record of a large file. */
struct recbatch_entry {
	long line;
	size_t first;           /* its values: from bytes.s + first, */
	uint32_t n;             /* these many, one after another (a record
				   has fewer values than its file has bytes,
				   and lim.max_file is under 4 GiB) */
	uint32_t diag, ndiag;   /* the diagnostics before it */
	unsigned char status;   /* enum csvin_status */
	unsigned char flag;
	char delim;
};

void recbatch_init(struct recbatch *b)
{
	memset(b, 0, sizeof(*b));
	buf_init(&b->bytes);
}

void recbatch_clear(struct recbatch *b)
{
	for (size_t i = 0; i < b->nd; i++)
		diag_free(&b->diags[i]);
	buf_reset(&b->bytes);
	b->ne = b->nd = 0;
}

void recbatch_free(struct recbatch *b)
{
	recbatch_clear(b);
	buf_free(&b->bytes);
	free(b->e);
	free(b->diags);
	free(b->ptrs);
	recbatch_init(b);
}

size_t recbatch_len(const struct recbatch *b)
{
	return b->ne;
}

enum csvin_status recbatch_read(struct recbatch *b, recbatch_read_fn *read,
				void *src, struct diags *wd)
{
	struct csvrec rec = { 0 };
	int flag = 0;
	enum csvin_status st = read(src, &rec, wd, &flag);
	GROW(b->e, b->cape, b->ne + 1);
	struct recbatch_entry *e = &b->e[b->ne++];
	*e = (struct recbatch_entry){ .status = st, .line = rec.line,
				      .delim = rec.delim, .flag = flag,
				      .diag = (uint32_t)b->nd,
				      .ndiag = (uint32_t)wd->len };
	if (wd->len) {
		GROW(b->diags, b->capd, b->nd + wd->len);
		memcpy(b->diags + b->nd, wd->items,
		       wd->len * sizeof(*b->diags));
		b->nd += wd->len;
		wd->len = wd->errors = wd->warnings = 0;
	}
	if (st != CSVIN_RECORD)
		return st;
	e->n = (uint32_t)rec.n;
	if (!rec.fields) {
		/* the reader added them to b->bytes: the last there */
		e->first = b->bytes.len - rec.bytes;
		return st;
	}
	/* the values lie one after another from the first: one copy */
	e->first = b->bytes.len;
	if (rec.n)
		buf_add(&b->bytes, rec.fields[0], rec.bytes);
	return st;
}

enum csvin_status recbatch_give(struct recbatch *b, size_t i,
				struct csvrec *rec, struct diags *d,
				long lines, int *flag)
{
	const struct recbatch_entry *e = &b->e[i];
	for (size_t k = 0; k < e->ndiag; k++) {
		struct diag *g = &b->diags[e->diag + k];
		if (g->line > 0)
			g->line += lines;
		diag_take(d, g);
		memset(g, 0, sizeof(*g));
	}
	*flag = e->flag;
	if (e->status != CSVIN_RECORD)
		return e->status;
	if (e->n > b->capptrs)
		GROW(b->ptrs, b->capptrs, e->n);
	/* each value ends at its NUL (a file with a NUL in it is refused) */
	char *start = b->bytes.s + e->first, *p = start;
	for (size_t k = 0; k < e->n; k++, p += strlen(p) + 1)
		b->ptrs[k] = p;
	rec->fields = b->ptrs;
	rec->n = e->n;
	rec->line = e->line + lines;
	rec->delim = e->delim;
	rec->bytes = (size_t)(p - start);
	return CSVIN_RECORD;
}
