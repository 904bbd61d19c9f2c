/* Unit tests for model/value: answers read as a person would read them
 * (SPEC §3.2, §3.3), with their canonical text and refusal codes. */
#include "unit.h"

#include <math.h>

#include "model/value.h"

static struct metric metric_of(enum kind kind)
{
	struct metric m;
	memset(&m, 0, sizeof(m));
	m.id = (char *)"m";
	m.area = (char *)"a";
	m.label = (char *)"M";
	m.question = (char *)"?";
	m.kind = kind;
	m.parent = -1;
	return m;
}

/* A percent as the catalogue loads it: bounded to 0..100. */
static struct metric percent_metric(void)
{
	struct metric m = metric_of(KIND_PERCENT);
	m.has_min = m.has_max = true;
	m.min = 0;
	m.max = 100;
	return m;
}

static const char *status_name(enum value_status s)
{
	return s == VALUE_OK ? "ok" : s == VALUE_BLANK ? "blank" : "bad";
}

static enum value_status parse(const struct metric *m, const char *raw,
			       struct value *v, struct value_error *err)
{
	char buf[256];
	snprintf(buf, sizeof(buf), "%s", raw);
	memset(v, 0, sizeof(*v));
	err->code = "untouched";
	return value_parse(m, buf, v, err);
}

/* raw is accepted for m as canonical text want, whose double it holds. */
static void expect_ok(const struct metric *m, const char *raw,
		      const char *want)
{
	struct value v;
	struct value_error err;
	enum value_status s = parse(m, raw, &v, &err);
	if (s != VALUE_OK)
		fail_msg("%s '%s': %s (%s: %s), want '%s'", kind_name(m->kind),
			 raw, status_name(s), err.code, err.reason, want);
	if (strcmp(v.text, want) != 0)
		fail_msg("%s '%s' read as '%s', want '%s'", kind_name(m->kind),
			 raw, v.text, want);
	/* value.h: number is set for yes/no and for bounded metrics */
	if (m->kind == KIND_YESNO || m->has_min || m->has_max)
		assert_true(v.number == strtod(want, NULL));
}

/* raw is refused for m with code, and a reason for a person. */
static void expect_bad(const struct metric *m, const char *raw,
		       const char *code)
{
	struct value v;
	struct value_error err;
	enum value_status s = parse(m, raw, &v, &err);
	if (s != VALUE_BAD)
		fail_msg("%s '%s': %s ('%s'), want refused as %s",
			 kind_name(m->kind), raw, status_name(s), v.text, code);
	if (!err.code || strcmp(err.code, code) != 0)
		fail_msg("%s '%s' refused as %s (%s), want %s",
			 kind_name(m->kind), raw, err.code, err.reason, code);
	if (!err.reason[0])
		fail_msg("%s '%s' refused with no reason", kind_name(m->kind),
			 raw);
}

static void expect_blank(const struct metric *m, const char *raw)
{
	struct value v;
	struct value_error err;
	enum value_status s = parse(m, raw, &v, &err);
	if (s != VALUE_BLANK)
		fail_msg("%s '%s': %s (%s), want blank", kind_name(m->kind),
			 raw, status_name(s), s == VALUE_OK ? v.text : err.code);
}

struct ok_case { const char *raw, *want; };
struct bad_case { const char *raw, *code; };

static void expect_oks(const struct metric *m, const struct ok_case *c)
{
	for (; c->raw; c++)
		expect_ok(m, c->raw, c->want);
}

static void expect_bads(const struct metric *m, const struct bad_case *c)
{
	for (; c->raw; c++)
		expect_bad(m, c->raw, c->code);
}

#define NBSP "\xC2\xA0"
#define POUND "\xC2\xA3"

static void count_accepts_what_a_person_writes(void **state)
{
	static const struct ok_case cases[] = {
		{ "0", "0" }, { "42", "42" }, { "1,234", "1234" },
		{ "1,234,567", "1234567" }, { "12.0", "12" }, { "12.000", "12" },
		{ "007", "7" }, { " 42 ", "42" }, { NBSP "42" NBSP, "42" },
		{ "\t8\t", "8" }, { "+5", "5" }, { "-0", "0" },
		{ "123456789012345", "123456789012345" }, /* 15 digits */
		{ "000000000000000000001", "1" },
		{ NULL, NULL } };
	struct metric m = metric_of(KIND_COUNT);
	expect_oks(&m, cases);
}

