/* period: quarters ("2026-Q3" = July to September 2026).
 *
 * A period is held as one int, year * 4 + quarter - 1, so periods sort
 * and subtract as numbers. */
#ifndef PLEDGE_PERIOD_H
#define PLEDGE_PERIOD_H

#define PERIOD_NONE (-1)
#define PERIOD_TEXT 8 /* "YYYY-QN" and its NUL */

/* Reads "2026-Q3", "2026Q3", "2026 Q3" or "Q3 2026", in any case, with
 * spaces around ignored. Returns PERIOD_NONE when s is not a quarter. */
int period_parse(const char *s);

/* For text that period_parse refused, words that say how to write it
 * (a financial year's quarter, a two-digit year, months), or "" when
 * there is nothing particular to say. Never guesses the quarter. */
const char *period_hint(const char *text);

/* Writes the canonical "YYYY-QN" form into out. */
char *period_format(int period, char out[PERIOD_TEXT]);

#endif
