/* Unit tests for base/text: UTF-8 checks, trimming, edit distance,
 * paths and excerpts. */
#include "unit.h"

#include "base/text.h"

/* utf8_valid over a byte string given with its length. */
static bool valid(const char *s, size_t len, size_t *bad)
{
	*bad = (size_t)-1;
	return utf8_valid(s, len, bad);
}

#define VALID(lit) do { \
	size_t bad_; \
	if (!valid(lit, sizeof(lit) - 1, &bad_)) \
		fail_msg("%s: refused at byte %zu", #lit, bad_); \
} while (0)

#define INVALID_AT(lit, at) do { \
	size_t bad_; \
	if (valid(lit, sizeof(lit) - 1, &bad_)) \
		fail_msg("%s: accepted", #lit); \
	if (bad_ != (size_t)(at)) \
		fail_msg("%s: bad byte %zu, want %zu", #lit, bad_, \
			 (size_t)(at)); \
} while (0)

static void utf8_accepts_well_formed(void **state)
{
	VALID("");
	VALID("plain ascii, 123");
	VALID("\xC2\xA3"); /* £, two bytes */
	VALID("T\xC5\xB7 Glas"); /* Tŷ */
	VALID("\xE2\x82\xAC"); /* €, three bytes */
	VALID("\xEF\xBB\xBF"); /* BOM */
	VALID("\xF0\x9F\x98\x80"); /* U+1F600, four bytes */
	VALID("\xF4\x8F\xBF\xBF"); /* U+10FFFF, the last code point */
	VALID("\xED\x9F\xBF"); /* U+D7FF, just below the surrogates */
	VALID("\xEE\x80\x80"); /* U+E000, just above them */
	size_t bad = 99;
	assert_true(utf8_valid("abc", 3, NULL)); /* bad may be NULL */
	assert_true(utf8_valid("\xC2\xA3", 2, &bad));
	assert_int_equal(bad, 99); /* untouched on success */
}

static void utf8_refuses_overlongs(void **state)
{
	INVALID_AT("\xC0\x80", 0);
	INVALID_AT("ab\xC1\xBF", 2);
	INVALID_AT("\xE0\x80\x80", 0);
	INVALID_AT("\xE0\x9F\xBF", 0);
	INVALID_AT("x\xF0\x80\x80\x80", 1);
	INVALID_AT("\xF0\x8F\xBF\xBF", 0);
}

static void utf8_refuses_surrogates_and_beyond(void **state)
{
	INVALID_AT("\xED\xA0\x80", 0); /* U+D800 */
	INVALID_AT("ok \xED\xBF\xBF", 3); /* U+DFFF */
	INVALID_AT("\xF4\x90\x80\x80", 0); /* U+110000 */
	INVALID_AT("\xF5\x80\x80\x80", 0);
	INVALID_AT("\xF8\x88\x80\x80\x80", 0);
	INVALID_AT("a\xFE", 1);
	INVALID_AT("a\xFF", 1);
}

static void utf8_refuses_broken_sequences(void **state)
{
	INVALID_AT("\x80", 0); /* lone continuation byte */
	INVALID_AT("abc\xBF", 3);
	INVALID_AT("ab\xE2\x82", 2); /* truncated at the end */
	INVALID_AT("ab\xC2", 2);
	INVALID_AT("\xF0\x9F\x98", 0);
	INVALID_AT("\xE2\x82x", 0); /* continuation missing mid-string */
	INVALID_AT("\xC2\xA3\xA3", 2); /* Windows-1252 £ after a UTF-8 one */
	/* the length counts, not the NUL: a cut sequence is refused */
	size_t bad;
	assert_false(utf8_valid("\xE2\x82\xAC", 2, &bad));
	assert_int_equal(bad, 0);
}

static void non_ascii_is_seen(void **state)
{
	struct line_facts f;
	line_describe("plain, text\r\n", 13, &f);
	assert_false(f.non_ascii);
	line_describe("\xA3", 1, &f);
	assert_true(f.non_ascii);
	line_describe("caf\xC3\xA9", 5, &f);
	assert_true(f.non_ascii);
	line_describe("caf\xC3\xA9", 3, &f); /* length counts */
	assert_false(f.non_ascii);
}

