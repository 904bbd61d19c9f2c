/* libFuzzer target: pledge-aggregate's reading of tidy returns and the
 * aggregation and output after it. The first byte is skipped, so the
 * seeds of fuzz_ingest serve here too. */
#include "model/catalogue.h"
#include "model/roster.h"
#include "model/settings.h"
#include "out/aggout.h"
#include "read/tidyin.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct catalogue cat;
static struct roster roster;
static struct settings settings;
static char path[256];
static FILE *sink;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	struct diags d;
	diags_init(&d);
	const char *templates = getenv("PLEDGE_TEMPLATES");
	const char *data = getenv("PLEDGE_FUZZ_DATA");
	char file[512];
	snprintf(file, sizeof(file), "%s/metrics.csv",
		 templates ? templates : "templates");
	if (catalogue_load(&cat, file, &d) < 0)
		abort();
	snprintf(file, sizeof(file), "%s/agg-roster.csv",
		 data ? data : "tests/data");
	if (roster_load(&roster, file, &d) < 0)
		abort();
	settings_default(&settings);
	diags_free(&d);
	snprintf(path, sizeof(path), "/tmp/pledge-fuzz-tidy-%d.csv",
		 (int)getpid());
	sink = fopen("/dev/null", "w");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	FILE *fp = fopen(path, "wb");
	if (!fp || fwrite(data + 1, 1, size - 1, fp) != size - 1 || fclose(fp))
		abort();
	struct aggregate a;
	struct diags d;
	diags_init(&d);
	aggregate_init(&a, &cat, &roster);
	tidyin_read(&a, path, &d);
	aggout_write(sink, &a, &settings);
	aggregate_free(&a);
	diags_free(&d);
	return 0;
}
