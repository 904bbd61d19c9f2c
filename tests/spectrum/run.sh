#!/bin/sh
# csv-spectrum conformance: usage: run.sh CSVDUMP
set -u
dump=$1
here=$(cd "$(dirname "$0")" && pwd)
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
(cd "$here" && sha256sum -c --quiet SHA256SUMS) || { echo "FAIL spectrum: data changed"; exit 1; }
for csv in "$here"/csvs/*.csv; do
	name=$(basename "$csv" .csv)
	if [ "$name" = location_coordinates ]; then
		"$dump" "$csv" >"$tmp/out" 2>"$tmp/err"
		status=$?
		if [ $status -eq 1 ] && [ "$(cat "$tmp/out")" = "[]" ] &&
			grep -q ':2: error: a " in the middle of a value' "$tmp/err"; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "FAIL spectrum/$name: the stray quote on line 2 was not rejected"
		fi
		continue
	fi
	if ! "$dump" "$csv" >"$tmp/out" 2>"$tmp/err"; then
		fail=$((fail + 1))
		echo "FAIL spectrum/$name: $(cat "$tmp/err")"
		continue
	fi
	jq -S . "$here/json/$name.json" >"$tmp/want"
	jq -S . "$tmp/out" >"$tmp/got"
	if cmp -s "$tmp/want" "$tmp/got"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL spectrum/$name"
		diff -u "$tmp/want" "$tmp/got" | head -20
	fi
done
echo "spectrum: $pass passed, $fail failed"
[ $fail -eq 0 ]
