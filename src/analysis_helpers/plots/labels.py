"""Short, readable names of articles and topics for figure axes and legends."""

from __future__ import annotations

import pandas as pd

#: Longest axis label of an article, in characters (longer names are cut with an ellipsis).
MAX_LABEL_CHARS = 34


def shorten(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def article_labels(articles: pd.DataFrame, limit: int = MAX_LABEL_CHARS) -> pd.Series:
    """An axis label per article: ``doc_id`` and the outlet's name (without a parenthesis).

    Articles without an outlet (a folder without a manifest) are named by ``doc_id`` alone, or
    by ``doc_id`` and file name when they differ.

    Returns
    -------
    Series
        Index ``doc_id``, values str.
    """
    labels = {}
    for row in articles.itertuples(index=False):
        doc_id = str(row.doc_id)
        outlet = str(getattr(row, "outlet", "") or "").split(" (")[0].strip()
        file = str(getattr(row, "file", "") or "")
        stem = file.rsplit(".", 1)[0]
        if outlet and outlet.lower() != "nan":
            label = f"{doc_id} {outlet}"
        elif stem and stem != doc_id:
            label = f"{doc_id} {stem}"
        else:
            label = doc_id
        labels[doc_id] = shorten(label, limit)
    return pd.Series(labels, dtype=object)


def ranked_labels(labels, order: pd.Series) -> list:
    """``labels`` sorted by their value in ``order``, largest first, ties by label (as text); missing values count 0."""
    ranked = order.reindex(labels).fillna(0)
    return sorted(labels, key=lambda label: (-float(ranked[label]), str(label)))


def top_n_with_other(table: pd.DataFrame, order: pd.Series, n: int, other_label: str, how: str = "sum") -> pd.DataFrame:
    """The ``n`` rows of ``table`` ranked first by ``order`` (descending), the rest folded into one row.

    Parameters
    ----------
    table : DataFrame
        Numeric columns, one row per item (index: the item).
    order : Series
        Ranking value per index entry (largest first; ties by index).
    n : int
        Rows kept as they are.
    other_label : str
        Index of the folded row; ``{n}`` in it is replaced by the number of folded rows.
    how : {"sum", "mean"}
        How the folded rows are combined.

    Returns
    -------
    DataFrame
        ``table`` unchanged when it has at most ``n + 1`` rows.
    """
    if len(table) <= n + 1:
        return table
    keys = ranked_labels(table.index, order)
    kept, rest = keys[:n], keys[n:]
    folded = getattr(table.loc[rest], how)(axis=0)
    folded.name = other_label.format(n=len(rest))
    return pd.concat([table.loc[kept], folded.to_frame().T])
