#!/usr/bin/python3
"""Checks that a PDF is tagged so a screen reader can follow it.

usage: pdfstruct.py FILE.pdf STRUCT.txt [--figures] [--heading HN:TEXT]...
STRUCT.txt is `pdfinfo -struct-text FILE.pdf`; --figures asks for at
least one Figure; each --heading names a heading that must be there. Prints one line per
failure, naming the file, and exits 1 when there is any; 0 otherwise.
Checked: /Lang en-GB, /MarkInfo /Marked, /ViewerPreferences
/DisplayDocTitle, a title in the document information and the XMP
metadata with PDF/UA's identifier; headings present, the first an H1,
none more than one level below the one before; every Table with TH
(each with a /Scope) and TD; every Figure with a non-empty /Alt; and no
painting operator on any page outside marked content (a structure
element's, or an /Artifact)."""
import re
import sys

import pikepdf

PAINT = {"f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "Tj", "TJ", "'",
         '"', "Do", "sh", "BI"}

problems = []


def fail(path, what):
    problems.append(f"{path}: {what}")


def check_catalogue(path, pdf):
    root = pdf.Root
    if str(root.get("/Lang", "")) != "en-GB":
        fail(path, "the catalogue has no /Lang (en-GB)")
    mark = root.get("/MarkInfo")
    if mark is None or not bool(mark.get("/Marked", False)):
        fail(path, "the catalogue has no /MarkInfo << /Marked true >>")
    prefs = root.get("/ViewerPreferences")
    if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
        fail(path, "no /ViewerPreferences /DisplayDocTitle true")
    title = str(pdf.docinfo.get("/Title", "")) if pdf.docinfo else ""
    if not title.strip():
        fail(path, "the document has no title")
    meta = root.get("/Metadata")
    xmp = meta.read_bytes().decode("utf-8", "replace") \
        if meta is not None else ""
    if "<pdfuaid:part>1</pdfuaid:part>" not in xmp:
        fail(path, "the XMP metadata does not name PDF/UA-1")
    if title and title.strip() and title.strip() not in xmp.replace(
            "&amp;", "&"):
        fail(path, "the XMP metadata lacks the title")
    if "/StructTreeRoot" not in root:
        fail(path, "the catalogue has no /StructTreeRoot")


def elements(node):
    """The structure elements under node, in reading order."""
    kids = node.get("/K")
    if kids is None:
        return
    if not isinstance(kids, pikepdf.Array):
        kids = [kids]
    for k in kids:
        if isinstance(k, pikepdf.Dictionary) and "/S" in k:
            yield k
            yield from elements(k)


def check_tree(path, pdf):
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return
    tables = figures = 0
    for el in elements(root):
        role = str(el.S)
        if role == "/Table":
            tables += 1
            cells = [str(c.S) for c in elements(el)]
            if "/TH" not in cells or "/TD" not in cells:
                fail(path, f"table {tables} lacks TH or TD ({cells[:6]})")
        elif role == "/TH":
            attrs = el.get("/A")
            if attrs is None or "/Scope" not in attrs:
                fail(path, "a TH has no /Scope")
        elif role == "/Figure":
            figures += 1
            if not str(el.get("/Alt", "")).strip():
                fail(path, f"figure {figures} has no /Alt")
    if not tables:
        fail(path, "the structure has no Table")
    if not figures and "--figures" in sys.argv:
        fail(path, "the structure has no Figure")


def check_headings(path, text):
    levels = [(int(m.group(1)), m.group(2)) for m in
              re.finditer(r"^\s*H([1-6])\b.*\n\s*\"(.*)\"", text, re.M)]
    if not levels:
        fail(path, "pdfinfo -struct-text finds no heading")
        return
    if levels[0][0] != 1:
        fail(path, f"the first heading is H{levels[0][0]}, not H1")
    for (a, _), (b, name) in zip(levels, levels[1:]):
        if b > a + 1:
            fail(path, f"heading \"{name}\" is H{b} after an H{a}")
    if any(not name.strip() for _, name in levels):
        fail(path, "a heading has no text")
    args = sys.argv[3:]
    for i, a in enumerate(args[:-1]):
        if a == "--heading":
            level, _, name = args[i + 1].partition(":")
            if (int(level[1:]), name) not in levels:
                fail(path, f"no {level} heading \"{name}\"")


def shown(operands):
    """The text of a Tj: the fonts are Identity-H with each code its
    character's Unicode value, so the bytes are UTF-16BE."""
    try:
        return bytes(operands[0]).decode("utf-16-be")
    except (UnicodeDecodeError, IndexError, TypeError):
        return ""


def check_content(path, pdf):
    for n, page in enumerate(pdf.pages, 1):
        tags = []
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op in ("BDC", "BMC"):
                tags.append(str(operands[0]))
            elif op == "EMC":
                if not tags:
                    fail(path, f"page {n}: EMC without BDC")
                    break
                tags.pop()
            elif op in PAINT and not tags:
                fail(path, f"page {n}: '{op}' is outside marked content")
                break
            elif op == "Tj" and re.match(r"Page \d+ of \d+$",
                                         shown(operands)) \
                    and "/Artifact" not in tags:
                fail(path, f"page {n}: the page number is not an artifact")
        if tags:
            fail(path, f"page {n}: marked content is not closed")


def main():
    path, struct = sys.argv[1], sys.argv[2]
    with pikepdf.open(path) as pdf:
        check_catalogue(path, pdf)
        check_tree(path, pdf)
        check_content(path, pdf)
    with open(struct, encoding="utf-8", errors="replace") as f:
        check_headings(path, f.read())
    for p in dict.fromkeys(problems):
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
