/* html: a report's HTML edition, heard from the PDF as it is made.
 *
 * The HTML is not a second copy of the report's wording: it listens to
 * the tagged PDF (pdf_listen) and writes each structure element as its
 * HTML twin (H1 -> h1, P -> p, L/LI -> ul/li, Table/TR -> table/tr with
 * a caption (the heading it is under), TH -> th with its scope, TD -> td)
 * and each text drawn as content into it, escaped; decoration (running
 * footers, shading) is not heard. A Figure is written as its chart's SVG
 * inline, with the chart's data as a table in a <details> under it;
 * what the PDF draws inside the Figure is passed over.
 *
 * The page is one self-contained file: lang="en-GB", everything in
 * <main>, styles (for screen and print) in its head, no script, no
 * outside resource. The same report gives the same bytes. */
#ifndef PLEDGE_HTML_H
#define PLEDGE_HTML_H

#include <stddef.h>

#include "../chart/scene.h"
#include "pdf.h"

struct html;

/* A page titled title (UTF-8), its main headings in accent (when that
 * reads at 4.5:1 or more on white; else in the text colour). */
struct html *html_new(const char *title, struct rgb accent);
void html_free(struct html *h);

/* What to give pdf_listen so that h hears the document. */
struct pdf_listener html_listener(struct html *h);

/* The chart the next Figure opened shows (not copied: it must live until
 * that Figure is closed). Its SVG's ids are prefixed "figN-", N counting
 * the figures of the page from 1. */
void html_figure(struct html *h, const struct scene *s);

/* Writes the page to path atomically, mode 0644. Returns 0, or -1 with
 * why (naming path); path is then left as it was. */
int html_save(struct html *h, const char *path, char *why, size_t size);

#endif
