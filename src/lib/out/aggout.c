#include "aggout.h"
#include "csvout.h"
#include "../base/numfmt.h"
#include "../model/period.h"

/* The columns before and after the statistics of stat_table. */
static const char *const head[] = { "period", "area", "metric", "group",
	"n" };

struct writer {
	FILE *fp;
	struct buf b;
	struct aggregate *a;
};

static int write_row(const struct agg_row *row, void *ctx)
{
	struct writer *w = ctx;
	const struct catalogue *cat = w->a->cat;
	char period[PERIOD_TEXT], group[160], n[24], num[NUM_TEXT];
	const struct metric *m = row->metric == AGG_RETURNS
					 ? NULL : &cat->metrics[row->metric];
	csvout_field(&w->b, period_format(row->period, period), 1);
	csvout_field(&w->b, m ? m->area : "", 0);
	csvout_field(&w->b, m ? m->id : "returns", 0);
	csvout_text(&w->b, agg_group_name(w->a, row->group, group,
					  sizeof(group)), 0);
	snprintf(n, sizeof(n), "%zu", row->n);
	csvout_field(&w->b, n, 0);
	for (int k = 0; k < AGG_NSTATS; k++)
		csvout_field(&w->b, row->has & (1u << k)
			     ? num_plain(row->v[k], num) : "", 0);
	csvout_field(&w->b, row->suppressed ? "c" : "", 0);
	buf_addc(&w->b, '\n');
	return csvout_flush(&w->b, w->fp, 64 * 1024);
}

int aggout_write(FILE *fp, struct aggregate *a, const struct settings *s)
{
	struct writer w = { fp, BUF_INIT, a };
	for (size_t i = 0; i < sizeof(head) / sizeof(*head); i++)
		csvout_field(&w.b, head[i], i == 0);
	for (int k = 0; k < AGG_NSTATS; k++)
		csvout_field(&w.b, stat_table[k].column, 0);
	csvout_field(&w.b, "flag", 0);
	buf_addc(&w.b, '\n');
	int ret = aggregate_rows(a, s, write_row, &w);
	return csvout_finish(&w.b, fp, ret ? -1 : 0);
}
