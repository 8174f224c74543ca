#!/usr/bin/env bash
# kumo's main job on the bundled example organisation: installs what is
# missing, builds kumo (release), scans examples/ with the built-in
# controls, records the scan in a local SQLite store (kumo-out/kumo.db) and
# writes reports to kumo-out/.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs" --target kumo
mkdir -p kumo-out
set +e
./build/release/kumo scan examples/ \
  --store kumo-out/kumo.db \
  --format json,csv,ocsf,markdown --output-dir kumo-out "$@"
rc=$?
set -e
echo
echo "Reports: kumo-out/ (findings.json, findings.csv, findings.ocsf.json, report.md)"
echo "Findings store: kumo-out/kumo.db  (try: ./build/release/kumo findings list --store kumo-out/kumo.db)"
exit $rc
