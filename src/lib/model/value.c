#include "value.h"
#include "../base/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const blank_words[] = { "n/a", "na", NULL };
static const char *const yes_words[] = { "yes", "y", "true", "1", NULL };
static const char *const no_words[] = { "no", "n", "false", "0", NULL };

static int in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (text_ieq(s, *list))
			return 1;
	return 0;
}

/* Whether s reads as a number in scientific notation ("1.5E+03"). */
static int scientific(const char *s)
{
	size_t n = strspn(s, "0123456789.");
	if (!n || (s[n] != 'e' && s[n] != 'E'))
		return 0;
	s += n + 1;
	if (*s == '+' || *s == '-')
		s++;
	n = strspn(s, "0123456789");
	return n > 0 && s[n] == '\0';
}

#define BAD(err, c, ...)                                                    \
	do {                                                                \
		(err)->code = (c);                                          \
		snprintf((err)->reason, sizeof((err)->reason), __VA_ARGS__); \
		return VALUE_BAD;                                           \
	} while (0)

static int strip_prefix(char **s, const char *prefix)
{
	size_t n = strlen(prefix);
	if (strncmp(*s, prefix, n) != 0)
		return 0;
	*s = text_trim(*s + n);
	return 1;
}

static int strip_suffix(char *s, char c)
{
	size_t n = strlen(s);
	if (!n || s[n - 1] != c)
		return 0;
	s[n - 1] = '\0';
	text_trim(s);
	return 1;
}

static enum value_status check_bounds(const struct metric *m,
				      struct value *out,
				      struct value_error *err)
{
	if (!m->has_min && !m->has_max)
		return VALUE_OK;
	out->number = strtod(out->text, NULL);
	if (m->has_min && out->number < m->min)
		BAD(err, "out-of-range",
		    "is below the smallest allowed value, %g", m->min);
	if (m->has_max && out->number > m->max)
		BAD(err, "out-of-range",
		    "is above the largest allowed value, %g", m->max);
	return VALUE_OK;
}

/* The digits of s (a sign, "£", "%" and brackets already taken off and
 * given as flags) read as an answer to m. */
static enum value_status read_digits(const struct metric *m, const char *s,
				     int neg, int brackets, int pound,
				     int percent, struct value *out,
				     struct value_error *err)
{
	char ip[DECIMAL_ROOM], fp[DECIMAL_ROOM];
	size_t ilen, flen;
	int split = decimal_split(s, ip, &ilen, fp, &flen);
	if (split < 0) {
		if (scientific(s))
			BAD(err, "not-a-number",
			    "is in scientific notation; write the number out "
			    "in full");
		BAD(err, "not-a-number", "is not %s",
		    m->kind == KIND_COUNT ? "a whole number" : "a number");
	}
	int whole;
	if (split > 0 ||
	    decimal_join(neg || brackets, ip, ilen, fp, flen, out->text, &whole) < 0)
		BAD(err, "out-of-range", "has more than %d digits",
		    DECIMAL_DIGITS);
	if (pound && m->kind != KIND_MONEY)
		BAD(err, "not-a-number",
		    "has a £ sign, but %s is not an amount of money", m->id);
	if (percent && m->kind != KIND_PERCENT)
		BAD(err, "not-a-number",
		    "has a %% sign, but %s is not a percentage", m->id);
	if (brackets)
		BAD(err, "negative",
		    "is in brackets, which spreadsheets use for a negative "
		    "number");
	if (m->kind == KIND_COUNT) {
		if (out->text[0] == '-')
			BAD(err, "negative",
			    "is negative, but it counts things");
		if (!whole)
			BAD(err, "not-whole", "is not a whole number");
	}
	return check_bounds(m, out, err);
}

static enum value_status parse_number(const struct metric *m, char *s,
				      struct value *out,
				      struct value_error *err)
{
	int neg = 0, brackets = 0, pound = 0, percent;
	size_t n = strlen(s);
	if (n >= 2 && s[0] == '(' && s[n - 1] == ')') {
		s[n - 1] = '\0';
		s = text_trim(s + 1);
		brackets = 1;
	}
	if (*s == '-' || *s == '+') {
		neg = *s == '-';
		s = text_trim(s + 1);
	}
	pound = strip_prefix(&s, "\xC2\xA3");
	if (pound && !neg && (*s == '-' || *s == '+')) {
		neg = *s == '-';
		s = text_trim(s + 1);
	}
	percent = strip_suffix(s, '%');
	return read_digits(m, s, neg, brackets, pound, percent, out, err);
}

static int spreadsheet_error(const char *s)
{
	static const char *const codes[] = {
		"#DIV/0!", "#N/A", "#REF!", "#VALUE!", "#NAME?", "#NUM!",
		"#NULL!", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!",
		"#CONNECT!", "#BUSY!", "#UNKNOWN!", "#GETTING_DATA", "#ERROR!",
		NULL };
	return s[0] == '#' && in_list(s, codes);
}

