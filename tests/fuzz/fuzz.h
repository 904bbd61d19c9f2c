/* fuzz.h: what the fuzz targets share: the catalogue and a roster
 * loaded once, and writing each input to a file the readers open. */
#ifndef PLEDGE_FUZZ_H
#define PLEDGE_FUZZ_H

#include "model/catalogue.h"
#include "model/roster.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Loads templates/metrics.csv ($PLEDGE_TEMPLATES) and the test roster
 * named (from $PLEDGE_FUZZ_DATA, else tests/data); aborts when either
 * cannot be read, since nothing can be fuzzed then. */
static inline void fuzz_load(struct catalogue *cat, struct roster *roster,
			     const char *roster_name)
{
	struct diags d;
	diags_init(&d);
	const char *templates = getenv("PLEDGE_TEMPLATES");
	const char *data = getenv("PLEDGE_FUZZ_DATA");
	char file[512];
	snprintf(file, sizeof(file), "%s/metrics.csv",
		 templates ? templates : "templates");
	if (catalogue_load(cat, file, &d) < 0)
		abort();
	snprintf(file, sizeof(file), "%s/%s", data ? data : "tests/data",
		 roster_name);
	if (roster_load(roster, file, &d) < 0)
		abort();
	diags_free(&d);
}

/* Writes data[0..size) to path, or aborts. */
static inline void fuzz_write(const char *path, const uint8_t *data,
			      size_t size)
{
	FILE *fp = fopen(path, "wb");
	if (!fp || fwrite(data, 1, size, fp) != size || fclose(fp))
		abort();
}

#endif
