#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, the same way locally and in .ci/run.
#   eval "$(bash scripts/test-postgres.sh start)"   # starts it, prints `export TEST_DATABASE_URL=…`
#   bash scripts/test-postgres.sh stop              # stops it and removes its files
# Uses the PostgreSQL binaries of the machine (Debian's `postgresql` package: /usr/lib/postgresql/N/bin).
# The cluster listens on 127.0.0.1 only, with trust authentication: no password to keep secret.
# initdb refuses to run as root, so as root it runs as the `postgres` user (created if missing).
set -euo pipefail

DIR="${PG_TEST_DIR:-/tmp/customs-pg-test}"
PORT="${PG_TEST_PORT:-55432}"

bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$found" ]; then echo "test-postgres: no PostgreSQL binaries (install Debian's postgresql package)" >&2; exit 1; fi
  echo "$found"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    id -u postgres >/dev/null 2>&1 || useradd --system --home-dir "$DIR" --shell /usr/sbin/nologin postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local bin
  bin="$(bindir)"
  if [ -f "$DIR/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
    return
  fi
  rm -rf "$DIR"
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && { id -u postgres >/dev/null 2>&1 || useradd --system --home-dir "$DIR" --shell /usr/sbin/nologin postgres; chown postgres "$DIR"; }
  as_owner "$bin/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
  # fsync off: a test cluster loses nothing worth keeping in a crash, and tests run faster
  as_owner "$bin/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >&2 \
    || { cat "$DIR/server.log" >&2; exit 1; }
  echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
}

stop() {
  local bin
  bin="$(bindir)"
  if [ -d "$DIR/data" ]; then as_owner "$bin/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 || true; fi
  rm -rf "$DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: bash scripts/test-postgres.sh start|stop" >&2; exit 2 ;;
esac
