#!/bin/sh
# Command-line tests as data. Each folder under tests/cli/ is one case:
#   cmd             a shell command line, run in a scratch copy of the folder
#   expect.out      its exact standard output
#   expect.err      its exact standard error
#   expect.status   its exit status
#   expect.file.X   the exact contents of file X it must leave behind
# The programs under test come first in PATH; $DATA is a copy of
# tests/data (as the relative path "data", so messages that name a file
# read the same in every checkout) and PLEDGE_TEMPLATES is templates/.
#
# usage: run.sh BIN_DIR [CASE...]      (VALGRIND=1 runs each under valgrind;
#                                       UPDATE=1 rewrites the expectations)
set -u
bin=$(cd "$1" && pwd)
shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM

if [ "${VALGRIND:-0}" = 1 ]; then
	mkdir "$scratch/vg"
	for p in "$bin"/*; do
		cat > "$scratch/vg/$(basename "$p")" <<WRAP
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect "$p" "\$@"
WRAP
		chmod +x "$scratch/vg/$(basename "$p")"
	done
	bin=$scratch/vg
fi

if [ $# -eq 0 ]; then
	set -- $(cd "$here" && ls -d */ | sed 's,/$,,')
fi

pass=0
fail=0
for name in "$@"; do
	case=$here/$name
	[ -f "$case/cmd" ] || continue
	work=$scratch/$name
	cp -R "$case" "$work"
	cp -R "$root/tests/data" "$work/data"
	(cd "$work" && PATH="$bin:$PATH" DATA=data \
		PLEDGE_TEMPLATES="$root/templates" LC_ALL=C.UTF-8 \
		sh -c "$(cat cmd)" >"$scratch/out" 2>"$scratch/err" </dev/null
	 echo $? >"$scratch/status")
	if [ "${UPDATE:-0}" = 1 ]; then
		cp "$scratch/out" "$case/expect.out"
		cp "$scratch/err" "$case/expect.err"
		cp "$scratch/status" "$case/expect.status"
		for f in "$case"/expect.file.*; do
			[ -e "$f" ] || continue
			cp "$work/${f##*/expect.file.}" "$f"
		done
	fi
	ok=1
	why=
	for part in out err status; do
		if ! cmp -s "$case/expect.$part" "$scratch/$part"; then
			ok=0
			why="$why $part"
			diff -u "$case/expect.$part" "$scratch/$part" | head -20 \
				| sed "s,^,    ,"
		fi
	done
	for f in "$case"/expect.file.*; do
		[ -e "$f" ] || continue
		out=$work/${f##*/expect.file.}
		if ! cmp -s "$f" "$out"; then
			ok=0
			why="$why ${f##*/expect.file.}"
			diff -u "$f" "$out" 2>&1 | head -20 | sed "s,^,    ,"
		fi
	done
	if [ $ok = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL cli/$name:$why"
	fi
	rm -rf "$work"
done
echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
