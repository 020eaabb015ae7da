"""Write data/annotations/figures.csv from hand-chosen (context, span) pairs: offsets computed and checked.

The figures were chosen by reading the five seed texts (guidelines: data/annotations/figures.md); this script
only turns each chosen string into offsets, so the gold never comes from the extractor.

    PYTHONPATH=src python benchmarks/figures_gold_offsets.py
"""
sys.path.insert(0, "/tmp")
from gold_spec import GOLD
import pandas as pd
from analysis_helpers import open_corpus, attach_block
c = open_corpus()
rows = []
for doc, kind, speaker, text, anchor in GOLD:
    t = c.text_of(doc)
    a = t.find(anchor) if anchor else 0
    assert a >= 0, (doc, anchor)
    s = t.find(text, a)
    assert s >= 0, (doc, text[:40])
    rows.append({"doc_id": doc, "start": s, "end": s + len(text), "text": text, "kind": kind, "speaker": speaker,
                 "unclosed": kind == "direct" and text.startswith("It’s")})
g = pd.DataFrame(rows)
g = attach_block(g, c.blocks)
for r in g.itertuples():
    assert c.text_of(r.doc_id)[r.start:r.end] == r.text
g = g.sort_values(["doc_id", "start", "end"]).reset_index(drop=True)
assert not g.duplicated(["doc_id", "start", "end"]).any()
g = g[["doc_id", "start", "end", "text", "kind", "speaker", "unclosed", "block_id", "role"]]
g.to_csv("data/annotations/quotes.csv", index=False, lineterminator="\n")
print(g.kind.value_counts(), g.role.value_counts(), len(g))
