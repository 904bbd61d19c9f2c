#!/bin/sh
# pledge-report-cairo, the report cards drawn through Cairo's PDF surface
# (tests/tools/pdf_cairo.c) that make bench times libharu's against: on
# the sample input's latest quarter it writes a card for every
# organisation pledge-report writes one for, each a valid PDF (qpdf)
# that shows the organisation's name and the same words and figures as
# libharu's card, private, made by Cairo, the same bytes on a rerun, and
# the same figures CSV beside it.
# usage: run.sh BIN_DIR TOOLS_DIR
set -u
export SOURCE_DATE_EPOCH=1795000000
bin=$(cd "$1" && pwd)
tools=$(cd "$2" && pwd)
suite=cairo
. "$(dirname "$0")/../suite.sh"

# The sample's latest quarter through the pipeline, libharu's cards too.
cp -R "$root/input" "$root/templates" "$tmp/"
cd "$tmp" || exit 2
period=$(ls -d input/[0-9][0-9][0-9][0-9]-Q[1-4] | tail -n 1 | cut -d/ -f2)
out=output/$period
mkdir -p "$out"
export PLEDGE_TEMPLATES=templates
{ "$bin/pledge-ingest" --roster input/signatories.csv input/*-Q?/*.csv \
	>"$out/returns.csv" 2>run.err; [ $? -le 1 ]; } &&
	"$bin/pledge-aggregate" --roster input/signatories.csv \
		"$out/returns.csv" >"$out/aggregates.csv" 2>>run.err &&
	"$bin/pledge-report" orgs --roster input/signatories.csv \
		--period "$period" --out "$out/orgs" \
		--returns "$out/returns.csv" "$out/aggregates.csv" 2>>run.err ||
	{ bad "the sample run failed: $(cat run.err)"; exit 1; }

# cards DIR: pledge-report-cairo's cards for the quarter into DIR.
cards() {
	"$tools/pledge-report-cairo" orgs --roster input/signatories.csv \
		--templates templates --out "$1" --returns="$out/returns.csv" \
		"$out/aggregates.csv"
}
cards cairo 2>cairo.err && [ ! -s cairo.err ] && ok ||
	bad "pledge-report-cairo failed or warned: $(cat cairo.err)"
(cd "$out/orgs" && ls *.pdf) >haru.list
(cd cairo && ls *.pdf) >cairo.list
[ -s haru.list ] && cmp -s haru.list cairo.list && ok ||
	bad "not one Cairo card per libharu card: $(diff haru.list cairo.list | head -3)"

# The figures beside the cards do not depend on how the PDF is drawn.
for csv in $(cd "$out/orgs" && ls *.csv); do
	cmp -s "$out/orgs/$csv" "cairo/$csv" || bad "cairo/$csv differs"
done

# words FILE: the words pdftotext gives back, one a line, sorted.
words() { pdftotext "$1" - | tr -s ' \n' '\n\n' | LC_ALL=C sort; }
"$tools/csvcut" input/signatories.csv org_id org_name >names.tsv
checked=0
for pdf in $(cat cairo.list); do
	id=${pdf%.pdf}
	name=$(awk -F'	' -v id="$id" '$1 == id { print $2 }' names.tsv)
	qpdf --check "cairo/$pdf" >/dev/null 2>&1 ||
		{ bad "$pdf: qpdf --check fails"; continue; }
	pdfinfo "cairo/$pdf" 2>/dev/null | grep -q '^Producer: *cairo' ||
		{ bad "$pdf was not made by Cairo"; continue; }
	[ -n "$name" ] && pdftotext "cairo/$pdf" - | grep -qF "$name" ||
		{ bad "$pdf does not show '$name'"; continue; }
	# The first figure, "Employees", as libharu's card shows it.
	# (spaces squeezed: the two libraries may place a right-aligned
	# figure a fraction of a point apart, which pdftotext turns into one
	# space more or less)
	row=$(pdftotext -layout "$out/orgs/$pdf" - | grep -m 1 '^Employees  ' |
		tr -s ' ')
	[ -n "$row" ] && pdftotext -layout "cairo/$pdf" - | tr -s ' ' |
		grep -qxF "$row" ||
		{ bad "$pdf lacks libharu's row '$row'"; continue; }
	words "$out/orgs/$pdf" >haru.words
	words "cairo/$pdf" >cairo.words
	cmp -s haru.words cairo.words ||
		{ bad "$pdf: words differ from libharu's: $(diff haru.words cairo.words | head -4)"; continue; }
	[ "$(stat -c %a "cairo/$pdf")" = 600 ] ||
		{ bad "$pdf is not private (mode 0600)"; continue; }
	checked=$((checked + 1))
done
[ "$checked" -gt 0 ] && [ "$checked" -eq "$(wc -l <cairo.list)" ] && ok

# The same input again: the same bytes.
cards again 2>/dev/null && diff -r cairo again >/dev/null && ok ||
	bad "a second run gave different bytes"

finish "$checked cards"
