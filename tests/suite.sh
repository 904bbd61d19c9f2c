# suite.sh: what the test scripts (tests/*/run.sh) share. A script sets
# suite=NAME and sources this file; it then has
#   root        the checkout's top folder
#   tmp         a scratch folder, removed when the script ends
#   pass, fail  the counts of checks passed and failed
#   ok          counts a check passed
#   bad TEXT    counts a check failed and prints "FAIL NAME: TEXT"
#   finish      prints "NAME: P passed, F failed" (with its argument in
#               brackets after it, when given) and is true when F is 0:
#               the script's last command.
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $suite: $*"; }
finish() {
	echo "$suite: $pass passed, $fail failed${1:+ ($1)}"
	[ "$fail" -eq 0 ]
}
