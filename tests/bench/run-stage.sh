# Part of tests/bench/run.sh (sourced; uses measure, root, bin, tools,
# orgs, work): the quarterly run at the sector's size.
rundir=$work/run
rm -rf "$rundir"
mkdir -p "$rundir/gen" "$rundir/input"
"$tools/gen-sector" "$root/templates/metrics.csv" "$orgs" 4 "$rundir/gen"
cp "$rundir/gen/signatories.csv" "$rundir/input/"
# One return file per signatory and quarter, as associations send them.
awk -F, -v dir="$rundir/input" '
	NR == 1 { head = $0; next }
	{ f = dir "/" $2 "/" $1 ".csv" }
	!($2 in made) { system("mkdir -p " dir "/" $2); made[$2] = 1 }
	f != last { if (last != "") close(last); if (!(f in seen)) { print head > f; seen[f] = 1 } last = f }
	{ print >> f }' "$rundir/gen/returns.csv"
runfiles=$(find "$rundir/input" -name '*.csv' ! -name signatories.csv | wc -l)

# What pledge-run does for each quarter, by hand: the five programs.
cat >"$rundir/direct.sh" <<SCRIPT
set -e
cd "$rundir"
rm -rf direct
t="$root/templates"
r=input/signatories.csv
earlier=
for q in \$(ls input | grep Q | sort); do
	o=direct/\$q
	mkdir -p \$o
	"$bin/pledge-ingest" --roster=\$r --templates=\$t --quiet --summary \\
		--period=\$q --issues=\$o/issues.csv --output=\$o/returns.csv \\
		input/\$q/*.csv 2>/dev/null || [ \$? -eq 1 ]
	"$bin/pledge-aggregate" --roster=\$r --templates=\$t \\
		--output=\$o/aggregates.csv \$earlier \$o/returns.csv
	rets=\$(for f in \$earlier \$o/returns.csv; do printf -- '--returns=%s ' \$f; done)
	"$bin/pledge-chart" --roster=\$r --templates=\$t --out=\$o/charts \$rets \$o/aggregates.csv
	"$bin/pledge-report" sector --roster=\$r --templates=\$t \\
		--out=\$o/sector-report.pdf --issues=\$o/issues.csv \$rets \$o/aggregates.csv
	"$bin/pledge-report" orgs --roster=\$r --templates=\$t --out=\$o/orgs \\
		\$rets \$o/aggregates.csv
	earlier="\$earlier \$o/returns.csv"
done
SCRIPT
export SOURCE_DATE_EPOCH=1795000000
runs=1 measure rundirect sh "$rundir/direct.sh"
runs=1 measure runscratch sh -c "cd '$rundir' && rm -rf output &&
	'$bin/pledge-run' --templates '$root/templates' >/dev/null; [ \$? -le 1 ]"
measure runagain sh -c "cd '$rundir' &&
	'$bin/pledge-run' --templates '$root/templates' >/dev/null; [ \$? -le 1 ]"
measure runone sh -c "cd '$rundir' &&
	'$bin/pledge-run' --templates '$root/templates' --period 2026-Q3 >/dev/null; [ \$? -le 1 ]"
unset SOURCE_DATE_EPOCH
