/* chartbench: times the commitments chart, drawn N times as PNG and as
 * SVG, from an aggregates file; prints milliseconds per chart.
 * usage: chartbench TEMPLATES AGGREGATES OUTDIR N */
#include "base/cli.h"
#include "chart/charts.h"
#include "chart/draw_cairo.h"
#include "chart/draw_svg.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fputs("usage: chartbench TEMPLATES AGGREGATES OUTDIR N\n", stderr);
		return 2;
	}
	struct diags d;
	diags_init(&d);
	d.echo = stderr;
	struct catalogue cat;
	struct settings set;
	struct aggin agg;
	settings_default(&set);
	char *metrics = path_join(argv[1], "metrics.csv");
	char *settings = path_join(argv[1], "settings.csv");
	char why[300];
	if (catalogue_load(&cat, metrics, &d) < 0 ||
	    settings_load(&set, settings, &d) < 0 ||
	    aggin_read(&agg, argv[2], &cat, &d) < 0)
		return 2;
	struct fonts *fonts = fonts_load(set.font_regular, set.font_bold, why,
					 sizeof(why));
	if (!fonts)
		return 2;
	struct chart_input in = { .cat = &cat, .settings = &set,
				  .fonts = fonts, .agg = &agg,
				  .period = agg.last };
	int n = atoi(argv[4]);
	double spent[2] = { 0, 0 };
	for (int i = 0; i < n; i++) {
		for (int k = 0; k < 2; k++) {
			struct scene s;
			scene_init(&s, CHART_WIDTH, CHART_HEIGHT, fonts);
			char path[4096];
			snprintf(path, sizeof(path), "%s/bench-%d.%s", argv[3],
				 i, k ? "svg" : "png");
			double t0 = now();
			int bad = chart_commitments(&s, &in) < 0 ||
				  (k ? scene_write_svg(&s, path, why,
						       sizeof(why))
				     : scene_write_png(&s, path, 2, why,
						       sizeof(why))) < 0;
			spent[k] += now() - t0;
			scene_free(&s);
			if (bad) {
				fprintf(stderr, "chartbench: %s\n", why);
				return 1;
			}
		}
	}
	printf("%.3f %.3f\n", spent[0] * 1000 / n, spent[1] * 1000 / n);
	fonts_free(fonts);
	aggin_free(&agg);
	catalogue_free(&cat);
	settings_free(&set);
	diags_free(&d);
	return 0;
}
