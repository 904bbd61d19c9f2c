#include "pdftag.h"
#include "../base/buf.h"
#include "../base/xalloc.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MC_NONE, MC_ELEMENT, MC_ARTIFACT };

struct element {
	HPDF_Dict dict;
	HPDF_Array kids;                /* its /K */
	HPDF_Page pg;                   /* its /Pg, once it has content */
	enum pdf_role role;
};

struct tpage {
	HPDF_Page page;
	HPDF_Array parents;             /* MCID -> element, for /ParentTree */
	int mcids;                      /* the next MCID */
};

struct pdftag {
	HPDF_Doc doc;
	HPDF_Encoder utf8;
	HPDF_Dict root;                 /* /StructTreeRoot */
	HPDF_Array nums;                /* its /ParentTree's /Nums */
	HPDF_Dict scope[2];             /* /Scope /Row, /Column: shared */
	struct element stack[PDF_TAG_DEPTH + 1]; /* [0]: /Document */
	size_t depth;                   /* elements open inside it */
	struct tpage *pages;
	size_t npages, cap;
	int current;                    /* page index, or -1 */
	int artifact;                   /* pdftag_artifact depth */
	int open;                       /* the marked content open: */
	int open_page;                  /* what, on which page, */
	HPDF_Dict open_elem;            /* for which element */
};

static const char *const role_names[] = {
	[PDF_ROLE_H1] = "H1", [PDF_ROLE_H2] = "H2", [PDF_ROLE_H3] = "H3",
	[PDF_ROLE_P] = "P", [PDF_ROLE_L] = "L", [PDF_ROLE_LI] = "LI",
	[PDF_ROLE_LBODY] = "LBody", [PDF_ROLE_TABLE] = "Table",
	[PDF_ROLE_TR] = "TR", [PDF_ROLE_TH_COLUMN] = "TH",
	[PDF_ROLE_TH_ROW] = "TH", [PDF_ROLE_TD] = "TD",
	[PDF_ROLE_FIGURE] = "Figure", [PDF_ROLE_CAPTION] = "Caption",
	[PDF_ROLE_SECT] = "Sect", [PDF_ROLE_NONE] = "NonStruct",
};

static HPDF_Stream page_stream(HPDF_Page page)
{
	return ((HPDF_PageAttr)page->attr)->stream;
}

static void xml_escaped(struct buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		default: buf_addc(b, *s);
		}
	}
}

