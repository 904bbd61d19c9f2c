#!/bin/sh
# make fuzz: each libFuzzer target for FUZZ_SECONDS, seeded from the
# tests' inputs. A crash, hang or leak leaves its input in build/fuzz/
# (crash-*, timeout-*, leak-*): copy it into tests/fuzz/regressions/ so
# every `make check` replays it.
# usage: run.sh FUZZ_BUILD_DIR SECONDS
set -u
dir=$1
seconds=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
export PLEDGE_TEMPLATES="$root/templates" PLEDGE_FUZZ_DATA="$root/tests/data"
seeds=$dir/seeds
rm -rf "$seeds"
mkdir -p "$seeds"
i=0
for f in $(find "$root/tests/cli" "$root/tests/spectrum/csvs" "$root/tests/images" \
	"$root/tests/fuzz/regressions" -type f \( -name '*.csv' -o -name 'crash-*' \) 2>/dev/null |
	LC_ALL=C sort); do
	[ "$(wc -c <"$f")" -le 8192 ] || continue
	{ printf '\007'; cat "$f"; } >"$seeds/seed-$i"
	i=$((i + 1))
done
status=0
for target in fuzz_ingest fuzz_tidy; do
	corpus=$dir/corpus-$target
	mkdir -p "$corpus"
	echo "fuzz: $target for $seconds s, $i seeds"
	"$dir/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
		-max_len=8192 -print_final_stats=1 -artifact_prefix="$dir/" \
		"$corpus" "$seeds" >"$dir/$target.log" 2>&1 || {
		status=1
		echo "fuzz: $target found a problem; see $dir/$target.log and $dir/crash-*"
		tail -n 30 "$dir/$target.log"
	}
	grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$dir/$target.log" | sed 's/^/  /'
done
exit $status
