#include "cardcsv.h"
#include "cardline.h"
#include "../base/buf.h"
#include "../out/atomic.h"
#include "../out/csvout.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

struct rows {
	const struct report_input *in;
	const struct positions *p;
	int org;
};

static int write_rows(FILE *fp, void *ctx)
{
	const struct rows *r = ctx;
	const struct catalogue *cat = r->in->chart.cat;
	size_t answered;
	bool peers = card_peers_shown(r->p, r->in->chart.settings, r->org,
				      &answered);
	struct buf b = BUF_INIT;
	buf_adds(&b, "metric,label,own,sector,peer,position\n");
	int failed = 0;
	for (size_t m = 0; m < cat->len && failed == 0; m++) {
		struct card_line l;
		card_line(r->p, cat, r->org, (int)m, peers, "yes", "no", &l);
		char own[NUMTEXT], sector[NUMTEXT], peer[NUMTEXT];
		csvout_field(&b, cat->metrics[m].id, 1);
		csvout_text(&b, cat->metrics[m].label, 0);
		csvout_field(&b, card_line_plain(l.own, own), 0);
		csvout_field(&b, card_line_plain(l.sector, sector), 0);
		csvout_field(&b, card_line_plain(l.peer, peer), 0);
		csvout_field(&b, position_words(l.position), 0);
		buf_adds(&b, "\n");
		failed = csvout_flush(&b, fp, 1 << 16);
	}
	return csvout_finish(&b, fp, failed);
}

int cardcsv_write(const struct report_input *in, const struct positions *p,
		  int org, const char *path, char *why, size_t size)
{
	if (!p || !in->chart.cat || org < 0 ||
	    (size_t)org >= in->chart.roster->len) {
		snprintf(why, size, "%s: no figures for this organisation",
			 path);
		return -1;
	}
	struct rows r = { in, p, org };
	if (write_output(path, 0600, write_rows, &r) < 0) {
		snprintf(why, size, "%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}
