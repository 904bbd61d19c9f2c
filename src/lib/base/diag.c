#include "diag.h"
#include "codes.h"
#include "xalloc.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void diags_init(struct diags *d)
{
	d->items = NULL;
	d->len = d->cap = 0;
	d->errors = d->warnings = 0;
	d->echo = NULL;
	d->echo_warnings = 1;
	d->prog = NULL;
}

void diags_init_echo(struct diags *d, const char *prog, FILE *echo)
{
	diags_init(d);
	d->prog = prog;
	d->echo = echo;
}

void diag_free(struct diag *g)
{
	free(g->file);
	free(g->org_id);
	free(g->metric);
	free(g->message);
}

void diags_free(struct diags *d)
{
	for (size_t i = 0; i < d->len; i++)
		diag_free(&d->items[i]);
	free(d->items);
	d->items = NULL;
	d->len = d->cap = 0;
	d->errors = d->warnings = 0;
}

static size_t count(struct diags *d, const struct diag *g);

char *diag_escape(const char *s)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		n += *p < 0x20 || *p == 0x7F ? 4 : 1;
	char *out = xmalloc(n + 1), *o = out;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= 0x20 && *p != 0x7F) {
			*o++ = (char)*p;
			continue;
		}
		const char *named = *p == '\n' ? "\\n" : *p == '\r' ? "\\r"
				  : *p == '\t' ? "\\t" : NULL;
		if (named)
			o += sprintf(o, "%s", named);
		else
			o += sprintf(o, "\\x%02X", *p);
	}
	*o = '\0';
	return out;
}

/* Whether s needs diag_escape. */
static int has_control(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7F)
			return 1;
	return 0;
}

/* s itself when it is one printable line, else its escaped copy (which
 * replaces the one given: s must be malloc'd). */
static char *one_line(char *s)
{
	if (!has_control(s))
		return s;
	char *e = diag_escape(s);
	free(s);
	return e;
}

/* Whether code is in the list of problem codes at severity sev. */
static int listed(const char *code, enum severity sev)
{
	const struct problem_code *c = problem_code_find(code);
	return c && (c->severity &
		     (sev == SEV_ERROR ? CODE_ERROR : CODE_WARNING));
}

size_t diag_add(struct diags *d, enum severity sev, const char *file,
		long line, const char *org_id, const char *metric,
		const char *code, const char *fmt, ...)
{
	assert(listed(code, sev) && "a problem code not in base/codes.c");
	GROW(d->items, d->cap, d->len + 1);
	struct diag *g = &d->items[d->len];
	g->severity = sev;
	g->file = one_line(xstrdup(file ? file : "-"));
	g->line = line;
	g->org_id = xstrdup(org_id ? org_id : "");
	g->metric = xstrdup(metric ? metric : "");
	g->code = code;

	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	va_start(ap, fmt);
	vsnprintf(msg, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	va_end(ap);
	g->message = one_line(msg);
	return count(d, g);
}

/* Counts (and echoes) d's newest diagnostic, g; returns its index. */
static size_t count(struct diags *d, const struct diag *g)
{
	if (g->severity == SEV_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (d->echo && (g->severity == SEV_ERROR || d->echo_warnings))
		diag_print(g, d->prog, d->echo);
	return d->len++;
}

size_t diag_take(struct diags *d, const struct diag *g)
{
	GROW(d->items, d->cap, d->len + 1);
	d->items[d->len] = *g;
	return count(d, &d->items[d->len]);
}

const char *severity_name(enum severity sev)
{
	return sev == SEV_ERROR ? "error" : "warning";
}

void diag_print(const struct diag *g, const char *prog, FILE *fp)
{
	if (prog)
		fprintf(fp, "%s: ", prog);
	if (g->line > 0)
		fprintf(fp, "%s:%ld: ", g->file, g->line);
	else
		fprintf(fp, "%s: ", g->file);
	fprintf(fp, "%s: %s\n", severity_name(g->severity), g->message);
}
