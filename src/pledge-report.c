/* pledge-report: the sector report and a report card per signatory. */
#include "base/buf.h"
#include "base/cli.h"
#include "base/jobs.h"
#include "base/xalloc.h"
#include "base/period.h"
#include "model/templates.h"
#include "out/atomic.h"
#include "stats/tidyin.h"
#include "report/doc.h"
#include "report/card.h"
#include "report/cardcsv.h"
#include "report/position.h"
#include "report/revised.h"
#include "report/sector.h"
#include "report/queries.h"
#include "report/subset.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *prog = "pledge-report";
static const char *synopsis = "sector|orgs --out=PATH [OPTION]... [AGGREGATES]";

static void usage(void)
{
	printf("Usage: %s sector --out=FILE [OPTION]... [AGGREGATES]\n"
"   or: %s orgs --out=DIR --returns=FILE... [OPTION]... [AGGREGATES]\n"
"Write PDF reports from aggregates (pledge-aggregate's output; standard\n"
"input when none is named) for the latest quarter in them.\n"
"\n"
"sector: the sector report: a cover, the figures at a glance, a section\n"
"for each pledge area with a table of every metric and its charts, data\n"
"quality and method (publishable, mode 0644).\n"
"orgs: a report card for every signatory with an accepted return, as\n"
"DIR/ORG_ID.pdf: its own figures beside the sector's and its peer\n"
"group's median association's, where it stands (top quarter to bottom\n"
"quarter, top being best), its trend and the commitments it meets, and\n"
"the same figures as DIR/ORG_ID.csv (confidential, mode 0600).\n"
"Wording and branding come from report.csv in the templates folder.\n"
"\n"
"  -O, --out=PATH        the report file (sector) or folder (orgs); a\n"
"                        file is replaced only when complete; - writes\n"
"                        the sector report to standard output\n"
"  -p, --period=QUARTER  report QUARTER instead of the latest\n"
"  -R, --returns=FILE    tidy returns (pledge-ingest's output) of the\n"
"                        quarters shown, for changes that compare like\n"
"                        with like; give it once for each file\n"
"  -i, --issues=FILE     pledge-ingest's issues CSV, for data quality\n"
"      --revisions=FILE  figures revised since first published\n"
"                        (pledge-run's revisions.csv), marked [r]\n"
"      --html=FILE       sector: also write the report as one accessible\n"
"                        HTML page (publishable, mode 0644)\n"
"  -r, --roster=FILE     the signatories (default " ROSTER_DEFAULT ")\n"
"  -t, --templates=DIR   where metrics.csv, settings.csv and report.csv are\n"
"                        (and levels.csv: with --returns, the commitment\n"
"                        levels in the sector report and on the cards)\n"
"      --help            show this help and exit\n"
"      --version         show the version and exit\n"
"\n"
"The date printed is $SOURCE_DATE_EPOCH when it is set, else today, so a\n"
"report can be made again with the same bytes.\n"
"\n"
"Exit status: 0 written, 1 written but some input row was skipped,\n"
"2 the report could not be written.\n", prog, prog);
}

struct opts {
	struct cli cli;
	const char *mode, *out, *issues;
	const char *revisions;
	const char *html;
};

static int own_option(int c, void *ctx)
{
	struct opts *o = ctx;
	switch (c) {
	case 'O': o->out = optarg; return 0;
	case 'i': o->issues = optarg; return 0;
	case 'E': o->revisions = optarg; return 0;
	case 'H': o->html = optarg; return 0;
	default: return -1;
	}
}

