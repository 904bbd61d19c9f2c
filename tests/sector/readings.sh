#!/bin/sh
# Every trend's reading says what its chart plots (SPEC §6.2, §7).
#
# A trend plots each quarter's published sector figure from
# aggregates.csv; its reading must quote the latest and the previous
# quarter's figures exactly as published, in the format of their kind
# (worked out here again, independently of the C code: rates and
# percentages to one decimal), with how many
# answered; a quarter with no published figure must be called withheld
# or unanswered, never given a number. A like-for-like change must be
# over at least 3 associations and no more than answered either
# quarter, a percentage where the headline is a total (never the panel's
# own totals), and called better or worse only as the catalogue's
# better allows.
#
# usage: readings.sh TOOLS_DIR CATALOGUE AGGREGATES READINGS
#        prints each disagreement; exit 1 if any
set -u
tools=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
"$tools/csvcut" "$2" metric kind of better label >"$tmp/cat" &&
"$tools/csvcut" "$3" period metric group n sum median rate >"$tmp/agg" &&
"$tools/csvcut" "$4" chart reading >"$tmp/read" || exit 2
awk -F '\t' '
FILENAME == ARGV[1] {
	kind[$1] = $2; of[$1] = $3; better[$1] = $4; label[$1] = $5
	stat[$1] = $2 == "count" && $3 == "" ? "sum" \
		 : $2 == "count" || $2 == "yesno" ? "rate" : "median"
	next
}
FILENAME == ARGV[2] {
	if ($3 != "sector" || $2 == "returns")
		next
	key = $1 SUBSEP $2
	row[key] = 1; n[key] = $4
	v = stat[$2] == "sum" ? $5 : stat[$2] == "median" ? $6 : $7
	if (v != "")
		fig[key] = v
	if ($1 > last)
		last = $1
	if (first == "" || $1 < first)
		first = $1
	next
}
function grouped(s,    ip, rest, neg, out) {
	neg = s ~ /^-/
	sub(/^-/, "", s)
	ip = s; rest = ""
	if (index(s, ".")) {
		ip = substr(s, 1, index(s, ".") - 1)
		rest = substr(s, index(s, "."))
	}
	out = ""
	while (length(ip) > 3) {
		out = "," substr(ip, length(ip) - 2) out
		ip = substr(ip, 1, length(ip) - 3)
	}
	return (neg ? "-" : "") ip out rest
}
function trim(s) {
	if (index(s, ".")) {
		sub(/0+$/, "", s)
		sub(/\.$/, "", s)
	}
	return s == "-0" ? "0" : s
}
function shown(m, v) {
	if (stat[m] == "rate" || kind[m] == "percent")
		return grouped(sprintf("%.1f", v)) "%"
	if (kind[m] == "money")
		return "£" grouped(sprintf("%.2f", v))
	if ((v < 0 ? -v : v) >= 100)
		return grouped(trim(sprintf("%.0f", v)))
	return grouped(trim(sprintf("%.1f", v)))
}
function previous(p,    y, q) {
	y = substr(p, 1, 4) + 0; q = substr(p, 7, 1) + 0
	if (q == 1)
		return (y - 1) "-Q4"
	return y "-Q" (q - 1)
}
function fail(m, why) {
	printf "trend-%s: %s\n    reading: %s\n", m, why, text
	bad++
}
{
	if ($1 !~ /^trend-/)
		next
	m = substr($1, 7); text = $2; checked++
	p = last; key = p SUBSEP m
	lead = label[m] ": "
	if (!(key in row))
		want = lead "no association answered in " p "."
	else if (!(key in fig))
		want = lead "the " p " figure is withheld [c]"
	else {
		want = lead (stat[m] == "median" ? "median " : "") \
		       shown(m, fig[key]) " across the " n[key] " association" \
		       (n[key] == 1 ? "" : "s") " that answered in " p
		p0 = previous(p); k0 = p0 SUBSEP m
		if (p0 < first)
			want = want "."
		else if (!(k0 in row))
			want = want "; no association answered in " p0 "."
		else if (!(k0 in fig))
			want = want "; the " p0 " figure is withheld [c]."
		else if (n[k0] == n[key])
			want = want ", against " shown(m, fig[k0]) " in " p0 "."
		else
			want = want ", against " shown(m, fig[k0]) " across " \
			       n[k0] " in " p0 "."
	}
	if (substr(text, 1, length(want)) != want) {
		fail(m, "does not state the plotted figures: want \"" want "\"")
		next
	}
	rest = substr(text, length(want) + 1)
	if (rest !~ /Like for like/)
		next
	if (!match(rest, /among the [0-9]+ that/)) {
		fail(m, "a like-for-like change without its panel")
		next
	}
	k = substr(rest, RSTART + 10, RLENGTH - 15) + 0
	if (k < 3 || k > n[key] || k > n[k0])
		fail(m, "a like-for-like panel of " k)
	if (stat[m] == "sum" && rest !~ /did not change/ &&
	    rest !~ /is [0-9,.]+% (higher|lower)/)
		fail(m, "a total'"'"'s change that is not a percentage")
	if (rest ~ /which is (better|worse)/) {
		up = rest ~ /higher/
		good = rest ~ /better/
		if (better[m] == "" || (better[m] == "higher") != (up == good))
			fail(m, "better or worse against the catalogue")
	} else if (better[m] != "" && rest ~ /(higher|lower)/)
		fail(m, "a change that does not say better or worse")
}
END {
	if (!checked) {
		print "no trend readings to check"
		exit 1
	}
	exit bad ? 1 : 0
}' "$tmp/cat" "$tmp/agg" "$tmp/read"
