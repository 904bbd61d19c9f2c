/* cardworld.h: the chart tests' small world (chartworld.h) with what a
 * report needs on top: every published row, peer groups included, the
 * wording from templates/report.csv, a report_input, a temporary folder,
 * and a way to run poppler's tools on a PDF and read what they print
 * (header-only, like unit.h). */
#ifndef PLEDGE_TEST_CARDWORLD_H
#define PLEDGE_TEST_CARDWORLD_H

#include "chartworld.h"
#include "shell.h"

#include <dirent.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "base/buf.h"
#include "report/doc.h"

#define WELSH "T\xC5\xB7 Glas"           /* Tŷ Glas */
#define EN_DASH "\xE2\x80\x93"
#define ARROW "\xE2\x86\x92"
#define REPORT_DATE 1767225600           /* 2026-01-01T00:00:00Z */

struct cardworld {
	struct world *w;
	struct wording words;
	struct report_input in;
	char dir[64];
};

static inline int put_any_row(const struct agg_row *row, void *ctx)
{
	put_row(ctx, row);
	return 0;
}

/* Every row pledge-aggregate would write for the returns added so far,
 * sector and peer groups, as pledge-report reads them back. */
static inline void publish_all(struct world *w)
{
	aggin_free(&w->agg);
	w->agg.first = w->agg.last = PERIOD_NONE;
	assert_int_equal(aggregate_rows(&w->ret, &w->set, put_any_row, w), 0);
	w->agg.groups = calloc(w->ret.ngroups + 1, sizeof(char *));
	assert_non_null(w->agg.groups);
	for (size_t i = 0; i < w->ret.ngroups; i++) {
		w->agg.groups[i] = strdup(w->ret.groups[i]);
		assert_non_null(w->agg.groups[i]);
	}
	w->agg.ngroups = w->ret.ngroups;
}

/* A world from catalogue and roster, worded by templates/report.csv,
 * with an empty temporary folder. */
static inline struct cardworld *cardworld_new(const char *catalogue,
					      const char *roster)
{
	struct cardworld *c = calloc(1, sizeof(*c));
	assert_non_null(c);
	c->w = world_new(catalogue, roster);
	char *path = repo_file("templates/report.csv");
	if (wording_load(&c->words, path, NULL, &c->w->d) != 0) {
		diag_dump(&c->w->d);
		fail_msg("%s did not load", path);
	}
	free(path);
	strcpy(c->dir, "/tmp/pledge-card-XXXXXX");
	assert_non_null(mkdtemp(c->dir));
	c->in.words = &c->words;
	c->in.pdf_regular = c->w->set.font_regular;
	c->in.pdf_bold = c->w->set.font_bold;
	c->in.date = REPORT_DATE;
	c->in.accent = colour_from_hex(wording_get(&c->words,
						   "accent_colour"));
	return c;
}

/* Fills in.chart from the world once its returns are published. */
static inline const struct report_input *cardworld_input(struct cardworld *c)
{
	c->in.chart = input_of(c->w, true);
	return &c->in;
}

static inline void cardworld_free(struct cardworld *c)
{
	DIR *dp = opendir(c->dir);
	struct dirent *e;
	while (dp && (e = readdir(dp))) {
		char p[512];
		snprintf(p, sizeof(p), "%s/%s", c->dir, e->d_name);
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			unlink(p);
	}
	if (dp)
		closedir(dp);
	rmdir(c->dir);
	wording_free(&c->words);
	world_free(c->w);
	free(c);
}

/* The folder's name, in new memory. */
static inline char *in_dir(const struct cardworld *c, const char *name)
{
	struct buf b = BUF_INIT;
	buf_addf(&b, "%s/%s", c->dir, name);
	return buf_detach(&b);
}

/* --- running poppler's tools --- */


/* The line of text (pdftotext -layout) that starts, after spaces, with
 * label, copied into out; fails when there is none. */
