/* method_disclosure: the sector report's words on disclosure control.
 *
 * Every rule of SPEC §6.3, in plain words, with the thresholds the run
 * used (templates/settings.csv), for the report's method section. */
#ifndef PLEDGE_METHOD_DISCLOSURE_H
#define PLEDGE_METHOD_DISCLOSURE_H

#include "../base/buf.h"
#include "../model/settings.h"

/* Appends the paragraph to b. */
void method_disclosure(struct buf *b, const struct settings *s);

#endif
