#!/usr/bin/env python3
"""Runs the real `kumo check` with and without --strict.

* A policy with an unused import and one with an unused `:=` var compile
  without --strict (exit 0) and fail with it (exit 2), with OPA's code,
  message and position in the JSON format and file:row:col in the pretty one.
* kumo's own controls (policies/) pass strict mode.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

FAILURES = []
CHECKS = [0]


def check(cond, what):
    CHECKS[0] += 1
    if not cond:
        FAILURES.append(what)
        print("FAIL:", what, file=sys.stderr)


def run(kumo, args, cwd):
    p = subprocess.run([kumo, "check", *args], cwd=cwd, capture_output=True, text=True, timeout=240)
    return p.returncode, p.stdout, p.stderr


UNUSED_IMPORT = "package t\n\nimport data.lib.helpers\n\np := 1\n"
UNUSED_VAR = "package u\n\np if {\n  x := 1\n  true\n}\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kumo", required=True)
    ap.add_argument("--root", required=True)
    a = ap.parse_args()
    a.kumo = os.path.abspath(a.kumo)

    with tempfile.TemporaryDirectory() as d:
        for name, text in (("imp.rego", UNUSED_IMPORT), ("var.rego", UNUSED_VAR)):
            path = os.path.join(d, name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            rc, _, err = run(a.kumo, [path], d)
            check(rc == 0, f"{name}: plain check exit {rc}: {err}")

        rc, out, _ = run(a.kumo, ["--strict", "--format", "json", "imp.rego"], d)
        check(rc == 2, f"imp.rego strict exit {rc}")
        errs = json.loads(out)["errors"] if out.strip() else []
        check(len(errs) == 1, f"imp.rego: one error, got {errs}")
        if errs:
            e = errs[0]
            check(e["code"] == "rego_compile_error", f"code {e['code']}")
            check(e["message"] == "import data.lib.helpers unused", f"message {e['message']}")
            check((e["location"]["row"], e["location"]["col"]) == (3, 1), f"location {e['location']}")

        rc, _, err = run(a.kumo, ["--strict", "var.rego"], d)
        check(rc == 2, f"var.rego strict exit {rc}")
        check("var.rego:4:3: rego_compile_error: assigned var x unused" in err, f"pretty output: {err}")

    rc, _, err = run(a.kumo, ["--strict", "policies/"], a.root)
    check(rc == 0, f"policies/ strict exit {rc}: {err[-2000:]}")

    print(f"{CHECKS[0] - len(FAILURES)} passed, {len(FAILURES)} failed")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
