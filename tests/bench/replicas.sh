#!/usr/bin/env bash
# The crawl benchmark on PostgreSQL with one and with two replicas (README "Replicas"): publishes the worker as the
# Dockerfile does (Release, ReadyToRun for this machine's runtime, as tests/bench/crawl.sh), starts a
# throw-away PostgreSQL cluster on a loopback port (.ci/postgres.sh; Debian's package, installed if missing) unless
# MONITOR_TEST_POSTGRES already names a server, then runs `bench replicas` (a loopback farm of 1,000 feeds x 20 items on
# 127.0.0.2-51; for 1 and then 2 `run` workers clustered on a fresh database, the time from the moment every source is
# due until every item is stored, and the duplicate fetches). Prints the table with the load average.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${MONITOR_TEST_POSTGRES:-}" ]; then
  source .ci/postgres.sh
  trap postgres_stop EXIT
  postgres_start "${MONITOR_PG_PORT:-55433}"
fi
out="${MONITOR_BENCH_BIN:-$(mktemp -d)}"
dotnet publish src/Monitor.Worker/Monitor.Worker.csproj -c Release --ucr --self-contained false -o "$out" >/dev/null
dotnet "$out/Monitor.Worker.dll" bench replicas --connection "$MONITOR_TEST_POSTGRES" \
  --replicas "${REPLICAS:-1,2}" --feeds "${FEEDS:-1000}" --items 20 --hosts 50 --config config
