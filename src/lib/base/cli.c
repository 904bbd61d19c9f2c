#include "cli.h"
#include "xalloc.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#ifndef PLEDGE_VERSION
#define PLEDGE_VERSION "unknown"
#endif
#ifndef PLEDGE_DATADIR
#define PLEDGE_DATADIR "/usr/local/share/pledge"
#endif

void cli_version(const char *prog)
{
	printf("%s (pledge) %s\n", prog, PLEDGE_VERSION);
}

void cli_usage_hint(const char *prog, const char *synopsis)
{
	fprintf(stderr, "Usage: %s %s\n", prog, synopsis);
	fprintf(stderr, "Try '%s --help' for more information.\n", prog);
}

void cli_bad_option(const char *prog, int c, char **argv)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";
	if (c == ':') {
		if (optopt && arg[1] != '-')
			fprintf(stderr, "%s: option '-%c' needs a value\n", prog,
				optopt);
		else
			fprintf(stderr, "%s: option '%s' needs a value\n", prog,
				arg);
	} else if (optopt) {
		fprintf(stderr, "%s: unknown option '-%c'\n", prog, optopt);
	} else {
		fprintf(stderr, "%s: unknown option '%s'\n", prog, arg);
	}
}

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
