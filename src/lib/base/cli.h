/* cli: what every program's main() shares. */
#ifndef PLEDGE_CLI_H
#define PLEDGE_CLI_H

#include <getopt.h>
#include <stddef.h>

#include "paths.h"

/* Exit statuses (SPEC §4). */
enum {
	EXIT_OK = 0,        /* everything accepted (warnings allowed) */
	EXIT_REJECTED = 1,  /* some input rejected, the rest written */
	EXIT_FATAL = 2      /* nothing usable could be done */
};

#define ROSTER_DEFAULT "input/signatories.csv"

struct cli;

/* Prints "PROG (pledge) VERSION" and the licence line on stdout. */
void cli_version(const char *prog);

/* After a usage error (already printed): prints "Usage: PROG SYNOPSIS"
 * and "Try 'PROG --help' for more information." on stderr. */
void cli_usage_hint(const struct cli *cli);

/* The options every program shares, and what they set. */
struct cli {
	const char *prog;
	const char *synopsis;
	void (*usage)(void);       /* prints --help on stdout */
	const char *roster;        /* -r, --roster (default ROSTER_DEFAULT) */
	const char *templates;     /* -t, --templates */
	const char *output;        /* -o, --output */
	int period;                /* -p, --period (for programs that list
				      CLI_PERIOD), or PERIOD_NONE */
	const char **returns;      /* -R, --returns, each time it is given
				      (for programs that list CLI_RETURNS);
				      freed by cli_free */
	size_t nreturns;
};

/* A struct cli as a program starts it. */
#define CLI_INIT(name, syn, help)                                           \
	{ .prog = (name), .synopsis = (syn), .usage = (help),               \
	  .roster = ROSTER_DEFAULT, .period = -1 /* PERIOD_NONE */ }

/* The long options of struct cli, to put first in a program's table;
 * CLI_SHORTOPTS begins its short options. */
#define CLI_LONGOPTS                                                        \
	{ "roster", required_argument, NULL, 'r' },                         \
	{ "templates", required_argument, NULL, 't' },                      \
	{ "output", required_argument, NULL, 'o' },                         \
	{ "help", no_argument, NULL, 'h' },                                 \
	{ "version", no_argument, NULL, 'V' }
#define CLI_SHORTOPTS ":r:t:o:"
#define CLI_PERIOD { "period", required_argument, NULL, 'p' }
#define CLI_RETURNS { "returns", required_argument, NULL, 'R' }

/* A program's own options: handles option c (with its optarg) and
 * returns 0, or -1 after reporting a usage error. */
typedef int cli_own_fn(int c, void *ctx);

/* Parses argv with getopt_long: the shared options fill cli (--help and
 * --version print and exit with status 0), the others go to own. On a
 * usage error, reports it with the short usage and returns -1; else 0,
 * with optind at the first operand. */
int cli_parse(struct cli *cli, int argc, char **argv,
	      const struct option *longopts, const char *shortopts,
	      cli_own_fn *own, void *ctx);

/* Frees what cli_parse kept. */
void cli_free(struct cli *cli);

#endif
