"""Score a ``quotes`` table against hand annotations: span P/R/F1 and speaker accuracy, by kind."""

from __future__ import annotations

import pandas as pd

from ..paths import annotations_dir
from .scoring import precision_recall_f1

#: Kind groups reported by :func:`evaluate_quotes`, in order.
KIND_GROUPS = {
    "direct": ("direct",),
    "partial": ("partial",),
    "direct+partial": ("direct", "partial"),
    "indirect": ("indirect",),
    "label": ("label",),
    "all": ("direct", "partial", "indirect", "label"),
}
MIN_COVERAGE = 0.5


def normalise_speaker(name) -> str:
    """Speaker names compared case-blind, with white space collapsed (missing -> "")."""
    if not isinstance(name, str):
        return ""
    return " ".join(name.split()).casefold()


def match_spans(predicted: pd.DataFrame, gold: pd.DataFrame, min_coverage: float = MIN_COVERAGE) -> pd.DataFrame:
    """One-to-one matches of predicted to gold spans of the same document.

    A predicted span matches a gold span when it covers at least ``min_coverage``
    of the gold span's characters; each span is used once, best coverage first.

    Returns
    -------
    DataFrame
        ``gold_index``, ``pred_index`` (index labels of the inputs) and
        ``coverage`` (share of the gold span covered, 0-1).
    """
    candidates = []
    for doc_id, g_doc in gold.groupby("doc_id", sort=True):
        p_doc = predicted[predicted["doc_id"] == doc_id]
        for gi, gs, ge in zip(g_doc.index, g_doc["start"], g_doc["end"]):
            length = max(1, ge - gs)
            for pi, ps, pe in zip(p_doc.index, p_doc["start"], p_doc["end"]):
                overlap = min(ge, pe) - max(gs, ps)
                if overlap > 0 and overlap / length >= min_coverage:
                    # prefer the pair that covers more of the gold span, then the tighter prediction
                    candidates.append((overlap / length, -abs((pe - ps) - length), gi, pi))
    candidates.sort(key=lambda c: (-c[0], -c[1], str(c[2]), str(c[3])))
    used_g, used_p, rows = set(), set(), []
    for coverage, _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        rows.append({"gold_index": gi, "pred_index": pi, "coverage": round(coverage, 3)})
    return pd.DataFrame(rows, columns=["gold_index", "pred_index", "coverage"])


def evaluate_quotes(predicted: pd.DataFrame, gold: pd.DataFrame, *, roles=None,
                    min_coverage: float = MIN_COVERAGE) -> pd.DataFrame:
    """Precision, recall and F1 of quote spans and speaker accuracy, per kind group.

    Parameters
    ----------
    predicted : DataFrame
        A ``quotes`` table (``doc_id, start, end, kind, speaker``, and ``role``
        when ``roles`` is given).
    gold : DataFrame
        Hand annotations with the same columns (``data/annotations/quotes.csv``).
    roles : iterable of str, optional
        Keep only spans in blocks of these roles (both sides).
    min_coverage : float
        See :func:`match_spans`.

    Returns
    -------
    DataFrame
        One row per group of :data:`KIND_GROUPS`: ``group``, ``n_gold``,
        ``n_pred``, ``matched``, ``precision``, ``recall``, ``f1`` (0-1, 3
        decimals), ``speaker_correct`` and ``speaker_accuracy`` (share of matched
        pairs whose canonical speakers agree, empty agreeing with empty).
    """
    if roles is not None:
        roles = set(roles)
        predicted = predicted[predicted["role"].isin(roles)]
        gold = gold[gold["role"].isin(roles)]
    rows = []
    for group, kinds in KIND_GROUPS.items():
        p = predicted[predicted["kind"].isin(kinds)]
        g = gold[gold["kind"].isin(kinds)]
        pairs = match_spans(p, g, min_coverage)
        matched = len(pairs)
        precision, recall, f1 = precision_recall_f1(matched, len(p), len(g))
        correct = sum(
            normalise_speaker(g.at[gi, "speaker"]) == normalise_speaker(p.at[pi, "speaker"])
            for gi, pi in zip(pairs["gold_index"], pairs["pred_index"])
        )
        rows.append({
            "group": group, "n_gold": len(g), "n_pred": len(p), "matched": matched,
            "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "speaker_correct": int(correct),
            "speaker_accuracy": round(correct / matched, 3) if matched else 0.0,
        })
    return pd.DataFrame(rows)


def quote_errors(predicted: pd.DataFrame, gold: pd.DataFrame, min_coverage: float = MIN_COVERAGE) -> pd.DataFrame:
    """Every disagreement, for reading: missed gold spans, spurious predictions, wrong kind or speaker.

    Matching ignores kind here so that a kind confusion shows as such.

    Returns
    -------
    DataFrame
        ``doc_id``, ``error`` (``missed``, ``spurious``, ``kind``, ``speaker``),
        ``text`` (gold text, else predicted), ``gold_kind``, ``pred_kind``,
        ``gold_speaker``, ``pred_speaker``; sorted by doc_id and offset.
    """
    pairs = match_spans(predicted, gold, min_coverage)
    rows = []
    matched_g, matched_p = set(pairs["gold_index"]), set(pairs["pred_index"])
    for gi, pi in zip(pairs["gold_index"], pairs["pred_index"]):
        g, p = gold.loc[gi], predicted.loc[pi]
        base = {"doc_id": g["doc_id"], "start": g["start"], "text": g["text"], "gold_kind": g["kind"],
                "pred_kind": p["kind"], "gold_speaker": g["speaker"] if isinstance(g["speaker"], str) else "",
                "pred_speaker": p["speaker"]}
        if g["kind"] != p["kind"]:
            rows.append({**base, "error": "kind"})
        if normalise_speaker(g["speaker"]) != normalise_speaker(p["speaker"]):
            rows.append({**base, "error": "speaker"})
    for gi in gold.index.difference(list(matched_g)):
        g = gold.loc[gi]
        rows.append({"doc_id": g["doc_id"], "start": g["start"], "text": g["text"], "gold_kind": g["kind"],
                     "pred_kind": "", "gold_speaker": g["speaker"] if isinstance(g["speaker"], str) else "",
                     "pred_speaker": "", "error": "missed"})
    for pi in predicted.index.difference(list(matched_p)):
        p = predicted.loc[pi]
        rows.append({"doc_id": p["doc_id"], "start": p["start"], "text": p["text"], "gold_kind": "",
                     "pred_kind": p["kind"], "gold_speaker": "", "pred_speaker": p["speaker"],
                     "error": "spurious"})
    columns = ["doc_id", "error", "text", "gold_kind", "pred_kind", "gold_speaker", "pred_speaker"]
    if not rows:
        return pd.DataFrame(columns=columns)
    out = pd.DataFrame(rows).sort_values(["doc_id", "start", "error"], kind="stable").reset_index(drop=True)
    return out[columns]


def read_gold_quotes(path=None) -> pd.DataFrame:
    """The hand annotations ``data/annotations/quotes.csv`` (speaker as "" when empty)."""
    path = path or annotations_dir() / "quotes.csv"
    gold = pd.read_csv(path, dtype={"doc_id": str}, keep_default_na=False)
    return gold.astype({"start": "int64", "end": "int64"})
