#!/bin/sh
# Report cards rank performance, not size: on the sample input's latest
# quarter and on a generated sector (long, quoted and Welsh names), every
# association with a card gets orgs/ORG_ID.csv beside its PDF, private;
# on each metric with a `better`, the associations whose own figure (its
# own rate for an "of which" count, worked out here from the tidy
# returns, independently of the program) is the best are "top quarter"
# and those with the worst "bottom quarter"; sizes and yes/no questions
# have no position.
# usage: run.sh BIN_DIR TOOLS_DIR
set -u
export SOURCE_DATE_EPOCH=1795000000
bin=$(cd "$1" && pwd)
tools=$(cd "$2" && pwd)
suite=cards
. "$(dirname "$0")/../suite.sh"
export PLEDGE_TEMPLATES="$root/templates"

"$tools/csvcut" "$root/templates/metrics.csv" metric kind of better \
	>"$tmp/metrics.tsv"

# check NAME DIR ROSTER PERIOD RETURNS...: the cards of PERIOD in DIR.
check() {
	name=$1 dir=$2 roster=$3 period=$4
	shift 4
	"$bin/pledge-ingest" --roster "$roster" "$@" >"$dir/tidy.csv" \
		2>/dev/null
	[ $? -le 1 ] || { bad "$name: pledge-ingest failed"; return; }
	"$bin/pledge-aggregate" --roster "$roster" "$dir/tidy.csv" \
		>"$dir/aggregates.csv" 2>"$dir/err" ||
		{ bad "$name: pledge-aggregate: $(cat "$dir/err")"; return; }
	"$bin/pledge-report" orgs --roster "$roster" --out "$dir/orgs" \
		--period "$period" --returns "$dir/tidy.csv" \
		"$dir/aggregates.csv" 2>"$dir/err" ||
		{ bad "$name: pledge-report orgs: $(cat "$dir/err")"; return; }
	(cd "$dir/orgs" && ls *.pdf | sed 's/\.pdf$//') >"$dir/pdfs"
	(cd "$dir/orgs" && ls *.csv | sed 's/\.csv$//') >"$dir/csvs"
	[ -s "$dir/pdfs" ] && cmp -s "$dir/pdfs" "$dir/csvs" ||
		bad "$name: not one CSV beside each card"
	modes=$(cd "$dir/orgs" && stat -c '%a' *.csv | sort -u)
	[ "$modes" = 600 ] || bad "$name: card CSVs of mode $modes, not 600"
	# Every card's positions, one line each: org, metric, position.
	: >"$dir/positions.tsv"
	for id in $(cat "$dir/csvs"); do
		"$tools/csvcut" "$dir/orgs/$id.csv" metric position |
			sed "s/^/$id	/" >>"$dir/positions.tsv"
	done
	"$tools/csvcut" "$dir/tidy.csv" period org_id metric value |
		awk -F'\t' -v p="$period" '$1 == p' >"$dir/answers.tsv"
	awk -F'\t' -v name="$name" '
	FILENAME ~ /metrics.tsv$/ { kind[$1] = $2; of[$1] = $3;
		better[$1] = $4; next }
	FILENAME ~ /answers.tsv$/ { v[$2, $3] = $4; has[$2, $3] = 1;
		org[$2] = 1; next }
	{ got[$1, $2] = $3; seen[$1, $2] = 1 }
	END {
		problems = 0
		for (m in kind) {
			n = 0
			for (o in org) {
				if (!has[o, m]) continue
				x = v[o, m]
				if (of[m] != "") {
					if (!has[o, of[m]] || v[o, of[m]] <= 0)
						continue
					x = 100 * x / v[o, of[m]]
				}
				fig[o] = x; in_[o] = m; n++
				if (n == 1 || x > hi) hi = x
				if (n == 1 || x < lo) lo = x
			}
			ranked = better[m] != "" && kind[m] != "yesno"
			for (o in org) {
				if (!seen[o, m]) continue
				want = ""
				if (ranked && in_[o] == m && n >= 2 && hi != lo) {
					top = better[m] == "lower" ? lo : hi
					bottom = better[m] == "lower" ? hi : lo
					if (fig[o] == top) want = "top quarter"
					else if (fig[o] == bottom)
						want = "bottom quarter"
					else continue
				} else if (ranked && in_[o] == m) continue
				if (got[o, m] != want) {
					if (problems++ < 5)
						printf("FAIL cards: %s: %s on %s is \"%s\", not \"%s\"\n",
						       name, o, m, got[o, m], want)
				}
			}
			delete in_
		}
		exit problems > 0
	}' "$tmp/metrics.tsv" "$dir/answers.tsv" "$dir/positions.tsv" &&
		pass=$((pass + 1)) || fail=$((fail + 1))
	rows=$(wc -l <"$dir/positions.tsv")
	[ "$rows" -gt 0 ] || bad "$name: no positions read"
}

# The sample's latest quarter.
mkdir "$tmp/sample"
period=$(cd "$root/input" && ls -d [0-9][0-9][0-9][0-9]-Q[1-4] | tail -n 1)
check sample "$tmp/sample" "$root/input/signatories.csv" "$period" \
	"$root/input/$period"/*.csv

# A generated sector of 200 associations over two quarters.
mkdir "$tmp/gen"
"$tools/gen-sector" "$root/templates/metrics.csv" 200 2 "$tmp/gen" \
	>/dev/null 2>&1 || bad "gen-sector failed"
check generated "$tmp/gen" "$tmp/gen/signatories.csv" 2026-Q3 \
	"$tmp/gen/returns.csv"

finish
