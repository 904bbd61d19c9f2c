/* spawn: the sibling programs, run as child processes. */
#define _GNU_SOURCE
#include "run/spawn.h"

#include "base/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

char *spawn_find(const char *name)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n > 0) {
		self[n] = '\0';
		char *slash = strrchr(self, '/');
		if (slash) {
			*slash = '\0';
			char *p = xasprintf("%s/%s", self, name);
			if (access(p, X_OK) == 0)
				return p;
			free(p);
		}
	}
	return xstrdup(name);
}

int spawn_exists(const char *name)
{
	char *p = spawn_find(name);
	int found = strchr(p, '/') != NULL;
	const char *path = getenv("PATH");
	if (!found && path) {
		char *copy = xstrdup(path), *save = NULL;
		for (char *d = strtok_r(copy, ":", &save); d && !found;
		     d = strtok_r(NULL, ":", &save)) {
			char *full = xasprintf("%s/%s", d, name);
			found = access(full, X_OK) == 0;
			free(full);
		}
		free(copy);
	}
	free(p);
	return found;
}

/* In the child: stdin from /dev/null, stdout to /dev/null or errfd for
 * stderr, the working folder dirfd, then the program. */
static void child(const char *path, char *const argv[], int dirfd,
		  int outfd, int errfd)
{
	int null = open("/dev/null", O_RDWR);
	if (null < 0 || dup2(null, 0) < 0 ||
	    dup2(outfd >= 0 ? outfd : null, 1) < 0 ||
	    (errfd >= 0 && dup2(errfd, 2) < 0) ||
	    (dirfd >= 0 && fchdir(dirfd) < 0))
		_exit(127);
	signal(SIGPIPE, SIG_DFL);
	if (strchr(path, '/'))
		execv(path, argv);
	else
		execvp(path, argv);
	_exit(127);
}

static int collect(int fd, struct buf *into)
{
	char chunk[4096];
	ssize_t n;
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (into)
			buf_add(into, chunk, (size_t)n);
	}
	return 0;
}

static int run_piped(const char *path, char *const argv[], int dirfd,
		     struct buf *out, struct buf *err, int *signo)
{
	int p[2];
	if (pipe2(p, O_CLOEXEC) < 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0)
		child(path, argv, dirfd, out ? p[1] : -1, err ? p[1] : -1);
	close(p[1]);
	collect(p[0], out ? out : err);
	close(p[0]);
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (WIFSIGNALED(st)) {
		*signo = WTERMSIG(st);
		return 128 + *signo;
	}
	return WEXITSTATUS(st);
}

int spawn_run(const char *path, char *const argv[], int dirfd,
	      struct buf *err, int *signo)
{
	*signo = 0;
	if (err)
		return run_piped(path, argv, dirfd, NULL, err, signo);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0)
		child(path, argv, dirfd, -1, -1);
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (WIFSIGNALED(st)) {
		*signo = WTERMSIG(st);
		return 128 + *signo;
	}
	return WEXITSTATUS(st);
}