/* A plain "yes" or "no", as 1 or 0. */
static bool plain_yesno(const char *raw, struct value *out)
{
	int yes = !strcmp(raw, "yes");
	if (!yes && strcmp(raw, "no"))
		return false;
	out->text[0] = yes ? '1' : '0';
	out->text[1] = '\0';
	out->number = yes;
	return true;
}

/* The digits after the point at **s (the '.'), less trailing zeros,
 * onto *o and into *all; false when there are too many. */
static bool plain_fraction(const char **sp, char **op, uint64_t *all,
			   size_t digits, size_t *fdigits)
{
	const char *s = *sp;
	char *o = *op;
	const char *f = ++s;
	while (decimal_is_digit(*s))
		s++;
	const char *last = s;
	while (last > f && last[-1] == '0')
		last--;
	*fdigits = (size_t)(last - f);
	if (s - f > DECIMAL_DIGITS + 8 || *fdigits > DECIMAL_DIGITS)
		return false;
	if (*fdigits) {
		*o++ = '.';
		for (; f < last; f++) {
			*o++ = *f;
			if (digits + *fdigits <= DECIMAL_DIGITS)
				*all = *all * 10 + (uint64_t)(*f - '0');
		}
	}
	*sp = s;
	*op = o;
	return true;
}

/* The plain value's number, and whether it is within the metric's
 * bounds. Up to 15 significant digits are exact in a double, as is a
 * power of ten up to 1e22, and a division is rounded as strtod rounds:
 * so the quotient is strtod's double. */
static bool plain_in_bounds(const struct metric *m, struct value *out,
			    uint64_t all, size_t digits, size_t fdigits)
{
	static const double tens[DECIMAL_DIGITS + 1] = { 1e0, 1e1, 1e2, 1e3, 1e4,
		1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
	if (digits + fdigits <= DECIMAL_DIGITS)
		out->number = (double)all / tens[fdigits];
	else
		out->number = strtod(out->text, NULL);
	return !(m->has_min && out->number < m->min) &&
	       !(m->has_max && out->number > m->max);
}

bool value_plain(const struct metric *m, const char *raw, struct value *out)
{
	if (m->kind == KIND_YESNO)
		return plain_yesno(raw, out);
	/* decimal_split and decimal_join in one pass, for what they take as it
	 * stands; with the "£" or "%" a spreadsheet adds to money and to
	 * percentages */
	const char *s = raw;
	if (m->kind == KIND_MONEY && s[0] == '\xC2' && s[1] == '\xA3')
		s += 2;
	if (!decimal_is_digit(*s))
		return false;
	char *o = out->text;
	size_t in = 0, digits = 0, group = 0, fdigits = 0;
	int commas = 0;
	uint64_t all = 0;  /* the significant digits, as one number */
	for (; decimal_is_digit(*s) || *s == ','; s++) {
		if (*s == ',') {
			if ((commas && group != 3) || (!commas && group > 3))
				return false;
			commas = 1;
			group = 0;
			continue;
		}
		in++;
		group++;
		if (*s == '0' && !digits)
			continue;  /* a leading zero */
		if (++digits > DECIMAL_DIGITS)
			return false;
		all = all * 10 + (uint64_t)(*s - '0');
		*o++ = *s;
	}
	if (in > DECIMAL_DIGITS + 8)
		return false;
	if (commas && group != 3)
		return false;
	if (!digits)
		*o++ = '0';
	if (*s == '.' && !plain_fraction(&s, &o, &all, digits, &fdigits))
		return false;
	if (m->kind == KIND_PERCENT && *s == '%')
		s++;
	if (*s)
		return false;
	*o = '\0';
	if (m->kind == KIND_COUNT && fdigits)
		return false;
	if (!m->has_min && !m->has_max)
		return true;
	return plain_in_bounds(m, out, all, digits, fdigits);
}

enum value_status value_parse(const struct metric *m, char *raw,
			      struct value *out, struct value_error *err)
{
	char *s = text_trim(raw);
	err->code = NULL;
	err->reason[0] = '\0';
	if (!*s || ((*s == 'n' || *s == 'N') && in_list(s, blank_words)))
		return VALUE_BLANK;
	if (*s == '#' && spreadsheet_error(s))
		BAD(err, "spreadsheet-error",
		    "is a spreadsheet error, not a value; fix the formula in "
		    "the spreadsheet or leave the cell empty");
	/* Most answers are plainly written ("1,234", "30.5", "yes"). */
	if (value_plain(m, s, out))
		return VALUE_OK;
	if (m->kind == KIND_YESNO) {
		if (in_list(s, yes_words) || in_list(s, no_words)) {
			strcpy(out->text, in_list(s, yes_words) ? "1" : "0");
			out->number = out->text[0] == '1';
			return VALUE_OK;
		}
		BAD(err, "not-yes-no", "is not yes or no");
	}
	return parse_number(m, s, out, err);
}
