#!/usr/bin/env bash
# The scan benchmark: N resources (default 1,000,000) across the three clouds,
# every built-in control. Reports load time, evaluation time, resources/s,
# control evaluations/s, peak RSS and the input's size on disk.
#
# usage: bench/scan_bench.sh BUILD_DIR [N] [WORK_DIR]
#   e.g. bench/scan_bench.sh build/release 1000000 /tmp/kumo-scan-bench
set -euo pipefail
build=${1:?usage: scan_bench.sh BUILD_DIR [N] [WORK_DIR]}
n=${2:-1000000}
work=${3:-${TMPDIR:-/tmp}/kumo-scan-bench}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
kumo="$build/kumo"
[[ -x "$kumo" ]] || { echo "no kumo binary at $kumo" >&2; exit 2; }

inv="$work/inventory-$n"
if [[ ! -d "$inv" ]]; then
  echo "generating $n resources into $inv" >&2
  "$here/gen_scan_bench.sh" "$kumo" "$inv" "$n"
fi
bytes=$(du -sbL "$inv" | cut -f1)
controls=$("$kumo" scan "$inv" --policies-builtin "$root/policies" --list-controls 2>/dev/null | wc -l)

log="$work/scan-$n.log"
/usr/bin/time -v "$kumo" scan "$inv" --policies-builtin "$root/policies" --no-color --stats \
  > "$work/scan-$n.stdout" 2> "$log" || true
timing=$(grep "kumo scan: timing:" "$log" | tail -1)
rss_kb=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}')
user=$(grep "User time (seconds)" "$log" | awk '{print $NF}')
sys=$(grep "System time (seconds)" "$log" | awk '{print $NF}')
# CPU the workers spent evaluating controls (from --stats); the rest of the
# process CPU is loading, indexing and emitting findings.
eval_cpu=$(sed -n 's/^kumo scan: eval: \([0-9.]*\) CPU-s.*/\1/p' "$log" | tail -1)
echo "scan benchmark: $n resources, $controls built-in controls, $(nproc) cores"
echo "  input on disk:  $bytes bytes ($((bytes / 1048576)) MiB)"
echo "  $timing"
echo "  wall clock:     $wall"
echo "  CPU:            ${user}s user + ${sys}s sys; ${eval_cpu:-?}s evaluating controls, $(python3 -c "print(round($user+$sys-${eval_cpu:-0}, 2))")s outside"
grep "^kumo scan:   " "$log" | sed 's/^kumo scan: /  /' || true
echo "  peak RSS:       $rss_kb KiB ($((rss_kb / 1024)) MiB) = $(python3 -c "print(round($rss_kb*1024/$bytes, 2))")x input size"
cat "$work/scan-$n.stdout" | tail -4
