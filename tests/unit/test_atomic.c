/* Unit tests for out/atomic: outputs that are complete or absent, with
 * the mode asked for, and left alone when unchanged (SPEC §4, §6.3, §9). */
#include "unit.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "out/atomic.h"

/* A fresh directory per test. */
struct dir {
	char path[64];
};

static int dir_setup(void **state)
{
	struct dir *d = calloc(1, sizeof(*d));
	if (!d)
		return -1;
	strcpy(d->path, "/tmp/pledge-atomic-XXXXXX");
	if (!mkdtemp(d->path))
		return -1;
	*state = d;
	return 0;
}

static int dir_teardown(void **state)
{
	struct dir *d = *state;
	DIR *dp = opendir(d->path);
	struct dirent *e;
	while (dp && (e = readdir(dp))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char p[512];
		snprintf(p, sizeof(p), "%s/%s", d->path, e->d_name);
		if (unlink(p) < 0)
			rmdir(p);
	}
	if (dp)
		closedir(dp);
	rmdir(d->path);
	free(d);
	return 0;
}

/* d/name, valid until the next call. */
static char *in_dir(const struct dir *d, const char *name)
{
	static char p[512];
	snprintf(p, sizeof(p), "%s/%s", d->path, name);
	return p;
}

/* The names in d, sorted and joined by spaces. */
static void expect_entries(const struct dir *d, const char *want)
{
	struct dirent **list;
	int n = scandir(d->path, &list, NULL, alphasort);
	assert_true(n >= 0);
	char got[1024] = "";
	for (int i = 0; i < n; i++) {
		if (strcmp(list[i]->d_name, ".") && strcmp(list[i]->d_name, "..")) {
			strcat(got, got[0] ? " " : "");
			strcat(got, list[i]->d_name);
		}
		free(list[i]);
	}
	free(list);
	if (strcmp(got, want) != 0)
		fail_msg("directory holds [%s], want [%s]", got, want);
}

static void write_file(const char *path, const char *text, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	assert_int_equal(fchmod(fd, mode), 0);
	close(fd);
}

static void expect_content(const char *path, const char *want)
{
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	char got[4096];
	size_t n = fread(got, 1, sizeof(got) - 1, fp);
	got[n] = '\0';
	fclose(fp);
	assert_string_equal(got, want);
}

/* Writes text to path through an atomic file; returns atomic_commit. */
static int put(const char *path, const char *text, mode_t mode)
{
	struct atomic_file f;
	assert_int_equal(atomic_open(&f, path, mode), 0);
	fputs(text, f.fp);
	return atomic_commit(&f);
}

static void commit_puts_file_in_place_with_mode(void **state)
{
	struct dir *d = *state;
	static const mode_t modes[] = { 0600, 0640, 0644 };
	mode_t old = umask(077); /* the mode asked for, whatever the umask */
	for (size_t i = 0; i < 3; i++) {
		char name[32];
		snprintf(name, sizeof(name), "out%zu.csv", i);
		assert_int_equal(put(in_dir(d, name), "a,b\n1,2\n", modes[i]), 0);
		struct stat st;
		assert_int_equal(stat(in_dir(d, name), &st), 0);
		assert_int_equal(st.st_mode & 07777, modes[i]);
		expect_content(in_dir(d, name), "a,b\n1,2\n");
	}
	umask(old);
	expect_entries(d, "out0.csv out1.csv out2.csv");
}

