#!/usr/bin/env python3
"""Fills in the min and max of every sector row of an aggregates CSV from
the tidy returns behind it. pledge-aggregate never publishes them (SPEC
6.3), so the audit's self-test puts them back to show the audit catches
them when the rule that blanks them is switched off.

usage: extremes.py AGGREGATES RETURNS... > AGGREGATES-WITH-EXTREMES"""
import csv
import sys

values = {}
for path in sys.argv[2:]:
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            values.setdefault((r["period"], r["metric"]), []).append(
                float(r["value"]))

out = csv.writer(sys.stdout, lineterminator="\n")
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = csv.reader(f)
    out.writerow(next(rows))
    for r in rows:
        v = values.get((r[0], r[2]))
        if r[3] == "sector" and v:
            r[10], r[11] = "%.15g" % min(v), "%.15g" % max(v)
        out.writerow(r)
