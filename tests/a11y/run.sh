#!/bin/sh
# Accessibility of the publications: the sector report and a report card
# are tagged PDFs a screen reader can follow (pdfstruct.py, over pikepdf
# and pdfinfo -struct-text), still clean for qpdf and the same bytes for
# the same SOURCE_DATE_EPOCH; the sector report's HTML edition passes
# axe-core in headless Chromium (axe.mjs, with the npm packages of
# package-lock.json, which make deps installs into NODE_DIR), has the
# aggregates' figures (htmlfigures.py), mode 0644 and the same bytes.
# usage: run.sh BIN_DIR [NODE_DIR]   (default build/a11y/node)
set -u
export SOURCE_DATE_EPOCH=1795000000 TZ=UTC LC_ALL=C.UTF-8
bin=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
suite=a11y
. "$(dirname "$0")/../suite.sh"
node_dir=${2:-$root/build/a11y/node}
export PLEDGE_TEMPLATES="$root/templates"
data="$root/tests/cli/report-sector"

printf 'severity,file,line,org_id,metric,code,message\nwarning,r.csv,3,HX09,,missing-return,HX09 owes a return\n' >"$tmp/issues.csv"
sector() {
	"$bin/pledge-report" sector --roster "$data/roster.csv" --out "$1.pdf" \
		--issues "$tmp/issues.csv" --returns "$data/returns.csv" \
		--html "$1.html" "$data/aggregates.csv"
}
cards() {
	"$bin/pledge-report" orgs --roster "$data/roster.csv" --out "$1" \
		--returns "$data/returns.csv" "$data/aggregates.csv"
}

sector "$tmp/sector" && ok || bad "pledge-report sector failed"
cards "$tmp/orgs" && ok || bad "pledge-report orgs failed"

# Tagging, on the sector report (with its charts) and two cards, the
# second written in the libharu workspace the first left.
structure() {
	pdfinfo -struct-text "$1" >"$tmp/struct.txt" 2>&1 ||
		bad "pdfinfo -struct-text cannot read $1"
	f=$1
	shift
	/usr/bin/python3 "$here/pdfstruct.py" "$f" "$tmp/struct.txt" "$@" \
		>"$tmp/why" 2>&1 && ok || bad "$(cat "$tmp/why")"
}
structure "$tmp/sector.pdf" --figures --heading "H1:At a glance" \
	--heading "H2:In our workspaces" --heading "H1:Data quality" \
	--heading "H2:Problems found in the returns" --heading "H1:Method"
structure "$tmp/orgs/HX01.pdf" --heading "H2:As employers"
structure "$tmp/orgs/HX03.pdf" --heading "H1:Tŷ Glas Housing" \
	--heading "H2:In the homes we provide"

for f in "$tmp/sector.pdf" "$tmp/orgs/HX03.pdf"; do
	qpdf --check "$f" >"$tmp/qpdf" 2>&1 && ok ||
		bad "qpdf --check ${f#$tmp/}: $(grep -v '^checking\|^PDF Version' "$tmp/qpdf" | head -3)"
done

sector "$tmp/again" && cmp -s "$tmp/sector.pdf" "$tmp/again.pdf" && ok ||
	bad "the same sector report twice gave different bytes"
cmp -s "$tmp/sector.html" "$tmp/again.html" && ok ||
	bad "the same HTML edition twice gave different bytes"

# The HTML edition.
[ "$(stat -c %a "$tmp/sector.html" 2>&1)" = 644 ] && ok ||
	bad "sector.html is not mode 0644"
/usr/bin/python3 "$here/htmlfigures.py" "$tmp/sector.html" \
	"$data/aggregates.csv" >"$tmp/why" 2>&1 && ok ||
	bad "the HTML's figures: $(cat "$tmp/why")"
! grep -qi '<script' "$tmp/sector.html" && ok || bad "the HTML has a script"
# Several charts in one page: no id twice (axe-core no longer checks).
dup=$(grep -o ' id="[^"]*"' "$tmp/sector.html" | sort | uniq -d | head -3)
[ -z "$dup" ] && ok || bad "ids used twice in the HTML: $dup"
[ "$(grep -c '<th>' "$tmp/sector.html")" -eq 0 ] &&
	[ "$(grep -c '<th scope="col">' "$tmp/sector.html")" -gt 0 ] &&
	[ "$(grep -c '<th scope="row">' "$tmp/sector.html")" -gt 0 ] && ok ||
	bad "the HTML's header cells lack their scope"
if [ -d "$node_dir/node_modules/axe-core" ]; then
	timeout 300 node "$here/axe.mjs" "$node_dir" "$tmp/sector.html" \
		>"$tmp/axe" 2>&1 && ok || bad "axe-core in Chromium: $(cat "$tmp/axe")"
else
	bad "no axe-core in $node_dir: run make deps"
fi
cards "$tmp/again" && diff -r "$tmp/orgs" "$tmp/again" >/dev/null && ok ||
	bad "the same cards twice gave different bytes"

finish
