"""The shared precision/recall/F1 helper and its empty-set conventions."""

import math

from analysis_helpers.evaluation.scoring import precision_recall_f1


def test_ordinary_counts():
    assert precision_recall_f1(3, 4, 6) == (0.75, 0.5, 0.6)


def test_empty_conventions():
    assert precision_recall_f1(0, 0, 0) == (0.0, 0.0, 0.0)
    assert precision_recall_f1(0, 0, 0, empty=1.0) == (1.0, 1.0, 1.0)
    precision, recall, f1 = precision_recall_f1(0, 0, 5, empty=float("nan"))
    assert math.isnan(precision) and recall == 0.0 and f1 == 0.0
