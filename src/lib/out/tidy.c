#include "tidy.h"
#include "csvout.h"
#include "../model/period.h"

static const char *const tidy_header[] = { "period", "org_id", "org_name",
	"area", "metric", "value", "note", NULL };
static const char *const issues_header[] = { "severity", "file", "line",
	"org_id", "metric", "code", "message", NULL };

int tidy_write(FILE *fp, const struct returns *rs,
	       const struct catalogue *cat, const struct roster *roster)
{
	csvout_row(fp, tidy_header);
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
			csvout_field(fp, period, 1);
			csvout_field(fp, o->id, 0);
			csvout_text(fp, o->name, 0);
			csvout_field(fp, m->area, 0);
			csvout_field(fp, m->id, 0);
			csvout_field(fp, e->value, 0);
			csvout_text(fp, e->note, 0);
			putc('\n', fp);
		}
		if (ferror(fp))
			return -1;
	}
	return ferror(fp) ? -1 : 0;
}

int issues_write(FILE *fp, const struct diags *d)
{
	csvout_row(fp, issues_header);
	for (size_t i = 0; i < d->len; i++) {
		const struct diag *g = &d->items[i];
		char line[24] = "";
		if (g->line > 0)
			snprintf(line, sizeof(line), "%ld", g->line);
		csvout_field(fp, severity_name(g->severity), 1);
		csvout_text(fp, g->file, 0);
		csvout_field(fp, line, 0);
		csvout_text(fp, g->org_id, 0);
		csvout_text(fp, g->metric, 0);
		csvout_field(fp, g->code, 0);
		csvout_text(fp, g->message, 0);
		putc('\n', fp);
	}
	return ferror(fp) ? -1 : 0;
}