static int parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		CLI_LONGOPTS,
		CLI_PERIOD,
		{ "out", required_argument, NULL, 'O' },
		CLI_RETURNS,
		{ "issues", required_argument, NULL, 'i' },
		{ "revisions", required_argument, NULL, 'E' },
		{ "html", required_argument, NULL, 'H' },
		{ NULL, 0, NULL, 0 },
	};
	if (cli_parse(&o->cli, argc, argv, longopts, CLI_SHORTOPTS "p:O:R:i:",
		      own_option, o) < 0)
		return -1;
	o->mode = optind < argc ? argv[optind++] : NULL;
	int orgs = o->mode && !strcmp(o->mode, "orgs");
	const char *why = !o->mode ? "say what to write: sector or orgs"
			  : strcmp(o->mode, "sector") && !orgs
				  ? "the reports are 'sector' and 'orgs'"
			  : !o->out ? "--out is needed"
			  : orgs && !strcmp(o->out, "-")
				  ? "report cards go into a folder, not to -"
			  : orgs && !o->cli.nreturns
				  ? "report cards need --returns"
			  : orgs && o->html
				  ? "--html is for the sector report"
			  : argc - optind > 1 ? "only one aggregates file is read"
					      : NULL;
	if (why) {
		fprintf(stderr, "%s: %s\n", prog, why);
		cli_usage_hint(&o->cli);
		return -1;
	}
	return 0;
}

/* The date to print: $SOURCE_DATE_EPOCH, else now. */
static int report_date(time_t *t)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	if (!s || !*s) {
		*t = time(NULL);
		return 0;
	}
	char *end;
	long long v = strtoll(s, &end, 10);
	if (*end || v < 0 || v > 253402300799LL) {
		fprintf(stderr, "%s: SOURCE_DATE_EPOCH '%s' is not a number "
			"of seconds since 1970\n", prog, s);
		return -1;
	}
	*t = (time_t)v;
	return 0;
}

struct world {
	char *logo;                /* a readable PNG, or NULL */
	struct templates t;        /* catalogue, settings, wording, roster,
				      levels */
	struct aggin agg;
	struct aggregate ret;
	struct revised *revised;
	struct fonts *fonts;
	int has_ret;
};

static const char *const required_words[] = { "federation", "report_title",
	"report_subject", "introduction", "withheld_note", "change_note",
	NULL };

/* The logo named in report.csv (from the templates folder), when it is
 * a PNG that can be read; else the reports go without, with a warning. */
static void find_logo(struct world *w)
{
	const char *name = wording_get(&w->t.words, "logo");
	if (!name[0])
		return;
	char *path = name[0] == '/' ? xstrdup(name)
				    : templates_path(&w->t, name);
	unsigned char sig[8] = { 0 };
	FILE *fp = fopen(path, "rb");
	int ok = fp && fread(sig, 1, 8, fp) == 8 &&
		 !memcmp(sig, "\x89PNG\r\n\x1a\n", 8);
	if (fp)
		fclose(fp);
	if (ok) {
		w->logo = path;
		return;
	}
	fprintf(stderr, "%s: warning: the logo %s is not a PNG image that can "
		"be read; the reports are written without it\n", prog, path);
	free(path);
}

static int load(const struct opts *o, struct world *w, struct diags *d,
		const char *aggregates)
{
	struct templates_ask ask = {
		.want = TEMPLATES_CATALOGUE | TEMPLATES_SETTINGS |
			TEMPLATES_WORDING | TEMPLATES_ROSTER | TEMPLATES_STOP,
		.dir = o->cli.templates,
		.roster = o->cli.roster,
		.required_words = required_words,
	};
	int ok = templates_load(&w->t, &ask, d) == 0;
	ok = ok && aggin_read(&w->agg, aggregates, &w->t.cat, d) == 0;
	ok = ok && (!o->revisions ||
		    (w->revised = revised_load(o->revisions, d)) != NULL);
	if (!ok)
		return -1;
	aggregate_init(&w->ret, &w->t.cat, &w->t.roster);
	w->has_ret = 1;
	for (size_t i = 0; i < o->cli.nreturns; i++)
		if (tidyin_read(&w->ret, o->cli.returns[i], d) < 0)
			return -1;
	find_logo(w);
	templates_load_levels(&w->t, d); /* bad: none, exit 1 */
	char why[300];
	w->fonts = fonts_load(w->t.set.font_regular, w->t.set.font_bold, why,
			      sizeof(why));
	if (!w->fonts) {
		fprintf(stderr, "%s: %s\n", prog, why);
		return -1;
	}
	return 0;
}

static void unload(struct world *w)
{
	free(w->logo);
	revised_free(w->revised);
	fonts_free(w->fonts);
	if (w->has_ret)
		aggregate_free(&w->ret);
	aggin_free(&w->agg);
	templates_free(&w->t);
}

