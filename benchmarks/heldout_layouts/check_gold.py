"""Check that blocks_gold.csv matches the .txt files one to one.

For every .txt file in this folder: the non-blank lines (stripped) must equal the
gold rows for that file, in order, with block_id = 0, 1, 2, ...
Also prints role counts and body word/paragraph counts per file.
"""
import csv
import glob
import os
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROLES = {"headline", "standfirst", "byline", "body", "caption", "related",
         "boilerplate", "tags", "duplicate", "stray"}

gold = defaultdict(list)
with open(os.path.join(HERE, "blocks_gold.csv"), encoding="utf-8", newline="") as fh:
    reader = csv.DictReader(fh)
    assert reader.fieldnames == ["file", "block_id", "role", "text"], reader.fieldnames
    for r in reader:
        gold[r["file"]].append(r)

errors = []
txts = sorted(os.path.basename(p) for p in glob.glob(os.path.join(HERE, "*.txt")))
if set(txts) != set(gold):
    errors.append(f"file sets differ: txt={txts} gold={sorted(gold)}")

total = Counter()
for fn in txts:
    with open(os.path.join(HERE, fn), encoding="utf-8") as fh:
        lines = [ln.strip() for ln in fh.read().splitlines()]
    lines = [ln for ln in lines if ln]
    rows = gold.get(fn, [])
    if len(lines) != len(rows):
        errors.append(f"{fn}: {len(lines)} non-blank lines vs {len(rows)} gold rows")
    for i, (ln, r) in enumerate(zip(lines, rows)):
        if int(r["block_id"]) != i:
            errors.append(f"{fn}: row {i} has block_id {r['block_id']}")
        if r["text"] != ln:
            errors.append(f"{fn}: block {i} text mismatch:\n  txt : {ln!r}\n  gold: {r['text']!r}")
        if r["role"] not in ROLES:
            errors.append(f"{fn}: block {i} unknown role {r['role']!r}")
    c = Counter(r["role"] for r in rows)
    total.update(c)
    body = [r["text"] for r in rows if r["role"] == "body"]
    words = sum(len(t.split()) for t in body)
    print(f"{fn}: {len(rows)} blocks, {len(body)} body paragraphs, {words} body words; {dict(sorted(c.items()))}")

print("TOTAL", sum(total.values()), dict(sorted(total.items())))
if errors:
    print("\n".join(errors))
    sys.exit(1)
print("OK: every file's non-blank lines match the gold rows one to one")
