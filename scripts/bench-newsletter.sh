#!/usr/bin/env bash
# Measures the newsletter at 100,000 confirmed subscribers (or the number
# given) on SQLite, and prints the figures recorded in docs/PERFORMANCE.md:
# the editors' subscriber page (first page, a deep page, a search), and a
# full send into a local SMTP sink (aiosmtpd, counting only) with its
# throughput and the server's peak memory.
# Usage: ./scripts/bench-newsletter.sh [number-of-subscribers]
set -euo pipefail
cd "$(dirname "$0")/.."

N="${1:-100000}"
DATA="target/bench/newsletter-$N"
. scripts/python.sh
cargo build --release --quiet
BIN=target/release/vooruit
export VOORUIT_LOG=warn

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -m)"
rm -rf "$DATA"
echo "== generating $N confirmed subscribers"
"$BIN" --data-dir "$DATA" demo --subscribers "$N"
printf 'bench-wachtwoord-123\n' | "$BIN" --data-dir "$DATA" user add \
  --email bench@vooruit.test --name Bench --role editor --password-stdin >/dev/null

SINK_OUT="$(mktemp)"
"$VOORUIT_TEST_PYTHON" scripts/smtp_sink.py - >"$SINK_OUT" &
SINK=$!
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$BIN" --data-dir "$DATA" serve --addr "127.0.0.1:$PORT" --newsletter-rate 0 \
  --smtp-url "smtp://127.0.0.1:$(for _ in $(seq 1 50); do grep -q listening "$SINK_OUT" && break; sleep 0.1; done; awk '/listening/{print $3}' "$SINK_OUT")" >/dev/null &
PID=$!
trap 'kill $PID $SINK 2>/dev/null || true; rm -f "$SINK_OUT" "$JAR"' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do curl -fs "$BASE/healthz" >/dev/null && break; sleep 0.2; done
JAR="$(mktemp)"
curl -fs -c "$JAR" -H 'content-type: application/json' \
  -d '{"email":"bench@vooruit.test","password":"bench-wachtwoord-123"}' "$BASE/api/v1/session" >/dev/null

timing() {
  local name="$1" path="$2"
  local times
  times="$(for _ in $(seq 1 30); do curl -fs -b "$JAR" -o /dev/null -w '%{time_total}\n' "$BASE$path"; done | sort -n)"
  printf '%-34s p50 %6.1f ms   max %6.1f ms\n' "$name" \
    "$(sed -n 15p <<<"$times" | awk '{print $1*1000}')" "$(tail -1 <<<"$times" | awk '{print $1*1000}')"
}
echo "== editors' subscriber page, 30 requests each"
timing "first page" "/redactie/nieuwsbrief/abonnees"
timing "page 1,000 (addresses 49,951-50,000)" "/redactie/nieuwsbrief/abonnees?page=1000"
timing "search 'lezer-9999'" "/redactie/nieuwsbrief/abonnees?q=lezer-9999"

ID="$(curl -fs -b "$JAR" -H 'content-type: application/json' \
  -d '{"subject":"Benchmark","intro":"Een nieuwsbrief om te meten.","items":[{"kind":"link","title":"De agenda","url":"/agenda","text":"Wat er komt."}]}' \
  "$BASE/api/v1/editor/newsletter/editions" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
START="$(date +%s.%N)"
curl -fs -b "$JAR" -H 'content-type: application/json' -d '{}' \
  "$BASE/api/v1/editor/newsletter/editions/$ID/send" >/dev/null
echo "== sending to $N subscribers (no rate limit, local SMTP sink)"
while true; do
  STATUS="$(curl -fs -b "$JAR" "$BASE/api/v1/editor/newsletter/editions/$ID")"
  if python3 -c 'import json,sys; sys.exit(0 if json.loads(sys.argv[1])["edition"]["status"]=="verzonden" else 1)' "$STATUS"; then
    break
  fi
  python3 -c "import json,sys; p=json.loads(sys.argv[1])[\"progress\"]; print(\"  sent\", p[\"sent\"], \"waiting\", p[\"waiting\"])" "$STATUS" >&2; sleep 5
done
END="$(date +%s.%N)"
python3 - "$STATUS" "$START" "$END" <<'PY'
import json, sys
s = json.loads(sys.argv[1]); secs = float(sys.argv[3]) - float(sys.argv[2])
p = s["progress"]
print(f"sent {p['sent']} (failed {p['failed']}, skipped {p['skipped']}) in {secs:.1f} s: {p['sent']/secs:.0f} mails/s")
PY
echo "== server peak memory: $(awk '/VmHWM/{print $2, $3}' "/proc/$PID/status")"
