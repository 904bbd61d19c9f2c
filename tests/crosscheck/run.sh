#!/bin/sh
# Cross-check of pledge-aggregate against an independent implementation:
# GNU datamash (perc is R's type 7, like ours) computes n, sum, median and
# quartiles of every metric per period and group over the same generated
# sector, and this script checks every published figure against it and
# every empty one against the disclosure rules of SPEC §6.3, worked out
# here again from the counts alone.
# usage: run.sh BIN_DIR TOOLS_DIR
set -eu
bin=$1
tools=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# 400 signatories: a quarter has enough answers to be ranked on two
# threads, and the files are large enough to be read in parts
"$tools/gen-sector" "$root/templates/metrics.csv" 400 3 "$tmp"
# Small peer groups, so that every rule is used: one of 2 (withheld, so
# the secondary rule withholds the next smallest), one of 3 and one of 4.
awk 'BEGIN { FS = OFS = "," }
	NR > 1 { i = NR - 2; g = $(NF - 1)
		 if (i <= 1) g = "pair"; else if (i <= 4) g = "trio"
		 else if (i <= 8) g = "quad"
		 $(NF - 1) = g }
	{ print }' "$tmp/signatories.csv" >"$tmp/roster.csv"
"$bin/pledge-ingest" --templates "$root/templates" --roster "$tmp/roster.csv" \
	--quiet "$tmp/returns.csv" >"$tmp/generated.csv"
# Small counts of people: households with a carer 0 to 6 everywhere (small
# quartiles), and staff carers 0 or 1 in the groups of 3 and 4 (small
# sums). Names are quoted where they hold a comma; notes never do.
awk 'BEGIN { FS = OFS = "," }
	NR > 1 { org = substr($2, 2) + 0 }
	NR > 1 && $(NF - 2) == "households_carer" { $(NF - 1) = org % 7 }
	NR > 1 && $(NF - 2) == "staff_carers" && org >= 2 && org <= 8 { $(NF - 1) = org % 2 }
	{ print }' "$tmp/generated.csv" >"$tmp/tidy.csv"
"$bin/pledge-aggregate" --templates "$root/templates" \
	--roster "$tmp/roster.csv" "$tmp/tidy.csv" >"$tmp/agg.csv"

"$tools/csvcut" "$tmp/roster.csv" org_id peer_group >"$tmp/groups"
"$tools/csvcut" "$root/templates/metrics.csv" metric sensitive >"$tmp/sensitive"
"$tools/csvcut" "$tmp/tidy.csv" period org_id metric value |
	awk -F'\t' -v OFS='\t' 'NR == FNR { group[$1] = $2; next }
		{ print $1, $3, "sector", $4
		  if (group[$2] != "") print $1, $3, "peer:" group[$2], $4 }' \
		"$tmp/groups" - | LC_ALL=C sort -t "$(printf '\t')" -k1,1 -k2,2 -k3,3 |
	datamash -g 1,2,3 count 4 sum 4 median 4 perc:25 4 perc:75 4 >"$tmp/theirs"
"$tools/csvcut" "$tmp/agg.csv" period metric group n sum median p25 p75 min max flag |
	awk -F'\t' '$2 != "returns"' >"$tmp/ours"

lines=$(wc -l <"$tmp/theirs")
# Columns of ours: 1 period, 2 metric, 3 group, 4 n, 5 sum, 6 median,
# 7 p25, 8 p75, 9 min, 10 max, 11 flag; of theirs the same to 8.
if awk -F'\t' '
	function small(v) { return v != "" && v > 0 && v < 5 }
	function bad(why) { print $1 " " $2 " " $3 ": " why; fail = 1 }
	FILENAME ~ /sensitive$/ { sens[$1] = $2 == "yes"; next }
	FILENAME ~ /theirs$/ { k = $1 FS $2 FS $3; keys[k] = 1
		for (i = 4; i <= 8; i++) want[k, i] = $i; next }
	{
		k = $1 FS $2 FS $3
		if (!(k in keys)) { bad("extra row"); next }
		delete keys[k]
		if ($4 != want[k, 4]) bad("n is " $4 ", datamash says " want[k, 4])
		for (i = 5; i <= 8; i++) {
			if ($i == "") continue
			w = want[k, i]; d = $i - w; if (d < 0) d = -d
			s = w < 0 ? -w : w; if (s < 1) s = 1
			if (d > 1e-9 * s) bad("column " i " is " $i ", datamash says " w)
			compared++
		}
		if ($9 != "" || $10 != "") bad("min or max published")
		if ($4 < 3 && $5 $6 $7 $8 != "") bad("a figure of fewer than 3")
		if ($4 < 5 && $6 $7 $8 != "") bad("quartiles of fewer than 5")
		if (($5 == "" || $6 == "" || $7 == "" || $8 == "") && $11 != "c")
			bad("withheld but not flagged")
		if (sens[$2] && (small($5) || small($6) || small($7) || small($8)))
			bad("a small count of people")
		if (!sens[$2] && $4 >= 5 && $5 != "" && $6 $7 $8 == "")
			bad("quartiles of 5 or more withheld")
		pm = $1 FS $2
		if ($3 == "sector") { secn[pm] = $4; secsum[pm] = $5; next }
		grouped[pm] += $4
		if ($5 == "") { hidden[pm]++; hiddenn[pm] += $4 }
		withheld += $5 == ""
	}
	END {
		for (k in keys) { print "missing row " k; fail = 1 }
		# The secondary rule: with the sector published, what is
		# withheld among the peer groups (with the organisations in
		# none) is never one group alone, nor fewer than 3 together.
		for (pm in secn) {
			if (secsum[pm] == "") continue
			rest = secn[pm] - grouped[pm]
			parts = hidden[pm] + (rest > 0)
			if (parts == 1 && rest == 0) { print pm ": one group alone withheld"; fail = 1 }
			if (parts > 0 && hiddenn[pm] + rest < 3) { print pm ": fewer than 3 withheld together"; fail = 1 }
		}
		if (compared < 100) { print "only " compared " figures compared"; fail = 1 }
		if (withheld < 20) { print "only " withheld " peer sums withheld"; fail = 1 }
		exit fail
	}' "$tmp/sensitive" "$tmp/theirs" "$tmp/ours"; then
	echo "crosscheck: $lines passed, 0 failed"
else
	echo "crosscheck: 0 passed, 1 failed"
	exit 1
fi
