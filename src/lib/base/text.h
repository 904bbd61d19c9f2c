/* text: small UTF-8 string helpers shared by the readers. */
#ifndef PLEDGE_TEXT_H
#define PLEDGE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF). On false, *bad (if not NULL) is the offset of
 * the first byte that does not fit. */
bool utf8_valid(const char *s, size_t len, size_t *bad);

/* Decodes the UTF-8 character at *s and moves *s past it. A byte that
 * does not start a well-formed character (bad, overlong, a surrogate,
 * beyond U+10FFFF) gives U+FFFD and moves on by one. *s must not be at
 * the terminating NUL. */
unsigned long utf8_next(const char **s);

/* What a CSV reader needs to know of a line before parsing it. */
struct line_facts {
	size_t quotes;   /* '"' characters */
	bool nul;        /* a NUL byte */
	bool non_ascii;  /* a byte of 0x80 or above */
};

/* Finds the end of the line that starts at s, within s[0..len): the
 * length through its ending (LF, CRLF or a lone CR), or 0 when the
 * bytes end before one is sure (no ending yet, or a CR at the very end,
 * which a LF may follow). *f describes the line up to its ending; when
 * 0 is returned, what it holds is undefined. One pass over the bytes, in
 * place of a search for each character. */
size_t line_scan(const char *s, size_t len, struct line_facts *f);

/* Describes all of s[0..len), whatever line endings it holds. */
void line_describe(const char *s, size_t len, struct line_facts *f);

/* Trims, in place, what a person would not see at either end of s:
 * ASCII spaces and tabs, no-break spaces (U+00A0, U+202F, U+2007),
 * zero-width characters (U+200B..U+200D, U+2060) and byte-order marks
 * (U+FEFF). Returns s, which now starts and ends at visible text. */
char *text_trim(char *s);

/* ASCII case-insensitive equality. */
bool text_ieq(const char *a, const char *b);

/* Lower-cases ASCII letters of s in place; returns s. */
char *text_lower(char *s);

/* Edit distance (insert, delete, substitute, swap of neighbours), capped:
 * any distance above cap is returned as cap + 1. */
size_t text_distance(const char *a, const char *b, size_t cap);

/* The last path component of path, and its length without a final
 * ".csv" (any case). Points into path. */
const char *path_stem(const char *path, size_t *len);

/* The name of the folder that holds path ("2026-Q3" for
 * "input/2026-Q3/a.csv"), in new memory, or NULL when path has none. */
char *path_parent_name(const char *path);

/* Copies s into out (of size bytes, at least 8), trimmed; when it does
 * not fit, cut at a character boundary and ended with "...". */
char *text_excerpt(const char *s, char *out, size_t size);

#endif
