/* settings: the federation's settings (templates/settings.csv).
 *
 * A CSV of setting,value,meaning rows. Every setting has a default, so a
 * missing file or row leaves it as the SPEC says. */
#ifndef PLEDGE_SETTINGS_H
#define PLEDGE_SETTINGS_H

#include "../base/diag.h"

struct settings {
	/* Disclosure control (SPEC §6.3): below min_orgs answering
	 * organisations only n is published, for any metric; the median
	 * and quartiles only from quartiles_min_orgs; for a metric that
	 * counts people, a count above 0 and below small_below is
	 * withheld. */
	long min_orgs;      /* default 3 */
	long quartiles_min_orgs; /* default 5 */
	double small_below; /* default 5 */
	/* TrueType fonts for charts and reports; a relative path is taken
	 * from the templates folder. */
	char *font_regular; /* default DejaVu Sans */
	char *font_bold;    /* default DejaVu Sans Bold */
	/* Queries on returns (SPEC §5, query.h). */
	double query_change_percent;  /* default 50 */
	double query_change_min;      /* default 10 */
	double query_change_points;   /* default 20 */
	double query_implausible_factor; /* default 5 */
	long query_implausible_min_orgs; /* default 5 */
};

void settings_default(struct settings *s);
void settings_free(struct settings *s);

/* Loads path over s, which settings_default has filled. A missing file is not an error (the
 * defaults stand). An unknown setting is a warning; a bad value an
 * error. Returns 0, or -1 when an error was added. */
int settings_load(struct settings *s, const char *path, struct diags *d);

#endif
