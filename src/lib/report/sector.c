#include "sector.h"
#include "queries.h"
#include "figures.h"
#include "../base/buf.h"
#include "../base/xalloc.h"
#include "../model/period.h"
#include "../read/table.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TABLE_SIZE 8.5
#define ROW 14.0

static const char *words(const struct doc *d, const char *key)
{
	return wording_get(d->in->words, key);
}

static const char *const month_names[] = { "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December" };

static void quarter_words(int period, struct buf *b)
{
	char p[PERIOD_TEXT];
	int q = period % 4;
	buf_addf(b, "%s: %s to %s %d", period_format(period, p),
		 month_names[q * 3], month_names[q * 3 + 2], period / 4);
}

static void cover(struct doc *d)
{
	const struct report_input *in = d->in;
	struct buf b = BUF_INIT;
	pdf_rect(d->pdf, 0, 0, PDF_PAGE_WIDTH, 12, in->accent);
	doc_logo(d, DOC_MARGIN, 48, 140);
	d->y = 150;
	doc_text(d, DOC_MARGIN, DOC_WIDTH, words(d, "federation"), 13,
		 WEIGHT_REGULAR, COLOUR_MUTED);
	d->y += 8;
	doc_text(d, DOC_MARGIN, DOC_WIDTH, words(d, "report_title"), 26,
		 WEIGHT_BOLD, in->accent);
	d->y += 8;
	quarter_words(in->chart.period, &b);
	doc_text(d, DOC_MARGIN, DOC_WIDTH, b.s, 15, WEIGHT_BOLD, COLOUR_TEXT);
	struct tm tm;
	time_t t = in->date;
	gmtime_r(&t, &tm);
	buf_reset(&b);
	buf_addf(&b, "Published %d %s %d", tm.tm_mday, month_names[tm.tm_mon],
		 tm.tm_year + 1900);
	doc_text(d, DOC_MARGIN, DOC_WIDTH, b.s, 11, WEIGHT_REGULAR,
		 COLOUR_MUTED);
	d->y += 30;
	doc_text(d, DOC_MARGIN, DOC_WIDTH * 0.85, words(d, "introduction"), 11,
		 WEIGHT_REGULAR, COLOUR_TEXT);
	buf_free(&b);
}

/* The areas of the catalogue, in the order they first appear. */
static size_t areas(const struct catalogue *cat, const char **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < cat->len && n < max; i++) {
		size_t k = 0;
		while (k < n && strcmp(out[k], cat->metrics[i].area))
			k++;
		if (k == n)
			out[n++] = cat->metrics[i].area;
	}
	return n;
}

static const char *area_title(const struct doc *d, const char *area,
			      struct buf *b)
{
	buf_reset(b);
	buf_addf(b, "area_%s", area);
	const char *t = words(d, b->s);
	return t[0] ? t : area;
}

/* One line of a tile or table: the metric's figure and its change. */
static void figure_and_change(const struct metric *m,
			      const struct metric_line *l, struct buf *b)
{
	char v[NUMTEXT], c[64];
	buf_addf(b, "%s", cell_text(m, l->stat, &l->headline, v));
	if (l->quarter.has)
		buf_addf(b, " (%s on the quarter",
			 delta_text(m, l->stat, &l->quarter, c, sizeof(c)));
	if (l->year.has)
		buf_addf(b, "%s%s on the year", l->quarter.has ? ", " : " (",
			 delta_text(m, l->stat, &l->year, c, sizeof(c)));
	if (l->quarter.has || l->year.has)
		buf_addc(b, ')');
}

static void response_line(struct doc *d, struct buf *b)
{
	const struct chart_input *ci = &d->in->chart;
	const struct agg_row *r = aggin_find(ci->agg, ci->period, AGG_RETURNS,
					     AGG_SECTOR);
	char p[PERIOD_TEXT], v[NUMTEXT];
	buf_reset(b);
	if (r && r->v[AGG_SUM] > 0)
		buf_addf(b, "%zu of the %.0f signatories that owed a return "
			 "for %s sent one (%s).", r->n, r->v[AGG_SUM],
			 period_format(ci->period, p),
			 numtext(100.0 * (double)r->n / r->v[AGG_SUM],
				 KIND_PERCENT, FIGURE_RATE, v));
	else
		buf_addf(b, "No signatory owed a return for %s.",
			 period_format(ci->period, p));
}

