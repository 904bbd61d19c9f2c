/* chartworld.h: a small catalogue, roster, published figures and tidy
 * returns held in memory, for the chart tests (header-only, like unit.h),
 * and ways to find a scene's shapes by role. */
#ifndef PLEDGE_TEST_CHARTWORLD_H
#define PLEDGE_TEST_CHARTWORLD_H

#include "unit.h"

#include "chart/charts.h"
#include "chart/layout.h"
#include "base/period.h"

#include <math.h>

/* Catalogue order; the headline of each follows from its kind. */
enum { STAFF, CARERS, POLICY, NETWORK, PATHWAY, LEAVE, PAY, WAGE, NMETRICS };

static const char chart_catalogue_csv[] =
	"metric,area,kind,of,min,max,better,sensitive,label,question\n"
	"staff,employer,count,,,,,no,Employees,Q\n"
	"carers,employer,count,staff,,,higher,yes,Employees known to be carers,Q\n"
	"policy,employer,yesno,,,,higher,no,Carer-friendly policy,Q\n"
	"network,employer,yesno,,,,higher,no,Carers' network,Q\n"
	"pathway,paid_carers,yesno,,,,higher,no,Career pathway,Q\n"
	"leave,employer,number,,,,higher,no,Paid carer's leave (days),Q\n"
	"pay,paid_carers,money,,,,higher,no,Median hourly pay (\xC2\xA3),Q\n"
	"wage,paid_carers,percent,,0,100,higher,no,Paid the Living Wage (%),Q\n";

static const char chart_roster_csv[] =
	"org_id,org_name,region,peer_group,joined\n"
	"HX01,Brackenmoor Homes,North West,large,2020-Q1\n"
	"HX02,Hollins Reed,Yorkshire,medium,2020-Q1\n"
	"HX03,T\xC5\xB7 Glas Housing,Wales,medium,2020-Q1\n"
	"HX04,Greymere Housing,London,large,2020-Q1\n"
	"HX05,Saltings Housing Trust,South West,small,2020-Q1\n"
	"HX06,Harbourlight Homes,South East,large,2020-Q1\n"
	"HX07,Fenwick Dwellings,East,small,2020-Q1\n"
	"HX08,Oakridge Living,Midlands,medium,2020-Q1\n";

struct world {
	struct catalogue cat;
	struct roster roster;
	struct settings set;
	struct fonts *fonts;
	struct aggin agg;
	struct aggregate ret;
	struct diags d;
	struct scene **scenes;  /* every scene made, freed with the world,
				   so a failed test leaks nothing */
	size_t nscenes;
};

static inline struct world *world_new(const char *catalogue,
				      const char *roster)
{
	struct world *w = calloc(1, sizeof(*w));
	assert_non_null(w);
	diags_init(&w->d);
	settings_default(&w->set);
	char *c = temp_text(catalogue), *r = temp_text(roster);
	int ok = catalogue_load(&w->cat, c, &w->d) == 0 &&
		 roster_load(&w->roster, r, &w->d) == 0 && w->d.len == 0;
	temp_remove(c);
	temp_remove(r);
	if (!ok) {
		diag_dump(&w->d);
		fail_msg("the test's catalogue or roster did not load");
	}
	char why[300] = "";
	w->fonts = fonts_load(w->set.font_regular, w->set.font_bold, why,
			      sizeof(why));
	if (!w->fonts)
		fail_msg("fonts: %s", why);
	w->agg.first = w->agg.last = PERIOD_NONE;
	aggregate_init(&w->ret, &w->cat, &w->roster);
	return w;
}

static inline void world_free(struct world *w)
{
	for (size_t i = 0; i < w->nscenes; i++) {
		scene_free(w->scenes[i]);
		free(w->scenes[i]);
	}
	free(w->scenes);
	aggregate_free(&w->ret);
	aggin_free(&w->agg);
	fonts_free(w->fonts);
	catalogue_free(&w->cat);
	roster_free(&w->roster);
	settings_free(&w->set);
	diags_free(&w->d);
	free(w);
}

static inline int world_setup(void **state)
{
	*state = world_new(chart_catalogue_csv, chart_roster_csv);
	return 0;
}

