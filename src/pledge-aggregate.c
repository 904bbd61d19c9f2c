/* pledge-aggregate: tidy returns in, sector and peer-group figures out. */
#include "base/cli.h"
#include "base/period.h"
#include "model/templates.h"
#include "out/aggout.h"
#include "out/atomic.h"
#include "out/levelsout.h"
#include "stats/tidyin.h"
#include "stats/aggregate.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "pledge-aggregate";
static const char *synopsis = "[OPTION]... [FILE]...";

static void usage(void)
{
	printf("Usage: %s %s\n"
"Work out sector and peer-group figures from tidy returns.\n"
"\n"
"Each FILE is tidy returns as pledge-ingest writes them (any number of\n"
"quarters). With no FILE, or when FILE is -, read standard input. The\n"
"aggregates CSV goes to standard output: for each period, the response\n"
"counts (metric \"returns\"), then for each metric and group (sector, then\n"
"each peer group) n, sum, mean, median, p25, p75, min, max, rate and\n"
"flag. Figures that could tell about fewer than 3 organisations or a\n"
"small count of people are withheld as templates/settings.csv says, and\n"
"their rows flagged c.\n"
"\n"
"  -r, --roster=FILE     the signatories (default " ROSTER_DEFAULT ")\n"
"  -t, --templates=DIR   where metrics.csv and settings.csv are (default\n"
"                        $PLEDGE_TEMPLATES, else ./templates, else the\n"
"                        installed copy)\n"
"  -o, --output=FILE     write to FILE instead of standard output (FILE\n"
"                        is replaced only when complete)\n"
"  -d, --disclosure=FILE also write every withheld figure and the rule\n"
"                        that withheld it as CSV to FILE (staff only:\n"
"                        mode 0600, replaced only when complete)\n"
"  -l, --levels=FILE     also write each signatory's commitment level per\n"
"                        area in the latest quarter to FILE (- for\n"
"                        standard output; confidential, mode 0600), by\n"
"                        the rules in levels.csv of the templates folder\n"
"      --help            show this help and exit\n"
"      --version         show the version and exit\n"
"\n"
"Exit status: 0 every row used, 1 some rows or files could not be used\n"
"but the rest was written, 2 nothing usable could be done.\n", prog, synopsis);
}

struct opts {
	struct cli cli;
	const char *disclosure;
	const char *levels;
};

static int own_option(int c, void *ctx)
{
	struct opts *o = ctx;
	if (c == 'd')
		o->disclosure = optarg;
	else if (c == 'l')
		o->levels = optarg;
	else
		return -1;
	return 0;
}

static int parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		CLI_LONGOPTS,
		{ "disclosure", required_argument, NULL, 'd' },
		{ "levels", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 },
	};
	if (cli_parse(&o->cli, argc, argv, longopts, CLI_SHORTOPTS "d:l:",
		      own_option, o) < 0)
		return -1;
	if (o->levels && !strcmp(o->levels, "-") &&
	    (!o->cli.output || !strcmp(o->cli.output, "-"))) {
		fprintf(stderr, "%s: the aggregates already go to standard "
			"output; give --output or a --levels file\n", prog);
		cli_usage_hint(&o->cli);
		return -1;
	}
	return 0;
}

struct job {
	struct aggregate *a;
	const struct settings *s;
	FILE *disclosure;  /* or NULL */
};

static int put_aggregates(FILE *fp, void *ctx)
{
	struct job *j = ctx;
	return aggout_write_both(fp, j->disclosure, j->a, j->s);
}

/* Writes the aggregates and, when asked for, disclosure.csv: both, or
 * (on a failure) neither. Returns 0, or -1 with a message given. */
static int write_all(const struct opts *o, struct job *job)
{
	struct atomic_file df;
	const char *failed = NULL;
	if (o->disclosure && atomic_open(&df, o->disclosure, 0600) < 0)
		failed = o->disclosure;
	else if (o->disclosure)
		job->disclosure = df.fp;
	if (!failed && write_output(o->cli.output, 0644, put_aggregates,
				    job) < 0) {
		int err = errno;
		failed = o->cli.output ? o->cli.output : "the output";
		if (job->disclosure)
			atomic_abort(&df);
		errno = err;
	} else if (!failed && job->disclosure && atomic_commit(&df) < 0) {
		failed = o->disclosure;
	}
	if (failed)
		fprintf(stderr, "%s: cannot write %s: %s\n", prog, failed,
			strerror(errno));
	return failed ? -1 : 0;
}

int main(int argc, char **argv)
{
	struct opts o = { .cli = CLI_INIT(prog, synopsis, usage), .disclosure = NULL };
	if (parse_args(argc, argv, &o) < 0)
		return EXIT_FATAL;
	struct diags d;
	diags_init_echo(&d, prog, stderr);
	struct templates t;
	int status = EXIT_FATAL;
	unsigned want = TEMPLATES_CATALOGUE | TEMPLATES_SETTINGS | TEMPLATES_ROSTER;
	if (templates_load_cli(&t, &o.cli, want, &d) == 0) {
		struct aggregate a;
		aggregate_init(&a, &t.cat, &t.roster);
		int files = argc - optind, unread = 0;
		if (files == 0)
			unread += tidyin_read(&a, "-", &d) < 0;
		for (int i = optind; i < argc; i++)
			unread += tidyin_read(&a, argv[i], &d) < 0;
		struct job job = { &a, &t.set, NULL };
		if (files > 0 && unread == files)
			fprintf(stderr, "%s: no input could be read\n", prog);
		else if (write_all(&o, &job) == 0 &&
			 (!o.levels || levelsout_file(t.dir, o.levels, &a,
						      &d) == 0))
			status = d.errors ? EXIT_REJECTED : EXIT_OK;
		aggregate_free(&a);
	}
	templates_free(&t);
	diags_free(&d);
	return status;
}
