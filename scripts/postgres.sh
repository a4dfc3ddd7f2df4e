#!/usr/bin/env bash
# A private PostgreSQL for the Iceberg catalog in tests: scripts/postgres.sh start|stop|status DIR [PORT]
# Installs the Debian package if needed, listens on 127.0.0.1 only, and is stopped by the PID it wrote.
set -euo pipefail
cmd="${1:?usage: postgres.sh start|stop|status DIR [PORT]}"
dir="$(mkdir -p "${2:?data folder}" && cd "$2" && pwd)"
port="${3:-55432}"

find_bin() {
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && { echo "$d"; return; }; done
  command -v pg_ctl >/dev/null && dirname "$(command -v pg_ctl)"
}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

bin="$(find_bin || true)"
if [ -z "$bin" ] && [ "$cmd" = start ]; then
  echo "postgres.sh: installing PostgreSQL (Debian package)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null
  bin="$(find_bin)"
fi

case "$cmd" in
  start)
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_pg mkdir -p "$dir/data"
      as_pg "$bin/initdb" -D "$dir/data" -U trygg --auth=trust -E UTF8 >/dev/null
    fi
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir" start >/dev/null
    as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U trygg -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='trygg'" | grep -q 1 \
      || as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U trygg trygg
    head -n1 "$dir/data/postmaster.pid" > "$dir/postgres.pid"
    echo "jdbc:postgresql://127.0.0.1:$port/trygg?user=trygg"
    ;;
  stop)
    [ -f "$dir/data/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -f "$dir/postgres.pid"
    ;;
  status)
    [ -f "$dir/data/postmaster.pid" ] && kill -0 "$(head -n1 "$dir/data/postmaster.pid")" 2>/dev/null && echo running || echo stopped
    ;;
  *) echo "usage: postgres.sh start|stop|status DIR [PORT]" >&2; exit 2 ;;
esac