static inline void line_of(const char *text, const char *label, char *out,
			   size_t size)
{
	const char *p = text;
	while (p && *p) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *s = p;
		while (s < p + len && *s == ' ')
			s++;
		if (!strncmp(s, label, strlen(label))) {
			snprintf(out, size, "%.*s", (int)(len - (size_t)(s - p)),
				 s);
			return;
		}
		p = end ? end + 1 : NULL;
	}
	fail_msg("no line starts with \"%s\":\n%s", label, text);
}

/* Fails unless each of want appears in line, in that order (a table
 * row as pdftotext -layout lays it out). */
static inline void expect_cells(const char *line, const char *const *want,
				size_t n)
{
	const char *p = line;
	for (size_t i = 0; i < n; i++) {
		const char *hit = strstr(p, want[i]);
		if (!hit)
			fail_msg("\"%s\" lacks \"%s\" after the cells before "
				 "it", line, want[i]);
		p = hit + strlen(want[i]);
	}
}

/* --- a sector to rank: eight associations, two peer groups --- */

/* A size (staff), an "of which" count (carers), a figure where lower is
 * better (days) and a yes/no question (policy). */
enum { R_STAFF, R_CARERS, R_DAYS, R_POLICY };

static const char rank_catalogue_csv[] =
	"metric,area,kind,of,min,max,better,sensitive,label,question\n"
	"staff,employer,count,,,,,no,Employees,Q\n"
	"carers,employer,count,staff,,,higher,no,Employees known to be carers,Q\n"
	"days,homes,number,,0,1000,lower,no,Days to adapt,Q\n"
	"policy,employer,yesno,,,,higher,no,Carer-friendly policy,Q\n";

static const char rank_roster_csv[] =
	"org_id,org_name,region,peer_group,joined\n"
	"A1,Brackenmoor Homes,North West,large,2020-Q1\n"
	"A2,Hollins Reed,Yorkshire,large,2020-Q1\n"
	"A3,T\xC5\xB7 Glas Housing,Wales,large,2020-Q1\n"
	"A4,Greymere Housing,London,large,2020-Q1\n"
	"A5,Saltings Housing Trust,South West,large,2020-Q1\n"
	"A6,Harbourlight Homes,South East,small,2020-Q1\n"
	"A7,Fenwick Dwellings,East,small,2020-Q1\n"
	"A8,Oakridge Living,Midlands,small,2020-Q1\n";

/* 2026-Q3, worked by hand:
 *
 *   org  staff  carers (rate)  days  policy  group
 *   A1   1000   10  (1%)        30   yes     large
 *   A2    800   40  (5%)        45   yes     large
 *   A3    600   30  (5%)        60   no      large
 *   A4    400   40  (10%)       20   yes     large
 *   A5    200   30  (15%)       90   yes     large
 *   A6    100   20  (20%)       50   no      small
 *   A7     50    1  (2%)        40   yes     small
 *   A8     20    0  (0%)        70   -       small
 *
 * Medians of the sector: staff 300, carers' rate 5%, days 47.5; 5 of 7
 * (71.4%) have the policy. Of the large group (5 answered): 600, 5%, 45,
 * 4 of 5 (80%). The small group (3 answered) is shown, but its medians
 * are withheld (fewer than 5) and so is its share (2 answered). A6 has
 * the fewest carers but the highest rate: top quarter. */
static inline void rank_sector(struct world *w)
{
	static const char *const ids[] = { "A1", "A2", "A3", "A4", "A5", "A6",
					   "A7", "A8" };
	static const double staff[] = { 1000, 800, 600, 400, 200, 100, 50, 20 };
	static const double carers[] = { 10, 40, 30, 40, 30, 20, 1, 0 };
	static const double days[] = { 30, 45, 60, 20, 90, 50, 40, 70 };
	static const int policy[] = { 1, 1, 0, 1, 1, 0, 1, -1 };
	for (int i = 0; i < 8; i++) {
		answer(w, "2026-Q3", ids[i], R_STAFF, staff[i]);
		answer(w, "2026-Q3", ids[i], R_CARERS, carers[i]);
		answer(w, "2026-Q3", ids[i], R_DAYS, days[i]);
		if (policy[i] >= 0)
			answer(w, "2026-Q3", ids[i], R_POLICY, policy[i]);
	}
	publish_all(w);
}

#endif
