/* templates: the catalogue, settings, roster and wording a program reads
 * from the templates folder.
 *
 * A program says which files it needs; they are found in one folder
 * (base/paths: --templates, else $PLEDGE_TEMPLATES, else ./templates,
 * else the installed copy) and always loaded in the same order:
 * metrics.csv, settings.csv, report.csv, then the roster (which lives
 * beside the returns, not in the folder, but is read with them).
 * levels.csv, which needs the catalogue, is loaded on its own when the
 * program is ready for it. Problems are added to the diagnostics; the
 * program decides what to print and how to exit. */
#ifndef PLEDGE_TEMPLATES_H
#define PLEDGE_TEMPLATES_H

#include "../base/cli.h"
#include "../base/diag.h"
#include "catalogue.h"
#include "levels.h"
#include "roster.h"
#include "settings.h"
#include "wording.h"

/* What to load, as bits of templates_ask.want. */
enum {
	TEMPLATES_CATALOGUE = 1 << 0, /* metrics.csv */
	TEMPLATES_SETTINGS = 1 << 1,  /* settings.csv */
	TEMPLATES_WORDING = 1 << 2,   /* report.csv */
	TEMPLATES_ROSTER = 1 << 3,    /* the roster at templates_ask.roster */
	/* Stop at the first file that cannot be used, leaving the later
	 * ones unread. Without it every file asked for is read, so all
	 * their problems are reported in one go. */
	TEMPLATES_STOP = 1 << 4,
};

struct templates_ask {
	unsigned want;                 /* TEMPLATES_* bits */
	const char *dir;               /* --templates, or NULL */
	const char *roster;            /* the roster's path */
	const char *const *required_words; /* keys report.csv must have
					      (NULL-terminated), or NULL */
};

struct templates {
	const char *dir;         /* the folder used (from the arguments or
				    the environment; not owned) */
	struct catalogue cat;    /* each is empty when not asked for ... */
	struct settings set;     /* ... and these are the defaults */
	struct wording words;
	struct roster roster;
	struct levels levels;    /* empty until templates_load_levels */
};

/* Fills t with what ask wants, in the order above. Returns 0, or -1 when
 * a file asked for cannot be used (the reasons added to d). Whatever it
 * returns, t is to be freed with templates_free. */
int templates_load(struct templates *t, const struct templates_ask *ask,
		   struct diags *d);

/* templates_load of the files in want, from the folder and roster given
 * on the command line (--templates, --roster). */
int templates_load_cli(struct templates *t, const struct cli *c,
		       unsigned want, struct diags *d);

/* Loads levels.csv of t's folder against t's catalogue (levels.h: a
 * missing file means no levels). Returns 0, or -1 with the problems
 * added and t->levels empty. */
int templates_load_levels(struct templates *t, struct diags *d);

/* name in t's folder, in new memory. */
char *templates_path(const struct templates *t, const char *name);

void templates_free(struct templates *t);

#endif
