/* pledge-chart: the sector's charts, as PNG and SVG, from aggregates. */
#include "base/buf.h"
#include "base/cli.h"
#include "base/xalloc.h"
#include "chart/charts.h"
#include "chart/draw_cairo.h"
#include "chart/draw_svg.h"
#include "chart/kinds.h"
#include "base/period.h"
#include "model/templates.h"
#include "out/atomic.h"
#include "out/csvout.h"
#include "stats/tidyin.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *prog = "pledge-chart";
static const char *synopsis = "--out=DIR [OPTION]... [AGGREGATES]";

static void usage(void)
{
	printf("Usage: %s %s\n"
"Draw the sector's charts from aggregates (pledge-aggregate's output), as\n"
"PNG (at twice the size, for screens) and SVG, into DIR.\n"
"\n"
"For the latest quarter in AGGREGATES (or standard input): the returns\n"
"received (response.png), the commitments met (commitments.png) and, for\n"
"each metric, its trend over up to 8 quarters (trend-METRIC.png).\n"
"DIR/readings.csv has each chart's title and a one-line reading of it;\n"
"with --returns, readings of change compare like with like.\n"
"\n"
"  -O, --out=DIR         write the charts into DIR (made if missing)\n"
"  -p, --period=QUARTER  draw QUARTER instead of the latest\n"
"  -R, --returns=FILE    tidy returns (pledge-ingest's output) of the\n"
"                        quarters shown, for distributions and changes;\n"
"                        give it once for each file\n"
"  -D, --distributions   also draw where each association's answer lies\n"
"                        (distribution-METRIC.png; not for counts of\n"
"                        people); needs --returns\n"
"  -g, --org=ID          draw the distributions with this organisation\n"
"                        marked\n"
"  -r, --roster=FILE     the signatories (default " ROSTER_DEFAULT ")\n"
"  -t, --templates=DIR   where metrics.csv and settings.csv are\n"
"      --help            show this help and exit\n"
"      --version         show the version and exit\n"
"\n"
"Exit status: 0 every chart drawn, 1 some could not be drawn (each is\n"
"named) but the others were, 2 nothing usable could be done.\n",
	       prog, synopsis);
}

struct opts {
	struct cli cli;
	const char *out, *org;
	int distributions;
};

static int own_option(int c, void *ctx)
{
	struct opts *o = ctx;
	switch (c) {
	case 'O': o->out = optarg; return 0;
	case 'g': o->org = optarg; return 0;
	case 'D': o->distributions = 1; return 0;
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
		{ "org", required_argument, NULL, 'g' },
		{ "distributions", no_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 },
	};
	if (cli_parse(&o->cli, argc, argv, longopts, CLI_SHORTOPTS "p:O:R:g:D",
		      own_option, o) < 0)
		return -1;
	const char *why = !o->out ? "--out is needed"
			  : argc - optind > 1 ? "only one aggregates file is read"
			  : (o->distributions || o->org) && !o->cli.nreturns
				  ? "--distributions and --org need --returns"
				  : NULL;
	if (why) {
		fprintf(stderr, "%s: %s\n", prog, why);
		cli_usage_hint(&o->cli);
		return -1;
	}
	return 0;
}

struct run {
	struct opts *o;
	struct chart_input in;
	struct buf readings;
	struct diags *d;
	int org;
	int failed;
};

/* Draws one chart into DIR as NAME.png and NAME.svg; a chart that cannot
 * be drawn is reported by name and the others go on. */
static void draw(struct run *run, const char *name, int ok,
		 struct scene *s)
{
	char why[300] = "";
	if (run->failed == 2) {
		/* Once the disk has refused a file, the rest would fail too. */
		scene_free(s);
		return;
	}
	char *png = xasprintf("%s/%s.png", run->o->out, name);
	char *svg = xasprintf("%s/%s.svg", run->o->out, name);
	scene_set_name(s, name);
	if (ok < 0 || scene_check(s, why, sizeof(why)) < 0) {
		fprintf(stderr, "%s: chart %s cannot be drawn: %s\n", prog,
			name, why[0] ? why : s->why);
		run->failed = 1;
	} else if (scene_write_png(s, png, 2, why, sizeof(why)) < 0 ||
		   scene_write_svg(s, svg, why, sizeof(why)) < 0) {
		fprintf(stderr, "%s: %s\n", prog, why);
		run->failed = 2;
	} else {
		csvout_field(&run->readings, name, 1);
		csvout_text(&run->readings, s->title ? s->title : "", 0);
		csvout_text(&run->readings, s->reading ? s->reading : "", 0);
		buf_addc(&run->readings, '\n');
	}
	free(png);
	free(svg);
	scene_free(s);
}

