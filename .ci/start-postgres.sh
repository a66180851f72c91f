#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on a loopback port for the test suite
# and prints the URL to use as CONCORD_TEST_DATABASE_URL. Needs Debian's
# postgresql package. Usage: eval "$(.ci/start-postgres.sh [DIR] [PORT])"
set -euo pipefail
dir=${1:-/tmp/concord-pg}
port=${2:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2; exit 1; }
# PostgreSQL refuses to run as root; run it as the postgres system user.
runas=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home "$dir" postgres
  runas=(runuser -u postgres --)
fi
if [ ! -f "$dir/PG_VERSION" ]; then
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  "${runas[@]}" "$bin/initdb" -D "$dir" -U concord --auth=trust -E UTF8 --locale=C >/dev/null
fi
if ! "${runas[@]}" "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  "${runas[@]}" "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
    -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
fi
echo "export CONCORD_TEST_DATABASE_URL=postgres://concord@127.0.0.1:$port/postgres"
