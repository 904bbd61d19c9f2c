#!/bin/sh
# Runs each cmocka unit-test binary; fails when any fails.
# usage: run-unit.sh DIR TEST...
dir=$1
shift
failed=0
for t in "$@"; do
	"$dir/$t" || { echo "FAIL unit/$t"; failed=1; }
done
exit $failed
