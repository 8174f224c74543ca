#!/usr/bin/env bash
# Sets up, builds and runs every kumo test. This is the README's test
# command and what CI runs (.ci/run).
#
#   scripts/test.sh            setup + release build + all tests + sanitizer unit tests
#   KUMO_SKIP_ASAN=1 scripts/test.sh   skip the sanitizer build (quick local runs)
#   KUMO_SKIP_SETUP=1 ...      do not check Debian packages
#
# Prints CTest's summary line ("100% tests passed, 0 tests failed out of N")
# for each build, and exits non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
# ccache: hash paths relative to the checkout so a fresh clone elsewhere
# (as CI makes) reuses earlier compilations.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"

[ "${KUMO_SKIP_SETUP:-0}" = 1 ] || bash scripts/setup.sh

# Services the integration tests need (PostgreSQL on a private port).
if [ -x scripts/pg-test-server.sh ]; then
  eval "$(bash scripts/pg-test-server.sh start)"
  trap 'bash scripts/pg-test-server.sh stop >/dev/null 2>&1 || true' EXIT
fi

preset=${KUMO_PRESET:-ci}
echo "== build ($preset)"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$jobs"

echo "== tests ($preset)"
status=0
ctest --preset "$preset" -j "$jobs" --timeout 600 || status=1

if [ "${KUMO_SKIP_ASAN:-0}" != 1 ]; then
  echo "== build (asan: unit tests and Rego conformance under AddressSanitizer + UBSan)"
  cmake --preset asan >/dev/null
  # Only the unit-test binaries (every stage's library is in them) and the
  # Rego conformance suite.
  targets="$(cmake --build --preset asan --target help | grep -oE 'kumo_[a-z]+_tests' | sort -u) kumo_rego_conformance"
  cmake --build --preset asan -j "$jobs" --target $targets
  echo "== tests (asan)"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --preset asan -j "$jobs" --timeout 900 || status=1
fi
exit $status
