#!/usr/bin/env bash
# The whole test suite, as CI runs it: formatting, lints, then every test on
# SQLite and again on PostgreSQL (a throw-away cluster started here).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --all-targets --locked -- -D warnings

echo "== tests on SQLite"
cargo test --locked

echo "== tests on PostgreSQL"
. scripts/postgres.sh
trap vooruit_pg_stop EXIT
cargo test --locked
