#include "template.h"
#include "csvout.h"
#include "../base/period.h"

static const char *const header[] = { "org_id", "org_name", "period", "area",
	"metric", "label", "question", "unit", "value", "note", NULL };

const char *kind_unit(enum kind kind)
{
	switch (kind) {
	case KIND_COUNT: return "whole number";
	case KIND_NUMBER: return "number";
	case KIND_PERCENT: return "%";
	case KIND_MONEY: return "\xC2\xA3";
	case KIND_YESNO: return "yes or no";
	}
	return "";
}

int template_write(FILE *fp, const struct catalogue *cat,
		   const struct org *org, int period)
{
	char p[PERIOD_TEXT];
	period_format(period, p);
	struct buf b = BUF_INIT;
	csvout_row(&b, header);
	for (size_t i = 0; i < cat->len; i++) {
		const struct metric *m = &cat->metrics[i];
		csvout_field(&b, org->id, 1);
		csvout_text(&b, org->name, 0);
		csvout_field(&b, p, 0);
		csvout_field(&b, m->area, 0);
		csvout_field(&b, m->id, 0);
		csvout_text(&b, m->label, 0);
		csvout_text(&b, m->question, 0);
		csvout_field(&b, kind_unit(m->kind), 0);
		buf_adds(&b, ",,\n");
	}
	return csvout_finish(&b, fp, 0);
}
