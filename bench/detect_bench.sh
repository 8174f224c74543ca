#!/usr/bin/env bash
# Detection benchmark: kumo's engine with every built-in rule vs a bare
# simdjson pass over the same 1,000,000 generated CloudTrail records, one
# core, in one run. Usage: bench/detect_bench.sh [N] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000000}"
BUILD="${2:-build/release}"
DATA="bench/data/cloudtrail_${N}.jsonl"
if [[ ! -f "$DATA" ]]; then
  python3 bench/gen_cloudtrail.py "$N" "$DATA"
fi
if [[ ! -x "$BUILD/bench/detect_bench" ]]; then
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD" -j2 --target detect_bench
fi
# One core: pin the process to CPU 0.
exec taskset -c 0 "$BUILD/bench/detect_bench" "$DATA" rules/*.yaml
