#!/bin/sh
# The sector report says what readings.csv says (SPEC §8): each trend's
# reading is printed in the report as it is in readings.csv, and, for
# an area's headlines (metrics with a better direction, or all where
# none has), its tile at a glance gives the same figure and the same
# like-for-like change on the quarter ("0.3% higher" in the reading is
# "+0.3%" in the tile, "did not change" is "no change").
# Text is compared with all white space removed, so a line break in the
# PDF does not matter.
#
# usage: same.sh TOOLS_DIR CATALOGUE READINGS REPORT.pdf
#        prints each disagreement; exit 1 if any
set -u
tools=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
"$tools/csvcut" "$2" metric label area better >"$tmp/cat" &&
"$tools/csvcut" "$3" chart reading >"$tmp/read" &&
pdftotext "$4" - | tr -d ' \n\t\f' >"$tmp/text" || exit 2
awk -F '\t' -v textfile="$tmp/text" '
BEGIN {
	while ((getline line < textfile) > 0)
		text = text line
}
FILENAME == ARGV[1] {
	label[$1] = $2; area[$1] = $3; better[$1] = $4
	if ($4 != "")
		judged[$3] = 1
	next
}
function squeeze(s) { gsub(/[ \t]/, "", s); return s }
function fail(m, why) {
	printf "trend-%s: %s\n", m, why
	bad++
}
$1 ~ /^trend-/ {
	m = substr($1, 7); r = $2; checked++
	if (!index(text, squeeze(r)))
		fail(m, "the report does not print its reading: " r)
	lead = label[m] ": "
	# the tiles give an area'"'"'s headlines: what has a better direction
	if (substr(r, 1, length(lead)) != lead ||
	    (better[m] == "" && judged[area[m]]))
		next
	rest = substr(r, length(lead) + 1)
	if (!match(rest, /^(median )?[^ ]+ across/))
		next
	fig = substr(rest, 1, RLENGTH - 7)
	tile = squeeze(lead fig) "("
	if (!index(text, tile)) {
		fail(m, "no tile or table gives " lead fig)
		next
	}
	if (!match(r, /the [a-z ]+ (is [^ ]+( pts)? (higher|lower)|did not change)/))
		next
	said = substr(r, RSTART, RLENGTH)
	if (said ~ /did not change/)
		change = "nochangelikeforlike"
	else {
		sub(/^the [a-z ]+ is /, "", said)
		sign = said ~ /higher$/ ? "+" : "-"
		sub(/ (higher|lower)$/, "", said)
		change = sign squeeze(said) "likeforlike"
	}
	start = index(text, tile)
	if (!index(substr(text, start, 400), change))
		fail(m, "its tile does not give the change " change)
}
END {
	if (!checked) {
		print "no trend readings to check"
		exit 1
	}
	exit bad ? 1 : 0
}' "$tmp/cat" "$tmp/read"
