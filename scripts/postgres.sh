#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on a free loopback port for the tests
# and exports VOORUIT_TEST_POSTGRES_URL. Installs PostgreSQL from Debian's
# packages when the machine has none. Source it: `. scripts/postgres.sh`;
# the cluster is stopped by `vooruit_pg_stop` (the test script's trap).

vooruit_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

if [ -z "$(vooruit_pg_bin)" ]; then
  echo "== installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
PG_BIN="$(vooruit_pg_bin)"
if [ -z "$PG_BIN" ]; then
  echo "PostgreSQL could not be installed" >&2
  return 1 2>/dev/null || exit 1
fi

PG_DIR="$(mktemp -d /tmp/vooruit-pg.XXXXXX)"
# initdb refuses to run as root; the postgres user comes with the package.
if [ "$(id -u)" = "0" ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home "$PG_DIR" postgres
  chown postgres "$PG_DIR"
  PG_AS=(runuser -u postgres --)
else
  PG_AS=()
fi
PG_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U vooruit --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# fsync off: this cluster is thrown away after the run; it only needs speed.
"${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400" start >/dev/null
# The test that kills and restarts PostgreSQL runs a cluster of its own.
export VOORUIT_TEST_PG_BIN="$PG_BIN"
export VOORUIT_TEST_PG_USER="${PG_AS:+postgres}"
export VOORUIT_TEST_POSTGRES_URL="postgres://vooruit@127.0.0.1:$PG_PORT/postgres"
echo "== PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PG_PORT"

vooruit_pg_stop() {
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
