#!/bin/sh
# make bench: a synthetic sector, generated the same every run, through
# each stage of the pipeline, with the same work done by peer tools in
# the same run where they are installed. Prints wall time, peak memory
# and throughput per stage, and the ratios the targets are stated in.
# Each stage runs BENCH_RUNS times (default 3); the fastest time counts.
# It measures; it never fails the test suite.
# usage: run.sh BIN_DIR TOOLS_DIR [ORGS [QUARTERS]]
set -u
bin=$1
tools=$2
orgs=${3:-2000}
quarters=${4:-40}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$root/build/bench
mkdir -p "$work"
cd "$work" || exit 2

if [ ! -x /usr/bin/time ]; then
	echo "bench: /usr/bin/time is missing (Debian package 'time')" >&2
	exit 2
fi

# measure NAME COMMAND...: runs it $runs times, records the fastest wall
# time and the largest peak memory as "seconds peak-KiB".
runs=${BENCH_RUNS:-3}
measure() {
	name=$1
	shift
	: >"$work/$name.all"
	i=0
	while [ $i -lt "$runs" ]; do
		if /usr/bin/time -f '%e %M' -o "$work/$name.one" "$@" \
			>"$work/$name.out" 2>"$work/$name.err"; then
			cat "$work/$name.one" >>"$work/$name.all"
		else
			echo "bench: $name failed: $(tail -n 3 "$work/$name.err")" >&2
			echo "- -" >"$work/$name.time"
			return
		fi
		i=$((i + 1))
	done
	sort -n "$work/$name.all" | awk 'NR == 1 { t = $1 } $2 > m { m = $2 } END { print t, m }' \
		>"$work/$name.time"
}
secs() { cut -d' ' -f1 "$work/$1.time"; }
mib() { awk '{ if ($2 == "-") print "-"; else printf "%.1f", $2 / 1024 }' "$work/$1.time"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else print "-" }'; }
row() {
	printf '%-34s %9s %10s  %s\n' "$1" "$(secs "$2")" "$(mib "$2")" "$3"
}

# cards of an earlier run are removed now, not just before the cards are
# timed: a new quarter's cards go into a new folder, and creating files
# where thousands were just deleted costs ext4 far more
rm -rf cards
runs=1 measure generate "$tools/gen-sector" "$root/templates/metrics.csv" "$orgs" "$quarters" "$work"
values=$(($(wc -l <returns.csv) - 1))
bytes=$(wc -c <returns.csv)
measure libcsv "$tools/csvcount" returns.csv
measure ingest sh -c "\"$bin/pledge-ingest\" --templates \"$root/templates\" \
	--roster signatories.csv --quiet returns.csv >tidy.csv"
measure aggregate "$bin/pledge-aggregate" --templates "$root/templates" \
	--roster signatories.csv tidy.csv

"$tools/csvcut" tidy.csv period metric value >tidy.tsv 2>/dev/null
if command -v datamash >/dev/null 2>&1; then
	measure datamash sh -c 'LC_ALL=C sort -t "	" -k1,1 -k2,2 tidy.tsv |
		datamash -g 1,2 count 3 sum 3 mean 3 median 3 perc:25 3 perc:75 3 min 3 max 3'
fi
if command -v mlr >/dev/null 2>&1; then
	measure miller mlr --icsv --ocsv stats1 -i -a count,sum,mean,median,p25,p75,min,max \
		-f value -g period,metric tidy.csv
fi
duck=$work/node/node_modules/@duckdb/node-api
if [ -d "$duck" ] && command -v node >/dev/null 2>&1; then
	cp "$root/tests/bench/duckdb.mjs" "$work/node/"
	measure duckdb node "$work/node/duckdb.mjs" "$work/tidy.csv" "$work/duckdb.csv"
fi

# Charts: the commitments chart 100 times as PNG (2x) and as SVG, and the
# same horizontal bar chart by gnuplot's pngcairo terminal.
measure aggregates8 "$bin/pledge-aggregate" --templates "$root/templates" \
	--roster signatories.csv --output aggregates8.csv tidy.csv
rm -rf charts && mkdir -p charts
"$tools/chartbench" "$root/templates" aggregates8.csv charts 100 >chart.ms 2>chart.err ||
	echo "bench: chartbench failed: $(cat chart.err)" >&2
if command -v gnuplot >/dev/null 2>&1; then
	awk -F, '$3 ~ /^(carer_policy|carer_network|policy_review|care_pathway)$/ &&
		$4 == "sector" && $1 == last { print NR, $13, $3 }' \
		last="$(tail -n 1 aggregates8.csv | cut -d, -f1)" aggregates8.csv >bars.dat
	{
		echo 'set terminal pngcairo size 960,540 font "DejaVu Sans,18"'
		echo 'set xrange [0:100]; set yrange [-1:4]; unset key'
		echo 'set title "Signatories meeting each commitment"'
		i=0
		while [ $i -lt 100 ]; do
			echo "set output 'charts/gnuplot-$i.png'"
			echo "plot 'bars.dat' using (\$2/2):0:(\$2/2):(0.3):yticlabels(3) with boxxyerror fill solid lc rgb '#0072B2'"
			i=$((i + 1))
		done
	} >bars.gp
	measure gnuplot gnuplot bars.gp
fi

