/* Unit tests for run/safedir and run/hashcache: names opened under
 * folder descriptors, never through a link; digests of what changed. */
#include "unit.h"

#include "base/buf.h"
#include "base/xalloc.h"
#include "run/hashcache.h"
#include "run/safedir.h"
#include "run/sha256.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

static char root[] = "/tmp/test_safedir.XXXXXX";
static int fd; /* root/tree */

static char *at_root(const char *name)
{
	return xasprintf("%s/%s", root, name);
}

static void put(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

static char *get(const char *path)
{
	struct buf b = BUF_INIT;
	FILE *fp = fopen(path, "r");
	assert_non_null(fp);
	buf_read_all(&b, fp);
	fclose(fp);
	return buf_detach(&b);
}

/* root/outside/secret (0600) and root/tree, opened as fd. */
static int setup(void **state)
{
	assert_non_null(mkdtemp(root));
	char *outside = at_root("outside"), *tree = at_root("tree");
	assert_int_equal(mkdir(outside, 0755), 0);
	assert_int_equal(mkdir(tree, 0755), 0);
	char *secret = at_root("outside/secret");
	put(secret, "secret\n");
	chmod(secret, 0600);
	fd = safedir_open(AT_FDCWD, tree);
	assert_true(fd >= 0);
	free(outside), free(tree), free(secret);
	return 0;
}

static int teardown(void **state)
{
	close(fd);
	assert_int_equal(safedir_remove(AT_FDCWD, root), 0);
	return 0;
}

static void outside_unchanged(void)
{
	char *secret = at_root("outside/secret");
	char *text = get(secret);
	assert_string_equal(text, "secret\n");
	struct stat st;
	assert_int_equal(stat(secret, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	free(text), free(secret);
}

static void write_replaces_a_link_never_follows_it(void **state)
{
	char *secret = at_root("outside/secret");
	assert_int_equal(symlinkat(secret, fd, "out.csv"), 0);
	assert_int_equal(safedir_write(fd, "out.csv", 0644, "new\n", 4), 0);
	outside_unchanged();
	struct stat st;
	assert_int_equal(fstatat(fd, "out.csv", &st, AT_SYMLINK_NOFOLLOW), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_mode & 07777, 0644);
	free(secret);
}

static void write_leaves_the_same_bytes_alone(void **state)
{
	struct stat a, b;
	assert_int_equal(safedir_write(fd, "same.csv", 0644, "x\n", 2), 0);
	assert_int_equal(fstatat(fd, "same.csv", &a, 0), 0);
	assert_int_equal(safedir_write(fd, "same.csv", 0644, "x\n", 2), 0);
	assert_int_equal(fstatat(fd, "same.csv", &b, 0), 0);
	assert_int_equal(a.st_ino, b.st_ino);
	assert_int_equal(safedir_write(fd, "same.csv", 0644, "y\n", 2), 0);
	assert_int_equal(fstatat(fd, "same.csv", &b, 0), 0);
	assert_int_not_equal(a.st_ino, b.st_ino);
}

static void folders_are_not_opened_through_links(void **state)
{
	char *outside = at_root("outside");
	assert_int_equal(symlinkat(outside, fd, "charts"), 0);
	assert_int_equal(safedir_open(fd, "charts"), -1);
	assert_true(errno == ELOOP || errno == ENOTDIR);
	assert_int_equal(safedir_make(fd, "charts", 0755), -1);
	assert_int_equal(errno, EEXIST);
	free(outside);
}

static void remove_takes_links_not_what_they_point_at(void **state)
{
	int sub = safedir_make(fd, "old", 0700);
	assert_true(sub >= 0);
	char *outside = at_root("outside"), *secret = at_root("outside/secret");
	assert_int_equal(symlinkat(outside, sub, "orgs"), 0);
	assert_int_equal(symlinkat(secret, sub, "returns.csv"), 0);
	assert_int_equal(safedir_write(sub, "kept.csv", 0600, "k", 1), 0);
	close(sub);
	assert_int_equal(safedir_remove(fd, "old"), 0);
	assert_int_equal(faccessat(fd, "old", F_OK, AT_SYMLINK_NOFOLLOW), -1);
	outside_unchanged();
	assert_int_equal(safedir_remove(fd, "old"), 0); /* missing: fine */
	free(outside), free(secret);
}

static void a_fifo_is_refused_without_waiting(void **state)
{
	assert_int_equal(mkfifoat(fd, "x.csv", 0644), 0);
	struct buf b = BUF_INIT;
	assert_int_equal(safedir_read(fd, "x.csv", &b), -1);
	assert_int_equal(errno, EINVAL);
	struct hashcache *c = hashcache_load(fd, ".hashes");
	char hex[SHA256_HEX];
	const char *what = NULL;
	assert_int_equal(hashcache_file(c, fd, "x.csv", "/k/x.csv", 0, hex, &what), 1);
	assert_string_equal(what, "a FIFO (named pipe)");
	hashcache_free(c);
	buf_free(&b);
}

static void swap_exchanges_whole_folders(void **state)
{
	int a = safedir_make(fd, "2026-Q3", 0755);
	int b = safedir_make(fd, ".2026-Q3.stage", 0755);
	assert_true(a >= 0 && b >= 0);
	assert_int_equal(safedir_write(a, "v", 0644, "old", 3), 0);
	assert_int_equal(safedir_write(b, "v", 0644, "new", 3), 0);
	close(a), close(b);
	assert_int_equal(safedir_swap(fd, ".2026-Q3.stage", "2026-Q3",
				      ".2026-Q3.old"), 0);
	struct buf t = BUF_INIT;
	int q = safedir_open(fd, "2026-Q3");
	assert_int_equal(safedir_read(q, "v", &t), 0);
	assert_string_equal(t.s, "new");
	close(q);
	/* into a name that is not there yet */
	assert_int_equal(safedir_swap(fd, ".2026-Q3.stage", "2026-Q4",
				      ".2026-Q4.old"), 0);
	buf_reset(&t);
	q = safedir_open(fd, "2026-Q4");
	assert_int_equal(safedir_read(q, "v", &t), 0);
	assert_string_equal(t.s, "old");
	close(q);
	buf_free(&t);
}

static void sweep_removes_only_temporaries(void **state)
{
	assert_int_equal(safedir_write(fd, ".a.csv.tmp.123", 0600, "t", 1), 0);
	assert_int_equal(safedir_write(fd, "a.csv", 0600, "a", 1), 0);
	safedir_sweep(fd);
	assert_int_equal(faccessat(fd, ".a.csv.tmp.123", F_OK, 0), -1);
	assert_int_equal(faccessat(fd, "a.csv", F_OK, 0), 0);
}

static void digests_are_sha256_and_follow_changes(void **state)
{
	char hex[SHA256_HEX];
	sha256_data("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
				 "b00361a396177a9cb410ff61f20015ad");
	assert_int_equal(safedir_write(fd, "r.csv", 0644, "abc", 3), 0);
	struct hashcache *c = hashcache_load(fd, ".hashes");
	const char *what;
	assert_int_equal(hashcache_file(c, fd, "r.csv", "/k/r.csv", 0, hex, &what), 0);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
				 "b00361a396177a9cb410ff61f20015ad");
	assert_int_equal(hashcache_save(c, fd, ".hashes"), 0);
	hashcache_free(c);
	/* the record is read back; a changed file is hashed again */
	assert_int_equal(safedir_write(fd, "r.csv", 0644, "abd", 3), 0);
	c = hashcache_load(fd, ".hashes");
	assert_int_equal(hashcache_file(c, fd, "r.csv", "/k/r.csv", 0, hex, &what), 0);
	char want[SHA256_HEX];
	sha256_data("abd", 3, want);
	assert_string_equal(hex, want);
	assert_int_equal(hashcache_file(c, fd, "none.csv", "/k/n", 0, hex, &what), -1);
	assert_int_equal(errno, ENOENT);
	hashcache_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(write_replaces_a_link_never_follows_it),
		cmocka_unit_test(write_leaves_the_same_bytes_alone),
		cmocka_unit_test(folders_are_not_opened_through_links),
		cmocka_unit_test(remove_takes_links_not_what_they_point_at),
		cmocka_unit_test(a_fifo_is_refused_without_waiting),
		cmocka_unit_test(swap_exchanges_whole_folders),
		cmocka_unit_test(sweep_removes_only_temporaries),
		cmocka_unit_test(digests_are_sha256_and_follow_changes),
	};
	return cmocka_run_group_tests_name("safedir", tests, setup, teardown);
}
