"""The research tables ``extract`` builds from its other tables: context, article columns, cross-article tables.

Each function takes the per-article tables (never the raw files) and returns a
table whose columns are declared in :mod:`analysis_helpers.schema`:

- :func:`with_quote_context`: the ``context`` sentence(s) of each quote (per article);
- :func:`with_article_columns`: ``outlet`` and ``published`` of the row's article;
- :func:`quote_groups_table`, :func:`figure_conflicts_table`, :func:`document_dates_table`,
  :func:`timeline_conflicts_table`: the corpus tables of the same names, wrapping
  :func:`~analysis_helpers.quotes.alignment.align_quotes`,
  :func:`~analysis_helpers.figures.comparison.compare_figures`,
  :func:`~analysis_helpers.timexes.document_dates.document_dates` and
  :func:`~analysis_helpers.timeline.reference.find_conflicts` /
  :func:`~analysis_helpers.comparison.dates.date_disagreements`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..corpus.offsets import NO_ID, sentence_spans
from ..figures.comparison import compare_figures
from ..quotes.alignment import align_quotes
from ..schema import ARTICLE_COLUMNS, columns
from ..timeline.reference import CONFLICT_COLUMNS, find_conflicts, read_reference
from ..timexes.document_dates import date_source
from ..topics.near_duplicates import same_passage_pairs
from .dates import date_disagreements

#: Columns a ``--reference`` table must have (see :mod:`analysis_helpers.timeline.reference`).
REFERENCE_COLUMNS = ("ref_id", "pattern", "thread", "actors", "first_day", "last_day", "source", "role",
                     "role_holder")
#: ``kind`` of a timeline conflict between two articles (no reference).
BETWEEN_ARTICLES = "between_articles"


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
    missing = [c for c in ARTICLE_COLUMNS if c not in table.columns]
    if "doc_id" not in table.columns or not missing:
        return table
    out = table.copy()
    for column in missing:
        values = articles[column] if column in articles else pd.Series("", index=articles.index)
        lookup = dict(zip(articles["doc_id"], values.fillna("").astype(str)))
        out[column] = pd.Series([lookup.get(d, "") for d in out["doc_id"]], index=out.index, dtype=object)
    return out


def quote_groups_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """The ``quote_groups`` table: :func:`align_quotes` on the corpus-wide speaker names, with offsets."""
    named = quotes.assign(speaker=quotes["corpus_speaker"].where(quotes["corpus_speaker"].fillna("") != "",
                                                                 quotes["speaker"]))
    groups = align_quotes(named)
    offsets = quotes.set_index("quote_id")[["start", "end"]]
    groups = groups.join(offsets, on="quote_id")
    wanted = [c for c in columns("quote_groups") if c not in ARTICLE_COLUMNS]
    return groups.astype({"group_id": "int64", "start": "int64", "end": "int64", "similarity": "float64"})[wanted]


def figure_conflicts_table(figures: pd.DataFrame) -> pd.DataFrame:
    """The ``figure_conflicts`` table: the groups of :func:`compare_figures` whose values differ, renumbered."""
    groups = compare_figures(figures)
    groups = groups[groups["disagreement"].astype(bool)].copy()
    order = {g: n for n, g in enumerate(dict.fromkeys(groups["group_id"]), start=1)}
    groups["group_id"] = groups["group_id"].map(order)
    groups = groups.join(figures.set_index("figure_id")[["start", "end"]], on="figure_id")
    for column in ("unit", "base", "subject", "sentence"):
        groups[column] = groups[column].fillna("").astype(str)
    wanted = [c for c in columns("figure_conflicts") if c not in ARTICLE_COLUMNS]
    return groups.astype({"group_id": "int64", "start": "int64", "end": "int64", "n_docs": "int64",
                          "value": "float64", "similarity": "float64", "spread": "float64"})[wanted]


def document_dates_table(dates: pd.DataFrame) -> pd.DataFrame:
    """The ``document_dates`` table: the pipeline's document dates with the ``source`` of each."""
    return dates.assign(source=[date_source(m) for m in dates["method"]])


def load_reference(path) -> pd.DataFrame:
    """A ``--reference`` table, checked: raise ValueError naming the file and what is wrong with it."""
    path = Path(path)
    try:
        reference = read_reference(path)
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ValueError(f"--reference {path}: cannot be read as CSV ({exc})") from exc
    missing = [c for c in REFERENCE_COLUMNS if c not in reference.columns]
    if missing:
        raise ValueError(f"--reference {path}: missing column(s) {', '.join(missing)} "
                         f"(needs {', '.join(REFERENCE_COLUMNS)})")
    return reference


def timeline_conflicts_table(corpus, events: pd.DataFrame, timexes: pd.DataFrame,
                             reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``timeline_conflicts`` table.

    With a reference table, :func:`find_conflicts` (kinds date and role).
    Without, :func:`date_disagreements`: paragraphs of two articles that retell
    one passage (:func:`same_passage_pairs`) and state days with none in common,
    one row per pair (kind ``between_articles``, the other article in ``other_*``).
    """
    wanted = [c for c in columns("timeline_conflicts") if c not in ARTICLE_COLUMNS]
    if reference is not None:
        table = find_conflicts(corpus, events, reference)[CONFLICT_COLUMNS].assign(
            other_doc_id="", other_start=NO_ID, other_end=NO_ID, other_claim="")
    else:
        pairs = date_disagreements(same_passage_pairs(corpus), timexes, pd.Series(dtype=object))
        table = pd.DataFrame({
            "doc_id": pairs["doc_id_a"], "start": pairs["start_a"], "end": pairs["end_a"], "kind": BETWEEN_ARTICLES,
            "claim": pairs["text_a"], "article_says": pairs["days_a"], "reference_says": pairs["days_b"],
            "ref_id": "", "source": "", "event_id": "", "other_doc_id": pairs["doc_id_b"],
            "other_start": pairs["start_b"], "other_end": pairs["end_b"], "other_claim": pairs["text_b"]},
            columns=wanted)
        table = table.sort_values(["doc_id", "start", "other_doc_id", "other_start"], kind="stable")
    for column in wanted:
        if column in ("start", "end", "other_start", "other_end"):
            table[column] = table[column].astype("int64")
        else:
            table[column] = table[column].fillna("").astype(str)
    return table[wanted].reset_index(drop=True)
