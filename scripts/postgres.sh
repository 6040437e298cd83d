#!/usr/bin/env bash
# Start a throwaway PostgreSQL server from Debian's packages for the test suite and
# print its URL. Usage: scripts/postgres.sh start|stop. Installs postgresql when missing.
set -euo pipefail
DIR=${CLAIMGRAPH_PG_DIR:-/tmp/claimgraph-pg}
PORT=${CLAIMGRAPH_PG_PORT:-54329}
action=${1:-start}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ]; then
  if [ "$(id -u)" != 0 ]; then echo "postgres.sh: postgresql is not installed; apt-get install postgresql" >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

case "$action" in
  start)
    if [ ! -f "$DIR/PG_VERSION" ]; then
      mkdir -p "$DIR"; [ "$(id -u)" = 0 ] && chown postgres "$DIR"
      as_pg "$bindir/initdb -D $DIR -A trust -U postgres -E UTF8 >/dev/null"
    fi
    if ! as_pg "$bindir/pg_ctl -D $DIR status" >/dev/null 2>&1; then
      as_pg "$bindir/pg_ctl -D $DIR -l $DIR/server.log -w -o '-p $PORT -k $DIR -c listen_addresses=127.0.0.1' start" >/dev/null
    fi
    as_pg "$bindir/psql -h 127.0.0.1 -p $PORT -U postgres -tAc \"SELECT 1 FROM pg_database WHERE datname='claimgraph_test'\"" | grep -q 1 \
      || as_pg "$bindir/createdb -h 127.0.0.1 -p $PORT -U postgres claimgraph_test"
    echo "postgresql://postgres@127.0.0.1:$PORT/claimgraph_test"
    ;;
  stop)
    as_pg "$bindir/pg_ctl -D $DIR -m fast stop" >/dev/null 2>&1 || true
    ;;
esac
