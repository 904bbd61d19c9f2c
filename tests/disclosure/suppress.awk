# The disclosure rules of SPEC §6.3, applied to an aggregates CSV with
# every figure in it, as a second opinion for the audit's self-test:
# the audit must pass what this leaves, and must catch each rule when
# off names it (few, extremes, quartiles, small, secondary).
# usage: awk -F, -v off=RULE -f suppress.awk metrics.csv aggregates.csv
# Assumes, as the generated sector gives, that every organisation
# answering an "of which" count answered its parent too.
BEGIN { OFS = ","; min_orgs = 3; quartiles_min = 5; below = 5 }
FNR == NR { sensitive[$1] = $8 == "yes"; next }
FNR == 1 { header = $0; next }
{ row[++n] = $0 }

function blank(i, from, to,    f, k) {
	split(row[i], f, ",")
	for (k = from; k <= to; k++) f[k] = ""
	f[14] = "c"
	row[i] = f[1]
	for (k = 2; k <= 14; k++) row[i] = row[i] OFS f[k]
}
function small(v) { return v != "" && v > 0 && v < below }

END {
	for (i = 1; i <= n; i++) {
		split(row[i], f, ",")
		if (f[3] == "returns") continue
		if (off != "few" && f[5] < min_orgs) { blank(i, 6, 13); continue }
		if (off != "extremes") { blank(i, 11, 12); sub(/c$/, f[14], row[i]) }
		if (off != "quartiles" && f[5] < quartiles_min) blank(i, 8, 10)
		if (off == "small" || !sensitive[f[3]]) continue
		split(row[i], f, ",")
		if (small(f[6])) { blank(i, 6, 13); continue }
		for (k = 8; k <= 10; k++) if (small(f[k])) blank(i, k, k)
	}
	if (off != "secondary") secondary()
	print header
	for (i = 1; i <= n; i++) print row[i]
}

# One peer group's sum withheld and the sector's published: the
# published peer group with the fewest answers (then by name) goes too.
function secondary(    i, f, key, withheld, best, bestn) {
	for (i = 1; i <= n; i++) {
		split(row[i], f, ",")
		key = f[1] FS f[3]
		if (f[3] == "returns") continue
		if (f[4] == "sector") { sector[key] = f[6] != "" ; continue }
		if (f[6] == "") withheld[key]++
		else if (!(key in pick) || f[5] < pickn[key] ||
			 (f[5] == pickn[key] && f[4] < pickg[key])) {
			pick[key] = i; pickn[key] = f[5]; pickg[key] = f[4]
		}
	}
	for (key in withheld)
		if (withheld[key] == 1 && sector[key] && (key in pick))
			blank(pick[key], 6, 13)
}