static inline int world_teardown(void **state)
{
	world_free(*state);
	return 0;
}

static inline int P(const char *text)
{
	int p = period_parse(text);
	assert_int_not_equal(p, PERIOD_NONE);
	return p;
}

/* Appends a published row as aggin_read would. */
static inline void put_row(struct world *w, const struct agg_row *row)
{
	assert_int_equal(aggin_add(&w->agg, row), 0);
}

/* Publishes a sector row: has says which of v[] are published. */
static inline void put(struct world *w, const char *period, int metric,
		       size_t n, unsigned has, const double v[AGG_NSTATS],
		       bool withheld)
{
	struct agg_row r;
	memset(&r, 0, sizeof(r));
	r.period = P(period);
	r.metric = metric;
	r.group = AGG_SECTOR;
	r.n = n;
	r.has = has;
	r.suppressed = withheld;
	if (v)
		memcpy(r.v, v, sizeof(r.v));
	put_row(w, &r);
}

#define BIT(stat) (1u << AGG_##stat)

static inline void put_sum(struct world *w, const char *period, int metric,
			   size_t n, double sum)
{
	double v[AGG_NSTATS] = { [AGG_SUM] = sum, [AGG_MEAN] = sum / (double)n };
	put(w, period, metric, n, BIT(SUM) | BIT(MEAN), v, false);
}

static inline void put_rate(struct world *w, const char *period, int metric,
			    size_t n, double rate)
{
	double v[AGG_NSTATS] = { [AGG_RATE] = rate };
	put(w, period, metric, n, BIT(RATE), v, false);
}

static inline void put_median(struct world *w, const char *period,
			      int metric, size_t n, double median, double p25,
			      double p75)
{
	double v[AGG_NSTATS] = { [AGG_MEDIAN] = median, [AGG_P25] = p25,
				 [AGG_P75] = p75, [AGG_MEAN] = median };
	put(w, period, metric, n,
	    BIT(MEDIAN) | BIT(P25) | BIT(P75) | BIT(MEAN), v, false);
}

/* A row with every figure published, as pledge-aggregate writes for a
 * metric that is not about people: sum, mean, quartiles, min, max, and
 * rate (when rate is not NAN). */
static inline void put_all(struct world *w, const char *period, int metric,
			   size_t n, double sum, double median, double p25,
			   double p75, double rate)
{
	double v[AGG_NSTATS] = { [AGG_SUM] = sum, [AGG_MEAN] = sum / (double)n,
				 [AGG_MEDIAN] = median, [AGG_P25] = p25,
				 [AGG_P75] = p75, [AGG_MIN] = p25 / 2,
				 [AGG_MAX] = p75 * 2, [AGG_RATE] = rate };
	unsigned has = BIT(SUM) | BIT(MEAN) | BIT(MEDIAN) | BIT(P25) |
		       BIT(P75) | BIT(MIN) | BIT(MAX);
	if (!isnan(rate))
		has |= BIT(RATE);
	put(w, period, metric, n, has, v, false);
}

/* The y of the highest grid line (the top of the value axis). */
static inline double top_grid_y(const struct scene *s)
{
	double y = INFINITY;
	for (size_t i = 0; i < s->len; i++)
		if (!strcmp(s->shapes[i].role, "grid") && s->shapes[i].pts)
			y = fmin(y, s->shapes[i].pts[0].y);
	return y;
}

/* A row whose figures were all withheld (flag c). */
static inline void put_withheld(struct world *w, const char *period,
				int metric, size_t n)
{
	put(w, period, metric, n, 0, NULL, true);
}

static inline void put_returns(struct world *w, const char *period,
			       size_t sent, double owed)
{
	double v[AGG_NSTATS] = { [AGG_SUM] = owed };
	put(w, period, AGG_RETURNS, sent, BIT(SUM), v, false);
}

/* One organisation's answer in the tidy returns. */
static inline void answer(struct world *w, const char *period,
			  const char *org, int metric, double value)
{
	int o = roster_find(&w->roster, org);
	assert_true(o >= 0);
	assert_int_equal(aggregate_add(&w->ret, P(period), o, metric, value),
			 0);
}

