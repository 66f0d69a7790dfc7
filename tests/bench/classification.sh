#!/usr/bin/env bash
# Measures the classifier: per-label P/R/F1 and macro-F1 on the shared dev set and the in-repo multilingual set
# (scored by the shared score_classification.py), hard negatives against the digest threshold, and speed.
#
#   tests/bench/classification.sh            # builds Release if needed, then runs everything
#   MONITOR="dotnet path/to/Monitor.Worker.dll" SHARED=/work/shared tests/bench/classification.sh
#
# Honesty: the shipped model (config/classifier-model.json) is trained on both sets, so section 1 is in-sample and
# optimistic. Section 2 is the figure to quote: 5-fold cross-validation, each item scored by a model that never saw it
# nor any other section of its document (folds are grouped by web address, as AGORA's own split is by document).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHARED="${SHARED:-/work/shared}"
DEV="${DEV:-$SHARED/datasets/classification-dev.jsonl}"
ML="${ML:-$ROOT/tests/Monitor.Tests/TestData/classification/multilingual.jsonl}"
SCORE="$SHARED/datasets/score_classification.py"
AGORA_DOCS="$SHARED/datasets/agora_eto/documents.csv"
DLL="$ROOT/src/Monitor.Worker/bin/Release/net10.0/Monitor.Worker.dll"
MONITOR="${MONITOR:-dotnet $DLL}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

if [[ "$MONITOR" == "dotnet $DLL" && ! -f "$DLL" ]]; then
  dotnet build "$ROOT/src/Monitor.Worker" -c Release -nologo -v q
fi

sets=("dev:$DEV")
[[ -f "$ML" ]] && sets+=("multilingual:$ML")
inputs="$DEV"
[[ -f "$ML" ]] && inputs="$DEV,$ML"
# Training-only items: the long AGORA summaries of the dev items (classification.extra.py); they train, never score.
extra=()
if [[ -f "$AGORA_DOCS" ]]; then
  python3 "$ROOT/tests/bench/classification.extra.py" "$DEV" "$AGORA_DOCS" "$OUT/extra.jsonl"
  extra=(--extra "$OUT/extra.jsonl")
fi

echo "== 1. shipped configuration (rules + shipped model; the model was trained on these items: in-sample)"
for s in "${sets[@]}"; do
  name="${s%%:*}"; file="${s#*:}"
  $MONITOR classify --in "$file" --out "$OUT/$name.jsonl" >/dev/null
  echo "-- $name"
  python3 "$SCORE" --gold "$file" --pred "$OUT/$name.jsonl" | tail -1
done

echo
echo "== 2. 5-fold cross-validation over both sets, folds grouped by document (out-of-fold predictions: the honest figures)"
$MONITOR classify-train --in "$inputs" "${extra[@]}" --cv 5 --out "$OUT/cv.jsonl"
for s in "${sets[@]}"; do
  name="${s%%:*}"; file="${s#*:}"
  echo "-- $name"
  python3 "$SCORE" --gold "$file" --pred "$OUT/cv.jsonl"
done

echo
echo "== 3. hard negatives (gold relevant=false) scoring at or above the digest threshold, cross-validated"
for s in "${sets[@]}"; do
  file="${s#*:}"
  python3 - "$file" "$OUT/cv.jsonl" <<'PY'
import json, sys
gold = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
pred = {json.loads(l)["id"]: json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if l.strip()}
neg = [g for g in gold if g.get("relevant") is False]
if not neg:
    sys.exit(0)
bad = [g for g in neg if pred[g["id"]]["relevant"]]
print(f"{sys.argv[1].split('/')[-1]}: {len(neg)} negatives, max score {max(pred[g['id']]['score'] for g in neg):.3f}, "
      f"{len(bad)} relevant by mistake")
for g in bad:
    p = pred[g["id"]]
    print(f"  {g['id']} score {p['score']:.3f} {g['title'][:70]!r} reasons {p['reasons'][:4]}")
PY
done

echo
echo "== 4. speed (one thread, title + 2 KB text)"
for s in "${sets[@]}"; do
  file="${s#*:}"
  $MONITOR bench classify --in "$file"
done
