/* tidyfile: opening the tidy returns pledge-ingest writes (SPEC §5) for
 * reading, by the four columns every reader of them needs. */
#ifndef PLEDGE_TIDYFILE_H
#define PLEDGE_TIDYFILE_H

#include "../base/diag.h"
#include "../read/table.h"

/* The columns found, as indexes into tidyfile_open's col. */
enum tidy_column { TIDY_PERIOD, TIDY_ORG, TIDY_METRIC, TIDY_VALUE,
		   TIDY_COLUMNS };

/* Opens path ("-" for standard input) and finds its period, org_id,
 * metric and value columns, their places in col; NULL, with the reason
 * added to d, when it cannot be read or lacks one. */
struct table *tidyfile_open(const char *path, int col[TIDY_COLUMNS],
			    struct diags *d);

#endif