static void temp_file_sits_beside_the_target(void **state)
{
	struct dir *d = *state;
	struct atomic_file f;
	assert_int_equal(atomic_open(&f, in_dir(d, "returns.csv"), 0600), 0);
	char prefix[512];
	snprintf(prefix, sizeof(prefix), "%s/.returns.csv.tmp.", d->path);
	assert_int_equal(strncmp(f.tmp, prefix, strlen(prefix)), 0);
	struct stat st;
	assert_int_equal(stat(f.tmp, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	/* nothing at the target until the commit */
	assert_int_equal(stat(in_dir(d, "returns.csv"), &st), -1);
	fputs("x\n", f.fp);
	assert_int_equal(atomic_commit(&f), 0);
	assert_null(f.fp);
	expect_entries(d, "returns.csv");
}

static void abort_leaves_old_file_and_no_temp(void **state)
{
	struct dir *d = *state;
	char *path = in_dir(d, "report.csv");
	write_file(path, "old\n", 0644);
	struct atomic_file f;
	assert_int_equal(atomic_open(&f, path, 0644), 0);
	fputs("new and half-written", f.fp);
	atomic_abort(&f);
	expect_content(path, "old\n");
	expect_entries(d, "report.csv");

	/* and with no old file, nothing at all */
	assert_int_equal(atomic_open(&f, in_dir(d, "new.csv"), 0600), 0);
	atomic_abort(&f);
	expect_entries(d, "report.csv");
}

static void changed_content_replaces_file(void **state)
{
	struct dir *d = *state;
	char *path = in_dir(d, "agg.csv");
	write_file(path, "old\n", 0644);
	struct stat before, after;
	assert_int_equal(stat(path, &before), 0);
	assert_int_equal(put(path, "new\n", 0644), 0);
	assert_int_equal(stat(path, &after), 0);
	expect_content(path, "new\n");
	assert_true(before.st_ino != after.st_ino); /* renamed over */
	expect_entries(d, "agg.csv");
}

/* An unchanged rewrite keeps the old file: same inode, same mtime. */
static void unchanged_rewrite_keeps_old_file(void **state)
{
	struct dir *d = *state;
	char *path = in_dir(d, "returns.csv");
	write_file(path, "same bytes\n", 0600);
	/* an old mtime, so any rewrite would show */
	struct timespec t[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
	assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
	struct stat before, after;
	assert_int_equal(stat(path, &before), 0);
	assert_int_equal(put(path, "same bytes\n", 0600), 0);
	assert_int_equal(stat(path, &after), 0);
	assert_true(before.st_ino == after.st_ino);
	assert_int_equal(after.st_mtim.tv_sec, 1000000000);
	expect_content(path, "same bytes\n");
	expect_entries(d, "returns.csv");
}

static void same_bytes_new_mode_is_rewritten(void **state)
{
	struct dir *d = *state;
	char *path = in_dir(d, "returns.csv");
	write_file(path, "same\n", 0644);
	assert_int_equal(put(path, "same\n", 0600), 0);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	expect_entries(d, "returns.csv");
}

static void longer_or_shorter_content_is_not_same(void **state)
{
	struct dir *d = *state;
	char *path = in_dir(d, "x.csv");
	write_file(path, "abc\n", 0644);
	assert_int_equal(put(path, "abc\nd\n", 0644), 0);
	expect_content(path, "abc\nd\n");
	assert_int_equal(put(path, "abc\n", 0644), 0);
	expect_content(path, "abc\n");
	assert_int_equal(put(path, "abd\n", 0644), 0);
	expect_content(path, "abd\n");
	/* a large file, same but for its last byte */
	char *big = malloc(100001);
	assert_non_null(big);
	memset(big, 'x', 100000);
	big[100000] = '\0';
	assert_int_equal(put(path, big, 0644), 0);
	big[99999] = 'y';
	assert_int_equal(put(path, big, 0644), 0);
	expect_entries(d, "x.csv");
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, 99999, SEEK_SET), 0);
	assert_int_equal(getc(fp), 'y');
	fclose(fp);
	free(big);
}

static void missing_directory_fails(void **state)
{
	struct dir *d = *state;
	struct atomic_file f;
	errno = 0;
	assert_int_equal(atomic_open(&f, in_dir(d, "no/such/out.csv"), 0644),
			 -1);
	assert_int_equal(errno, ENOENT);
	expect_entries(d, "");
}

static void failed_rename_removes_temp(void **state)
{
	struct dir *d = *state;
	char *path = in_dir(d, "taken");
	assert_int_equal(mkdir(path, 0755), 0);
	struct atomic_file f;
	assert_int_equal(atomic_open(&f, path, 0644), 0);
	fputs("data\n", f.fp);
	errno = 0;
	assert_int_equal(atomic_commit(&f), -1);
	assert_int_not_equal(errno, 0);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISDIR(st.st_mode)); /* untouched */
	expect_entries(d, "taken");
}

static void relative_path_in_current_directory(void **state)
{
	struct dir *d = *state;
	int here = open(".", O_RDONLY);
	assert_true(here >= 0);
	assert_int_equal(chdir(d->path), 0);
	int ret = put("plain.csv", "p\n", 0644);
	assert_int_equal(fchdir(here), 0);
	close(here);
	assert_int_equal(ret, 0);
	expect_content(in_dir(d, "plain.csv"), "p\n");
	expect_entries(d, "plain.csv");
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, dir_setup, dir_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(commit_puts_file_in_place_with_mode),
		TEST(temp_file_sits_beside_the_target),
		TEST(abort_leaves_old_file_and_no_temp),
		TEST(changed_content_replaces_file),
		TEST(unchanged_rewrite_keeps_old_file),
		TEST(same_bytes_new_mode_is_rewritten),
		TEST(longer_or_shorter_content_is_not_same),
		TEST(missing_directory_fails),
		TEST(failed_rename_removes_temp),
		TEST(relative_path_in_current_directory),
	};
	return cmocka_run_group_tests_name("atomic", tests, NULL, NULL);
}
