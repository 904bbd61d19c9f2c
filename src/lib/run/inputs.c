/* inputs: what shapes a quarter's outputs, and its SHA-256. */
#include "run/inputs.h"

#include "base/cli.h"
#include "base/xalloc.h"
#include "base/period.h"
#include "run/safedir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EARLIER 7

static void add_row(struct buf *b, const char *role, const char *file,
		    const char *sha)
{
	buf_addf(b, "%s,\"", role);
	for (const char *s = file; *s; s++) {
		if (*s == '"')
			buf_addc(b, '"');
		buf_addc(b, *s);
	}
	buf_addf(b, "\",%s\n", sha);
}

/* A folder: its path as given, its descriptor, its absolute path (the
 * key of its files in the hash record). */
struct folder {
	const char *path;
	int fd;
	char *abs;
};

static int folder_open(struct folder *f, const char *path)
{
	f->path = path;
	f->fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	f->abs = f->fd < 0 ? NULL : realpath(path, NULL);
	return f->fd < 0 || !f->abs ? -1 : 0;
}

static void folder_close(struct folder *f)
{
	if (f->fd >= 0)
		close(f->fd);
	free(f->abs);
}

/* Hashes the file name of folder f into a row with role. Returns 0; 1
 * when it is not a regular file (*what set when what is given, else a
 * message); 2 when it is missing and optional; -1 after a message.
 * A symbolic link is followed only when follow is set: for
 * configuration (roster, templates, fonts, logo), never for returns or
 * what lies in the output tree. */
static int hash_row(struct inputs *in, struct run *r, const struct folder *f,
		    const char *name, const char *role, int optional,
		    const char **what, int follow)
{
	char *path = path_join(f->path, name);
	char *key = path_join(f->abs, name);
	char hex[SHA256_HEX];
	const char *kind = NULL;
	int st = hashcache_file(r->hashes, f->fd, name, key, follow, hex,
				&kind);
	if (st == 0) {
		add_row(&in->text, role, path, hex);
	} else if (st == 1 && what) {
		*what = kind;
	} else if (st < 0 && optional && errno == ENOENT) {
		st = 2;
	} else {
		fprintf(r->err, "%s: %s: error: cannot read the %s: %s\n",
			r->o->prog, path, role, st == 1 ? kind : strerror(errno));
		st = -1;
	}
	free(key);
	free(path);
	return st;
}

/* A file named by a path (a font, the logo). */
static int hash_path(struct inputs *in, struct run *r, const char *path,
		     const char *role)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	const char *name = slash ? slash + 1 : path;
	if (slash)
		*slash = '\0';
	struct folder f;
	int st = folder_open(&f, slash ? (slash == dir ? "/" : dir) : ".");
	if (st == 0)
		st = hash_row(in, r, &f, name, role, 0, NULL, 1);
	else
		fprintf(r->err, "%s: %s: error: cannot read the %s: %s\n",
			r->o->prog, path, role, strerror(errno));
	folder_close(&f);
	free(dir);
	return st < 0 ? -1 : 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in folder f ending with suffix (all when NULL), sorted. */
static char **list(const struct folder *f, const char *suffix, size_t *n)
{
	char **names = NULL;
	size_t cap = 0;
	*n = 0;
	int copy = dup(f->fd);
	DIR *d = copy < 0 ? NULL : fdopendir(copy);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		size_t len = strlen(e->d_name), sl = suffix ? strlen(suffix) : 0;
		if (e->d_name[0] == '.' || len <= sl ||
		    (suffix && strcmp(e->d_name + len - sl, suffix)))
			continue;
		GROW(names, cap, *n + 1);
		names[(*n)++] = xstrdup(e->d_name);
	}
	if (d)
		closedir(d);
	else if (copy >= 0)
		close(copy);
	if (*n)
		qsort(names, *n, sizeof *names, by_name);
	return names;
}

