#!/usr/bin/env bash
# The crawl benchmark (README "Crawl"): publishes the worker as the Dockerfile does (Release, ReadyToRun for this
# machine's runtime), then for N=1,000 feeds (articles off, then on) and N=5,000 (articles off) runs `bench crawl` (a
# loopback farm on 127.0.0.2-51, three passes of the real `crawl` verb and a start-up-only run), then the store
# micro-benchmark at 100,000 stored announcements. Prints each table with the load average; needs no network.
# Usage: tests/bench/crawl.sh [quick]   (quick: N=1,000 articles off and the store benchmark only)
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${MONITOR_BENCH_BIN:-$(mktemp -d)}"
dotnet publish src/Monitor.Worker/Monitor.Worker.csproj -c Release --ucr --self-contained false -o "$out" >/dev/null
monitor=(dotnet "$out/Monitor.Worker.dll")
# The container's malloc setting (Dockerfile), which the crawl processes inherit.
export MALLOC_ARENA_MAX=2
runs=("--feeds 1000" "--feeds 1000 --articles" "--feeds 5000")
[ "${1:-}" = quick ] && runs=("--feeds 1000")
for args in "${runs[@]}"; do
  # shellcheck disable=SC2086
  "${monitor[@]}" bench crawl $args --items 20 --hosts 50 --config config
  echo
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"${monitor[@]}" bench store --stored 100000 --adds 200
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
