/* libFuzzer target: the whole ingest path. The input's first byte picks
 * how many bytes the reader takes at a time (so state carried between
 * reads is exercised); the rest is a return file, read from a quarter
 * folder, checked, merged and written as tidy CSV. */
#include "fuzz.h"
#include "model/catalogue.h"
#include "base/period.h"
#include "model/returns.h"
#include "model/roster.h"
#include "out/tidy.h"
#include "model/returnfile.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static struct catalogue cat;
static struct roster roster;
static char path[256];
static FILE *sink;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_load(&cat, &roster, "pair.csv");
	char dir[] = "/tmp/pledge-fuzz-XXXXXX";
	if (!mkdtemp(dir))
		abort();
	snprintf(path, sizeof(path), "%s/2026-Q3", dir);
	if (mkdir(path, 0700) < 0)
		abort();
	snprintf(path, sizeof(path), "%s/2026-Q3/HX01.csv", dir);
	sink = fopen("/dev/null", "w");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	fuzz_write(path, data + 1, size - 1);
	struct csvin_limits lim = csvin_default_limits;
	lim.chunk = data[0] % 65;
	lim.max_record = 4096;
	lim.max_field = 1024;
	struct returnfile_opts o = { &cat, &roster, PERIOD_NONE, &lim };
	struct arena arena;
	struct returns all, batch;
	struct diags d;
	arena_init(&arena);
	returns_init(&all, &arena);
	returns_init(&batch, &arena);
	diags_init(&d);
	for (int copy = 0; copy < 2; copy++) {
		if (returnfile_read(&o, path, &batch, &d) == 0)
			returns_check(&batch, &cat, &roster, &d);
		returns_merge(&all, &batch, &roster, &d);
		returns_free(&batch);
	}
	returns_sort(&all, &roster);
	tidy_write(sink, &all, &cat, &roster);
	issues_write(sink, &d);
	returns_free(&all);
	arena_free(&arena);
	diags_free(&d);
	return 0;
}
