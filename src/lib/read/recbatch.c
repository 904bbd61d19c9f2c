#include "recbatch.h"
#include "../base/buf.h"
#include "../base/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* What read gave for one call. */
struct recbatch_entry {
	enum csvin_status status;
	long line;
	char delim;
	int flag;
	size_t field, n;        /* its fields: offs[field..field+n), */
	size_t bytes;           /* in these many bytes */
	size_t diag, ndiag;     /* the diagnostics before it */
};

void recbatch_init(struct recbatch *b)
{
	memset(b, 0, sizeof(*b));
	fields_init(&b->f);
}

void recbatch_clear(struct recbatch *b)
{
	for (size_t i = 0; i < b->nd; i++)
		diag_free(&b->diags[i]);
	fields_clear(&b->f);
	b->ne = b->nd = 0;
}

void recbatch_free(struct recbatch *b)
{
	recbatch_clear(b);
	fields_free(&b->f);
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
	size_t first = b->f.n;
	enum csvin_status st = read(src, &rec, wd, &flag);
	GROW(b->e, b->cape, b->ne + 1);
	struct recbatch_entry *e = &b->e[b->ne++];
	*e = (struct recbatch_entry){ .status = st, .line = rec.line,
				      .delim = rec.delim, .flag = flag,
				      .field = first, .diag = b->nd,
				      .ndiag = wd->len };
	if (wd->len) {
		GROW(b->diags, b->capd, b->nd + wd->len);
		memcpy(b->diags + b->nd, wd->items,
		       wd->len * sizeof(*b->diags));
		b->nd += wd->len;
		wd->len = wd->errors = wd->warnings = 0;
	}
	if (st != CSVIN_RECORD)
		return st;
	e->n = rec.n;
	e->bytes = rec.bytes;
	if (!rec.fields) {
		/* the reader added them to b->f: the last n there */
		e->field = b->f.n - rec.n;
		return st;
	}
	if (!rec.n)
		return st;
	/* the values lie one after another from the first: one copy */
	const char *base = rec.fields[0];
	size_t at = b->f.bytes.len;
	buf_add(&b->f.bytes, base, rec.bytes);
	GROW(b->f.offs, b->f.cap, b->f.n + rec.n);
	for (size_t i = 0; i < rec.n; i++)
		b->f.offs[b->f.n++] = at + (size_t)(rec.fields[i] - base);
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
	GROW(b->ptrs, b->capptrs, e->n);
	for (size_t k = 0; k < e->n; k++)
		b->ptrs[k] = b->f.bytes.s + b->f.offs[e->field + k];
	rec->fields = b->ptrs;
	rec->n = e->n;
	rec->line = e->line + lines;
	rec->delim = e->delim;
	rec->bytes = e->bytes;
	return CSVIN_RECORD;
}
