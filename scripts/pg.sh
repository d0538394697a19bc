#!/usr/bin/env bash
# Throwaway PostgreSQL 15 cluster for tests and CI: `scripts/pg.sh start` prints the DATABASE_URL,
# `scripts/pg.sh stop` stops it. Needs root (runs the server as the postgres user).
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGDATA=${LINEDESK_PGDATA:-/tmp/linedesk-pg}
PGSOCK=${LINEDESK_PGSOCK:-/tmp/linedesk-pgsock}
PGPORT=${LINEDESK_PGPORT:-54329}
URL="postgres://app:app@127.0.0.1:${PGPORT}/app"

case "${1:-}" in
  start)
    if [ -f "$PGDATA/postmaster.pid" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
      echo "$URL"; exit 0
    fi
    rm -rf "$PGDATA" "$PGSOCK"
    mkdir -p "$PGDATA" "$PGSOCK"
    chown postgres: "$PGDATA" "$PGSOCK"
    chmod 700 "$PGDATA"
    runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --no-sync >/dev/null
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/log" -w \
      -o "-p $PGPORT -k $PGSOCK -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
    runuser -u postgres -- "$PGBIN/psql" -q -h "$PGSOCK" -p "$PGPORT" -U postgres \
      -c "CREATE ROLE app LOGIN SUPERUSER PASSWORD 'app'" -c "CREATE DATABASE app OWNER app" >/dev/null
    echo "$URL"
    ;;
  stop)
    if [ -d "$PGDATA" ]; then
      runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
      rm -rf "$PGDATA" "$PGSOCK"
    fi
    ;;
  url)
    echo "$URL"
    ;;
  *)
    echo "usage: scripts/pg.sh start|stop|url" >&2; exit 2
    ;;
esac
