"""TempEval-3 measures for temporal expressions: span F1 (strict, relaxed), value accuracy, value F1.

Gold and system tables need doc_id, start, end and value (TIMEX3). A system
expression matches a gold one relaxed when their spans overlap and strict when
the spans are identical; each expression matches at most once (largest overlap
first). Value accuracy is the share of relaxed matches whose values are equal;
value F1 counts as correct only relaxed matches with the right value
(precision over all system expressions, recall over all gold ones), as in
TempEval-3 (UzZaman et al., 2013).
"""

from __future__ import annotations

import pandas as pd

from .scoring import precision_recall_f1

MATCH_COLUMNS = ["doc_id", "gold_start", "gold_end", "gold_text", "gold_value",
                 "system_start", "system_end", "system_text", "system_value", "outcome"]


def align_timexes(gold: pd.DataFrame, system: pd.DataFrame) -> pd.DataFrame:
    """Pair gold and system expressions by span overlap.

    Returns
    -------
    DataFrame with doc_id, gold_* and system_* columns (start, end, text,
    value; empty when unpaired) and outcome: "exact" (same span), "overlap",
    "missed" (gold only) or "spurious" (system only). Sorted by doc_id and offset.
    """
    rows = []
    docs = sorted(set(gold["doc_id"]).union(system["doc_id"]), key=str)
    for doc in docs:
        g = gold[gold["doc_id"] == doc].reset_index(drop=True)
        s = system[system["doc_id"] == doc].reset_index(drop=True)
        pairs = []
        for i, (gs, ge) in enumerate(zip(g["start"], g["end"])):
            for j, (ss, se) in enumerate(zip(s["start"], s["end"])):
                overlap = min(ge, se) - max(gs, ss)
                if overlap > 0:
                    pairs.append((-overlap, i, j))
        pairs.sort()
        used_g, used_s, matched = set(), set(), []
        for _, i, j in pairs:
            if i in used_g or j in used_s:
                continue
            used_g.add(i)
            used_s.add(j)
            matched.append((i, j))
        for i, j in matched:
            exact = g["start"][i] == s["start"][j] and g["end"][i] == s["end"][j]
            rows.append(_row(doc, g.iloc[i], s.iloc[j], "exact" if exact else "overlap"))
        rows += [_row(doc, g.iloc[i], None, "missed") for i in range(len(g)) if i not in used_g]
        rows += [_row(doc, None, s.iloc[j], "spurious") for j in range(len(s)) if j not in used_s]
    table = pd.DataFrame(rows, columns=MATCH_COLUMNS)
    key = table["gold_start"].where(table["gold_start"].notna(), table["system_start"])
    return (table.assign(_key=key).sort_values(["doc_id", "_key"], kind="stable")
            .drop(columns="_key").reset_index(drop=True))


def _row(doc, g, s, outcome) -> dict:
    return {"doc_id": doc,
            "gold_start": None if g is None else int(g["start"]),
            "gold_end": None if g is None else int(g["end"]),
            "gold_text": "" if g is None else str(g.get("text", "")),
            "gold_value": "" if g is None else str(g["value"]),
            "system_start": None if s is None else int(s["start"]),
            "system_end": None if s is None else int(s["end"]),
            "system_text": "" if s is None else str(s.get("text", "")),
            "system_value": "" if s is None else str(s["value"]),
            "outcome": outcome}


def evaluate_timexes(gold: pd.DataFrame, system: pd.DataFrame) -> pd.DataFrame:
    """TempEval-3 scores of ``system`` against ``gold``.

    Returns
    -------
    DataFrame indexed by measure (strict span, relaxed span, value) with
    precision, recall, f1, and a row "value accuracy" (f1 column holds the
    accuracy over relaxed matches); plus n_gold and n_system.
    """
    aligned = align_timexes(gold, system)
    n_gold, n_system = len(gold), len(system)
    exact = int((aligned["outcome"] == "exact").sum())
    relaxed = int(aligned["outcome"].isin(["exact", "overlap"]).sum())
    matched = aligned[aligned["outcome"].isin(["exact", "overlap"])]
    right_value = int((matched["gold_value"] == matched["system_value"]).sum())
    rows = {
        "strict span": precision_recall_f1(exact, n_system, n_gold),
        "relaxed span": precision_recall_f1(relaxed, n_system, n_gold),
        "value": precision_recall_f1(right_value, n_system, n_gold),
    }
    table = pd.DataFrame(rows, index=["precision", "recall", "f1"]).T
    accuracy = right_value / relaxed if relaxed else 0.0
    table.loc["value accuracy"] = [float("nan"), float("nan"), accuracy]
    table["n_gold"] = n_gold
    table["n_system"] = n_system
    table.index.name = "measure"
    return table.round(3)
