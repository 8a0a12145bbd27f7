"""Reads `dossier export --format csv` of the default dossier with Python's csv module, as a script or a spreadsheet
import would: every file parses, every row has the header's width, and what an analyst looks for is there.

Usage: check_csv.py FOLDER
"""
import csv
import sys
from pathlib import Path

SPREADSHEETS = ["people", "events", "articles", "mentions", "quotations", "statements"]


def read(folder, name, bom):
    raw = (folder / f"{name}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == bom, f"{name}.csv: byte-order mark {'missing' if bom else 'present'}"
    with open(folder / f"{name}.csv", newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle, strict=True))
    assert rows, f"{name}.csv is empty"
    assert all(len(row) == len(rows[0]) for row in rows), f"{name}.csv: a row is not as wide as the header"
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def main():
    folder = Path(sys.argv[1])
    tables = {name: read(folder, name, True) for name in SPREADSHEETS}
    tables["edges"] = read(folder, "edges", False)
    tables["nodes"] = read(folder, "nodes", False)
    people = {row["slug"]: row for row in tables["people"]}
    assert "Dmitliff" in people["kirill-dmitriev"]["aliases"].split("; "), people["kirill-dmitriev"]
    assert any(row["person"] == "kirill-dmitriev" and row["text"] == "Dmitliff" for row in tables["mentions"])
    assert any(row["speaker"] == "kirill-dmitriev" and "American companies" in row["text"] for row in tables["quotations"])
    assert any(row["Source"] == "kirill-dmitriev" and row["Target"] == "steve-witkoff" and row["Weight"] == "2"
               for row in tables["edges"]), "Dmitriev and Witkoff share both articles"
    assert {row["Id"] for row in tables["nodes"]} == set(people)
    print(f"{folder}: " + ", ".join(f"{name}.csv {len(rows)} rows" for name, rows in tables.items()))


if __name__ == "__main__":
    main()
