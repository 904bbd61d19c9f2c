/* inputs: what shapes a quarter's outputs, and its SHA-256.
 *
 * The inputs of a quarter are the program version, the roster, every
 * file of the templates folder (catalogue, settings, wording, levels,
 * datapackage template, a logo kept there), the fonts and logo the
 * settings and wording name, the quarter's returns, and the tidy
 * returns of up to 7 earlier quarters already in the output. Their
 * text ("role,file,sha256" rows) begins the quarter's manifest.csv: a
 * quarter whose text is unchanged is not redone. */
#ifndef PLEDGE_INPUTS_H
#define PLEDGE_INPUTS_H

#include "run/runopts.h"

#include "base/buf.h"

#include <stddef.h>

struct refused {
	char *path;        /* INPUT/PERIOD/NAME */
	const char *what;  /* "a FIFO (named pipe)", ... */
};

struct inputs {
	char **returns;    /* INPUT/PERIOD/NAME of each return, sorted */
	size_t nreturns, nreturns_cap;
	struct refused *refused; /* returns that are not regular files */
	size_t nrefused, nrefused_cap;
	char **earlier;    /* OUTPUT/P/returns.csv of earlier quarters,
			      oldest first */
	size_t nearlier, nearlier_cap;
	struct buf text;   /* the manifest rows of all of them */
};

#define MANIFEST_HEADER "role,file,sha256\n"

/* Collects and hashes the inputs of period. Returns 0, or -1 after
 * printing on r->err why an input could not be read (the quarter
 * cannot be done). */
int inputs_collect(struct inputs *in, struct run *r, int period);

void inputs_free(struct inputs *in);

#endif
