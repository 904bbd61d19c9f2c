/* Unit tests for base/codes: every problem code listed once, and the
 * list kept true against the source, the README and pledge-ingest(1).
 * Run from the top of the tree (as make test does). With --readme or
 * --man it prints the section those must hold, to paste in. */
#include "unit.h"

#include "base/codes.h"

#include <dirent.h>
#include <sys/stat.h>

/* Kebab-case literals in the source that are not problem codes. */
static const char *const not_codes[] = {
	"band-edge", "box-edge", "marked-label",     /* chart labels */
	"few-orgs-quartiles", "small-quartile",      /* withholding rules */
	"small-rate",
	"pledge-aggregate", "pledge-audit", "pledge-chart", "pledge-ingest",
	"pledge-report", "pledge-run", "pledge-template",
};

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	char *s = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&s, &len);
	int c;
	while ((c = getc(fp)) != EOF)
		putc(c, out);
	fclose(fp);
	fclose(out);
	return s;
}

static void the_list_is_sorted_and_complete(void **state)
{
	size_t n;
	const struct problem_code *c = problem_codes(&n);
	assert_true(n >= 70);
	for (size_t i = 0; i < n; i++) {
		if (i)
			assert_true(strcmp(c[i - 1].code, c[i].code) < 0);
		assert_true(c[i].severity >= 1 && c[i].severity <= 3);
		size_t m = strlen(c[i].meaning);
		assert_true(m > 0 && c[i].meaning[m - 1] != '.');
		assert_ptr_equal(problem_code_find(c[i].code), &c[i]);
	}
	assert_null(problem_code_find("odd-code"));
	assert_null(problem_code_find(""));
	assert_string_equal(problem_severity_name(CODE_WARNING | CODE_ERROR),
			    "warning or error");
}

/* Each code's rule file exists and gives the code. */
static void each_rule_lives_where_the_list_says(void **state)
{
	size_t n;
	const struct problem_code *c = problem_codes(&n);
	for (size_t i = 0; i < n; i++) {
		char path[256], quoted[80];
		snprintf(path, sizeof(path), "src/lib/%s", c[i].rule);
		snprintf(quoted, sizeof(quoted), "\"%s\"", c[i].code);
		char *s = slurp(path);
		if (!s || !strstr(s, quoted))
			fail_msg("%s: its rule is said to be in %s, which "
				 "does not give it", c[i].code, path);
		free(s);
	}
}

static int kebab(const char *s)
{
	int dash = 0;
	if (!(*s >= 'a' && *s <= 'z'))
		return 0;
	for (const char *p = s; *p; p++) {
		if (*p == '-') {
			if (p[1] < 'a' && !(p[1] >= '0' && p[1] <= '9'))
				return 0;
			dash = 1;
		} else if (!(*p >= 'a' && *p <= 'z') &&
			   !(*p >= '0' && *p <= '9')) {
			return 0;
		}
	}
	return dash;
}

static int not_a_code(const char *s)
{
	for (size_t i = 0; i < sizeof(not_codes) / sizeof(*not_codes); i++)
		if (!strcmp(not_codes[i], s))
			return 1;
	return 0;
}

/* Checks each string literal of the C file at path (comments skipped);
 * returns how many kebab-case ones are neither listed nor known. */
static int check_literals(const char *path)
{
	char *s = slurp(path);
	assert_non_null(s);
	int bad = 0;
	for (char *p = s; *p; p++) {
		if (p[0] == '/' && p[1] == '*') {
			char *e = strstr(p + 2, "*/");
			p = e ? e + 1 : p + strlen(p) - 1;
		} else if (p[0] == '/' && p[1] == '/') {
			while (p[1] && p[1] != '\n')
				p++;
		} else if (*p == '\'') {
			p += p[1] == '\\' ? 3 : 2;
		} else if (*p == '"') {
			char *q = p + 1;
			while (*q && *q != '"')
				q += *q == '\\' && q[1] ? 2 : 1;
			char was = *q;
			*q = '\0';
			if (kebab(p + 1) && !problem_code_find(p + 1) &&
			    !not_a_code(p + 1)) {
				print_message("%s: \"%s\" is not in the list "
					      "of problem codes (base/codes.c)\n",
					      path, p + 1);
				bad++;
			}
			*q = was;
			p = *q ? q : q - 1;
		}
	}
	free(s);
	return bad;
}

