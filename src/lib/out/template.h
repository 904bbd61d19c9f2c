/* template: the blank long-layout return an organisation fills in. */
#ifndef PLEDGE_TEMPLATE_H
#define PLEDGE_TEMPLATE_H

#include <stdio.h>

#include "../model/catalogue.h"
#include "../model/roster.h"

/* The unit shown beside a question of this kind ("whole number", "%"). */
const char *kind_unit(enum kind kind);

/* Writes org's return for period: a header, then one row per catalogue
 * metric with an empty value. Returns 0, or -1 when a write failed. */
int template_write(FILE *fp, const struct catalogue *cat,
		   const struct org *org, int period);

#endif
