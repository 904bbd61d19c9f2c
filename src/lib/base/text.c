#include "text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

bool utf8_valid(const char *str, size_t len, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t n;
		unsigned lo = 0x80, hi = 0xBF;
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2;
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;
		} else {
			goto invalid;
		}
		if (n >= len - i)
			goto invalid;
		if (s[i + 1] < lo || s[i + 1] > hi)
			goto invalid;
		for (size_t k = 2; k <= n; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xBF)
				goto invalid;
		i += n + 1;
	}
	return true;
invalid:
	if (bad)
		*bad = i;
	return false;
}

unsigned long utf8_next(const char **s)
{
	const unsigned char *q = (const unsigned char *)*s;
	unsigned long c = q[0];
	int n = c < 0x80 ? 0 : c >= 0xC2 && c < 0xE0 ? 1
		: c >= 0xE0 && c < 0xF0 ? 2 : c >= 0xF0 && c < 0xF5 ? 3 : -1;
	*s += 1;
	if (n <= 0)
		return n ? 0xFFFD : c;
	c &= 0x3F >> n;
	for (int i = 1; i <= n; i++) {
		if ((q[i] & 0xC0) != 0x80)
			return 0xFFFD;
		c = (c << 6) | (q[i] & 0x3F);
	}
	static const unsigned long least[] = { 0, 0x80, 0x800, 0x10000 };
	if (c < least[n] || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return 0xFFFD;
	*s += n;
	return c;
}

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Adds what s[0..n) holds to *f; with eol, stops at the first CR or LF
 * and returns its offset (n when there is none). */
static size_t scan(const unsigned char *s, size_t n, int eol,
		   struct line_facts *f)
{
	size_t i = 0, quotes = 0;
	unsigned nul = 0, high = 0;
#ifdef __SSE2__
	/* sixteen bytes at a time: every line of every file passes here,
	 * and most blocks of it hold none of what is looked for */
	const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
		      qt = _mm_set1_epi8('"'), zero = _mm_setzero_si128();
	const __m128i ends = eol ? _mm_set1_epi8(-1) : zero;
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		__m128i e = _mm_and_si128(ends, _mm_or_si128(
				_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
		__m128i q = _mm_cmpeq_epi8(v, qt), z = _mm_cmpeq_epi8(v, zero);
		__m128i any = _mm_or_si128(_mm_or_si128(e, q),
					   _mm_or_si128(z, v));
		if (!_mm_movemask_epi8(any))
			continue;
		unsigned em = (unsigned)_mm_movemask_epi8(e);
		unsigned before = em ? (em & -em) - 1 : 0xFFFF;
		unsigned qm = (unsigned)_mm_movemask_epi8(q) & before;
		for (; qm; qm &= qm - 1)
			quotes++;
		nul |= (unsigned)_mm_movemask_epi8(z) & before;
		high |= (unsigned)_mm_movemask_epi8(v) & before;
		if (em) {
			i += (size_t)__builtin_ctz(em);
			goto done;
		}
	}
#endif
	for (; i < n; i++) {
		unsigned char c = s[i];
		if (eol && (c == '\n' || c == '\r'))
			break;
		quotes += c == '"';
		nul |= c == '\0';
		high |= c >= 0x80;
	}
#ifdef __SSE2__
done:
#endif
	f->quotes += quotes;
	f->nul |= nul != 0;
	f->non_ascii |= high != 0;
	return i;
}

size_t line_scan(const char *str, size_t len, struct line_facts *f)
{
	const unsigned char *s = (const unsigned char *)str;
	*f = (struct line_facts){ 0 };
	size_t i = scan(s, len, 1, f);
	if (i == len)
		return 0;
	if (s[i] == '\n')
		return i + 1;
	if (i + 1 == len)
		return 0;
	return i + 1 + (s[i + 1] == '\n');
}

void line_describe(const char *s, size_t len, struct line_facts *f)
{
	*f = (struct line_facts){ 0 };
	scan((const unsigned char *)s, len, 0, f);
}

/* Length of an invisible character at s (0 when there is none). */
static size_t invisible_at(const unsigned char *s)
{
	if (s[0] == ' ' || s[0] == '\t')
		return 1;
	if (s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (s[0] == 0xE2 && s[1] == 0x80 &&
	    (s[2] == 0xAF || s[2] == 0x87 || (s[2] >= 0x8B && s[2] <= 0x8D)))
		return 3;
	if (s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0xA0)
		return 3;
	if (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return 3;
	return 0;
}

static int plain(unsigned char c)
{
	return c > ' ' && c < 0x80;
}

char *text_trim(char *str)
{
	unsigned char *s = (unsigned char *)str;
	if (!*s)
		return str;
	if (plain(s[0])) {
		size_t n = strlen(str);
		if (plain(s[n - 1]))
			return str;
	}
	size_t n;
	while (*s && (n = invisible_at(s)) > 0)
		s += n;
	size_t len = strlen((char *)s);
	for (;;) {
		size_t cut = 0;
		for (size_t k = 1; k <= 3 && k <= len; k++)
			if (invisible_at(s + len - k) == k) {
				cut = k;
				break;
			}
		if (!cut)
			break;
		len -= cut;
	}
	memmove(str, s, len);
	str[len] = '\0';
	return str;
}

static int lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

bool text_ieq(const char *a, const char *b)
{
	while (*a && lower((unsigned char)*a) == lower((unsigned char)*b)) {
		a++;
		b++;
	}
	return *a == *b;
}

char *text_lower(char *s)
{
	for (char *p = s; *p; p++)
		*p = (char)lower((unsigned char)*p);
	return s;
}

size_t text_distance(const char *a, const char *b, size_t cap)
{
	size_t la = strlen(a), lb = strlen(b);
	if ((la > lb ? la - lb : lb - la) > cap || la > 256 || lb > 256)
		return cap + 1;
	size_t *prev2 = xcalloc(lb + 1, sizeof(size_t));
	size_t *prev = xcalloc(lb + 1, sizeof(size_t));
	size_t *cur = xcalloc(lb + 1, sizeof(size_t));
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = lower((unsigned char)a[i - 1]) !=
				      lower((unsigned char)b[j - 1]);
			size_t d = prev[j - 1] + cost;
			if (prev[j] + 1 < d)
				d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < d)
				d = prev2[j - 2] + 1;
			cur[j] = d;
		}
		size_t *t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	size_t d = prev[lb];
	free(prev2);
	free(prev);
	free(cur);
	return d > cap ? cap + 1 : d;
}

const char *path_stem(const char *path, size_t *len)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 4 && text_ieq(base + n - 4, ".csv"))
		n -= 4;
	*len = n;
	return base;
}

char *path_parent_name(const char *path)
{
	const char *end = strrchr(path, '/');
	if (!end)
		return NULL;
	while (end > path && end[-1] == '/')
		end--;
	const char *start = end;
	while (start > path && start[-1] != '/')
		start--;
	if (start == end)
		return NULL;
	return xstrndup(start, (size_t)(end - start));
}

char *text_excerpt(const char *s, char *out, size_t size)
{
	size_t n = strlen(s);
	if (n < size) {
		memcpy(out, s, n + 1);
		return text_trim(out);
	}
	n = size - 4;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	memcpy(out, s, n);
	memcpy(out + n, "...", 4);
	return out;
}
