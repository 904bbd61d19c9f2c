/* hashcache: the SHA-256 of input files, redone only when they changed. */
#include "run/hashcache.h"

#include "base/buf.h"
#include "base/xalloc.h"
#include "run/safedir.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct entry {
	char *key;
	uint64_t ino, size, mtime, ctime; /* times in nanoseconds */
	char hex[SHA256_HEX];
};

struct hashcache {
	struct entry *items;
	size_t len, cap;
	size_t *slots; /* index + 1 into items, 0 for empty */
	size_t nslots;
	int changed;
};

static size_t key_hash(const char *s)
{
	size_t h = 14695981039346656037u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static size_t *slot_of(const struct hashcache *c, const char *key)
{
	size_t i = key_hash(key) & (c->nslots - 1);
	while (c->slots[i] && strcmp(c->items[c->slots[i] - 1].key, key))
		i = (i + 1) & (c->nslots - 1);
	return &c->slots[i];
}

static void rehash(struct hashcache *c)
{
	free(c->slots);
	c->nslots = c->nslots ? c->nslots * 2 : 1024;
	c->slots = xcalloc(c->nslots, sizeof *c->slots);
	for (size_t k = 0; k < c->len; k++)
		*slot_of(c, c->items[k].key) = k + 1;
}

static struct entry *find_or_add(struct hashcache *c, const char *key)
{
	if (2 * (c->len + 1) > c->nslots)
		rehash(c);
	size_t *slot = slot_of(c, key);
	if (*slot)
		return &c->items[*slot - 1];
	GROW(c->items, c->cap, c->len + 1);
	struct entry *e = &c->items[c->len++];
	memset(e, 0, sizeof *e);
	e->key = xstrdup(key);
	*slot = c->len;
	return e;
}

/* One line: "INO SIZE MTIME CTIME HEX KEY". */
static void parse_line(struct hashcache *c, char *line)
{
	uint64_t v[4];
	char hex[SHA256_HEX];
	int used = 0;
	if (sscanf(line, "%" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64
		   " %64[0-9a-f] %n", &v[0], &v[1], &v[2], &v[3], hex, &used) < 5 ||
	    used == 0 || strlen(hex) != 64 || !line[used])
		return;
	struct entry *e = find_or_add(c, line + used);
	e->ino = v[0], e->size = v[1], e->mtime = v[2], e->ctime = v[3];
	memcpy(e->hex, hex, SHA256_HEX);
}

struct hashcache *hashcache_load(int at, const char *name)
{
	struct hashcache *c = xcalloc(1, sizeof *c);
	rehash(c);
	struct buf b = BUF_INIT;
	if (safedir_read(at, name, &b) == 0) {
		char *save = NULL;
		for (char *l = strtok_r(b.s, "\n", &save); l;
		     l = strtok_r(NULL, "\n", &save))
			parse_line(c, l);
	}
	buf_free(&b);
	return c;
}

static const char *kind(mode_t m)
{
	return S_ISLNK(m) ? "a symbolic link" : S_ISDIR(m) ? "a folder"
	     : S_ISFIFO(m) ? "a FIFO (named pipe)" : S_ISSOCK(m) ? "a socket"
	     : S_ISCHR(m) || S_ISBLK(m) ? "a device" : "not a regular file";
}

static uint64_t ns(struct timespec t)
{
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static int same_stat(const struct entry *e, const struct stat *st)
{
	return e->hex[0] && e->ino == (uint64_t)st->st_ino &&
	       e->size == (uint64_t)st->st_size &&
	       e->mtime == ns(st->st_mtim) && e->ctime == ns(st->st_ctim);
}

int hashcache_file(struct hashcache *c, int at, const char *name,
		   const char *key, int follow, char hex[SHA256_HEX],
		   const char **what)
{
	struct stat st;
	if (fstatat(at, name, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW) < 0)
		return -1;
	if (!S_ISREG(st.st_mode)) {
		*what = kind(st.st_mode);
		return 1;
	}
	int fd = openat(at, name, O_RDONLY | O_NONBLOCK | O_CLOEXEC |
			(follow ? 0 : O_NOFOLLOW));
	if (fd < 0 && errno == ELOOP) {
		*what = kind(S_IFLNK);
		return 1;
	}
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		*what = kind(st.st_mode);
		close(fd);
		return 1;
	}
	struct entry *e = strchr(key, '\n') ? NULL : find_or_add(c, key);
	int r = 0;
	if (e && same_stat(e, &st)) {
		memcpy(hex, e->hex, SHA256_HEX);
	} else if ((r = sha256_fd(fd, hex)) == 0 && e) {
		e->ino = st.st_ino, e->size = (uint64_t)st.st_size;
		e->mtime = ns(st.st_mtim), e->ctime = ns(st.st_ctim);
		memcpy(e->hex, hex, SHA256_HEX);
		c->changed = 1;
	}
	int err = errno;
	close(fd);
	errno = err;
	return r;
}

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->key,
		      ((const struct entry *)b)->key);
}

int hashcache_save(struct hashcache *c, int at, const char *name)
{
	if (!c->changed)
		return 0;
	qsort(c->items, c->len, sizeof *c->items, by_key);
	rehash(c);
	struct buf b = BUF_INIT;
	for (size_t k = 0; k < c->len; k++) {
		const struct entry *e = &c->items[k];
		if (e->hex[0])
			buf_addf(&b, "%" PRIu64 " %" PRIu64 " %" PRIu64 " %"
				 PRIu64 " %s %s\n", e->ino, e->size, e->mtime,
				 e->ctime, e->hex, e->key);
	}
	int r = safedir_write(at, name, 0600, b.s, b.len);
	buf_free(&b);
	if (r == 0)
		c->changed = 0;
	return r;
}

void hashcache_free(struct hashcache *c)
{
	if (!c)
		return;
	for (size_t k = 0; k < c->len; k++)
		free(c->items[k].key);
	free(c->items);
	free(c->slots);
	free(c);
}