static void glance(struct doc *d)
{
	const struct chart_input *ci = &d->in->chart;
	struct buf b = BUF_INIT, t = BUF_INIT;
	doc_new_page(d);
	doc_heading(d, 1, "At a glance");
	response_line(d, &b);
	doc_text(d, DOC_MARGIN, DOC_WIDTH, b.s, 11, WEIGHT_REGULAR,
		 COLOUR_TEXT);
	d->y += 8;
	const char *list[16];
	size_t n = areas(ci->cat, list, 16);
	double gap = 12, w = (DOC_WIDTH - gap) / 2, h = 118;
	for (size_t a = 0; a < n; a++) {
		if (a % 2 == 0)
			doc_need(d, h + gap);
		double x = DOC_MARGIN + (double)(a % 2) * (w + gap);
		double top = d->y;
		pdf_rect(d->pdf, x, top, w, h, COLOUR_TRACK);
		pdf_rect(d->pdf, x, top, 4, h, d->in->accent);
		double save = d->y;
		d->y = top + 10;
		doc_text(d, x + 12, w - 20, area_title(d, list[a], &t), 11,
			 WEIGHT_BOLD, COLOUR_TEXT);
		size_t shown = 0;
		for (size_t m = 0; m < ci->cat->len && shown < 4; m++) {
			const struct metric *x_m = &ci->cat->metrics[m];
			if (strcmp(x_m->area, list[a]))
				continue;
			struct metric_line l;
			figures_line(ci, (int)m, AGG_SECTOR, &l);
			if (!l.headline.has)
				continue;
			buf_reset(&b);
			buf_addf(&b, "%s: ", x_m->label);
			figure_and_change(x_m, &l, &b);
			doc_text(d, x + 12, w - 20, b.s, 8.5, WEIGHT_REGULAR,
				 COLOUR_TEXT);
			shown++;
		}
		d->y = a % 2 == 0 && a + 1 < n ? save : top + h + gap;
	}
	struct scene s;
	scene_init(&s, CHART_WIDTH, CHART_HEIGHT, ci->fonts);
	if (chart_response(&s, ci) == 0)
		doc_chart(d, &s);
	scene_free(&s);
	scene_init(&s, CHART_WIDTH, CHART_HEIGHT, ci->fonts);
	if (chart_commitments(&s, ci) == 0)
		doc_chart(d, &s);
	scene_free(&s);
	buf_free(&b);
	buf_free(&t);
}

static const double columns[] = { 0, 190, 220, 290, 380 };

static void table_head(struct doc *d)
{
	static const char *const head[] = { "Metric", "n", "Figure",
		"Middle half", "Change (over n): quarter / year" };
	doc_need(d, ROW * 3);
	for (int c = 0; c < 5; c++)
		pdf_text(d->pdf, DOC_MARGIN + columns[c], d->y + 9, head[c],
			 TABLE_SIZE, WEIGHT_BOLD, ALIGN_LEFT, COLOUR_MUTED);
	d->y += ROW;
}

/* "12)": how many associations a change was worked out over. */
static const char *panel_n(const struct delta *c, char out[24])
{
	snprintf(out, 24, "%zu)", c->n);
	return out;
}

static void table_row(struct doc *d, int metric)
{
	const struct chart_input *ci = &d->in->chart;
	const struct metric *m = &ci->cat->metrics[metric];
	struct metric_line l;
	figures_line(ci, metric, AGG_SECTOR, &l);
	char v[NUMTEXT], lo[NUMTEXT], hi[NUMTEXT], q[64], y[64];
	char n[24], iqr[2 * NUMTEXT + 8], change[200], n1[24], n2[24];
	snprintf(n, sizeof(n), "%zu", l.n);
	snprintf(iqr, sizeof(iqr), "%s", "");
	if (l.stat == AGG_MEDIAN)
		snprintf(iqr, sizeof(iqr), "%s to %s",
			 cell_text(m, l.stat, &l.p25, lo),
			 cell_text(m, l.stat, &l.p75, hi));
	delta_text(m, l.stat, &l.quarter, q, sizeof(q));
	delta_text(m, l.stat, &l.year, y, sizeof(y));
	snprintf(change, sizeof(change), "%s%s%s / %s%s%s", q,
		 l.quarter.has ? " (" : "", l.quarter.has ? panel_n(&l.quarter, n1) : "",
		 y, l.year.has ? " (" : "", l.year.has ? panel_n(&l.year, n2) : "");
	const struct fonts *f = ci->fonts;
	char *label = fonts_fit(f, WEIGHT_REGULAR, m->label, TABLE_SIZE,
				columns[1] - 6);
	const char *cells[] = { label, n, cell_text(m, l.stat, &l.headline, v),
				iqr, change };
	doc_need(d, ROW);
	for (int c = 0; c < 5; c++)
		pdf_text(d->pdf, DOC_MARGIN + columns[c], d->y + 9, cells[c],
			 TABLE_SIZE, WEIGHT_REGULAR, ALIGN_LEFT, COLOUR_TEXT);
	free(label);
	d->y += ROW;
}

