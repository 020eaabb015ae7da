"""Comparing outlets: outlet names, folding, shared-passage lineage and date disagreements (invented data)."""

import pandas as pd

from analysis_helpers.comparison.dates import date_disagreements, reference_applies
from analysis_helpers.comparison.lineage import lineage_edges, publication_times, shared_passages
from analysis_helpers.comparison.outlets import comparison_units, outlet_names, top_with_other


def articles(outlets, published):
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(outlets))], "outlet": outlets, "published": published})


def test_outlet_names_drop_the_parenthesis_and_fall_back_to_doc_id():
    names = outlet_names(articles(["Daily (US edition)", "", "Daily"], ["", "", ""]))
    assert names.by_doc.tolist() == ["Daily", "d1", "Daily"]
    assert not names.from_manifest and "1 of 3" in names.note


def test_comparison_falls_back_to_articles_for_one_outlet():
    units, note = comparison_units(articles(["Wire", "Wire"], ["", ""]))
    assert units.tolist() == ["d0", "d1"] and "one outlet" in note


def test_top_with_other_folds_the_smallest_rows():
    table = pd.DataFrame({"n": [5, 1, 3, 2]}, index=["a", "b", "c", "d"])
    folded = top_with_other(table, 2)
    assert folded.index.tolist() == ["a", "c", "other (2)"] and folded["n"].tolist() == [5, 3, 3]
    assert top_with_other(table, 3).index.tolist() == ["a", "c", "d", "b"]


def _pairs(a, b, similarity=0.6):
    return pd.DataFrame({"doc_id_a": [a], "doc_id_b": [b], "start_a": [0], "end_a": [40], "start_b": [0],
                         "end_b": [40], "similarity": [similarity], "same_article": [False],
                         "text_a": ["x"], "text_b": ["y"]})


def test_lineage_orients_by_time_and_leaves_ties_and_unknowns_unoriented():
    table = articles(["A", "B", "C", "D"], ["2025-02-13T15:00", "2025-02-13T09:00", "2025-02-13", ""])
    units = outlet_names(table).by_doc
    times = publication_times(table)
    oriented = shared_passages(_pairs("d0", "d1"), units, times)
    assert oriented[["source_doc", "copy_doc", "oriented"]].iloc[0].tolist() == ["d1", "d0", True]
    edges = lineage_edges(oriented, units)
    assert edges[["source", "copy", "n_passages", "oriented"]].iloc[0].tolist() == ["B", "A", 1, True]
    unknown = shared_passages(_pairs("d2", "d3"), units, times)
    assert not unknown["oriented"].iloc[0] and unknown["source_doc"].iloc[0] == ""


def test_dates_that_do_not_overlap_in_a_retold_passage_disagree():
    timexes = pd.DataFrame({"doc_id": ["d0", "d1"], "start": [5, 5], "end": [15, 15], "text": ["on Monday", "on Tuesday"],
                            "granularity": ["day", "day"], "first_day": ["2025-02-10", "2025-02-11"]})
    units = pd.Series({"d0": "A", "d1": "B"})
    found = date_disagreements(_pairs("d0", "d1"), timexes, units)
    assert found[["unit_a", "days_a", "unit_b", "days_b"]].iloc[0].tolist() == ["A", "2025-02-10", "B", "2025-02-11"]
    same = timexes.assign(first_day="2025-02-10")
    assert date_disagreements(_pairs("d0", "d1"), same, units).empty


def test_reference_applies_only_near_its_period():
    reference = pd.DataFrame({"first_day": ["2025-02-10"], "last_day": ["2025-02-14"]})
    assert reference_applies(pd.DataFrame({"reference_day": ["2025-02-13"]}), reference)
    assert not reference_applies(pd.DataFrame({"reference_day": ["2008-03-01", ""]}), reference)
