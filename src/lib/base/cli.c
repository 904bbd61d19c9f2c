#include "cli.h"
#include "xalloc.h"
#include "period.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef PLEDGE_VERSION
#define PLEDGE_VERSION "unknown"
#endif
_Static_assert(PERIOD_NONE == -1, "CLI_INIT starts the period as none");

void cli_version(const char *prog)
{
	printf("%s (pledge) %s\n", prog, PLEDGE_VERSION);
}

void cli_usage_hint(const struct cli *cli)
{
	fprintf(stderr, "Usage: %s %s\n", cli->prog, cli->synopsis);
	fprintf(stderr, "Try '%s --help' for more information.\n", cli->prog);
}

static void bad_option(const char *prog, int c, char **argv);

/* 1 when c is a shared option (handled), 0 when not, -1 on an error. */
static int shared_option(struct cli *cli, int c, char **argv)
{
	switch (c) {
	case 'r': cli->roster = optarg; return 1;
	case 't': cli->templates = optarg; return 1;
	case 'o': cli->output = optarg; return 1;
	case 'R':
		cli->returns = xreallocarray(cli->returns, cli->nreturns + 1,
					     sizeof(char *));
		cli->returns[cli->nreturns++] = optarg;
		return 1;
	case 'p':
		cli->period = period_parse(optarg);
		if (cli->period != PERIOD_NONE)
			return 1;
		fprintf(stderr, "%s: '%s' is not a quarter such as 2026-Q3\n",
			cli->prog, optarg);
		return -1;
	case 'h':
		cli->usage();
		exit(EXIT_OK);
	case 'V':
		cli_version(cli->prog);
		exit(EXIT_OK);
	case '?':
	case ':':
		bad_option(cli->prog, c, argv);
		return -1;
	}
	return 0;
}

int cli_parse(struct cli *cli, int argc, char **argv,
	      const struct option *longopts, const char *shortopts,
	      cli_own_fn *own, void *ctx)
{
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		int shared = shared_option(cli, c, argv);
		if (shared < 0 || (!shared && (!own || own(c, ctx) < 0))) {
			cli_usage_hint(cli);
			return -1;
		}
	}
	return 0;
}

static void bad_option(const char *prog, int c, char **argv)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";
	if (c == ':') {
		if (optopt && arg[1] != '-')
			fprintf(stderr, "%s: option '-%c' needs a value\n", prog,
				optopt);
		else
			fprintf(stderr, "%s: option '%s' needs a value\n", prog,
				arg);
	} else if (optopt) {
		fprintf(stderr, "%s: unknown option '-%c'\n", prog, optopt);
	} else {
		fprintf(stderr, "%s: unknown option '%s'\n", prog, arg);
	}
}

void cli_free(struct cli *cli)
{
	free(cli->returns);
	cli->returns = NULL;
	cli->nreturns = 0;
}
