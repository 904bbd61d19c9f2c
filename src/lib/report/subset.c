#include "subset.h"
#include "../base/text.h"
#include "../base/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* The characters kept, as ranges of code points. */
static const unsigned long kept[][2] = {
	{ 0x20, 0x7E }, { 0xA0, 0x17F }, { 0x2010, 0x2027 }, { 0x2030, 0x2030 },
	{ 0x2039, 0x203A }, { 0x20AC, 0x20AC }, { 0x2122, 0x2122 },
	{ 0x2190, 0x2193 }, { 0x2212, 0x2212 }, { 0x2264, 0x2265 },
	{ 0x25B2, 0x25B2 }, { 0x25BC, 0x25BC }, { 0xFFFD, 0xFFFD },
};

#define NKEPT (sizeof(kept) / sizeof(kept[0]))

int subset_covers(const char *text)
{
	const char *s = text;
	while (*s) {
		unsigned long c = utf8_next(&s);
		size_t k = 0;
		while (k < NKEPT && (c < kept[k][0] || c > kept[k][1]))
			k++;
		if (k == NKEPT && c != '\n' && c != '\t')
			return 0;
	}
	return 1;
}

int subset_font(const char *in, const char *out, char *why, size_t size)
{
	char unicodes[512] = "--unicodes=";
	for (size_t k = 0; k < NKEPT; k++) {
		char range[32];
		snprintf(range, sizeof(range), "%sU+%04lX-%04lX", k ? "," : "",
			 kept[k][0], kept[k][1]);
		strncat(unicodes, range, sizeof(unicodes) - strlen(unicodes) - 1);
	}
	char *output = xasprintf("--output-file=%s", out);
	char *const argv[] = { "pyftsubset", (char *)in, unicodes,
		"--layout-features=", "--no-hinting",
		"--name-IDs=0,1,2,3,4,5,6", output, NULL };
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null",
					 O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null",
					 O_WRONLY, 0);
	pid_t pid;
	int err = posix_spawnp(&pid, "pyftsubset", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	free(output);
	if (err) {
		snprintf(why, size, "cannot run pyftsubset (Debian package "
			 "fonttools): %s", strerror(err));
		return -1;
	}
	int status;
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		unlink(out);
		snprintf(why, size, "pyftsubset could not cut down %s", in);
		return -1;
	}
	return 0;
}
