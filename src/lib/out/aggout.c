#include "aggout.h"
#include "csvout.h"
#include "../base/numfmt.h"
#include "../base/period.h"

/* The columns before and after the statistics of stat_table. */
static const char *const head[] = { "period", "area", "metric", "group",
	"n" };

struct writer {
	FILE *fp;
	struct buf b;
	struct aggregate *a;
	FILE *dfp;      /* disclosure.csv, or NULL */
	struct buf db;
};

static const char *const disclosure_header[] = { "period", "metric", "group",
	"column", "rule", NULL };

/* A disclosure row for each figure of row a rule withheld (not min and
 * max, which are never published). */
static int write_withheld(struct writer *w, const struct agg_row *row,
			  const char *period, const char *metric,
			  const char *group)
{
	for (int k = 0; k < AGG_NSTATS; k++) {
		if (row->why[k] == RULE_NONE || row->why[k] == RULE_NEVER)
			continue;
		csvout_field(&w->db, period, 1);
		csvout_field(&w->db, metric, 0);
		csvout_text(&w->db, group, 0);
		csvout_field(&w->db, stat_table[k].column, 0);
		csvout_field(&w->db, rule_name((enum disc_rule)row->why[k]), 0);
		buf_addc(&w->db, '\n');
	}
	return csvout_flush(&w->db, w->dfp, 64 * 1024);
}

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
	if (w->dfp && row->suppressed &&
	    write_withheld(w, row, period, m->id, group) < 0)
		return -1;
	return csvout_flush(&w->b, w->fp, 64 * 1024);
}

int aggout_write_both(FILE *fp, FILE *disclosure, struct aggregate *a,
		      const struct settings *s)
{
	struct writer w = { fp, BUF_INIT, a, disclosure, BUF_INIT };
	for (size_t i = 0; i < sizeof(head) / sizeof(*head); i++)
		csvout_field(&w.b, head[i], i == 0);
	for (int k = 0; k < AGG_NSTATS; k++)
		csvout_field(&w.b, stat_table[k].column, 0);
	csvout_field(&w.b, "flag", 0);
	buf_addc(&w.b, '\n');
	if (disclosure)
		csvout_row(&w.db, disclosure_header);
	int ret = aggregate_rows(a, s, write_row, &w);
	if (disclosure)
		ret |= csvout_finish(&w.db, disclosure, ret ? -1 : 0);
	return csvout_finish(&w.b, fp, ret ? -1 : 0);
}

int aggout_write(FILE *fp, struct aggregate *a, const struct settings *s)
{
	return aggout_write_both(fp, NULL, a, s);
}