static void area_section(struct doc *d, const char *area)
{
	const struct chart_input *ci = &d->in->chart;
	struct buf b = BUF_INIT;
	doc_new_page(d);
	doc_heading(d, 1, area_title(d, area, &b));
	buf_reset(&b);
	buf_addf(&b, "area_%s_commitment", area);
	doc_text(d, DOC_MARGIN, DOC_WIDTH, words(d, b.s), 10.5, WEIGHT_REGULAR,
		 COLOUR_TEXT);
	d->y += 8;
	table_head(d);
	for (size_t m = 0; m < ci->cat->len; m++)
		if (!strcmp(ci->cat->metrics[m].area, area))
			table_row(d, (int)m);
	d->y += 4;
	doc_text(d, DOC_MARGIN, DOC_WIDTH, words(d, "change_note"), 8,
		 WEIGHT_REGULAR, COLOUR_MUTED);
	doc_text(d, DOC_MARGIN, DOC_WIDTH, words(d, "withheld_note"), 8,
		 WEIGHT_REGULAR, COLOUR_MUTED);
	doc_text(d, DOC_MARGIN, DOC_WIDTH, words(d, "not_answered_note"), 8,
		 WEIGHT_REGULAR, COLOUR_MUTED);
	d->y += 10;
	for (size_t m = 0; m < ci->cat->len; m++) {
		if (strcmp(ci->cat->metrics[m].area, area))
			continue;
		struct scene s;
		scene_init(&s, CHART_WIDTH, CHART_HEIGHT, ci->fonts);
		if (chart_trend(&s, ci, (int)m) == 0)
			doc_chart(d, &s);
		scene_free(&s);
	}
	buf_free(&b);
}

/* Counts of each problem code in the issues CSV, for data quality;
 * returns how many returns were reported missing. */
static size_t quality_codes(struct doc *d, const char *issues, bool print)
{
	size_t missing = 0;
	struct diags quiet;
	diags_init(&quiet);
	static const char *const cols[] = { "severity", "code", NULL };
	int col[2];
	struct table *t = issues ? table_open_columns(issues, cols, col, "",
						      &quiet)
				 : NULL;
	struct buf b = BUF_INIT;
	if (t) {
		char *codes[64];
		size_t counts[64], n = 0;
		struct table_row row;
		while (table_next(t, &row) == TABLE_ROW) {
			missing += !strcmp(row.f[col[1]], "missing-return");
			buf_reset(&b);
			buf_addf(&b, "%s: %s", row.f[col[0]], row.f[col[1]]);
			size_t k = 0;
			while (k < n && strcmp(codes[k], b.s))
				k++;
			if (k == n && n < 64) {
				codes[n] = xstrdup(b.s);
				counts[n++] = 0;
			}
			if (k < n)
				counts[k]++;
		}
		if (print) {
			doc_heading(d, 2, "Problems found in the returns");
			if (!n)
				doc_text(d, DOC_MARGIN, DOC_WIDTH, "None.", 10,
					 WEIGHT_REGULAR, COLOUR_TEXT);
		}
		for (size_t k = 0; k < n; k++) {
			if (print) {
				buf_reset(&b);
				buf_addf(&b, "%s: %zu", codes[k], counts[k]);
				doc_text(d, DOC_MARGIN, DOC_WIDTH, b.s, 9.5,
					 WEIGHT_REGULAR, COLOUR_TEXT);
			}
			free(codes[k]);
		}
	}
	table_close(t);
	diags_free(&quiet);
	buf_free(&b);
	return missing;
}

