#!/usr/bin/env python3
"""Training-only items from the raw AGORA export: for each AGORA item of the dev set, its document's *long* summary
(documents.csv), with the item's labels and web address (so cross-validation keeps both versions in one fold).

The dev set's text is AGORA's one-paragraph short summary; the long summary says the same in more words, which teaches
the statistical layer more of the wording behind each tag. These items are never scored.

Usage: classification.extra.py DEV.jsonl AGORA_DOCUMENTS.csv OUT.jsonl"""
import csv, json, sys

dev, documents, out = sys.argv[1:4]
csv.field_size_limit(10**8)
docs = {row["AGORA ID"]: row for row in csv.DictReader(open(documents, encoding="utf-8"))}
n = 0
with open(out, "w", encoding="utf-8") as f:
    for line in open(dev, encoding="utf-8"):
        if not line.strip():
            continue
        item = json.loads(line)
        if not str(item["id"]).startswith("agora-"):
            continue
        doc = docs.get(str(item["id"])[len("agora-"):])
        long_summary = (doc or {}).get("Long summary", "").strip()
        if not long_summary or long_summary == item.get("text", "").strip():
            continue
        extra = {k: item[k] for k in ("lang", "title", "url", "source", "relevant", "topics", "countries", "judged") if k in item}
        # The same fold key as the scored item (ClassificationRecord.FoldKey): its group, else its address, else its id.
        group = (item.get("group") or "").strip() or (item.get("url") or "").strip() or str(item["id"])
        extra.update(id=f"{item['id']}#long", text=long_summary, group=group)
        f.write(json.dumps(extra, ensure_ascii=False) + "\n")
        n += 1
print(f"{n} training-only long summaries -> {out}", file=sys.stderr)
