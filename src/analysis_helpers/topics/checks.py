"""The checks of a fitted topic model, and its choice of k as a table (no model fitting here).

A topic model always returns k topics, whether or not the corpus holds k themes. Three signs
that its result should not be read as the themes of the corpus:

- the chosen number of topics sits at the edge of the range that was tried (the best k may
  lie outside it);
- a topic is the dominant topic of fewer than :data:`MIN_TOPIC_PARAGRAPHS` paragraphs (one
  repeated sentence, not a theme);
- the corpus has fewer than :data:`MIN_PARAGRAPHS` paragraphs or :data:`MIN_ARTICLES` articles.

They read a fitted :class:`~analysis_helpers.topics.model.TopicModel` only, so that
``analysis-helpers extract`` runs them on the model it fitted;
:mod:`analysis_helpers.topics.diagnostics` prints them for a folder.
"""

from __future__ import annotations

import pandas as pd

#: A topic that is the dominant topic of fewer paragraphs than this is flagged.
MIN_TOPIC_PARAGRAPHS = 3
#: Below this many paragraphs, or articles, a topic model describes the texts, not themes.
MIN_PARAGRAPHS = 20
MIN_ARTICLES = 3

DIAGNOSTIC_COLUMNS = ["check", "message"]


def topic_model_diagnostics(model) -> pd.DataFrame:
    """What is doubtful about a fitted :class:`~analysis_helpers.topics.model.TopicModel`.

    Parameters
    ----------
    model : TopicModel
        The result of :func:`~analysis_helpers.topics.model.cluster_topics`.

    Returns
    -------
    DataFrame
        ``check, message``: one row per warning (``check`` is ``corpus_size``, ``k_at_edge``
        or ``small_topic``); no rows when nothing is doubtful.
    """
    rows = []
    paragraphs = model.paragraph_clusters
    n_paragraphs = len(paragraphs)
    n_articles = paragraphs["doc_id"].nunique() if n_paragraphs else 0
    if n_paragraphs < MIN_PARAGRAPHS or n_articles < MIN_ARTICLES:
        rows.append(("corpus_size",
                     f"only {n_paragraphs} paragraph(s) in {n_articles} article(s) (fewer than {MIN_PARAGRAPHS} "
                     f"paragraphs or {MIN_ARTICLES} articles): the topics describe these texts, not themes of a "
                     f"coverage"))
    tried = model.k_selection
    if len(tried) > 1:
        chosen = int(tried.loc[tried["chosen"], "k"].iloc[0])
        low, high = int(tried["k"].min()), int(tried["k"].max())
        if chosen == high:
            rows.append(("k_at_edge", f"the chosen k = {chosen} is the largest number of topics tried "
                                      f"({low} to {high}): the steadiest k may lie above the range"))
        elif chosen == low:
            rows.append(("k_at_edge", f"the chosen k = {chosen} is the smallest number of topics tried "
                                      f"({low} to {high}): the corpus may hold fewer distinct topics"))
    topics = model.topics
    for row in topics[topics["size"] < MIN_TOPIC_PARAGRAPHS].itertuples():
        rows.append(("small_topic", f"topic {row.topic_id} ({row.label}) is the main topic of only {row.size} "
                                    f"paragraph(s): a repeated passage, not a theme"))
    return pd.DataFrame(rows, columns=DIAGNOSTIC_COLUMNS)


def topic_choice(model) -> pd.DataFrame:
    """The choice of k of a fitted model: its ``k_selection`` with the ``method`` that ran on every row.

    Returns
    -------
    DataFrame
        ``k, stability, stability_sd, silhouette, reconstruction_error, chosen, method`` (one row per k
        tried, sorted by k; one row when k was fixed; no rows when no model could be fitted).
    """
    table = model.k_selection.sort_values("k", kind="stable").reset_index(drop=True)
    table = table.astype({"k": "int64", "chosen": "bool", "stability": "float64", "stability_sd": "float64",
                          "silhouette": "float64", "reconstruction_error": "float64"})
    return table.assign(method=pd.Series([model.method] * len(table), index=table.index, dtype=object))


def topic_model_warnings(model) -> list[str]:
    """The messages of :func:`topic_model_diagnostics`, one string each (empty list: no warning)."""
    return topic_model_diagnostics(model)["message"].tolist()
