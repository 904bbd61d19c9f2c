#!/bin/sh
# The sector report's honesty and layout, on the sample (input/) and on
# generated sectors (tests/tools/gen-sector): one with long Welsh names,
# long peer groups and long metric labels over 8 quarters, and one of 4
# associations, where most figures are withheld.
#   - every trend's reading quotes the figures its chart plots
#     (readings.sh);
#   - the report prints each reading as readings.csv has it, and its
#     tiles give the same figures and changes (same.sh);
#   - no word outside the 48 pt margins, no inner page under half full
#     but a section's last (../layout/check.sh);
#   - the sample's report is at most 16 pages.
# usage: run.sh BIN_DIR TOOLS_DIR
set -u
export SOURCE_DATE_EPOCH=1795000000
bin=$(cd "$1" && pwd)
tools=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
suite=sector
. "$(dirname "$0")/../suite.sh"
check() {
	name=$1
	shift
	if "$@" >"$tmp/check.out" 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL sector/$name"
		sed 's/^/    /' "$tmp/check.out" | head -20
	fi
}

# Charts, readings and the sector report of DIR from its tidy returns
# (DIR/tidy-*.csv), roster and catalogue (templates in TEMPLATES), and
# the latest quarter's DIR/issues.csv when there is one.
publish() {
	dir=$1 templates=$2 roster=$3
	issues=
	[ -f "$dir/issues.csv" ] && issues=--issues=$dir/issues.csv
	set --
	for t in "$dir"/tidy-*.csv; do
		set -- "$@" "--returns=$t"
	done
	"$bin/pledge-aggregate" --roster "$roster" --templates "$templates" \
		--output "$dir/aggregates.csv" "$dir"/tidy-*.csv &&
	"$bin/pledge-chart" --roster "$roster" --templates "$templates" \
		--out "$dir/charts" "$@" "$dir/aggregates.csv" &&
	"$bin/pledge-report" sector --roster "$roster" \
		--templates "$templates" --out "$dir/sector-report.pdf" "$@" \
		${issues:+"$issues"} "$dir/aggregates.csv"
}

both_checks() {
	dir=$1 templates=$2
	check "$3: readings" sh "$here/readings.sh" "$tools" \
		"$templates/metrics.csv" "$dir/aggregates.csv" \
		"$dir/charts/readings.csv"
	check "$3: layout" sh "$root/tests/layout/check.sh" \
		"$dir/sector-report.pdf"
	check "$3: report says what readings say" sh "$here/same.sh" \
		"$tools" "$templates/metrics.csv" "$dir/charts/readings.csv" \
		"$dir/sector-report.pdf"
}

# The sample, a quarter at a time as the quarterly run ingests it.
mkdir -p "$tmp/sample"
for q in "$root"/input/[0-9][0-9][0-9][0-9]-Q[1-4]; do
	p=$(basename "$q")
	"$bin/pledge-ingest" --roster "$root/input/signatories.csv" \
		--templates "$root/templates" --quiet --period "$p" \
		--issues "$tmp/sample/issues.csv" \
		--output "$tmp/sample/tidy-$p.csv" "$q"/*.csv 2>/dev/null
	[ $? -le 1 ] || echo "FAIL sector/sample: pledge-ingest $p"
done
if publish "$tmp/sample" "$root/templates" "$root/input/signatories.csv" \
	>"$tmp/sample.err" 2>&1; then
	both_checks "$tmp/sample" "$root/templates" sample
	pages=$(pdfinfo "$tmp/sample/sector-report.pdf" | awk '/^Pages:/ { print $2 }')
	check "sample: at most 16 pages" test "$pages" -le 16
else
	fail=$((fail + 1))
	echo "FAIL sector/sample: $(head -3 "$tmp/sample.err")"
fi

# Long Welsh labels: every metric's label gains a Welsh one, one metric's
# a single word wider than a table column.
mkdir -p "$tmp/templates"
cp "$root"/templates/* "$tmp/templates/" 2>/dev/null
awk -F, -v OFS=, 'NR == 1 { print; next }
	NR == 2 { $9 = $9 " / Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"; print; next }
	{ $9 = $9 " / Nifer y gweithwyr a gofalwyr di-dâl yng Nghymdeithas Dai Gogledd Cymru"; print }' \
	"$root/templates/metrics.csv" >"$tmp/templates/metrics.csv"

# A generated sector: NAME ORGS QUARTERS [--long-names]
generated() {
	name=$1 orgs=$2 quarters=$3
	shift 3
	dir=$tmp/$name
	mkdir -p "$dir"
	"$tools/gen-sector" "$@" "$tmp/templates/metrics.csv" "$orgs" \
		"$quarters" "$dir" &&
	"$bin/pledge-ingest" --roster "$dir/signatories.csv" \
		--templates "$tmp/templates" --quiet --output "$dir/tidy-all.csv" \
		"$dir/returns.csv" &&
	publish "$dir" "$tmp/templates" "$dir/signatories.csv" \
		>"$tmp/$name.err" 2>&1
	if [ $? -eq 0 ]; then
		both_checks "$dir" "$tmp/templates" "$name"
	else
		fail=$((fail + 1))
		echo "FAIL sector/$name: $(head -3 "$tmp/$name.err")"
	fi
}
generated welsh 40 8 --long-names
generated tiny 4 3

# SECTOR_OUT=DIR keeps the reports to look at.
[ -n "${SECTOR_OUT:-}" ] && mkdir -p "$SECTOR_OUT" && cp -R "$tmp"/. "$SECTOR_OUT"/
finish
