/* problems: the codes of the issues CSV in plain words, for the data
 * quality section of the sector report (SPEC §8). */
#ifndef PLEDGE_PROBLEMS_H
#define PLEDGE_PROBLEMS_H

#include <stddef.h>

/* What a problem code means, in words a reader without the manual
 * follows: its meaning in the list of codes (base/codes.c); a code not
 * listed there reads as its words ("odd-code" -> "Odd code"). Into
 * out. */
const char *problem_words(const char *code, char *out, size_t size);

/* What a severity meant for the figures: "error" -> "rejected",
 * "warning" -> "queried or noted". */
const char *severity_words(const char *severity);

#endif
