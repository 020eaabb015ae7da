"""Precision, recall and F1, shared by every evaluation module."""

from __future__ import annotations

import math


def precision_recall_f1(hits: int, n_predicted: int, n_gold: int, *, empty: float = 0.0) -> tuple[float, float, float]:
    """Precision, recall and F1 (fractions, 0 to 1) from counts.

    Parameters
    ----------
    hits : int
        Predictions that match the gold.
    n_predicted, n_gold : int
        Number of predictions and of gold items.
    empty : float
        Precision when nothing was predicted and recall when there is no gold
        (0.0, 1.0 or NaN, by the convention of the table that reports it).

    Returns
    -------
    (precision, recall, f1)
        F1 is 0.0 when precision or recall is NaN or both are 0.
    """
    precision = hits / n_predicted if n_predicted else empty
    recall = hits / n_gold if n_gold else empty
    if math.isnan(precision) or math.isnan(recall) or precision + recall == 0:
        return precision, recall, 0.0
    return precision, recall, 2 * precision * recall / (precision + recall)
