/* run: the quarterly run (pledge-run), every stage of every quarter. */
#include "run/run.h"

#include "base/cli.h"
#include "base/xalloc.h"
#include "base/diag.h"
#include "base/period.h"
#include "model/settings.h"
#include "model/wording.h"
#include "run/quarter.h"
#include "run/safedir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define HASHES ".hashes"

/* The output folder, made when missing, and its lock (whose descriptor
 * children inherit, so a run whose parent was killed still holds it
 * while they finish). Returns 0, or 2 after a message. */
static int open_output(struct run *r, int *lock)
{
	const char *out = r->o->output, *prog = r->o->prog;
	if (mkdir(out, 0755) < 0 && errno != EEXIST) {
		fprintf(r->err, "%s: cannot write into %s/: %s\n", prog, out,
			strerror(errno));
		return 2;
	}
	r->outfd = safedir_open(AT_FDCWD, out);
	if (r->outfd < 0) {
		fprintf(r->err, "%s: cannot write into %s/: %s\n", prog, out,
			errno == ELOOP || errno == ENOTDIR
				? "it is not a folder (a symbolic link?)"
				: strerror(errno));
		return 2;
	}
	*lock = openat(r->outfd, ".lock", O_WRONLY | O_CREAT | O_NOFOLLOW, 0644);
	if (*lock < 0) {
		fprintf(r->err, "%s: cannot write into %s/: .lock: %s\n", prog,
			out, strerror(errno));
		return 2;
	}
	if (flock(*lock, LOCK_EX | LOCK_NB) < 0) {
		fprintf(r->err, "%s: another run is still going (it holds "
			"%s/.lock); this one did not start\n", prog, out);
		return 2;
	}
	return 0;
}

/* What a killed run left: temporaries, staging folders, and a quarter
 * renamed aside (put back when nothing took its place). */
static void clean_up(struct run *r)
{
	safedir_sweep(r->outfd);
	int copy = dup(r->outfd);
	DIR *d = copy < 0 ? NULL : fdopendir(copy);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		size_t n = strlen(e->d_name);
		char *name = e->d_name;
		if (n > 6 && name[0] == '.' && !strcmp(name + n - 6, ".stage")) {
			safedir_remove(r->outfd, name);
		} else if (n > 4 && name[0] == '.' && !strcmp(name + n - 4, ".old")) {
			char *period = xstrndup(name + 1, n - 5);
			if (renameat(r->outfd, name, r->outfd, period) < 0)
				safedir_remove(r->outfd, name);
			free(period);
		}
	}
	if (d)
		closedir(d);
	else if (copy >= 0)
		close(copy);
}

/* The fonts and logo the settings and wording name (inputs too). */
static void find_branding(struct run *r)
{
	struct settings set;
	struct diags d;
	diags_init(&d);
	settings_default(&set);
	char *path = path_join(r->o->templates, "settings.csv");
	settings_load(&set, path, &d);
	free(path);
	r->fonts[0] = xstrdup(set.font_regular);
	r->fonts[1] = xstrdup(set.font_bold);
	settings_free(&set);
	struct wording w = { 0 };
	path = path_join(r->o->templates, "report.csv");
	if (wording_load(&w, path, NULL, &d) == 0) {
		const char *logo = wording_get(&w, "logo");
		if (logo[0])
			r->logo = logo[0] == '/' ? xstrdup(logo)
						 : path_join(r->o->templates, logo);
	}
	wording_free(&w);
	free(path);
	diags_free(&d);
}

static int by_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* The quarters with a folder under the input, oldest first. */
static int *quarters(const char *input, size_t *n)
{
	int *list = NULL;
	size_t cap = 0;
	*n = 0;
	DIR *d = opendir(input);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		int p = strlen(e->d_name) == 7 ? period_parse(e->d_name) : -1;
		struct stat st;
		char *path = path_join(input, e->d_name);
		if (p >= 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			GROW(list, cap, *n + 1);
			list[(*n)++] = p;
		}
		free(path);
	}
	if (d)
		closedir(d);
	if (*n)
		qsort(list, *n, sizeof *list, by_int);
	return list;
}

static int run_quarters(struct run *r)
{
	size_t n;
	int *list = quarters(r->o->input, &n), status = 0, found = 0;
	for (size_t i = 0; i < n; i++) {
		if (r->o->period >= 0 && list[i] != r->o->period)
			continue;
		found = 1;
		int st = quarter_run(r, list[i]);
		if (st > status)
			status = st;
	}
	free(list);
	if (r->o->period >= 0 && !found) {
		char text[PERIOD_TEXT];
		fprintf(r->err, "%s: there is no folder %s/%s\n", r->o->prog,
			r->o->input, period_format(r->o->period, text));
		status = 2;
	}
	return status;
}

int run_all(const struct run_opts *o, FILE *out, FILE *err)
{
	struct run r = { .o = o, .out = out, .err = err, .outfd = -1 };
	int lock = -1;
	int status = open_output(&r, &lock);
	if (status == 0) {
		clean_up(&r);
		r.hashes = hashcache_load(r.outfd, HASHES);
		find_branding(&r);
		status = run_quarters(&r);
		if (hashcache_save(r.hashes, r.outfd, HASHES) < 0 && status < 2) {
			fprintf(err, "%s: cannot write %s/%s: %s\n", o->prog,
				o->output, HASHES, strerror(errno));
			status = 2;
		}
	}
	hashcache_free(r.hashes);
	runopts_free_programs(&r);
	free(r.fonts[0]), free(r.fonts[1]), free(r.logo);
	if (r.outfd >= 0)
		close(r.outfd);
	if (lock >= 0)
		close(lock);
	return status;
}
