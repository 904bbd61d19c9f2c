/* audit: the disclosure audit run before anything is published
 * (SPEC §6.3).
 *
 * It holds the confidential truth (the tidy returns, as an aggregate)
 * and the publishable set (aggregates.csv, chart readings, the text of
 * the reports), and tries the subtractions an analyst with a
 * spreadsheet would:
 *   - a figure about fewer than suppress_min_orgs organisations;
 *   - a min or max published (one organisation's figure);
 *   - small-group inversion: a row's n, sum, mean, median and quartiles
 *     solved for the values of a group of up to 4 (audit_solve.h);
 *   - a count of people below suppress_below read directly, or as a
 *     rate times its published total;
 *   - the sector against its peer groups: a withheld sum that is the
 *     sector's minus the other groups' (or the sector's as theirs);
 *   - a like-for-like panel total printed beside the quarter's total
 *     (audit_panel.h).
 * Each success is one error diagnostic naming the published cell (the
 * aggregates line, or the text and line it is printed on), with what
 * it gives away. The audit never changes its inputs. */
#ifndef PLEDGE_AUDIT_H
#define PLEDGE_AUDIT_H

#include "audit_set.h"

/* Tries every attack; adds one error per recovery and returns how many
 * (also in au->found). A published row whose n is not the number of
 * answers in the returns is an error too ("not-the-returns", not
 * counted): the audit needs the returns the aggregates were made from. */
size_t audit_run(struct audit *au, struct diags *d);

#endif
