"""The outlet of each article, and tables counted per outlet.

An article's outlet comes from the corpus manifest (``articles.outlet``), with a parenthesis such as
"(news aggregator, US edition)" left out so that two pages of one site count as one outlet. A folder
without a manifest has no outlets: each article then stands for itself (its ``doc_id``), and
:func:`outlet_names` says so in :attr:`OutletNames.note`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

#: Label of the row that folds every outlet (or speaker) beyond the first N.
OTHER = "other ({n})"


@dataclass(frozen=True)
class OutletNames:
    """Outlet per article.

    Attributes
    ----------
    by_doc : Series
        Index ``doc_id``, values: the outlet name, or the doc_id when the article has no outlet.
    from_manifest : bool
        True when every article has an outlet from the manifest.
    note : str
        One sentence on where the names come from, for printing.
    """

    by_doc: pd.Series
    from_manifest: bool
    note: str


def outlet_names(articles: pd.DataFrame) -> OutletNames:
    """The outlet of each article (``articles`` as in ``open_corpus(...).articles``)."""
    doc_ids = articles["doc_id"].astype(str)
    raw = articles["outlet"] if "outlet" in articles else pd.Series("", index=articles.index)
    names = raw.fillna("").astype(str).str.replace(r"\s*\(.*\)\s*$", "", regex=True).str.strip()
    missing = names == ""
    by_doc = pd.Series(names.where(~missing, doc_ids).to_numpy(), index=doc_ids.to_numpy(), name="outlet")
    by_doc.index.name = "doc_id"
    n_outlets = by_doc.nunique()
    if missing.all():
        note = (f"No outlet is known (no manifest with an `outlet` column): each of the {len(by_doc)} "
                "articles stands for itself, named by its doc_id.")
    elif missing.any():
        note = (f"{int(missing.sum())} of {len(by_doc)} articles have no outlet in the manifest and are "
                f"named by their doc_id; {n_outlets} names in all.")
    else:
        note = f"{len(by_doc)} articles from {n_outlets} outlet(s), as named in the manifest."
    return OutletNames(by_doc=by_doc, from_manifest=not missing.any(), note=note)


def top_with_other(table: pd.DataFrame, n: int, axis: int = 0) -> pd.DataFrame:
    """Keep the ``n`` largest rows (``axis=0``) or columns (``axis=1``) of a count table, sum the rest.

    The rest is folded into one row or column labelled ``other (K)``, K being how many were folded.
    Order: by total, largest first, ties by label. A table with at most ``n + 1`` rows is only sorted.
    """
    if axis == 1:
        return top_with_other(table.T, n, axis=0).T
    totals = table.sum(axis=1)
    order = sorted(table.index, key=lambda label: (-float(totals[label]), str(label)))
    table = table.loc[order]
    if len(table) <= n + 1:
        return table
    rest = table.iloc[n:].sum(axis=0)
    rest.name = OTHER.format(n=len(table) - n)
    return pd.concat([table.iloc[:n], rest.to_frame().T])


def speech_quotes(quotes: pd.DataFrame, outlets: pd.Series) -> pd.DataFrame:
    """Quotes of the article text that carry speech (direct, partial, indirect), with their ``outlet``.

    An empty ``speaker`` becomes ``"(no speaker)"`` so that it is counted, not dropped.
    """
    speech = quotes[quotes["in_article"] & quotes["kind"].isin(["direct", "partial", "indirect"])].copy()
    speech["outlet"] = speech["doc_id"].astype(str).map(outlets)
    speech["speaker"] = speech["speaker"].replace("", "(no speaker)")
    return speech


def speakers_by_outlet(speech: pd.DataFrame, top_speakers: int = 8, top_outlets: int = 8) -> pd.DataFrame:
    """Quotes per speaker (rows) and outlet (columns), the most quoted first, the rest folded into "other".

    Parameters
    ----------
    speech : DataFrame
        :func:`speech_quotes` output.
    """
    table = pd.crosstab(speech["speaker"], speech["outlet"])
    table = top_with_other(table, top_speakers, axis=0)
    return top_with_other(table, top_outlets, axis=1)


def kinds_by_outlet(speech: pd.DataFrame, top_outlets: int = 12) -> pd.DataFrame:
    """Quotes per outlet (rows) and kind (columns ``direct``, ``partial``, ``indirect``), counts."""
    table = pd.crosstab(speech["outlet"], speech["kind"]).reindex(
        columns=["direct", "partial", "indirect"], fill_value=0)
    table.columns.name = "kind"
    return top_with_other(table, top_outlets, axis=0)
