/* cardcsv: a report card's figures as CSV (SPEC §8), orgs/ORG_ID.csv.
 *
 * metric,label,own,sector,peer,position — one row per catalogue metric,
 * in catalogue order: the figures and positions the card's PDF shows,
 * without thousands separators, "£" or "%" (a rate or percentage is in
 * percent, money in pounds), yes/no answers as "yes" or "no", and the
 * symbols "[c]", "[x]" and "[z]" as the PDF has them. Confidential: it
 * holds the organisation's own figures (mode 0600). */
#ifndef PLEDGE_CARDCSV_H
#define PLEDGE_CARDCSV_H

#include <stddef.h>

#include "doc.h"
#include "position.h"

/* Writes org's (a roster index) figures for in->chart.period to path,
 * from p (positions_make of in->chart). Returns 0, or -1 with why (of
 * size bytes); nothing is left at path then. */
int cardcsv_write(const struct report_input *in, const struct positions *p,
		  int org, const char *path, char *why, size_t size);

#endif
