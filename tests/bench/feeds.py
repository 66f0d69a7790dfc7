#!/usr/bin/env python3
"""Feed-parser benchmark against reference outputs (issue 3). Python 3 standard library only.

Runs `parse-feed --in-dir DIR --out-dir OUT` over the development corpus in ../shared/bench/feeds and prints:
  A. rome + miniflux + simplepie vs ../shared/bench/feeds-expected (python feedparser's output):
     share of items whose title, link and published all agree (item count differences count as misses).
  B. gofeed translator {rss,atom,json}: share of expected fields matched
     (feed title/link/published, each item's title/link/guid/published).
  C. feedparser {wellformed/rss,wellformed/atom,wellformed/atom10,wellformed/rdf,encoding,illformed}:
     files that crashed the verb (must be 0), and, for files feedparser reads without error (Expect line
     not asserting bozo), how many yield the same item count as the <item>/<entry> elements in the file.

Usage (from the repository root):
  python3 tests/bench/feeds.py [--shared ../shared] [--cmd "PREFIX"] [-v]
By default the worker is built once (`dotnet build src/Monitor.Worker -c Release`) and the verb runs as
`dotnet src/Monitor.Worker/bin/Release/net10.0/Monitor.Worker.dll parse-feed --in-dir DIR --out-dir OUT`.
--cmd replaces that prefix (the part before `parse-feed`), e.g. --cmd "dotnet run --project src/Monitor.Worker -c Release --".
-v lists every disagreement.
"""
import argparse
import datetime
import html
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile


def run_parse_feed(cmd, in_dir, out_dir):
    args = shlex.split(cmd) + ["parse-feed", "--in-dir", in_dir, "--out-dir", out_dir]
    proc = subprocess.run(args, capture_output=True, text=True)
    if proc.returncode != 0:
        print(f"  parse-feed exited {proc.returncode}: {proc.stdout[-500:]} {proc.stderr[-2000:]}")
    return proc.returncode, proc.stdout.strip().splitlines()[-1:] if proc.stdout else []


def load(path):
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return None


TAG = re.compile(r"<[A-Za-z/!?][^>]*>")


def norm_text(s):
    return " ".join(s.split()) if isinstance(s, str) and s.strip() else None


def plain_text(s):
    """Titles are compared as plain text: Monitor strips HTML from titles on purpose, feedparser keeps it."""
    if not isinstance(s, str):
        return None
    return norm_text(html.unescape(TAG.sub("", s)))


def norm_date(s):
    if not s:
        return None
    s = s.strip().replace("Z", "+00:00")
    try:
        d = datetime.datetime.fromisoformat(s)
    except ValueError:
        return s
    if d.tzinfo is None:
        d = d.replace(tzinfo=datetime.timezone.utc)
    return d.astimezone(datetime.timezone.utc).replace(microsecond=0)


def part_a(shared, cmd, verbose, tmp):
    corpus = os.path.join(shared, "bench", "feeds")
    expected_root = os.path.join(shared, "bench", "feeds-expected")
    total = agree = 0
    missing_outputs = 0
    lines = []
    for folder in ("rome", "miniflux", "simplepie"):
        out = os.path.join(tmp, "a", folder)
        run_parse_feed(cmd, os.path.join(corpus, folder), out)
        for d, _, files in os.walk(os.path.join(corpus, folder)):
            for f in files:
                if f.startswith("LICENSE"):
                    continue
                rel = os.path.relpath(os.path.join(d, f), os.path.join(corpus, folder))
                if load(os.path.join(out, rel + ".json")) is None:
                    missing_outputs += 1
        for d, _, files in os.walk(os.path.join(expected_root, folder)):
            for f in sorted(files):
                if not f.endswith(".expected.json"):
                    continue
                rel = os.path.relpath(os.path.join(d, f), os.path.join(expected_root, folder))[: -len(".expected.json")]
                exp = load(os.path.join(d, f))
                got = load(os.path.join(out, rel + ".json")) or {}
                e_items, g_items = exp.get("items") or [], got.get("items") or []
                n = max(len(e_items), len(g_items))
                total += n
                for i in range(n):
                    e = e_items[i] if i < len(e_items) else None
                    g = g_items[i] if i < len(g_items) else None
                    diffs = []
                    if e is None or g is None:
                        diffs.append("missing item" if g is None else "extra item")
                    else:
                        if plain_text(e.get("title")) != norm_text(g.get("title")):
                            diffs.append(f"title {e.get('title')!r} != {g.get('title')!r}")
                        if (e.get("link") or None) != (g.get("link") or None):
                            diffs.append(f"link {e.get('link')!r} != {g.get('link')!r}")
                        if norm_date(e.get("published")) != norm_date(g.get("published")):
                            diffs.append(f"published {e.get('published')!r} != {g.get('published')!r}")
                    if diffs:
                        lines.append(f"  {folder}/{rel} item {i}: " + "; ".join(diffs))
                    else:
                        agree += 1
    print(f"A. rome+miniflux+simplepie vs feeds-expected: {agree}/{total} items agree = {100.0 * agree / max(total, 1):.1f}%"
          f" (target >= 98%); files without output: {missing_outputs}")
    if verbose:
        print("\n".join(lines))
    return agree, total


