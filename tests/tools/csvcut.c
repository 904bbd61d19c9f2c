/* csvcut: named columns of a CSV file as tab-separated text, for handing
 * the project's CSVs to tools that do not read quoted CSV (datamash).
 * usage: csvcut FILE COLUMN...; exit 1 on a reader error or unknown column. */
#include "read/table.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: csvcut FILE COLUMN...\n", stderr);
		return 2;
	}
	struct diags d;
	diags_init(&d);
	d.echo = stderr;
	struct table *t = table_open(argv[1], NULL, &d);
	const char *const *want = (const char *const *)argv + 2;
	int ncols = argc - 2, status = 1;
	int *col = calloc((size_t)ncols, sizeof(int));
	if (t && col &&
	    table_header(t, table_has_all, (void *)want, "the columns asked "
			 "for") == 0 &&
	    table_columns(t, want, col, true) == 0) {
		struct table_row row;
		enum table_status s;
		while ((s = table_next(t, &row)) == TABLE_ROW)
			for (int i = 0; i < ncols; i++)
				printf("%s%c", row.f[col[i]],
				       i + 1 < ncols ? '\t' : '\n');
		status = s == TABLE_FAIL || d.errors;
	}
	free(col);
	table_close(t);
	diags_free(&d);
	return status;
}