/* The XMP packet: title, author, language, dates and PDF/UA part 1. */
static void xmp_text(struct buf *b, const struct pdf_info *info)
{
	struct tm tm;
	char date[32] = "1970-01-01T00:00:00Z";
	time_t t = info->date;
	if (gmtime_r(&t, &tm))
		strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%SZ", &tm);
	buf_adds(b, "<?xpacket begin=\"\xEF\xBB\xBF\" "
		 "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		 "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		 "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
		 "<rdf:Description rdf:about=\"\"\n"
		 " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
		 " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
		 " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
		 "<dc:format>application/pdf</dc:format>\n"
		 "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
	xml_escaped(b, info->title);
	buf_adds(b, "</rdf:li></rdf:Alt></dc:title>\n");
	if (info->author && info->author[0]) {
		buf_adds(b, "<dc:creator><rdf:Seq><rdf:li>");
		xml_escaped(b, info->author);
		buf_adds(b, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	buf_addf(b, "<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag>"
		 "</dc:language>\n<xmp:CreateDate>%s</xmp:CreateDate>\n"
		 "<xmp:ModifyDate>%s</xmp:ModifyDate>\n", date, date);
	buf_adds(b, "<xmp:CreatorTool>");
	xml_escaped(b, info->creator);
	buf_adds(b, "</xmp:CreatorTool>\n<pdfuaid:part>1</pdfuaid:part>\n"
		 "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
		 "<?xpacket end=\"w\"?>\n");
}

static int add_metadata(struct pdftag *t, const struct pdf_info *info)
{
	HPDF_Dict meta = HPDF_DictStream_New(t->doc->mmgr, t->doc->xref);
	if (!meta)
		return -1;
	struct buf b = BUF_INIT;
	xmp_text(&b, info);
	int ok = HPDF_Dict_AddName(meta, "Type", "Metadata") == HPDF_OK &&
		 HPDF_Dict_AddName(meta, "Subtype", "XML") == HPDF_OK &&
		 HPDF_Stream_Write(meta->stream, (const HPDF_BYTE *)b.s,
				   (HPDF_UINT)b.len) == HPDF_OK &&
		 HPDF_Dict_Add(t->doc->catalog, "Metadata", meta) == HPDF_OK;
	buf_free(&b);
	return ok ? 0 : -1;
}

/* A new indirect structure element of the name under parent (NULL for
 * the root), with an empty /K. */
static HPDF_Dict new_element(struct pdftag *t, const char *name,
			     HPDF_Dict parent, HPDF_Array *kids)
{
	HPDF_MMgr mm = t->doc->mmgr;
	HPDF_Dict el = HPDF_Dict_New(mm);
	if (!el || HPDF_Xref_Add(t->doc->xref, el) != HPDF_OK)
		return NULL;
	*kids = HPDF_Array_New(mm);
	/* /Type /StructElem is optional: left out, as every byte of
	 * structure is written uncompressed. */
	if (!*kids || HPDF_Dict_AddName(el, "S", name) != HPDF_OK ||
	    HPDF_Dict_Add(el, "P", parent ? parent : t->root) != HPDF_OK ||
	    HPDF_Dict_Add(el, "K", *kids) != HPDF_OK)
		return NULL;
	return el;
}

static int add_catalogue(struct pdftag *t)
{
	HPDF_MMgr mm = t->doc->mmgr;
	HPDF_Dict cat = t->doc->catalog;
	HPDF_Dict mark = HPDF_Dict_New(mm), prefs = HPDF_Dict_New(mm);
	HPDF_Dict tree = HPDF_Dict_New(mm);
	t->root = HPDF_Dict_New(mm);
	t->nums = HPDF_Array_New(mm);
	if (!mark || !prefs || !tree || !t->root || !t->nums ||
	    HPDF_Xref_Add(t->doc->xref, t->root) != HPDF_OK)
		return -1;
	int ok = HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE) == HPDF_OK &&
		 HPDF_Dict_Add(cat, "MarkInfo", mark) == HPDF_OK &&
		 HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE) ==
			 HPDF_OK &&
		 HPDF_Dict_Add(cat, "ViewerPreferences", prefs) == HPDF_OK &&
		 HPDF_Dict_Add(cat, "Lang",
			       HPDF_String_New(mm, "en-GB", NULL)) == HPDF_OK &&
		 HPDF_Dict_AddName(t->root, "Type", "StructTreeRoot") ==
			 HPDF_OK &&
		 HPDF_Dict_Add(tree, "Nums", t->nums) == HPDF_OK &&
		 HPDF_Dict_Add(t->root, "ParentTree", tree) == HPDF_OK &&
		 HPDF_Dict_AddNumber(t->root, "ParentTreeNextKey", 0) ==
			 HPDF_OK &&
		 HPDF_Dict_Add(cat, "StructTreeRoot", t->root) == HPDF_OK;
	if (!ok)
		return -1;
	struct element *doc = &t->stack[0];
	doc->role = PDF_ROLE_SECT;
	doc->dict = new_element(t, "Document", NULL, &doc->kids);
	return doc->dict && HPDF_Dict_Add(t->root, "K", doc->dict) == HPDF_OK
		       ? 0 : -1;
}

struct pdftag *pdftag_new(HPDF_Doc doc, HPDF_Encoder utf8,
			  const struct pdf_info *info)
{
	struct pdftag *t = xcalloc(1, sizeof(*t));
	t->doc = doc;
	t->utf8 = utf8;
	t->current = -1;
	doc->pdf_version = HPDF_VER_17;
	if (add_catalogue(t) < 0 || add_metadata(t, info) < 0) {
		pdftag_free(t);
		return NULL;
	}
	return t;
}

void pdftag_free(struct pdftag *t)
{
	if (!t)
		return;
	free(t->pages);
	free(t);
}

/* Ends the marked content open, on the page it was opened on. */
static void close_mc(struct pdftag *t)
{
	if (t->open != MC_NONE)
		HPDF_Stream_WriteStr(page_stream(t->pages[t->open_page].page),
				     "EMC\n");
	t->open = MC_NONE;
}

int pdftag_page(struct pdftag *t, HPDF_Page page, int n)
{
	close_mc(t);
	GROW(t->pages, t->cap, (size_t)n);
	struct tpage *tp = &t->pages[n - 1];
	memset(tp, 0, sizeof(*tp));
	tp->page = page;
	tp->parents = HPDF_Array_New(t->doc->mmgr);
	t->npages = (size_t)n;
	t->current = n - 1;
	if (!tp->parents ||
	    HPDF_Xref_Add(t->doc->xref, tp->parents) != HPDF_OK ||
	    HPDF_Dict_AddNumber(page, "StructParents", n - 1) != HPDF_OK ||
	    HPDF_Dict_AddName(page, "Tabs", "S") != HPDF_OK ||
	    HPDF_Array_AddNumber(t->nums, n - 1) != HPDF_OK ||
	    HPDF_Array_Add(t->nums, tp->parents) != HPDF_OK ||
	    HPDF_Dict_AddNumber(t->root, "ParentTreeNextKey", n) != HPDF_OK)
		return -1;
	return 0;
}

void pdftag_use_page(struct pdftag *t, HPDF_Page page, int n)
{
	close_mc(t);
	if (n >= 1 && (size_t)n <= t->npages && t->pages[n - 1].page == page)
		t->current = n - 1;
}

/* A marked-content reference to mcid on page, in el's /K: the number
 * alone when page is el's /Pg (set from its first content), else a
 * dictionary naming the page. */
static int add_mcid(struct pdftag *t, struct element *el, HPDF_Page page,
		    int mcid)
{
	if (!el->pg) {
		if (HPDF_Dict_Add(el->dict, "Pg", page) != HPDF_OK)
			return -1;
		el->pg = page;
	}
	if (el->pg == page)
		return HPDF_Array_AddNumber(el->kids, mcid) == HPDF_OK ? 0 : -1;
	HPDF_Dict mcr = HPDF_Dict_New(t->doc->mmgr);
	return mcr && HPDF_Dict_AddName(mcr, "Type", "MCR") == HPDF_OK &&
			       HPDF_Dict_Add(mcr, "Pg", page) == HPDF_OK &&
			       HPDF_Dict_AddNumber(mcr, "MCID", mcid) == HPDF_OK &&
			       HPDF_Array_Add(el->kids, mcr) == HPDF_OK
		       ? 0 : -1;
}

/* Opens marked content for element el (the innermost open) on the
 * current page: a marked-content reference in its /K, and el in the
 * page's /ParentTree entry at the new MCID. */
static int open_element_mc(struct pdftag *t, struct element *el)
{
	struct tpage *tp = &t->pages[t->current];
	int mcid = tp->mcids++;
	if (add_mcid(t, el, tp->page, mcid) < 0 ||
	    HPDF_Array_Add(tp->parents, el->dict) != HPDF_OK)
		return -1;
	char op[64];
	snprintf(op, sizeof(op), "/%s <</MCID %d>> BDC\n",
		 role_names[el->role], mcid);
	HPDF_Stream_WriteStr(page_stream(tp->page), op);
	return 0;
}

/* Elements whose content is other elements: what is drawn in them
 * (shading, rules) is decoration. */
static int holds_only_elements(enum pdf_role role)
{
	return role == PDF_ROLE_TABLE || role == PDF_ROLE_TR ||
	       role == PDF_ROLE_L || role == PDF_ROLE_SECT;
}

int pdftag_mark(struct pdftag *t)
{
	if (t->current < 0)
		return 0;
	struct element *el = &t->stack[t->depth];
	int want = t->artifact || !t->depth || holds_only_elements(el->role)
			   ? MC_ARTIFACT : MC_ELEMENT;
	HPDF_Dict d = want == MC_ELEMENT ? el->dict : NULL;
	if (t->open == want && t->open_page == t->current && t->open_elem == d)
		return 0;
	close_mc(t);
	if (want == MC_ARTIFACT)
		HPDF_Stream_WriteStr(page_stream(t->pages[t->current].page),
				     "/Artifact BMC\n");
	else if (open_element_mc(t, el) < 0)
		return -1;
	t->open = want;
	t->open_page = t->current;
	t->open_elem = d;
	return 0;
}

/* The attributes of a heading cell: which way it heads (row 1: its
 * row, 0: its column), one object for all the cells that share it. */
static int add_scope(struct pdftag *t, HPDF_Dict el, int row)
{
	HPDF_Dict *a = &t->scope[row];
	if (!*a) {
		*a = HPDF_Dict_New(t->doc->mmgr);
		if (!*a || HPDF_Xref_Add(t->doc->xref, *a) != HPDF_OK ||
		    HPDF_Dict_AddName(*a, "O", "Table") != HPDF_OK ||
		    HPDF_Dict_AddName(*a, "Scope", row ? "Row" : "Column") !=
			    HPDF_OK)
			return -1;
	}
	return HPDF_Dict_Add(el, "A", *a) == HPDF_OK ? 0 : -1;
}

int pdftag_begin(struct pdftag *t, enum pdf_role role, const char *alt)
{
	if (t->depth >= PDF_TAG_DEPTH || role < 0 || role >= PDF_ROLE_NONE)
		return -1;
	close_mc(t);
	struct element *up = &t->stack[t->depth];
	struct element *el = &t->stack[t->depth + 1];
	el->role = role;
	el->pg = NULL;
	el->dict = new_element(t, role_names[role], up->dict, &el->kids);
	if (!el->dict || HPDF_Array_Add(up->kids, el->dict) != HPDF_OK)
		return -1;
	if (role == PDF_ROLE_TH_COLUMN || role == PDF_ROLE_TH_ROW)
		if (add_scope(t, el->dict, role == PDF_ROLE_TH_ROW) < 0)
			return -1;
	if (alt && HPDF_Dict_Add(el->dict, "Alt",
				 HPDF_String_New(t->doc->mmgr, alt,
						 t->utf8)) != HPDF_OK)
		return -1;
	t->depth++;
	return 0;
}

int pdftag_end(struct pdftag *t)
{
	if (!t->depth)
		return -1;
	close_mc(t);
	t->depth--;
	return 0;
}

enum pdf_role pdftag_open(const struct pdftag *t)
{
	return t->depth ? t->stack[t->depth].role : PDF_ROLE_NONE;
}

int pdftag_content(const struct pdftag *t)
{
	return !t->artifact && t->depth &&
	       !holds_only_elements(t->stack[t->depth].role);
}

void pdftag_artifact(struct pdftag *t, int on)
{
	if (on)
		t->artifact++;
	else if (t->artifact)
		t->artifact--;
}

void pdftag_finish(struct pdftag *t)
{
	close_mc(t);
}
