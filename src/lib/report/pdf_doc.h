/* pdf_doc: the words every part of the PDF layer shares: the page
 * size, what a document says about itself, and the roles of its tags.
 *
 * pdf.h draws documents with them; pdftag (the tag structure libharu
 * lacks) and pdf_check (what every implementation of pdf.h refuses)
 * use them below pdf.h, so neither needs pdf.h itself. Only types and
 * constants: nothing here is called. */
#ifndef PLEDGE_PDF_DOC_H
#define PLEDGE_PDF_DOC_H

#include <time.h>

/* A4 portrait, in points. */
#define PDF_PAGE_WIDTH 595.276
#define PDF_PAGE_HEIGHT 841.89

/* What the document says about itself (UTF-8; NULL or "" leaves an
 * entry out). date is its creation and modification time: the caller
 * takes it from SOURCE_DATE_EPOCH when that is set, so a rerun makes the
 * same bytes. It is written in UTC. */
struct pdf_info {
	const char *title;
	const char *author;
	const char *subject;
	const char *creator;
	time_t date;
};

/* The role of a tagged element (PDF/UA); see pdf_tag_begin in pdf.h. */
enum pdf_role {
	PDF_ROLE_H1, PDF_ROLE_H2, PDF_ROLE_H3, PDF_ROLE_P, PDF_ROLE_L,
	PDF_ROLE_LI, PDF_ROLE_LBODY, PDF_ROLE_TABLE, PDF_ROLE_TR,
	PDF_ROLE_TH_COLUMN,   /* TH heading its column (/Scope /Column) */
	PDF_ROLE_TH_ROW,      /* TH heading its row (/Scope /Row) */
	PDF_ROLE_TD, PDF_ROLE_FIGURE, PDF_ROLE_CAPTION, PDF_ROLE_SECT,
	PDF_ROLE_NONE         /* what pdf_tag_open says when none is */
};

/* How deep elements may nest. */
#define PDF_TAG_DEPTH 16

#endif
