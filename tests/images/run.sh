#!/bin/sh
# Image tests: pledge-chart draws a small fixed sector (roster.csv,
# returns.csv and aggregates.csv in this folder: 8 associations, 4
# quarters, a missing return, a withheld quarter, a quarter nobody
# answered; aggregates.csv is pledge-aggregate's output for the other
# two), and
#   - a few charts are compared with the reference PNGs in expected/ by
#     pngdiff, within a tolerance (a failure leaves NAME.diff.png, the
#     differing pixels in red);
#   - the same charts' SVGs, rendered at 2x by rsvg-convert (librsvg, not
#     the Cairo that drew the PNGs), are compared with expected/NAME.svg.png
#     likewise: the SVG, written without Cairo, must keep drawing every
#     shape and every glyph of every label where it was;
#   - readings.csv is compared with expected/readings.csv exactly;
#   - a second run must give the same bytes in every PNG, SVG and
#     readings.csv (SPEC §7: same input, same bytes).
# The last run's charts and diff images are kept in $IMAGES_OUT (default
# TOOLS_DIR/images) to look at.
#
# usage: run.sh BIN_DIR TOOLS_DIR    (UPDATE=1 rewrites expected/ from
#                                     this run: look at every picture
#                                     before committing it)
set -u
bin=$(cd "$1" && pwd)
tools=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${IMAGES_OUT:-$tools/images}
rm -rf "$out"
mkdir -p "$out" || exit 2

# A bar chart, the commitments, a median trend with its band and a gap,
# a rate trend with a withheld quarter, a distribution with HX03 marked.
charts="response commitments trend-care_living_wage_pct trend-staff_carers
distribution-care_median_pay"

pass=0
fail=0
passed() { pass=$((pass + 1)); }
failed() { fail=$((fail + 1)); echo "FAIL images/$1"; }

draw() {
	(cd "$here" && LC_ALL=C.UTF-8 "$bin/pledge-chart" \
		--templates "$root/templates" --roster roster.csv \
		--returns returns.csv --org HX03 --out "$1" aggregates.csv) \
		>"$1.out" 2>"$1.err"
	echo $? >"$1.status"
}
draw "$out/first"
draw "$out/second"

# Every chart of the fixture can be drawn: exit 0, nothing said.
if [ "$(cat "$out/first.status")" = 0 ] && [ ! -s "$out/first.err" ] &&
	[ ! -s "$out/first.out" ]; then
	passed
else
	failed "pledge-chart: exit $(cat "$out/first.status")"
	sed 's,^,    ,' "$out/first.err" | head -20
fi

if [ "${UPDATE:-0}" = 1 ]; then
	mkdir -p "$here/expected"
	for c in $charts; do
		cp "$out/first/$c.png" "$here/expected/$c.png"
	done
	cp "$out/first/readings.csv" "$here/expected/readings.csv"
fi

# The SVGs drawn again by librsvg, at the PNGs' 2x (144 dpi).
for c in $charts; do
	rsvg-convert --dpi-x 144 --dpi-y 144 -o "$out/$c.svg.png" \
		"$out/first/$c.svg" 2>"$out/$c.rsvg.err" || rm -f "$out/$c.svg.png"
	if [ "${UPDATE:-0}" = 1 ] && [ -f "$out/$c.svg.png" ]; then
		cp "$out/$c.svg.png" "$here/expected/$c.svg.png"
	fi
done

for c in $charts; do
	if [ ! -f "$out/first/$c.png" ]; then
		failed "$c.png: not drawn"
	elif "$tools/pngdiff" "$here/expected/$c.png" "$out/first/$c.png" \
		"$out/$c.diff.png" >"$out/$c.pngdiff" 2>&1; then
		passed
	else
		failed "$c.png: differs from expected/$c.png"
		sed 's,^,    ,' "$out/$c.pngdiff"
	fi
done

for c in $charts; do
	if [ ! -f "$out/$c.svg.png" ]; then
		failed "$c.svg: rsvg-convert could not draw it"
		sed 's,^,    ,' "$out/$c.rsvg.err" | head -5
	elif "$tools/pngdiff" "$here/expected/$c.svg.png" "$out/$c.svg.png" \
		"$out/$c.svg.diff.png" >"$out/$c.svg.pngdiff" 2>&1; then
		passed
	else
		failed "$c.svg: drawn by rsvg-convert, differs from expected/$c.svg.png"
		sed 's,^,    ,' "$out/$c.svg.pngdiff"
	fi
