#include "csvin_part.h"
#include "csvin_impl.h"

#include <errno.h>
#include <string.h>

struct csvin *csvin_part(const struct csvin *r, unsigned char *bytes,
			size_t len, int last, struct diags *d,
			struct buf *fields)
{
	struct csvin_limits lim = r->lim;
	lim.read_ahead = 0;
	struct csvin *p = csvin_reader_new(r->name, &lim, d);
	p->chunk = bytes;
	p->borrowed = 1;
	p->len = len;
	p->eof = p->started = 1;
	p->locked = r->locked;
	p->part = !last;
	if (fields) {
		p->fb = fields;
		p->kept = fields->len;
	}
	return p;
}

int csvin_part_end(const struct csvin *p, int *enc, long *lines)
{
	*enc = p->enc;
	*lines = p->line - 1;
	return !p->cut;
}

const struct csvin_limits *csvin_limits_of(const struct csvin *r)
{
	return &r->lim;
}

size_t csvin_part_bytes(const struct csvin *r)
{
	return r->lim.part_bytes ? r->lim.part_bytes : CSVIN_PART_BYTES;
}

int csvin_encoding(const struct csvin *r)
{
	return r->enc;
}

long csvin_line(const struct csvin *r)
{
	return r->line;
}

long long csvin_offset(const struct csvin *r)
{
	if (r->in_record || r->skipping || r->carry.len || r->failed ||
	    !r->fp)
		return -1;
	/* where stdio is in the file, less what is read but not yet used */
	off_t at = ftello(r->fp);
	if (at < 0)
		return -1;
	return (long long)at - (long long)(r->len - r->pos);
}

void csvin_resume(struct csvin *r, long long at, long line, int enc)
{
	r->pos = r->len = 0;
	r->eof = 0;
	r->started = 1;
	buf_reset(&r->carry);
	r->line = line;
	r->enc = enc;
	r->warn_line = 0;
	r->total = (unsigned long long)(at - r->origin);
	r->in_record = r->skipping = 0;
	if (fseeko(r->fp, (off_t)at, SEEK_SET) != 0)
		csvin_reject(r, line, "unreadable", "cannot read the file: %s",
			    strerror(errno));
}
