"""Passages that one outlet shares with another, and which way the copying went.

Two articles that retell the same paragraph (word TF-IDF cosine at or above
:data:`~analysis_helpers.topics.near_duplicates.SAME_PASSAGE_THRESHOLD`, from
:func:`~analysis_helpers.topics.near_duplicates.same_passage_pairs`) either copied one another or
both copied a third source. The publication time of each article orients a pair: the earlier one is
the candidate source. Equal or unknown times leave the pair unoriented: a day is often too coarse to
tell who was first.
"""

from __future__ import annotations

import pandas as pd

PASSAGE_COLUMNS = ["doc_id_a", "doc_id_b", "unit_a", "unit_b", "similarity", "published_a", "published_b",
                   "source_doc", "copy_doc", "oriented", "text_a", "text_b"]
EDGE_COLUMNS = ["source", "copy", "n_passages", "max_similarity", "oriented", "within"]


def publication_times(articles: pd.DataFrame) -> pd.Series:
    """``published`` of each article as a timestamp (NaT when missing or unreadable), index ``doc_id``.

    A date gives midnight; a manifest may give a time of day ("2025-02-13T09:30") to orient same-day pairs.
    """
    raw = articles["published"] if "published" in articles else pd.Series("", index=articles.index)
    times = pd.to_datetime(raw.fillna("").astype(str).replace("", None), errors="coerce", format="mixed")
    return pd.Series(times.to_numpy(), index=articles["doc_id"].astype(str).to_numpy(), name="published")


def shared_passages(pairs: pd.DataFrame, units: pd.Series, published: pd.Series) -> pd.DataFrame:
    """One row per pair of paragraphs from two different articles that retell the same passage.

    Parameters
    ----------
    pairs : DataFrame
        :func:`same_passage_pairs` output (columns doc_id_a/b, similarity, text_a/b, same_article).
    units : Series
        Outlet (or other comparison unit) per doc_id.
    published : Series
        :func:`publication_times` output.

    Returns
    -------
    DataFrame
        Columns :data:`PASSAGE_COLUMNS`: the two articles and their units, similarity, publication
        times (ISO text, empty when unknown), ``source_doc`` and ``copy_doc`` (the earlier and the
        later article; empty when ``oriented`` is False: same time or a time unknown), the texts.
        Sorted by similarity (largest first), then doc ids.
    """
    if pairs.empty:
        return pd.DataFrame(columns=PASSAGE_COLUMNS)
    rows = []
    for pair in pairs[~pairs["same_article"].astype(bool)].itertuples(index=False):
        a, b = str(pair.doc_id_a), str(pair.doc_id_b)
        time_a, time_b = published.get(a, pd.NaT), published.get(b, pd.NaT)
        oriented = pd.notna(time_a) and pd.notna(time_b) and time_a != time_b
        source, copy = ((a, b) if time_a < time_b else (b, a)) if oriented else ("", "")
        rows.append({"doc_id_a": a, "doc_id_b": b, "unit_a": units.get(a, a), "unit_b": units.get(b, b),
                     "similarity": float(pair.similarity),
                     "published_a": "" if pd.isna(time_a) else time_a.isoformat(),
                     "published_b": "" if pd.isna(time_b) else time_b.isoformat(),
                     "source_doc": source, "copy_doc": copy, "oriented": bool(oriented),
                     "text_a": pair.text_a, "text_b": pair.text_b})
    table = pd.DataFrame(rows, columns=PASSAGE_COLUMNS)
    return table.sort_values(["similarity", "doc_id_a", "doc_id_b"], ascending=[False, True, True],
                             kind="stable").reset_index(drop=True)


def lineage_edges(passages: pd.DataFrame, units: pd.Series) -> pd.DataFrame:
    """Shared passages counted per pair of units: who re-published whom.

    Returns
    -------
    DataFrame
        Columns :data:`EDGE_COLUMNS`: ``source`` and ``copy`` (the earlier and the later unit when
        ``oriented``; otherwise the two units in alphabetical order), ``n_passages``,
        ``max_similarity``, ``oriented``, and ``within`` (both articles belong to one unit).
        Sorted by n_passages (largest first), then source and copy.
    """
    if passages.empty:
        return pd.DataFrame(columns=EDGE_COLUMNS)
    rows = []
    for p in passages.itertuples(index=False):
        if p.oriented:
            source, copy = units.get(p.source_doc, p.source_doc), units.get(p.copy_doc, p.copy_doc)
        else:
            source, copy = sorted([p.unit_a, p.unit_b])
        rows.append({"source": source, "copy": copy, "oriented": p.oriented and source != copy,
                     "similarity": p.similarity})
    table = pd.DataFrame(rows)
    edges = (table.groupby(["source", "copy", "oriented"], sort=True)
             .agg(n_passages=("similarity", "size"), max_similarity=("similarity", "max")).reset_index())
    edges["within"] = edges["source"] == edges["copy"]
    edges["max_similarity"] = edges["max_similarity"].round(3)
    edges = edges[EDGE_COLUMNS]
    return edges.sort_values(["n_passages", "source", "copy"], ascending=[False, True, True],
                             kind="stable").reset_index(drop=True)
