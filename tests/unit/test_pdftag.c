/* Unit tests for the tagging of report/pdf (report/pdftag) and the HTML
 * edition that listens to it (report/html): tags nest and close in
 * order, refuse to go deeper than PDF_TAG_DEPTH or to close what is not
 * open; a listener hears each element and the text drawn as content, not
 * decoration; and the HTML twin of a tagged document has its headings,
 * paragraphs and table cells, with its empty elements left out. The
 * structure as a reader sees it is checked in tests/a11y. */
#include "chartworld.h"

#include "base/buf.h"
#include "report/html.h"
#include "report/pdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* The whole of path, in new memory. */
static char *read_file(const char *path)
{
	struct buf b = BUF_INIT;
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	buf_addc(&b, '\0');
	return b.s;
}

static int setup(void **state)
{
	*state = world_new(chart_catalogue_csv, chart_roster_csv);
	return 0;
}

static int teardown(void **state)
{
	pdf_release();
	world_free(*state);
	return 0;
}

static struct pdf *new_pdf(const struct world *w)
{
	static const struct pdf_info info = { .title = "Tags", .date = 0 };
	char why[300] = "";
	struct pdf *p = pdf_new(w->set.font_regular, w->set.font_bold, &info,
				why, sizeof(why));
	if (!p)
		fail_msg("pdf_new: %s", why);
	assert_int_equal(pdf_add_page(p), 1);
	return p;
}

static void tags_nest_and_close_in_order(void **state)
{
	struct pdf *p = new_pdf(*state);
	assert_int_equal(pdf_tag_open(p), PDF_ROLE_NONE);
	assert_int_equal(pdf_tag_end(p), -1);
	assert_int_equal(pdf_tag_begin(p, PDF_ROLE_TABLE, NULL), 0);
	assert_int_equal(pdf_tag_begin(p, PDF_ROLE_TR, NULL), 0);
	assert_int_equal(pdf_tag_begin(p, PDF_ROLE_TH_ROW, NULL), 0);
	assert_int_equal(pdf_tag_open(p), PDF_ROLE_TH_ROW);
	assert_int_equal(pdf_tag_end(p), 0);
	assert_int_equal(pdf_tag_open(p), PDF_ROLE_TR);
	assert_int_equal(pdf_tag_end(p), 0);
	assert_int_equal(pdf_tag_end(p), 0);
	assert_int_equal(pdf_tag_open(p), PDF_ROLE_NONE);
	assert_null(pdf_error(p));
	for (int i = 0; i < PDF_TAG_DEPTH; i++)
		assert_int_equal(pdf_tag_begin(p, PDF_ROLE_SECT, NULL), 0);
	assert_int_equal(pdf_tag_begin(p, PDF_ROLE_P, NULL), -1);
	assert_non_null(pdf_error(p));
	pdf_free(p);
}

struct heard {
	struct buf log;
};

static void heard_begin(void *ctx, enum pdf_role role, const char *alt)
{
	buf_addf(&((struct heard *)ctx)->log, "<%d%s%s>", (int)role,
		 alt ? ":" : "", alt ? alt : "");
}

static void heard_text(void *ctx, const char *text)
{
	buf_adds(&((struct heard *)ctx)->log, text);
}

static void heard_end(void *ctx)
{
	buf_adds(&((struct heard *)ctx)->log, "</>");
}

static void listener_hears_content_not_decoration(void **state)
{
	struct pdf *p = new_pdf(*state);
	struct heard h = { BUF_INIT };
	struct pdf_listener l = { heard_begin, heard_text, heard_end, &h };
	pdf_listen(p, &l);
	pdf_text(p, 50, 50, "untagged", 10, WEIGHT_REGULAR, ALIGN_LEFT,
		 COLOUR_TEXT);
	pdf_tag_begin(p, PDF_ROLE_FIGURE, "A chart");
	pdf_text(p, 50, 60, "inside", 10, WEIGHT_REGULAR, ALIGN_LEFT,
		 COLOUR_TEXT);
	pdf_artifact_begin(p);
	pdf_text(p, 50, 70, "footer", 10, WEIGHT_REGULAR, ALIGN_LEFT,
		 COLOUR_TEXT);
	pdf_artifact_end(p);
	pdf_tag_end(p);
	pdf_tag_begin(p, PDF_ROLE_TABLE, NULL);
	pdf_text(p, 50, 80, "shading", 10, WEIGHT_REGULAR, ALIGN_LEFT,
		 COLOUR_TEXT);
	pdf_tag_end(p);
	char want[64];
	snprintf(want, sizeof(want), "<%d:A chart>inside</><%d></>",
		 (int)PDF_ROLE_FIGURE, (int)PDF_ROLE_TABLE);
	assert_string_equal(h.log.s, want);
	pdf_listen(p, NULL);
	pdf_tag_begin(p, PDF_ROLE_P, NULL);
	pdf_tag_end(p);
	assert_string_equal(h.log.s, want);
	buf_free(&h.log);
	pdf_free(p);
}

static void html_is_the_tagged_documents_twin(void **state)
{
	struct pdf *p = new_pdf(*state);
	struct html *h = html_new("Tŷ <Glas>", COLOUR_YELLOW);
	struct pdf_listener l = html_listener(h);
	pdf_listen(p, &l);
	static const struct {
		enum pdf_role role;
		const char *text;
	} plan[] = {
		{ PDF_ROLE_H1, "Pay & hours " }, { PDF_ROLE_P, "" },
		{ PDF_ROLE_P, "First line " }, { PDF_ROLE_TABLE, NULL },
		{ PDF_ROLE_TR, NULL }, { PDF_ROLE_TH_ROW, "Staff" },
		{ PDF_ROLE_TD, "" },
	};
	size_t n = sizeof(plan) / sizeof(*plan);
	for (size_t i = 0; i < n; i++) {
		pdf_tag_begin(p, plan[i].role, NULL);
		if (plan[i].text)
			pdf_text(p, 50, 50 + 10 * (double)i, plan[i].text, 10,
				 WEIGHT_REGULAR, ALIGN_LEFT, COLOUR_TEXT);
		if (plan[i].role != PDF_ROLE_TABLE &&
		    plan[i].role != PDF_ROLE_TR)
			pdf_tag_end(p);
	}
	pdf_tag_end(p);
	pdf_tag_end(p);
	char path[] = "/tmp/pledge-html-XXXXXX", why[300];
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(html_save(h, path, why, sizeof(why)), 0);
	char *got = read_file(path);
	unlink(path);
	static const char *const want[] = {
		"<html lang=\"en-GB\">", "<title>Tŷ &lt;Glas&gt;</title>",
		"h1{color:#222222;", "<main>\n<h1>Pay &amp; hours</h1>\n"
		"<p>First line</p>\n<table>\n<caption>Pay &amp; hours"
		"</caption>\n<tr><th scope=\"row\">Staff</th><td></td></tr>\n"
		"</table>\n</main>",
	};
	for (size_t i = 0; i < sizeof(want) / sizeof(*want); i++)
		if (!strstr(got, want[i]))
			fail_msg("no %s in the page", want[i]);
	assert_null(strstr(got, "<script"));
	free(got);
	html_free(h);
	pdf_free(p);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(tags_nest_and_close_in_order),
		TEST(listener_hears_content_not_decoration),
		TEST(html_is_the_tagged_documents_twin),
	};
	return cmocka_run_group_tests_name("pdftag", tests, NULL, NULL);
}
