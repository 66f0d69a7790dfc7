#!/usr/bin/env bash
# The crawl benchmark (README "Crawl"): builds Release, then for N=1,000 feeds (articles off, then on) and N=5,000
# (articles off) runs `bench crawl` (a loopback farm on 127.0.0.2-51, three passes of the real `crawl` verb), then the
# store micro-benchmark at 100,000 stored announcements. Prints each table with the load average; needs no network.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/Monitor.Worker/Monitor.Worker.csproj -c Release >/dev/null
monitor=(dotnet src/Monitor.Worker/bin/Release/net10.0/Monitor.Worker.dll)
for args in "--feeds 1000" "--feeds 1000 --articles" "--feeds 5000"; do
  # shellcheck disable=SC2086
  "${monitor[@]}" bench crawl $args --items 20 --hosts 50 --config config
  echo
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"${monitor[@]}" bench store --stored 100000 --adds 200
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