static int walk(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	int bad = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char path[512];
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		struct stat st;
		assert_int_equal(stat(path, &st), 0);
		size_t len = strlen(path);
		if (S_ISDIR(st.st_mode))
			bad += walk(path);
		else if (len > 2 && !strcmp(path + len - 2, ".c"))
			bad += check_literals(path);
	}
	closedir(d);
	return bad;
}

/* A code written in the source and missing from the list fails here,
 * before any test reaches the assertion in diag_add. */
static void every_code_in_the_source_is_listed(void **state)
{
	assert_int_equal(walk("src"), 0);
}

static void diag_add_takes_listed_codes(void **state)
{
	struct diags d;
	diags_init(&d);
	diag_add(&d, SEV_WARNING, "f.csv", 1, NULL, "m", "unknown-metric",
		 "x");
	diag_add(&d, SEV_ERROR, "f.csv", 2, NULL, "m", "unknown-metric", "x");
	diag_add(&d, SEV_WARNING, "f.csv", 3, NULL, NULL, "title-row", "x");
	assert_int_equal(d.warnings, 2);
	assert_int_equal(d.errors, 1);
	diags_free(&d);
}

static char *readme_section(void)
{
	size_t n, len;
	const struct problem_code *c = problem_codes(&n);
	char *s = NULL;
	FILE *out = open_memstream(&s, &len);
	fputs("| Code | Severity | Meaning | Rule in `src/lib/` |\n"
	      "|---|---|---|---|\n", out);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "| `%s` | %s | %s | `%s` |\n", c[i].code,
			problem_severity_name(c[i].severity), c[i].meaning,
			c[i].rule);
	fclose(out);
	return s;
}

static void roff_code(FILE *out, const char *code)
{
	for (const char *p = code; *p; p++)
		fputs(*p == '-' ? "\\-" : (char[]){ *p, '\0' }, out);
}

static char *man_section(void)
{
	size_t n, len;
	const struct problem_code *c = problem_codes(&n);
	char *s = NULL;
	FILE *out = open_memstream(&s, &len);
	for (size_t i = 0; i < n; i++) {
		fputs(".TP\n.B ", out);
		roff_code(out, c[i].code);
		fprintf(out, "\n%s (%s; %s)\n", c[i].meaning,
			problem_severity_name(c[i].severity), c[i].rule);
	}
	fclose(out);
	return s;
}

/* Whether the file at path holds want between the lines begin and end. */
static void holds_section(const char *path, const char *begin,
			  const char *end, const char *want)
{
	char *s = slurp(path);
	assert_non_null(s);
	char *b = strstr(s, begin), *e = b ? strstr(b, end) : NULL;
	if (!b || !e)
		fail_msg("%s has no section between \"%s\" and \"%s\"", path,
			 begin, end);
	b += strlen(begin);
	*e = '\0';
	if (strcmp(b, want))
		fail_msg("%s's list of problem codes is not the list in "
			 "base/codes.c; print it with build/tests/test_codes "
			 "--readme or --man", path);
	free(s);
}

#define README_BEGIN "<!-- problem codes: from base/codes.c -->\n"
#define README_END "<!-- end of problem codes -->\n"
#define MAN_BEGIN ".\\\" problem codes: from base/codes.c\n"
#define MAN_END ".\\\" end of problem codes\n"

static void the_readme_and_man_page_print_the_list(void **state)
{
	char *md = readme_section(), *man = man_section();
	holds_section("README.md", README_BEGIN, README_END, md);
	holds_section("src/man/pledge-ingest.1", MAN_BEGIN, MAN_END, man);
	free(md);
	free(man);
}

int main(int argc, char **argv)
{
	if (argc == 2 && (!strcmp(argv[1], "--readme") ||
			  !strcmp(argv[1], "--man"))) {
		int md = !strcmp(argv[1], "--readme");
		char *s = md ? readme_section() : man_section();
		printf("%s%s%s", md ? README_BEGIN : MAN_BEGIN, s,
		       md ? README_END : MAN_END);
		free(s);
		return 0;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_list_is_sorted_and_complete),
		cmocka_unit_test(each_rule_lives_where_the_list_says),
		cmocka_unit_test(every_code_in_the_source_is_listed),
		cmocka_unit_test(diag_add_takes_listed_codes),
		cmocka_unit_test(the_readme_and_man_page_print_the_list),
	};
	return cmocka_run_group_tests_name("codes", tests, NULL, NULL);
}
