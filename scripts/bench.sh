#!/usr/bin/env bash
# Measures Vooruit at the size of a national network (default 100,000
# stories) on SQLite, and prints the figures recorded in docs/PERFORMANCE.md:
# generation and full reindex time, search latency p50/p99 without and with
# facet filters, HTTP throughput and latency p50/p99 of a story page, the
# story list and the search page at 64 connections (wrk), and the server's
# peak memory. Usage: ./scripts/bench.sh [number-of-stories]
set -euo pipefail
cd "$(dirname "$0")/.."

N="${1:-100000}"
DATA="target/bench/data-$N"
DURATION="${DURATION:-15s}"
CONNECTIONS="${CONNECTIONS:-64}"

if ! command -v wrk >/dev/null; then
  echo "== installing wrk from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
cargo build --release --quiet
BIN=target/release/vooruit
export VOORUIT_LOG=warn

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -m)"
if [ ! -f "$DATA/vooruit.db" ]; then
  echo "== generating $N stories"
  "$BIN" --data-dir "$DATA" demo --stories "$N"
fi
echo "== full reindex"
rm -rf "$DATA/search"
"$BIN" --data-dir "$DATA" reindex
echo "== search latency (in process, this index)"
"$BIN" --data-dir "$DATA" bench search --runs 20

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$BIN" --data-dir "$DATA" serve --addr "127.0.0.1:$PORT" >/dev/null &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do curl -fs "$BASE/healthz" >/dev/null && break; sleep 0.2; done
SLUG="$(curl -fs "$BASE/api/v1/stories" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["slug"])')"

load() {
  local name="$1" path="$2" script="${3:-}"
  local out
  if [ -n "$script" ]; then
    out="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$script" "$BASE")"
  else
    out="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$path")"
  fi
  local rps p50 p99 errors
  rps="$(awk '/Requests\/sec/{print $2}' <<<"$out")"
  p50="$(awk '$1=="50%"{print $2}' <<<"$out")"
  p99="$(awk '$1=="99%"{print $2}' <<<"$out")"
  errors="$(awk '/Non-2xx/{print $5}' <<<"$out")"
  printf '%-12s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}"
}
echo "== HTTP on loopback (one URL per line is answered from the result cache after its"
echo "   first request; 'search mix' asks ~5,000 different searches, mostly uncached)"
echo "== HTTP on loopback, $CONNECTIONS connections, $DURATION each (wrk -t2)"
load "story page" "/verhalen/$SLUG"
load "story list" "/verhalen"
load "search" "/zoeken?q=werkdruk%20team"
load "search mix" "" scripts/bench-search.lua
echo "== server peak memory: $(awk '/VmHWM/{print $2, $3}' "/proc/$PID/status")"
