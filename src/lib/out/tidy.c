#include "tidy.h"
#include "bgwrite.h"
#include "csvout.h"
#include "../base/xalloc.h"
#include "../base/period.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char *const tidy_header[] = { "period", "org_id", "org_name",
	"area", "metric", "value", "note", NULL };
static const char *const issues_header[] = { "severity", "file", "line",
	"org_id", "metric", "code", "message", NULL };

#define BLOCK (256 * 1024)

/* "area,metric," of every metric, escaped once. */
static char **metric_parts(const struct catalogue *cat)
{
	char **parts = xcalloc(cat->len, sizeof(char *));
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < cat->len; i++) {
		buf_reset(&b);
		csvout_field(&b, cat->metrics[i].area, 1);
		csvout_field(&b, cat->metrics[i].id, 0);
		buf_addc(&b, ',');
		parts[i] = xstrdup(b.s);
	}
	buf_free(&b);
	return parts;
}

/* The tidy rows of one return onto b; head is scratch space. */
static void return_rows(struct buf *b, struct buf *head, const struct ret *r,
			const struct org *o, char *const *parts,
			const size_t *partlen)
{
	char period[PERIOD_TEXT];
	buf_reset(head);
	csvout_field(head, period_format(r->period, period), 1);
	csvout_field(head, o->id, 0);
	csvout_text(head, o->name, 0);
	buf_addc(head, ',');
	for (size_t k = 0; k < r->n; k++) {
		const struct entry *e = &r->e[k];
		if (!e->value)
			continue;
		/* millions of rows: each is laid down at once; a canonical
		 * value never needs quotes */
		size_t plen = partlen[e->metric];
		size_t vlen = strlen(e->value);
		size_t need = head->len + plen + vlen + 2;
		if (b->len + need >= b->cap)
			buf_grow(b, need);
		char *at = b->s + b->len;
		memcpy(at, head->s, head->len);
		at += head->len;
		memcpy(at, parts[e->metric], plen);
		at += plen;
		memcpy(at, e->value, vlen);
		at += vlen;
		*at++ = ',';
		b->len = (size_t)(at - b->s);
		if (e->note[0])
			csvout_text(b, e->note, 1);
		buf_addc(b, '\n');
	}
}

int tidy_write(FILE *fp, const struct returns *rs,
	       const struct catalogue *cat, const struct roster *roster)
{
	struct buf b = BUF_INIT, head = BUF_INIT;
	char **parts = metric_parts(cat);
	size_t *partlen = xcalloc(cat->len, sizeof(size_t));
	for (size_t i = 0; i < cat->len; i++)
		partlen[i] = strlen(parts[i]);
	int ret = 0;
	/* hundreds of MB for a large sector: written while the next block
	 * is made */
	struct bgwrite *w = bgwrite_start(fp);
	csvout_row(&b, tidy_header);
	for (size_t i = 0; i < rs->len; i++) {
		const struct ret *r = rs->items[i];
		if (r->rejected || r->refused)
			continue;
		return_rows(&b, &head, r, &roster->orgs[r->org], parts,
			    partlen);
		if (b.len >= BLOCK && (w ? bgwrite_put(w, &b)
				       : csvout_flush(&b, fp, BLOCK)) < 0) {
			ret = -1;
			break;
		}
	}
	int e = errno;
	if (w && bgwrite_finish(w) < 0 && !ret) {
		ret = -1;
		e = errno;
	}
	for (size_t i = 0; i < cat->len; i++)
		free(parts[i]);
	free(parts);
	free(partlen);
	buf_free(&head);
	errno = e;
	return csvout_finish(&b, fp, ret);
}

int issues_write(FILE *fp, const struct diags *d)
{
	struct buf b = BUF_INIT;
	int ret = 0;
	csvout_row(&b, issues_header);
	for (size_t i = 0; i < d->len; i++) {
		const struct diag *g = &d->items[i];
		char line[24] = "";
		if (g->line > 0)
			snprintf(line, sizeof(line), "%ld", g->line);
		csvout_field(&b, severity_name(g->severity), 1);
		csvout_text(&b, g->file, 0);
		csvout_field(&b, line, 0);
		csvout_text(&b, g->org_id, 0);
		csvout_text(&b, g->metric, 0);
		csvout_field(&b, g->code, 0);
		csvout_text(&b, g->message, 0);
		buf_addc(&b, '\n');
		if (csvout_flush(&b, fp, BLOCK) < 0) {
			ret = -1;
			break;
		}
	}
	return csvout_finish(&b, fp, ret);
}
