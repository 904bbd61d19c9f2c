#include "levels_section.h"
#include "../base/buf.h"
#include "../base/xalloc.h"
#include "../chart/layout.h"
#include "../chart/levelbars.h"
#include "../base/period.h"
#include "../stats/levelcalc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


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

/* The widths of the area, level and quarter columns. */
#define AREA_W 120.0
#define LEVEL_W 130.0
#define QUARTER_MAX 56.0

/* Whether every area counts the same signatories in every quarter, so
 * one row gives them all. */
static bool totals_shared(const struct level_table *t, size_t nareas,
			  size_t nq)
{
	for (size_t a = 1; a < nareas; a++)
		for (size_t q = 0; q < nq; q++)
			if (t[a].totals[q] != t[0].totals[q])
				return false;
	return true;
}

/* Row r of the table: level k of area t (k == t->ranks: its
 * signatories with a return, area_name naming the area). */
static void table_cells(const struct doc *d, const struct level_table *t,
			size_t k, const char *area_name, const char **row,
			char (*num)[24], size_t nq)
{
	row[0] = area_name;
	row[1] = k < t->ranks ? t->names[k]
		: levels_word(d->in, "levels_total",
			      "Signatories with a return");
	for (size_t q = 0; q < nq; q++) {
		size_t i = q * t->ranks + k;
		if (k == t->ranks)
			snprintf(num[q], 24, "%zu", t->totals[q]);
		else if (t->withheld[i])
			snprintf(num[q], 24, "[c]");
		else
			snprintf(num[q], 24, "%zu", t->counts[i]);
		row[2 + q] = num[q];
	}
}

/* One table for every area: per area a row for each level (and for no
 * level yet), and the signatories with a return (once for all areas
 * when they are the same); a column per quarter shown. Built with
 * doc_table, so it is a tagged table in the PDF and a table in the
 * HTML edition. */
static void tables_draw(struct doc *d, const struct level_table *t,
			size_t nareas)
{
	size_t nq = (size_t)(t[0].last - t[0].first + 1);
	if (nq > 14)
		nq = 14;
	size_t ncols = 2 + nq, rows = 0;
	bool shared = totals_shared(t, nareas, nq);
	for (size_t a = 0; a < nareas; a++)
		rows += t[a].ranks + !shared;
	rows += shared;
	struct doc_column cols[16];
	char heads[16][PERIOD_TEXT];
	double qw = (DOC_WIDTH - AREA_W - LEVEL_W) / (double)nq;
	cols[0] = (struct doc_column){ levels_word(d->in, "levels_col_area",
						   "Area"), AREA_W, false };
	cols[1] = (struct doc_column){ levels_word(d->in, "levels_col_level",
						   "Level"), LEVEL_W, false };
	for (size_t q = 0; q < nq; q++)
		cols[2 + q] = (struct doc_column){
			period_format(t[0].first + (int)q, heads[q]),
			qw > QUARTER_MAX ? QUARTER_MAX : qw, true };
	const char **cells = xcalloc(rows * ncols, sizeof(char *));
	char (*num)[24] = xcalloc(rows * nq, sizeof(*num));
	size_t r = 0;
	for (size_t a = 0; a < nareas; a++)
		for (size_t k = 0; k < t[a].ranks + !shared; k++, r++)
			table_cells(d, &t[a], k,
				    levels_area_title(d->in, t[a].la->area),
				    cells + r * ncols, num + r * nq, nq);
	if (shared)
		table_cells(d, &t[0], t[0].ranks,
			    levels_word(d->in, "levels_every_area",
					"Every area"),
			    cells + r * ncols, num + r * nq, nq);
	doc_table(d, cols, ncols, cells, rows);
	free(num);
	free(cells);
}

/* Whether every area has the same levels, by name. */
static bool names_shared(const struct level_table *t, size_t nareas)
{
	for (size_t a = 1; a < nareas; a++) {
		if (t[a].ranks != t[0].ranks)
			return false;
		for (size_t k = 1; k < t[a].ranks; k++)
			if (strcmp(t[a].names[k], t[0].names[k]))
				return false;
	}
	return true;
}

/* A figures column wide enough for the longest word of its heading. */
static double column_width(const struct doc *d, const char *head)
{
	double w = 44, word = 0;
	const char *p = head;
	while (*p) {
		size_t n = strcspn(p, " ");
		char *one = xstrndup(p, n);
		word = fonts_width(d->in->chart.fonts, WEIGHT_BOLD, one, 8.5);
		free(one);
		if (word + 12 > w)
			w = word + 12;
		p += n;
		p += strspn(p, " ");
	}
	return w;
}

/* The table the other way round, when every area has the same levels:
 * a row per area and quarter, a column per level, then the signatories
 * with a return. Fewer rows while few quarters are shown. */
