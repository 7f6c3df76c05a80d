# Sourced by the test script: the OpenID Connect provider the single
# sign-on tests log in with (npm's oidc-provider, pinned in
# scripts/oidc/package-lock.json), installed into scripts/oidc/node_modules,
# and VOORUIT_TEST_OIDC_PROVIDER pointing at its script.
vooruit_oidc_setup() {
  local dir="scripts/oidc"
  if ! command -v npm >/dev/null; then
    echo "== installing Node.js and npm"
    apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
  fi
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules" ]; then
    echo "== installing the OpenID provider for the tests into $dir/node_modules"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    touch "$dir/node_modules"
  fi
  VOORUIT_TEST_OIDC_PROVIDER="$(pwd)/$dir/provider.mjs"
  export VOORUIT_TEST_OIDC_PROVIDER
}
vooruit_oidc_setup