def part_b(shared, cmd, verbose, tmp):
    base = os.path.join(shared, "bench", "feeds", "gofeed", "translator")
    inputs = os.path.join(tmp, "b-in")
    pairs = []
    for fmt in ("rss", "atom", "json"):
        os.makedirs(os.path.join(inputs, fmt), exist_ok=True)
        for f in sorted(os.listdir(os.path.join(base, fmt))):
            src = os.path.join(base, fmt, f)
            if fmt == "json":
                if f.endswith("_expected.json"):
                    continue
                exp = os.path.join(base, fmt, f[: -len(".json")] + "_expected.json")
            else:
                if not f.endswith(".xml"):
                    continue
                exp = os.path.join(base, fmt, f[: -len(".xml")] + ".json")
            if not os.path.exists(exp):
                continue
            os.symlink(os.path.abspath(src), os.path.join(inputs, fmt, f))
            pairs.append((fmt, f, exp))
    out = os.path.join(tmp, "b-out")
    run_parse_feed(cmd, inputs, out)
    total = matched = 0
    lines = []

    def check(label, expected, got, kind):
        nonlocal total, matched
        if expected in (None, "", []):
            return
        total += 1
        ok = norm_date(expected) == norm_date(got) if kind == "date" else norm_text(expected) == norm_text(got)
        if ok:
            matched += 1
        else:
            lines.append(f"  {label}: expected {expected!r} got {got!r}")

    for fmt, f, exp_path in pairs:
        exp = load(exp_path) or {}
        got = load(os.path.join(out, fmt, f + ".json")) or {}
        label = f"{fmt}/{f}"
        check(label + " title", exp.get("title"), got.get("title"), "text")
        check(label + " link", exp.get("link"), got.get("link"), "text")
        check(label + " published", exp.get("publishedParsed"), got.get("published"), "date")
        g_items = got.get("items") or []
        for i, e in enumerate(exp.get("items") or []):
            g = g_items[i] if i < len(g_items) else {}
            check(f"{label} item{i}.title", e.get("title"), g.get("title"), "text")
            check(f"{label} item{i}.link", e.get("link"), g.get("link"), "text")
            check(f"{label} item{i}.guid", e.get("guid"), g.get("id"), "text")
            check(f"{label} item{i}.published", e.get("publishedParsed"), g.get("published"), "date")
    print(f"B. gofeed translator rss/atom/json: {matched}/{total} fields = {100.0 * matched / max(total, 1):.1f}% (target >= 97%)")
    if verbose:
        print("\n".join(lines))
    return matched, total


COMMENT = re.compile(rb"<!--(.*?)-->", re.S)
ITEM = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s>/]")


def part_c(shared, cmd, verbose, tmp):
    base = os.path.join(shared, "bench", "feeds", "feedparser")
    dirs = ["wellformed/rss", "wellformed/atom", "wellformed/atom10", "wellformed/rdf", "encoding", "illformed"]
    print("C. feedparser corpus (reference = feedparser; count = <item>/<entry> elements in files it reads without error)")
    all_ok = True
    for sub in dirs:
        src = os.path.join(base, sub)
        if not os.path.isdir(src):
            print(f"  {sub}: folder not present")
            continue
        out = os.path.join(tmp, "c", sub)
        code, _ = run_parse_feed(cmd, src, out)
        files = crashed = considered = same = not_read = 0
        for d, _, names in os.walk(src):
            for f in sorted(names):
                if not f.endswith(".xml"):
                    continue
                files += 1
                path = os.path.join(d, f)
                rel = os.path.relpath(path, src)
                got = load(os.path.join(out, rel + ".json"))
                if got is None:
                    crashed += 1
                    continue
                with open(path, "rb") as fh:
                    data = fh.read()
                m = COMMENT.search(data)
                expect = re.search(rb"Expect:\s*(.*)", m.group(1)).group(1).decode("utf-8", "replace") if m and b"Expect:" in m.group(1) else ""
                if re.match(r"\s*bozo\b", expect):
                    continue
                considered += 1
                body = COMMENT.sub(b"", data)
                want = len(ITEM.findall(body))
                if got.get("error"):
                    not_read += 1
                    if verbose:
                        print(f"  {sub}/{rel}: not read: {got['error']}")
                    continue
                have = len(got.get("items") or [])
                if have == want:
                    same += 1
                elif verbose:
                    print(f"  {sub}/{rel}: items {have} != {want}")
        all_ok &= crashed == 0 and code == 0
        print(f"  {sub:<20} files {files:>4}  crashed/no output {crashed:>3}  read-by-reference {considered:>4}"
              f"  same item count {same:>4} ({100.0 * same / max(considered, 1):5.1f}%)  not read by us {not_read}")
    return all_ok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join("..", "shared"))
    ap.add_argument("--cmd", default=None)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if args.cmd is None:
        build = subprocess.run(["dotnet", "build", "src/Monitor.Worker", "-c", "Release", "-nologo", "-v", "q"], capture_output=True, text=True)
        if build.returncode != 0:
            print(build.stdout[-3000:], build.stderr[-3000:])
            return 1
        args.cmd = "dotnet " + os.path.join("src", "Monitor.Worker", "bin", "Release", "net10.0", "Monitor.Worker.dll")
    with tempfile.TemporaryDirectory() as tmp:
        part_a(args.shared, args.cmd, args.verbose, tmp)
        part_b(args.shared, args.cmd, args.verbose, tmp)
        part_c(args.shared, args.cmd, args.verbose, tmp)


if __name__ == "__main__":
    sys.exit(main())