/* One card per signatory with an accepted return, into dir; a progress
 * line on a terminal. Returns the exit status. */
/* The fonts the cards embed. */
struct card_fonts {
	struct report_input small;  /* with fonts cut down, if subset */
	int subset;
	char dir[32];
	char *regular, *bold;
};

/* Cards embed fonts cut down to the characters they set (a few KB, not
 * ~120 KB each), when fonttools is there to cut them. */
static void card_fonts_make(struct card_fonts *f, const struct report_input *in)
{
	char why[400];
	memset(f, 0, sizeof(*f));
	f->small = *in;
	snprintf(f->dir, sizeof(f->dir), "/tmp/pledge-fonts-XXXXXX");
	if (!mkdtemp(f->dir)) {
		f->dir[0] = '\0';
		return;
	}
	f->regular = xasprintf("%s/regular.ttf", f->dir);
	f->bold = xasprintf("%s/bold.ttf", f->dir);
	f->subset = subset_font(in->pdf_regular, f->regular, why,
				sizeof(why)) == 0 &&
		    subset_font(in->pdf_bold, f->bold, why, sizeof(why)) == 0;
	f->small.pdf_regular = f->regular;
	f->small.pdf_bold = f->bold;
}

static void card_fonts_free(struct card_fonts *f)
{
	if (f->regular)
		unlink(f->regular);
	if (f->bold)
		unlink(f->bold);
	if (f->dir[0])
		rmdir(f->dir);
	free(f->regular);
	free(f->bold);
}

/* Writes the due cards whose place in the roster is part modulo parts;
 * shows progress on a terminal when show. Returns the exit status. */
static int write_share(const struct report_input *in,
		       const struct card_fonts *f, const struct world *w,
		       const char *dir, int part, int parts, int show,
		       size_t due)
{
	int status = EXIT_OK;
	size_t done = 0;
	char why[400];
	for (size_t i = 0; i < w->t.roster.len; i++) {
		if ((int)(i % (size_t)parts) != part || !card_due(in, (int)i))
			continue;
		char *path = xasprintf("%s/%s.pdf", dir, w->t.roster.orgs[i].id);
		const struct report_input *use =
			f->subset && subset_covers(w->t.roster.orgs[i].name)
				? &f->small : in;
		if (card_write(use, (int)i, path, why, sizeof(why)) < 0) {
			fprintf(stderr, "%s%s: report card for %s: %s\n",
				show ? "\r\033[K" : "", prog,
				w->t.roster.orgs[i].id, why);
			status = errno == ENOSPC || errno == EFBIG ? EXIT_FATAL
								   : EXIT_REJECTED;
		}
		free(path);
		path = xasprintf("%s/%s.csv", dir, w->t.roster.orgs[i].id);
		if (status == EXIT_OK && cardcsv_write(in, in->positions,
				(int)i, path, why, sizeof(why)) < 0) {
			fprintf(stderr, "%s%s: figures for %s: %s\n",
				show ? "\r\033[K" : "", prog,
				w->t.roster.orgs[i].id, why);
			status = EXIT_FATAL;
		}
		free(path);
		if (status == EXIT_FATAL)
			break;
		done++;
		if (show)
			fprintf(stderr, "\r%s: report cards: about %zu of %zu"
				"\033[K", prog, done * (size_t)parts < due
				? done * (size_t)parts : due, due);
	}
	if (show)
		fputs("\r\033[K", stderr);
	return status;
}

/* One card per signatory with an accepted return, into dir, shared
 * between two processes (the cards are independent, and a machine has
 * more than one core), or made here alone with PLEDGE_JOBS=1. Returns
 * the exit status. */
