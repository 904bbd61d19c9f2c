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
suite=disclosure
. "$(dirname "$0")/../suite.sh"

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

# The audit's own test, on the same sector. Every figure is worked out
# (settings that withhold nothing), then the rules of SPEC §6.3 are
# applied by suppress.awk: the audit must pass that, and must catch each
# rule switched off, with the attack that rule stops.
mkdir -p "$tmp/open" "$tmp/self"
cp "$root/templates/metrics.csv" "$tmp/open/"
printf 'setting,value\nsuppress_min_orgs,1\nquartiles_min_orgs,1\nsuppress_below,0\n' \
	>"$tmp/open/settings.csv"
all=$(ls "$tmp"/out/*/returns.csv)
"$bin/pledge-aggregate" --roster "$roster" --templates "$tmp/open" $all \
	>"$tmp/self/open.csv" 2>/dev/null || bad "cannot aggregate the sector"
# min and max are never published, so they are put back from the returns
python3 "$root/tests/disclosure/extremes.py" "$tmp/self/open.csv" $all \
	>"$tmp/self/every.csv" || bad "cannot work out the extremes"
returns=$(echo "$all" | sed 's/^/--returns=/')
# audit_case NAME WANT_STATUS WANT_TEXT AGGREGATES [AUDIT ARGS]...
audit_case() {
	name=$1 want=$2 text=$3 agg=$4
	shift 4
	"$bin/pledge-audit" $common $returns "$agg" "$@" \
		>"$tmp/self/$name.out" 2>"$tmp/self/$name.err"
	st=$?
	if [ $st -ne "$want" ]; then
		bad "self-test $name: status $st, expected $want: $(head -2 "$tmp/self/$name.err")"
	elif [ -n "$text" ] && ! grep -q "$text" "$tmp/self/$name.err"; then
		bad "self-test $name: no error saying '$text': $(head -2 "$tmp/self/$name.err")"
	elif [ -s "$tmp/self/$name.out" ]; then
		bad "self-test $name: wrote to standard output"
	else
		ok
	fi
}
rules() {
	awk -F, -v off="$1" -f "$root/tests/disclosure/suppress.awk" \
		"$root/templates/metrics.csv" "$tmp/self/every.csv" >"$tmp/self/$1.csv"
}
rules none
audit_case rules-kept 0 '' "$tmp/self/none.csv"
[ -s "$tmp/self/rules-kept.err" ] && bad "self-test rules-kept: said something"
rules few
audit_case few-orgs 2 'peer:pair figures of .* are about 2 organisations' "$tmp/self/few.csv"
rules extremes
audit_case min-max 2 "min of .* is published: one organisation's figure" "$tmp/self/extremes.csv"
rules quartiles
audit_case quartiles 2 'peer:trio figures .* give away 3 of the 3' "$tmp/self/quartiles.csv"
rules small
audit_case small-sum 2 'sum of .* is a count of people below 5' "$tmp/self/small.csv"
audit_case small-quartile 2 'p25 of .* is a count of people below 5' "$tmp/self/small.csv"
audit_case rate-times-total 2 'rate of .* times the published total' "$tmp/self/small.csv"
rules secondary
audit_case sector-minus-groups 2 "(withheld) is the sector's minus the other groups'" \
	"$tmp/self/secondary.csv"

# Like-for-like: the staff totals of 2026-Q2 and 2026-Q3 over the
# organisations that answered both, as the reports print numbers.
panel=$(awk -F, '$5 == "staff_total" { v[$1, $2] = $6; seen[$2] = 1 }
	function commas(x, s) { s = sprintf("%d", x)
		while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s)
		return s }
	END { for (o in seen) if ((("2026-Q2", o) in v) && (("2026-Q3", o) in v)) {
		a += v["2026-Q2", o]; b += v["2026-Q3", o] }
	      print commas(a), commas(b) }' $all)
before=${panel% *}
after=${panel#* }
r="$tmp/self/readings.csv"
printf 'chart,title,reading\ntrend-staff_total,Employees,"Employees: like for like, the 20 that answered both quarters employ 0.3%% more."\n' >"$r"
audit_case percent-change 0 '' "$tmp/self/none.csv" --readings "$r"
printf 'chart,title,reading\ntrend-staff_total,Employees,"Employees: among the 20 associations that answered in both 2026-Q2 and 2026-Q3, the total rose from %s to %s."\n' \
	"$before" "$after" >"$tmp/self/panel.csv"
audit_case panel-reading 2 "like-for-like total of staff_total in 2026-Q2 over the 20" \
	"$tmp/self/none.csv" --readings "$tmp/self/panel.csv"
printf 'Employees\n\nAmong the 20 that answered in both quarters,\nEmployees rose from %s\nto %s.\n' \
	"$before" "$after" >"$tmp/self/report.txt"
audit_case panel-text 2 "report.txt:4: error: the like-for-like total" \
	"$tmp/self/none.csv" "$tmp/self/report.txt"
printf '<html><body><h2>Employees</h2>\n<p>Employees: the 20 that answered in both rose from <b>%s</b></p></body></html>\n' \
	"$before" >"$tmp/self/report.html"
audit_case panel-html 2 "report.html:2: error: the like-for-like total" \
	"$tmp/self/none.csv" "$tmp/self/report.html"

finish