/* The published figures pledge-aggregate would write for the returns
 * added so far, as the charts read them back. */
static inline int publish_row(const struct agg_row *row, void *ctx)
{
	if (row->group == AGG_SECTOR)
		put_row(ctx, row);
	return 0;
}

static inline void publish(struct world *w)
{
	aggin_free(&w->agg);
	w->agg.first = w->agg.last = PERIOD_NONE;
	assert_int_equal(aggregate_rows(&w->ret, &w->set, publish_row, w), 0);
}

static inline struct chart_input input_of(struct world *w, bool returns)
{
	return (struct chart_input){ .cat = &w->cat, .roster = &w->roster,
				     .settings = &w->set, .fonts = w->fonts,
				     .agg = &w->agg,
				     .returns = returns ? &w->ret : NULL,
				     .period = w->agg.last };
}

/* A new empty chart-sized scene, owned by w (scene_free empties it;
 * world_free frees it). */
static inline struct scene *scene_new(struct world *w)
{
	struct scene *s = malloc(sizeof(*s));
	struct scene **all = realloc(w->scenes,
				     (w->nscenes + 1) * sizeof(*all));
	assert_non_null(s);
	assert_non_null(all);
	w->scenes = all;
	w->scenes[w->nscenes++] = s;
	scene_init(s, CHART_WIDTH, CHART_HEIGHT, w->fonts);
	return s;
}

/* --- finding shapes --- */

static inline size_t count_role(const struct scene *s, const char *role)
{
	size_t n = 0;
	for (size_t i = 0; i < s->len; i++)
		n += strcmp(s->shapes[i].role, role) == 0;
	return n;
}

/* The i-th shape of role, in the order it was added, or NULL. */
static inline const struct shape *nth(const struct scene *s,
				      const char *role, size_t i)
{
	for (size_t k = 0; k < s->len; k++)
		if (strcmp(s->shapes[k].role, role) == 0 && i-- == 0)
			return &s->shapes[k];
	return NULL;
}

/* The text shape of role that says text, or NULL. */
static inline const struct shape *text_shape(const struct scene *s,
					     const char *role,
					     const char *text)
{
	for (size_t k = 0; k < s->len; k++)
		if (s->shapes[k].kind == SHAPE_TEXT &&
		    strcmp(s->shapes[k].role, role) == 0 &&
		    strcmp(s->shapes[k].text, text) == 0)
			return &s->shapes[k];
	return NULL;
}

/* Every shape's role and text, for failure messages. */
static inline void scene_dump(const struct scene *s)
{
	for (size_t k = 0; k < s->len; k++) {
		const struct shape *sh = &s->shapes[k];
		print_message("  %-12s kind %d x %.1f y %.1f w %.1f h %.1f%s%s\n",
			      sh->role, (int)sh->kind, sh->x, sh->y, sh->w,
			      sh->h, sh->text ? " text " : "",
			      sh->text ? sh->text : "");
	}
}

static inline void expect_text_of(const struct scene *s, const char *role,
				  size_t i, const char *want)
{
	const struct shape *t = nth(s, role, i);
	if (!t || t->kind != SHAPE_TEXT) {
		scene_dump(s);
		fail_msg("no %s text number %zu (want '%s')", role, i, want);
	}
	if (strcmp(t->text, want) != 0) {
		scene_dump(s);
		fail_msg("%s %zu says '%s', want '%s'", role, i, t->text, want);
	}
}

static inline void expect_scene_ok(const struct scene *s)
{
	char why[300] = "";
	if (scene_check(s, why, sizeof(why)) != 0) {
		scene_dump(s);
		fail_msg("scene_check: %s", why);
	}
}

static inline void expect_reading(const struct scene *s, const char *want)
{
	if (!s->reading)
		fail_msg("no reading; want \"%s\"", want);
	if (strcmp(s->reading, want) != 0)
		fail_msg("reading \"%s\"\n      want \"%s\"", s->reading, want);
}

static inline int close_to(double a, double b)
{
	return fabs(a - b) <= 1e-6 * fmax(1, fmax(fabs(a), fabs(b)));
}

#endif
