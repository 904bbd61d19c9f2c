#include "levels_section.h"
#include "../base/buf.h"
#include "../base/xalloc.h"
#include "../chart/layout.h"
#include "../chart/levelbars.h"
#include "../base/period.h"
#include "../stats/levelcalc.h"

#include <stdio.h>
#include <stdlib.h>

#define TABLE_SIZE 8.5
#define ROW 15.0
#define LABEL_W 150.0

/* One area's counts for each quarter shown. */
struct level_table {
	const struct level_area *la;
	int first, last;
	size_t ranks;                /* la->nlevels + 1 */
	size_t *counts;              /* [quarter][rank] */
	bool *withheld;
	size_t *totals;              /* [quarter] */
	const char **names;          /* [rank] */
};

const char *levels_word(const struct report_input *in, const char *key,
			const char *fallback)
{
	const char *t = in->words ? wording_get(in->words, key) : "";
	return t[0] ? t : fallback;
}

const char *levels_area_title(const struct report_input *in,
			      const char *area)
{
	char key[160];
	snprintf(key, sizeof(key), "area_%s", area);
	return levels_word(in, key, area);
}

static void table_fill(struct level_table *t, const struct report_input *in)
{
	size_t nq = (size_t)(t->last - t->first + 1);
	t->ranks = t->la->nlevels + 1;
	t->counts = xcalloc(nq * t->ranks, sizeof(size_t));
	t->withheld = xcalloc(nq * t->ranks, sizeof(bool));
	t->totals = xcalloc(nq, sizeof(size_t));
	t->names = xcalloc(t->ranks, sizeof(char *));
	t->names[0] = levels_word(in, "levels_none", "No level yet");
	for (size_t k = 1; k < t->ranks; k++)
		t->names[k] = t->la->levels[k - 1].name;
	long min_orgs = in->chart.settings ? in->chart.settings->min_orgs : 3;
	for (size_t q = 0; q < nq; q++) {
		size_t *c = t->counts + q * t->ranks;
		t->totals[q] = levels_count(t->la, in->chart.returns,
					    t->first + (int)q, c);
		levels_suppress(c, t->ranks, (size_t)min_orgs,
				t->withheld + q * t->ranks);
	}
}

static void table_free(struct level_table *t)
{
	free(t->counts);
	free(t->withheld);
	free(t->totals);
	free(t->names);
}

static void table_line(struct doc *d, const struct level_table *t,
		       const char *label, const char *const *cells,
		       enum weight w)
{
	size_t nq = (size_t)(t->last - t->first + 1);
	double col = (DOC_WIDTH - LABEL_W) / (double)nq;
	if (col > 64)
		col = 64;
	doc_need(d, ROW);
	char *fit = fonts_fit(d->in->chart.fonts, w, label, TABLE_SIZE,
			      LABEL_W - 6);
	pdf_text(d->pdf, DOC_MARGIN, d->y + 10, fit, TABLE_SIZE, w,
		 ALIGN_LEFT, w == WEIGHT_BOLD ? COLOUR_MUTED : COLOUR_TEXT);
	free(fit);
	for (size_t q = 0; q < nq; q++)
		pdf_text(d->pdf, DOC_MARGIN + LABEL_W + col * ((double)q + 1) - 4,
			 d->y + 10, cells[q], TABLE_SIZE, w, ALIGN_RIGHT,
			 w == WEIGHT_BOLD ? COLOUR_MUTED : COLOUR_TEXT);
	d->y += ROW;
}

