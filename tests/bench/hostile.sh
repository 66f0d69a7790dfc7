#!/usr/bin/env bash
# Hostile-input benchmark: the 200,000-level page through `extract`, `sources test` and `crawl` (served by a loopback
# python http.server), the hostile-server suite (fault -> outcome table, crawl time, peak memory of the worker) and the
# crash loop (50 SIGKILLs). Prints what the README's "Hostile input" section reports, with the load average.
# Usage (from anywhere): tests/bench/hostile.sh [--no-build] [--skip-suites]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build=1
suites=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=0 ;;
    --skip-suites) suites=0 ;;
    *) echo "usage: $0 [--no-build] [--skip-suites]" >&2; exit 2 ;;
  esac
  shift
done

dll="$repo/src/Monitor.Worker/bin/Release/net10.0/Monitor.Worker.dll"
if [[ $build -eq 1 ]]; then
  dotnet build "$repo/src/Monitor.Worker" -c Release -nologo -v q >/dev/null
fi

work="$(mktemp -d)"
server=""
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# The page of the issue: 200,000 nested <div>, 2.2 MB.
mkdir -p "$work/in" "$work/site" "$work/config"
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
n = 200_000
page = "<html><head><title>Deep</title></head><body>" + "<div>" * n + "hello world" + "</div>" * n + "</body></html>"
open(f"{work}/in/deep.html", "w").write(page)
open(f"{work}/site/deep.html", "w").write(page)
PY

seconds() { /usr/bin/time -f "%e s, peak %M KB" "$@" 2>&1 >/dev/null | tail -n 1; }
echo "extract, 200,000-level page (process start included): $(seconds dotnet "$dll" extract --in-dir "$work/in" --out-dir "$work/out")"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$work/site" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
server=$!
cp "$repo/config/taxonomy.yaml" "$repo/config/classifier-model.json" "$work/config/"
printf 'sources:\n  - id: deep\n    url: http://127.0.0.1:%s/deep.html\n    country: FR\n    language: en\n' "$port" > "$work/config/sources.yaml"
sleep 1
export ConnectionStrings__Monitor="Data Source=$work/monitor.db" Monitor__Crawling__AllowedNetworks__0=127.0.0.1/32 Monitor__Crawling__RespectRobotsTxt=false
echo "sources test, same page as an automatic listing: $(seconds dotnet "$dll" sources test deep --config "$work/config")"
crawl_time=$(/usr/bin/time -f "%e s, peak %M KB" -o "$work/crawl.time" dotnet "$dll" crawl --config "$work/config" > "$work/crawl.out"; cat "$work/crawl.time")
echo "crawl, same page as the only source: $crawl_time; the source's own line (status, items, new, relevant, ms): $(awk '$1 == "deep" {print $2, $3, $4, $5, $6}' "$work/crawl.out")"
unset ConnectionStrings__Monitor Monitor__Crawling__AllowedNetworks__0 Monitor__Crawling__RespectRobotsTxt

if [[ $suites -eq 1 ]]; then
  dotnet build "$repo/tests/Monitor.IntegrationTests" -nologo -v q >/dev/null
  MONITOR_HOSTILE_REPORT="$work/hostile.md" MONITOR_CRASH_REPORT="$work/crash.txt" \
    dotnet test "$repo/tests/Monitor.IntegrationTests" --no-build --filter "FullyQualifiedName~HostileSuite|FullyQualifiedName~CrashLoop" >/dev/null || true
  echo
  [[ -f "$work/hostile.md" ]] && cat "$work/hostile.md"
  echo
  [[ -f "$work/crash.txt" ]] && cat "$work/crash.txt"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
