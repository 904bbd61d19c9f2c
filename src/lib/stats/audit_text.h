/* audit_text: the numbers a reader sees in published text, for the
 * disclosure audit (SPEC §6.3).
 *
 * Texts are cut into units a reader takes in at once: a paragraph of a
 * plain text file (pdftotext's output of a report: lines up to a blank
 * line or a page break), a paragraph or table cell of an HTML edition,
 * or one chart reading of charts/readings.csv. Each unit keeps the
 * numbers in it as the reports print them: "9,298" is 9298, "8.2%" is
 * 8.2 marked as a percentage, "£11.40" is 11.4. */
#ifndef PLEDGE_AUDIT_TEXT_H
#define PLEDGE_AUDIT_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "../model/catalogue.h"
#include "../base/diag.h"

struct audit_num {
	double v;        /* never negative: a sign is not part of it */
	bool percent;
	long line;       /* where it is printed */
};

struct audit_unit {
	char *file;
	long line;       /* its first line */
	int metric;      /* the chart's metric for a reading, else -1 */
	char *text;      /* as read, tags taken out */
	struct audit_num *nums;
	size_t nnums;
};

struct audit_texts {
	struct audit_unit *u;
	size_t len, cap;
};

void audit_texts_init(struct audit_texts *t);
void audit_texts_free(struct audit_texts *t);

/* Reads a text file (an HTML one, by its name ending .htm or .html,
 * without its tags) into units. Returns 0, or -1 with an error added
 * when it cannot be read. */
int audit_texts_read(struct audit_texts *t, const char *path,
		     struct diags *d);

/* Reads charts/readings.csv (columns chart and reading): one unit per
 * reading, about the metric of a "trend-METRIC" chart. Returns 0, or -1
 * with an error added. */
int audit_texts_read_readings(struct audit_texts *t, const char *path,
			      const struct catalogue *cat, struct diags *d);

/* The numbers printed in text, whose first line is line, into a new
 * array (*out, to free); returns how many. */
size_t audit_numbers(const char *text, long line, struct audit_num **out);

/* Whether unit u is about metric m: a reading of its chart, or a text
 * naming its label (letter case aside). */
bool audit_unit_about(const struct audit_unit *u, const struct metric *m,
		      int metric);

#endif
