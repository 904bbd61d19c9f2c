#include "sector.h"
#include "levels_section.h"
#include "queries.h"
#include "figures.h"
#include "revised.h"
#include "peers.h"
#include "points.h"
#include "problems.h"
#include "../base/buf.h"
#include "../base/xalloc.h"
#include "../base/period.h"
#include "../read/table.h"
#include "method_disclosure.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The height of a trend chart set two to a row. */
#define TREND_HEIGHT 165.0


static const char *words(const struct doc *d, const char *key)
{
	return wording_get(d->in->words, key);
}

/* An optional wording key, with the text to use when it is not there. */
static const char *words_or(const struct doc *d, const char *key,
			    const char *fallback)
{
	const char *t = words(d, key);
	return t[0] ? t : fallback;
}

/* The note under a table for each symbol it uses (SPEC §8). */
static void notes(struct doc *d, unsigned seen)
{
	const char *list[4];
	size_t n = symbol_notes(d->in->words, seen, list);
	for (size_t i = 0; i < n; i++)
		doc_text(d, DOC_MARGIN, DOC_WIDTH, list[i], 8, WEIGHT_REGULAR,
			 COLOUR_MUTED);
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
	doc_band(d, 12);
	doc_logo(d, DOC_MARGIN, 48, 140);
	d->y = 150;
	doc_text(d, DOC_MARGIN, DOC_WIDTH, words(d, "federation"), 13,
		 WEIGHT_REGULAR, COLOUR_MUTED);
	d->y += 8;
	pdf_tag_begin(d->pdf, PDF_ROLE_H1, NULL);
	doc_text(d, DOC_MARGIN, DOC_WIDTH, words(d, "report_title"), 26,
		 WEIGHT_BOLD, in->accent);
	pdf_tag_end(d->pdf);
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

static const char *area_title(const struct doc *d, const char *area,
			      struct buf *b)
{
	buf_reset(b);
	buf_addf(b, "area_%s", area);
	const char *t = words(d, b->s);
	return t[0] ? t : area;
}

/* One line of a tile: the metric's figure, how many of how many
 * answered, and its like-for-like change on the quarter. */
static void tile_line(const struct chart_input *ci, const struct metric *m,
		      const struct metric_line *l, double owed, struct buf *b)
{
	char v[NUMTEXT], c[64];
	buf_addf(b, "%s: %s%s (%zu of %.0f answered)", m->label,
		 l->stat == AGG_MEDIAN ? "median " : "",
		 cell_text(m, l->stat, &l->headline, v), l->n, owed);
	if (l->quarter.state == LFL_OK)
		buf_addf(b, "; %s like for like on the quarter",
			 change_text(m, l->stat, &l->quarter, c, sizeof(c)));
	buf_addc(b, '.');
}

typedef int chart_fn(struct scene *s, const struct chart_input *in,
		     int metric);

static int chart_of_response(struct scene *s, const struct chart_input *in,
			     int metric)
{
	return chart_response(s, in);
}

static int chart_of_commitments(struct scene *s, const struct chart_input *in,
				int metric)
{
	return chart_commitments(s, in);
}

/* Builds a chart half the page wide, to set two to a row, or, when it
 * has too much to say for that, the whole width. 0, or -1 when it
 * cannot be drawn at all; s is initialised either way. */
static int chart_fitted(struct scene *s, const struct chart_input *in,
			int metric, chart_fn *build)
{
	char why[200];
	scene_init(s, DOC_HALF_WIDTH, TREND_HEIGHT, in->fonts);
	if (build(s, in, metric) == 0 && scene_check(s, why, sizeof(why)) == 0)
		return 0;
	scene_free(s);
	scene_init(s, CHART_WIDTH, CHART_HEIGHT, in->fonts);
	return build(s, in, metric);
}

/* A chart across the page, with its reading. */
static void whole_chart(struct doc *d, chart_fn *build)
{
	struct scene s;
	scene_init(&s, CHART_WIDTH, CHART_HEIGHT, d->in->chart.fonts);
	if (build(&s, &d->in->chart, -1) == 0)
		doc_chart(d, &s);
	scene_free(&s);
}

/* The main points (SPEC §8), chosen from the data. */
static void main_points(struct doc *d)
{
	char *list[POINTS_MAX];
	size_t n = points_of(&d->in->chart, d->in->levels, d->in->words, list,
			     POINTS_MAX);
	d->y += 24;
	doc_heading(d, 1, "Main points");
	doc_bullets(d, (const char *const *)list, n, 11);
	for (size_t i = 0; i < n; i++)
		free(list[i]);
	d->y += 10;
}

/* An area's tile: its headlines (figures_is_headline). */
static void area_tile(struct doc *d, const char *area, double owed,
		      struct buf *b)
{
	const struct chart_input *ci = &d->in->chart;
	for (size_t m = 0; m < ci->cat->len; m++) {
		const struct metric *x = &ci->cat->metrics[m];
		if (strcmp(x->area, area) || !figures_is_headline(ci->cat, (int)m))
			continue;
		struct metric_line l;
		figures_line(ci, (int)m, AGG_SECTOR, &l);
		if (b->len)
			buf_addc(b, '\n');
		tile_line(ci, x, &l, owed, b);
	}
}

static void glance(struct doc *d)
{
	const struct chart_input *ci = &d->in->chart;
	const struct agg_row *r = aggin_find(ci->agg, ci->period, AGG_RETURNS,
					     AGG_SECTOR);
	double owed = r ? r->v[AGG_SUM] : 0;
	doc_new_page(d);
	doc_heading(d, 1, "At a glance");
	size_t n;
	const char **list = catalogue_areas(ci->cat, &n);
	struct buf *titles = xcalloc(n + 1, sizeof(*titles));
	struct buf *bodies = xcalloc(n + 1, sizeof(*bodies));
	const char **t = xcalloc(n + 1, sizeof(*t));
	const char **body = xcalloc(n + 1, sizeof(*body));
	struct buf key = BUF_INIT;
	unsigned seen = 0;
	for (size_t a = 0; a < n; a++) {
		buf_init(&titles[a]);
		buf_init(&bodies[a]);
		buf_adds(&titles[a], area_title(d, list[a], &key));
		area_tile(d, list[a], owed, &bodies[a]);
		t[a] = titles[a].s;
		body[a] = bodies[a].len ? bodies[a].s : "";
		symbols_seen(body[a], &seen);
	}
	buf_free(&key);
	doc_tiles(d, t, body, n);
	notes(d, seen);
	for (size_t a = 0; a < n; a++) {
		buf_free(&titles[a]);
		buf_free(&bodies[a]);
	}
	free(titles);
	free(bodies);
	free(t);
	free(body);
	free(list);
	d->y += 8;
	whole_chart(d, chart_of_commitments);
}

/* "+0.3% (10)": a change and how many it was worked out over. */
static void change_cell(const struct metric *m, enum agg_stat stat,
			const struct lfl *c, char *out, size_t size)
{
	char t[64];
	change_text(m, stat, c, t, sizeof(t));
	if (c->state == LFL_OK)
		snprintf(out, size, "%s (%zu)", t, c->n);
	else
		snprintf(out, size, "%s", t);
}

#define AREA_COLUMNS 6
#define CELL 80

/* The cells of metric's row in an area's table. */
static void area_row(const struct chart_input *ci, int metric, double owed,
		     char cells[AREA_COLUMNS][CELL])
{
	const struct metric *m = &ci->cat->metrics[metric];
	struct metric_line l;
	figures_line(ci, metric, AGG_SECTOR, &l);
	char lo[NUMTEXT], hi[NUMTEXT];
	snprintf(cells[0], CELL, "%s", "");
	snprintf(cells[1], CELL, "%zu of %.0f", l.n, owed);
	cell_text(m, l.stat, &l.headline, cells[2]);
	if (l.stat != AGG_MEDIAN)
		snprintf(cells[3], CELL, "[z]");
	else if (l.p25.has && l.p75.has)
		snprintf(cells[3], CELL, "%s to %s",
			 cell_text(m, l.stat, &l.p25, lo),
			 cell_text(m, l.stat, &l.p75, hi));
	else
		snprintf(cells[3], CELL, "%s", l.n ? "[c]" : "[x]");
	change_cell(m, l.stat, &l.quarter, cells[4], CELL);
	change_cell(m, l.stat, &l.year, cells[5], CELL);
}

static void area_table(struct doc *d, const char *area)
{
	static const struct doc_column cols[AREA_COLUMNS] = {
		{ "Measure", 150, false }, { "Answered", 52, true },
		{ "Figure", 62, true }, { "Middle half", 83, true },
		{ "Change on the quarter (n)", 76, true },
		{ "Change on the year (n)", 76, true } };
	const struct chart_input *ci = &d->in->chart;
	const struct agg_row *r = aggin_find(ci->agg, ci->period, AGG_RETURNS,
					     AGG_SECTOR);
	double owed = r ? r->v[AGG_SUM] : 0;
	size_t rows = 0;
	for (size_t m = 0; m < ci->cat->len; m++)
		rows += !strcmp(ci->cat->metrics[m].area, area);
	char (*text)[AREA_COLUMNS][CELL] = xcalloc(rows ? rows : 1,
						   sizeof(*text));
	const char **cells = xcalloc(rows * AREA_COLUMNS + 1, sizeof(*cells));
	unsigned seen = 0;
	size_t k = 0;
	for (size_t m = 0; m < ci->cat->len; m++) {
		if (strcmp(ci->cat->metrics[m].area, area))
			continue;
		area_row(ci, (int)m, owed, text[k]);
		revised_mark(d->in->revised, ci->period, ci->cat->metrics[m].id,
			     "sector", text[k][2], CELL);
		cells[k * AREA_COLUMNS] = ci->cat->metrics[m].label;
		for (int c = 1; c < AREA_COLUMNS; c++) {
			cells[k * AREA_COLUMNS + c] = text[k][c];
			symbols_seen(text[k][c], &seen);
		}
		k++;
	}
	doc_table(d, cols, AREA_COLUMNS, cells, rows);
	doc_text(d, DOC_MARGIN, DOC_WIDTH,
		 words_or(d, "figure_note", "Figure: the total of a count, "
			  "the rate of an \"of which\" count, the share "
			  "answering yes, or else the median. Middle half: "
			  "the 25th to the 75th percentile of the answers."),
		 8, WEIGHT_REGULAR, COLOUR_MUTED);
	doc_text(d, DOC_MARGIN, DOC_WIDTH, words(d, "change_note"), 8,
		 WEIGHT_REGULAR, COLOUR_MUTED);
	notes(d, seen);
	free(cells);
	free(text);
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
	area_table(d, area);
	d->y += 10;
	struct scene *charts = xcalloc(ci->cat->len, sizeof(*charts));
	const struct scene **drawn = xcalloc(ci->cat->len, sizeof(*drawn));
	size_t n = 0;
	for (size_t m = 0; m < ci->cat->len; m++) {
		if (strcmp(ci->cat->metrics[m].area, area))
			continue;
		struct scene *s = &charts[n++];
		if (chart_fitted(s, ci, (int)m, chart_trend) == 0)
			drawn[n - 1] = s;
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (drawn[i])
			drawn[k++] = drawn[i];
	doc_charts(d, drawn, k);
	for (size_t i = 0; i < n; i++)
		scene_free(&charts[i]);
	free(drawn);
	free(charts);
	buf_free(&b);
}

/* The problems found, in plain words: codes[k] is "severity\tcode". */
static void problem_table(struct doc *d, char **codes, const size_t *counts,
			  size_t n)
{
	static const struct doc_column cols[] = {
		{ "What was found", 300, false },
		{ "What it meant for the answer", 130, false },
		{ "How many", 69, true } };
	doc_heading(d, 2, "Problems found in the returns");
	if (!n) {
		doc_text(d, DOC_MARGIN, DOC_WIDTH, "None.", 10, WEIGHT_REGULAR,
			 COLOUR_TEXT);
		return;
	}
	char (*text)[2][160] = xcalloc(n, sizeof(*text));
	const char **cells = xcalloc(3 * n, sizeof(*cells));
	for (size_t k = 0; k < n; k++) {
		char *tab = strchr(codes[k], '\t');
		*tab = '\0';
		problem_words(tab + 1, text[k][0], sizeof(text[k][0]));
		snprintf(text[k][1], sizeof(text[k][1]), "%zu", counts[k]);
		cells[3 * k] = text[k][0];
		cells[3 * k + 1] = severity_words(codes[k]);
		cells[3 * k + 2] = text[k][1];
	}
	doc_table(d, cols, 3, cells, n);
	free(cells);
	free(text);
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
		char **codes = NULL;
		size_t *counts = NULL, n = 0;
		struct table_row row;
		while (table_next(t, &row) == TABLE_ROW) {
			missing += !strcmp(row.f[col[1]], "missing-return");
			buf_reset(&b);
			buf_addf(&b, "%s\t%s", row.f[col[0]], row.f[col[1]]);
			size_t k = 0;
			while (k < n && strcmp(codes[k], b.s))
				k++;
			if (k == n) {
				codes = xreallocarray(codes, n + 1,
						      sizeof(*codes));
				counts = xreallocarray(counts, n + 1,
						       sizeof(*counts));
				codes[n] = xstrdup(b.s);
				counts[n++] = 0;
			}
			counts[k]++;
		}
		if (print)
			problem_table(d, codes, counts, n);
		for (size_t k = 0; k < n; k++)
			free(codes[k]);
		free(codes);
		free(counts);
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
	buf_addf(&b, "Returns expected: %.0f. Received: %.0f. Accepted, with "
		 "at least one answer taken in: %zu. Rejected: %.0f. Missing: "
		 "%zu.", owed, received > 0 ? received : 0, accepted,
		 rejected > 0 ? rejected : 0, missing);
	if (!issues)
		buf_adds(&b, " Returns that were not received are counted "
			 "here as rejected, as the list of problems found was "
			 "not at hand.");
	doc_text(d, DOC_MARGIN, DOC_WIDTH, b.s, 10.5, WEIGHT_REGULAR,
		 COLOUR_TEXT);
	d->y += 6;
	whole_chart(d, chart_of_response);
	quality_codes(d, issues, true);
	queries_sector(d, d->in->queries);
	buf_free(&b);
}

/* What a metric's headline figure is, in words. */
static const char *figure_name(const struct metric *m)
{
	enum agg_stat stat = metric_headline(m);
	if (stat == AGG_RATE && m->kind == KIND_YESNO)
		return "share answering yes";
	return headline_name(stat);
}

static void method(struct doc *d)
{
	const struct chart_input *ci = &d->in->chart;
	struct buf b = BUF_INIT;
	d->y += 12;
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
	method_disclosure(&b, ci->settings);
	doc_text(d, DOC_MARGIN, DOC_WIDTH, b.s, 10, WEIGHT_REGULAR,
		 COLOUR_TEXT);
	d->y += 6;
	if (revised_note(d->in->revised, ci->period))
		doc_text(d, DOC_MARGIN, DOC_WIDTH, revised_note(d->in->revised,
			 ci->period), 10, WEIGHT_REGULAR, COLOUR_TEXT);
	doc_heading(d, 2, "Changes and symbols");
	doc_text(d, DOC_MARGIN, DOC_WIDTH, words_or(d, "method_changes",
		 "A change compares like with like: it is worked out over the "
		 "associations that answered in both quarters, and their "
		 "number is shown beside it. A change in a total is given as "
		 "a percentage; a change in a rate or a percentage in "
		 "percentage points (pts). A change that rounds to nothing is "
		 "shown as \"no change\". No change is given over fewer than "
		 "3 associations."), 10, WEIGHT_REGULAR, COLOUR_TEXT);
	d->y += 4;
	notes(d, SYMBOL_C | SYMBOL_X | SYMBOL_Z | SYMBOL_R);
	d->y += 6;
	doc_heading(d, 2, "The questions");
	pdf_tag_begin(d->pdf, PDF_ROLE_L, NULL);
	for (size_t m = 0; m < ci->cat->len; m++) {
		const struct metric *x = &ci->cat->metrics[m];
		buf_reset(&b);
		buf_addf(&b, "%s (shown as the %s): %s", x->label,
			 figure_name(x), x->question);
		pdf_tag_begin(d->pdf, PDF_ROLE_LI, NULL);
		doc_text(d, DOC_MARGIN, DOC_WIDTH, b.s, 8.5, WEIGHT_REGULAR,
			 COLOUR_TEXT);
		pdf_tag_end(d->pdf);
	}
	pdf_tag_end(d->pdf);
	buf_free(&b);
}

static void peer_groups(struct doc *d, const char **list, size_t n)
{
	struct buf *titles = xcalloc(n + 1, sizeof(*titles));
	const char **t = xcalloc(n + 1, sizeof(*t));
	struct buf key = BUF_INIT;
	for (size_t a = 0; a < n; a++) {
		buf_init(&titles[a]);
		buf_adds(&titles[a], area_title(d, list[a], &key));
		t[a] = titles[a].s;
	}
	peers_section(d, list, t, n);
	for (size_t a = 0; a < n; a++)
		buf_free(&titles[a]);
	free(titles);
	free(t);
	buf_free(&key);
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
	main_points(&d);
	glance(&d);
	size_t n;
	const char **list = catalogue_areas(in->chart.cat, &n);
	for (size_t a = 0; a < n; a++)
		area_section(&d, list[a]);
	levels_section(&d);
	peer_groups(&d, list, n);
	free(list);
	quality(&d, issues);
	method(&d);
	int ret = doc_close(&d, path, 0644, why, size);
	buf_free(&title);
	return ret;
}