# Report cards: one per signatory, from the latest 8 quarters.
last8=$(awk -F, 'NR > 1 { print $1 }' aggregates8.csv | sort -u | tail -n 8 | head -n 1)
awk -F, -v from="$last8" 'NR == 1 || $1 >= from' tidy.csv >tidy8.csv
runs=1 measure cards env SOURCE_DATE_EPOCH=1795000000 "$bin/pledge-report" orgs \
	--templates "$root/templates" --roster signatories.csv --out cards \
	--returns tidy8.csv aggregates8.csv
# The same cards, the same program, drawn through Cairo's PDF surface.
rm -rf cards-cairo
runs=1 measure cairocards env SOURCE_DATE_EPOCH=1795000000 "$tools/pledge-report-cairo" orgs \
	--templates "$root/templates" --roster signatories.csv --out cards-cairo \
	--returns tidy8.csv aggregates8.csv

# The quarterly run: pledge-run on 4 quarters of one return file per
# signatory, from scratch and unchanged, beside the five programs run
# directly on the same quarters with the same arguments.
. "$root/tests/bench/run-stage.sh"

mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
tput() { awk -v n="$1" -v s="$(secs "$2")" -v u="$3" 'BEGIN { if (s + 0 > 0) printf "%.2f M %s/s", n / s / 1e6, u; else print "-" }'; }
echo "pledge bench: $orgs signatories x $quarters quarters x $(($(wc -l <"$root/templates/metrics.csv") - 1)) metrics = $values values, $mb MB of returns"
printf '%-34s %9s %10s  %s\n' stage seconds "peak MiB" throughput
row "generate the sector" generate "$(tput "$values" generate values)"
row "libcsv: bare parse of the returns" libcsv "$(tput "$bytes" libcsv bytes)"
row "pledge-ingest" ingest "$(tput "$bytes" ingest bytes)"
row "pledge-aggregate (sector + peers)" aggregate "$(tput "$values" aggregate values)"
[ -f datamash.time ] && row "sort | datamash (sector only)" datamash "$(tput "$values" datamash values)"
[ -f miller.time ] && row "mlr stats1 (sector only)" miller "$(tput "$values" miller values)"
[ -f duckdb.time ] && row "DuckDB, 2 threads (sector only)" duckdb "$(tput "$values" duckdb values)"
if [ -s chart.ms ]; then
	read -r png svg <chart.ms
	echo "chart (commitments), PNG at 2x: $png ms each; SVG: $svg ms each (target under 2)"
	[ -f gnuplot.time ] && awk -v s="$(secs gnuplot)" -v p="$png" 'BEGIN { if (s + 0 > 0) printf "gnuplot pngcairo, same bars: %.3f ms each; pledge PNG time / gnuplot: %.2f (target 1 or less)\n", s * 10, p / (s * 10) }'
fi
# cardline DIR TIME LABEL: how many cards, how fast, how big.
cardline() {
	[ -d "$1" ] || return 0
	awk -v s="$(secs "$2")" -v n="$(ls "$1" | wc -l)" -v kb="$(du -sk "$1" | cut -f1)" -v l="$3" 'BEGIN {
		if (n > 0 && s + 0 > 0) printf "%s: %d in %.2f s (%.1f ms each), %.1f KB each\n", l, n, s, s * 1000 / n, kb / n }'
}
if [ -d cards ]; then
	ncards=$(ls cards | wc -l)
	awk -v s="$(secs cards)" -v n="$ncards" -v kb="$(du -sk cards | cut -f1)" 'BEGIN {
		if (n > 0) printf "report cards: %d in %.2f s (%.1f ms each, target under 5 s for 2,000), %.1f KB each (target under 25)\n", n, s, s * 1000 / n, kb / n }'
	cardline cards-cairo cairocards "the same cards by Cairo's PDF surface"
fi
if [ -f runscratch.time ]; then
	row "pledge-run, 4 quarters from scratch" runscratch "$runfiles return files"
	row "the five programs directly" rundirect "-"
	row "pledge-run, unchanged rerun" runagain "-"
	row "pledge-run, one quarter unchanged" runone "-"
fi
echo
echo "pledge-ingest speed as a share of a bare libcsv parse: $(ratio "$(secs libcsv)" "$(secs ingest)") (target 0.40 or more)"
[ -f duckdb.time ] && echo "DuckDB time / pledge-aggregate time: $(ratio "$(secs duckdb)" "$(secs aggregate)") (target above 1)"
echo "pledge-aggregate peak memory: $(mib aggregate) MiB (target under 64)"
[ -f datamash.time ] && echo "datamash time / pledge-aggregate time: $(ratio "$(secs datamash)" "$(secs aggregate)")"
[ -f miller.time ] && echo "Miller time / pledge-aggregate time: $(ratio "$(secs miller)" "$(secs aggregate)")"
[ -f cairocards.time ] && [ -d cards-cairo ] && echo "Cairo PDF time / libharu time, report cards: $(ratio "$(secs cairocards)" "$(secs cards)")"
[ -f runscratch.time ] && echo "pledge-run from scratch / the programs directly: $(ratio "$(secs runscratch)" "$(secs rundirect)") (target 1.5 or less)"
[ -f runagain.time ] && echo "pledge-run unchanged rerun / from scratch: $(ratio "$(secs runagain)" "$(secs runscratch)") (target 0.05 or less); one quarter: $(secs runone) s (target well under 1)"
exit 0
