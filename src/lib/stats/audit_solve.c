#include "audit_solve.h"

#include <math.h>
#include <string.h>

#define EPS 1e-9
#define MAX_ROWS 8
#define MAX_STEPS 100000

double solve_weight(size_t n, double p, size_t k)
{
	double h = (double)(n - 1) * p;
	size_t lo = (size_t)floor(h);
	double frac = h - (double)lo;
	if (k == lo)
		return 1 - frac;
	if (k == lo + 1)
		return frac;
	return 0;
}

/* One equation per published figure, in the sorted values. */
static size_t equations(double a[MAX_ROWS][SOLVE_MAX_N], size_t n,
			unsigned has, bool rate_is_mean)
{
	static const double quantile[AGG_NSTATS] = {
		[AGG_MEDIAN] = 0.5, [AGG_P25] = 0.25, [AGG_P75] = 0.75 };
	size_t m = 0;
	if (rate_is_mean && (has & 1u << AGG_RATE))
		has |= 1u << AGG_MEAN;
	for (int s = AGG_SUM; s <= AGG_MAX; s++) {
		if (!(has & 1u << s))
			continue;
		for (size_t k = 0; k < n; k++) {
			double w = 0;
			if (s == AGG_SUM || s == AGG_MEAN)
				w = 1;
			else if (s == AGG_MIN)
				w = k == 0;
			else if (s == AGG_MAX)
				w = k == n - 1;
			else
				w = solve_weight(n, quantile[s], k);
			a[m][k] = w;
		}
		m++;
	}
	return m;
}

/* Reduces a to reduced row echelon form; pivot[c] is the row whose leading
 * entry is in column c, or -1. */
static void reduce(double a[MAX_ROWS][SOLVE_MAX_N], size_t m, size_t n,
		     int pivot[SOLVE_MAX_N])
{
	size_t r = 0;
	for (size_t c = 0; c < n; c++) {
		pivot[c] = -1;
		if (r >= m)
			continue;
		size_t best = r;
		for (size_t i = r; i < m; i++)
			if (fabs(a[i][c]) > fabs(a[best][c]))
				best = i;
		if (fabs(a[best][c]) < EPS)
			continue;
		double tmp[SOLVE_MAX_N];
		memcpy(tmp, a[best], sizeof(tmp));
		memcpy(a[best], a[r], sizeof(tmp));
		memcpy(a[r], tmp, sizeof(tmp));
		for (size_t k = n; k-- > c;)
			a[r][k] /= a[r][c];
		for (size_t i = 0; i < m; i++) {
			if (i == r || fabs(a[i][c]) < EPS)
				continue;
			double f = a[i][c];
			for (size_t k = c; k < n; k++)
				a[i][k] -= f * a[r][k];
		}
		pivot[c] = (int)r++;
	}
}

/* Whether x + t d is still sorted (and whole) for some t other than 0:
 * false when the one free direction d is pinned by the order. */
static bool moves(const double *x, const double *d, size_t n, bool whole)
{
	double lo = -INFINITY, hi = INFINITY, big = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		double c = d[i] - d[i + 1], room = x[i + 1] - x[i];
		if (c > EPS)
			hi = fmin(hi, room / c);
		else if (c < -EPS)
			lo = fmax(lo, room / c);
	}
	for (size_t i = 0; i < n; i++)
		big = fmax(big, fabs(d[i]));
	if (hi - lo < EPS)
		return false;
	if (!whole)
		return true;
	/* Step so that the largest component moves by whole numbers. */
	double step = 1 / big;
	if (!isfinite(lo) || !isfinite(hi) || (hi - lo) / step > MAX_STEPS)
		return true;
	for (double t = ceil(lo / step - EPS) * step; t <= hi + EPS;
	     t += step) {
		if (fabs(t) < EPS / 2)
			continue;
		bool ok = true;
		for (size_t i = 0; ok && i < n; i++) {
			double v = x[i] + t * d[i];
			ok = fabs(v - round(v)) < 1e-6;
		}
		if (ok)
			return true;
	}
	return false;
}

unsigned solve_pinned(const double *x, size_t n, unsigned has,
		      bool rate_is_mean, bool whole)
{
	if (n < 1 || n > SOLVE_MAX_N)
		return 0;
	double a[MAX_ROWS][SOLVE_MAX_N] = { { 0 } };
	size_t m = equations(a, n, has, rate_is_mean);
	int pivot[SOLVE_MAX_N];
	reduce(a, m, n, pivot);
	double null[SOLVE_MAX_N][SOLVE_MAX_N];
	size_t free_cols = 0;
	for (size_t f = 0; f < n; f++) {
		if (pivot[f] >= 0)
			continue;
		double *v = null[free_cols++];
		for (size_t c = 0; c < n; c++)
			v[c] = c == f ? 1 : pivot[c] >= 0 ? -a[pivot[c]][f] : 0;
	}
	unsigned pinned = 0;
	for (size_t k = 0; k < n; k++) {
		bool fixed = true;
		for (size_t j = 0; j < free_cols; j++)
			fixed &= fabs(null[j][k]) < EPS;
		pinned |= (unsigned)fixed << k;
	}
	if (free_cols == 1 && !moves(x, null[0], n, whole))
		pinned = (1u << n) - 1;
	return pinned;
}
