# The checks of run.sh that pledge-run added: links planted in the
# output tree, returns that are not files, a stage that fails, wording
# changes, late returns and revisions, what staff and analysts open.
# Sourced by run.sh, which sets bin, root, tmp, setup, report, ok, bad,
# same_tree and late, and has made $tmp/ref (the sample from scratch)
# and $tmp/again (the sample with a late return for 2026-Q3 taken in).

# Everything about the files outside the tree: names, modes, sizes,
# times and contents.
outside_state() {
	(cd "$tmp/outside" && find . -printf '%p %y %m %s %T@ %l\n' | LC_ALL=C sort &&
		find . -type f -exec cat {} +)
}
mkdir -p "$tmp/outside/dir"
printf 'secret\n' >"$tmp/outside/secret"
chmod 600 "$tmp/outside/secret"
outside_state >"$tmp/outside.before"
secret=$tmp/outside/secret

# Links at every name the run makes in the output folder and in the
# quarter it redoes, and at the quarter's folders: never followed.
setup "$tmp/sym"
cp -R "$tmp/ref/output" "$tmp/sym/"
late "$tmp/sym"
out=$tmp/sym/output
rm -f "$out/.hashes"
ln -s "$secret" "$out/.hashes"
ln -s "$tmp/outside/dir" "$out/.2026-Q3.stage"
ln -s "$tmp/outside/dir" "$out/.2026-Q3.old"
ln -s "$secret" "$out/.hashes.tmp.1"
for f in returns.csv issues.csv aggregates.csv manifest.csv datapackage.json \
	sector-report.pdf sector-report.html revisions.csv disclosure.csv \
	levels.csv .manifest.csv.tmp.1 .issues.csv.tmp.1; do
	rm -f "$out/2026-Q3/$f"
	ln -s "$secret" "$out/2026-Q3/$f"
done
for d in charts orgs; do
	rm -rf "$out/2026-Q3/$d"
	ln -s "$tmp/outside/dir" "$out/2026-Q3/$d"
done
(cd "$tmp/sym" && report >"$tmp/sym.out" 2>"$tmp/sym.err")
status=$?
[ $status -eq 0 ] && ok || bad "links in the output tree gave status $status: $(cat "$tmp/sym.err")"
outside_state | cmp -s - "$tmp/outside.before" && ok ||
	bad "links in the output tree changed files outside it"
# (With the published aggregates.csv a link, there is nothing to compare
# for revisions: the reports and manifest differ by those alone.)
diff -r -x revisions.csv -x sector-report.pdf -x sector-report.html \
	-x manifest.csv \
	"$tmp/again/output/2026-Q3" "$out/2026-Q3" >/dev/null &&
	[ ! -L "$out/2026-Q3/charts" ] && [ ! -L "$out/.hashes" ] && ok ||
	bad "the quarter redone over planted links is not the one made without them"
[ "$(stat -c %a "$out/2026-Q3/orgs")" = 700 ] && ok ||
	bad "orgs/ is mode $(stat -c %a "$out/2026-Q3/orgs"), not 700"

# A link at output/<quarter> itself, or at the lock: refused, exit 2.
for name in 2026-Q3 .lock; do
	setup "$tmp/link$name"
	cp -R "$tmp/ref/output" "$tmp/link$name/"
	late "$tmp/link$name"
	rm -rf "$tmp/link$name/output/$name"
	target=$tmp/outside/dir
	[ $name = .lock ] && target=$secret
	ln -s "$target" "$tmp/link$name/output/$name"
	(cd "$tmp/link$name" && report >/dev/null 2>"$tmp/link.err")
	status=$?
	[ $status -eq 2 ] && grep -q 'cannot write into output/' "$tmp/link.err" &&
		[ -L "$tmp/link$name/output/$name" ] && ok ||
		bad "a link at output/$name gave status $status: $(cat "$tmp/link.err")"
	outside_state | cmp -s - "$tmp/outside.before" && ok ||
		bad "a link at output/$name changed files outside the tree"
done

# Returns that are not files (a FIFO, a folder): refused without
# waiting, counted as rejected, listed in issues.csv.
setup "$tmp/fifo"
mkfifo "$tmp/fifo/input/2026-Q3/zz.csv"
mkdir "$tmp/fifo/input/2026-Q3/yy.csv"
(cd "$tmp/fifo" && timeout 60 "$bin/pledge-run" --period 2026-Q3 \
	>"$tmp/fifo.out" 2>"$tmp/fifo.err")
