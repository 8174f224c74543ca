#!/usr/bin/env bash
# Installs every Debian package kumo needs to build, test and benchmark.
# Idempotent: when everything is present it only checks and exits quickly.
# Runs as root on Debian bookworm (uses sudo when not root and sudo exists).
set -euo pipefail

PACKAGES=(
  # toolchain
  g++ cmake ninja-build ccache pkg-config clang libclang-rt-14-dev clang-format clang-tidy
  # libraries (see docs/dependencies in README)
  libsimdjson-dev libyaml-cpp-dev libre2-dev libsqlite3-dev libpq-dev
  libcurl4-openssl-dev libcpp-httplib-dev libcli11-dev libfmt-dev zlib1g-dev
  libssl-dev librdkafka-dev libgmp-dev tzdata
  # tests and benchmarks
  libgtest-dev libgmock-dev googletest libbenchmark-dev python3 python3-yaml
  # PostgreSQL server for the store's integration tests
  postgresql sqlite3
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "setup: these packages are missing and I am not root: ${missing[*]}" >&2
    exit 2
  fi
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
