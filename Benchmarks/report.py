#!/usr/bin/env python3
"""Prints the benchmark table from the `/usr/bin/time -v` files bench.sh leaves in RUNS (Markdown, medians):
per size, each tool's wall time, CPU time (user + system) and peak memory, and Dossier's ratio to each Hugo."""

import argparse
import re
import statistics


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
    parser = argparse.ArgumentParser()
    parser.add_argument("runs")
    parser.add_argument("--sizes", default="")
    parser.add_argument("--tools", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rounds-large", type=int, default=2)
    parser.add_argument("--edit-n", default="")
    parser.add_argument("--edit-rounds", type=int, default=5)
    args = parser.parse_args()
    tools = args.tools.split()
    hugos = [t for t in tools if t != "dossier"]
    full = {}
    if args.sizes.split():
        print()
        print("| articles | rounds | tool | wall | CPU | peak memory | wall per 1,000 | "
              + " | ".join(f"dossier ÷ {h} (wall, CPU, memory)" for h in hugos) + " |")
        print("|---|---|---|---|---|---|---|" + "---|" * len(hugos))
    for n in args.sizes.split():
        k = args.rounds_large if int(n) >= 50000 else args.rounds
        m = {t: medians([f"{args.runs}/{n}-{r}.{t}" for r in range(1, k + 1)]) for t in tools}
        full[n] = m["dossier"]
        for t in tools:
            w, c, p = m[t]
            ratios = ""
            if t == "dossier":
                ratios = " | ".join(f"{w / m[h][0]:.2f}, {c / m[h][1]:.2f}, {p / m[h][2]:.2f}" for h in hugos)
            else:
                ratios = " | ".join("" for _ in hugos)
            print(f"| {int(n):,} | {k} | {t} | {w:.2f} s | {c:.2f} s | {p:.0f} MiB | {w / int(n) * 1000:.3f} s | {ratios} |")
    if args.edit_n:
        edit = medians([f"{args.runs}/edit-{r}" for r in range(1, args.edit_rounds + 1)])
        base = full.get(args.edit_n) or measure(f"{args.runs}/edit-full")
        print()
        print(f"One article edited in {int(args.edit_n):,}: rebuild {edit[0]:.2f} s wall, {edit[1]:.2f} s CPU, "
              f"{edit[2]:.0f} MiB (median of {args.edit_rounds}); {edit[0] / base[0] * 100:.1f} % of the full build's "
              f"wall time ({base[0]:.2f} s), {edit[1] / base[1] * 100:.1f} % of its CPU time.")


if __name__ == "__main__":
    main()
