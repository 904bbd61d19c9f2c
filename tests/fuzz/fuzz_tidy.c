/* libFuzzer target: pledge-aggregate's reading of tidy returns and the
 * aggregation and output after it, and pledge-ingest's reading of them
 * as earlier returns (--previous). The first byte is skipped, so the
 * seeds of fuzz_ingest serve here too. */
#include "fuzz.h"
#include "model/catalogue.h"
#include "model/query.h"
#include "model/roster.h"
#include "model/settings.h"
#include "out/aggout.h"
#include "stats/tidyin.h"

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

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_load(&cat, &roster, "agg-roster.csv");
	settings_default(&settings);
	snprintf(path, sizeof(path), "/tmp/pledge-fuzz-tidy-%d.csv",
		 (int)getpid());
	sink = fopen("/dev/null", "w");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	fuzz_write(path, data + 1, size - 1);
	struct aggregate a;
	struct diags d;
	diags_init(&d);
	aggregate_init(&a, &cat, &roster);
	tidyin_read(&a, path, &d);
	aggout_write(sink, &a, &settings);
	aggregate_free(&a);
	/* the same file as earlier returns, for pledge-ingest's queries */
	struct history *h = history_new();
	history_read(h, path, &cat, &d);
	history_free(h);
	diags_free(&d);
	return 0;
}
