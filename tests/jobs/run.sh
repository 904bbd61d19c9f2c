#!/bin/sh
# One switch for threads: PLEDGE_JOBS=1 runs everything on the calling
# thread, and the output must be the same bytes as with threads. The
# sample goes through pledge-run (its cards are made by two processes,
# or one); a generated sector larger than a part goes through
# pledge-ingest from a file (read in parts) and from a pipe (read
# ahead), the tidy file is written by the background writer, and
# pledge-aggregate ranks with its second thread.
# usage: run.sh BIN_DIR TOOLS_DIR
set -u
export SOURCE_DATE_EPOCH=1795000000
unset PLEDGE_TEMPLATES
bin=$(cd "$1" && pwd)
tools=$(cd "$2" && pwd)
suite=jobs
. "$(dirname "$0")/../suite.sh"

# The sample's quarterly run in $1 with PLEDGE_JOBS=$2 ("" for unset).
sample() {
	mkdir -p "$1"
	cp -R "$root/input" "$root/templates" "$1/"
	if [ -n "$2" ]; then
		(cd "$1" && PLEDGE_JOBS=$2 "$bin/pledge-run" >/dev/null 2>&1)
	else
		(cd "$1" && env -u PLEDGE_JOBS "$bin/pledge-run" >/dev/null 2>&1)
	fi
}
sample "$tmp/one" 1 && ok || bad "the sample run with PLEDGE_JOBS=1 failed"
sample "$tmp/any" "" && ok || bad "the sample run without PLEDGE_JOBS failed"
sample "$tmp/four" 4 && ok || bad "the sample run with PLEDGE_JOBS=4 failed"
for way in any four; do
	diff -r -x .lock -x .hashes "$tmp/one/output" "$tmp/$way/output" \
		>"$tmp/diff" 2>&1 && ok ||
		bad "the sample's output with PLEDGE_JOBS=1 differs from $way: $(head -3 "$tmp/diff")"
done

# A sector of 700 organisations, two quarters: over a part (1 MiB) of
# returns and over 8192 answers a quarter.
big=$tmp/big
mkdir -p "$big"
"$tools/gen-sector" "$root/templates/metrics.csv" 700 2 "$big" >/dev/null ||
	bad "gen-sector failed"
# pipeline JOBS OUT: ingest from the file and from a pipe, aggregate.
pipeline() {
	mkdir -p "$2"
	PLEDGE_JOBS=$1 "$bin/pledge-ingest" --templates "$root/templates" \
		--roster "$big/signatories.csv" --quiet "$big/returns.csv" \
		>"$2/tidy.csv" 2>"$2/ingest.err"
	echo "$?" >"$2/ingest.status"
	cat "$big/returns.csv" | PLEDGE_JOBS=$1 "$bin/pledge-ingest" \
		--templates "$root/templates" --roster "$big/signatories.csv" \
		--quiet >"$2/piped.csv" 2>"$2/piped.err"
	echo "$?" >"$2/piped.status"
	PLEDGE_JOBS=$1 "$bin/pledge-aggregate" --templates "$root/templates" \
		--roster "$big/signatories.csv" "$2/tidy.csv" \
		>"$2/aggregates.csv" 2>"$2/aggregate.err"
	echo "$?" >"$2/aggregate.status"
}
pipeline 1 "$tmp/big1"
pipeline 4 "$tmp/big4"
[ "$(cat "$tmp/big1/ingest.status")" = 0 ] && [ -s "$tmp/big1/tidy.csv" ] &&
	[ "$(wc -l <"$tmp/big1/aggregates.csv")" -gt 1 ] && ok ||
	bad "the generated sector did not go through: $(head -3 "$tmp/big1/ingest.err" "$tmp/big1/aggregate.err")"
for f in tidy.csv ingest.err ingest.status piped.csv piped.err piped.status \
	aggregates.csv aggregate.err aggregate.status; do
	cmp -s "$tmp/big1/$f" "$tmp/big4/$f" && ok ||
		bad "$f differs between PLEDGE_JOBS=1 and PLEDGE_JOBS=4"
done
cmp -s "$tmp/big1/tidy.csv" "$tmp/big1/piped.csv" && ok ||
	bad "the tidy file read from a pipe differs from the one read from the file"

finish
