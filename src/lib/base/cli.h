/* cli: what every program's main() shares. */
#ifndef PLEDGE_CLI_H
#define PLEDGE_CLI_H

/* Exit statuses (SPEC §4). */
enum {
	EXIT_OK = 0,        /* everything accepted (warnings allowed) */
	EXIT_REJECTED = 1,  /* some input rejected, the rest written */
	EXIT_FATAL = 2      /* nothing usable could be done */
};

#define ROSTER_DEFAULT "input/signatories.csv"

/* Prints "PROG (pledge) VERSION" and the licence line on stdout. */
void cli_version(const char *prog);

/* After a usage error (already printed): prints "Usage: PROG SYNOPSIS"
 * and "Try 'PROG --help' for more information." on stderr. */
void cli_usage_hint(const char *prog, const char *synopsis);

/* Reports a getopt_long error in the program's own words; c is what
 * getopt_long returned ('?' or ':', with opterr 0 and an option string
 * that starts with ':'). */
void cli_bad_option(const char *prog, int c, char **argv);

/* The folder of templates: opt when given, else $PLEDGE_TEMPLATES, else
 * ./templates when it exists, else the installed share folder. */
const char *templates_dir(const char *opt);

/* dir/name in new memory. */
char *path_join(const char *dir, const char *name);

#endif
