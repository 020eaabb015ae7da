"""Find temporal expressions in news text and give each a TIMEX3 value and a calendar interval.

Rule-based and deterministic. The rules are patterns of English news writing
(dates, weekday names, "last year", durations, "annual"...), not strings of any
one article. Relative expressions are resolved against the document date (see
:mod:`.document_dates`); weekday names and bare month names take the tense of
the clause they sit in: past tense points to the latest such day up to the
document date, future tense to the next one.

Spans follow TimeML: a signal word such as "since" or "within" is not part of
the expression but is kept in the ``signal`` column; modifiers such as "early",
"over" or "pre-" are part of it and set ``mod``.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ..corpus.build import open_corpus
from ..resources import accepts_lexicons
from .document_dates import document_dates
from .lexicon import anchor_events
from .tagger import tag_text
from .tense import clause_tense

__all__ = ["TIMEX_COLUMNS", "anchor_events", "clause_tense", "extract_timexes", "tag_text"]

TIMEX_COLUMNS = [
    "doc_id", "timex_id", "start", "end", "text", "type", "value", "mod", "granularity",
    "first_day", "last_day", "anchor", "signal", "tense", "rule", "document_date",
    "block_id", "role", "sent_id", "reason",
]


@accepts_lexicons
def extract_timexes(corpus, *, dates: pd.DataFrame | None = None, lexicons=None) -> pd.DataFrame:
    """The ``timexes`` table: every temporal expression of every article.

    Parameters
    ----------
    corpus : anything :func:`open_corpus` accepts
    dates : DataFrame, optional
        The corpus' :func:`~.document_dates.document_dates` table when it is already
        computed (the pipeline computes it once and passes it to every step).
    lexicons : folder, dict or :class:`~analysis_helpers.resources.Lexicons`, optional
        Lexicon files replacing the packaged ones for this call (see
        :mod:`analysis_helpers.resources`); missing files fall back to the package.

    Returns
    -------
    DataFrame, one row per expression, sorted by doc_id and start. Columns:
    doc_id, timex_id (1, 2... within a document), start, end (character offsets
    into the article text), text, type (DATE, TIME, DURATION, SET), value (TIMEX3
    value), mod (TIMEX3 mod: BEFORE, AFTER, START, MID, END, APPROX, MORE_THAN...),
    granularity (day, week, month, quarter, season, year, decade, century, time,
    ref, duration, set, unknown), first_day and last_day (ISO dates, the calendar
    interval covered, inclusive; empty for durations, sets and unresolved values),
    anchor ("absolute"; "document date", "document date (uncertain)"
    when the two ends of an uncertain document date give different values;
    "event: NAME" from the gazetteer; "previous date" for "the previous day";
    "date in the sentence" for a clock time placed on a day named beside it), signal (the
    preposition before it, e.g. "since"), tense (of the clause, for weekday and
    month names), rule, document_date (the reference used), block_id, role,
    sent_id and reason (why a relative value stays underspecified, e.g. the
    document has no date of its own; empty otherwise).
    """
    corpus = open_corpus(corpus)
    dates = (document_dates(corpus) if dates is None else dates).set_index("doc_id")
    sentences = corpus.sentences
    bounds_by_doc = {doc: list(zip(group["start"], group["end"]))
                     for doc, group in sentences.groupby("doc_id", sort=False)} if len(sentences) else {}
    rows = []
    for doc_id, text in zip(corpus.articles["doc_id"], corpus.articles["text"]):
        info = dates.loc[doc_id] if doc_id in dates.index else None
        reference = date.fromisoformat(info["reference_day"]) if info is not None and info["reference_day"] else None
        tags = tag_text(text, reference, bounds_by_doc.get(doc_id, ()))
        others = {info["first_day"], info["last_day"]} - {info["reference_day"], ""} if info is not None else set()
        for other_day in sorted(others):
            alternative = {(t["start"], t["end"]): t for t in
                           tag_text(text, date.fromisoformat(other_day), bounds_by_doc.get(doc_id, ()))}
            for tag in tags:
                other = alternative.get((tag["start"], tag["end"]))
                if other and other["value"] != tag["value"] and tag["first_day"] and other["first_day"]:
                    tag["first_day"] = min(tag["first_day"], other["first_day"])
                    tag["last_day"] = max(tag["last_day"], other["last_day"])
                    tag["anchor"] = "document date (uncertain)"
        for number, tag in enumerate(tags, start=1):
            rows.append({"doc_id": doc_id, "timex_id": number, **tag,
                         "document_date": info["reference_day"] if info is not None else ""})
    table = pd.DataFrame(rows, columns=[c for c in TIMEX_COLUMNS if c not in ("block_id", "role", "sent_id")])
    table = corpus.offsets.attach(table, sentences=True)
    for column in ("mod", "signal", "tense", "first_day", "last_day", "anchor", "reason"):
        table[column] = table[column].fillna("").astype(str)
    return table[TIMEX_COLUMNS].sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)

