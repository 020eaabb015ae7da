"""Check that every .txt file's non-blank lines match blocks_gold.csv one to one."""
import csv, glob, os, sys
from collections import Counter, defaultdict
here = os.path.dirname(os.path.abspath(__file__))
ROLES = {'headline','standfirst','byline','body','caption','related','boilerplate','tags','duplicate','stray'}
gold = defaultdict(list)
with open(os.path.join(here, 'blocks_gold.csv'), encoding='utf-8', newline='') as f:
    for r in csv.DictReader(f):
        gold[r['file']].append(r)
ok = True
files = sorted(os.path.basename(p) for p in glob.glob(os.path.join(here, '*.txt')))
if set(files) != set(gold):
    ok = False; print('file set mismatch', set(files) ^ set(gold))
for fn in files:
    with open(os.path.join(here, fn), encoding='utf-8') as f:
        lines = [l.strip() for l in f.read().splitlines() if l.strip()]
    rows = gold[fn]
    if len(lines) != len(rows):
        ok = False; print(fn, 'count', len(lines), '!=', len(rows))
    for i, (line, r) in enumerate(zip(lines, rows)):
        if int(r['block_id']) != i or r['text'] != line or r['role'] not in ROLES:
            ok = False; print(fn, i, repr(line[:60]), r)
    body = [r['text'] for r in rows if r['role'] == 'body']
    print(f"{fn}: {len(lines)} blocks, {len(body)} body lines, {sum(len(t.split()) for t in body)} body words, roles={dict(Counter(r['role'] for r in rows))}")
print('per role:', dict(Counter(r['role'] for rs in gold.values() for r in rs)))
print('OK' if ok else 'MISMATCH')
sys.exit(0 if ok else 1)
