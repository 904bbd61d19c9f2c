/* catalogue: the metrics a return may answer (templates/metrics.csv).
 *
 * Columns: metric,area,kind,of,min,max,better,sensitive,label,question.
 * The catalogue drives validation, aggregation and labels, so a metric
 * added to the file needs no change to the code. */
#ifndef PLEDGE_CATALOGUE_H
#define PLEDGE_CATALOGUE_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/diag.h"
#include "../base/strkey.h"

enum kind { KIND_COUNT, KIND_NUMBER, KIND_PERCENT, KIND_MONEY, KIND_YESNO };
enum better { BETTER_NONE, BETTER_HIGHER, BETTER_LOWER };

struct metric {
	char *id;
	char *area;
	enum kind kind;
	int parent;          /* index of the "of" metric, or -1 */
	bool has_min, has_max;
	double min, max;
	enum better better;
	bool sensitive;
	char *label;
	char *question;
	long line;           /* in the catalogue file */
};

struct catalogue {
	struct metric *metrics; /* in file order: "catalogue order" */
	size_t len;
	/* private: metric indexes sorted by id, for catalogue_find */
	struct strkey *by_id;
};

/* Loads and checks path. Returns 0, or -1 when the catalogue cannot be
 * used (errors added: unreadable, missing column, bad kind, unknown or
 * non-count "of", duplicate id, ...). On -1, cat is left empty. */
int catalogue_load(struct catalogue *cat, const char *path, struct diags *d);
void catalogue_free(struct catalogue *cat);

/* The index of metric id (exact match), or -1. */
int catalogue_find(const struct catalogue *cat, const char *id);

/* The same, trying the metric after last first: returns and tidy files
 * mostly list metrics in catalogue order. */
int catalogue_find_after(const struct catalogue *cat, const char *id,
			 int last);

/* The catalogue id closest to a mistyped one, or NULL if none is close. */
const char *catalogue_suggest(const struct catalogue *cat, const char *id);

/* The distinct areas of the catalogue, in the order they first appear;
 * *n is set to how many. The array is the caller's to free (the strings
 * stay the catalogue's); never NULL. */
const char **catalogue_areas(const struct catalogue *cat, size_t *n);

const char *kind_name(enum kind kind);

#endif