static void table_by_area(struct doc *d, const struct level_table *t,
			  size_t nareas)
{
	size_t nq = (size_t)(t[0].last - t[0].first + 1);
	size_t ranks = t[0].ranks, ncols = ranks + 3, rows = nareas * nq;
	if (ncols > 16)
		return;
	struct doc_column cols[16];
	double left = DOC_WIDTH - 50;
	for (size_t k = 0; k <= ranks; k++) {
		const char *head = k < ranks ? t[0].names[k]
			: levels_word(d->in, "levels_total",
				      "Signatories with a return");
		cols[2 + k] = (struct doc_column){ head, column_width(d, head),
						   true };
		left -= cols[2 + k].width;
	}
	if (left < 90) { /* too many levels to go across */
		tables_draw(d, t, nareas);
		return;
	}
	cols[0] = (struct doc_column){ levels_word(d->in, "levels_col_area",
						   "Area"), left, false };
	cols[1] = (struct doc_column){ levels_word(d->in, "levels_col_quarter",
						   "Quarter"), 50, false };
	const char **cells = xcalloc(rows * ncols, sizeof(char *));
	char (*num)[24] = xcalloc(rows * (ranks + 2), sizeof(*num));
	for (size_t r = 0; r < rows; r++) {
		const struct level_table *ta = &t[r / nq];
		size_t q = r % nq;
		char (*n)[24] = num + r * (ranks + 2);
		const char **row = cells + r * ncols;
		row[0] = levels_area_title(d->in, ta->la->area);
		row[1] = period_format(ta->first + (int)q, n[ranks + 1]);
		for (size_t k = 0; k < ranks; k++) {
			if (ta->withheld[q * ranks + k])
				snprintf(n[k], 24, "[c]");
			else
				snprintf(n[k], 24, "%zu", ta->counts[q * ranks + k]);
			row[2 + k] = n[k];
		}
		snprintf(n[ranks], 24, "%zu", ta->totals[q]);
		row[2 + ranks] = n[ranks];
	}
	doc_table(d, cols, ncols, cells, rows);
	free(num);
	free(cells);
}

/* This quarter's bars for one area, half the page wide where they fit,
 * else across it. Returns 0 with s filled, or -1 (s freed). */
static int area_chart(struct scene *s, const struct report_input *in,
		      const struct level_table *t)
{
	size_t q = (size_t)(t->last - t->first);
	char p[PERIOD_TEXT];
	struct buf title = BUF_INIT;
	buf_addf(&title, "%s, %s", levels_area_title(in, t->la->area),
		 period_format(t->last, p));
	struct level_bars lb = { title.s, t->names, t->counts + q * t->ranks,
				 t->withheld + q * t->ranks, t->ranks,
				 t->totals[q], p };
	char why[200];
	scene_init(s, DOC_HALF_WIDTH, CHART_HEIGHT, in->chart.fonts);
	int r = chart_levels(s, &lb);
	if (r < 0 || scene_check(s, why, sizeof(why)) < 0) {
		scene_free(s);
		scene_init(s, CHART_WIDTH, CHART_HEIGHT, in->chart.fonts);
		r = chart_levels(s, &lb);
	}
	if (r < 0)
		scene_free(s);
	buf_free(&title);
	return r;
}

/* The table of every area, then the areas' charts two to a row. */
static void areas_draw(struct doc *d, int first)
{
	const struct report_input *in = d->in;
	size_t n = in->levels->nareas, k = 0;
	struct level_table *t = xcalloc(n, sizeof(*t));
	struct scene *charts = xcalloc(n, sizeof(*charts));
	const struct scene **drawn = xcalloc(n, sizeof(*drawn));
	for (size_t a = 0; a < n; a++) {
		t[a] = (struct level_table){ .la = &in->levels->areas[a],
					     .first = first,
					     .last = in->chart.period };
		table_fill(&t[a], in);
	}
	size_t nq = (size_t)(in->chart.period - first + 1), by_level = 0;
	for (size_t a = 0; a < n; a++)
		by_level += t[a].ranks;
	if (names_shared(t, n) && n * nq < by_level && t[0].ranks + 3 <= 16)
		table_by_area(d, t, n);
	else
		tables_draw(d, t, n);
	d->y += 10;
	for (size_t a = 0; a < n; a++)
		if (area_chart(&charts[a], in, &t[a]) == 0)
			drawn[k++] = &charts[a];
	doc_charts(d, drawn, k);
	for (size_t i = 0; i < k; i++)
		scene_free((struct scene *)drawn[i]);
	for (size_t a = 0; a < n; a++)
		table_free(&t[a]);
	free(drawn);
	free(charts);
	free(t);
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
	areas_draw(d, first);
}
