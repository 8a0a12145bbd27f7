#!/usr/bin/env python3
"""Prints the benchmark table from the `/usr/bin/time -v` files bench.sh leaves in RUNS (Markdown, medians)."""

import re
import statistics
import sys


def measure(path):
    text = open(path).read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.*)", text).group(1)
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    cpu = float(re.search(r"User time \(seconds\): (.*)", text).group(1)) + \
        float(re.search(r"System time \(seconds\): (.*)", text).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (.*)", text).group(1)) / 1024
    return seconds, cpu, rss


def medians(paths):
    runs = [measure(p) for p in paths]
    return tuple(statistics.median(r[i] for r in runs) for i in range(3))


def main():
    runs, sizes, rounds, rounds_large, edit_n = sys.argv[1], sys.argv[2].split(), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    edit_rounds = int(sys.argv[6]) if len(sys.argv) > 6 else rounds
    print()
    print("| articles | rounds | dossier wall | hugo wall | ratio | dossier CPU | hugo CPU | ratio | dossier peak | hugo peak | ratio | dossier wall per 1,000 |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    full = {}
    for n in sizes:
        k = rounds_large if int(n) >= 50000 else rounds
        d = medians([f"{runs}/{n}-{r}.dossier" for r in range(1, k + 1)])
        h = medians([f"{runs}/{n}-{r}.hugo" for r in range(1, k + 1)])
        full[n] = d
        print(f"| {int(n):,} | {k} | {d[0]:.2f} s | {h[0]:.2f} s | {d[0] / h[0]:.2f} | {d[1]:.2f} s | {h[1]:.2f} s | "
              f"{d[1] / h[1]:.2f} | {d[2]:.0f} MiB | {h[2]:.0f} MiB | {d[2] / h[2]:.2f} | {d[0] / int(n) * 1000:.3f} s |")
    edit = medians([f"{runs}/edit-{r}" for r in range(1, edit_rounds + 1)])
    base = full.get(edit_n) or measure(f"{runs}/edit-full")
    print()
    print(f"One article edited in {int(edit_n):,}: rebuild {edit[0]:.2f} s wall, {edit[1]:.2f} s CPU, {edit[2]:.0f} MiB "
          f"(median of {edit_rounds}); {edit[0] / base[0] * 100:.1f} % of the full build's wall time ({base[0]:.2f} s), "
          f"{edit[1] / base[1] * 100:.1f} % of its CPU time.")


if __name__ == "__main__":
    main()
