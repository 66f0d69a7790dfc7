#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests and benchmarks: Debian's `postgresql` package, a temporary data directory
# owned by the unprivileged `postgres` user (created if missing), listening on 127.0.0.1 only.
#   source .ci/postgres.sh && postgres_start [PORT]   # installs if needed, starts, exports MONITOR_TEST_POSTGRES
#   postgres_stop                                      # stops the cluster and removes its data directory
# fsync is off: the data is thrown away, and tests should not pay for durability they do not check.
postgres_start() {
  local port="${1:-${MONITOR_PG_PORT:-55432}}"
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends postgresql
  fi
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  local user=postgres
  id "$user" >/dev/null 2>&1 || useradd --system --no-create-home "$user"
  MONITOR_PG_DIR="$(mktemp -d /tmp/monitor-pg.XXXXXX)"
  MONITOR_PG_BIN="$bin"
  MONITOR_PG_USER="$user"
  export MONITOR_PG_DIR MONITOR_PG_BIN MONITOR_PG_USER
  chown "$user" "$MONITOR_PG_DIR"
  local as=(runuser -u "$user" --)
  [ "$(id -u)" -eq 0 ] || as=()
  "${as[@]}" "$bin/initdb" -D "$MONITOR_PG_DIR/data" -U monitor --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  if ! "${as[@]}" "$bin/pg_ctl" -D "$MONITOR_PG_DIR/data" -l "$MONITOR_PG_DIR/log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $MONITOR_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null; then
    # Say why (most often another server on the port) before the caller's trap removes the log.
    echo "PostgreSQL did not start on 127.0.0.1:$port; its log:" >&2
    tail -n 5 "$MONITOR_PG_DIR/log" >&2
    return 1
  fi
  export MONITOR_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=monitor;Database=postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $MONITOR_PG_DIR)"
}

postgres_stop() {
  [ -n "${MONITOR_PG_DIR:-}" ] || return 0
  local as=(runuser -u "$MONITOR_PG_USER" --)
  [ "$(id -u)" -eq 0 ] || as=()
  "${as[@]}" "$MONITOR_PG_BIN/pg_ctl" -D "$MONITOR_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$MONITOR_PG_DIR"
  unset MONITOR_PG_DIR
}
