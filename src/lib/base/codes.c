#include "codes.h"

#include <stdlib.h>
#include <string.h>

#define W CODE_WARNING
#define E CODE_ERROR

/* Sorted by code (test_codes checks it), so a code is found by bsearch. */
static const struct problem_code list[] = {
	{ "ambiguous-comma", E, "A number with a comma that could be a "
	  "decimal comma or a thousands separator", "model/answer.c" },
	{ "bad-aggregate", E, "A row of an aggregates file that cannot be "
	  "read back", "stats/aggin.c" },
	{ "bad-catalogue", E, "A row of the metric catalogue that is not "
	  "valid", "model/catalogue.c" },
	{ "bad-encoding", E, "Text in an encoding that could not be read",
	  "read/csvin.c" },
	{ "bad-levels", E, "A row of the commitment levels that is not "
	  "valid", "model/levels.c" },
	{ "bad-period", E, "A quarter that is not written as YYYY-QN",
	  "model/whose.c" },
	{ "bad-roster", E, "A row of the roster of signatories that is not "
	  "valid", "model/roster.c" },
	{ "bad-setting", E, "A setting with a value that is not allowed",
	  "model/settings.c" },
	{ "bad-wording", E, "A row of the report wording that is not valid",
	  "model/wording.c" },
	{ "cannot-write", E, "An output file that could not be written",
	  "out/levelsout.c" },
	{ "cp850", W, "Saved in the old DOS code page 850 (read correctly)",
	  "read/legacy.c" },
	{ "duplicate-column", E, "Two columns with the same name",
	  "read/table.c" },
	{ "duplicate-metric", E, "The same question answered twice in one "
	  "return", "model/returns.c" },
	{ "duplicate-return", E, "Two different returns from one "
	  "association", "model/returns.c" },
	{ "duplicate-value", E, "The same figure twice in a tidy file",
	  "stats/tidyin.c" },
	{ "empty-file", E, "An empty file", "read/table.c" },
	{ "exceeds-parent", E, "An \"of which\" count larger than its total",
	  "model/returns.c" },
	{ "few-orgs", E, "A published figure about so few organisations "
	  "that each can work out the others'", "stats/audit.c" },
	{ "field-too-long", E, "A cell longer than the limit",
	  "read/csvin.c" },
	{ "file-too-large", E, "A file larger than the limit",
	  "read/csvin.c" },
	{ "form-block", E, "The lines above a form's answers name two "
	  "associations or two quarters", "model/whose.c" },
	{ "identical-return", W, "The same return sent twice",
	  "model/returns.c" },
	{ "implausible", W, "An answer far from what the sector answered",
	  "model/query.c" },
	{ "implausible-explained", W, "An answer far from what the sector "
	  "answered, explained", "model/query.c" },
	{ "large-change", W, "An answer very different from the quarter "
	  "before", "model/query.c" },
	{ "large-change-explained", W, "An answer very different from the "
	  "quarter before, explained", "model/query.c" },
	{ "line-too-long", E, "A line longer than the limit",
	  "read/csvin.c" },
	{ "mac-roman", W, "Saved in the old Mac Roman encoding (read "
	  "correctly)", "read/legacy.c" },
	{ "min-max", E, "A published smallest or largest value that gives "
	  "away one organisation's figure", "stats/audit.c" },
	{ "missing-column", E, "A column the file must have is missing",
	  "read/table.c" },
	{ "missing-org", E, "A row that does not say which association it is "
	  "for", "model/whose.c" },
	{ "missing-return", W, "No return received from a signatory that "
	  "owed one", "model/ingest.c" },
	{ "mixed-encoding", E, "Text in two encodings in one file",
	  "read/csvin.c" },
	{ "negative", E, "A negative number, or one in brackets, where only "
	  "zero or more is allowed", "model/value.c" },
	{ "no-answers", E, "A return with no answers in it",
	  "model/returns.c" },
	{ "no-header", E, "A file without a header row", "read/table.c" },
	{ "no-metric", W, "An answer without a question beside it",
	  "model/returnfile.c" },
	{ "no-period", E, "A return that does not say which quarter it is "
	  "for", "model/whose.c" },
	{ "no-roster", W, "No roster of signatories, so no return could be "
	  "counted as missing", "model/ingest.c" },
	{ "no-rows", E, "A return with a header and nothing under it",
	  "model/returnfile.c" },
	{ "not-a-number", E, "An answer that is not a number",
	  "model/value.c" },
	{ "not-owed", W, "A return from a signatory that did not owe one "
	  "that quarter", "model/whose.c" },
	{ "not-the-returns", E, "Published figures that do not match the "
	  "returns they were made from", "stats/audit.c" },
	{ "not-whole", E, "A count that is not a whole number",
	  "model/value.c" },
	{ "not-yes-no", E, "An answer that is not yes or no",
	  "model/value.c" },
	{ "nul-byte", E, "A file with NUL bytes in it, not text",
	  "read/csvin.c" },
	{ "org-mismatch", W, "A return whose file name and org_id name "
	  "different associations", "model/whose.c" },
	{ "out-of-range", E, "An answer outside the range allowed",
	  "model/value.c" },
	{ "panel-beside-total", E, "A like-for-like total beside the "
	  "quarter's total that gives away a small group", "stats/audit_panel.c" },
	{ "percent-fraction", W, "A percentage written as a fraction "
	  "(0.45 for 45%)", "model/answer.c" },
	{ "percent-fraction-explained", W, "A percentage written as a "
	  "fraction, explained", "model/answer.c" },
	{ "ragged-row", E, "A row with more cells than the header",
	  "read/table.c" },
	{ "rate-times-total", E, "A published rate that, times a published "
	  "total, gives away a small count", "stats/audit.c" },
	{ "sector-minus-groups", E, "A withheld figure found by taking the "
	  "groups from the sector", "stats/audit.c" },
	{ "short-row", W, "A row with fewer cells than the header",
	  "read/table.c" },
	{ "small-count", E, "A published count of people small enough to "
	  "identify someone", "stats/audit.c" },
	{ "small-group", E, "A published figure for a group small enough to "
	  "give away its members' figures", "stats/audit.c" },
	{ "split-number", E, "A number split across two cells",
	  "model/answer.c" },
	{ "spreadsheet-error", E, "A spreadsheet error such as #DIV/0! as "
	  "an answer", "model/value.c" },
	{ "stray-quote", E, "A quote mark inside a cell that is not quoted",
	  "read/csvin.c" },
	{ "tab-separated", E, "A tab-separated file where CSV was expected",
	  "read/table.c" },
	{ "text-after-quote", E, "Text after the closing quote of a cell",
	  "read/csvin.c" },
	{ "title-row", W, "A title above the header row (left out)",
	  "read/table.c" },
	{ "too-many-columns", E, "A row with more cells than the limit",
	  "read/csvin.c" },
	{ "unknown-metric", W | E, "A question that is not in the return (a "
	  "typing slip?)", "model/returnfile.c" },
	{ "unknown-org", E, "A return for an association not on the roster",
	  "model/whose.c" },
	{ "unknown-setting", W, "A setting that is not known (left out)",
	  "model/settings.c" },
	{ "unreadable", E, "A file that could not be read", "read/table.c" },
	{ "unterminated-quote", E, "A quoted cell that never ends",
	  "read/csvin.c" },
	{ "utf-16", E, "Saved as UTF-16 text, which is not read",
	  "read/csvin.c" },
	{ "windows-1252", W, "Saved in an older Windows encoding (read "
	  "correctly)", "read/legacy.c" },
	{ "workbook", E, "A spreadsheet workbook, not CSV, under a .csv name",
	  "read/csvin.c" },
	{ "wrong-period", E, "A return for another quarter",
	  "model/whose.c" },
};

const struct problem_code *problem_codes(size_t *len)
{
	*len = sizeof(list) / sizeof(list[0]);
	return list;
}

static int by_code(const void *key, const void *item)
{
	return strcmp(key, ((const struct problem_code *)item)->code);
}

const struct problem_code *problem_code_find(const char *code)
{
	return bsearch(code, list, sizeof(list) / sizeof(list[0]),
		       sizeof(list[0]), by_code);
}

const char *problem_severity_name(unsigned severity)
{
	return severity == (CODE_WARNING | CODE_ERROR) ? "warning or error"
	       : severity == CODE_WARNING	       ? "warning"
						       : "error";
}
