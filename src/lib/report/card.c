#include "card.h"
#include "cardline.h"
#include "cardwords.h"
#include "queries.h"
#include "figures.h"
#include "position.h"
#include "levels_card.h"
#include "../base/buf.h"
#include "../chart/layout.h"
#include "../base/period.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARROW " \xE2\x86\x92 "       /* " → " */
#define MIDDOT " \xC2\xB7 "          /* " · " */

#define TABLE_SIZE 8.5
#define TABLE_LEAD (TABLE_SIZE * 1.3)
#define TABLE_PAD 3.0
#define TEXT_SIZE 9.0
#define NOTE_SIZE 8.5

#define TREND_MAX 6            /* metrics in "your trend" */
#define TREND_PER_AREA 2

struct card {
	struct doc d;
	const struct report_input *in;
	const struct positions *pos;
	int org;
	int period;
	bool peers;               /* its peer group may be shown */
	size_t peers_answered;
	unsigned symbols;         /* SYMBOL_* shown */
	double label_width;       /* the table's columns */
	double own_right, sector_right, peer_right, position_x, position_w;
};

bool card_due(const struct report_input *in, int org)
{
	const struct chart_input *c = &in->chart;
	if (!c->returns || !c->roster || !c->cat || org < 0 ||
	    (size_t)org >= c->roster->len || c->period == PERIOD_NONE)
		return false;
	double v;
	for (size_t m = 0; m < c->cat->len; m++)
		if (figures_own(c, org, (int)m, c->period, &v))
			return true;
	return false;
}

/* --- own figures --- */

/* org's own figure for metric m in period, in the form the card shows
 * it: the share for an "of which" count when it answered both it and
 * its parent (parent above 0), else the answer itself. *rate says which;
 * *count is the answer. False when it did not answer. */
static bool own_value(const struct card *c, int m, int period, double *v,
		      bool *rate, double *count)
{
	const struct metric *mt = &c->in->chart.cat->metrics[m];
	double x, parent;
	if (!figures_own(&c->in->chart, c->org, m, period, &x) ||
	    !isfinite(x))
		return false;
	*count = x;
	*rate = false;
	*v = x;
	if (mt->kind == KIND_COUNT && mt->parent >= 0 &&
	    figures_own(&c->in->chart, c->org, mt->parent, period, &parent) &&
	    isfinite(parent) && parent > 0) {
		*v = 100 * x / parent;
		*rate = true;
	}
	return true;
}

static void own_text(const struct card *c, int m, double v, bool rate,
		     char out[NUMTEXT])
{
	const struct metric *mt = &c->in->chart.cat->metrics[m];
	if (mt->kind == KIND_YESNO)
		snprintf(out, NUMTEXT, "%s",
			 card_word(c->in, v != 0 ? "card_yes" : "card_no"));
	else if (rate)
		numtext(v, KIND_COUNT, FIGURE_RATE, out);
	else
		numtext(v, mt->kind, FIGURE_VALUE, out);
}

/* --- the table --- */

/* Label | own | sector | peer group (figures right-aligned) | position. */
static void columns(struct card *c)
{
	double x = DOC_MARGIN, w = DOC_WIDTH;
	c->label_width = 0.35 * w;
	c->own_right = x + 0.35 * w + 0.12 * w;
	c->sector_right = c->own_right + 0.11 * w;
	c->peer_right = c->sector_right + 0.12 * w;
	c->position_x = c->peer_right + 0.025 * w;
	c->position_w = x + w - c->position_x;
}

static void table_header(struct card *c);

/* One row: the label wrapped onto up to two lines, the figures on its
 * first line. A row that starts a new page has the header over it. */
