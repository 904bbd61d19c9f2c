#include "settings.h"
#include "value.h"
#include "../base/cli.h"
#include "../base/xalloc.h"
#include "../read/table.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const columns[] = { "setting", "value", NULL };

#define FONTS "/usr/share/fonts/truetype/dejavu/"

void settings_default(struct settings *s)
{
	s->min_orgs = 3;
	s->quartiles_min_orgs = 5;
	s->small_below = 5;
	s->font_regular = xstrdup(FONTS "DejaVuSans.ttf");
	s->font_bold = xstrdup(FONTS "DejaVuSans-Bold.ttf");
	s->query_change_percent = 50;
	s->query_change_min = 10;
	s->query_change_points = 20;
	s->query_implausible_factor = 5;
	s->query_implausible_min_orgs = 5;
}

void settings_free(struct settings *s)
{
	free(s->font_regular);
	free(s->font_bold);
	s->font_regular = s->font_bold = NULL;
}

/* The folder holding path ("." when it names none). */
static char *path_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
}

/* A font path: absolute as it is, relative from the templates folder. */
static void set_path(char **field, const char *dir, const char *value)
{
	free(*field);
	*field = value[0] == '/' ? xstrdup(value) : path_join(dir, value);
}

static int whole(const char *text, long *out)
{
	char canon[VALUE_TEXT];
	if (decimal_canon(text, canon) < 0 || strchr(canon, '.') ||
	    canon[0] == '-' || strlen(canon) > 9)
		return -1;
	*out = strtol(canon, NULL, 10);
	return 0;
}

static int number(const char *text, double *out)
{
	char canon[VALUE_TEXT];
	if (decimal_canon(text, canon) < 0 || canon[0] == '-')
		return -1;
	*out = strtod(canon, NULL);
	return 0;
}

static int apply(struct settings *s, const char *name, const char *value,
		 const char *file, long line, struct diags *d)
{
	int bad = 0;
	char *dir = path_dir(file);
	if (!strcmp(name, "font_regular") && value[0])
		set_path(&s->font_regular, dir, value);
	else if (!strcmp(name, "font_bold") && value[0])
		set_path(&s->font_bold, dir, value);
	else if (!strcmp(name, "suppress_min_orgs"))
		bad = whole(value, &s->min_orgs) < 0;
	else if (!strcmp(name, "quartiles_min_orgs"))
		bad = whole(value, &s->quartiles_min_orgs) < 0;
	else if (!strcmp(name, "suppress_below"))
		bad = number(value, &s->small_below) < 0;
	else if (!strcmp(name, "query_change_percent"))
		bad = number(value, &s->query_change_percent) < 0;
	else if (!strcmp(name, "query_change_min"))
		bad = number(value, &s->query_change_min) < 0;
	else if (!strcmp(name, "query_change_points"))
		bad = number(value, &s->query_change_points) < 0;
	else if (!strcmp(name, "query_implausible_factor"))
		bad = number(value, &s->query_implausible_factor) < 0;
	else if (!strcmp(name, "query_implausible_min_orgs"))
		bad = whole(value, &s->query_implausible_min_orgs) < 0;
	else
		diag_add(d, SEV_WARNING, file, line, NULL, NULL,
			 "unknown-setting", "'%s' is not a setting; ignored",
			 name);
	free(dir);
	if (bad)
		diag_add(d, SEV_ERROR, file, line, NULL, NULL, "bad-setting",
			 "%s must be a number of 0 or more, not '%s'", name,
			 value);
	return bad ? -1 : 0;
}

int settings_load(struct settings *s, const char *path, struct diags *d)
{
	if (access(path, F_OK) < 0 && errno == ENOENT)
		return 0;
	int col[2], ret = 0;
	struct table *t = table_open_columns(path, columns, col,
					     "setting and value", d);
	if (!t)
		return -1;
	struct table_row row;
	enum table_status st;
	while ((st = table_next(t, &row)) == TABLE_ROW)
		if (apply(s, row.f[col[0]], row.f[col[1]], t->name, row.line,
			  d) < 0)
			ret = -1;
	table_close(t);
	return st == TABLE_FAIL ? -1 : ret;
}
