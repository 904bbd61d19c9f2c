#include "templates.h"
#include "../base/paths.h"

#include <stdlib.h>
#include <string.h>

char *templates_path(const struct templates *t, const char *name)
{
	return path_join(t->dir, name);
}

/* Loads one of the files ask may want; 0, or -1 when it cannot be used. */
static int load_one(struct templates *t, unsigned what,
		    const struct templates_ask *ask, struct diags *d)
{
	char *path = NULL;
	int ret;
	switch (what) {
	case TEMPLATES_CATALOGUE:
		path = templates_path(t, "metrics.csv");
		ret = catalogue_load(&t->cat, path, d);
		break;
	case TEMPLATES_SETTINGS:
		path = templates_path(t, "settings.csv");
		ret = settings_load(&t->set, path, d);
		break;
	case TEMPLATES_WORDING:
		path = templates_path(t, "report.csv");
		ret = wording_load(&t->words, path, ask->required_words, d);
		break;
	default:
		ret = roster_load(&t->roster, ask->roster, d);
		break;
	}
	free(path);
	return ret;
}

int templates_load(struct templates *t, const struct templates_ask *ask,
		   struct diags *d)
{
	memset(t, 0, sizeof(*t));
	settings_default(&t->set);
	t->dir = templates_dir(ask->dir);
	static const unsigned order[] = { TEMPLATES_CATALOGUE,
		TEMPLATES_SETTINGS, TEMPLATES_WORDING, TEMPLATES_ROSTER };
	int ok = 1;
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		if (!(ask->want & order[i]) ||
		    (!ok && (ask->want & TEMPLATES_STOP)))
			continue;
		ok &= load_one(t, order[i], ask, d) == 0;
	}
	return ok ? 0 : -1;
}

int templates_load_levels(struct templates *t, struct diags *d)
{
	char *path = templates_path(t, "levels.csv");
	int ret = levels_load(&t->levels, path, &t->cat, d);
	free(path);
	return ret;
}

void templates_free(struct templates *t)
{
	catalogue_free(&t->cat);
	settings_free(&t->set);
	wording_free(&t->words);
	roster_free(&t->roster);
	levels_free(&t->levels);
}

int templates_load_cli(struct templates *t, const struct cli *c,
		       unsigned want, struct diags *d)
{
	struct templates_ask ask = {
		.want = want,
		.dir = c->templates,
		.roster = c->roster,
	};
	return templates_load(t, &ask, d);
}
