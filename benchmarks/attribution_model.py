"""Would a logistic regression deciding among the attribution candidates beat the hand-set weights?

Run from the project root (scikit-learn is a dependency already):

    PYTHONPATH=src python benchmarks/attribution_model.py [--pages-dir DIR ...] [--held-out-dir DIR]

Writes ``benchmarks/results/attribution_model.md``. The candidates and their features are the
extractor's own (:func:`analysis_helpers.quotes.candidates.quote_candidates`, features of
:func:`analysis_helpers.quotes.decision.features_of`: rule, mention kind, plain speech cue, distance);
they are observed while ``extract_quotes`` runs, never changed. A candidate is right when its speaker
equals a gold speaker (``evaluation.quotes.normalise_speaker``). Training quotes: the quotes in marks
the extractor finds in the Wikinews development half (never the test half) plus each ``--pages-dir``
(a folder with ``txt/NAME.txt`` and ``gold.py`` defining ``GOLD = {NAME: [(kind, anchor, speakers)]}``
as the development page sets of issue 9). Grouped 5-fold cross-validation by article compares, on the
same quotes, the accuracy of the hand weights (``data/attribution_weights.csv``) with a logistic
regression choosing the candidate of highest probability; then the model trained on all of them is
tested on ``--held-out-dir``. The weights stay hand-set unless the model wins on both.
"""

import argparse, importlib.util, json
from pathlib import Path
import numpy as np, pandas as pd
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from analysis_helpers import open_corpus
from analysis_helpers.quotes import extract, candidates as C
from analysis_helpers.quotes.decision import decide, default_weights
from analysis_helpers.evaluation.quotes import normalise_speaker, read_meantime_gold_quotes, meantime_articles, meantime_folder

# the candidates are observed while extract_quotes runs (the two functions are wrapped, not changed)
captured = {}
_doc = [None]
orig_q, orig_a = C.quote_candidates, extract.article_quotes
def q_wrap(speakers, start, end, span, **kw):
    out = orig_q(speakers, start, end, span, **kw)
    if isinstance(out, list):
        captured[(_doc[0], start, end)] = out
    return out
def a_wrap(doc_id, *a, **kw):
    _doc[0] = doc_id
    return orig_a(doc_id, *a, **kw)
extract.quote_candidates = q_wrap
extract.article_quotes = a_wrap

def run(arts):
    captured.clear()
    extract.extract_quotes(open_corpus(arts))
    return dict(captured)

items = []  # (set, doc, candidates, gold alternatives)
# MEANTIME dev
gold = read_meantime_gold_quotes()
arts = meantime_articles(meantime_folder(), "dev")
arts = arts[arts.doc_id.isin(set(gold.attrs["complete"]))].reset_index(drop=True)
cap = run(arts)
g = gold[gold.doc_id.isin(set(arts.doc_id)) & gold.kind.isin(["direct", "partial"]) & (gold.speaker.fillna("") != "")]
by_doc = {}
for (d, s, e), c in cap.items():
    by_doc.setdefault(d, []).append((s, e, c))
for r in g.itertuples():
    best = None
    for s, e, c in by_doc.get(r.doc_id, []):
        ov = min(e, r.end) - max(s, r.start)
        if ov >= 0.5 * (r.end - r.start):
            best = c; break
    if best is not None:
        items.append(("dev", r.doc_id, best, {normalise_speaker(r.speaker)}))
# page sets
parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--pages-dir", action="append", default=[])
parser.add_argument("--held-out-dir", default=None)
parser.add_argument("--out", default=str(Path(__file__).parent / "results" / "attribution_model.md"))
args = parser.parse_args()
page_sets = [(Path(d).name, Path(d)) for d in args.pages_dir] + ([("held-out", Path(args.held_out_dir))] if args.held_out_dir else [])
for name, folder in page_sets:
    spec = importlib.util.spec_from_file_location("g_" + name, folder / "gold.py")
    mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
    names = sorted(mod.GOLD)
    texts = [open(folder / "txt" / f"{n}.txt", encoding="utf-8").read() for n in names]
    cap = run(pd.DataFrame({"doc_id": names, "text": texts}))
    by_doc = {}
    for (d, s, e), c in cap.items():
        by_doc.setdefault(d, []).append((s, e, c))
    for n, t in zip(names, texts):
        for kind, anchor, spk in mod.GOLD[n]:
            if kind != "q":
                continue
            pos = t.index(anchor)
            hit = [c for s, e, c in by_doc.get(n, []) if s <= pos < e]
            if hit:
                items.append((name, f"{name}/{n}", hit[0], {normalise_speaker(a) for a in spk.split("|")}))