static void count_refuses_what_is_not_a_count(void **state)
{
	static const struct bad_case cases[] = {
		{ "12.5", "not-whole" }, { "0.1", "not-whole" },
		{ "1,234.5", "not-whole" },
		{ "-3", "negative" }, { "(1,234)", "negative" },
		{ "(5)", "negative" }, { "- 3", "negative" },
		{ "1,23", "not-a-number" }, { "12,34,567", "not-a-number" },
		{ "1234,567", "not-a-number" }, { ",123", "not-a-number" },
		{ "1,,234", "not-a-number" }, { "1 234", "not-a-number" },
		{ "12%", "not-a-number" }, { POUND "5", "not-a-number" },
		{ "lots", "not-a-number" }, { "12 homes", "not-a-number" },
		{ "about 5", "not-a-number" }, { "1.2.3", "not-a-number" },
		{ ".", "not-a-number" }, { "-", "not-a-number" },
		{ NULL, NULL } };
	struct metric m = metric_of(KIND_COUNT);
	expect_bads(&m, cases);
}

static void number_is_shortest_exact_decimal(void **state)
{
	static const struct ok_case cases[] = {
		{ "12.50", "12.5" }, { "0.10", "0.1" }, { "-0", "0" },
		{ "-0.00", "0" }, { "+3", "3" }, { "-2.5", "-2.5" },
		{ ".5", "0.5" }, { "5.", "5" }, { "00012.3400", "12.34" },
		{ "1,234.50", "1234.5" }, { "0.000", "0" },
		{ "0.1234567890123", "0.1234567890123" },
		{ NBSP " 7.25 " NBSP, "7.25" },
		{ NULL, NULL } };
	struct metric m = metric_of(KIND_NUMBER);
	expect_oks(&m, cases);
	/* with bounds, the double is the value, not its text */
	m.has_max = true;
	m.max = 1000;
	struct value v;
	struct value_error err;
	assert_int_equal(parse(&m, "0.10", &v, &err), VALUE_OK);
	assert_true(fabs(v.number - 0.1) < 1e-12);
	assert_int_equal(parse(&m, "1,000", &v, &err), VALUE_OK);
	assert_true(v.number == 1000);
}

static void number_refuses_other_signs(void **state)
{
	static const struct bad_case cases[] = {
		{ "12%", "not-a-number" }, { POUND "5", "not-a-number" },
		{ "(2.5)", "negative" }, { "1.2.3", "not-a-number" },
		{ "--1", "not-a-number" }, { "1-", "not-a-number" },
		{ "twelve", "not-a-number" },
		{ NULL, NULL } };
	struct metric m = metric_of(KIND_NUMBER);
	expect_bads(&m, cases);
}

static void percent_takes_a_percent_sign(void **state)
{
	static const struct ok_case oks[] = {
		{ "85%", "85" }, { "85 %", "85" }, { "85" NBSP "%", "85" },
		{ "12.5%", "12.5" }, { "85", "85" }, { "0%", "0" },
		{ "100%", "100" }, { "100.0", "100" }, { " 33.30 % ", "33.3" },
		{ NULL, NULL } };
	static const struct bad_case bads[] = {
		{ "120", "out-of-range" }, { "120%", "out-of-range" },
		{ "100.01%", "out-of-range" }, { "-5%", "out-of-range" },
		{ POUND "5", "not-a-number" }, { "%", "not-a-number" },
		{ "85%%", "not-a-number" }, { "%85", "not-a-number" },
		{ NULL, NULL } };
	struct metric m = percent_metric();
	expect_oks(&m, oks);
	expect_bads(&m, bads);
}

static void money_takes_a_pound_sign(void **state)
{
	static const struct ok_case oks[] = {
		{ POUND "1,200", "1200" }, { POUND "12.10", "12.1" },
		{ "-" POUND "5", "-5" }, { POUND "-5", "-5" },
		{ POUND " 5", "5" }, { "1200", "1200" },
		{ " " POUND "9.99 ", "9.99" }, { POUND "0.50", "0.5" },
		{ NULL, NULL } };
	static const struct bad_case bads[] = {
		{ "12%", "not-a-number" }, { "5" POUND, "not-a-number" },
		{ POUND, "not-a-number" }, { POUND POUND "5", "not-a-number" },
		{ "$5", "not-a-number" }, { "(" POUND "5)", "negative" },
		{ NULL, NULL } };
	struct metric m = metric_of(KIND_MONEY);
	expect_oks(&m, oks);
	expect_bads(&m, bads);
}

