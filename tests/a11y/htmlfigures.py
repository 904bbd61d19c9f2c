#!/usr/bin/python3
"""The HTML edition's figures against the aggregates, as the PDF's are
checked (tests/cli/report-sector): staff_total's sector sum,
carer_policy's rate and care_median_pay's median and middle half for the
latest quarter, in the metric tables and in the charts' data tables.

usage: htmlfigures.py REPORT.html AGGREGATES.csv
Prints one line per difference and exits 1 when there is any."""
import csv
import sys
from html.parser import HTMLParser


class Tables(HTMLParser):
    """Every table as (caption, rows), each row a list of cell texts."""

    def __init__(self):
        super().__init__()
        self.tables, self.cell, self.in_caption = [], None, False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append(["", []])
        elif tag == "caption":
            self.in_caption = True
        elif tag == "tr" and self.tables:
            self.tables[-1][1].append([])
        elif tag in ("th", "td"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "caption":
            self.in_caption = False
        elif tag in ("th", "td") and self.cell is not None:
            self.tables[-1][1][-1].append(self.cell.strip())
            self.cell = None

    def handle_data(self, data):
        if self.in_caption:
            self.tables[-1][0] += data
        elif self.cell is not None:
            self.cell += data


def grouped(v):
    return f"{round(float(v)):,}"


def main():
    html, agg = sys.argv[1], sys.argv[2]
    parser = Tables()
    with open(html, encoding="utf-8") as f:
        parser.feed(f.read())
    with open(agg, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["group"] == "sector"]
    last = max(r["period"] for r in rows)
    fig = {r["metric"]: r for r in rows if r["period"] == last}
    pay = fig["care_median_pay"]
    want = {
        "Employees": grouped(fig["staff_total"]["sum"]),
        "Carer-friendly policy in place":
            f"{float(fig['carer_policy']['rate']):.1f}%",
        "Median hourly pay of care staff (£)":
            f"£{float(pay['median']):.2f}",
    }
    band = f"£{float(pay['p25']):.2f} to £{float(pay['p75']):.2f}"
    problems = []
    seen = {k: 0 for k in want}
    metric_tables = [(c, t) for c, t in parser.tables
                     if t and t[0][:3] == ["Measure", "Answered", "Figure"]]
    if len(metric_tables) < 4:
        problems.append(f"{len(metric_tables)} metric tables, not 4")
    for caption, table in metric_tables:
        for row in table:
            if not row or row[0] not in want:
                continue
            seen[row[0]] += 1
            if len(row) < 4 or row[2] != want[row[0]]:
                problems.append(f"table '{caption}': {row[0]}: {row[1:4]}"
                                f", not {want[row[0]]}")
            elif row[0].startswith("Median") and row[3] != band:
                problems.append(f"{row[0]}: middle half {row[3]}, not "
                                f"{band}")
    for name, n in seen.items():
        if n != 1:
            problems.append(f"{name}: in {n} metric tables, not 1")
    # a chart's data table: headed Quarter, captioned with its measure
    chart = next((t for c, t in parser.tables
                  if c.strip() == "Employees" and t and t[0]
                  and t[0][0] == "Quarter"), None)
    latest = [r for r in chart or [] if r and r[0] == last]
    if not latest or not latest[0][1].startswith(want["Employees"] + " ("):
        problems.append(f"the Employees chart's data for {last}: {latest}")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
