#!/usr/bin/env python3
"""Checks the built-in control packs as data (no evaluation; `kumo test` does that).

For every control under policies/: complete METADATA (id, title, description,
severity, resource_types or scope: account, frameworks, remediation), a unique
id, a `_test.rego` beside it with at least two `test_` rules, and a kaizen doc
at its `remediation` path with the four required parts. Also that
docs/coverage.md is up to date, and the pack-level minimums given as options.
Ends with `N passed, N failed, N skipped`.
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
gen = __import__("gen-docs")

SEVERITIES = {"critical", "high", "medium", "low", "info"}
TYPE_PATTERNS = [r"AWS::[A-Za-z0-9]+::[A-Za-z0-9]+", r"[a-z0-9.-]+\.googleapis\.com/[A-Za-z0-9]+",
                 r"microsoft\.[a-z0-9]+/[a-z0-9]+(/[a-z0-9]+)*"]
KAIZEN_PARTS = [("risk", r"(?im)^#+\s*(the )?risk"),
                ("fix", r"(?im)^#+\s*(how to )?fix"),
                ("verify", r"(?im)^#+\s*(how to )?verify"),
                ("suppression", r"(?im)^#+\s*.*suppress")]


def check_control(c, seen):
    errs = []
    f = c["file"]
    meta = gen.read_metadata(os.path.join(ROOT, f)) or {}
    if not c["id"] or not re.fullmatch(r"[A-Z]+(-[A-Z0-9]+)+", str(c["id"])):
        errs.append(f"{f}: custom.id missing or not like AWS-S3-001")
    elif c["id"] in seen:
        errs.append(f"{f}: duplicate id {c['id']} (also {seen[c['id']]})")
    else:
        seen[c["id"]] = f
    if not meta.get("title") or not meta.get("description"):
        errs.append(f"{f}: title and description are required")
    if c["severity"] not in SEVERITIES:
        errs.append(f"{f}: severity {c['severity']!r} is not one of {sorted(SEVERITIES)}")
    if c["scope"] != "account":
        if not c["resource_types"]:
            errs.append(f"{f}: resource_types (or scope: account) required")
        for t in c["resource_types"]:
            if not any(re.fullmatch(p, t) for p in TYPE_PATTERNS):
                errs.append(f"{f}: resource type {t!r} does not look like a native type name")
    if not c["frameworks"]:
        errs.append(f"{f}: frameworks required")
    want_doc = f"docs/kaizen/{c['id']}.md"
    if c["remediation"] != want_doc:
        errs.append(f"{f}: remediation should be {want_doc}")
    doc = os.path.join(ROOT, want_doc)
    if not os.path.exists(doc):
        errs.append(f"{f}: kaizen doc {want_doc} is missing")
    else:
        text = open(doc, encoding="utf-8").read()
        for part, rx in KAIZEN_PARTS:
            if not re.search(rx, text):
                errs.append(f"{want_doc}: no '{part}' section")
        for word in ("Console", "CLI", "Terraform"):
            if word.lower() not in text.lower():
                errs.append(f"{want_doc}: the fix should say how with {word}")
    test = os.path.join(ROOT, f[:-5] + "_test.rego")
    if not os.path.exists(test):
        errs.append(f"{f}: test module {os.path.relpath(test, ROOT)} is missing")
    else:
        n = len(re.findall(r"(?m)^test_[A-Za-z0-9_]*", open(test, encoding="utf-8").read()))
        if n < 2:
            errs.append(f"{os.path.relpath(test, ROOT)}: {n} test rule(s); at least 2 required")
    return errs


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-controls", type=int, default=0)
    ap.add_argument("--min-ai-per-cloud", type=int, default=0)
    ap.add_argument("--min-coverage", action="append", default=[],
                    help="benchmark=percent, e.g. cis-aws-7.0=90")
    args = ap.parse_args()
    controls = gen.load_controls()
    passed = failed = 0
    seen = {}
    for c in controls:
        errs = check_control(c, seen)
        for e in errs:
            print("FAIL", e)
        failed += bool(errs)
        passed += not errs
    checks = []
    stale = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen-docs.py"), "--check"],
                           capture_output=True, text=True)
    checks.append(("docs/coverage.md is up to date", stale.returncode == 0, stale.stderr.strip()))
    checks.append((f"at least {args.min_controls} controls", len(controls) >= args.min_controls,
                   f"{len(controls)} controls"))
    for cloud in ("aws", "azure", "gcp"):
        n = sum(1 for c in controls if "owasp-llm-2025" in c["frameworks"] and c["file"].split(os.sep)[1] == cloud)
        checks.append((f"at least {args.min_ai_per_cloud} OWASP LLM controls for {cloud}",
                       n >= args.min_ai_per_cloud, f"{n} controls"))
    text = gen.render(controls, gen.load_benchmarks())
    for spec in args.min_coverage:
        name, pct = spec.split("=")
        m = re.search(r"\| `%s` \| (\d+) \| (\d+) \| ([\d.]+)%% \|" % re.escape(name), text)
        got = float(m.group(3)) if m else 0.0
        checks.append((f"{name} coverage >= {pct}%", got >= float(pct), f"{got:.1f}%"))
    for what, ok, detail in checks:
        print(("ok  " if ok else "FAIL"), what, f"({detail})" if detail else "")
        passed += ok
        failed += not ok
    print(f"{passed} passed, {failed} failed, 0 skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
