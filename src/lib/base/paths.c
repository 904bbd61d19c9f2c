#include "paths.h"
#include "xalloc.h"

#include <stdlib.h>
#include <sys/stat.h>

#ifndef PLEDGE_DATADIR
#define PLEDGE_DATADIR "/usr/local/share/pledge"
#endif

const char *templates_dir(const char *opt)
{
	if (opt && *opt)
		return opt;
	const char *env = getenv("PLEDGE_TEMPLATES");
	if (env && *env)
		return env;
	struct stat st;
	if (stat("templates", &st) == 0 && S_ISDIR(st.st_mode))
		return "templates";
	return PLEDGE_DATADIR;
}

char *path_join(const char *dir, const char *name)
{
	size_t n = 0;
	while (dir[n])
		n++;
	return xasprintf("%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
}
