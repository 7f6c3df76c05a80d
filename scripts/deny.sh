#!/usr/bin/env bash
# The supply chain (deny.toml): every dependency's licence is one we allow,
# nothing comes from outside crates.io, no banned crate; a crate in two
# versions is a warning. cargo-deny is built once from crates.io into a
# tools folder outside the checkout (about 2.5 minutes on 2 cores) and
# reused after. Advisories are left out: their database is on GitHub,
# which CI cannot reach; run `cargo deny check advisories` where it can.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=0.20.2
TOOLS="${VOORUIT_TOOLS:-$HOME/.cache/vooruit/tools}"
BIN="$TOOLS/bin/cargo-deny"
if ! [ -x "$BIN" ] || ! "$BIN" --version | grep -qF "$VERSION"; then
  echo "building cargo-deny $VERSION into $TOOLS"
  cargo install cargo-deny --version "$VERSION" --locked --root "$TOOLS" --quiet
fi
exec "$BIN" --log-level error check --hide-inclusion-graph licenses bans sources