static void quality(struct doc *d, const char *issues)
{
	const struct chart_input *ci = &d->in->chart;
	struct buf b = BUF_INIT;
	doc_new_page(d);
	doc_heading(d, 1, "Data quality");
	const struct agg_row *r = aggin_find(ci->agg, ci->period, AGG_RETURNS,
					     AGG_SECTOR);
	double owed = r ? r->v[AGG_SUM] : 0;
	size_t accepted = r ? r->n : 0;
	size_t missing = quality_codes(d, issues, false);
	double received = owed - (double)missing;
	double rejected = received - (double)accepted;
	buf_addf(&b, "Returns expected: %.0f. Received: %.0f. Accepted (at "
		 "least one answer taken in): %zu. Rejected: %.0f. Missing: "
		 "%zu.", owed, received > 0 ? received : 0, accepted,
		 rejected > 0 ? rejected : 0, missing);
	if (!issues)
		buf_adds(&b, " (Without the issues file, returns not received "
			 "are counted as rejected.)");
	doc_text(d, DOC_MARGIN, DOC_WIDTH, b.s, 10.5, WEIGHT_REGULAR,
		 COLOUR_TEXT);
	d->y += 6;
	quality_codes(d, issues, true);
	queries_sector(d, d->in->queries);
	buf_free(&b);
}

static void method(struct doc *d)
{
	const struct chart_input *ci = &d->in->chart;
	struct buf b = BUF_INIT;
	doc_new_page(d);
	doc_heading(d, 1, "Method");
	buf_addf(&b, "Each metric is summed up by one figure: the total of a "
		 "count; for a count that is part of another (\"of which\"), "
		 "the rate 100 x the sum of the counts over the sum of their "
		 "parents, over the associations that answered both; for a "
		 "yes/no question, the share answering yes; for anything "
		 "else, the median. The middle half runs from the 25th to the "
		 "75th percentile, by linear interpolation between the "
		 "answers (as Excel's PERCENTILE.INC). Changes are worked out "
		 "over the associations that answered in both quarters.");
	doc_text(d, DOC_MARGIN, DOC_WIDTH, b.s, 10, WEIGHT_REGULAR,
		 COLOUR_TEXT);
	d->y += 6;
	buf_reset(&b);
	buf_addf(&b, "Figures about people (metrics that count residents or "
		 "staff) are protected: when fewer than %ld associations "
		 "answered, no figure is published; otherwise a figure above "
		 "0 and below %g is withheld, as is a rate resting on such a "
		 "count. The smallest and largest answers are never published "
		 "for them. A withheld figure shows as [c].",
		 ci->settings->min_orgs, ci->settings->small_below);
	doc_text(d, DOC_MARGIN, DOC_WIDTH, b.s, 10, WEIGHT_REGULAR,
		 COLOUR_TEXT);
	d->y += 6;
	doc_heading(d, 2, "The questions");
	for (size_t m = 0; m < ci->cat->len; m++) {
		const struct metric *x = &ci->cat->metrics[m];
		buf_reset(&b);
		buf_addf(&b, "%s (%s, %s): %s", x->label, x->id,
			 headline_name(metric_headline(x)), x->question);
		doc_text(d, DOC_MARGIN, DOC_WIDTH, b.s, 8.5, WEIGHT_REGULAR,
			 COLOUR_TEXT);
	}
	buf_free(&b);
}

int sector_write(const struct report_input *in, const char *issues,
		 const char *path, char *why, size_t size)
{
	struct doc d;
	struct buf title = BUF_INIT;
	char p[PERIOD_TEXT];
	buf_addf(&title, "%s, %s", wording_get(in->words, "report_title"),
		 period_format(in->chart.period, p));
	if (doc_open(&d, in, title.s, wording_get(in->words, "report_subject"),
		     title.s, why, size) < 0) {
		buf_free(&title);
		return -1;
	}
	cover(&d);
	glance(&d);
	const char *list[16];
	size_t n = areas(in->chart.cat, list, 16);
	for (size_t a = 0; a < n; a++)
		area_section(&d, list[a]);
	quality(&d, issues);
	method(&d);
	int ret = doc_close(&d, path, 0644, why, size);
	buf_free(&title);
	return ret;
}
