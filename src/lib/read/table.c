#include "table.h"
#include "../base/buf.h"
#include "../base/text.h"
#include "../base/xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct table *table_open(const char *path, const struct csvin_limits *lim,
			 struct diags *d)
{
	int is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "stdin" : path;
	FILE *fp = is_stdin ? stdin : fopen(path, "rb");
	if (!fp) {
		diag_add(d, SEV_ERROR, name, 0, NULL, NULL, "unreadable",
			 "cannot open the file: %s", strerror(errno));
		return NULL;
	}
	struct table *t = xcalloc(1, sizeof(*t));
	t->name = xstrdup(name);
	t->fp = fp;
	t->close_fp = !is_stdin;
	t->d = d;
	t->in = records_open(fp, name, lim, d);
	return t;
}

void table_close(struct table *t)
{
	if (!t)
		return;
	records_close(t->in);
	if (t->close_fp)
		fclose(t->fp);
	for (size_t i = 0; i < t->ncols; i++)
		free(t->cols[i]);
	free(t->cols);
	free(t->pad);
	free(t->blank);
	free(t->name);
	free(t);
}

static int all_blank(char **f, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (*text_trim(f[i]))
			return 0;
	return 1;
}

/* The next record that is not only empty fields. */
static enum csvin_status next_nonblank(struct table *t, struct csvrec *rec)
{
	enum csvin_status s;
	while ((s = records_next(t->in, rec)) == CSVIN_RECORD)
		if (!all_blank(rec->fields, rec->n))
			break;
	return s;
}

static char **normalise(const struct csvrec *rec, size_t *n)
{
	char **names = xcalloc(rec->n, sizeof(char *));
	for (size_t i = 0; i < rec->n; i++)
		names[i] = text_lower(text_trim(xstrdup(rec->fields[i])));
	*n = rec->n;
	while (*n > 0 && !names[*n - 1][0])
		free(names[--*n]);
	return names;
}

static void free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* Whether rec would be the header if its values were split on tabs:
 * the file is "Text (Tab delimited)" under a .csv name. */
static bool tab_header(const struct csvrec *rec, table_header_fn *is_header,
		       void *ctx)
{
	size_t n = 0, cap = 0;
	char **names = NULL;
	bool tabs = false;
	for (size_t i = 0; i < rec->n; i++) {
		const char *p = rec->fields[i];
		tabs |= strchr(p, '\t') != NULL;
		for (;;) {
			size_t len = strcspn(p, "\t");
			GROW(names, cap, n + 1);
			names[n++] = text_lower(text_trim(xstrndup(p, len)));
			if (!p[len])
				break;
			p += len + 1;
		}
	}
	bool yes = tabs && is_header(names, n, ctx);
	free_names(names, n);
	return yes;
}

int table_header(struct table *t, table_header_fn *is_header, void *ctx,
		 const char *expected)
{
	struct csvrec rec;
	long first_line = 0;
	for (int tries = 0; tries < TABLE_HEADER_SEARCH; tries++) {
		enum csvin_status s = next_nonblank(t, &rec);
		if (s == CSVIN_FAIL)
			return -1;
		if (s == CSVIN_EOF)
			break;
		if (!first_line)
			first_line = rec.line;
		size_t n;
		char **names = normalise(&rec, &n);
		t->raw = rec.fields;
		bool header = is_header(names, n, ctx);
		t->raw = NULL;
		if (!header) {
			free_names(names, n);
			if (!tab_header(&rec, is_header, ctx))
				continue;
			diag_add(t->d, SEV_ERROR, t->name, rec.line, NULL, NULL,
				 "tab-separated",
				 "the columns are separated by tabs (what Excel's "
				 "\"Text (Tab delimited)\" writes), not commas; "
				 "open the file in Excel and save it with \"Save "
				 "As\" and the type \"CSV UTF-8 (Comma delimited) "
				 "(*.csv)\"; the file is rejected");
			return -1;
		}
		t->cols = names;
		t->ncols = n;
		t->header_line = rec.line;
		t->delim = rec.delim;
		records_lock_delim(t->in, rec.delim);
		tries -= t->meta_rows;
		if (tries > 0)
			diag_add(t->d, SEV_WARNING, t->name, first_line, NULL,
				 NULL, "title-row",
				 "%d line%s above the header (line %ld) %s not "
				 "read", tries, tries == 1 ? "" : "s", rec.line,
				 tries == 1 ? "was" : "were");
		return 0;
	}
	if (!first_line)
		diag_add(t->d, SEV_ERROR, t->name, 0, NULL, NULL, "empty-file",
			 "the file has no text in it; the file is rejected");
	else
		diag_add(t->d, SEV_ERROR, t->name, first_line, NULL, NULL,
			 "no-header",
			 "no header row was found: the first row must name the "
			 "columns, with %s; the file is rejected", expected);
	return -1;
}

