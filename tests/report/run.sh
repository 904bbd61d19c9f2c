#!/bin/sh
# The unattended quarterly run (make report), as cron runs it, on a copy
# of the sample input: same bytes from scratch, nothing rewritten on a
# second run, one run at a time, no partial file after a kill -9 at any
# moment, and a clear failure that keeps earlier outputs when the output
# folder cannot be written or the disk is full.
# usage: run.sh BIN_DIR [KILLS]
set -u
# Reports print their date: a fixed one makes runs comparable byte for byte.
export SOURCE_DATE_EPOCH=1795000000
bin=$(cd "$1" && pwd)
kills=${2:-12}
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL report: $*"; }

# A fresh copy of the project's input and templates in $1.
setup() {
	mkdir -p "$1"
	cp -R "$root/input" "$root/templates" "$1/"
}
report() { sh "$root/src/tools/run-report" "$bin" "$@"; }
# Output files, without the lock and temporaries.
files() { (cd "$1/output" && find . -type f ! -name '.*' | LC_ALL=C sort); }

setup "$tmp/ref"
(cd "$tmp/ref" && report >"$tmp/ref.out" 2>"$tmp/ref.err")
status=$?
[ $status -eq 0 ] && ok || bad "the sample run exited $status: $(cat "$tmp/ref.err")"
[ "$(wc -l <"$tmp/ref.out")" -eq 4 ] && [ ! -s "$tmp/ref.err" ] && ok ||
	bad "the sample run was not quiet: $(cat "$tmp/ref.out" "$tmp/ref.err")"

# Same input from scratch: the same bytes.
setup "$tmp/again"
(cd "$tmp/again" && report >/dev/null 2>&1)
diff -r -x .lock "$tmp/ref/output" "$tmp/again/output" >/dev/null && ok ||
	bad "a second run from scratch gave different bytes"

# Unchanged input: nothing rewritten, the same summary.
touch "$tmp/marker"
sleep 1
(cd "$tmp/again" && report >"$tmp/again.out" 2>&1)
[ -z "$(find "$tmp/again/output" -type f ! -name .lock -newer "$tmp/marker")" ] && ok ||
	bad "a run on unchanged input rewrote $(find "$tmp/again/output" -type f -newer "$tmp/marker" | head -3)"
cmp -s "$tmp/ref.out" "$tmp/again.out" && ok || bad "the summary of an unchanged run differs"

# A changed return redoes its quarter.
printf 'metric,value\nstaff_total,15\n' >"$tmp/again/input/2026-Q3/HX09.csv"
(cd "$tmp/again" && report >"$tmp/changed.out" 2>&1)
grep -q '^2026-Q3: 11 of 11 returns accepted, 0 rejected, 0 missing' "$tmp/changed.out" && ok ||
	bad "a new return was not taken in: $(cat "$tmp/changed.out")"

# One run at a time.
(cd "$tmp/again" && flock output/.lock sleep 3) &
sleep 1
(cd "$tmp/again" && report >"$tmp/locked.out" 2>"$tmp/locked.err")
status=$?
wait
[ $status -eq 2 ] && grep -q 'another run is still going' "$tmp/locked.err" && ok ||
	bad "a second run at the same time was not refused (status $status)"

# kill -9 at random moments: every output file is absent or complete.
setup "$tmp/kill"
start=$(date +%s%N)
(cd "$tmp/kill" && report >/dev/null 2>&1)
full=$((($(date +%s%N) - start) / 1000000))
rm -rf "$tmp/kill/output"
seed=1
i=0
torn=0
while [ $i -lt "$kills" ]; do
	seed=$(((seed * 1103515245 + 12345) % 2147483648))
	delay=$((seed % (full + 1)))
	(cd "$tmp/kill" && exec sh "$root/src/tools/run-report" "$bin" >/dev/null 2>&1) &
	pid=$!
	sleep "$(awk -v ms="$delay" 'BEGIN { printf "%.3f", ms / 1000 }')"
	pkill -KILL -P "$pid" 2>/dev/null
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	sleep 0.05
	for f in $(files "$tmp/kill"); do
		cmp -s "$tmp/ref/output/$f" "$tmp/kill/output/$f" || {
			torn=$((torn + 1))
			echo "  after a kill at ${delay} ms, $f is not complete"
		}
	done
	i=$((i + 1))
done
[ $torn -eq 0 ] && ok || bad "$torn partial files after kills"
(cd "$tmp/kill" && report >/dev/null 2>&1)
diff -r -x .lock "$tmp/ref/output" "$tmp/kill/output" >/dev/null && ok ||
	bad "the run after the kills did not finish the outputs"
[ -z "$(find "$tmp/kill/output" -name '.*.tmp.*')" ] && ok ||
	bad "temporary files were left behind"

# An output folder that cannot be written: exit 2, a clear message,
# the other quarters and earlier outputs kept.
setup "$tmp/ro"
cp -R "$tmp/ref/output" "$tmp/ro/"
rm -rf "$tmp/ro/output/2026-Q3"
printf 'not a folder\n' >"$tmp/ro/output/2026-Q3"
printf 'metric,value\nstaff_total,15\n' >"$tmp/ro/input/2026-Q3/HX09.csv"
(cd "$tmp/ro" && report >"$tmp/ro.out" 2>"$tmp/ro.err")
status=$?
[ $status -eq 2 ] && grep -q 'cannot write into output/2026-Q3/' "$tmp/ro.err" && ok ||
	bad "an unwritable output folder gave status $status: $(cat "$tmp/ro.err")"
cmp -s "$tmp/ref/output/2026-Q2/aggregates.csv" "$tmp/ro/output/2026-Q2/aggregates.csv" && ok ||
	bad "the other quarters' outputs changed"

# A full disk (file size limit): exit 2, earlier outputs untouched.
setup "$tmp/full"
cp -R "$tmp/ref/output" "$tmp/full/"
printf 'metric,value\nstaff_total,15\n' >"$tmp/full/input/2026-Q3/HX09.csv"
(cd "$tmp/full" && trap '' XFSZ && ulimit -f 20 && report >"$tmp/full.out" 2>"$tmp/full.err")
status=$?
[ $status -eq 2 ] && grep -q 'File too large\|No space' "$tmp/full.err" && ok ||
	bad "a full disk gave status $status: $(head -3 "$tmp/full.err")"
for f in returns.csv aggregates.csv charts/response.png sector-report.pdf manifest.csv; do
	cmp -s "$tmp/ref/output/2026-Q3/$f" "$tmp/full/output/2026-Q3/$f" ||
		{ bad "after a full disk, 2026-Q3/$f is not the earlier good one"; break; }
done && ok
[ -z "$(find "$tmp/full/output" -name '.*.tmp.*')" ] && ok ||
	bad "a full disk left temporary files"

echo "report: $pass passed, $fail failed"
[ $fail -eq 0 ]