static void table_row(struct card *c, const char *label,
		      const char *const cell[4], bool header, bool shade)
{
	struct doc *d = &c->d;
	const struct fonts *f = c->in->chart.fonts;
	enum weight w = header ? WEIGHT_BOLD : WEIGHT_REGULAR;
	struct rgb ink = header ? COLOUR_MUTED : COLOUR_TEXT;
	char *lines[2];
	size_t n = layout_wrap(f, w, label, TABLE_SIZE, c->label_width,
			       lines, 2);
	double height = (double)(n ? n : 1) * TABLE_LEAD + 2 * TABLE_PAD;
	int page = pdf_page_count(d->pdf);
	doc_need(d, height + (header ? TABLE_LEAD + 2 * TABLE_PAD : 0));
	if (!header && pdf_page_count(d->pdf) != page)
		table_header(c);
	if (shade)
		pdf_rect(d->pdf, DOC_MARGIN, d->y, DOC_WIDTH, height,
			 (struct rgb){ 244, 244, 244 });
	enum pdf_role cell_role = header ? PDF_ROLE_TH_COLUMN : PDF_ROLE_TD;
	pdf_tag_begin(d->pdf, PDF_ROLE_TR, NULL);
	pdf_tag_begin(d->pdf, header ? PDF_ROLE_TH_COLUMN : PDF_ROLE_TH_ROW,
		      NULL);
	double base = d->y + TABLE_PAD + fonts_ascent(f, w, TABLE_SIZE);
	for (size_t i = 0; i < n; i++) {
		pdf_text(d->pdf, DOC_MARGIN + 2, base + (double)i * TABLE_LEAD,
			 lines[i], TABLE_SIZE, w, ALIGN_LEFT, ink);
		free(lines[i]);
	}
	pdf_tag_end(d->pdf);
	const double right[3] = { c->own_right, c->sector_right,
				  c->peer_right };
	for (int k = 0; k < 3; k++) {
		pdf_tag_begin(d->pdf, cell_role, NULL);
		pdf_text(d->pdf, right[k], base, cell[k], TABLE_SIZE, w,
			 ALIGN_RIGHT, ink);
		pdf_tag_end(d->pdf);
	}
	char *pos = fonts_fit(f, w, cell[3], TABLE_SIZE, c->position_w - 2);
	pdf_tag_begin(d->pdf, cell_role, NULL);
	pdf_text(d->pdf, c->position_x, base, pos, TABLE_SIZE, w, ALIGN_LEFT,
		 ink);
	pdf_tag_end(d->pdf);
	pdf_tag_end(d->pdf);
	free(pos);
	d->y += height;
	if (header)
		pdf_rect(d->pdf, DOC_MARGIN, d->y - 0.8, DOC_WIDTH, 0.8,
			 COLOUR_GRID);
}

static void table_header(struct card *c)
{
	const char *const cell[4] = {
		card_word(c->in, "card_col_own"), card_word(c->in, "card_col_sector"),
		card_word(c->in, "card_col_peer"), card_word(c->in, "card_col_position"),
	};
	table_row(c, card_word(c->in, "card_col_metric"), cell, true, false);
}

static void metric_row(struct card *c, int m, bool shade)
{
	struct card_line l;
	card_line(c->pos, c->in->chart.cat, c->org, m, c->peers,
		  card_word(c->in, "card_yes"), card_word(c->in, "card_no"), &l);
	c->symbols |= l.symbols;
	const char *const cell[4] = { l.own, l.sector, l.peer,
				      position_words(l.position) };
	table_row(c, c->in->chart.cat->metrics[m].label, cell, false, shade);
}

static void area_tables(struct card *c)
{
	const struct catalogue *cat = c->in->chart.cat;
	size_t n;
	const char **areas = catalogue_areas(cat, &n);
	for (size_t a = 0; a < n; a++) {
		const char *area = areas[a];
		doc_need(&c->d, 70);
		c->d.y += 6;
		doc_heading(&c->d, 2, card_area_title(c->in, area));
		pdf_tag_begin(c->d.pdf, PDF_ROLE_TABLE, NULL);
		table_header(c);
		bool shade = false;
		for (size_t m = 0; m < cat->len; m++) {
			if (strcmp(cat->metrics[m].area, area))
				continue;
			metric_row(c, (int)m, shade);
			shade = !shade;
		}
		pdf_tag_end(c->d.pdf);
	}
	free(areas);
}

/* --- commitments --- */

