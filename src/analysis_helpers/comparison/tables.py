"""The research tables ``extract`` builds from its other tables: context, article columns, cross-article tables.

Each function shapes tables already computed (never the raw files) into a table
whose columns are declared in :mod:`analysis_helpers.schema`; the pipeline runs
the analyses and passes their results in, so this module imports only the
schema and the offset lookup:

- :func:`with_quote_context`: the ``context`` sentence(s) of each quote (per article);
- :func:`with_article_columns`: ``outlet`` and ``published`` of the row's article;
- :func:`with_corpus_speakers`, :func:`quote_groups_table`: the ``quote_groups`` table from
  :func:`~analysis_helpers.quotes.alignment.align_quotes`;
- :func:`figure_conflicts_table`: from :func:`~analysis_helpers.figures.comparison.compare_figures`;
- :func:`timeline_conflicts_table`: from :func:`~analysis_helpers.timeline.reference.find_conflicts`
  or :func:`~analysis_helpers.comparison.dates.date_disagreements`.
"""

from __future__ import annotations

import pandas as pd

from ..corpus.offsets import NO_ID, sentence_spans
from ..schema import ARTICLE_COLUMNS, columns

#: ``kind`` of a timeline conflict between two articles (no reference).
BETWEEN_ARTICLES = "between_articles"
_OFFSET_COLUMNS = ("start", "end", "other_start", "other_end")


def _own_columns(name: str) -> list[str]:
    """The schema's columns of ``name`` without the article columns joined at the end."""
    return [c for c in columns(name) if c not in ARTICLE_COLUMNS]


def with_quote_context(quotes: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """``quotes`` with ``context``, ``context_start``, ``context_end`` appended.

    ``context`` is the whole sentence(s) holding the quote (a quote spanning
    sentences gets all of them), ``text[context_start:context_end]`` of its
    article; -1, -1 and "" when the article has no sentence.
    """
    out = quotes.copy()
    starts, ends = sentence_spans(out, sentences)
    texts = dict(zip(articles["doc_id"], articles["text"]))
    out["context"] = [texts[d][s:e] if s != NO_ID else "" for d, s, e in zip(out["doc_id"], starts, ends)]
    out["context_start"] = pd.Series(starts, index=out.index, dtype="int64")
    out["context_end"] = pd.Series(ends, index=out.index, dtype="int64")
    return out


def with_article_columns(table: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """``table`` with the :data:`~analysis_helpers.schema.ARTICLE_COLUMNS` of each row's article appended.

    Only tables with a ``doc_id`` get them, and only the columns they do not
    already have; a value the articles table lacks is "" (no manifest).
    """
    return article_columns_adder(articles)(table)


def article_columns_adder(articles: pd.DataFrame) -> "ArticleColumns":
    """:func:`with_article_columns` as a function of the table alone, the article lookups built once.

    For tables written part by part: building the lookups for every part cost the corpus' articles per part.
    """
    return ArticleColumns(articles)


class ArticleColumns:
    """A function of a table adding the :data:`~analysis_helpers.schema.ARTICLE_COLUMNS` of each row's article
    (see :func:`with_article_columns`), with the lookups of ``articles`` built once; picklable, so a worker
    process writing a table applies it too.
    """

    def __init__(self, articles: pd.DataFrame):
        self.lookups = {}
        for column in ARTICLE_COLUMNS:
            values = articles[column] if column in articles else pd.Series("", index=articles.index)
            self.lookups[column] = dict(zip(articles["doc_id"], values.fillna("").astype(str)))

    def __call__(self, table: pd.DataFrame) -> pd.DataFrame:
        missing = [c for c in ARTICLE_COLUMNS if c not in table.columns]
        if "doc_id" not in table.columns or not missing:
            return table
        out = table.copy()
        doc_ids = out["doc_id"].tolist()
        for column in missing:
            lookup = self.lookups[column]
            out[column] = pd.Series([lookup.get(d, "") for d in doc_ids], index=out.index, dtype=object)
        return out


def with_corpus_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """``quotes`` with ``speaker`` replaced by ``corpus_speaker`` where it is filled (one name per person)."""
    return quotes.assign(speaker=quotes["corpus_speaker"].where(quotes["corpus_speaker"].fillna("") != "",
                                                                quotes["speaker"]))


def quote_groups_table(groups: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """The ``quote_groups`` table: ``groups`` (:func:`align_quotes` output) with the quotes' offsets."""
    groups = groups.join(quotes.set_index("quote_id")[["start", "end"]], on="quote_id")
    return groups.astype({"group_id": "int64", "start": "int64", "end": "int64",
                          "similarity": "float64"})[_own_columns("quote_groups")]


def figure_conflicts_table(groups: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """The ``figure_conflicts`` table.

    The groups of ``groups`` (:func:`compare_figures` output) whose values
    differ, renumbered from 1 in order, with the figures' offsets.
    """
    groups = groups[groups["disagreement"].astype(bool)].copy()
    order = {g: n for n, g in enumerate(dict.fromkeys(groups["group_id"]), start=1)}
    groups["group_id"] = groups["group_id"].map(order)
    groups = groups.join(figures.set_index("figure_id")[["start", "end"]], on="figure_id")
    for column in ("unit", "base", "subject", "sentence"):
        groups[column] = groups[column].fillna("").astype(str)
    return groups.astype({"group_id": "int64", "start": "int64", "end": "int64", "n_docs": "int64",
                          "value": "float64", "similarity": "float64",
                          "spread": "float64"})[_own_columns("figure_conflicts")]


def timeline_conflicts_table(conflicts: pd.DataFrame | None = None,
                             disagreements: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``timeline_conflicts`` table, from one of two comparisons.

    Parameters
    ----------
    conflicts : DataFrame, optional
        :func:`find_conflicts` output (claims against a reference table; kinds date and role).
    disagreements : DataFrame, optional
        :func:`date_disagreements` output, used when ``conflicts`` is None: paragraphs of two
        articles retelling one passage with no day in common, one row per pair (kind
        ``between_articles``, the other article in ``other_*``).
    """
    wanted = _own_columns("timeline_conflicts")
    if conflicts is not None:
        table = conflicts.assign(other_doc_id="", other_start=NO_ID, other_end=NO_ID, other_claim="")
    else:
        pairs = disagreements if disagreements is not None else pd.DataFrame(columns=[
            "doc_id_a", "start_a", "end_a", "text_a", "days_a", "days_b", "doc_id_b", "start_b", "end_b", "text_b"])
        table = pd.DataFrame({
            "doc_id": pairs["doc_id_a"], "start": pairs["start_a"], "end": pairs["end_a"], "kind": BETWEEN_ARTICLES,
            "claim": pairs["text_a"], "article_says": pairs["days_a"], "reference_says": pairs["days_b"],
            "ref_id": "", "source": "", "event_id": "", "other_doc_id": pairs["doc_id_b"],
            "other_start": pairs["start_b"], "other_end": pairs["end_b"], "other_claim": pairs["text_b"]},
            columns=wanted)
        table = table.sort_values(["doc_id", "start", "other_doc_id", "other_start"], kind="stable")
    table = table[wanted].copy()
    for column in wanted:
        table[column] = (table[column].astype("int64") if column in _OFFSET_COLUMNS
                         else table[column].fillna("").astype(str))
    return table.reset_index(drop=True)
