/* csvdump: prints a CSV file's records as a JSON array of objects keyed
 * by the header, for comparing the reader with expected results.
 * usage: csvdump FILE; exit 1 when the reader reports an error. */
#include "read/records.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void json_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c == '\n')
			fputs("\\n", stdout);
		else if (c == '\r')
			fputs("\\r", stdout);
		else if (c == '\t')
			fputs("\\t", stdout);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: csvdump FILE\n", stderr);
		return 2;
	}
	FILE *fp = fopen(argv[1], "rb");
	if (!fp) {
		perror(argv[1]);
		return 2;
	}
	struct diags d;
	diags_init(&d);
	d.echo = stderr;
	struct records *in = records_open(fp, argv[1], NULL, &d);
	struct csvrec rec;
	char **header = NULL;
	size_t nheader = 0, rows = 0;
	enum csvin_status s;
	putchar('[');
	while ((s = records_next(in, &rec)) == CSVIN_RECORD) {
		if (!header) {
			nheader = rec.n;
			header = xcalloc(nheader, sizeof(char *));
			for (size_t i = 0; i < rec.n; i++)
				header[i] = xstrdup(rec.fields[i]);
			records_lock_delim(in, rec.delim);
			continue;
		}
		printf("%s{", rows++ ? "," : "");
		for (size_t i = 0; i < rec.n && i < nheader; i++) {
			if (i)
				putchar(',');
			json_string(header[i]);
			putchar(':');
			json_string(rec.fields[i]);
		}
		putchar('}');
	}
	puts("]");
	int status = s == CSVIN_FAIL || d.errors ? 1 : 0;
	for (size_t i = 0; i < nheader; i++)
		free(header[i]);
	free(header);
	records_close(in);
	fclose(fp);
	diags_free(&d);
	return status;
}
