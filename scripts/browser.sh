# Sourced by scripts/test.sh: what the browser suite (e2e/) needs. Debian's
# Chromium (no browser download), Java for the Nu HTML Checker, Node.js with
# npm, and the pinned npm packages of e2e/package-lock.json.
vooruit_browser_setup() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v java >/dev/null || missing+=(default-jre-headless)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]} from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if ! cmp -s e2e/package-lock.json e2e/node_modules/.vooruit-installed 2>/dev/null; then
    echo "== installing the browser suite's npm packages (e2e/package-lock.json)"
    (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
    cp e2e/package-lock.json e2e/node_modules/.vooruit-installed
  fi
}
vooruit_browser_setup
