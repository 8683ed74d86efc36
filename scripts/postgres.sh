#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests (installs Debian's postgresql if it
# is missing) and print its DATABASE_URL on the last line.
#   scripts/postgres.sh start   -> start (or reuse) the server
#   scripts/postgres.sh halt    -> stop it, keep its data (start brings it back)
#   scripts/postgres.sh stop    -> stop it and remove its data
set -euo pipefail
DIR=${KLYNGEBOT_PG_DIR:-/tmp/klyngebot-pg}
PORT=${KLYNGEBOT_PG_PORT:-54329}
URL="postgresql+asyncpg://klyngebot:klyngebot@127.0.0.1:${PORT}/klyngebot"

pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_server() {
  if [ -z "$(pgbin)" ]; then
    echo "installing PostgreSQL from Debian's packages" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  fi
}

run_server() {
  as_postgres "$1/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
}

halt() {
  local bin; bin=$(pgbin)
  as_postgres "$bin/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null
}

start() {
  install_server
  local bin; bin=$(pgbin)
  if [ -f "$DIR/data/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    echo "$URL"; return
  fi
  if [ -f "$DIR/data/PG_VERSION" ]; then
    run_server "$bin"; echo "$URL"; return
  fi
  rm -rf "$DIR" && mkdir -p "$DIR"
  [ "$(id -u)" = "0" ] && chown postgres "$DIR"
  as_postgres "$bin/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  run_server "$bin"
  as_postgres "$bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -q \
    -c "CREATE ROLE klyngebot LOGIN SUPERUSER PASSWORD 'klyngebot'" \
    -c "CREATE DATABASE klyngebot OWNER klyngebot" >/dev/null
  echo "$URL"
}

stop() {
  local bin; bin=$(pgbin)
  [ -n "$bin" ] && [ -d "$DIR/data" ] && as_postgres "$bin/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}

case "${1:-start}" in
  start) start ;;
  halt) halt ;;
  stop) stop ;;
  *) echo "usage: $0 start|halt|stop" >&2; exit 2 ;;
esac
