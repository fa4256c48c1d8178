#!/usr/bin/env python3
"""Tables of medians and ratios from the last criterion run (benches/target/criterion):

    python3 scripts/bench-table.py            (from benches/, after `cargo bench --bench decisions`)

One row per request: each way's median, and each way's ratio to the hand-written reference;
then the geometric mean of each ratio over the seed requests and over the large-policy ones.
"""
import json
import math
import os
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "criterion")
medians = {}
for dirpath, _, files in os.walk(root):
    if "benchmark.json" in files and os.path.basename(dirpath) == "new":
        bench = json.load(open(os.path.join(dirpath, "benchmark.json")))
        est = json.load(open(os.path.join(dirpath, "estimates.json")))
        medians.setdefault(bench["group_id"], {})[bench["function_id"]] = est["median"]["point_estimate"]

ways = ["reference", "policy!", "from_json", "cedar", "naive"]


def fmt(ns):
    if ns is None:
        return "-"
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.1f} ns"


def table(groups, title):
    rows = [g for g in groups if g in medians]
    if not rows:
        return
    present = [w for w in ways if any(w in medians[g] for g in rows)]
    print(f"\n### {title}\n")
    print("| request | " + " | ".join(present) + " | policy!/ref | from_json/policy! | cedar/policy! |")
    print("|---|" + "---|" * (len(present) + 3))
    ratios = {"policy!/ref": [], "from_json/policy!": [], "cedar/policy!": []}
    for g in rows:
        m = medians[g]
        cells = [fmt(m.get(w)) for w in present]
        def ratio(a, b, key):
            if m.get(a) and m.get(b):
                r = m[a] / m[b]
                ratios[key].append(r)
                return f"{r:.2f}x"
            return "-"
        print(f"| {g} | " + " | ".join(cells) + " | "
              + ratio("policy!", "reference", "policy!/ref") + " | "
              + ratio("from_json", "policy!", "from_json/policy!") + " | "
              + ratio("cedar", "policy!", "cedar/policy!") + " |")
    geo = lambda xs: math.exp(sum(map(math.log, xs)) / len(xs)) if xs else None
    summary = ", ".join(f"{k} {geo(v):.2f}x (max {max(v):.2f}x)" for k, v in ratios.items() if v)
    print(f"\nGeometric means: {summary}.")


groups = sorted(medians)
table([g for g in groups if g[:2] in ("p1", "p2", "p3", "p4")], "Seed requests")
table([g for g in groups if g.startswith("ro_")], "ReadOnlyAccess (2,914 action patterns)")
for g in ("authorizer_boundary_two_scps", "action_index_scaling"):
    if g in medians:
        print(f"\n### {g}\n")
        print("| case | median |\n|---|---|")
        def key(name):
            label, _, size = name.partition("/")
            return (label, int(size) if size.isdigit() else 0)
        for name in sorted(medians[g], key=key):
            print(f"| {name} | {fmt(medians[g][name])} |")
