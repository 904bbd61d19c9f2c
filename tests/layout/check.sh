#!/bin/sh
# Layout check of one PDF report, from `pdftotext -bbox-layout`:
#   - no word lies outside the 48 pt margins: left, right and top on
#     every page, and bottom for everything but the running footer
#     ("Page N of M" and the title beside it, in the bottom margin);
#   - no word is cut short with "…";
#   - no page is under half full, unless it is a section's last: the
#     document's last page, or a page followed by one that opens with a
#     section heading (a first line set 17 pt or larger).
# Fullness is how far down the page's body area (48 pt from the top to
# 56 pt from the bottom) its lowest word reaches.
#
# usage: check.sh REPORT.pdf     prints each problem; exit 1 if any
set -u
pdf=$1
margin=48
pdftotext -bbox-layout "$pdf" - | awk -v margin="$margin" -v name="$(basename "$pdf")" '
function attr(s, key,    m) {
	if (match(s, key "=\"[-0-9.]+\"")) {
		m = substr(s, RSTART + length(key) + 2, RLENGTH - length(key) - 3)
		return m + 0
	}
	return -1
}
/<page / {
	pages++
	width[pages] = attr($0, "width")
	height[pages] = attr($0, "height")
	low[pages] = 0
	first_y[pages] = 1e9
	first_h[pages] = 0
}
/<word / {
	x0 = attr($0, "xMin"); y0 = attr($0, "yMin")
	x1 = attr($0, "xMax"); y1 = attr($0, "yMax")
	w = $0
	sub(/.*">/, "", w); sub(/<\/word>.*/, "", w)
	footer = y0 > height[pages] - 56
	slack = 0.5
	if (x0 < margin - slack || x1 > width[pages] - margin + slack ||
	    y0 < margin - slack ||
	    (!footer && y1 > height[pages] - margin + slack)) {
		printf "%s: page %d: \"%s\" lies outside the margins (%.1f,%.1f)-(%.1f,%.1f)\n",
			name, pages, w, x0, y0, x1, y1
		bad++
	}
	if (index(w, "\342\200\246")) {
		printf "%s: page %d: \"%s\" is cut short\n", name, pages, w
		bad++
	}
	if (footer)
		next
	if (y1 > low[pages])
		low[pages] = y1
	if (y0 < first_y[pages] - 0.5) {
		first_y[pages] = y0
		first_h[pages] = y1 - y0
	}
}
END {
	for (p = 1; p <= pages; p++) {
		body = height[p] - 56 - margin
		full = (low[p] - margin) / body
		last = p == pages || first_h[p + 1] >= 17
		if (ENVIRON["LAYOUT_VERBOSE"] != "")
			printf "%s: page %d: %d%% full%s\n", name, p, full * 100,
				last ? ", the end of a section" : "" > "/dev/stderr"
		if (full < 0.5 && !last) {
			printf "%s: page %d of %d is %d%% full, and not a section'"'"'s last\n",
				name, p, pages, full * 100
			bad++
		}
	}
	printf "%s: %d pages checked\n", name, pages > "/dev/stderr"
	exit bad ? 1 : 0
}'
