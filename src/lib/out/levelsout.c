#include "levelsout.h"
#include "csvout.h"
#include "atomic.h"
#include "../base/cli.h"
#include "../base/xalloc.h"
#include "../base/period.h"
#include "../stats/levelcalc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct org_ref {
	const char *id;
	int org;
};

static int cmp_ref(const void *x, const void *y)
{
	return strcmp(((const struct org_ref *)x)->id,
		      ((const struct org_ref *)y)->id);
}

static void put_row(struct buf *b, const struct level_area *la,
		    struct aggregate *a, int org, int period)
{
	char p[PERIOD_TEXT], r[16];
	int rank = levels_reach(la, a, org, period);
	snprintf(r, sizeof(r), "%d", rank);
	csvout_field(b, period_format(period, p), 1);
	csvout_field(b, a->roster->orgs[org].id, 0);
	csvout_field(b, la->area, 0);
	csvout_text(b, rank ? la->levels[rank - 1].name : "", 0);
	csvout_field(b, r, 0);
	csvout_text(b, (size_t)rank < la->nlevels ? la->levels[rank].name : "",
		    0);
	struct buf words = BUF_INIT;
	levels_missing(la, rank + 1, a->cat, a, org, period, &words);
	csvout_text(b, words.s, 0);
	buf_addc(b, '\n');
	buf_free(&words);
}

int levelsout_write(FILE *fp, const struct levels *lv, struct aggregate *a,
		    int period)
{
	struct buf b = BUF_INIT;
	buf_adds(&b, "period,org_id,area,level,rank,next_level,missing\n");
	if (period == PERIOD_NONE)
		period = levels_latest(a);
	size_t n = 0;
	struct org_ref *refs = xcalloc(a->roster->len + 1, sizeof(*refs));
	for (size_t o = 0; period != PERIOD_NONE && o < a->roster->len; o++)
		if (levels_answered(a, (int)o, period))
			refs[n++] = (struct org_ref){ a->roster->orgs[o].id,
						      (int)o };
	qsort(refs, n, sizeof(*refs), cmp_ref);
	int failed = 0;
	for (size_t i = 0; i < n && !failed; i++) {
		for (size_t k = 0; k < lv->nareas; k++)
			put_row(&b, &lv->areas[k], a, refs[i].org, period);
		failed = csvout_flush(&b, fp, 1 << 16);
	}
	free(refs);
	return csvout_finish(&b, fp, failed);
}

struct job {
	const struct levels *lv;
	struct aggregate *a;
};

static int put_levels(FILE *fp, void *ctx)
{
	struct job *j = ctx;
	return levelsout_write(fp, j->lv, j->a, PERIOD_NONE);
}

int levelsout_file(const char *dir, const char *path, struct aggregate *a,
		   struct diags *d)
{
	char *rules = path_join(dir, "levels.csv");
	struct levels lv;
	int ret = levels_load(&lv, rules, a->cat, d);
	free(rules);
	if (ret < 0)
		return -1;
	struct job j = { &lv, a };
	if (write_output(strcmp(path, "-") ? path : NULL, 0600, put_levels,
			 &j) < 0) {
		diag_add(d, SEV_ERROR, path, 0, NULL, NULL, "cannot-write",
			 "cannot write the levels: %s", strerror(errno));
		ret = -1;
	}
	levels_free(&lv);
	return ret;
}
