"""The outlet of each article, and tables counted per outlet.

An article's outlet comes from the corpus manifest (``articles.outlet``), with a parenthesis such as
"(news aggregator, US edition)" left out so that two pages of one site count as one outlet. A folder
without a manifest has no outlets: each article then stands for itself (its ``doc_id``), and
:func:`outlet_names` says so in :attr:`OutletNames.note`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..plots.labels import ranked_labels, top_n_with_other

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
    return top_n_with_other(table.loc[ranked_labels(table.index, totals)], totals, n, OTHER)


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


def comparison_units(articles: pd.DataFrame) -> tuple[pd.Series, str]:
    """What the outlet comparison compares: outlets when there are two or more, else articles.

    Returns
    -------
    (Series, str)
        The unit per doc_id, and a sentence saying which unit was chosen and why.
    """
    names = outlet_names(articles)
    if names.by_doc.nunique() >= 2 and names.from_manifest:
        return names.by_doc, f"Unit of comparison: the outlet. {names.note}"
    by_doc = pd.Series(names.by_doc.index, index=names.by_doc.index, name="outlet")
    if names.from_manifest:
        why = (f"Every article comes from one outlet ({names.by_doc.iloc[0] if len(names.by_doc) else 'none'}): "
               "the comparison is between articles instead.")
    else:
        why = names.note + " The comparison is between articles; with a manifest it would be between outlets."
    return by_doc, "Unit of comparison: the article. " + why


def outlet_profile(units: pd.Series, speech: pd.DataFrame, figures: pd.DataFrame, figure_groups: pd.DataFrame,
                   date_problems: pd.DataFrame, passages: pd.DataFrame) -> pd.DataFrame:
    """One row per unit (outlet or article): what it quotes, states, dates and shares.

    Parameters
    ----------
    units : Series
        Unit per doc_id (:func:`comparison_units`).
    speech : DataFrame
        :func:`speech_quotes` output.
    figures : DataFrame
        :func:`extract_figures` output restricted to the article text.
    figure_groups : DataFrame
        :func:`compare_figures` output (``figure_id``, ``disagreement``).
    date_problems : DataFrame
        One row per problem with a ``doc_id`` column (a conflict with the reference, or one side of
        a disagreement between articles).
    passages : DataFrame
        :func:`~analysis_helpers.comparison.lineage.shared_passages` output.

    Returns
    -------
    DataFrame
        Index: unit. Columns ``articles``; ``quotes`` (with speech), ``speakers`` (distinct),
        ``top_speaker``, ``own_words`` (share of direct and partial quotes, 0 to 1);
        ``figures`` (stated), ``figures_shared`` (in a group with another article),
        ``figures_disputed`` (in a group whose values disagree); ``date_problems``;
        ``passages_earlier`` (shared passages where this unit published first), ``passages_later``
        (where it published later), ``passages_undated`` (same or unknown time). Sorted by articles,
        then quotes, largest first.
    """
    index = sorted(set(units))
    doc_units = units.rename("unit")
    profile = pd.DataFrame(index=pd.Index(index, name="unit"))
    profile["articles"] = doc_units.value_counts().reindex(index, fill_value=0)
    profile["quotes"] = speech.groupby("outlet").size().reindex(index, fill_value=0) if len(speech) else 0
    profile["speakers"] = (speech[speech["speaker"] != "(no speaker)"].groupby("outlet")["speaker"].nunique()
                           .reindex(index, fill_value=0)) if len(speech) else 0
    named = speech[speech["speaker"] != "(no speaker)"]
    top = (named.groupby("outlet")["speaker"].agg(lambda s: s.value_counts().index[0]) if len(named)
           else pd.Series(dtype=object))
    profile["top_speaker"] = top.reindex(index).fillna("")
    own = (speech.assign(own=speech["kind"].isin(["direct", "partial"])).groupby("outlet")["own"].mean()
           if len(speech) else pd.Series(dtype=float))
    profile["own_words"] = own.reindex(index).round(2)
    figure_unit = figures["doc_id"].astype(str).map(units)
    profile["figures"] = figure_unit.value_counts().reindex(index, fill_value=0)
    grouped = figure_groups.drop_duplicates("figure_id") if len(figure_groups) else figure_groups
    shared_unit = grouped["doc_id"].astype(str).map(units) if len(grouped) else pd.Series(dtype=object)
    profile["figures_shared"] = shared_unit.value_counts().reindex(index, fill_value=0)
    disputed = shared_unit[grouped["disagreement"].astype(bool)] if len(grouped) else shared_unit
    profile["figures_disputed"] = disputed.value_counts().reindex(index, fill_value=0)
    date_unit = date_problems["doc_id"].astype(str).map(units) if len(date_problems) else pd.Series(dtype=object)
    profile["date_problems"] = date_unit.value_counts().reindex(index, fill_value=0)
    oriented = passages[passages["oriented"]] if len(passages) else passages
    earlier = oriented["source_doc"].map(units) if len(oriented) else pd.Series(dtype=object)
    later = oriented["copy_doc"].map(units) if len(oriented) else pd.Series(dtype=object)
    profile["passages_earlier"] = earlier.value_counts().reindex(index, fill_value=0)
    profile["passages_later"] = later.value_counts().reindex(index, fill_value=0)
    undated = passages[~passages["oriented"]] if len(passages) else passages
    both = pd.concat([undated["unit_a"], undated["unit_b"]]) if len(undated) else pd.Series(dtype=object)
    profile["passages_undated"] = both.value_counts().reindex(index, fill_value=0)
    counts = [c for c in profile.columns if c not in ("top_speaker", "own_words")]
    profile[counts] = profile[counts].fillna(0).astype("int64")
    order = sorted(index, key=lambda u: (-profile.loc[u, "articles"], -profile.loc[u, "quotes"], str(u)))
    return profile.loc[order]
