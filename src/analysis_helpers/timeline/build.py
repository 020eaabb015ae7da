"""Build the timeline of a corpus: the ``events`` table, computing the temporal expressions it needs.

:func:`build_timeline` is the one call for a notebook: it opens the corpus, computes the
document dates and the ``timexes`` table when they are not given, and merges the
dated sentences into events with :func:`.events.merge_events`, which takes all three
as inputs (the pipeline calls it with the tables it computed once).
"""

from __future__ import annotations

import pandas as pd

from ..corpus.build import open_corpus
from ..resources import accepts_lexicons
from ..timexes.document_dates import document_dates
from ..timexes.table import timexes_table
from .events import EVENT_COLUMNS, event_threads, known_people, merge_events

__all__ = ["EVENT_COLUMNS", "build_timeline", "event_threads", "known_people", "merge_events"]


@accepts_lexicons
def build_timeline(corpus, *, timexes: pd.DataFrame | None = None,
                   dates: pd.DataFrame | None = None, lexicons=None) -> pd.DataFrame:
    """The ``events`` table: one row per event, merged across articles.

    Parameters
    ----------
    corpus : anything :func:`open_corpus` accepts
    timexes : DataFrame, optional
        The corpus' ``timexes`` table (:func:`~analysis_helpers.timexes.extract.extract_timexes`)
        when it is already computed; computed here otherwise.
    dates : DataFrame, optional
        The corpus' :func:`~analysis_helpers.timexes.document_dates.document_dates`
        table when it is already computed; computed here otherwise.
    lexicons : folder, dict or :class:`~analysis_helpers.resources.Lexicons`, optional
        Lexicon files replacing the packaged ones for this call (see
        :mod:`analysis_helpers.resources`); missing files fall back to the package.

    Returns
    -------
    DataFrame sorted by first_day, last_day and event_id, with event_id
    (E01, E02...), first_day, last_day (ISO dates: when it happened, inclusive),
    granularity, thread (lane: calls, travel, meetings, statements, other; from
    ``data/event_threads.csv``), actors and doc_ids (``; ``-separated), what (a
    short clause from the first report), location, sentence_offsets (``doc:start-end``
    of every reporting sentence), n_sources (distinct articles), n_mentions,
    certainty (high, medium, low) with certainty_reason, reported_on (the
    documents' dates: when it was reported), tense and timex_texts.
    """
    corpus = open_corpus(corpus)
    if dates is None:
        dates = document_dates(corpus)
    if timexes is None:
        timexes = timexes_table(corpus, dates)
    return merge_events(corpus, timexes, dates)