W = default_weights()
def rule_ok(cands, alts):
    a = decide(cands, W)
    return bool(a) and normalise_speaker(a.speaker) in alts
rows, groups, labels, owner = [], [], [], []
for k, (st, doc, cands, alts) in enumerate(items):
    for c in cands:
        if not c.attribution.speaker:
            continue
        rows.append(c.features); groups.append(doc); owner.append(k)
        labels.append(int(normalise_speaker(c.attribution.speaker) in alts))
vec = DictVectorizer(sparse=False)
X = vec.fit_transform(rows); y = np.array(labels); owner = np.array(owner); groups = np.array(groups)
sets = np.array([items[k][0] for k in owner])

def lr_choice(model, idx_items, Xs, owners):
    p = model.predict_proba(Xs)[:, 1]
    ok = {}
    for k in idx_items:
        sel = np.where(owners == k)[0]
        if len(sel) == 0:
            ok[k] = False; continue
        best = sel[np.argmax(p[sel])]
        ok[k] = bool(y[best])
    return ok

train_mask = sets != "held-out"
Xt, yt, gt, ot = X[train_mask], y[train_mask], groups[train_mask], owner[train_mask]
train_items = [k for k, it in enumerate(items) if it[0] != "held-out"]
cv_ok = {}
for tr, te in GroupKFold(n_splits=5).split(Xt, yt, gt):
    m = LogisticRegression(C=1.0, max_iter=2000).fit(Xt[tr], yt[tr])
    te_items = sorted(set(ot[te]))
    cv_ok.update(lr_choice(m, te_items, Xt[te], ot[te]))
out = {}
for st in ["dev"] + [n for n, _ in page_sets if n != "held-out"]:
    ks = [k for k in train_items if items[k][0] == st]
    out[st] = {"quotes": len(ks), "rules": round(np.mean([rule_ok(items[k][2], items[k][3]) for k in ks]), 3),
               "logistic regression (grouped 5-fold CV)": round(np.mean([cv_ok.get(k, False) for k in ks]), 3),
               "any candidate right (ceiling)": round(np.mean([any(normalise_speaker(c.attribution.speaker) in items[k][3] for c in items[k][2] if c.attribution.speaker) for k in ks]), 3)}
m = LogisticRegression(C=1.0, max_iter=2000).fit(Xt, yt)
ks = [k for k, it in enumerate(items) if it[0] == "held-out"]
sel = sets == "held-out"
ok4 = lr_choice(m, ks, X[sel], owner[sel])
out["held-out"] = {"quotes": len(ks), "rules": round(np.mean([rule_ok(items[k][2], items[k][3]) for k in ks]), 3),
               "logistic regression (trained on dev+dev2+dev3)": round(np.mean([ok4[k] for k in ks]), 3),
               "any candidate right (ceiling)": round(np.mean([any(normalise_speaker(c.attribution.speaker) in items[k][3] for c in items[k][2] if c.attribution.speaker) for k in ks]), 3)}
w = sorted(zip(vec.feature_names_, m.coef_[0]), key=lambda t: -abs(t[1]))
lines = ["# Attribution: hand-set weights against a logistic regression", "",
         "Command: `PYTHONPATH=src python benchmarks/attribution_model.py " + " ".join(
             f"--pages-dir {d}" for d in args.pages_dir) + (f" --held-out-dir {args.held_out_dir}" if args.held_out_dir else "") + "`", "",
         "Share of the quotes in marks (found by the extractor, gold speaker known) whose chosen speaker is right.",
         "'ceiling': a right speaker is among the candidates at all.", "",
         "| set | quotes | hand weights | logistic regression | ceiling |", "|---|---|---|---|---|"]
for st, v in out.items():
    lr = next(x for k, x in v.items() if k.startswith("logistic"))
    lines.append(f"| {st} | {v['quotes']} | {v['rules']} | {lr} | {v['any candidate right (ceiling)']} |")
lines += ["", "Development sets: grouped 5-fold cross-validation by article; held-out: trained on all development sets.", "",
          "## Weights of the model trained on all development sets (hand weight beside)", "",
          f"Intercept {m.intercept_[0]:+.2f}.", "", "| feature | model | hand |", "|---|---|---|"]
lines += [f"| {f} | {c:+.2f} | {W.get(f, 0.0):+.1f} |" for f, c in w]
Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
print("\n".join(lines[:12 + len(out)]))
