"""Score predicted block roles against hand-annotated ones."""

from __future__ import annotations

import pandas as pd

from ..schema import ROLES
from .scoring import precision_recall_f1

KEY = ["doc_id", "start", "end"]


def align_block_roles(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Pair gold and predicted blocks by ``doc_id, start, end``.

    Returns
    -------
    DataFrame
        ``doc_id, block_id, start, end, text, gold, predicted, role_rule``; a gold block
        the segmentation did not produce has ``predicted`` = ``"(missing)"``.
    """
    merged = gold[KEY + ["block_id", "text", "role"]].rename(columns={"role": "gold"}).merge(
        predicted[KEY + ["role", "role_rule"]].rename(columns={"role": "predicted"}), on=KEY, how="left"
    )
    merged["predicted"] = merged["predicted"].fillna("(missing)")
    merged["role_rule"] = merged["role_rule"].fillna("")
    return merged.sort_values(KEY, kind="stable").reset_index(drop=True)


def role_scores(aligned: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall and F1 for each role, and overall accuracy.

    Parameters
    ----------
    aligned : DataFrame
        From :func:`align_block_roles`.

    Returns
    -------
    DataFrame
        One row per role that occurs in gold or prediction, in :data:`ROLES` order,
        then a row ``all`` (accuracy in every column but support): ``role``,
        ``support`` (gold blocks), ``predicted`` (predicted blocks), ``precision``,
        ``recall``, ``f1`` (fractions, 0 to 1).
    """
    rows = []
    present = [r for r in ROLES if r in set(aligned["gold"]) | set(aligned["predicted"])]
    for role in present:
        tp = int(((aligned["gold"] == role) & (aligned["predicted"] == role)).sum())
        n_gold = int((aligned["gold"] == role).sum())
        n_pred = int((aligned["predicted"] == role).sum())
        precision, recall, f1 = precision_recall_f1(tp, n_pred, n_gold, empty=float("nan"))
        rows.append({"role": role, "support": n_gold, "predicted": n_pred,
                     "precision": precision, "recall": recall, "f1": f1})
    accuracy = float((aligned["gold"] == aligned["predicted"]).mean()) if len(aligned) else float("nan")
    rows.append({"role": "all", "support": len(aligned), "predicted": len(aligned),
                 "precision": accuracy, "recall": accuracy, "f1": accuracy})
    return pd.DataFrame(rows).round(3)


def role_confusion(aligned: pd.DataFrame) -> pd.DataFrame:
    """Gold roles (rows) by predicted roles (columns), counts of blocks."""
    return pd.crosstab(aligned["gold"], aligned["predicted"]).sort_index().sort_index(axis=1)