static void scan_finds_line_ends(void **state)
{
	struct line_facts f;
	assert_int_equal(line_scan("a,b\nc", 5, &f), 4);
	assert_int_equal(line_scan("a,b\r\nc", 6, &f), 5);
	assert_int_equal(line_scan("a,b\rc", 5, &f), 4);   /* a lone CR */
	assert_int_equal(line_scan("a,b\r", 4, &f), 0);    /* LF may follow */
	assert_int_equal(line_scan("a,b", 3, &f), 0);
	assert_int_equal(line_scan("\n", 1, &f), 1);
	assert_int_equal(line_scan("", 0, &f), 0);
	assert_int_equal(line_scan("\"x\",\xC2\xA3\n\"", 8, &f), 7);
	assert_int_equal(f.quotes, 2);                     /* not the third */
	assert_true(f.non_ascii);
	assert_false(f.nul);
}

/* line_scan and line_describe, against reading one byte at a time, on
 * lines of every length around the blocks the scan reads at once, with
 * each kind of byte at each place. */
static void scan_agrees_with_bytes(void **state)
{
	static const char kinds[] = { 'a', '"', '\0', '\n', '\r', (char)0xE9 };
	char s[80];
	for (size_t len = 1; len < sizeof(s); len++)
		for (size_t at = 0; at < len; at++)
			for (size_t k = 0; k < sizeof(kinds); k++) {
				for (size_t i = 0; i < len; i++)
					s[i] = (char)('a' + i % 26);
				s[at] = kinds[k];
				if (at + 7 < len)
					s[at + 7] = '"';
				size_t end = 0, quotes = 0;
				int nul = 0, high = 0;
				while (end < len && s[end] != '\n' &&
				       s[end] != '\r') {
					quotes += s[end] == '"';
					nul |= s[end] == '\0';
					high |= (unsigned char)s[end] >= 0x80;
					end++;
				}
				size_t want = end == len ? 0
					: s[end] == '\n' ? end + 1
					: end + 1 == len ? 0
					: end + 1 + (s[end + 1] == '\n');
				struct line_facts f;
				size_t got = line_scan(s, len, &f);
				if (got != want)
					fail_msg("len %zu, %d at %zu: %zu, want %zu",
						 len, kinds[k], at, got, want);
				if (want && (f.quotes != quotes || f.nul != nul ||
					     f.non_ascii != high))
					fail_msg("len %zu, %d at %zu: facts differ",
						 len, kinds[k], at);
				size_t all = 0;
				for (size_t i = 0; i < len; i++)
					all += s[i] == '"';
				line_describe(s, len, &f);
				assert_int_equal(f.quotes, all);
			}
}

/* text_trim on a copy of s, compared with want. */
static void check_trim(const char *s, const char *want)
{
	char buf[128];
	snprintf(buf, sizeof(buf), "%s", s);
	char *got = text_trim(buf);
	assert_ptr_equal(got, buf);
	if (strcmp(got, want) != 0)
		fail_msg("trim('%s') = '%s', want '%s'", s, got, want);
}

#define NBSP "\xC2\xA0"
#define NNBSP "\xE2\x80\xAF"
#define FIGSP "\xE2\x80\x87"
#define ZWSP "\xE2\x80\x8B"
#define ZWNJ "\xE2\x80\x8C"
#define ZWJ "\xE2\x80\x8D"
#define WJ "\xE2\x81\xA0"
#define BOM "\xEF\xBB\xBF"

static void trim_removes_invisible_ends(void **state)
{
	check_trim("  a  ", "a");
	check_trim("\t\tb\t", "b");
	check_trim(NBSP "c" NBSP, "c");
	check_trim(NNBSP "d" NNBSP, "d");
	check_trim(FIGSP "e" FIGSP, "e");
	check_trim(ZWSP "f" ZWSP, "f");
	check_trim(ZWNJ ZWJ "g" ZWJ ZWNJ, "g");
	check_trim(WJ "h" WJ, "h");
	check_trim(BOM "i" BOM, "i");
	check_trim(" \t" NBSP ZWSP BOM NNBSP " staff_total " NNBSP BOM ZWSP
		   NBSP "\t ", "staff_total");
}

