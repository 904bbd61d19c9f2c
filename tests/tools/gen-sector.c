/* gen-sector: a synthetic sector for benchmarks, the same every run.
 *
 * usage: gen-sector [--long-names] CATALOGUE ORGS QUARTERS OUTDIR
 * Writes OUTDIR/signatories.csv (ORGS organisations, some with quoted
 * and Welsh names, four peer groups; with --long-names, long Welsh
 * names and peer groups, one a single word wider than a table column,
 * to try the reports' layout) and OUTDIR/returns.csv: one
 * consolidated long-layout return (org_id,period,metric,value,note) with
 * an answer to every catalogue metric from every organisation for
 * QUARTERS quarters ending 2026-Q3. "Of which" counts never exceed their
 * parent and bounded metrics stay in bounds, so every value is accepted. */
#include "model/catalogue.h"
#include "base/period.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state = 0x9E3779B97F4A7C15ULL;

static uint32_t next(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (uint32_t)(state >> 11);
}

static long between(long lo, long hi)
{
	return lo + (long)(next() % (uint32_t)(hi - lo + 1));
}

static const char *const groups[] = { "large", "medium", "small",
	"supported" };
static const char *const names[] = { "Brackenmoor Homes", "Tŷ Glas Housing",
	"Hollins, Reed and Barrow", "Afon Dyffryn Homes", "Saltings Trust",
	"Ironstone \"Lane\" Housing", "Larkwell Living", "Cwm Tawe Cartrefi" };

static const char *const long_groups[] = {
	"cymdeithasau_tai_mawr_gogledd_a_chanolbarth_cymru", "medium",
	"small", "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch" };
static const char *const long_names[] = {
	"Cymdeithas Tai Cydweithredol Gogledd a Chanolbarth Cymru Cyfyngedig",
	"Tŷ Glas Housing", "Cartrefi Cymunedol Llanfairpwllgwyngyllgogerychwyrn",
	"Afon Dyffryn Homes", "Saltings Trust", "Ironstone \"Lane\" Housing",
	"Larkwell Living", "Cwm Tawe Cartrefi" };
static const char *const *group_names = groups;
static const char *const *org_names = names;

static void roster(FILE *fp, long orgs, int first)
{
	char joined[PERIOD_TEXT];
	period_format(first, joined);
	fputs("org_id,org_name,region,peer_group,joined\n", fp);
	for (long i = 0; i < orgs; i++) {
		const char *name = org_names[i % 8];
		fprintf(fp, "S%05ld,\"", i);
		for (const char *c = name; *c; c++)
			fputs(*c == '"' ? "\"\"" : (char[]){ *c, 0 }, fp);
		fprintf(fp, " %ld\",Region %ld,%s,%s\n", i, i % 12,
			group_names[i % 4], joined);
	}
}

/* One organisation's answer to metric m; parents are answered first. */
static long count_value(const struct catalogue *cat, size_t m, long *answer,
			long size)
{
	const struct metric *x = &cat->metrics[m];
	if (x->parent >= 0)
		return between(0, answer[x->parent]);
	return between(size / 4, size);
}

static void returns(FILE *fp, const struct catalogue *cat, long orgs,
		    int first, int quarters)
{
	long *answer = calloc(cat->len, sizeof(long));
	fputs("org_id,period,metric,value,note\n", fp);
	for (int q = first; q < first + quarters; q++) {
		char p[PERIOD_TEXT];
		period_format(q, p);
		for (long i = 0; i < orgs; i++) {
			long size = 50 + (i % 4 == 0 ? 20000 : 2000) *
					 (long)(1 + i % 7);
			for (size_t m = 0; m < cat->len; m++) {
				const struct metric *x = &cat->metrics[m];
				fprintf(fp, "S%05ld,%s,%s,", i, p, x->id);
				switch (x->kind) {
				case KIND_COUNT:
					answer[m] = count_value(cat, m, answer,
								size);
					if (answer[m] >= 1000)
						fprintf(fp, "\"%ld,%03ld\"",
							answer[m] / 1000,
							answer[m] % 1000);
					else
						fprintf(fp, "%ld", answer[m]);
					break;
				case KIND_YESNO:
					fputs(next() % 3 ? "yes" : "no", fp);
					break;
				case KIND_PERCENT:
					fprintf(fp, "%ld.%ld%%", between(40, 99),
						between(0, 9));
					break;
				case KIND_MONEY:
					fprintf(fp, "£%ld.%02ld", between(10, 14),
						between(0, 99));
					break;
				case KIND_NUMBER:
					fprintf(fp, "%ld.5", between(1, 60));
					break;
				}
				fputs(m % 10 == 3 ? ",checked by the board\n"
						  : ",\n", fp);
			}
		}
	}
	free(answer);
}

int main(int argc, char **argv)
{
	if (argc == 6 && !strcmp(argv[1], "--long-names")) {
		group_names = long_groups;
		org_names = long_names;
		argv++;
		argc--;
	}
	if (argc != 5) {
		fputs("usage: gen-sector [--long-names] CATALOGUE ORGS QUARTERS "
		      "OUTDIR\n", stderr);
		return 2;
	}
	struct diags d;
	diags_init(&d);
	d.echo = stderr;
	struct catalogue cat;
	if (catalogue_load(&cat, argv[1], &d) < 0)
		return 2;
	long orgs = atol(argv[2]);
	int quarters = atoi(argv[3]);
	int last = period_parse("2026-Q3");
	char path[4096];
	snprintf(path, sizeof(path), "%s/signatories.csv", argv[4]);
	FILE *fp = fopen(path, "w");
	if (!fp)
		return 2;
	roster(fp, orgs, last - quarters + 1);
	if (fclose(fp))
		return 2;
	snprintf(path, sizeof(path), "%s/returns.csv", argv[4]);
	fp = fopen(path, "w");
	if (!fp)
		return 2;
	returns(fp, &cat, orgs, last - quarters + 1, quarters);
	if (fclose(fp))
		return 2;
	catalogue_free(&cat);
	diags_free(&d);
	return 0;
}