static void yesno_in_any_case(void **state)
{
	static const struct ok_case oks[] = {
		{ "yes", "1" }, { "YES", "1" }, { "Yes", "1" }, { "y", "1" },
		{ "Y", "1" }, { "true", "1" }, { "TRUE", "1" }, { "1", "1" },
		{ "no", "0" }, { "NO", "0" }, { "No", "0" }, { "n", "0" },
		{ "N", "0" }, { "false", "0" }, { "False", "0" }, { "0", "0" },
		{ " yes" NBSP, "1" },
		{ NULL, NULL } };
	static const struct bad_case bads[] = {
		{ "maybe", "not-yes-no" }, { "2", "not-yes-no" },
		{ "yess", "not-yes-no" }, { "ye", "not-yes-no" },
		{ "1.0", "not-yes-no" }, { "yes no", "not-yes-no" },
		{ NULL, NULL } };
	struct metric m = metric_of(KIND_YESNO);
	expect_oks(&m, oks);
	expect_bads(&m, bads);
}

static const enum kind every_kind[] = { KIND_COUNT, KIND_NUMBER,
	KIND_PERCENT, KIND_MONEY, KIND_YESNO };

static void blanks_are_not_answered(void **state)
{
	static const char *const blanks[] = {
		"", " ", "   ", "\t", NBSP, NBSP " " NBSP, "\xE2\x80\xAF",
		"\xE2\x80\x8B", "N/A", "n/a", "N/a", "NA", "na", "Na",
		" N/A ", NBSP "n/a" NBSP, NULL };
	for (size_t k = 0; k < sizeof(every_kind) / sizeof(*every_kind); k++) {
		struct metric m = metric_of(every_kind[k]);
		for (const char *const *b = blanks; *b; b++)
			expect_blank(&m, *b);
	}
}

static void spreadsheet_errors_are_named(void **state)
{
	static const char *const errors[] = {
		"#DIV/0!", "#N/A", "#REF!", "#VALUE!", "#NAME?", "#NUM!",
		"#NULL!", "#SPILL!", "#CALC!", "#div/0!", " #VALUE! ", NULL };
	for (size_t k = 0; k < sizeof(every_kind) / sizeof(*every_kind); k++) {
		struct metric m = metric_of(every_kind[k]);
		for (const char *const *e = errors; *e; e++)
			expect_bad(&m, *e, "spreadsheet-error");
	}
}

static void strange_numbers_are_refused_safely(void **state)
{
	static const char *const strange[] = {
		"nan", "NaN", "inf", "-inf", "Infinity", "0x1A", "0X1a",
		"1e309", "1e3", "1E5", "-1e-400", "1e", "e5", "\xD9\xA1\xD9\xA2" /* Arabic-Indic 12 */,
		"\xEF\xBC\x91\xEF\xBC\x92" /* fullwidth 12 */, NULL };
	for (size_t k = 0; k < 4; k++) { /* every numeric kind */
		struct metric m = metric_of(every_kind[k]);
		for (const char *const *s = strange; *s; s++)
			expect_bad(&m, *s, "not-a-number");
	}
}

static void too_many_digits_are_out_of_range(void **state)
{
	static const char *const longs[] = {
		"1234567890123456", /* 16 digits */
		"1,234,567,890,123,456",
		"99999999999999999999",
		"0.1234567890123456", /* 16 decimals */
		NULL };
	for (size_t k = 1; k < 4; k++) { /* number, percent, money */
		struct metric m = metric_of(every_kind[k]);
		for (const char *const *s = longs; *s; s++)
			expect_bad(&m, *s, "out-of-range");
	}
	struct metric count = metric_of(KIND_COUNT);
	expect_bad(&count, "1234567890123456", "out-of-range");
	expect_bad(&count, "99999999999999999999", "out-of-range");
}

/* However long, a whole number is refused for its length: saying that
 * 30 digits are "not a whole number" would mislead the person fixing it
 * (SPEC §4.2: a message a non-technical person understands). */
static void very_long_numbers_are_out_of_range(void **state)
{
	const char *huge = "123456789012345678901234567890";
	for (size_t k = 0; k < 4; k++) {
		struct metric m = metric_of(every_kind[k]);
		expect_bad(&m, huge, "out-of-range");
	}
}

