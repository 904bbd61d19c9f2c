#!/bin/sh
# Cross-check of pledge-aggregate against an independent implementation:
# GNU datamash (perc is R's type 7, like ours) computes n, sum, median and
# quartiles of every metric per period over the same generated sector.
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
"$bin/pledge-ingest" --templates "$root/templates" --roster "$tmp/signatories.csv" \
	--quiet "$tmp/returns.csv" >"$tmp/tidy.csv"
"$bin/pledge-aggregate" --templates "$root/templates" \
	--roster "$tmp/signatories.csv" "$tmp/tidy.csv" >"$tmp/agg.csv"

"$tools/csvcut" "$tmp/tidy.csv" period metric value | LC_ALL=C sort -k1,1 -k2,2 |
	datamash -g 1,2 count 3 sum 3 median 3 perc:25 3 perc:75 3 >"$tmp/theirs"
"$tools/csvcut" "$tmp/agg.csv" period metric group n sum median p25 p75 |
	awk -F'\t' '$3 == "sector" && $2 != "returns"' |
	cut -f1,2,4- | LC_ALL=C sort -k1,1 -k2,2 >"$tmp/ours"

lines=$(wc -l <"$tmp/theirs")
# Suppressed cells (empty in ours) are not compared; every other figure
# must agree to 1e-9 relative.
if awk -F'\t' 'NR == FNR { for (i = 3; i <= NF; i++) want[$1 FS $2, i] = $i; keys[$1 FS $2] = 1; next }
	{
		k = $1 FS $2
		if (!(k in keys)) { print "extra row " k; bad = 1; next }
		delete keys[k]
		for (i = 3; i <= NF; i++) {
			if ($i == "") continue
			w = want[k, i]; d = $i - w; if (d < 0) d = -d
			s = w < 0 ? -w : w; if (s < 1) s = 1
			if (d > 1e-9 * s) { print k ": column " i " is " $i ", datamash says " w; bad = 1 }
			compared++
		}
	}
	END { for (k in keys) { print "missing row " k; bad = 1 }
	      if (compared < 100) { print "only " compared " figures compared"; bad = 1 }
	      exit bad }' "$tmp/theirs" "$tmp/ours"; then
	echo "crosscheck: $lines passed, 0 failed"
else
	echo "crosscheck: 0 passed, 1 failed"
	exit 1
fi
