/* pledge-audit: tries to recover withheld or single-organisation figures
 * from what is about to be published, and refuses if it can. */
#include "base/cli.h"
#include "base/xalloc.h"
#include "model/templates.h"
#include "stats/tidyin.h"
#include "stats/aggregate.h"
#include "stats/audit.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "pledge-audit";
static const char *synopsis =
	"--returns=FILE... [OPTION]... AGGREGATES [TEXT]...";

static void usage(void)
{
	printf("Usage: %s %s\n"
"Check that nothing about to be published gives away a withheld figure\n"
"or one organisation's figure.\n"
"\n"
"AGGREGATES is pledge-aggregate's output; each TEXT is a report as text\n"
"(pdftotext's output of the sector report) or its HTML edition (a name\n"
"ending .html). The returns behind them are the truth the published\n"
"figures are checked against. Every subtraction an analyst with a\n"
"spreadsheet would try is tried: the sector's total minus its peer\n"
"groups', a small group's n, sum, mean, median and quartiles solved for\n"
"its members' values, a min or max, a count of people below the\n"
"threshold (directly or as a rate times its total), and a like-for-like\n"
"total printed beside the quarter's total. Each success is an error\n"
"naming the published cell; nothing is written otherwise.\n"
"\n"
"  -R, --returns=FILE    tidy returns (pledge-ingest's output) of the\n"
"                        quarters published; give it once per file\n"
"      --readings=FILE   chart readings (pledge-chart's readings.csv);\n"
"                        may be given more than once\n"
"  -r, --roster=FILE     the signatories (default " ROSTER_DEFAULT ")\n"
"  -t, --templates=DIR   where metrics.csv and settings.csv are (default\n"
"                        $PLEDGE_TEMPLATES, else ./templates, else the\n"
"                        installed copy)\n"
"      --help            show this help and exit\n"
"      --version         show the version and exit\n"
"\n"
"Exit status: 0 nothing could be recovered, 2 something could (or the\n"
"inputs could not be read): do not publish.\n", prog, synopsis);
}

struct opts {
	struct cli cli;
	const char **readings;
	size_t nreadings;
};

static int own_option(int c, void *ctx)
{
	struct opts *o = ctx;
	if (c != 'G')
		return -1;
	o->readings = xreallocarray(o->readings, o->nreadings + 1,
				    sizeof(char *));
	o->readings[o->nreadings++] = optarg;
	return 0;
}

static int parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		CLI_LONGOPTS,
		CLI_RETURNS,
		{ "readings", required_argument, NULL, 'G' },
		{ NULL, 0, NULL, 0 },
	};
	if (cli_parse(&o->cli, argc, argv, longopts, CLI_SHORTOPTS "R:",
		      own_option, o) < 0)
		return -1;
	const char *why = o->cli.output ? "--output is not used: the audit "
					  "writes nothing"
			  : !o->cli.nreturns ? "--returns is needed"
			  : argc - optind < 1 ? "the aggregates file is needed"
			  : NULL;
	if (why) {
		fprintf(stderr, "%s: %s\n", prog, why);
		cli_usage_hint(&o->cli);
		return -1;
	}
	return 0;
}

/* Reads everything named on the command line; 0, or -1 when any of it
 * could not be read (reported). */
static int read_all(const struct opts *o, char **files, int nfiles,
		    struct aggregate *a, struct audit *au, struct diags *d)
{
	int bad = 0;
	for (size_t i = 0; i < o->cli.nreturns; i++)
		bad |= tidyin_read(a, o->cli.returns[i], d) < 0;
	size_t before = d->errors;
	bad |= audit_read_aggregates(au, files[0], d) < 0;
	for (size_t i = 0; i < o->nreadings; i++)
		bad |= audit_read_readings(au, o->readings[i], d) < 0;
	for (int i = 1; i < nfiles; i++)
		bad |= audit_read_text(au, files[i], d) < 0;
	return bad || d->errors > before ? -1 : 0;
}

int main(int argc, char **argv)
{
	struct opts o = { .cli = CLI_INIT(prog, synopsis, usage) };
	if (parse_args(argc, argv, &o) < 0) {
		cli_free(&o.cli);
		return EXIT_FATAL;
	}
	struct diags d;
	diags_init_echo(&d, prog, stderr);
	struct templates t;
	int status = EXIT_FATAL;
	unsigned want = TEMPLATES_CATALOGUE | TEMPLATES_SETTINGS | TEMPLATES_ROSTER;
	if (templates_load_cli(&t, &o.cli, want, &d) == 0) {
		struct aggregate a;
		aggregate_init(&a, &t.cat, &t.roster);
		struct audit au;
		audit_init(&au, &a, &t.set);
		if (read_all(&o, argv + optind, argc - optind, &a, &au, &d) < 0)
			fprintf(stderr, "%s: the inputs could not all be read, "
				"so nothing was audited\n", prog);
		else if (audit_run(&au, &d) == 0 && d.errors == 0)
			status = EXIT_OK;
		else if (au.found)
			fprintf(stderr, "%s: %zu way%s to recover a withheld "
				"or single-organisation figure; do not "
				"publish\n", prog, au.found,
				au.found == 1 ? "" : "s");
		else
			fprintf(stderr, "%s: the aggregates are not those of "
				"the returns given; do not publish\n", prog);
		audit_free(&au);
		aggregate_free(&a);
	}
	templates_free(&t);
	diags_free(&d);
	free(o.readings);
	cli_free(&o.cli);
	return status;
}
