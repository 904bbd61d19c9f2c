/* pledge-ingest: quarterly return files in, checked tidy CSV out. */
#include "base/cli.h"
#include "base/xalloc.h"
#include "model/ingest.h"
#include "base/period.h"
#include "out/atomic.h"
#include "out/tidy.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *prog = "pledge-ingest";
static const char *synopsis = "[OPTION]... [FILE]...";

static void usage(void)
{
	printf("Usage: %s %s\n"
"Check quarterly progress returns and write them as one tidy CSV.\n"
"\n"
"Each FILE is a return saved from a spreadsheet: one row per metric\n"
"(metric,value columns) or one row per organisation (org_id and one\n"
"column per metric). With no FILE, or when FILE is -, read standard input.\n"
"The tidy CSV (period,org_id,org_name,area,metric,value,note) goes to\n"
"standard output; problems go to standard error as FILE:LINE: messages.\n"
"\n"
"  -r, --roster=FILE     the signatories (default " ROSTER_DEFAULT ")\n"
"  -t, --templates=DIR   where metrics.csv is (default $PLEDGE_TEMPLATES,\n"
"                        else ./templates, else the installed copy)\n"
"  -p, --period=QUARTER  every return is for QUARTER (such as 2026-Q3);\n"
"                        by default it is read from each file's folder\n"
"  -i, --issues=FILE     also write every problem found as CSV to FILE\n"
"  -o, --output=FILE     write the tidy CSV to FILE instead of standard\n"
"                        output (FILE is replaced only when complete)\n"
"  -P, --previous=FILE   earlier tidy returns (this program's output for\n"
"                        earlier quarters; may be given more than once):\n"
"                        answers far from the organisation's own answer\n"
"                        the quarter before, or from the sector's, are\n"
"                        queried (a warning; the value is accepted)\n"
"  -q, --quiet           do not print warnings, only errors\n"
"  -s, --summary         end with one line per quarter on standard error:\n"
"                        returns expected, accepted, rejected and missing,\n"
"                        and the answers queried\n"
"      --help            show this help and exit\n"
"      --version         show the version and exit\n"
"\n"
"Exit status: 0 every return accepted (warnings allowed), 1 something was\n"
"rejected but the rest was written, 2 nothing usable could be done.\n",
	       prog, synopsis);
}

struct opts {
	struct cli cli;
	const char *issues;
	const char **previous;
	size_t nprevious;
	int quiet, summary;
};

static int own_option(int c, void *ctx)
{
	struct opts *o = ctx;
	switch (c) {
	case 'i': o->issues = optarg; return 0;
	case 'q': o->quiet = 1; return 0;
	case 'P':
		o->previous = xreallocarray(o->previous, o->nprevious + 1,
					    sizeof(char *));
		o->previous[o->nprevious++] = optarg;
		return 0;
	case 's': o->summary = 1; return 0;
	default: return -1;
	}
}

static int parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		CLI_LONGOPTS,
		CLI_PERIOD,
		{ "issues", required_argument, NULL, 'i' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "previous", required_argument, NULL, 'P' },
		{ "summary", no_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	if (cli_parse(&o->cli, argc, argv, longopts, CLI_SHORTOPTS "p:i:qsP:",
		      own_option, o) < 0)
		return -1;
	return 0;
}

static int put_issues(FILE *fp, void *ctx)
{
	return issues_write(fp, &((struct ingest *)ctx)->d);
}

static int put_tidy(FILE *fp, void *ctx)
{
	struct ingest *in = ctx;
	return tidy_write(fp, &in->all, &in->cat, &in->roster);
}

/* Writes the issues and the tidy CSV, both confidential; returns 0, or
 * -1 when one could not be written (already reported). */
static int write_outputs(struct ingest *in, const struct opts *o)
{
	if (o->issues && write_output(o->issues, 0600, put_issues, in) < 0) {
		fprintf(stderr, "%s: cannot write %s: %s\n", prog, o->issues,
			strerror(errno));
		return -1;
	}
	if (write_output(o->cli.output, 0600, put_tidy, in) < 0) {
		fprintf(stderr, "%s: cannot write %s: %s\n", prog,
			o->cli.output ? o->cli.output : "the output", strerror(errno));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct opts o = { .cli = CLI_INIT(prog, synopsis, usage) };
	o.cli.roster = NULL;
	if (parse_args(argc, argv, &o) < 0)
		return EXIT_FATAL;
	/* an association checking its own return has no roster */
	if (!o.cli.roster && access(ROSTER_DEFAULT, F_OK) == 0)
		o.cli.roster = ROSTER_DEFAULT;
	char *catalogue = path_join(templates_dir(o.cli.templates), "metrics.csv");
	char *settings = path_join(templates_dir(o.cli.templates), "settings.csv");
	struct ingest in;
	int status = ingest_init(&in, catalogue, o.cli.roster, o.cli.period);
	if (status == 0)
		status = ingest_settings(&in, settings);
	for (size_t i = 0; status == 0 && i < o.nprevious; i++)
		status = ingest_previous(&in, o.previous[i]);
	free(settings);
	free(o.previous);
	in.d.prog = prog;
	for (size_t i = 0; i < in.d.len; i++)
		diag_print(&in.d.items[i], prog, stderr);
	free(catalogue);
	if (status < 0) {
		ingest_free(&in);
		return EXIT_FATAL;
	}
	in.d.echo = stderr;
	in.d.echo_warnings = !o.quiet;
	if (optind == argc)
		ingest_file(&in, "-");
	for (int i = optind; i < argc; i++)
		ingest_file(&in, argv[i]);
	ingest_finish(&in);
	status = in.d.errors ? EXIT_REJECTED : EXIT_OK;
	if (write_outputs(&in, &o) < 0)
		status = EXIT_FATAL;
	else if (o.summary)
		ingest_summary(&in, stderr);
	ingest_free(&in);
	return status;
}
