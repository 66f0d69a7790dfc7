#!/usr/bin/env bash
# The container's filesystem rules without Docker: publish the worker as the Dockerfile does, then run it (as root, in a
# private mount namespace: nothing outside this script sees the mounts) with the root filesystem read-only, a tmpfs on
# /tmp and one writable data directory bound on /srv, as docker-compose.yml runs it with /data. It runs `db migrate`,
# `demo` (crawl, classify, store, digest to the outbox) and the worker itself, and asks /health/ready. Every write the
# image would make outside /srv and /tmp fails, so the script passing shows the worker needs no other writable path.
# Usage: tests/ops/readonly-root.sh   (needs root and unshare; prints "read-only root: OK" at the end)
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d /var/tmp/monitor-ro.XXXXXX)"
trap 'rm -rf "$work"' EXIT
dotnet publish src/Monitor.Worker/Monitor.Worker.csproj -c Release -o "$work/app" >/dev/null
mkdir -p "$work/data"

unshare --mount --fork bash -s "$work" <<'INNER'
set -euo pipefail
work="$1"
mount --make-rprivate /
mount --bind "$work/data" /srv
mount -o remount,bind,ro /
mount -t tmpfs -o size=64m tmpfs /tmp
export HOME=/srv/nonexistent-home MONITOR_CONFIG_DIR="$work/app/config" \
  ConnectionStrings__Monitor="Data Source=/srv/monitor.db" Monitor__Digest__OutboxDirectory=/srv/outbox \
  Monitor__Web__Urls=http://127.0.0.1:18099 Logging__Console__FormatterName=json DOTNET_gcServer=0
cd /srv
if touch "$work/app/probe" 2>/dev/null || touch /usr/probe 2>/dev/null; then echo "root is writable: test invalid" >&2; exit 1; fi
dotnet "$work/app/Monitor.Worker.dll" db migrate
dotnet "$work/app/Monitor.Worker.dll" demo | tail -n 3
dotnet "$work/app/Monitor.Worker.dll" run >/tmp/worker.log 2>&1 &
pid=$!
for _ in $(seq 1 60); do
  if curl -fsS http://127.0.0.1:18099/health/ready >/dev/null 2>&1; then ready=1; break; fi
  sleep 1
done
curl -fsS http://127.0.0.1:18099/metrics | grep -c '^monitor_' | sed 's/^/metrics lines: /'
kill -TERM "$pid"; wait "$pid" || true
[ "${ready:-0}" = 1 ] || { echo "not ready; worker log:" >&2; cat /tmp/worker.log >&2; exit 1; }
if grep -qi 'read-only file system' /tmp/worker.log; then echo "the worker tried to write outside /srv and /tmp:" >&2; grep -i 'read-only' /tmp/worker.log >&2; exit 1; fi
ls /srv
INNER
echo "read-only root: OK"
