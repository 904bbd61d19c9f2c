/* pngdiff: compares two PNGs pixel by pixel, within a tolerance, as
 * cairo's own test suite does (buffer-diff).
 *
 * usage: pngdiff [-t TOLERANCE] [-s SHARE] EXPECTED ACTUAL DIFFOUT
 *
 * A pixel differs when any channel (red, green, blue, alpha) differs by
 * more than TOLERANCE (0-255, default 24: anti-aliasing that moved a
 * little). The images match when they are the same size and no more
 * than SHARE of the pixels differ (default 0.00002, 2 in 100,000: ten
 * pixels of a 960 x 540 chart, where one changed digit of a 9 pt label
 * is some 70 and a bar one point longer some 50).
 * Exit 0 when they match; 1 when they do not, after writing DIFFOUT: the
 * expected image faded to grey, with every differing pixel in red (and
 * the area only one image covers in red too); 2 when an image cannot be
 * read or the diff cannot be written.
 *
 * The PNGs are read and written with Cairo, the library that drew them. */
#include <cairo.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "pngdiff";

static void usage(FILE *fp)
{
	fprintf(fp, "usage: %s [-t TOLERANCE] [-s SHARE] EXPECTED ACTUAL "
		"DIFFOUT\n", prog);
}

/* An image read into ARGB32 pixels (alpha forced opaque for RGB24). */
struct image {
	cairo_surface_t *surface;
	int width, height, stride;
	const unsigned char *data;
	int opaque;
};

static int image_read(struct image *im, const char *path)
{
	im->surface = cairo_image_surface_create_from_png(path);
	cairo_status_t st = cairo_surface_status(im->surface);
	if (st != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "%s: cannot read %s as a PNG: %s\n", prog, path,
			cairo_status_to_string(st));
		cairo_surface_destroy(im->surface);
		im->surface = NULL;
		return -1;
	}
	cairo_surface_flush(im->surface);
	im->width = cairo_image_surface_get_width(im->surface);
	im->height = cairo_image_surface_get_height(im->surface);
	im->stride = cairo_image_surface_get_stride(im->surface);
	im->data = cairo_image_surface_get_data(im->surface);
	im->opaque = cairo_image_surface_get_format(im->surface) == CAIRO_FORMAT_RGB24;
	return 0;
}

static uint32_t pixel(const struct image *im, int x, int y)
{
	uint32_t p;
	memcpy(&p, im->data + (size_t)y * (size_t)im->stride + 4 * (size_t)x,
	       4);
	return im->opaque ? p | 0xFF000000u : p;
}

static int differs(uint32_t a, uint32_t b, int tolerance)
{
	for (int shift = 0; shift < 32; shift += 8) {
		int d = (int)((a >> shift) & 0xFF) - (int)((b >> shift) & 0xFF);
		if (d > tolerance || d < -tolerance)
			return 1;
	}
	return 0;
}

/* Faded grey of an (opaque) pixel, for the diff's background. */
static uint32_t faded(uint32_t p)
{
	unsigned r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
	unsigned grey = (r * 30 + g * 59 + b * 11) / 100;
	grey = 255 - (255 - grey) / 4;
	return 0xFF000000u | grey << 16 | grey << 8 | grey;
}

int main(int argc, char **argv)
{
	int tolerance = 24;
	double share = 0.00002;
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		char *end;
		if (!strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(argv[i], "-t") && i + 1 < argc) {
			long t = strtol(argv[++i], &end, 10);
			if (*end || t < 0 || t > 255)
				break;
			tolerance = (int)t;
		} else if (!strcmp(argv[i], "-s") && i + 1 < argc) {
			share = strtod(argv[++i], &end);
			if (*end || !(share >= 0 && share <= 1))
				break;
		} else {
			break;
		}
	}
	if (argc - i != 3) {
		usage(stderr);
		return 2;
	}
	const char *expected = argv[i], *actual = argv[i + 1],
		   *diffout = argv[i + 2];
	struct image want = { 0 }, got = { 0 };
	if (image_read(&want, expected) < 0 || image_read(&got, actual) < 0) {
		if (want.surface)
			cairo_surface_destroy(want.surface);
		return 2;
	}
	int w = want.width > got.width ? want.width : got.width;
	int h = want.height > got.height ? want.height : got.height;
	cairo_surface_t *diff = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_surface_flush(diff);
	unsigned char *dd = cairo_image_surface_get_data(diff);
	int ds = cairo_image_surface_get_stride(diff);
	size_t bad = 0;
	for (int y = 0; y < h; y++) {
		for (int x = 0; x < w; x++) {
			int in_want = x < want.width && y < want.height;
			int in_got = x < got.width && y < got.height;
			uint32_t out;
			if (!in_want || !in_got) {
				out = 0xFFFF0000u;
				bad++;
			} else {
				uint32_t a = pixel(&want, x, y);
				uint32_t b = pixel(&got, x, y);
				if (differs(a, b, tolerance)) {
					out = 0xFFFF0000u;
					bad++;
				} else {
					out = faded(a);
				}
			}
			memcpy(dd + (size_t)y * (size_t)ds + 4 * (size_t)x, &out,
			       4);
		}
	}
	cairo_surface_mark_dirty(diff);
	size_t total = (size_t)w * (size_t)h;
	int same_size = want.width == got.width && want.height == got.height;
	int match = same_size && (double)bad <= share * (double)total;
	int status = 0;
	if (!match) {
		status = 1;
		if (!same_size)
			printf("%s: %s is %dx%d, %s is %dx%d\n", prog, actual,
			       got.width, got.height, expected, want.width,
			       want.height);
		printf("%s: %s differs from %s: %zu of %zu pixels (%.4f%%) "
		       "differ by more than %d; see %s\n", prog, actual,
		       expected, bad, total, 100.0 * (double)bad / (double)total,
		       tolerance, diffout);
		cairo_status_t st = cairo_surface_write_to_png(diff, diffout);
		if (st != CAIRO_STATUS_SUCCESS) {
			fprintf(stderr, "%s: cannot write %s: %s\n", prog,
				diffout, cairo_status_to_string(st));
			status = 2;
		}
	}
	cairo_surface_destroy(diff);
	cairo_surface_destroy(want.surface);
	cairo_surface_destroy(got.surface);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: cannot write to standard output: %s\n",
			prog, strerror(errno));
		return 2;
	}
	return status;
}