done

if cmp -s "$here/expected/readings.csv" "$out/first/readings.csv"; then
	passed
else
	failed "readings.csv"
	diff -u "$here/expected/readings.csv" "$out/first/readings.csv" |
		head -20 | sed 's,^,    ,'
fi

# Same input, same bytes: the same files, each identical.
(cd "$out/first" && ls) >"$out/first.list"
(cd "$out/second" && ls) >"$out/second.list"
same=1
if ! cmp -s "$out/first.list" "$out/second.list"; then
	same=0
	echo "    the two runs wrote different files"
fi
files=0
for f in $(cat "$out/first.list"); do
	case $f in *.png | *.svg | readings.csv) ;; *) continue ;; esac
	files=$((files + 1))
	if ! cmp -s "$out/first/$f" "$out/second/$f"; then
		same=0
		echo "    $f differs between two runs"
	fi
done
if [ $same = 1 ] && [ $files -gt 10 ]; then
	passed
else
	failed "same input, same bytes ($files files)"
fi

# Every PNG has its SVG, a whole SVG document.
whole=1
for f in "$out"/first/*.png; do
	svg=${f%.png}.svg
	if ! [ -f "$svg" ] || ! head -c 5 "$svg" | grep -q '^<?xml' ||
		! tail -c 20 "$svg" | grep -q '</svg>'; then
		whole=0
		echo "    ${svg##*/} is missing or not a whole SVG"
	fi
done
if [ $whole = 1 ]; then
	passed
else
	failed "svg"
fi

# The sector report's first pages, rendered by poppler, against their
# references: what a CEO sees first (the cover and the figures at a
# glance, with their charts drawn as vectors by the same scenes).
(cd "$here" && SOURCE_DATE_EPOCH=1795000000 "$bin/pledge-report" sector \
	--templates "$root/templates" --roster roster.csv --returns returns.csv \
	--out "$out/sector.pdf" aggregates.csv) >"$out/report.out" 2>&1
pdftoppm -r 40 -f 1 -l 2 -png "$out/sector.pdf" "$out/sector" 2>"$out/pdftoppm.err"
for page in 1 2; do
	png=$out/sector-$page.png
	[ -f "$png" ] || png=$out/sector-0$page.png
	if [ "${UPDATE:-0}" = 1 ]; then
		cp "$png" "$here/expected/sector-page$page.png"
	fi
	if [ -f "$png" ] && [ ! -s "$out/pdftoppm.err" ] &&
		"$tools/pngdiff" "$here/expected/sector-page$page.png" "$png" \
			"$out/sector-page$page.diff.png" >"$out/sector.pngdiff" 2>&1; then
		passed
	else
		failed "sector report page $page: differs from expected/sector-page$page.png"
		sed 's,^,    ,' "$out/report.out" "$out/pdftoppm.err" "$out/sector.pngdiff" | head -10
	fi
done

# A report card's first page, likewise (HX03: a Welsh name).
(cd "$here" && SOURCE_DATE_EPOCH=1795000000 "$bin/pledge-report" orgs \
	--templates "$root/templates" --roster roster.csv --returns returns.csv \
	--out "$out/orgs" aggregates.csv) >"$out/cards.out" 2>&1
pdftoppm -r 40 -f 1 -l 1 -png "$out/orgs/HX03.pdf" "$out/card" 2>"$out/pdftoppm.err"
png=$(ls "$out"/card-*1.png 2>/dev/null | head -n 1)
[ "${UPDATE:-0}" = 1 ] && [ -n "$png" ] && cp "$png" "$here/expected/card-page1.png"
if [ -n "$png" ] && [ ! -s "$out/pdftoppm.err" ] &&
	"$tools/pngdiff" "$here/expected/card-page1.png" "$png" \
		"$out/card-page1.diff.png" >"$out/card.pngdiff" 2>&1; then
	passed
else
	failed "report card page 1: differs from expected/card-page1.png"
	sed 's,^,    ,' "$out/cards.out" "$out/pdftoppm.err" "$out/card.pngdiff" | head -10
fi

echo "images: $pass passed, $fail failed"
[ $fail -eq 0 ]