static void commitments(struct card *c)
{
	const struct catalogue *cat = c->in->chart.cat;
	const struct fonts *f = c->in->chart.fonts;
	size_t n = 0;
	for (size_t m = 0; m < cat->len; m++)
		n += cat->metrics[m].kind == KIND_YESNO;
	if (!n)
		return;
	struct doc *d = &c->d;
	doc_need(d, 70);
	d->y += 8;
	doc_heading(d, 2, card_word(c->in, "card_commitments"));
	double status_x = DOC_MARGIN + 0.62 * DOC_WIDTH;
	bool shade = false;
	pdf_tag_begin(d->pdf, PDF_ROLE_TABLE, NULL);
	for (size_t m = 0; m < cat->len; m++) {
		const struct metric *mt = &cat->metrics[m];
		if (mt->kind != KIND_YESNO)
			continue;
		double v;
		bool answered = figures_own(&c->in->chart, c->org, (int)m,
					    c->period, &v) && isfinite(v);
		const char *status = card_word(c->in, !answered ? "card_not_answered"
					  : v != 0 ? "card_meets"
						   : "card_does_not_meet");
		char *label = fonts_fit(f, WEIGHT_REGULAR, mt->label,
					TABLE_SIZE, status_x - DOC_MARGIN - 8);
		double height = TABLE_LEAD + 2 * TABLE_PAD;
		doc_need(d, height);
		if (shade)
			pdf_rect(d->pdf, DOC_MARGIN, d->y, DOC_WIDTH, height,
				 (struct rgb){ 244, 244, 244 });
		double base = d->y + TABLE_PAD +
			      fonts_ascent(f, WEIGHT_REGULAR, TABLE_SIZE);
		pdf_tag_begin(d->pdf, PDF_ROLE_TR, NULL);
		pdf_tag_begin(d->pdf, PDF_ROLE_TH_ROW, NULL);
		pdf_text(d->pdf, DOC_MARGIN + 2, base, label, TABLE_SIZE,
			 WEIGHT_REGULAR, ALIGN_LEFT, COLOUR_TEXT);
		pdf_tag_end(d->pdf);
		pdf_tag_begin(d->pdf, PDF_ROLE_TD, NULL);
		/* The words carry the meaning; weight and colour only
		 * repeat it. */
		bool meets = answered && v != 0;
		pdf_text(d->pdf, status_x, base, status, TABLE_SIZE,
			 meets ? WEIGHT_BOLD : WEIGHT_REGULAR, ALIGN_LEFT,
			 meets ? c->in->accent : COLOUR_MUTED);
		pdf_tag_end(d->pdf);
		pdf_tag_end(d->pdf);
		free(label);
		d->y += height;
		shade = !shade;
	}
	pdf_tag_end(d->pdf);
}

/* --- own trend --- */

/* "Employees: 120 → 125 → 131 (2026-Q1 to 2026-Q3)" into b, for the
 * quarters of the last CHART_QUARTERS that org answered m in the form
 * it has in the card's quarter; false when fewer than two. */
static bool trend_line(const struct card *c, int m, struct buf *b)
{
	double v, count;
	bool rate;
	if (!own_value(c, m, c->period, &v, &rate, &count))
		return false;
	bool want = rate;
	int periods[CHART_QUARTERS];
	double values[CHART_QUARTERS];
	int n = 0;
	for (int p = c->period - (CHART_QUARTERS - 1); p <= c->period; p++) {
		if (p < 0)
			continue;
		if (own_value(c, m, p, &v, &rate, &count) && rate == want) {
			periods[n] = p;
			values[n++] = v;
		}
	}
	if (n < 2)
		return false;
	buf_reset(b);
	buf_addf(b, "%s: ", c->in->chart.cat->metrics[m].label);
	for (int i = 0; i < n; i++) {
		char t[NUMTEXT];
		own_text(c, m, values[i], want, t);
		buf_addf(b, "%s%s", i ? ARROW : "", t);
	}
	char q[PERIOD_TEXT];
	bool runs = periods[n - 1] - periods[0] == n - 1;
	buf_addf(b, " (%s", period_format(periods[0], q));
	if (runs) {
		buf_addf(b, " to %s)", period_format(periods[n - 1], q));
	} else {
		for (int i = 1; i < n; i++)
			buf_addf(b, ", %s", period_format(periods[i], q));
		buf_adds(b, ")");
	}
	return true;
}

static void trend(struct card *c)
{
	const struct catalogue *cat = c->in->chart.cat;
	struct doc *d = &c->d;
	doc_need(d, 60);
	d->y += 8;
	doc_heading(d, 2, card_word(c->in, "card_trend"));
	struct buf b = BUF_INIT;
	int shown = 0;
	size_t n;
	const char **areas = catalogue_areas(cat, &n);
	for (size_t a = 0; a < n && shown < TREND_MAX; a++) {
		const char *area = areas[a];
		int in_area = 0;
		for (size_t m = 0; m < cat->len && shown < TREND_MAX &&
				   in_area < TREND_PER_AREA; m++) {
			if (strcmp(cat->metrics[m].area, area) ||
			    cat->metrics[m].kind == KIND_YESNO ||
			    !trend_line(c, (int)m, &b))
				continue;
			doc_text(d, DOC_MARGIN, DOC_WIDTH, b.s, TEXT_SIZE,
				 WEIGHT_REGULAR, COLOUR_TEXT);
			d->y += 2;
			shown++;
			in_area++;
		}
	}
	free(areas);
	if (!shown)
		doc_text(d, DOC_MARGIN, DOC_WIDTH, card_word(c->in, "card_no_trend"),
			 TEXT_SIZE, WEIGHT_REGULAR, COLOUR_MUTED);
	buf_free(&b);
}

