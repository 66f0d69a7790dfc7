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
# Two figures per path: the whole process (start-up, configuration, database included) and the document's own
# processing (after warm-up for extract; the reading of the fetched page for sources test; the source's line in crawl,
# which also includes its fetches).
echo "extract, 200,000-level page, whole process: $(seconds dotnet "$dll" extract --in-dir "$work/in" --out-dir "$work/out")"
echo "extract, the page's own processing (bench extract, after warm-up): $(dotnet "$dll" bench extract --in-dir "$work/in" --rounds 5 | grep -o '[0-9.]* ms/page wall clock')"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$work/site" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
server=$!
cp "$repo/config/taxonomy.yaml" "$repo/config/classifier-model.json" "$work/config/"
printf 'sources:\n  - id: deep\n    url: http://127.0.0.1:%s/deep.html\n    country: FR\n    language: en\n' "$port" > "$work/config/sources.yaml"
sleep 1
export ConnectionStrings__Monitor="Data Source=$work/monitor.db" Monitor__Crawling__AllowedNetworks__0=127.0.0.1/32 Monitor__Crawling__RespectRobotsTxt=false
for run in 1 2 3; do
  test_time=$(/usr/bin/time -f "%e s, peak %M KB" -o "$work/test.time" dotnet "$dll" sources test deep --config "$work/config" > "$work/test.out"; cat "$work/test.time")
  echo "sources test (automatic listing), run $run: whole process $test_time; reading the page: $(grep -o 'in [0-9,]* ms' "$work/test.out")"
done
for run in 1 2 3; do
  rm -f "$work"/monitor.db*
  crawl_time=$(/usr/bin/time -f "%e s, peak %M KB" -o "$work/crawl.time" dotnet "$dll" crawl --verbose --config "$work/config" > "$work/crawl.out" 2>&1; cat "$work/crawl.time")
  echo "crawl, run $run: whole process $crawl_time; the source's own time (state, fetch, reading, storing): $(awk '$1 == "deep" {print $6}' "$work/crawl.out") ms ($(awk '$1 == "deep" {print $2}' "$work/crawl.out")); reading the page: $(grep -o 'reading the document [0-9]* ms' "$work/crawl.out" | grep -o '[0-9]* ms')"
done
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