static void free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* Every regular file of the templates folder, and the fonts and logo. */
static int templates_rows(struct inputs *in, struct run *r)
{
	struct folder f;
	if (folder_open(&f, r->o->templates) < 0) {
		fprintf(r->err, "%s: %s/: error: cannot read the templates: %s\n",
			r->o->prog, r->o->templates, strerror(errno));
		folder_close(&f);
		return -1;
	}
	size_t n;
	char **names = list(&f, NULL, &n);
	int st = 0;
	for (size_t i = 0; i < n && st >= 0; i++) {
		const char *what;
		if (hash_row(in, r, &f, names[i], "template", 0, &what, 1) < 0)
			st = -1;
	}
	free_names(names, n);
	folder_close(&f);
	for (int k = 0; k < 2 && st == 0; k++)
		st = hash_path(in, r, r->fonts[k], "font");
	if (st == 0 && r->logo)
		st = hash_path(in, r, r->logo, "logo");
	return st;
}

/* The returns of the quarter folder: each regular one hashed, the
 * others refused (with a row saying what they are). */
static int returns_rows(struct inputs *in, struct run *r, const char *qdir)
{
	struct folder f;
	if (folder_open(&f, qdir) < 0) {
		fprintf(r->err, "%s: %s/: error: cannot read the returns: %s\n",
			r->o->prog, qdir, strerror(errno));
		folder_close(&f);
		return -1;
	}
	size_t n;
	char **names = list(&f, ".csv", &n);
	int st = 0;
	for (size_t i = 0; i < n && st >= 0; i++) {
		const char *what = NULL;
		int h = hash_row(in, r, &f, names[i], "return", 0, &what, 0);
		char *path = path_join(qdir, names[i]);
		if (h == 0) {
			GROW(in->returns, in->nreturns_cap, in->nreturns + 1);
			in->returns[in->nreturns++] = path;
		} else if (h == 1) {
			add_row(&in->text, "refused return", path, "");
			GROW(in->refused, in->nrefused_cap, in->nrefused + 1);
			in->refused[in->nrefused++] = (struct refused){ path, what };
		} else {
			free(path);
			st = -1;
		}
	}
	free_names(names, n);
	folder_close(&f);
	return st;
}

/* The tidy returns of up to EARLIER quarters before period that the
 * output folder holds (as folders, not links), oldest first. */
static int earlier_rows(struct inputs *in, struct run *r, int period)
{
	for (int p = period - EARLIER; p < period; p++) {
		char text[PERIOD_TEXT];
		period_format(p, text);
		int fd = safedir_open(r->outfd, text);
		if (fd < 0)
			continue;
		char *dir = path_join(r->o->output, text);
		struct folder f = { dir, fd, NULL };
		char *abs = realpath(r->o->output, NULL);
		f.abs = abs ? path_join(abs, text) : xstrdup(dir);
		free(abs);
		int h = hash_row(in, r, &f, "returns.csv", "earlier quarter", 1,
				 NULL, 0);
		if (h == 0) {
			GROW(in->earlier, in->nearlier_cap, in->nearlier + 1);
			in->earlier[in->nearlier++] = path_join(dir, "returns.csv");
		}
		folder_close(&f);
		free(dir);
		if (h < 0)
			return -1;
	}
	return 0;
}

int inputs_collect(struct inputs *in, struct run *r, int period)
{
	memset(in, 0, sizeof *in);
	buf_init(&in->text);
	buf_adds(&in->text, MANIFEST_HEADER);
	add_row(&in->text, "version", PLEDGE_VERSION, "");
	char text[PERIOD_TEXT];
	char *qdir = path_join(r->o->input, period_format(period, text));
	struct folder f;
	int st = folder_open(&f, r->o->input);
	if (st < 0)
		fprintf(r->err, "%s: %s/: error: cannot read the input: %s\n",
			r->o->prog, r->o->input, strerror(errno));
	else
		st = hash_row(in, r, &f, "signatories.csv", "roster", 0, NULL,
			      1);
	folder_close(&f);
	if (st == 0)
		st = templates_rows(in, r);
	if (st == 0)
		st = returns_rows(in, r, qdir);
	if (st == 0)
		st = earlier_rows(in, r, period);
	free(qdir);
	return st < 0 ? -1 : 0;
}

void inputs_free(struct inputs *in)
{
	free_names(in->returns, in->nreturns);
	for (size_t i = 0; i < in->nrefused; i++)
		free(in->refused[i].path);
	free(in->refused);
	free_names(in->earlier, in->nearlier);
	buf_free(&in->text);
}
