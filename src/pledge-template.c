/* pledge-template: a blank return for one organisation and quarter. */
#include "base/cli.h"
#include "base/period.h"
#include "model/templates.h"
#include "out/atomic.h"
#include "out/template.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "pledge-template";
static const char *synopsis = "--org=ID --period=QUARTER [OPTION]...";

static void usage(void)
{
	printf("Usage: %s %s\n"
"Write a blank progress return for one organisation and quarter: one row\n"
"per metric of the catalogue, with its question, and an empty value\n"
"column to fill in. Open it in a spreadsheet, fill in the values, save it\n"
"as CSV and send it back; pledge-ingest reads it as it is.\n"
"\n"
"  -g, --org=ID          the organisation's org_id in the roster\n"
"  -p, --period=QUARTER  the quarter, such as 2026-Q3\n"
"  -r, --roster=FILE     the signatories (default " ROSTER_DEFAULT ")\n"
"  -t, --templates=DIR   where metrics.csv is (default $PLEDGE_TEMPLATES,\n"
"                        else ./templates, else the installed copy)\n"
"  -o, --output=FILE     write to FILE instead of standard output\n"
"      --help            show this help and exit\n"
"      --version         show the version and exit\n"
"\n"
"Exit status: 0 written, 2 the return could not be written.\n", prog, synopsis);
}

struct opts {
	struct cli cli;
	const char *org;
};

static int own_option(int c, void *ctx)
{
	struct opts *o = ctx;
	switch (c) {
	case 'g': o->org = optarg; return 0;
	default: return -1;
	}
}

static int parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		CLI_LONGOPTS,
		CLI_PERIOD,
		{ "org", required_argument, NULL, 'g' },
		{ NULL, 0, NULL, 0 },
	};
	if (cli_parse(&o->cli, argc, argv, longopts, CLI_SHORTOPTS "p:g:",
		      own_option, o) < 0)
		return -1;
	if (optind < argc) {
		fprintf(stderr, "%s: unexpected argument '%s'\n", prog,
			argv[optind]);
		cli_usage_hint(&o->cli);
		return -1;
	}
	if (!o->org || o->cli.period == PERIOD_NONE) {
		fprintf(stderr, "%s: both --org and --period are needed\n", prog);
		cli_usage_hint(&o->cli);
		return -1;
	}
	return 0;
}

struct job {
	const struct catalogue *cat;
	const struct org *org;
	int period;
};

static int put_template(FILE *fp, void *ctx)
{
	const struct job *j = ctx;
	return template_write(fp, j->cat, j->org, j->period);
}

int main(int argc, char **argv)
{
	struct opts o = { .cli = CLI_INIT(prog, synopsis, usage) };
	if (parse_args(argc, argv, &o) < 0)
		return EXIT_FATAL;
	struct diags d;
	diags_init_echo(&d, prog, stderr);
	struct templates t;
	int ok = templates_load_cli(&t, &o.cli,
				    TEMPLATES_CATALOGUE | TEMPLATES_ROSTER, &d) == 0;
	int status = EXIT_FATAL;
	int i = ok ? roster_find(&t.roster, o.org) : -1;
	if (ok && i < 0)
		fprintf(stderr, "%s: '%s' is not an org_id in the roster (%s)\n",
			prog, o.org, o.cli.roster);
	if (i >= 0) {
		const struct org *org = &t.roster.orgs[i];
		char p[PERIOD_TEXT];
		if (!org_owes(org, o.cli.period))
			fprintf(stderr, "%s: warning: %s owes no return for "
				"%s\n", prog, org->id,
				period_format(o.cli.period, p));
		struct job job = { &t.cat, org, o.cli.period };
		if (write_output(o.cli.output, 0644, put_template, &job) == 0)
			status = EXIT_OK;
		else
			fprintf(stderr, "%s: cannot write %s: %s\n", prog,
				o.cli.output ? o.cli.output : "the output",
				strerror(errno));
	}
	templates_free(&t);
	diags_free(&d);
	return status;
}