static void bounds_are_inclusive(void **state)
{
	struct metric m = metric_of(KIND_NUMBER);
	m.has_min = m.has_max = true;
	m.min = 0;
	m.max = 365;
	expect_ok(&m, "0", "0");
	expect_ok(&m, "365", "365");
	expect_ok(&m, "180.5", "180.5");
	expect_bad(&m, "365.5", "out-of-range");
	expect_bad(&m, "-0.5", "out-of-range");
	expect_bad(&m, "1,000", "out-of-range");

	struct value v;
	struct value_error err;
	assert_int_equal(parse(&m, "400", &v, &err), VALUE_BAD);
	assert_non_null(strstr(err.reason, "365"));
}

static void one_sided_bounds(void **state)
{
	struct metric lo = metric_of(KIND_MONEY);
	lo.has_min = true;
	lo.min = 10;
	expect_ok(&lo, POUND "1,000,000", "1000000");
	expect_ok(&lo, POUND "10", "10");
	expect_bad(&lo, POUND "9.99", "out-of-range");

	struct metric hi = metric_of(KIND_COUNT);
	hi.has_max = true;
	hi.max = 10;
	expect_ok(&hi, "10", "10");
	expect_ok(&hi, "0", "0");
	expect_bad(&hi, "11", "out-of-range");
}

/* value_plain against the general reading, which "+" in front of a
 * number leads to: what one takes, the other takes the same way. */
static void check_plain(const struct metric *m, const char *p)
{
	struct value got, want;
	struct value_error err;
	char signed_p[64];
	snprintf(signed_p, sizeof(signed_p), "+%s", p);
	memset(&got, 0, sizeof(got));
	bool plain = value_plain(m, p, &got);
	enum value_status ref = parse(m, signed_p, &want, &err);
	if (plain && ref != VALUE_OK)
		fail_msg("%s '%s': plain took it as '%s', but it is %s (%s)",
			 kind_name(m->kind), p, got.text, status_name(ref),
			 err.code);
	/* what plain should take: digits first, with "£" before them on
	 * money, "%" after them on a percentage */
	char core[64];
	snprintf(core, sizeof(core), "%s",
		 m->kind == KIND_MONEY && !strncmp(p, POUND, 2) ? p + 2 : p);
	size_t n = strlen(core);
	if (m->kind == KIND_PERCENT && n && core[n - 1] == '%')
		core[n - 1] = '\0';
	if (!plain && ref == VALUE_OK && core[0] >= '0' && core[0] <= '9' &&
	    !core[strspn(core, "0123456789,.")])
		fail_msg("%s '%s': plain refused what reads as '%s'",
			 kind_name(m->kind), p, want.text);
	if (plain && strcmp(got.text, want.text))
		fail_msg("%s '%s': plain '%s', general '%s'",
			 kind_name(m->kind), p, got.text, want.text);
	if (plain && (m->has_min || m->has_max) && got.number != want.number)
		fail_msg("%s '%s': plain %g, general %g", kind_name(m->kind), p,
			 got.number, want.number);
}

/* p, and p as money and as a percentage are written */
static void check_plain_ways(const struct metric *m, const char *p)
{
	char q[64];
	check_plain(m, p);
	snprintf(q, sizeof(q), POUND "%s", p);
	check_plain(m, q);
	snprintf(q, sizeof(q), "%s%%", p);
	check_plain(m, q);
}

