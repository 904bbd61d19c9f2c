# A small sector built to tempt every subtraction, the same every run:
# peer groups of 1, 2, 3, 4 and 12 members over five quarters (2025-Q3
# to 2026-Q3), counts of people small enough to be withheld, two
# organisations joining late, one leaving, one return missing.
# usage: awk -v out=DIR -f gen-sector.awk templates/metrics.csv
# Writes DIR/signatories.csv and DIR/YYYY-QN/returns.csv (wide layout).
BEGIN { FS = ","; seed = 20260903 }

# Park-Miller: exact in awk's doubles, so every awk gives the same.
function next_rand() { seed = (seed * 16807) % 2147483647; return seed }
function between(lo, hi) { return lo + next_rand() % (hi - lo + 1) }

NR > 1 && $1 != "" {
	metric[++nm] = $1; kind[$1] = $3; parent[$1] = $4
	lo[$1] = $5; hi[$1] = $6; sensitive[$1] = $8 == "yes"
}

function org(id, group, size, joined, left) {
	ids[++no] = id; grp[id] = group; sz[id] = size
	join[id] = joined; leave[id] = left
}

function owes(id, q) { return q >= join[id] && (leave[id] == "" || q < leave[id]) }

function value(id, m, size, group, p) {
	if (kind[m] == "yesno")
		return between(0, 2) ? "yes" : "no"
	if (kind[m] == "percent")
		return between(40, 99) "." between(0, 9)
	if (kind[m] == "money")
		return between(10, 14) "." between(10, 99)
	if (kind[m] == "number")
		return between(lo[m] == "" ? 1 : lo[m], 30) ".5"
	if (parent[m] == "")
		return between(int(size / 4), size)
	p = answer[parent[m]]
	if (!sensitive[m])
		return between(0, p)
	# counts of people: a handful in the smallest groups, so that their
	# totals fall below the threshold (the three's only in some
	# quarters, leaving the pair alone withheld); a few in each of the
	# four, so that its total is published but its quartiles are not;
	# more in the large group, whose lower quartile may still be small
	if (group == "many")
		return between(0, p < 14 ? p : 14)
	if (group == "quad")
		return between(p < 1 ? p : 1, p < 4 ? p : 4)
	if (group == "trio")
		return between(0, p < 3 ? p : 3)
	return between(0, p < 2 ? p : 2)
}

END {
	q[1] = "2025-Q3"; q[2] = "2025-Q4"; q[3] = "2026-Q1"
	q[4] = "2026-Q2"; q[5] = "2026-Q3"
	# the one-member group joins in the second quarter: in the first, the
	# pair is the only group too small to publish
	org("SOLO1", "solo", 900, 2, "")
	org("PAIR1", "pair", 400, 1, ""); org("PAIR2", "pair", 150, 1, "")
	for (i = 1; i <= 3; i++) org("TRIO" i, "trio", 60 * i, 1, "")
	for (i = 1; i <= 4; i++) org("QUAD" i, "quad", 80 + 40 * i, 1, "")
	for (i = 1; i <= 12; i++)
		org(sprintf("MANY%02d", i), "many", 150 * i, i == 12 ? 2 : 1,
		    i == 11 ? 5 : "")
	roster = out "/signatories.csv"
	print "org_id,org_name,region,peer_group,joined,left" >roster
	for (i = 1; i <= no; i++)
		printf "%s,%s Homes,Region %d,%s,%s,%s\n", ids[i], ids[i],
			i % 5, grp[ids[i]], q[join[ids[i]]],
			leave[ids[i]] == "" ? "" : q[leave[ids[i]]] >roster
	close(roster)
	for (t = 1; t <= 5; t++) {
		system("mkdir -p '" out "/" q[t] "'")
		f = out "/" q[t] "/returns.csv"
		printf "org_id" >f
		for (k = 1; k <= nm; k++) printf ",%s", metric[k] >f
		printf "\n" >f
		for (i = 1; i <= no; i++) {
			id = ids[i]
			# the quad's last member misses the latest quarter
			if (!owes(id, t) || (id == "QUAD4" && t == 5))
				continue
			printf "%s", id >f
			for (k = 1; k <= nm; k++) {
				answer[metric[k]] = value(id, metric[k], sz[id],
								  grp[id])
				printf ",%s", answer[metric[k]] >f
			}
			printf "\n" >f
		}
		close(f)
	}
}
