/* pledge-run: the quarterly run, every stage of every quarter, for cron. */
#include "base/cli.h"
#include "base/period.h"
#include "run/run.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *prog = "pledge-run";
static const char *synopsis = "[OPTION]...";

static void usage(void)
{
	printf("Usage: %s %s\n"
"Run the quarter's whole pipeline: for every quarter folder of the input\n"
"(YYYY-QN), oldest first, check its returns and write its figures, charts,\n"
"sector report, report cards, datapackage.json and manifest.csv into\n"
"OUTPUT/YYYY-QN/. Each quarter is built aside and put in place whole; a\n"
"quarter whose inputs are unchanged since its manifest is not redone.\n"
"\n"
"  -i, --input=DIR       the quarter folders and signatories.csv (default\n"
"                        input)\n"
"  -o, --output=DIR      where the quarters' outputs go (default output)\n"
"  -t, --templates=DIR   the templates (default $PLEDGE_TEMPLATES, else\n"
"                        ./templates, else the installed copy)\n"
"  -p, --period=QUARTER  only this quarter (such as 2026-Q3)\n"
"      --help            show this help and exit\n"
"      --version         show the version and exit\n"
"\n"
"One line per quarter goes to standard output; problems to standard error.\n"
"One run at a time: a second run while one is going says so and exits 2.\n"
"\n"
"Exit status: 0 every return accepted (warnings allowed), 1 some return\n"
"was rejected but everything else was produced, 2 something could not be\n"
"done (another run is going, a folder cannot be written, a stage failed).\n",
	       prog, synopsis);
}

struct opts {
	struct cli cli;
	const char *input;
};

static int own_option(int c, void *ctx)
{
	struct opts *o = ctx;
	if (c != 'i')
		return -1;
	o->input = optarg;
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "input", required_argument, NULL, 'i' },
		{ "output", required_argument, NULL, 'o' },
		{ "templates", required_argument, NULL, 't' },
		CLI_PERIOD,
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct opts o = { .cli = CLI_INIT(prog, synopsis, usage),
			  .input = "input" };
	if (cli_parse(&o.cli, argc, argv, longopts, ":i:o:t:p:", own_option,
		      &o) < 0)
		return EXIT_FATAL;
	if (optind < argc) {
		fprintf(stderr, "%s: unexpected argument '%s'\n", prog,
			argv[optind]);
		cli_usage_hint(&o.cli);
		return EXIT_FATAL;
	}
	struct run_opts ro = {
		.input = o.input,
		.output = o.cli.output ? o.cli.output : "output",
		.templates = templates_dir(o.cli.templates),
		.period = o.cli.period,
		.progress = isatty(2),
		.prog = prog,
	};
	int status = run_all(&ro, stdout, stderr);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: cannot write the summary: standard output "
			"failed\n", prog);
		status = EXIT_FATAL;
	}
	cli_free(&o.cli);
	return status;
}
