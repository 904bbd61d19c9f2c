#include "tidyfile.h"

struct table *tidyfile_open(const char *path, int col[TIDY_COLUMNS],
			    struct diags *d)
{
	static const char *const columns[] = { "period", "org_id", "metric",
					       "value", NULL };
	return table_open_columns(path, columns, col,
				  "period, org_id, metric and value", d);
}