static int write_cards(const struct report_input *given,
		       const struct world *w, const char *dir)
{
	struct report_input with = *given, *in = &with;
	struct positions *pos = positions_make(&given->chart);
	with.positions = pos;
	if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		fprintf(stderr, "%s: cannot make %s: %s\n", prog, dir,
			strerror(errno));
		return EXIT_FATAL;
	}
	size_t due = 0;
	for (size_t i = 0; i < w->t.roster.len; i++)
		due += card_due(in, (int)i);
	struct card_fonts f;
	card_fonts_make(&f, in);
	int show = isatty(STDERR_FILENO);
	fflush(stdout);
	fflush(stderr);
	pid_t child = due > 1 && jobs_count() > 1 ? fork() : -1;
	if (child == 0)
		_exit(write_share(in, &f, w, dir, 1, 2, 0, due));
	int parts = child > 0 ? 2 : 1;
	int status = write_share(in, &f, w, dir, 0, parts, show, due);
	if (child > 0) {
		int st;
		if (waitpid(child, &st, 0) < 0 || !WIFEXITED(st))
			st = EXIT_FATAL;
		else
			st = WEXITSTATUS(st);
		if (st > status)
			status = st;
	}
	card_fonts_free(&f);
	positions_free(pos);
	return status;
}

/* Copies the file at path to standard output and checks it arrived. */
static int copy_out(const char *path, char *why, size_t size)
{
	FILE *fp = fopen(path, "rb");
	char chunk[65536];
	size_t n;
	int r = fp ? 0 : -1;
	while (fp && (n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		if (fwrite(chunk, 1, n, stdout) != n)
			r = -1;
	if (fp && ferror(fp))
		r = -1;
	if (fp)
		fclose(fp);
	if (close_stdout() < 0)
		r = -1;
	if (r < 0)
		snprintf(why, size, "cannot write the report to standard "
			 "output: %s", strerror(errno));
	return r;
}

/* The sector report to out, or for "-" to standard output: libharu
 * saves to a file, so through a private temporary folder. */
static int sector_to(const struct report_input *in, const char *issues,
		     const char *out, char *why, size_t size)
{
	if (strcmp(out, "-"))
		return sector_write(in, issues, out, why, size);
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/pledge-report.XXXXXX",
			      tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		snprintf(why, size, "cannot make a temporary folder in %s: %s",
			 tmp && *tmp ? tmp : "/tmp", strerror(errno));
		free(dir);
		return -1;
	}
	char *path = path_join(dir, "sector-report.pdf");
	int r = sector_write(in, issues, path, why, size);
	if (r == 0)
		r = copy_out(path, why, size);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
	return r;
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
	struct world w;
	memset(&w, 0, sizeof(w));
	int status = EXIT_FATAL;
	time_t date;
	const char *aggregates = optind < argc ? argv[optind] : "-";
	struct report_queries queries;
	report_queries_load(&queries, o.issues);
	if (report_date(&date) == 0 && load(&o, &w, &d, aggregates) == 0) {
		struct report_input in = {
			.chart = { .cat = &w.t.cat, .roster = &w.t.roster,
				   .settings = &w.t.set, .fonts = w.fonts,
				   .agg = &w.agg,
				   .returns = o.cli.nreturns ? &w.ret : NULL,
				   .period = o.cli.period != PERIOD_NONE
						     ? o.cli.period : w.agg.last },
			.words = &w.t.words,
			.pdf_regular = w.t.set.font_regular,
			.pdf_bold = w.t.set.font_bold,
			.date = date,
			.accent = colour_from_hex(
				wording_get(&w.t.words, "accent_colour")),
			.logo = w.logo,
			.revised = w.revised,
			.levels = &w.t.levels,
			.html = o.html,
			.queries = &queries,
		};
		char why[400];
		if (in.chart.period == PERIOD_NONE)
			fprintf(stderr, "%s: %s has no figures to report\n",
				prog, aggregates);
		else if (!strcmp(o.mode, "orgs"))
			status = write_cards(&in, &w, o.out);
		else if (sector_to(&in, o.issues, o.out, why, sizeof(why)) < 0)
			fprintf(stderr, "%s: %s\n", prog, why);
		else
			status = d.errors ? EXIT_REJECTED : EXIT_OK;
		if (status == EXIT_OK && d.errors)
			status = EXIT_REJECTED;
	}
	pdf_release();
	report_queries_free(&queries);
	unload(&w);
	diags_free(&d);
	cli_free(&o.cli);
	return status;
}
