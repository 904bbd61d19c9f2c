/* returnfile: one return file, in either layout, read into returns.
 *
 * Long layout (metric and value columns, one row per metric) and wide
 * layout (an org_id column and one column per metric id) are told apart
 * by the header. org_id comes from its column, else from the file name;
 * the quarter from the period column, else from the folder name (or the
 * period the caller gives), and checked against the roster and the run
 * by whose.h. Refused answers and rows are reported and
 * the rest of the file is still read; a file that cannot be a return
 * at all is refused whole. */
#ifndef PLEDGE_RETURNFILE_H
#define PLEDGE_RETURNFILE_H

#include "catalogue.h"
#include "../base/diag.h"
#include "returns.h"
#include "roster.h"
#include "../read/csvin.h"

struct returnfile_opts {
	const struct catalogue *cat;
	struct roster *roster;  /* an open one grows as org_ids are read */
	int period;     /* the quarter every return is for, or PERIOD_NONE
			   to take it from the folder name */
	const struct csvin_limits *limits; /* NULL for the defaults */
};

/* Reads path ("-" for standard input) into batch, which should be empty.
 * Returns 0 when the file was read (perhaps with some answers or rows
 * refused), or -1 when the whole file is refused; then every return in
 * batch is marked refused (so its organisation is not reported missing). */
int returnfile_read(const struct returnfile_opts *o, const char *path,
		    struct returns *batch, struct diags *d);

/* The quarter a file's folder names ("input/2026-Q3/x.csv"), or
 * PERIOD_NONE. */
int returnfile_folder_period(const char *path);

#endif
