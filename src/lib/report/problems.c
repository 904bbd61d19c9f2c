#include "problems.h"
#include "../base/codes.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

const char *problem_words(const char *code, char *out, size_t size)
{
	const struct problem_code *c = problem_code_find(code);
	if (c) {
		snprintf(out, size, "%s", c->meaning);
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
