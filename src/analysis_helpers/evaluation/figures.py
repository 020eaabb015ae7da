"""Score extracted figures against hand annotations: spans, values, kinds and units.

A predicted figure matches a gold figure of the same article when their spans
overlap; each figure is matched at most once (largest overlap first). Exact
span scores ask for identical offsets.
"""

from __future__ import annotations

import math

import pandas as pd

from ..paths import annotations_dir
from .scoring import precision_recall_f1


def read_gold_figures(path=None) -> pd.DataFrame:
    """The hand-annotated figures (``data/annotations/figures.csv``), doc_id kept as text."""
    path = path or annotations_dir() / "figures.csv"
    gold = pd.read_csv(path, dtype={"doc_id": str, "unit": str, "base": str, "note": str, "bound": str},
                       keep_default_na=False, na_values={"value": [""], "value_low": [""], "value_high": [""]})
    return gold


def same_value(a: float, b: float, rel_tol: float = 1e-3) -> bool:
    """True when two figure values agree to 0.1 % (both NaN counts as agreement)."""
    if a is None or b is None:
        return False
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return math.isclose(float(a), float(b), rel_tol=rel_tol, abs_tol=1e-9)


def match_figures(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Pair predicted and gold figures of the same article whose spans overlap.

    Returns
    -------
    DataFrame
        One row per gold or predicted figure: ``doc_id``, ``gold_index``,
        ``pred_index`` (-1 when unmatched), ``gold_text``, ``pred_text``,
        ``exact_span``, ``same_value``, ``same_kind``, ``same_unit``,
        ``outcome`` (match, missed, spurious). Sorted by doc_id and offset.
    """
    rows = []
    docs = sorted(set(gold["doc_id"]) | set(predicted["doc_id"]))
    for doc in docs:
        g = gold[gold["doc_id"] == doc]
        p = predicted[predicted["doc_id"] == doc]
        pairs = []
        for gi, grow in g.iterrows():
            for pi, prow in p.iterrows():
                overlap = min(grow["end"], prow["end"]) - max(grow["start"], prow["start"])
                if overlap > 0:
                    pairs.append((-overlap, gi, pi))
        used_g, used_p = set(), set()
        for _, gi, pi in sorted(pairs):
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            grow, prow = g.loc[gi], p.loc[pi]
            rows.append({
                "doc_id": doc, "offset": int(grow["start"]), "gold_index": gi, "pred_index": pi,
                "gold_text": grow["text"], "pred_text": prow["text"],
                "exact_span": bool(grow["start"] == prow["start"] and grow["end"] == prow["end"]),
                "same_value": same_value(float(grow["value"]), float(prow["value"])),
                "same_kind": grow["kind"] == prow["kind"],
                "same_unit": str(grow["unit"] or "") == str(prow["unit"] or ""),
                "outcome": "match",
            })
        for gi, grow in g.iterrows():
            if gi not in used_g:
                rows.append({"doc_id": doc, "offset": int(grow["start"]), "gold_index": gi, "pred_index": -1,
                             "gold_text": grow["text"], "pred_text": "", "exact_span": False,
                             "same_value": False, "same_kind": False, "same_unit": False, "outcome": "missed"})
        for pi, prow in p.iterrows():
            if pi not in used_p:
                rows.append({"doc_id": doc, "offset": int(prow["start"]), "gold_index": -1, "pred_index": pi,
                             "gold_text": "", "pred_text": prow["text"], "exact_span": False,
                             "same_value": False, "same_kind": False, "same_unit": False,
                             "outcome": "spurious"})
    columns = ["doc_id", "offset", "gold_index", "pred_index", "gold_text", "pred_text", "exact_span",
               "same_value", "same_kind", "same_unit", "outcome"]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["doc_id", "offset", "outcome"], kind="stable").reset_index(drop=True)


def evaluate_figures(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall and F1 for spans and values; accuracy of kind and unit.

    Parameters
    ----------
    predicted : DataFrame
        The ``figures`` table (or any table with doc_id, start, end, text, kind, value, unit).
    gold : DataFrame
        Hand annotations with the same columns.

    Returns
    -------
    DataFrame
        Columns ``measure`` (span overlap, span exact, value, kind, unit),
        ``precision``, ``recall``, ``f1`` (kind and unit: ``accuracy`` on the
        matched pairs in ``f1``'s place is given as ``accuracy``), ``hits``,
        ``n_pred``, ``n_gold``. Values rounded to 3 decimals.
    """
    matches = match_figures(predicted, gold)
    matched = matches[matches["outcome"] == "match"]
    n_pred, n_gold = len(predicted), len(gold)
    rows = []
    for measure, hits in (("span (overlap)", len(matched)), ("span (exact)", int(matched["exact_span"].sum())),
                          ("value", int(matched["same_value"].sum()))):
        p, r, f = precision_recall_f1(hits, n_pred, n_gold, empty=1.0)
        rows.append({"measure": measure, "precision": p, "recall": r, "f1": f, "accuracy": math.nan,
                     "hits": hits, "n_pred": n_pred, "n_gold": n_gold})
    for measure, column in (("kind", "same_kind"), ("unit", "same_unit")):
        hits = int(matched[column].sum())
        acc = hits / len(matched) if len(matched) else math.nan
        rows.append({"measure": measure, "precision": math.nan, "recall": math.nan, "f1": math.nan,
                     "accuracy": acc, "hits": hits, "n_pred": len(matched), "n_gold": len(matched)})
    return pd.DataFrame(rows).round(3)
