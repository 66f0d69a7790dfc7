#!/usr/bin/env bash
# Extraction benchmark: runs `extract` on both development sets in ../shared/bench, scores them with the
# benchmark's own Python scripts, runs `bench extract` for speed and memory, and prints a table.
# Usage (from anywhere): tests/bench/extraction.sh [--no-build] [--rounds N]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="${BENCH_DIR:-$repo/../shared/bench}"
rounds=10
build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=0 ;;
    --rounds) rounds="$2"; shift ;;
    *) echo "usage: $0 [--no-build] [--rounds N]" >&2; exit 2 ;;
  esac
  shift
done

[[ -d "$bench/article-extraction" && -d "$bench/trafilatura-eval" ]] || { echo "benchmark data not found in $bench" >&2; exit 2; }
# MONITOR_DLL may point at another build of the same CLI (e.g. a published copy).
dll="${MONITOR_DLL:-$repo/src/Monitor.Worker/bin/Release/net10.0/Monitor.Worker.dll}"
if [[ $build -eq 1 && -z "${MONITOR_DLL:-}" ]]; then
  dotnet build "$repo/src/Monitor.Worker" -c Release -nologo -v q >/dev/null
fi
monitor=(dotnet "$dll")

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# article-extraction: OUT/<id>.json is what eval_extraction.py reads.
"${monitor[@]}" extract --in-dir "$bench/article-extraction/html" --out-dir "$work/aeb" | tail -n 1
aeb="$(python3 "$bench/eval_extraction.py" --pred "$work/aeb" --gt "$bench/article-extraction/ground-truth.json" \
  --csv "$work/aeb.csv" --n-bootstrap 200 --name aeb | tail -n 1)"

# trafilatura-eval: files are <file>.html.gz, the scorer expects <file>.html.json.
"${monitor[@]}" extract --in-dir "$bench/trafilatura-eval/html" --out-dir "$work/tr" | tail -n 1
for f in "$work"/tr/*.json; do mv "$f" "${f%.json}.html.json"; done
tr_out="$(python3 "$bench/eval_segments.py" --pred "$work/tr" --data "$bench/trafilatura-eval/evaldata.json" --csv "$work/tr.csv" --name tr)"

speed="$("${monitor[@]}" bench extract --in-dir "$bench/article-extraction/html" --rounds "$rounds")"

aeb_f1="$(awk '{print $2}' <<<"$aeb")"
tr_line="$(sed -n 2p <<<"$tr_out")"
tr_f1="$(awk '{print $5}' <<<"$tr_line")"
tr_title="$(awk '{print $7}' <<<"$tr_line")"
tr_date="$(awk '{print $8}' <<<"$tr_line")"
pages_s="$(grep -o '[0-9.]* pages/s' <<<"$speed" | awk '{print $1}')"
peak_mb="$(grep -o 'peak working set: [0-9]*' <<<"$speed" | awk '{print $4}')"

echo
echo "$aeb"
echo "$tr_out"
echo "$speed"
echo
printf '| %-52s | %-9s | %-8s |\n' "figure" "measured" "target"
printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..54})" "$(printf -- '-%.0s' {1..11})" "$(printf -- '-%.0s' {1..10})"
printf '| %-52s | %-9s | %-8s |\n' "article-extraction F1 (85 pages)" "$aeb_f1" ">= 0.965"
printf '| %-52s | %-9s | %-8s |\n' "trafilatura-eval F1 (490 pages)" "$tr_f1" ">= 0.93"
printf '| %-52s | %-9s | %-8s |\n' "trafilatura-eval title exact match" "$tr_title" ">= 0.85"
printf '| %-52s | %-9s | %-8s |\n' "trafilatura-eval date (YYYY-MM-DD)" "$tr_date" ">= 0.85"
printf '| %-52s | %-9s | %-8s |\n' "speed, one thread, article-extraction (pages/s)" "$pages_s" ">= 60"
printf '| %-52s | %-9s | %-8s |\n' "peak working set (MB)" "$peak_mb" "<= 400"
