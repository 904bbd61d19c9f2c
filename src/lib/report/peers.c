#include "peers.h"
#include "figures.h"
#include "../base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GROUPS_PER_TABLE 4
#define CELL 64
#define MEASURE_WIDTH 190.0

/* "7,333 (10)", "[c] (2)" or "[x]". */
static void peer_cell(const struct chart_input *in, int metric, int group,
		      char out[CELL])
{
	const struct metric *m = &in->cat->metrics[metric];
	struct metric_line l;
	figures_line(in, metric, group, &l);
	char v[NUMTEXT];
	if (!l.n)
		snprintf(out, CELL, "[x]");
	else
		snprintf(out, CELL, "%s (%zu)",
			 cell_text(m, l.stat, &l.headline, v), l.n);
}

/* The table of area's headlines for the sector and groups first to
 * first + count - 1 of the published figures. */
static void peer_table(struct doc *d, const char *area, size_t first,
		       size_t count, unsigned *seen)
{
	const struct chart_input *in = &d->in->chart;
	size_t ncols = count + 2, rows = 0;
	struct doc_column cols[GROUPS_PER_TABLE + 2];
	char names[GROUPS_PER_TABLE][CELL];
	cols[0] = (struct doc_column){ "Measure", MEASURE_WIDTH, false };
	cols[1] = (struct doc_column){ "Sector", 0, true };
	for (size_t g = 0; g < count; g++) {
		peer_group_words(d->in->words, in->agg->groups[first + g],
				 names[g], CELL);
		cols[g + 2] = (struct doc_column){ names[g], 0, true };
	}
	for (size_t c = 1; c < ncols; c++)
		cols[c].width = (DOC_WIDTH - MEASURE_WIDTH) / (double)(ncols - 1);
	for (size_t m = 0; m < in->cat->len; m++)
		rows += !strcmp(in->cat->metrics[m].area, area) &&
			figures_is_headline(in->cat, (int)m);
	char (*text)[GROUPS_PER_TABLE + 2][CELL] =
		xcalloc(rows ? rows : 1, sizeof(*text));
	const char **cells = xcalloc(rows * ncols + 1, sizeof(*cells));
	size_t r = 0;
	for (size_t m = 0; m < in->cat->len; m++) {
		if (strcmp(in->cat->metrics[m].area, area) ||
		    !figures_is_headline(in->cat, (int)m))
			continue;
		cells[r * ncols] = in->cat->metrics[m].label;
		for (size_t c = 1; c < ncols; c++) {
			int group = c == 1 ? AGG_SECTOR : (int)(first + c - 2);
			peer_cell(in, (int)m, group, text[r][c]);
			cells[r * ncols + c] = text[r][c];
			symbols_seen(text[r][c], seen);
		}
		r++;
	}
	doc_table(d, cols, ncols, cells, rows);
	free(cells);
	free(text);
}

void peers_section(struct doc *d, const char *const *areas,
		   const char *const *titles, size_t n)
{
	const struct chart_input *in = &d->in->chart;
	size_t groups = in->agg->ngroups;
	doc_new_page(d);
	doc_heading(d, 1, "Peer groups");
	doc_text(d, DOC_MARGIN, DOC_WIDTH, wording_get(d->in->words,
		 "peers_intro"), 10, WEIGHT_REGULAR, COLOUR_TEXT);
	d->y += 4;
	if (!groups) {
		doc_text(d, DOC_MARGIN, DOC_WIDTH, "The roster names no peer "
			 "groups.", 10, WEIGHT_REGULAR, COLOUR_TEXT);
		return;
	}
	unsigned seen = 0;
	for (size_t a = 0; a < n; a++) {
		doc_heading(d, 2, titles[a]);
		for (size_t g = 0; g < groups; g += GROUPS_PER_TABLE)
			peer_table(d, areas[a], g,
				   groups - g < GROUPS_PER_TABLE
					   ? groups - g : GROUPS_PER_TABLE,
				   &seen);
	}
	doc_text(d, DOC_MARGIN, DOC_WIDTH, wording_get(d->in->words,
		 "peers_note"), 8, WEIGHT_REGULAR, COLOUR_MUTED);
	const char *list[4];
	size_t k = symbol_notes(d->in->words, seen, list);
	for (size_t i = 0; i < k; i++)
		doc_text(d, DOC_MARGIN, DOC_WIDTH, list[i], 8, WEIGHT_REGULAR,
			 COLOUR_MUTED);
}
