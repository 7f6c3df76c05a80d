#!/usr/bin/env bash
# Measures Vooruit at the size of a national network (default 100,000
# stories) as real traffic meets it, and prints the figures recorded in
# docs/PERFORMANCE.md:
#
# - generation and full reindex time, in-process search latency;
# - nginx serving a static copy of a story page (the limit of this machine),
#   measured in the same run;
# - story pages and story API answers drawn from all stories in a shuffled
#   order (no path asked twice until all were asked), their ratio to nginx;
# - searches that were never asked before in the run (one to three words
#   from the corpus vocabulary, a third with a filter);
# - peak memory (VmHWM) of each `vooruit serve`;
# - all of it on SQLite (one node), then on PostgreSQL with two nodes
#   sharing the database, wrk against each node in turn.
#
# Usage: ./scripts/bench.sh [number-of-stories]    (SKIP_POSTGRES=1: SQLite only)
set -euo pipefail
cd "$(dirname "$0")/.."

N="${1:-100000}"
DATA="target/bench/data-$N"
DURATION="${DURATION:-15s}"
CONNECTIONS="${CONNECTIONS:-64}"
WORK="$(mktemp -d)"
# nginx workers run as nobody: they must be able to read the copy.
chmod 755 "$WORK"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
  declare -F vooruit_pg_stop >/dev/null && vooruit_pg_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

missing=()
command -v wrk >/dev/null || missing+=(wrk)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]} from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
cargo build --release --quiet
BIN="$(pwd)/target/release/vooruit"
export VOORUIT_LOG=warn

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Starts `vooruit serve` with the given data dir (and whatever database the
# environment names); sets NODE_URL and NODE_PID.
start_node() {
  local port
  port="$(free_port)"
  "$BIN" --data-dir "$1" serve --addr "127.0.0.1:$port" >/dev/null &
  NODE_PID=$!
  PIDS+=("$NODE_PID")
  NODE_URL="http://127.0.0.1:$port"
  for _ in $(seq 1 300); do curl -fs "$NODE_URL/healthz" >/dev/null && return; sleep 0.2; done
  echo "the server did not start" >&2
  exit 1
}

peak() {
  awk '/VmHWM/{printf "%.0f MiB", $2 / 1024}' "/proc/$1/status"
}

# One wrk run: name, base URL, and a path or a file of paths. Prints a line
# and leaves the requests per second in RPS.
load() {
  local name="$1" base="$2" what="$3" out
  if [ -f "$what" ]; then
    out="$(VOORUIT_BENCH_PATHS="$what" VOORUIT_BENCH_THREADS=2 \
      wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s scripts/bench/paths.lua "$base")"
  else
    out="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$base$what")"
  fi
  RPS="$(awk '/Requests\/sec/{print $2}' <<<"$out")"
  local p50 p99 errors used
  p50="$(awk '$1=="50%"{print $2}' <<<"$out")"
  p99="$(awk '$1=="99%"{print $2}' <<<"$out")"
  errors="$(awk '/Non-2xx/{print $5}' <<<"$out")"
  used="$(sed -n 's/^paths: //p' <<<"$out")"
  printf '%-34s %10s req/s   p50 %8s   p99 %8s   non-2xx %s%s\n' \
    "$name" "$RPS" "$p50" "$p99" "${errors:-0}" "${used:+   ($used)}"
}

ratio() {
  python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$1" "$2"
}

# nginx with its defaults for a static site, serving one story page as a file.
start_nginx() {
  mkdir -p "$WORK/nginx/html"
  curl -fs "$1" >"$WORK/nginx/html/verhaal.html"
  NGINX_PORT="$(free_port)"
  cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { text/html html; }
  client_body_temp_path $WORK/nginx;
  proxy_temp_path $WORK/nginx;
  fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx;
  scgi_temp_path $WORK/nginx;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/nginx/html;
  }
}
EOF
  /usr/sbin/nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx"
  for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$NGINX_PORT/verhaal.html" >/dev/null && return; sleep 0.1; done
}

