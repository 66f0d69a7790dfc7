#!/usr/bin/env bash
# Retrains the statistical layer shipped as config/classifier-model.json from the labelled sets, with the rules of
# config/taxonomy.yaml. Run after changing the taxonomy or the labelled data, then run classification.sh.
#
#   tests/bench/classification.train.sh
#   MONITOR="dotnet path/to/Monitor.Worker.dll" SHARED=/work/shared tests/bench/classification.train.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHARED="${SHARED:-/work/shared}"
DEV="${DEV:-$SHARED/datasets/classification-dev.jsonl}"
ML="${ML:-$ROOT/tests/Monitor.Tests/TestData/classification/multilingual.jsonl}"
DLL="$ROOT/src/Monitor.Worker/bin/Release/net10.0/Monitor.Worker.dll"
MONITOR="${MONITOR:-dotnet $DLL}"

if [[ "$MONITOR" == "dotnet $DLL" && ! -f "$DLL" ]]; then
  dotnet build "$ROOT/src/Monitor.Worker" -c Release -nologo -v q
fi

AGORA_DOCS="$SHARED/datasets/agora_eto/documents.csv"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

inputs="$DEV"
[[ -f "$ML" ]] && inputs="$DEV,$ML"
extra=()
if [[ -f "$AGORA_DOCS" ]]; then
  python3 "$ROOT/tests/bench/classification.extra.py" "$DEV" "$AGORA_DOCS" "$OUT/extra.jsonl"
  extra=(--extra "$OUT/extra.jsonl")
fi
$MONITOR classify-train --in "$inputs" "${extra[@]}" --out "$ROOT/config/classifier-model.json"
