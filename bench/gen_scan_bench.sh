#!/usr/bin/env bash
# Generates the scan benchmark inventory: N resources (default 1,000,000)
# across AWS, GCP and Azure in OUT_DIR.
#
# When bench/gen_inventory.py (the inventory benchmark's generator) exists
# it is used: native AWS Config, GCP CAI and Azure Resource Graph files.
# Otherwise (or with KUMO_BENCH_REPLICATE=1) the resources are replicas of the seeded examples/
# (exported with `kumo inventory export`), so every built-in control meets
# realistic native bodies, good and bad: each replica gets its own id, name
# and one of 300 synthetic accounts of its provider.
#
# usage: bench/gen_scan_bench.sh KUMO_BINARY OUT_DIR [N]
set -euo pipefail
kumo=${1:?usage: gen_scan_bench.sh KUMO_BINARY OUT_DIR [N]}
out=${2:?usage: gen_scan_bench.sh KUMO_BINARY OUT_DIR [N]}
n=${3:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
mkdir -p "$out"

if [[ -f "$here/gen_inventory.py" ]] && [[ -z "${KUMO_BENCH_REPLICATE:-}" ]]; then
  # Native AWS Config / GCP CAI / Azure Resource Graph files (the loaders' real work).
  exec python3 "$here/gen_inventory.py" "$n" "$out"
fi

templates="$out/.templates.jsonl"
"$kumo" inventory export "$root/examples" -q > "$templates"
python3 - "$templates" "$out" "$n" <<'PY'
import json, sys, os
templates, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = [json.loads(l) for l in open(templates, encoding="utf-8") if l.strip()]
if not lines:
    sys.exit("no template resources from examples/")
accounts = {
    "aws": [f"{100000000000 + i * 7919:012d}" for i in range(300)],
    "gcp": [f"bench-project-{i:03d}" for i in range(300)],
    "azure": [f"00000000-0000-4000-8000-{i:012d}" for i in range(300)],
}
files = 8
outs = [open(os.path.join(out, f"inventory-{k:02d}.jsonl"), "w", encoding="utf-8") for k in range(files)]
for i in range(n):
    t = lines[i % len(lines)]
    r = dict(t)
    old_account = t.get("account", "")
    acct = accounts.get(t["provider"], accounts["aws"])[(i // len(lines)) % 300]
    suffix = f"-b{i}"
    r["id"] = t["id"].replace(old_account, acct) + suffix if old_account else t["id"] + suffix
    r["name"] = (t.get("name") or "r") + suffix
    r["account"] = acct
    r.pop("source", None)
    outs[i % files].write(json.dumps(r, separators=(",", ":")) + "\n")
for f in outs:
    f.close()
os.remove(templates)
print(f"wrote {n} resources ({len(lines)} templates) to {out}", file=sys.stderr)
PY
