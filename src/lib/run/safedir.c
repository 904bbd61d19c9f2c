/* safedir: files and folders reached only through folder descriptors. */
#define _GNU_SOURCE
#include "run/safedir.h"

#include "base/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define DIR_FLAGS (O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)

int safedir_open(int at, const char *name)
{
	return openat(at, name, DIR_FLAGS);
}

int safedir_make(int at, const char *name, mode_t mode)
{
	if (mkdirat(at, name, 0700) < 0)
		return -1;
	int fd = safedir_open(at, name);
	if (fd < 0)
		return -1;
	if (fchmod(fd, mode) < 0) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

static int remove_entries(int fd);

int safedir_remove(int at, const char *name)
{
	if (unlinkat(at, name, 0) == 0 || errno == ENOENT)
		return 0;
	if (errno != EISDIR && errno != EPERM)
		return -1;
	int fd = safedir_open(at, name);
	if (fd < 0)
		return -1;
	int r = remove_entries(fd);
	int e = errno;
	close(fd);
	if (r < 0) {
		errno = e;
		return -1;
	}
	return unlinkat(at, name, AT_REMOVEDIR) == 0 || errno == ENOENT ? 0 : -1;
}

/* Empties the folder fd (closed by closedir through fdopendir's copy). */
static int remove_entries(int fd)
{
	int copy = dup(fd);
	DIR *dir = copy < 0 ? NULL : fdopendir(copy);
	if (!dir) {
		if (copy >= 0)
			close(copy);
		return -1;
	}
	int r = 0;
	struct dirent *e;
	while ((e = readdir(dir))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (safedir_remove(fd, e->d_name) < 0)
			r = -1;
	}
	int err = errno;
	closedir(dir);
	errno = err;
	return r;
}

int safedir_read(int at, const char *name, struct buf *out)
{
	int fd = openat(at, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	char chunk[65536];
	ssize_t n;
	while ((n = read(fd, chunk, sizeof chunk)) > 0)
		buf_add(out, chunk, (size_t)n);
	int e = errno;
	close(fd);
	errno = e;
	return n < 0 ? -1 : 0;
}

/* Whether name under at is a regular file with exactly data and mode. */
static int same_file(int at, const char *name, mode_t mode,
		     const void *data, size_t len)
{
	struct stat st;
	if (fstatat(at, name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
	    !S_ISREG(st.st_mode) || (st.st_mode & 07777) != mode ||
	    (size_t)st.st_size != len)
		return 0;
	struct buf old = BUF_INIT;
	int same = safedir_read(at, name, &old) == 0 && old.len == len &&
		   memcmp(old.s, data, len) == 0;
	buf_free(&old);
	return same;
}

static int write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int safedir_write(int at, const char *name, mode_t mode,
		  const void *data, size_t len)
{
	if (same_file(at, name, mode, data, len))
		return 0;
	char *tmp = NULL;
	int fd = -1;
	for (int i = 0; fd < 0 && i < 100; i++) {
		free(tmp);
		tmp = xasprintf(".%s.tmp.%ld%02d", name, (long)getpid(), i);
		fd = openat(at, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
			    O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		free(tmp);
		return -1;
	}
	int r = write_all(fd, data, len) == 0 && fchmod(fd, mode) == 0 &&
			fsync(fd) == 0 ? 0 : -1;
	int e = errno;
	if (close(fd) < 0 && r == 0) {
		r = -1;
		e = errno;
	}
	if (r == 0 && renameat(at, tmp, at, name) < 0) {
		r = -1;
		e = errno;
	}
	if (r < 0)
		unlinkat(at, tmp, 0);
	free(tmp);
	errno = e;
	return r;
}

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

static int exchange(int at, const char *a, const char *b)
{
#ifdef SYS_renameat2
	return (int)syscall(SYS_renameat2, at, a, at, b, RENAME_EXCHANGE);
#else
	errno = ENOSYS;
	return -1;
#endif
}

int safedir_swap(int at, const char *stage, const char *name,
		 const char *aside)
{
	if (exchange(at, stage, name) == 0)
		return 0;
	if (errno == ENOENT) {
		struct stat st;
		if (fstatat(at, name, &st, AT_SYMLINK_NOFOLLOW) < 0 &&
		    errno == ENOENT)
			return renameat(at, stage, at, name);
		errno = ENOENT;
		return -1;
	}
	if (errno != ENOSYS && errno != EINVAL && errno != ENOTSUP)
		return -1;
	if (renameat(at, name, at, aside) < 0)
		return -1;
	if (renameat(at, stage, at, name) < 0) {
		int e = errno;
		renameat(at, aside, at, name);
		errno = e;
		return -1;
	}
	return 0;
}

void safedir_sweep(int at)
{
	int copy = dup(at);
	DIR *dir = copy < 0 ? NULL : fdopendir(copy);
	if (!dir) {
		if (copy >= 0)
			close(copy);
		return;
	}
	struct dirent *e;
	while ((e = readdir(dir)))
		if (!fnmatch(".*.tmp.*", e->d_name, FNM_PERIOD))
			unlinkat(at, e->d_name, 0);
	closedir(dir);
}
