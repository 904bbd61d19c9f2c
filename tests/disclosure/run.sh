#!/bin/sh
# The attack test: a sector built to tempt every subtraction (peer
# groups of 1, 2, 3, 4 and 12, small counts of people, a late joiner, a
# leaver, a missing return, five quarters) goes through the whole
# pipeline a quarter at a time, as the quarterly run does it. Then
# pledge-audit tries every subtraction on everything each quarter
# publishes: aggregates.csv, the chart readings, the sector report as
# pdftotext reads it (and its HTML edition when there is one). It passes
# only when nothing can be recovered; each recovery is printed.
# usage: run.sh BIN_DIR
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "disclosure: $*"; }

export SOURCE_DATE_EPOCH=1790000000
mkdir -p "$tmp/in"
awk -v out="$tmp/in" -f "$root/tests/disclosure/gen-sector.awk" \
	"$root/templates/metrics.csv" || { echo "disclosure: cannot make the sector"; exit 1; }
roster=$tmp/in/signatories.csv
common="--roster $roster --templates $root/templates"

# The tidy returns of quarter $1 and up to 7 before it, as options.
recent() {
	ls -d "$tmp"/out/[0-9]*-Q[1-4] | awk -v p="$tmp/out/$1" '$0 <= p' |
		tail -n 8 | sed 's|$|/returns.csv|; s|^|--returns=|'
}

for dir in "$tmp"/in/*-Q[1-4]; do
	period=${dir##*/}
	out=$tmp/out/$period
	mkdir -p "$out"
	log=$out/pipeline.log
	"$bin/pledge-ingest" $common --quiet --period "$period" \
		--issues "$out/issues.csv" --output "$out/returns.csv" \
		"$dir/returns.csv" 2>>"$log"
	[ $? -le 1 ] || { bad "$period: pledge-ingest failed: $(head -3 "$log")"; continue; }
	returns=$(recent "$period")
	"$bin/pledge-aggregate" $common --output "$out/aggregates.csv" \
		$(echo "$returns" | sed 's/^--returns=//') 2>>"$log" &&
	"$bin/pledge-chart" $common --out "$out/charts" $returns \
		"$out/aggregates.csv" 2>>"$log" &&
	"$bin/pledge-report" sector $common --out "$out/sector-report.pdf" \
		--issues "$out/issues.csv" $returns "$out/aggregates.csv" 2>>"$log" &&
	pdftotext "$out/sector-report.pdf" "$out/sector-report.txt" ||
		{ bad "$period: the pipeline failed: $(head -3 "$log")"; continue; }
	set -- sector-report.txt
	for html in "$out"/*.html; do
		[ -f "$html" ] && set -- "$@" "${html##*/}"
	done
	if (cd "$out" && "$bin/pledge-audit" $common $returns \
		--readings charts/readings.csv aggregates.csv "$@") \
		>"$out/audit.out" 2>"$out/audit.err"; then
		ok
	else
		bad "$period: $(grep -c ': error: ' "$out/audit.err") figures can be recovered from what is published:"
		sed 's/^/    /' "$out/audit.err"
	fi
done
[ $((pass + fail)) -eq 5 ] || bad "only $((pass + fail)) of the 5 quarters were audited"

echo "disclosure: $pass passed, $fail failed"
[ $fail -eq 0 ]