static void table_draw(struct doc *d, const struct level_table *t)
{
	size_t nq = (size_t)(t->last - t->first + 1);
	char (*text)[24] = xcalloc(nq, sizeof(*text));
	const char **cells = xcalloc(nq, sizeof(char *));
	doc_need(d, ROW * (double)(t->ranks + 2));
	for (size_t q = 0; q < nq; q++) {
		period_format(t->first + (int)q, text[q]);
		cells[q] = text[q];
	}
	table_line(d, t, levels_word(d->in, "levels_col_level", "Level"),
		   cells, WEIGHT_BOLD);
	for (size_t k = 0; k < t->ranks; k++) {
		for (size_t q = 0; q < nq; q++)
			if (t->withheld[q * t->ranks + k])
				snprintf(text[q], 24, "[c]");
			else
				snprintf(text[q], 24, "%zu",
					 t->counts[q * t->ranks + k]);
		table_line(d, t, t->names[k], cells, WEIGHT_REGULAR);
	}
	for (size_t q = 0; q < nq; q++)
		snprintf(text[q], 24, "%zu", t->totals[q]);
	table_line(d, t, levels_word(d->in, "levels_total",
				     "Signatories with a return"),
		   cells, WEIGHT_BOLD);
	free(cells);
	free(text);
}

static void area_block(struct doc *d, const struct level_area *la, int first)
{
	const struct report_input *in = d->in;
	struct level_table t = { .la = la, .first = first,
				 .last = in->chart.period };
	table_fill(&t, in);
	/* The heading, table and chart together where they fit. */
	doc_need(d, ROW * (double)(t.ranks + 2) + 104 +
		    26 * (double)t.ranks * DOC_WIDTH / CHART_WIDTH);
	doc_heading(d, 2, levels_area_title(in, la->area));
	table_draw(d, &t);
	d->y += 8;
	size_t q = (size_t)(t.last - t.first);
	char p[PERIOD_TEXT];
	struct buf title = BUF_INIT;
	buf_addf(&title, "%s: commitment levels, %s",
		 levels_area_title(in, la->area), period_format(t.last, p));
	struct level_bars lb = { title.s, t.names, t.counts + q * t.ranks,
				 t.withheld + q * t.ranks, t.ranks,
				 t.totals[q], p };
	struct scene s;
	scene_init(&s, CHART_WIDTH, CHART_HEIGHT, in->chart.fonts);
	if (chart_levels(&s, &lb) == 0)
		doc_chart(d, &s);
	scene_free(&s);
	buf_free(&title);
	table_free(&t);
}

/* The first quarter shown: up to CHART_QUARTERS back, but none so early
 * that the returns read cannot cover the longest condition. */
static int first_quarter(const struct report_input *in)
{
	int last = in->chart.period;
	int first = last - (CHART_QUARTERS - 1);
	int earliest = levels_earliest(in->chart.returns);
	int history = in->levels->history > 0 ? in->levels->history : 1;
	if (earliest != PERIOD_NONE && first < earliest + history - 1)
		first = earliest + history - 1;
	return first > last ? last : first;
}

void levels_section(struct doc *d)
{
	const struct report_input *in = d->in;
	if (!in->levels || !in->levels->nareas || !in->chart.returns ||
	    in->chart.period == PERIOD_NONE)
		return;
	int first = first_quarter(in);
	doc_new_page(d);
	doc_heading(d, 1, levels_word(in, "levels_title", "Commitment levels"));
	doc_text(d, DOC_MARGIN, DOC_WIDTH, levels_word(in, "levels_intro",
		 "How far signatories have got in each area, worked out from "
		 "the returns they sent, by the federation's rules: a level "
		 "is reached when every condition of it and of every level "
		 "below it holds, some in each of several quarters in a row. "
		 "Each signatory that sent a return for a quarter counts "
		 "once, at the highest level it reaches."),
		 10, WEIGHT_REGULAR, COLOUR_TEXT);
	doc_text(d, DOC_MARGIN, DOC_WIDTH, levels_word(in, "levels_note",
		 "[c]: withheld to protect confidentiality: fewer than 3 "
		 "signatories, or a count that could otherwise be worked out "
		 "from the others and the total."),
		 8, WEIGHT_REGULAR, COLOUR_MUTED);
	d->y += 6;
	for (size_t a = 0; a < in->levels->nareas; a++)
		area_block(d, &in->levels->areas[a], first);
}
