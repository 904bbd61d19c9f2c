#include "tidy.h"
#include "csvout.h"
#include "../model/period.h"

static const char *const tidy_header[] = { "period", "org_id", "org_name",
	"area", "metric", "value", "note", NULL };
static const char *const issues_header[] = { "severity", "file", "line",
	"org_id", "metric", "code", "message", NULL };

#define BLOCK (256 * 1024)

int tidy_write(FILE *fp, const struct returns *rs,
	       const struct catalogue *cat, const struct roster *roster)
{
	struct buf b = BUF_INIT;
	int ret = 0;
	csvout_row(&b, tidy_header);
	for (size_t i = 0; i < rs->len; i++) {
		const struct ret *r = rs->items[i];
		if (r->rejected || r->refused)
			continue;
		const struct org *o = &roster->orgs[r->org];
		char period[PERIOD_TEXT];
		period_format(r->period, period);
		for (size_t k = 0; k < r->n; k++) {
			const struct entry *e = &r->e[k];
			if (!e->value)
				continue;
			const struct metric *m = &cat->metrics[e->metric];
			csvout_field(&b, period, 1);
			csvout_field(&b, o->id, 0);
			csvout_text(&b, o->name, 0);
			csvout_field(&b, m->area, 0);
			csvout_field(&b, m->id, 0);
			csvout_field(&b, e->value, 0);
			csvout_text(&b, e->note, 0);
			buf_addc(&b, '\n');
		}
		if (csvout_flush(&b, fp, BLOCK) < 0) {
			ret = -1;
			break;
		}
	}
	if (csvout_flush(&b, fp, 0) < 0 || ferror(fp))
		ret = -1;
	buf_free(&b);
	return ret;
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
	if (csvout_flush(&b, fp, 0) < 0 || ferror(fp))
		ret = -1;
	buf_free(&b);
	return ret;
}
