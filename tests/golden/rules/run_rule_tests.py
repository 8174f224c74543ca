#!/usr/bin/env python3
"""Golden tests for kumo's built-in detection rule packs (rules/*.yaml).

Each tests/golden/rules/<pack>.yaml names its pack, a `base` event and, per
rule, `fires` events (must raise the rule) and `quiet` look-alikes (must
not). Every event is `base` deep-merged with the case's partial event and
fed to the real `kumo detect --rule-matching all --format json` on stdin.

The script also checks that every rule of a pack has a description, a
MITRE ATT&CK technique tag and at least one firing and one quiet event.
It ends with the line `N passed, N failed, N skipped`.
"""
import argparse
import json
import os
import re
import subprocess
import sys

import yaml


def deep_merge(base, over):
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for k, v in over.items():
            out[k] = deep_merge(base[k], v) if k in base else v
        return out
    return over


def run_detect(kumo, pack, event):
    proc = subprocess.run(
        [kumo, "detect", "-r", pack, "--rule-matching", "all", "--format", "json", "-"],
        input=json.dumps(event), capture_output=True, text=True, timeout=60)
    alerts = []
    for line in proc.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            alerts.append(json.loads(line))
    return proc.returncode, alerts, proc.stderr


def lint_pack(pack_path, cases):
    problems = []
    with open(pack_path) as f:
        items = [i for i in (yaml.safe_load(f) or []) if isinstance(i, dict)]
    covered = {c["rule"]: c for c in cases}
    for item in items:
        if "rule" not in item or "condition" not in item:
            continue
        name = item["rule"]
        if not str(item.get("desc", "")).strip():
            problems.append(f"{pack_path}: rule '{name}' has no desc")
        tags = [str(t) for t in item.get("tags", [])]
        if not any(re.fullmatch(r"T\d{4}(\.\d{3})?", t) for t in tags):
            problems.append(f"{pack_path}: rule '{name}' has no MITRE ATT&CK technique tag")
        case = covered.get(name)
        if not case or not case.get("fires") or not case.get("quiet"):
            problems.append(f"{pack_path}: rule '{name}' needs at least one `fires` and one `quiet` event")
    names = {i["rule"] for i in items if "rule" in i}
    for name in covered:
        if name not in names:
            problems.append(f"{pack_path}: golden case for unknown rule '{name}'")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kumo", required=True, help="path to the kumo binary")
    ap.add_argument("--root", default=".", help="repository root")
    ap.add_argument("files", nargs="*", help="golden files (default: all in this folder)")
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    files = args.files or sorted(
        os.path.join(here, f) for f in os.listdir(here) if f.endswith(".yaml"))
    passed = failed = 0
    for path in files:
        with open(path) as f:
            spec = yaml.safe_load(f)
        pack = os.path.join(args.root, spec["pack"])
        base = spec.get("base", {})
        for problem in lint_pack(pack, spec["cases"]):
            print("FAIL lint:", problem)
            failed += 1
        for case in spec["cases"]:
            rule = case["rule"]
            for kind in ("fires", "quiet"):
                for i, partial in enumerate(case.get(kind) or []):
                    event = deep_merge(base, partial)
                    rc, alerts, err = run_detect(args.kumo, pack, event)
                    fired = {a.get("rule") for a in alerts}
                    want = kind == "fires"
                    ok = rc in (0, 1) and ((rule in fired) == want)
                    label = f"{os.path.basename(path)}: {rule} [{kind} #{i + 1}]"
                    if ok:
                        passed += 1
                    else:
                        failed += 1
                        print(f"FAIL {label}: exit={rc} fired={sorted(x for x in fired if x)}")
                        if err.strip():
                            print("  stderr:", err.strip().splitlines()[-1])
    print(f"{passed} passed, {failed} failed, 0 skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
