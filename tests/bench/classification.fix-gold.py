#!/usr/bin/env python3
"""Write a copy of classification-dev.jsonl whose Epoch items get back the countries its label mapping dropped.

The shared dev set maps Epoch AI's "Country (of organization)" to codes but loses some names (United States of
America, United Kingdom of Great Britain and Northern Ireland, Belgium, Austria, Ireland, Czechia): e.g. GPT-4
(OpenAI) is labelled with no country. LABELS.md says countries are those whose company or institution the item is
about, so a classifier that answers US for OpenAI is right but is scored as a false positive. This script restores
only the dropped codes from the raw Epoch index, so the report can show both figures. It reads the shared files and
writes to a temporary path; nothing is copied into the repository.
Usage: classification.fix-gold.py DEV.jsonl EPOCH_INDEX.csv OUT.jsonl"""
import csv, json, sys

DROPPED = {
    "United States of America": "US",
    "United Kingdom of Great Britain and Northern Ireland": "GB",
    "Belgium": "BE",
    "Austria": "AT",
    "Ireland": "IE",
    "Czechia": "CZ",
}

def main():
    dev, index, out = sys.argv[1:4]
    countries = {}
    with open(index, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            countries[row["model"]] = [DROPPED[c] for c in row["countries"].split(";") if c in DROPPED]
    fixed = 0
    with open(dev, encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for line in src:
            if not line.strip():
                continue
            item = json.loads(line)
            if item["id"].startswith("epoch-"):
                extra = [c for c in countries.get(item["id"][len("epoch-"):], []) if c not in item["countries"]]
                if extra:
                    item["countries"] = item["countries"] + extra
                    fixed += 1
            dst.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"restored dropped countries on {fixed} Epoch items -> {out}", file=sys.stderr)

if __name__ == "__main__":
    main()
