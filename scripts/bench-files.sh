#!/usr/bin/env bash
# Measures serving a large file: a 100 MB PDF uploaded through the editors'
# form and published, then 64 connections each asking byte ranges of it at
# random offsets (1 MiB each), against nginx serving the same file from
# disk in the same run. Prints the transfer rate of both, their ratio, and
# the node's memory before and after (VmRSS) and at its peak (VmHWM).
#
# Usage: ./scripts/bench-files.sh [size-in-MB]     (DURATION, CONNECTIONS, RANGE)
set -euo pipefail
cd "$(dirname "$0")/.."

MB="${1:-100}"
DURATION="${DURATION:-15s}"
CONNECTIONS="${CONNECTIONS:-64}"
RANGE="${RANGE:-1048576}"
WORK="$(mktemp -d)"
chmod 755 "$WORK"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
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
memory() {
  awk '/VmRSS/{r=$2} /VmHWM/{h=$2} END {printf "now %.0f MiB, peak %.0f MiB", r / 1024, h / 1024}' "/proc/$1/status"
}

echo "== machine: $(nproc) cores, $(uname -m); wrk -t2 -c$CONNECTIONS, $DURATION a run, ranges of $RANGE bytes"
python3 scripts/bench/big_pdf.py "$WORK/rapport.pdf" "$MB"
SIZE="$(stat -c %s "$WORK/rapport.pdf")"

# The node, an editor, the upload and the publication, as an editor does it.
DATA="$WORK/data"
echo 'een lang genoeg wachtwoord' | "$BIN" --data-dir "$DATA" user add \
  --email bench@vooruit.test --name Bench --role editor --password-stdin >/dev/null
PORT="$(free_port)"
"$BIN" --data-dir "$DATA" serve --addr "127.0.0.1:$PORT" --pdf-limit-mb $((MB + 10)) >/dev/null &
NODE_PID=$!
PIDS+=("$NODE_PID")
URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do curl -fs "$URL/healthz" >/dev/null && break; sleep 0.2; done
JAR="$WORK/cookies"
csrf() { curl -fs -b "$JAR" -c "$JAR" "$URL$1" | grep -o 'name="csrf" value="[0-9a-f]*' | head -1 | sed 's/.*value="//'; }
TOKEN="$(csrf /inloggen)"
curl -fs -b "$JAR" -c "$JAR" -o /dev/null -d "csrf=$TOKEN&email=bench@vooruit.test&password=een+lang+genoeg+wachtwoord" "$URL/inloggen"
TOKEN="$(csrf /redactie/publicaties/nieuw)"
start=$(date +%s.%N)
curl -fs -b "$JAR" -c "$JAR" -o /dev/null -F "csrf=$TOKEN" -F "file=@$WORK/rapport.pdf;type=application/pdf" \
  -F "title=Groot rapport" -F "publisher=Bench" -F "year=2026" -F "summary=Om te meten." \
  "$URL/redactie/publicaties/nieuw"
echo "upload of $MB MB (stored, checked, copied into storage): $(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)") s; node memory: $(memory "$NODE_PID")"
ID="$(curl -fs -b "$JAR" "$URL/redactie/publicaties" | grep -o 'href="/redactie/publicaties/[0-9a-z]*"' | grep -v nieuw | head -1 | sed 's#.*/##; s#"##')"
curl -fs -b "$JAR" -c "$JAR" -o /dev/null -d "csrf=$TOKEN" "$URL/redactie/publicaties/$ID/publiceren"
FILE_PATH="/publicaties/groot-rapport/bestand"
curl -fs -o /dev/null -r 0-9 "$URL$FILE_PATH"

# nginx with the same file, sendfile on.
mkdir -p "$WORK/nginx/html"
cp "$WORK/rapport.pdf" "$WORK/nginx/html/rapport.pdf"
NGINX_PORT="$(free_port)"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { application/pdf pdf; }
  client_body_temp_path $WORK/nginx;
  proxy_temp_path $WORK/nginx;
  fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx;
  scgi_temp_path $WORK/nginx;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/nginx/html; }
}
CONF
/usr/sbin/nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx"
for _ in $(seq 1 50); do curl -fs -o /dev/null -r 0-9 "http://127.0.0.1:$NGINX_PORT/rapport.pdf" && break; sleep 0.1; done

# One run; leaves the bytes per second in BPS.
load() {
  local name="$1" url="$2" out
  out="$(VOORUIT_BENCH_SIZE="$SIZE" VOORUIT_BENCH_RANGE="$RANGE" \
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s scripts/bench/ranges.lua "$url")"
  # wrk's units are binary (KB is 1024 bytes).
  BPS="$(awk '/Transfer\/sec/{v=$2; u=substr(v, length(v)-1); n=substr(v, 1, length(v)-2);
    m = (u=="GB") ? 1073741824 : (u=="MB") ? 1048576 : (u=="KB") ? 1024 : 1; printf "%.0f", n * m}' <<<"$out")"
  printf '%-28s %8s req/s   %8.0f MB/s   p50 %8s   p99 %8s   non-2xx %s\n' "$name" \
    "$(awk '/Requests\/sec/{print $2}' <<<"$out")" "$(python3 -c "print($BPS / 1e6)")" \
    "$(awk '$1=="50%"{print $2}' <<<"$out")" "$(awk '$1=="99%"{print $2}' <<<"$out")" \
    "$(awk '/Non-2xx/{print $5}' <<<"$out")"
}
echo "node memory before: $(memory "$NODE_PID")"
load "nginx, the same file" "http://127.0.0.1:$NGINX_PORT/rapport.pdf"
NGINX_BPS=$BPS
load "vooruit, the publication" "$URL$FILE_PATH"
echo "ratio to nginx: $(python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$BPS" "$NGINX_BPS")"
echo "node memory after: $(memory "$NODE_PID")"
