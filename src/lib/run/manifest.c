/* manifest: a quarter's manifest.csv (role,file,sha256). */
#include "run/manifest.h"

#include "base/cli.h"
#include "base/xalloc.h"
#include "run/safedir.h"
#include "run/sha256.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void add_quoted(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			buf_addc(b, '"');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

int manifest_unchanged(const char *old, const char *inputs, char **summary,
		       int *status)
{
	size_t n = strlen(inputs);
	if (strncmp(old, inputs, n))
		return 0;
	const char *rest = old + n;
	if (strncmp(rest, "output,", 7) && strncmp(rest, "summary,", 8))
		return 0;
	const char *s = strstr(rest - 1, "\nsummary,\"");
	const char *t = strstr(rest, "\nstatus,");
	if (!s || !t)
		return 0;
	s += 10;
	struct buf text = BUF_INIT;
	for (; *s && !(s[0] == '"' && s[1] != '"'); s++) {
		buf_addc(&text, *s);
		if (*s == '"')
			s++;
	}
	*summary = buf_detach(&text);
	*status = atoi(t + 8);
	return 1;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **names_of(int fd, size_t *n)
{
	char **names = NULL;
	size_t cap = 0;
	*n = 0;
	int copy = dup(fd);
	DIR *d = copy < 0 ? NULL : fdopendir(copy);
	if (!d) {
		if (copy >= 0)
			close(copy);
		return NULL;
	}
	struct dirent *e;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.') {
			GROW(names, cap, *n + 1);
			names[(*n)++] = xstrdup(e->d_name);
		}
	closedir(d);
	if (*n)
		qsort(names, *n, sizeof *names, by_name);
	return names;
}

static int output_row(int fd, const char *name, const char *path,
		      struct buf *out)
{
	struct stat st;
	if (fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return -1;
	if (S_ISDIR(st.st_mode)) {
		int sub = safedir_open(fd, name);
		int r = sub < 0 ? -1 : manifest_outputs(sub, path, out);
		if (sub >= 0)
			close(sub);
		return r;
	}
	if (!S_ISREG(st.st_mode))
		return 0;
	int f = openat(fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	char hex[SHA256_HEX];
	int r = f < 0 ? -1 : sha256_fd(f, hex);
	if (f >= 0)
		close(f);
	if (r == 0) {
		buf_adds(out, "output,");
		add_quoted(out, path);
		buf_addf(out, ",%s\n", hex);
	}
	return r;
}

int manifest_outputs(int fd, const char *prefix, struct buf *out)
{
	size_t n;
	char **names = names_of(fd, &n);
	int r = 0;
	for (size_t i = 0; i < n; i++) {
		char *path = path_join(prefix, names[i]);
		if (r == 0 && output_row(fd, names[i], path, out) < 0)
			r = -1;
		free(path);
		free(names[i]);
	}
	free(names);
	return r;
}

void manifest_finish(struct buf *out, const char *summary, int status)
{
	buf_adds(out, "summary,");
	add_quoted(out, summary);
	buf_addf(out, ",\nstatus,%d,\n", status);
}
