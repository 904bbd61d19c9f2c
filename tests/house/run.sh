#!/bin/sh
# The house rules of src/, checked from the source itself:
#  - the library's folders are layers (README, "How it works"), and a
#    file includes only its own folder and the layers before it;
#  - no two modules include each other, directly or round a circle (a
#    module is a .c and its .h; a private X_impl.h belongs to X);
#  - no file is over 600 lines, and no function over 60;
#  - with OBJ_DIR, the library's objects (build/src/lib): no module calls
#    a function of a later layer, nor do modules call round a circle, as
#    the linker sees it (nm), whatever the includes say.
# usage: run.sh [SRC_DIR [OBJ_DIR]]   (default: the src/ of this checkout)
# Prints each breach and exits 1 when there is one.
set -u
suite=house
. "$(dirname "$0")/../suite.sh"
src=${1:-$root/src}
obj=${2:-}
[ -z "$obj" ] || obj=$(cd "$obj" && pwd) || exit 2
cd "$src" || exit 2
layers="base read model stats out chart report run"

# Every module-to-module include of the library: "FROM TO".
for f in lib/*/*.[ch]; do
	dir=${f#lib/}
	dir=${dir%%/*}
	grep -o '^#include "[^"]*"' "$f" | sed 's/^#include "//; s/"$//' |
	while read -r inc; do
		case $inc in
		../*) to=${inc#../} ;;
		*/*) to=$inc ;;
		*) to=$dir/$inc ;;
		esac
		echo "${f#lib/} $to"
	done
done >"$tmp/files"
[ -s "$tmp/files" ] || { bad "no includes found under $src/lib"; exit 1; }

# Each include goes to a file that exists, in a layer at or before its own.
awk -v layers="$layers" '
BEGIN { n = split(layers, l, " "); for (i = 1; i <= n; i++) rank[l[i]] = i }
{
	split($1, a, "/"); split($2, b, "/")
	if (!(a[1] in rank)) { print "FAIL house: lib/" a[1] "/ is no layer"; next }
	if (!(b[1] in rank)) { print "FAIL house: lib/" $1 " includes " $2 \
		", outside the layers"; next }
	if (rank[b[1]] > rank[a[1]])
		print "FAIL house: lib/" $1 " includes " $2 ", a later layer"
}' "$tmp/files" >"$tmp/up"
while read -r from to; do
	[ -f "lib/$to" ] || echo "FAIL house: lib/$from includes $to, which is not there"
done <"$tmp/files" >>"$tmp/up"
if [ -s "$tmp/up" ]; then
	cat "$tmp/up"
	fail=$((fail + $(wc -l <"$tmp/up")))
fi

# Modules: a file's name without .c or .h, and X_impl with X.
sed 's/\.[ch]\( \|$\)/\1/g; s/_impl\( \|$\)/\1/g' "$tmp/files" |
	awk '$1 != $2' | sort -u >"$tmp/modules"
awk 'NR == FNR { e[$1 " " $2] = 1; next }
     ($2 " " $1) in e && $1 < $2 {
	print "FAIL house: " $1 " and " $2 " include each other" }' \
	"$tmp/modules" "$tmp/modules" >"$tmp/mutual"
if [ -s "$tmp/mutual" ]; then
	cat "$tmp/mutual"
	fail=$((fail + $(wc -l <"$tmp/mutual")))
elif ! tsort "$tmp/modules" >/dev/null 2>"$tmp/loop"; then
	bad "modules include each other round a circle:"
	sed -n 's/^tsort: \([a-z]*\/[a-z_0-9]*\)$/  \1/p' "$tmp/loop"
fi

# Sizes: files of the library and the mains, and functions (the house
# style opens and closes a function's body in the first column).
for f in lib/*/*.[ch] *.c; do
	[ -f "$f" ] || continue
	n=$(wc -l <"$f")
	[ "$n" -le 600 ] || echo "FAIL house: $f has $n lines (at most 600)"
	awk -v f="$f" '
	/^{/ { start = FNR; name = prev }
	/^}/ && start { if (FNR - start - 1 > 60)
		printf "FAIL house: %s:%d: %s has %d lines (at most 60)\n",
		       f, start, name, FNR - start - 1; start = 0 }
	{ if ($0 !~ /^[{}]/) prev = $0 }' "$f"
done >"$tmp/sizes" 2>&1
if grep -q . "$tmp/sizes"; then
	grep . "$tmp/sizes"
	fail=$((fail + $(grep -c FAIL "$tmp/sizes")))
fi

# Calls, from the objects of the sources there are: "CALLER CALLEE".
if [ -n "$obj" ]; then
	for f in lib/*/*.c; do
		o=$obj/${f#lib/}
		o=${o%.c}.o
		[ -f "$o" ] || { bad "$o is missing"; continue; }
		m=${f#lib/}
		m=${m%.c}
		nm --defined-only -g "$o" | awk -v m="$m" 'NF == 3 { print $3, m }' \
			>>"$tmp/defs"
		nm -u "$o" | awk -v m="$m" '{ print $2, m }' >>"$tmp/uses"
	done
	sort -o "$tmp/defs" "$tmp/defs"
	sort -o "$tmp/uses" "$tmp/uses"
	join "$tmp/uses" "$tmp/defs" | awk '$2 != $3 { print $2, $3, $1 }' |
		sort -u >"$tmp/calls"
	awk -v layers="$layers" '
	BEGIN { n = split(layers, l, " "); for (i = 1; i <= n; i++) rank[l[i]] = i }
	{ split($1, a, "/"); split($2, b, "/")
	  if (rank[b[1]] > rank[a[1]])
		print "FAIL house: " $1 " calls " $3 " of " $2 ", a later layer" }
	' "$tmp/calls" >"$tmp/upcalls"
	if [ -s "$tmp/upcalls" ]; then
		cat "$tmp/upcalls"
		fail=$((fail + $(wc -l <"$tmp/upcalls")))
	fi
	awk '{ print $1, $2 }' "$tmp/calls" | sort -u >"$tmp/callpairs"
	if ! tsort "$tmp/callpairs" >/dev/null 2>"$tmp/loop"; then
		bad "modules call each other round a circle:"
		sed -n 's/^tsort: \([a-z]*\/[a-z_0-9]*\)$/  \1/p' "$tmp/loop"
	fi
fi

links=$(wc -l <"$tmp/files")
if [ "$fail" -ne 0 ]; then
	echo "house: $fail breaches"
	exit 1
fi
echo "house: $links includes point down the layers, no circles, sizes kept"
