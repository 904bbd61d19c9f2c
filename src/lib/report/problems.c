#include "problems.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const char *const known[][2] = {
	{ "missing-return", "No return received from a signatory that owed one" },
	{ "windows-1252", "Saved in an older Windows encoding (read correctly)" },
	{ "utf-16", "Saved as UTF-16 text (read correctly)" },
	{ "bad-encoding", "Text in an encoding that could not be read" },
	{ "mixed-encoding", "Text in two encodings in one file" },
	{ "unknown-metric", "A question that is not in the return (a typing slip?)" },
	{ "unknown-org", "A return for an association not on the roster" },
	{ "duplicate-return", "Two different returns from one association" },
	{ "identical-return", "The same return sent twice" },
	{ "duplicate-metric", "The same question answered twice in one return" },
	{ "exceeds-parent", "An \"of which\" count larger than its total" },
	{ "not-a-number", "An answer that is not a number" },
	{ "not-whole", "A count that is not a whole number" },
	{ "not-yes-no", "An answer that is not yes or no" },
	{ "out-of-range", "An answer outside the range allowed" },
	{ "large-change", "An answer very different from the quarter before" },
	{ "large-change-explained",
	  "An answer very different from the quarter before, explained" },
	{ "implausible", "An answer far from what the sector answered" },
	{ "implausible-explained",
	  "An answer far from what the sector answered, explained" },
	{ "wrong-period", "A return for another quarter" },
	{ "empty-file", "An empty file" },
	{ "spreadsheet-error", "A spreadsheet error such as #DIV/0! as an answer" },
};

const char *problem_words(const char *code, char *out, size_t size)
{
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (!strcmp(known[i][0], code)) {
			snprintf(out, size, "%s", known[i][1]);
			return out;
		}
	snprintf(out, size, "%s", code);
	for (char *p = out; *p; p++)
		if (*p == '-' || *p == '_')
			*p = ' ';
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)toupper((unsigned char)out[0]);
	return out;
}

const char *severity_words(const char *severity)
{
	if (!strcmp(severity, "error"))
		return "rejected";
	if (!strcmp(severity, "warning"))
		return "queried or noted";
	return severity;
}