int table_col(const struct table *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i], name) == 0)
			return (int)i;
	return -1;
}

size_t table_col_count(const struct table *t, const char *name)
{
	size_t n = 0;
	for (size_t i = 0; i < t->ncols; i++)
		n += strcmp(t->cols[i], name) == 0;
	return n;
}

enum table_status table_next(struct table *t, struct table_row *row)
{
	struct csvrec rec;
	for (;;) {
		enum csvin_status s = next_nonblank(t, &rec);
		if (s == CSVIN_FAIL)
			return TABLE_FAIL;
		if (s == CSVIN_EOF)
			return TABLE_END;
		size_t n = rec.n;
		while (n > t->ncols && !rec.fields[n - 1][0])
			n--;
		if (n > t->ncols) {
			diag_add(t->d, SEV_ERROR, t->name, rec.line, NULL, NULL,
				 "ragged-row",
				 "this row has %zu values but the header has %zu "
				 "columns, so the values cannot be matched to "
				 "columns (a number written with a comma, like "
				 "1,234, must be in quotes); row skipped",
				 n, t->ncols);
			continue;
		}
		row->line = rec.line;
		if (n == t->ncols) {
			row->f = rec.fields;
			return TABLE_ROW;
		}
		diag_add(t->d, SEV_WARNING, t->name, rec.line, NULL, NULL,
			 "short-row",
			 "this row has %zu value%s but the header has %zu "
			 "columns; the missing ones are taken as blank",
			 n, n == 1 ? "" : "s", t->ncols);
		if (!t->pad) {
			t->pad = xcalloc(t->ncols, sizeof(char *));
			t->blank = xcalloc(t->ncols, 1);
		}
		for (size_t i = 0; i < t->ncols; i++) {
			t->blank[i] = '\0';
			t->pad[i] = i < n ? rec.fields[i] : &t->blank[i];
		}
		row->f = t->pad;
		return TABLE_ROW;
	}
}

bool table_has_all(char *const *names, size_t n, void *ctx)
{
	for (const char *const *want = ctx; *want; want++) {
		size_t i = 0;
		while (i < n && strcmp(names[i], *want) != 0)
			i++;
		if (i == n)
			return false;
	}
	return true;
}

bool table_has_any(char *const *names, size_t n, void *ctx)
{
	for (const char *const *want = ctx; *want; want++)
		for (size_t i = 0; i < n; i++)
			if (!strcmp(names[i], *want))
				return true;
	return false;
}

int table_columns(struct table *t, const char *const *names, int *idx,
		  bool required)
{
	int ret = 0;
	struct buf missing = BUF_INIT;
	size_t nmissing = 0, total = 0;
	for (size_t k = 0; names[k]; k++)
		total += required && table_col(t, names[k]) < 0;
	for (size_t k = 0; names[k]; k++) {
		idx[k] = table_col(t, names[k]);
		if (idx[k] < 0 && required) {
			nmissing++;
			buf_addf(&missing, "%s'%s'",
				 nmissing == 1 ? "" :
				 nmissing == total ? " or " : ", ", names[k]);
		} else if (table_col_count(t, names[k]) > 1) {
			diag_add(t->d, SEV_ERROR, t->name, t->header_line, NULL,
				 NULL, "duplicate-column",
				 "the header names the '%s' column more than "
				 "once, so it is not clear which to read; the "
				 "file is rejected", names[k]);
			ret = -1;
		}
	}
	if (nmissing) {
		diag_add(t->d, SEV_ERROR, t->name, t->header_line, NULL, NULL,
			 "missing-column",
			 "the header has no %s column; the file is rejected",
			 missing.s);
		ret = -1;
	}
	buf_free(&missing);
	return ret;
}

struct table *table_open_columns(const char *path, const char *const *cols,
				 int *idx, const char *expected,
				 struct diags *d)
{
	struct table *t = table_open(path, NULL, d);
	if (t && table_header(t, table_has_any, (void *)cols, expected) == 0 &&
	    table_columns(t, cols, idx, true) == 0)
		return t;
	table_close(t);
	return NULL;
}
