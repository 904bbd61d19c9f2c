#include "answer.h"
#include "../base/text.h"
#include "query.h"
#include "value.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether value and note look like one number ("1,234") that was split
 * in two by a comma outside quotes. */
static int split_number(const char *value, const char *note)
{
	size_t n = strspn(value, "0123456789");
	if (n < 1 || n > 3 || value[n] || strspn(note, "0123456789") != 3)
		return 0;
	return note[strspn(note, "0123456789,.%")] == '\0';
}

/* Whether raw has exactly one comma, which in a ';' file may as well be
 * a decimal comma as a thousands separator. */
static int ambiguous_comma(const char *raw)
{
	const char *c = strchr(raw, ',');
	return c && !strchr(c + 1, ',');
}

/* The two readings of a value with one comma: without it ("2125") and
 * with a decimal point for it ("2.125"). */
static void comma_readings(const char *s, char whole[80], char decimal[80])
{
	size_t w = 0, d = 0;
	for (; *s && w < 79; s++) {
		if (*s != ',')
			whole[w++] = *s;
		decimal[d++] = *s == ',' ? '.' : *s;
	}
	whole[w] = decimal[d] = '\0';
}

/* Whether the one comma of raw has three digits after it and nothing
 * more, as a thousands separator has ("1,234"). */
static int thousands_comma(const char *raw)
{
	const char *c = strchr(raw, ',');
	size_t n = strspn(c + 1, "0123456789");
	return n == 3 && !c[1 + n];
}

/* In a file separated by ';', the locales that write it mean a single
 * comma as a decimal point ("38,5"), and "." before it as thousands
 * separators ("1.234,5"): raw is rewritten as "38.5" and "1234.5". */
static void decimal_comma(char *raw)
{
	char *c = strchr(raw, ','), *o = raw;
	int grouped = 1; /* every '.' before the comma has 3 digits after */
	for (char *p = raw; p < c; p++)
		if (*p == '.')
			grouped &= strspn(p + 1, "0123456789") == 3 &&
				    (p[4] == '.' || p + 4 == c);
	for (char *p = raw; *p; p++) {
		if (p < c && *p == '.' && grouped)
			continue;
		*o++ = p == c ? '.' : *p;
	}
	*o = '\0';
}

/* Queries a percent written as a fraction (0.87 for 87%). */
static void fraction_query(const struct answer_sink *s, struct ret *r,
			   const struct metric *metric, const char *raw,
			   const struct value *v, const char *note, long line)
{
	double x = strtod(v->text, NULL);
	if (!query_fraction(metric->kind, raw, x))
		return;
	query_add(s->d, s->file, line, s->roster->orgs[r->org].id,
		  metric->id, "percent-fraction", "percent-fraction-explained",
		  note,
		  "value %s for %s is a percentage between 0 and 1: if %.15g%% "
		  "is meant, write %.15g (percentages are out of 100)",
		  v->text, metric->id, x * 100, x * 100);
}

/* Line breaks in free text become LF, whatever the file used. */
static void unify_newlines(char *s)
{
	char *o = s;
	for (; *s; s++) {
		if (*s == '\r') {
			*o++ = '\n';
			if (s[1] == '\n')
				s++;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
}

void answer_add(const struct answer_sink *s, struct ret *r, int m, char *raw,
		       char *note, long line)
{
	const struct metric *metric = &s->cat->metrics[m];
	struct value v;
	/* most answers: plainly written, with no note and no doubt about
	 * what a comma is */
	if (!note[0] && s->delim != ';' && value_plain(metric, raw, &v)) {
		if (metric->kind == KIND_PERCENT && v.text[0] == '0')
			fraction_query(s, r, metric, raw, &v, note, line);
		ret_add(s->batch, r, m, line, v.text, note);
		return;
	}
	const char *org = s->roster->orgs[r->org].id;
	struct value_error err;
	/* Reading may change raw; keep what was written for messages. */
	char orig[81], shown[80];
	snprintf(orig, sizeof(orig), "%.80s", raw);
	if (strchr(note, '\r'))
		unify_newlines(note);
	if (s->delim == ';' && ambiguous_comma(raw) &&
	    !(metric->kind == KIND_COUNT && thousands_comma(raw))) {
		decimal_comma(raw);
	} else if (s->delim == ';' && ambiguous_comma(raw)) {
		char whole[80], decimal[80];
		text_excerpt(orig, shown, sizeof(shown));
		comma_readings(shown, whole, decimal);
		diag_add(s->d, SEV_ERROR, s->file, line, org, metric->id,
			 "ambiguous-comma",
			 "value '%s' for %s has a comma, which in a file "
			 "separated by ';' may be a decimal comma; write %s or "
			 "%s, whichever is meant", shown, metric->id, whole,
			 decimal);
		ret_add(s->batch, r, m, line, NULL, note);
		return;
	}
	/* a split number leaves digits in the note column: most rows have
	 * no note, and need not be looked at twice */
	if (note[0] && split_number(text_trim(raw), text_trim(note))) {
		diag_add(s->d, SEV_ERROR, s->file, line, org, metric->id,
			 "split-number",
			 "value '%s' for %s is followed by '%s' in the next "
			 "column: if the number is %s,%s it must be in quotes",
			 raw, metric->id, note, raw, note);
		ret_add(s->batch, r, m, line, NULL, note);
		return;
	}
	switch (value_parse(metric, raw, &v, &err)) {
	case VALUE_BLANK:
		return;
	case VALUE_OK:
		fraction_query(s, r, metric, orig, &v, note, line);
		ret_add(s->batch, r, m, line, v.text, note);
		return;
	case VALUE_BAD:
		text_excerpt(orig, shown, sizeof(shown));
		diag_add(s->d, SEV_ERROR, s->file, line, org, metric->id,
			 err.code,
			 "value '%s' for %s %s", shown, metric->id, err.reason);
		ret_add(s->batch, r, m, line, NULL, note);
		return;
	}
}
