#include "atomic.h"
#include "../base/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int atomic_open(struct atomic_file *f, const char *path, mode_t mode)
{
	memset(f, 0, sizeof(*f));
	const char *slash = strrchr(path, '/');
	int dirlen = slash ? (int)(slash - path + 1) : 0;
	f->tmp = xasprintf("%.*s.%s.tmp.XXXXXX", dirlen, path,
			   slash ? slash + 1 : path);
	int fd = mkstemp(f->tmp);
	if (fd < 0 || fchmod(fd, mode) < 0 || !(f->fp = fdopen(fd, "w"))) {
		int e = errno;
		if (fd >= 0) {
			close(fd);
			unlink(f->tmp);
		}
		free(f->tmp);
		f->tmp = NULL;
		errno = e;
		return -1;
	}
	f->path = xstrdup(path);
	f->mode = mode;
	return 0;
}

/* Whether the file at path holds exactly the bytes of fd, with mode. */
static int same_content(const char *path, int fd, mode_t mode)
{
	struct stat a, b;
	if (stat(path, &a) < 0 || fstat(fd, &b) < 0 || a.st_size != b.st_size ||
	    (a.st_mode & 07777) != mode || !S_ISREG(a.st_mode))
		return 0;
	FILE *old = fopen(path, "rb");
	if (!old)
		return 0;
	int same = 1;
	char x[8192], y[8192];
	if (lseek(fd, 0, SEEK_SET) < 0)
		same = 0;
	while (same) {
		size_t n = fread(x, 1, sizeof(x), old);
		ssize_t m = read(fd, y, sizeof(y));
		if (m < 0 || (size_t)m != n || memcmp(x, y, n))
			same = 0;
		if (n == 0)
			break;
	}
	fclose(old);
	return same;
}

int atomic_commit(struct atomic_file *f)
{
	int err = 0;
	if (fflush(f->fp) != 0 || ferror(f->fp) || fsync(fileno(f->fp)) < 0)
		err = errno ? errno : EIO;
	int keep_old = !err && same_content(f->path, fileno(f->fp), f->mode);
	if (fclose(f->fp) != 0 && !err)
		err = errno;
	f->fp = NULL;
	if (!err && !keep_old && rename(f->tmp, f->path) < 0)
		err = errno;
	if (err || keep_old)
		unlink(f->tmp);
	free(f->tmp);
	free(f->path);
	f->tmp = f->path = NULL;
	errno = err;
	return err ? -1 : 0;
}

void atomic_abort(struct atomic_file *f)
{
	if (f->fp)
		fclose(f->fp);
	if (f->tmp)
		unlink(f->tmp);
	free(f->tmp);
	free(f->path);
	memset(f, 0, sizeof(*f));
}

int close_stdout(void)
{
	int err = fflush(stdout) != 0 || ferror(stdout);
	int e = errno;
	if (fclose(stdout) != 0 && !err) {
		err = 1;
		e = errno;
	}
	errno = e ? e : EIO;
	return err ? -1 : 0;
}

int write_output(const char *path, mode_t mode, output_fn *fn, void *ctx)
{
	if (!path || !strcmp(path, "-")) {
		int failed = fn(stdout, ctx) < 0;
		int e = errno;
		if (close_stdout() < 0)
			return -1;
		errno = e ? e : EIO;
		return failed ? -1 : 0;
	}
	struct atomic_file f;
	if (atomic_open(&f, path, mode) < 0)
		return -1;
	if (fn(f.fp, ctx) < 0) {
		int e = errno ? errno : EIO;
		atomic_abort(&f);
		errno = e;
		return -1;
	}
	return atomic_commit(&f);
}

struct bytes {
	const void *data;
	size_t len;
};

static int put_bytes(FILE *fp, void *ctx)
{
	const struct bytes *b = ctx;
	return fwrite(b->data, 1, b->len, fp) == b->len ? 0 : -1;
}

int atomic_write(const char *path, mode_t mode, const void *data,
		 size_t len)
{
	struct bytes b = { data, len };
	return write_output(path, mode, put_bytes, &b);
}