status=$?
[ $status -eq 1 ] && ok || bad "a FIFO among the returns gave status $status (124: it hung)"
grep -q 'input/2026-Q3/zz.csv: error: .*FIFO' "$tmp/fifo.err" &&
	grep -q 'input/2026-Q3/yy.csv: error: .*folder' "$tmp/fifo.err" && ok ||
	bad "no clear message for a FIFO or folder return: $(cat "$tmp/fifo.err")"
grep -q '^2026-Q3: 10 of 11 returns accepted, 2 rejected, 1 missing' "$tmp/fifo.out" &&
	[ "$(grep -c not-a-regular-file "$tmp/fifo/output/2026-Q3/issues.csv")" -eq 2 ] && ok ||
	bad "returns that are not files were not counted as rejected: $(cat "$tmp/fifo.out")"

# A stage that fails partway (a chart stage that cannot write and
# crashes): exit 2, and the quarter published before stays whole.
mkdir "$tmp/bin2"
cp "$bin"/pledge-* "$tmp/bin2/"
cat >"$tmp/bin2/pledge-chart" <<'EOF'
#!/bin/sh
for a; do case $a in --out=*) out=${a#--out=} ;; esac; done
mkdir -p "$out" && echo partial >"$out/response.png"
kill -SEGV $$
EOF
setup "$tmp/crash"
cp -R "$tmp/ref/output" "$tmp/crash/"
late "$tmp/crash"
(cd "$tmp/crash" && "$tmp/bin2/pledge-run" >"$tmp/crash.out" 2>"$tmp/crash.err")
status=$?
[ $status -eq 2 ] && grep -q 'pledge-chart stopped on signal' "$tmp/crash.err" &&
	grep -q '2026-Q3 could not be finished' "$tmp/crash.err" && ok ||
	bad "a failing chart stage gave status $status: $(cat "$tmp/crash.err")"
same_tree "$tmp/ref/output" "$tmp/crash/output" && ok ||
	bad "a failing chart stage changed the quarter published before"
[ -z "$(find "$tmp/crash/output" -name '.*.stage' -o -name '.*.tmp.*')" ] && ok ||
	bad "a failing stage left its staging folder"

# A wording change redoes the quarter, and the reports say it.
setup "$tmp/words"
cp -R "$tmp/ref/output" "$tmp/words/"
sed -i 's/^report_title,.*/report_title,Harry'"'"'s Pledge: the new title/' \
	"$tmp/words/templates/report.csv"
(cd "$tmp/words" && report --period 2026-Q3 >/dev/null 2>"$tmp/words.err")
status=$?
pdftotext "$tmp/words/output/2026-Q3/sector-report.pdf" - 2>/dev/null |
	grep -q 'the new title' && [ $status -eq 0 ] && ok ||
	bad "a wording change did not redo the quarter (status $status)"
grep -q '^template,"templates/report.csv",' "$tmp/words/output/2026-Q3/manifest.csv" &&
	grep -q '^font,' "$tmp/words/output/2026-Q3/manifest.csv" && ok ||
	bad "the manifest does not record the wording and fonts"

# A late return: the published figures that moved are in revisions.csv
# and marked [r] in the sector report; a first publication has none.
rev=$tmp/again/output/2026-Q3/revisions.csv
head -1 "$rev" 2>/dev/null | grep -qx 'period,metric,group,column,old,new' &&
	grep -q '^2026-Q3,staff_total,sector,n,' "$rev" &&
	[ ! -e "$tmp/ref/output/2026-Q3/revisions.csv" ] && ok ||
	bad "a late return gave no revisions.csv"
# (The key to the symbols always explains [r]; a mark follows a figure.)
pdftotext "$tmp/again/output/2026-Q3/sector-report.pdf" - 2>/dev/null | grep -q '[0-9%] \[r\]' &&
	! pdftotext "$tmp/ref/output/2026-Q3/sector-report.pdf" - 2>/dev/null | grep -q '[0-9%] \[r\]' &&
	ok || bad "revised figures are not marked [r] in the sector report"

# Staff open issues.csv in Excel (a BOM); analysts' CSVs have none; the
# data package name is lower case.
q=$tmp/ref/output/2026-Q3
[ "$(head -c 3 "$q/issues.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] &&
	[ "$(head -c 6 "$q/aggregates.csv")" = period ] &&
	[ "$(head -c 6 "$q/returns.csv")" = period ] && ok ||
	bad "issues.csv has no BOM, or an analysts' CSV has one"
grep -q '"name": "harrys-pledge-2026-q3"' "$q/datapackage.json" && ok ||
	bad "the data package name is not lower case"

# pledge-audit, when installed, runs on what is about to be published;
# what it finds stops the quarter being published.
mkdir "$tmp/bin3"
cp "$bin"/pledge-* "$tmp/bin3/"
cat >"$tmp/bin3/pledge-audit" <<'EOF2'
#!/bin/sh
echo "$@" >>"$AUDIT_LOG"
[ -n "${AUDIT_FINDS:-}" ] || exit 0
echo "pledge-audit: aggregates.csv:7: error: a withheld figure can be worked out" >&2
exit 2
EOF2
chmod +x "$tmp/bin3/pledge-audit"
setup "$tmp/audit"
cp -R "$tmp/ref/output" "$tmp/audit/"
late "$tmp/audit"
(cd "$tmp/audit" && AUDIT_LOG=$tmp/audit.log AUDIT_FINDS=1 \
	"$tmp/bin3/pledge-run" >/dev/null 2>"$tmp/audit.err")
status=$?
[ $status -eq 2 ] && grep -q 'a withheld figure can be worked out' "$tmp/audit.err" &&
	grep -q -- '--readings=.*charts/readings.csv .*aggregates.csv' "$tmp/audit.log" &&
	same_tree "$tmp/ref/output" "$tmp/audit/output" && ok ||
	bad "an audit that found something did not stop the quarter (status $status)"
(cd "$tmp/audit" && AUDIT_LOG=$tmp/audit.log "$tmp/bin3/pledge-run" >/dev/null 2>&1)
status=$?
[ $status -eq 0 ] && same_tree "$tmp/again/output/2026-Q3" "$tmp/audit/output/2026-Q3" && ok ||
	bad "an audit that found nothing stopped the quarter (status $status)"

# Every stage always runs: a sibling program that is missing is a clear
# failure (exit 2) that keeps the quarter published before.
mkdir "$tmp/bin4"
for p in "$bin"/pledge-*; do
	[ "${p##*/}" = pledge-audit ] || cp "$p" "$tmp/bin4/"
done
setup "$tmp/noaudit"
cp -R "$tmp/ref/output" "$tmp/noaudit/"
late "$tmp/noaudit"
(cd "$tmp/noaudit" && PATH=/usr/bin:/bin "$tmp/bin4/pledge-run" >/dev/null 2>"$tmp/noaudit.err")
status=$?
[ $status -eq 2 ] && grep -q 'cannot find pledge-audit' "$tmp/noaudit.err" &&
	same_tree "$tmp/ref/output" "$tmp/noaudit/output" && ok ||
	bad "a missing pledge-audit was not a clear failure (status $status: $(cat "$tmp/noaudit.err"))"

# Every file SPEC 9 names is in the quarter, with its mode: staff-only
# files 0600, orgs/ 0700, the publishable ones 0644.
modes() { for f in "$@"; do printf '%s %s\n' "$f" "$(stat -c %a "$q/$f" 2>/dev/null)"; done; }
want="returns.csv 600
issues.csv 600
disclosure.csv 600
levels.csv 600
orgs 700
orgs/HX01.pdf 600
orgs/HX01.csv 600
aggregates.csv 644
charts 755
charts/readings.csv 644
charts/response.svg 644
charts/response.png 644
sector-report.pdf 644
sector-report.html 644
datapackage.json 644
manifest.csv 644"
got=$(modes $(printf '%s\n' "$want" | cut -d' ' -f1))
[ "$got" = "$want" ] && ok ||
	bad "the quarter's files and modes are not those of SPEC 9: $(printf '%s\n' "$got" | tr '\n' ' ')"

# The data package describes the files there: each resource's path is
# in the quarter and its header is the fields the package lists.
if command -v python3 >/dev/null; then
	(cd "$q" && python3 - <<'EOF2') && ok || bad "datapackage.json does not describe the quarter's files"
import csv, json, sys
pkg = json.load(open("datapackage.json"))
paths = set()
for r in pkg["resources"]:
    with open(r["path"], encoding="utf-8-sig", newline="") as f:
        head = next(csv.reader(f))
    fields = [x["name"] for x in r["schema"]["fields"]]
    if head != fields:
        sys.exit("%s: header %s, package %s" % (r["path"], head, fields))
    paths.add(r["path"])
for need in ("returns.csv", "issues.csv", "aggregates.csv", "disclosure.csv",
             "levels.csv", "manifest.csv", "charts/readings.csv"):
    if need not in paths:
        sys.exit("no resource for " + need)
EOF2
fi
