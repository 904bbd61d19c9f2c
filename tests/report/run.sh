#!/bin/sh
# The unattended quarterly run (pledge-run), as cron runs it, on a copy
# of the sample input: same bytes from scratch, nothing rewritten on a
# second run, one run at a time, no partial file after a kill -9 at any
# moment, a clear failure that keeps the quarter published before when
# a folder cannot be written, the disk is full or a stage fails; links
# planted in the output tree never followed; returns that are not files
# refused without waiting; wording changes and late returns redone, with
# revised figures listed and marked [r].
# usage: run.sh BIN_DIR [KILLS]
set -u
# Reports print their date: a fixed one makes runs comparable byte for byte.
export SOURCE_DATE_EPOCH=1795000000
unset PLEDGE_TEMPLATES
bin=$(cd "$1" && pwd)
kills=${2:-12}
suite=report
. "$(dirname "$0")/../suite.sh"

# A fresh copy of the project's input and templates in $1.
setup() {
	mkdir -p "$1"
	cp -R "$root/input" "$root/templates" "$1/"
}
report() { "$bin/pledge-run" "$@"; }
# Output files, without the lock, the hash record, temporaries and
# staging folders.
files() {
	(cd "$1/output" && find . -path './.*' -prune -o -type f ! -name '.*' \
		-print | LC_ALL=C sort)
}
same_tree() { diff -r -x .lock -x .hashes "$1" "$2" >/dev/null; }
late() { printf 'metric,value\nstaff_total,15\n' >"$1/input/2026-Q3/HX09.csv"; }

setup "$tmp/ref"
(cd "$tmp/ref" && report >"$tmp/ref.out" 2>"$tmp/ref.err")
status=$?
[ $status -eq 0 ] && ok || bad "the sample run exited $status: $(cat "$tmp/ref.err")"
[ "$(wc -l <"$tmp/ref.out")" -eq 4 ] && [ ! -s "$tmp/ref.err" ] && ok ||
	bad "the sample run was not quiet: $(cat "$tmp/ref.out" "$tmp/ref.err")"

# Same input from scratch: the same bytes.
setup "$tmp/again"
(cd "$tmp/again" && report >/dev/null 2>&1)
same_tree "$tmp/ref/output" "$tmp/again/output" && ok ||
	bad "a second run from scratch gave different bytes"

# Unchanged input: nothing rewritten, the same summary.
touch "$tmp/marker"
sleep 1
(cd "$tmp/again" && report >"$tmp/again.out" 2>&1)
[ -z "$(find "$tmp/again/output" -newer "$tmp/marker" ! -name .lock)" ] && ok ||
	bad "a run on unchanged input rewrote $(find "$tmp/again/output" -newer "$tmp/marker" | head -3)"
cmp -s "$tmp/ref.out" "$tmp/again.out" && ok || bad "the summary of an unchanged run differs"

# A changed return redoes its quarter.
late "$tmp/again"
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
	(cd "$tmp/kill" && exec "$bin/pledge-run" >/dev/null 2>&1) &
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
# A killed run's children may still be finishing (they hold the lock).
sleep 1
(cd "$tmp/kill" && report >/dev/null 2>&1)
same_tree "$tmp/ref/output" "$tmp/kill/output" && ok ||
	bad "the run after the kills did not finish the outputs"
[ -z "$(find "$tmp/kill/output" -name '.*.tmp.*' -o -name '.*.stage' -o -name '.*.old')" ] && ok ||
	bad "temporary files were left behind"

# An output folder that cannot be written: exit 2, a clear message,
# the other quarters and earlier outputs kept.
setup "$tmp/ro"
cp -R "$tmp/ref/output" "$tmp/ro/"
rm -rf "$tmp/ro/output/2026-Q3"
printf 'not a folder\n' >"$tmp/ro/output/2026-Q3"
late "$tmp/ro"
(cd "$tmp/ro" && report >"$tmp/ro.out" 2>"$tmp/ro.err")
status=$?
[ $status -eq 2 ] && grep -q 'cannot write into output/2026-Q3/' "$tmp/ro.err" && ok ||
	bad "an unwritable output folder gave status $status: $(cat "$tmp/ro.err")"
cmp -s "$tmp/ref/output/2026-Q2/aggregates.csv" "$tmp/ro/output/2026-Q2/aggregates.csv" && ok ||
	bad "the other quarters' outputs changed"

# A full disk (file size limit): exit 2, earlier outputs untouched.
setup "$tmp/full"
cp -R "$tmp/ref/output" "$tmp/full/"
late "$tmp/full"
(cd "$tmp/full" && trap '' XFSZ && ulimit -f 20 && report >"$tmp/full.out" 2>"$tmp/full.err")
status=$?
[ $status -eq 2 ] && grep -q 'File too large\|No space' "$tmp/full.err" && ok ||
	bad "a full disk gave status $status: $(head -3 "$tmp/full.err")"
same_tree "$tmp/ref/output/2026-Q3" "$tmp/full/output/2026-Q3" && ok ||
	bad "after a full disk, 2026-Q3 is not the earlier good one"
[ -z "$(find "$tmp/full/output" -name '.*.tmp.*' -o -name '.*.stage')" ] && ok ||
	bad "a full disk left temporary files"

. "$root/tests/report/more.sh"

finish
