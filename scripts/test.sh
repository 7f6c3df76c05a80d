#!/usr/bin/env bash
# The whole test suite, as CI runs it: formatting, lints, the supply chain
# (cargo deny), then every test on SQLite and again on PostgreSQL (a
# throw-away cluster started here).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --all-targets --locked -- -D warnings
echo "== cargo deny (licences, bans, sources)"
./scripts/deny.sh

# Python's aiosmtpd and icalendar, which the tests use as a real SMTP server
# and a real calendar parser.
. scripts/python.sh
# npm's oidc-provider, the real OpenID provider of the single sign-on tests.
. scripts/oidc.sh

LOG="$(mktemp)"
run_tests() {
  cargo test --locked 2>&1 | tee -a "$LOG"
}

echo "== tests on SQLite"
run_tests

# The API against its own OpenAPI document (scripts/api-contract.sh), then
# the browser suite: journeys, axe on every page, the HTML checker
# (e2e/run.mjs), against the binary the tests just built.
echo "== API contract (schemathesis)"
./scripts/api-contract.sh 2>&1 | tee -a "$LOG"

echo "== browser suite (Chromium)"
. scripts/browser.sh
node e2e/run.mjs 2>&1 | tee -a "$LOG"

echo "== tests on PostgreSQL"
. scripts/postgres.sh
trap 'vooruit_pg_stop; rm -f "$LOG"' EXIT
run_tests

# One closing line over both runs.
awk '/^test result:/ { p += $4; f += $6 } END { printf "summary: %d passed, %d failed\n", p, f }' "$LOG"