static void plain_numbers_read_as_in_general(void **state)
{
	struct metric ms[7] = { metric_of(KIND_COUNT), metric_of(KIND_NUMBER),
				percent_metric(), metric_of(KIND_MONEY),
				metric_of(KIND_NUMBER), metric_of(KIND_COUNT),
				metric_of(KIND_MONEY) };
	/* bounds so wide that every double is compared */
	ms[6].has_min = ms[6].has_max = true;
	ms[6].min = -1;
	ms[6].max = 1e30;
	ms[4].has_min = ms[4].has_max = true;
	ms[4].min = 0.5;
	ms[4].max = 70.25;
	ms[5].has_max = true;
	ms[5].max = 7000;
	/* every string of up to 8 of these, then long ones */
	static const char alphabet[] = "07,.";
	char p[64];
	for (size_t len = 1; len <= 8; len++) {
		size_t total = 1;
		for (size_t i = 0; i < len; i++)
			total *= 4;
		for (size_t k = 0; k < total; k++) {
			size_t x = k;
			for (size_t i = 0; i < len; i++, x /= 4)
				p[i] = alphabet[x % 4];
			p[len] = '\0';
			for (size_t i = 0; i < 7; i++)
				check_plain_ways(&ms[i], p);
		}
	}
	for (size_t len = 12; len <= 26; len++) {
		for (int kind = 0; kind < 4; kind++) {
			memset(p, kind & 1 ? '0' : '9', len);
			p[len] = '\0';
			if (kind >= 2)
				p[1] = '.';  /* long fractions */
			for (size_t i = 0; i < 7; i++)
				check_plain(&ms[i], p);
		}
	}
	static const char *const more[] = { "1,234,567", "12,34", "1,2345",
		"0,123", "00,123", "1,234.50", "007", "7.", "70.250", "0.5",
		"0.49", "70.2500001", "6,999", "7,000", "7,001", "1 ", "1e3",
		POUND " 12", "12 %", "12%%", POUND POUND "1", "0.1", "0.3",
		"70.25", "70.250000000000001", "1234567.89012345", NULL };
	for (const char *const *q = more; *q; q++)
		for (size_t i = 0; i < 7; i++)
			check_plain_ways(&ms[i], *q);
}

static void plain_yes_and_no(void **state)
{
	struct metric m = metric_of(KIND_YESNO);
	struct value v;
	assert_true(value_plain(&m, "yes", &v));
	assert_string_equal(v.text, "1");
	assert_true(v.number == 1);
	assert_true(value_plain(&m, "no", &v));
	assert_string_equal(v.text, "0");
	assert_true(v.number == 0);
	/* the rest are value_parse's to read */
	assert_false(value_plain(&m, "Yes", &v));
	assert_false(value_plain(&m, "y", &v));
	assert_false(value_plain(&m, "1", &v));
	assert_false(value_plain(&m, "no ", &v));
	struct metric c = metric_of(KIND_COUNT);
	assert_false(value_plain(&c, "yes", &v));
}

static void raw_text_is_trimmed_in_place(void **state)
{
	struct metric m = metric_of(KIND_COUNT);
	char raw[] = NBSP " 12 " NBSP;
	struct value v;
	struct value_error err;
	assert_int_equal(value_parse(&m, raw, &v, &err), VALUE_OK);
	assert_string_equal(v.text, "12");
	assert_string_equal(raw, "12");
}

static void decimal_canon_for_bounds(void **state)
{
	char out[VALUE_TEXT];
	assert_int_equal(decimal_canon("12.50", out), 0);
	assert_string_equal(out, "12.5");
	assert_int_equal(decimal_canon("-0", out), 0);
	assert_string_equal(out, "0");
	assert_int_equal(decimal_canon("+007", out), 0);
	assert_string_equal(out, "7");
	assert_int_equal(decimal_canon("-3.250", out), 0);
	assert_string_equal(out, "-3.25");
	assert_int_equal(decimal_canon("", out), -1);
	assert_int_equal(decimal_canon("1,000", out), -1);
	assert_int_equal(decimal_canon("abc", out), -1);
	assert_int_equal(decimal_canon("5%", out), -1);
	assert_int_equal(decimal_canon("1e3", out), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(count_accepts_what_a_person_writes),
		cmocka_unit_test(count_refuses_what_is_not_a_count),
		cmocka_unit_test(number_is_shortest_exact_decimal),
		cmocka_unit_test(number_refuses_other_signs),
		cmocka_unit_test(percent_takes_a_percent_sign),
		cmocka_unit_test(money_takes_a_pound_sign),
		cmocka_unit_test(yesno_in_any_case),
		cmocka_unit_test(blanks_are_not_answered),
		cmocka_unit_test(spreadsheet_errors_are_named),
		cmocka_unit_test(strange_numbers_are_refused_safely),
		cmocka_unit_test(too_many_digits_are_out_of_range),
		cmocka_unit_test(very_long_numbers_are_out_of_range),
		cmocka_unit_test(bounds_are_inclusive),
		cmocka_unit_test(one_sided_bounds),
		cmocka_unit_test(plain_numbers_read_as_in_general),
		cmocka_unit_test(plain_yes_and_no),
		cmocka_unit_test(raw_text_is_trimmed_in_place),
		cmocka_unit_test(decimal_canon_for_bounds),
	};
	return cmocka_run_group_tests_name("value", tests, NULL, NULL);
}
