/* pdftag: the structure of a tagged PDF, built into a libharu 2.3.0
 * document through its object API (for report/pdf only).
 *
 * libharu 2.3.0 has no tagging, so this adds to the catalogue what
 * PDF/UA asks (/Lang (en-GB), /MarkInfo << /Marked true >>,
 * /ViewerPreferences << /DisplayDocTitle true >>, XMP metadata with
 * pdfuaid:part 1, a /StructTreeRoot with a /Document element and a
 * /ParentTree), and writes marked-content operators into each page's
 * content stream: "/H1 << /MCID n >> BDC ... EMC" for content of an
 * element, "/Artifact BMC ... EMC" for decoration. Every object is
 * added to the document's cross-reference table, so libharu frees it
 * with the document (HPDF_NewDoc for the next one): nothing is kept
 * from one document to the next.
 *
 * Marked content is opened lazily: pdftag_mark, called before each
 * drawing, opens a sequence for the innermost open element (or an
 * artifact, when none is open or it holds only elements: Table, TR, L,
 * Sect) unless the one open is that already; so the drawings of a
 * paragraph make one sequence a page. A sequence is closed before the
 * element changes, the page changes, or the document is written. */
#ifndef PLEDGE_PDFTAG_H
#define PLEDGE_PDFTAG_H

#include <hpdf.h>

#include "pdf_doc.h"

struct pdftag;

/* Adds the catalogue entries and metadata for info (title, author,
 * date) to doc, whose strings are written with the encoder utf8.
 * Returns NULL when libharu refuses (its error is reported to the
 * document's handler). */
struct pdftag *pdftag_new(HPDF_Doc doc, HPDF_Encoder utf8,
			  const struct pdf_info *info);
void pdftag_free(struct pdftag *t);

/* page, page number n (from 1), was added (pdftag_page) or made current
 * again (pdftag_use_page). 0 or -1. */
int pdftag_page(struct pdftag *t, HPDF_Page page, int n);
void pdftag_use_page(struct pdftag *t, HPDF_Page page, int n);

/* Before drawing on the current page: makes what follows the content of
 * the innermost open element, or an artifact. 0 or -1. */
int pdftag_mark(struct pdftag *t);

int pdftag_begin(struct pdftag *t, enum pdf_role role, const char *alt);
int pdftag_end(struct pdftag *t);
enum pdf_role pdftag_open(const struct pdftag *t);
/* 1 when what is drawn now is an element's content, 0 for decoration. */
int pdftag_content(const struct pdftag *t);
void pdftag_artifact(struct pdftag *t, int on);

/* Closes the open marked content, before the document is written. */
void pdftag_finish(struct pdftag *t);

#endif