# The measurements against one node; NGINX_RPS is the limit of this run.
measure_node() {
  local label="$1" base="$2"
  load "$label story pages, all stories" "$base" "$WORK/pages.txt"
  echo "   ratio to nginx: $(ratio "$RPS" "$NGINX_RPS")"
  load "$label story API, all stories" "$base" "$WORK/api.txt"
  echo "   ratio to nginx: $(ratio "$RPS" "$NGINX_RPS")"
  load "$label searches never asked before" "$base" "$WORK/searches.txt"
}

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -m); wrk -t2 -c$CONNECTIONS, $DURATION a run, on the same cores"
python3 scripts/bench/paths.py searches "$WORK/searches.txt" 300000 >/dev/null

echo
echo "=== SQLite, one node"
unset VOORUIT_DATABASE_URL
if [ ! -f "$DATA/vooruit.db" ]; then
  echo "== generating $N stories"
  start=$(date +%s.%N)
  "$BIN" --data-dir "$DATA" demo --stories "$N"
  echo "generated in $(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)") s"
fi
echo "== full reindex"
rm -rf "$DATA/search"
"$BIN" --data-dir "$DATA" reindex
echo "== search latency (in process, this index)"
"$BIN" --data-dir "$DATA" bench search --runs 20
# The first 3,000 of the HTTP run's searches, once each, past the cache.
head -n 3000 "$WORK/searches.txt" >"$WORK/searches-3000.txt"
"$BIN" --data-dir "$DATA" bench search --paths "$WORK/searches-3000.txt"

start_node "$DATA"
SQLITE_PID=$NODE_PID
python3 scripts/bench/paths.py stories "$NODE_URL" "$WORK/pages.txt" "$WORK/api.txt"
FIRST="$(head -n 1 "$WORK/pages.txt")"
start_nginx "$NODE_URL$FIRST"
load "nginx, static copy of a story page" "http://127.0.0.1:$NGINX_PORT" "/verhaal.html"
NGINX_RPS=$RPS
measure_node "sqlite:" "$NODE_URL"
load "sqlite: one story page, again" "$NODE_URL" "$FIRST"
load "sqlite: story list" "$NODE_URL" "/verhalen"
echo "== sqlite: peak memory of the node: $(peak "$SQLITE_PID")"
kill "$SQLITE_PID"

if [ -n "${SKIP_POSTGRES:-}" ]; then
  exit 0
fi

echo
echo "=== PostgreSQL, two nodes sharing it"
. scripts/postgres.sh
PGDB="${VOORUIT_TEST_POSTGRES_URL%/*}/bench"
"$PG_BIN/psql" "$VOORUIT_TEST_POSTGRES_URL" -qc "CREATE DATABASE bench" >/dev/null
export VOORUIT_DATABASE_URL="$PGDB"
# Two nodes of one database share the server secret (README).
export VOORUIT_SECRET="$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
echo "== generating $N stories"
start=$(date +%s.%N)
"$BIN" --data-dir "$WORK/a" demo --stories "$N"
echo "generated in $(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)") s"
for node in a b; do
  echo "== full reindex, node $node"
  "$BIN" --data-dir "$WORK/$node" reindex
done
start_node "$WORK/a"
A_URL=$NODE_URL A_PID=$NODE_PID
start_node "$WORK/b"
B_URL=$NODE_URL B_PID=$NODE_PID
python3 scripts/bench/paths.py stories "$A_URL" "$WORK/pages.txt" "$WORK/api.txt"
load "nginx, static copy of a story page" "http://127.0.0.1:$NGINX_PORT" "/verhaal.html"
NGINX_RPS=$RPS
measure_node "postgres node a:" "$A_URL"
measure_node "postgres node b:" "$B_URL"
echo "== postgres: peak memory of node a: $(peak "$A_PID"), node b: $(peak "$B_PID")"
