/* audit_set: what the disclosure audit (audit.h) holds: the
 * confidential truth (the tidy returns, as an aggregate) and the
 * publishable set (aggregates.csv, chart readings, report texts), read
 * in and looked up; and how a recovery is reported.
 *
 * The attacks (audit.c, audit_panel.c) read a struct audit and report
 * through audit_report; this module knows none of them. */
#ifndef PLEDGE_AUDIT_SET_H
#define PLEDGE_AUDIT_SET_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/intmap.h"
#include "../base/diag.h"
#include "../model/settings.h"
#include "aggregate.h"
#include "audit_text.h"

struct audit_row {
	struct agg_row r;   /* as published; group indexes truth->groups */
	long line;
};

struct audit {
	struct aggregate *truth;   /* borrowed: every quarter's returns */
	const struct catalogue *cat;
	const struct settings *s;
	char *agg_path;
	struct audit_row *rows;    /* aggregates.csv, in file order */
	size_t len, cap;
	struct intmap index;       /* (period, metric, group) -> rows[] */
	struct audit_texts texts;  /* readings and report text */
	size_t found;              /* recoveries reported by audit_run */
};

void audit_init(struct audit *au, struct aggregate *truth,
		const struct settings *s);
void audit_free(struct audit *au);

/* Reads the published aggregates.csv. A row that cannot be read (bad
 * number, unknown metric or group, repeated) is an error and is left
 * out. Returns 0, or -1 when the file cannot be read as aggregates (or
 * a row could not be read: an audit of part of a file proves nothing). */
int audit_read_aggregates(struct audit *au, const char *path,
			  struct diags *d);

/* Reads charts/readings.csv, or a text (pdftotext's output of a
 * report, or an HTML edition). Returns 0, or -1 with an error added. */
int audit_read_readings(struct audit *au, const char *path,
			struct diags *d);
int audit_read_text(struct audit *au, const char *path, struct diags *d);

/* The published row for period, metric and group, or NULL. */
const struct audit_row *audit_find(const struct audit *au, int period,
				   int metric, int group);

/* Whether a figure of stat is readable from row: published itself, or
 * (for the sum) as mean times n. Its value in *v. */
bool audit_figure(const struct audit_row *row, enum agg_stat stat,
		  double *v);

/* Reports one recovery at file:line (adds an error with code). */
void audit_report(struct audit *au, struct diags *d, const char *file,
		  long line, const char *metric, const char *code,
		  const char *fmt, ...) __attribute__((format(printf, 7, 8)));

#endif
