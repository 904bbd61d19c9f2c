/* audit_panel: like-for-like totals beside a quarter's total, the last
 * attack of the disclosure audit (SPEC §6.2, §6.3 rule 5).
 *
 * For each published quarter P, each count metric whose headline is a
 * total, and the quarter before and the year before (Q): the total over
 * the organisations that answered in both Q and P (the panel) is worked
 * out from the returns for both quarters. Where the panel leaves out
 * some of a quarter's respondents and that quarter's total is published,
 * the panel's total printed in a reading or a report text about the
 * metric gives away the left-out organisations' total. */
#ifndef PLEDGE_AUDIT_PANEL_H
#define PLEDGE_AUDIT_PANEL_H

#include "audit_set.h"

/* Reports each panel total found in au's texts (audit_report). */
void audit_panels(struct audit *au, struct diags *d);

#endif