/* --- the card --- */

/* "Strongest: top quarter for A, B and C." — the metrics at position
 * want, or nothing when there are none. */
static void stand_line(struct card *c, const char *key, enum position want)
{
	const struct catalogue *cat = c->in->chart.cat;
	struct buf b = BUF_INIT;
	size_t n = 0, total = 0;
	for (size_t m = 0; m < cat->len; m++)
		total += positions_of(c->pos, (int)m, c->org) == want;
	for (size_t m = 0; m < cat->len; m++) {
		if (positions_of(c->pos, (int)m, c->org) != want)
			continue;
		if (!n)
			buf_addf(&b, "%s: %s for ", card_word(c->in, key),
				 position_words(want));
		else
			buf_adds(&b, n + 1 == total ? " and " : ", ");
		buf_adds(&b, cat->metrics[m].label);
		n++;
	}
	if (n) {
		buf_adds(&b, ".");
		doc_text(&c->d, DOC_MARGIN, DOC_WIDTH, b.s, TEXT_SIZE,
			 WEIGHT_REGULAR, COLOUR_TEXT);
	}
	buf_free(&b);
}

/* "Where you stand": the best and the worst of its positions. */
static void where_you_stand(struct card *c)
{
	enum position best, worst;
	positions_extremes(c->pos, c->org, &best, &worst);
	c->d.y += 6;
	doc_heading(&c->d, 2, card_word(c->in, "card_stand"));
	if (best == POSITION_NONE) {
		doc_text(&c->d, DOC_MARGIN, DOC_WIDTH,
			 card_word(c->in, "card_stand_none"), TEXT_SIZE,
			 WEIGHT_REGULAR, COLOUR_MUTED);
		return;
	}
	stand_line(c, "card_strongest", best);
	if (worst != best)
		stand_line(c, "card_weakest", worst);
}

static void header(struct card *c, const char *name, const char *quarter)
{
	struct doc *d = &c->d;
	const struct report_input *in = c->in;
	const struct org *o = &in->chart.roster->orgs[c->org];
	doc_logo(d, PDF_PAGE_WIDTH - DOC_MARGIN - 100, DOC_MARGIN - 10, 100);
	doc_text(d, DOC_MARGIN, DOC_WIDTH - 110, card_word(in, "card_title"), 16,
		 WEIGHT_BOLD, in->accent);
	int top = pdf_outline(d->pdf, -1, name, 1, DOC_MARGIN);
	d->chapter = top;
	pdf_tag_begin(d->pdf, PDF_ROLE_H1, NULL);
	doc_text(d, DOC_MARGIN, DOC_WIDTH, name, 14, WEIGHT_BOLD,
		 COLOUR_TEXT);
	pdf_tag_end(d->pdf);
	struct buf b = BUF_INIT;
	bool named;
	size_t sector = positions_peers(c->pos, -1, &named);
	buf_addf(&b, "%s: %s" MIDDOT "%s: %zu %s", card_word(in, "card_quarter"),
		 quarter, card_word(in, "card_sector_answered"), sector,
		 card_word(in, "card_answered"));
	char peer[160] = "";
	if (o->peer_group && o->peer_group[0])
		peer_group_words(in->words, o->peer_group, peer, sizeof(peer));
	if (c->peers)
		buf_addf(&b, MIDDOT "%s: %s, %zu %s",
			 card_word(in, "card_peer_group"), peer,
			 c->peers_answered,
			 card_word(in, "card_peers_answered"));
	doc_text(d, DOC_MARGIN, DOC_WIDTH, b.s, 10, WEIGHT_REGULAR,
		 COLOUR_MUTED);
	if (!c->peers) {
		buf_reset(&b);
		if (o->peer_group && o->peer_group[0])
			buf_addf(&b, "%s: %s. ", card_word(in, "card_peer_group"),
				 peer);
		buf_adds(&b, card_word(in, o->peer_group && o->peer_group[0]
				  ? "card_peers_small" : "card_no_peers"));
		doc_text(d, DOC_MARGIN, DOC_WIDTH, b.s, 10, WEIGHT_REGULAR,
			 COLOUR_MUTED);
	}
	buf_free(&b);
	d->y += 2;
	pdf_rect(d->pdf, DOC_MARGIN, d->y, DOC_WIDTH, 1.5, in->accent);
	d->y += 8;
	const char *intro = card_word(in, "card_intro");
	if (intro[0])
		doc_text(d, DOC_MARGIN, DOC_WIDTH, intro, TEXT_SIZE,
			 WEIGHT_REGULAR, COLOUR_TEXT);
	d->y += 2;
	doc_text(d, DOC_MARGIN, DOC_WIDTH, card_word(in, "card_key"), NOTE_SIZE,
		 WEIGHT_REGULAR, COLOUR_MUTED);
}