static void trim_keeps_inner_and_visible_text(void **state)
{
	check_trim("Hollins Reed  and Barrow", "Hollins Reed  and Barrow");
	check_trim(" a" NBSP "b" ZWSP "c ", "a" NBSP "b" ZWSP "c");
	check_trim("caf\xC3\xA9", "caf\xC3\xA9"); /* é ends in 0xA9 */
	check_trim("\xC3\xA0", "\xC3\xA0"); /* à: A0 as a second byte */
	check_trim("x\xA0", "x\xA0"); /* a lone A0 is not a no-break space */
	check_trim("\xE2\x82\xAC" " ", "\xE2\x82\xAC"); /* € kept */
	check_trim("", "");
	check_trim("   ", "");
	check_trim(NBSP ZWSP BOM, "");
}

static void ieq_and_lower(void **state)
{
	assert_true(text_ieq("Org_ID", "org_id"));
	assert_true(text_ieq("", ""));
	assert_false(text_ieq("org", "org_id"));
	assert_false(text_ieq("org_id", "org"));
	assert_false(text_ieq("\xC3\xA9", "\xC3\x89")); /* ASCII only */
	char s[] = "MeTrIc-\xC3\x89";
	assert_string_equal(text_lower(s), "metric-\xC3\x89");
}

static void distance_counts_edits(void **state)
{
	assert_int_equal(text_distance("staff_total", "staff_total", 3), 0);
	assert_int_equal(text_distance("staff_carer", "staff_carers", 3), 1);
	assert_int_equal(text_distance("new_homes", "new_hmoes", 3), 1);
	assert_int_equal(text_distance("ab", "ba", 3), 1); /* one swap */
	assert_int_equal(text_distance("abc", "abd", 3), 1);
	assert_int_equal(text_distance("abc", "ac", 3), 1);
	assert_int_equal(text_distance("", "abc", 3), 3);
	assert_int_equal(text_distance("kitten", "sitting", 5), 3);
	assert_int_equal(text_distance("Staff_Total", "staff_total", 3), 0);
}

static void distance_is_capped(void **state)
{
	assert_int_equal(text_distance("kitten", "sitting", 2), 3);
	assert_int_equal(text_distance("abc", "xyz", 1), 2);
	assert_int_equal(text_distance("zzz", "staff_total", 3), 4);
	assert_int_equal(text_distance("a", "abcdef", 2), 3);
	assert_int_equal(text_distance("abc", "abc", 0), 0);
	assert_int_equal(text_distance("abc", "abd", 0), 1);
}

static void check_stem(const char *path, const char *want)
{
	size_t len = 12345;
	const char *s = path_stem(path, &len);
	assert_true(s >= path && s <= path + strlen(path));
	if (len != strlen(want) || strncmp(s, want, len) != 0)
		fail_msg("stem('%s') = '%.*s', want '%s'", path, (int)len, s,
			 want);
}

static void stem_drops_folders_and_csv(void **state)
{
	check_stem("input/2026-Q3/HX01.csv", "HX01");
	check_stem("HX01.CSV", "HX01");
	check_stem("a/b/HX01.Csv", "HX01");
	check_stem("HX01", "HX01");
	check_stem("dir/return.txt", "return.txt");
	check_stem("dir/HX01.csv.bak", "HX01.csv.bak");
	check_stem("/abs/path/x.csv", "x");
}

static void check_parent(const char *path, const char *want)
{
	char *got = path_parent_name(path);
	if (!want) {
		if (got)
			fail_msg("parent('%s') = '%s', want none", path, got);
		return;
	}
	if (!got)
		fail_msg("parent('%s') = none, want '%s'", path, want);
	assert_string_equal(got, want);
	free(got);
}

