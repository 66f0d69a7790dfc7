#!/usr/bin/env python3
"""Rewrites the generated tables of MULTILINGUAL.md (items per language, topics, countries) from multilingual.jsonl,
so the document never drifts from the data. Run after merging a batch:
    python3 tests/bench/multilingual.counts.py
The hand-written parts (hard-negative families, labelling decisions) are left as they are."""
import collections
import json
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent.parent / "Monitor.Tests" / "TestData" / "classification"
DATA, DOC = HERE / "multilingual.jsonl", HERE / "MULTILINGUAL.md"
LANGS = [("en", "English"), ("ja", "Japanese"), ("ko", "Korean"), ("zh", "Chinese (simplified and traditional)"),
         ("fr", "French"), ("de", "German"), ("es", "Spanish"), ("ar", "Arabic"), ("hi", "Hindi"), ("it", "Italian"),
         ("pt", "Portuguese"), ("ru", "Russian")]
TOPICS = ["model", "strategy", "regulation", "investment", "infrastructure", "data-talent", "safety", "defense"]

items = [json.loads(line) for line in DATA.open(encoding="utf-8") if line.strip()]
relevant = [i for i in items if i["relevant"]]

rows = ["| lang | language | items | relevant | negatives |", "|---|---|---:|---:|---:|"]
for code, name in LANGS:
    of = [i for i in items if i["lang"] == code]
    rel = sum(1 for i in of if i["relevant"])
    rows.append(f"| `{code}` | {name} | {len(of)} | {rel} | {len(of) - rel} |")
rows.append(f"| | **total** | **{len(items)}** | **{len(relevant)}** | **{len(items) - len(relevant)}** |")
rows += ["", "| topic | relevant items carrying it |", "|---|---:|"]
rows += [f"| `{t}` | {sum(1 for i in relevant if t in i['topics'])} |" for t in TOPICS]
per = collections.Counter(len(i["topics"]) for i in relevant)
rows += ["", "Topics per relevant item: " + ", ".join(f"{n} topic(s): {per[n]}" for n in sorted(per)) + "."]
countries = collections.Counter(c for i in relevant for c in i.get("countries", []))
rows += ["", "| country code | relevant items about it |", "|---|---:|"]
rows += [f"| `{c}` | {n} |" for c, n in sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))]

doc = DOC.read_text(encoding="utf-8")
start = doc.index("| lang | language | items |")
end = doc.index("\n\nHard-negative families")
doc = doc[:start] + "\n".join(rows) + doc[end:]
by_lang = collections.Counter(i["lang"] for i in items)
big = [n for c, n in by_lang.items() if c not in ("hi", "it", "pt", "ru")]
doc = re.sub(r"A development set of \*\*\d+ real announcements in 12 languages\*\* \(\d+ relevant, \d+ negatives\)",
             f"A development set of **{len(items)} real announcements in 12 languages** ({len(relevant)} relevant, "
             f"{len(items) - len(relevant)} negatives)", doc)
doc = re.sub(r"The eight required languages each have at least \d+ items, Hindi \d+, Italian \d+, Portuguese \d+,\nRussian \d+",
             f"The eight required languages each have at least {min(big)} items, Hindi {by_lang['hi']}, Italian "
             f"{by_lang['it']}, Portuguese {by_lang['pt']},\nRussian {by_lang['ru']}", doc)
doc = re.sub(r"span all eight topics and \d+ country codes", f"span all eight topics and {len(countries)} country codes", doc)
DOC.write_text(doc, encoding="utf-8")
print(f"{DOC.name}: {len(items)} items, {len(relevant)} relevant, {len(countries)} country codes")