static void footnotes(struct card *c)
{
	struct doc *d = &c->d;
	const char *notes[3] = {
		c->symbols & SYMBOL_C ? card_word(c->in, "card_note_c") : "",
		c->symbols & SYMBOL_X ? card_word(c->in, "card_note_x") : "",
		c->symbols & SYMBOL_Z ? card_word(c->in, "card_note_z") : "",
	};
	bool first = true;
	for (int i = 0; i < 3; i++) {
		if (!notes[i][0])
			continue;
		if (first) {
			doc_need(d, 30);
			d->y += 10;
			pdf_rect(d->pdf, DOC_MARGIN, d->y, 120, 0.6,
				 COLOUR_GRID);
			d->y += 4;
			first = false;
		}
		doc_text(d, DOC_MARGIN, DOC_WIDTH, notes[i], NOTE_SIZE,
			 WEIGHT_REGULAR, COLOUR_MUTED);
	}
}

/* "Federation · 2026-Q3 · Confidential", cut to share its line with
 * "Page N of M"; new memory. */
static char *footer(const struct report_input *in, const char *quarter)
{
	struct buf b = BUF_INIT;
	const char *federation = card_word(in, "federation");
	if (federation[0])
		buf_addf(&b, "%s" MIDDOT, federation);
	buf_addf(&b, "%s" MIDDOT "%s", quarter,
		 card_word(in, "card_confidential"));
	char *foot = fonts_fit(in->chart.fonts, WEIGHT_REGULAR, b.s, 8,
			       DOC_WIDTH - 90);
	buf_free(&b);
	return foot;
}

int card_write(const struct report_input *in, int org, const char *path,
	       char *why, size_t size)
{
	const struct chart_input *ci = &in->chart;
	if (!ci->cat || !ci->roster || !ci->fonts || !ci->agg ||
	    !ci->returns) {
		snprintf(why, size, "%s: a report card needs the catalogue, "
			 "the roster, fonts, the aggregates and the returns",
			 path);
		return -1;
	}
	if (org < 0 || (size_t)org >= ci->roster->len) {
		snprintf(why, size, "%s: no such organisation", path);
		return -1;
	}
	char quarter[PERIOD_TEXT];
	const char *name = ci->roster->orgs[org].name;
	if (ci->period == PERIOD_NONE || !card_due(in, org)) {
		snprintf(why, size, "%s: %s has no accepted return for %s",
			 path, ci->roster->orgs[org].id,
			 ci->period == PERIOD_NONE
				 ? "the quarter"
				 : period_format(ci->period, quarter));
		return -1;
	}
	period_format(ci->period, quarter);

	struct card c;
	memset(&c, 0, sizeof(c));
	c.in = in;
	struct positions *own = in->positions ? NULL : positions_make(ci);
	c.pos = in->positions ? in->positions : own;
	c.org = org;
	c.period = ci->period;
	c.peers = card_peers_shown(c.pos, ci->settings, org,
				   &c.peers_answered);
	columns(&c);

	struct buf title = BUF_INIT, subject = BUF_INIT;
	buf_addf(&title, "%s: %s", card_word(in, "card_title"), name);
	buf_addf(&subject, "%s, %s", name, quarter);
	char *foot = footer(in, quarter);
	int ret = doc_open(&c.d, in, title.s, subject.s, foot, why, size);
	if (ret == 0) {
		header(&c, name, quarter);
		where_you_stand(&c);
		area_tables(&c);
		commitments(&c);
		levels_card(&c.d, org);
		queries_card(&c.d, in->queries, ci->roster->orgs[org].id);
		trend(&c);
		footnotes(&c);
		ret = doc_close(&c.d, path, 0600, why, size);
	}
	free(foot);
	positions_free(own);
	buf_free(&title);
	buf_free(&subject);
	return ret;
}