static void parent_name_is_the_folder(void **state)
{
	check_parent("input/2026-Q3/a.csv", "2026-Q3");
	check_parent("2026-Q3/a.csv", "2026-Q3");
	check_parent("/srv/input/2026-Q3/a.csv", "2026-Q3");
	check_parent("input/2026-Q3//a.csv", "2026-Q3");
	check_parent("a.csv", NULL);
	check_parent("/a.csv", NULL);
}

static void excerpt_keeps_short_text(void **state)
{
	char out[16];
	assert_string_equal(text_excerpt("  lots  ", out, sizeof(out)),
			    "lots");
	assert_string_equal(text_excerpt("exactly 15 char", out, sizeof(out)),
			    "exactly 15 char");
}

/* For every size, an excerpt of s is a prefix of s cut at a character
 * boundary, ends in "...", fits and is valid UTF-8. */
static void check_excerpts(const char *s)
{
	for (size_t size = 8; size < strlen(s); size++) {
		char out[256];
		memset(out, 'Z', sizeof(out));
		text_excerpt(s, out, size);
		size_t n = strlen(out);
		assert_true(n < size);
		assert_true(n >= 3);
		assert_string_equal(out + n - 3, "...");
		assert_memory_equal(out, s, n - 3);
		if (!utf8_valid(out, n, NULL))
			fail_msg("excerpt of size %zu cuts a character: '%s'",
				 size, out);
		assert_int_equal(out[size], 'Z'); /* no write past size */
	}
}

static void excerpt_cuts_at_character_boundary(void **state)
{
	check_excerpts("abcdefghijklmnopqrstuvwxyz0123456789");
	check_excerpts("\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC"
		       "\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC");
	check_excerpts("a\xC2\xA3" "b\xF0\x9F\x98\x80" "cd\xC3\xA9\xC3\xA9"
		       "\xF0\x9F\x98\x80\xF0\x9F\x98\x80 tail text here");
	char out[8];
	text_excerpt("ab\xE2\x82\xAC\xE2\x82\xAC", out, sizeof(out));
	assert_string_equal(out, "ab...");
}

static void utf8_next_decodes_and_replaces(void **state)
{
	(void)state;
	const char *s = "T\xC5\xB7\xE2\x82\xAC\xF0\x9F\x98\x80";
	assert_int_equal(utf8_next(&s), 'T');
	assert_int_equal(utf8_next(&s), 0x177);
	assert_int_equal(utf8_next(&s), 0x20AC);
	assert_int_equal(utf8_next(&s), 0x1F600);
	assert_int_equal(*s, '\0');
	/* overlong, surrogate, cut short, stray continuation: U+FFFD, and
	 * only one byte is passed over */
	const char *bad[] = { "\xC0\x80", "\xED\xA0\x80", "\xE2\x82",
			      "\x80" };
	for (size_t i = 0; i < 4; i++) {
		const char *p = bad[i];
		assert_int_equal(utf8_next(&p), 0xFFFD);
		assert_ptr_equal(p, bad[i] + 1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(utf8_next_decodes_and_replaces),
		cmocka_unit_test(utf8_accepts_well_formed),
		cmocka_unit_test(utf8_refuses_overlongs),
		cmocka_unit_test(utf8_refuses_surrogates_and_beyond),
		cmocka_unit_test(utf8_refuses_broken_sequences),
		cmocka_unit_test(non_ascii_is_seen),
		cmocka_unit_test(scan_finds_line_ends),
		cmocka_unit_test(scan_agrees_with_bytes),
		cmocka_unit_test(trim_removes_invisible_ends),
		cmocka_unit_test(trim_keeps_inner_and_visible_text),
		cmocka_unit_test(ieq_and_lower),
		cmocka_unit_test(distance_counts_edits),
		cmocka_unit_test(distance_is_capped),
		cmocka_unit_test(stem_drops_folders_and_csv),
		cmocka_unit_test(parent_name_is_the_folder),
		cmocka_unit_test(excerpt_keeps_short_text),
		cmocka_unit_test(excerpt_cuts_at_character_boundary),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