/* Every chart of every type (chart/kinds.c), in the table's order. */
static void draw_all(struct run *run)
{
	struct scene s;
	const struct catalogue *cat = run->in.cat;
	for (size_t k = 0; k < chart_nkinds; k++) {
		const struct chart_kind *kind = &chart_kinds[k];
		if (kind->optional && !run->o->distributions)
			continue;
		for (size_t m = 0; m < (kind->per_metric ? cat->len : 1); m++) {
			const struct metric *mt =
				kind->per_metric ? &cat->metrics[m] : NULL;
			if (mt && kind->shows && !kind->shows(mt))
				continue;
			char name[128];
			if (mt)
				snprintf(name, sizeof(name), "%s-%s",
					 kind->name, mt->id);
			else
				snprintf(name, sizeof(name), "%s", kind->name);
			scene_init(&s, CHART_WIDTH, CHART_HEIGHT, run->in.fonts);
			int metric = kind->per_metric ? (int)m : -1;
			draw(run, name, kind->build(&s, &run->in, metric,
						    run->org), &s);
		}
	}
}

static int put_readings(FILE *fp, void *ctx)
{
	struct buf *b = ctx;
	static const char *const header[] = { "chart", "title", "reading",
					      NULL };
	struct buf all = BUF_INIT;
	csvout_row(&all, header);
	buf_add(&all, b->s, b->len);
	return csvout_finish(&all, fp, 0);
}

/* Loads everything the charts need; returns 0 or -1 (reported). */
static int load(struct run *run, struct templates *t, struct aggin *agg,
		struct aggregate *ret, const char *aggregates)
{
	struct opts *o = run->o;
	struct diags *d = run->d;
	struct templates_ask ask = {
		.want = TEMPLATES_CATALOGUE | TEMPLATES_SETTINGS |
			TEMPLATES_STOP |
			(o->cli.nreturns || o->org ? TEMPLATES_ROSTER : 0),
		.dir = o->cli.templates,
		.roster = o->cli.roster,
	};
	const struct catalogue *cat = &t->cat;
	const struct roster *roster = &t->roster;
	const struct settings *set = &t->set;
	if (templates_load(t, &ask, d) < 0 ||
	    aggin_read(agg, aggregates, cat, d) < 0)
		return -1;
	run->in.period = o->cli.period != PERIOD_NONE ? o->cli.period
						      : agg->last;
	if (run->in.period == PERIOD_NONE) {
		fprintf(stderr, "%s: %s has no figures to draw\n", prog,
			aggregates);
		return -1;
	}
	run->org = -1;
	if (o->org && (run->org = roster_find(roster, o->org)) < 0) {
		fprintf(stderr, "%s: '%s' is not an org_id in the roster\n",
			prog, o->org);
		return -1;
	}
	if (o->cli.nreturns) {
		aggregate_init(ret, cat, roster);
		run->in.returns = ret;
		for (size_t i = 0; i < o->cli.nreturns; i++)
			if (tidyin_read(ret, o->cli.returns[i], d) < 0)
				return -1;
	}
	char why[300];
	struct fonts *fonts = fonts_load(set->font_regular, set->font_bold, why,
					 sizeof(why));
	if (!fonts) {
		fprintf(stderr, "%s: %s\n", prog, why);
		return -1;
	}
	run->in.fonts = fonts;
	return 0;
}

int main(int argc, char **argv)
{
	struct opts o = { .cli = CLI_INIT(prog, synopsis, usage) };
	if (parse_args(argc, argv, &o) < 0) {
		cli_free(&o.cli);
		return EXIT_FATAL;
	}
	if (o.org)
		o.distributions = 1;
	struct diags d;
	diags_init_echo(&d, prog, stderr);
	struct templates t;
	struct aggin agg = { 0 };
	struct aggregate ret = { 0 };
	struct run run = { .o = &o, .d = &d, .readings = BUF_INIT };
	run.in = (struct chart_input){ .cat = &t.cat, .roster = &t.roster,
				       .settings = &t.set, .agg = &agg };
	int status = EXIT_FATAL;
	const char *aggregates = optind < argc ? argv[optind] : "-";
	if (load(&run, &t, &agg, &ret, aggregates) == 0) {
		if (mkdir(o.out, 0755) < 0 && errno != EEXIST) {
			fprintf(stderr, "%s: cannot make %s: %s\n", prog, o.out,
				strerror(errno));
		} else {
			draw_all(&run);
			char *path = xasprintf("%s/readings.csv", o.out);
			if (run.failed < 2 && write_output(path, 0644,
							   put_readings,
							   &run.readings) < 0) {
				fprintf(stderr, "%s: cannot write %s: %s\n",
					prog, path, strerror(errno));
				run.failed = 2;
			}
			free(path);
			status = run.failed == 2 ? EXIT_FATAL
				 : run.failed || d.errors ? EXIT_REJECTED
							  : EXIT_OK;
		}
	}
	fonts_free((struct fonts *)run.in.fonts);
	if (run.in.returns)
		aggregate_free(&ret);
	buf_free(&run.readings);
	aggin_free(&agg);
	templates_free(&t);
	diags_free(&d);
	cli_free(&o.cli);
	return status;
}
