#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for kumo's store tests.
#
#   eval "$(bash scripts/pg-test-server.sh start)"   # prints export KUMO_TEST_PG_URL=...
#   bash scripts/pg-test-server.sh stop
#   bash scripts/pg-test-server.sh status
#
# The cluster lives in a temp dir keyed by this checkout's path, listens on a
# free port on 127.0.0.1 only, trusts local connections and is owned by the
# `postgres` user when run as root (PostgreSQL refuses to run as root).
# `start` is idempotent: when the cluster is already up it only prints the URL.
set -euo pipefail

PG_BIN=${KUMO_PG_BIN:-/usr/lib/postgresql/15/bin}
repo=$(cd "$(dirname "$0")/.." && pwd)
key=$(printf '%s' "$repo" | cksum | cut -d' ' -f1)
state=${TMPDIR:-/tmp}/kumo-pg-test-$(id -u)-$key
data=$state/data
db=kumo_test

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

pg_user() {
  if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi
}

url() {
  echo "postgres://$(pg_user)@127.0.0.1:$(cat "$state/port")/$db"
}

running() {
  [ -f "$state/port" ] && [ -d "$data" ] && as_pg "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1
}

free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  echo "pg-test-server: no free port found" >&2
  return 1
}

start() {
  if running; then
    echo "export KUMO_TEST_PG_URL=$(url)"
    return 0
  fi
  [ -x "$PG_BIN/initdb" ] || { echo "pg-test-server: $PG_BIN/initdb not found (install postgresql-15)" >&2; exit 2; }
  rm -rf "$state"
  mkdir -p "$state"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$state"; fi
  as_pg "$PG_BIN/initdb" -D "$data" -U "$(pg_user)" --auth=trust -E UTF8 --locale=C.UTF-8 >"$state/initdb.log" 2>&1 ||
    { cat "$state/initdb.log" >&2; exit 3; }
  local port
  port=$(free_port)
  echo "$port" >"$state/port"
  as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-p $port -k $state -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c max_connections=50 -c max_wal_size=4GB" \
    start >/dev/null ||
    { cat "$data/server.log" >&2; exit 3; }
  as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U "$(pg_user)" "$db"
  echo "export KUMO_TEST_PG_URL=$(url)"
}

stop() {
  if [ -d "$data" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$state"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running: $(url)"; else echo "stopped"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
