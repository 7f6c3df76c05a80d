#!/usr/bin/env bash
# Measures the results page of a behaviour measurement (issue 17) at
# 10,000 and 100,000 answers per round (ten behaviours, eight teams, a
# 0-meting to compare with), on SQLite and on PostgreSQL, and prints the
# figures recorded in docs/PERFORMANCE.md:
#
# - in process: the results as the page computes them (`vooruit bench
#   measurement`), p50 and p95 over 50 runs;
# - over HTTP: the whole page (login cookie, template, compression off),
#   100 requests one after another with curl, p50 and p95.
#
# Usage: ./scripts/bench-measurement.sh    (SKIP_POSTGRES=1: SQLite only)
set -euo pipefail
cd "$(dirname "$0")/.."

WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  declare -F vooruit_pg_stop >/dev/null && vooruit_pg_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

cargo build --release --quiet
BIN="$(pwd)/target/release/vooruit"
export VOORUIT_LOG=warn

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# The page over HTTP: log in as the bench's administrator, then ask the
# results page 100 times.
over_http() {
  local dir="$1" path="$2" port url jar
  port="$(free_port)"
  "$BIN" --data-dir "$dir" serve --addr "127.0.0.1:$port" >/dev/null &
  PIDS+=("$!")
  url="http://127.0.0.1:$port"
  for _ in $(seq 1 300); do curl -fs "$url/healthz" >/dev/null && break; sleep 0.2; done
  jar="$WORK/jar"
  curl -fs -c "$jar" -H 'Content-Type: application/json' \
    -d '{"email": "bench-meting@vooruit.test", "password": "bench-meting-wachtwoord"}' \
    "$url/api/v1/session" >/dev/null
  curl -fs -b "$jar" -o "$WORK/page.html" "$url$path"
  grep -q 'vo-figure-table' "$WORK/page.html" || { echo "the results page did not show" >&2; exit 1; }
  for _ in $(seq 1 100); do
    curl -fs -o /dev/null -b "$jar" -w '%{time_total}\n' "$url$path"
  done | python3 -c '
import sys
t = sorted(float(x) * 1000 for x in sys.stdin)
print(f"  page over HTTP: p50 {t[len(t)//2]:.2f} ms, p95 {t[int(len(t)*0.95)]:.2f} ms over {len(t)} requests")'
  kill "${PIDS[-1]}" 2>/dev/null || true
  wait "${PIDS[-1]}" 2>/dev/null || true
}

# Each size in its own data dir and, on PostgreSQL, its own database.
run() {
  local label="$1"
  for n in 10000 100000; do
    local dir="$WORK/$label-$n" out path
    mkdir -p "$dir"
    if [ "$label" = postgres ]; then
      "$PG_BIN/psql" "$VOORUIT_TEST_POSTGRES_URL" -qc "CREATE DATABASE bench_meting_$n" >/dev/null
      export VOORUIT_DATABASE_URL="${VOORUIT_TEST_POSTGRES_URL%/*}/bench_meting_$n"
    fi
    echo "== $label, $n answers per round"
    out="$("$BIN" --data-dir "$dir" bench measurement --answers "$n" --runs 50)"
    grep -v '^path ' <<<"$out" | sed 's/^/  /'
    path="$(sed -n 's/^path //p' <<<"$out")"
    over_http "$dir" "$path"
  done
}

echo "=== SQLite"
unset VOORUIT_DATABASE_URL
run sqlite

if [ -n "${SKIP_POSTGRES:-}" ]; then
  exit 0
fi
echo
echo "=== PostgreSQL"
. scripts/postgres.sh
run postgres
