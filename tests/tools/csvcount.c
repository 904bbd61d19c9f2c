/* csvcount: a bare libcsv parse of a file, counting fields and records;
 * the yardstick the ingest benchmark is compared with. */
#include <csv.h>
#include <stdio.h>

static size_t fields, records;

static void on_field(void *s, size_t len, void *data)
{
	(void)s, (void)len, (void)data;
	fields++;
}

static void on_record(int c, void *data)
{
	(void)c, (void)data;
	records++;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: csvcount FILE\n", stderr);
		return 2;
	}
	FILE *fp = fopen(argv[1], "rb");
	struct csv_parser p;
	if (!fp || csv_init(&p, CSV_STRICT | CSV_APPEND_NULL))
		return 2;
	static char chunk[64 * 1024];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		if (csv_parse(&p, chunk, n, on_field, on_record, NULL) != n)
			return 1;
	csv_fini(&p, on_field, on_record, NULL);
	csv_free(&p);
	fclose(fp);
	printf("%zu fields, %zu records\n", fields, records);
	return 0;
}
