"""The ``timexes`` table of a corpus whose document dates are known.

:func:`timexes_table` tags every article against its reference day and, when an
article's date is uncertain, widens each relative value to cover both ends. It
takes the document dates as an input, so it does not depend on how they are
computed (:mod:`.document_dates`); :func:`.extract.extract_timexes` computes them
when a caller has none.
"""

from __future__ import annotations

from datetime import date
from operator import itemgetter

import pandas as pd

from .tagger import tag_text

TIMEX_COLUMNS = [
    "doc_id", "timex_id", "start", "end", "text", "type", "value", "mod", "granularity",
    "first_day", "last_day", "anchor", "signal", "tense", "rule", "document_date",
    "block_id", "role", "sent_id", "reason",
]


def timexes_table(corpus, dates: pd.DataFrame) -> pd.DataFrame:
    """The ``timexes`` table (columns: :data:`TIMEX_COLUMNS`, see :func:`.extract.extract_timexes`).

    Parameters
    ----------
    corpus : Corpus
        An opened corpus (``articles``, ``sentences`` and ``offsets``).
    dates : DataFrame
        The corpus' :func:`~.document_dates.document_dates` table (``doc_id``,
        ``reference_day``, ``first_day``, ``last_day``).
    """
    # plain tuples, not a pandas row per article (speed: a .loc per article cost more than tagging it)
    date_rows = {doc: (reference_day, first_day, last_day) for doc, reference_day, first_day, last_day in zip(
        *(dates[c].tolist() for c in ("doc_id", "reference_day", "first_day", "last_day")))}
    sentences = corpus.sentences
    bounds_by_doc = _sentence_bounds(sentences) if len(sentences) else {}
    rows = []
    for doc_id, text in zip(corpus.articles["doc_id"].tolist(), corpus.articles["text"].tolist()):
        info = date_rows.get(doc_id)
        reference = date.fromisoformat(info[0]) if info is not None and info[0] else None
        tags = tag_text(text, reference, bounds_by_doc.get(doc_id, ()))
        others = {info[1], info[2]} - {info[0], ""} if info is not None else set()
        for other_day in sorted(others):
            alternative = {(t["start"], t["end"]): t for t in
                           tag_text(text, date.fromisoformat(other_day), bounds_by_doc.get(doc_id, ()))}
            for tag in tags:
                other = alternative.get((tag["start"], tag["end"]))
                moved = other and (other["value"] != tag["value"]  # a duration's point moves, not its value
                                   or tag["type"] == "DURATION" and other["first_day"] != tag["first_day"])
                if moved and tag["first_day"] and other["first_day"]:
                    tag["first_day"] = min(tag["first_day"], other["first_day"])
                    tag["last_day"] = max(tag["last_day"], other["last_day"])
                    tag["anchor"] = "document date (uncertain)"
        document_day = info[0] if info is not None else ""
        for number, tag in enumerate(tags, start=1):
            rows.append((doc_id, number, document_day, tag))
    if not rows:
        table = pd.DataFrame([], columns=[c for c in TIMEX_COLUMNS if c not in ("block_id", "role", "sent_id")])
        table = corpus.offsets.attach(table, sentences=True)
        for column in _TEXT_COLUMNS:
            table[column] = table[column].fillna("").astype(str)
        return table[TIMEX_COLUMNS].reset_index(drop=True)
    # sorted by doc_id, start, end (a stable sort, as pandas' was), then built column by column: a frame
    # from a list of dicts and a pandas sort on strings cost more per chunk than the rows themselves
    rows.sort(key=lambda row: (row[0], row[3]["start"], row[3]["end"]))
    doc_ids, numbers, document_days, tags = zip(*rows)
    try:
        fields = map(itemgetter(*_TAG_COLUMNS), tags)
        data = dict(zip(_TAG_COLUMNS, map(list, zip(*fields))))
    except KeyError:  # a row without some field: empty there, as a frame built from the dicts has it
        data = {column: [tag.get(column) for tag in tags] for column in _TAG_COLUMNS}
    for column in _TEXT_COLUMNS:
        data[column] = [v if type(v) is str else _as_text(v) for v in data[column]]
    data = {"doc_id": list(doc_ids), "timex_id": list(numbers), **data, "document_date": list(document_days)}
    table = corpus.offsets.attach(pd.DataFrame(data), sentences=True)
    return table[TIMEX_COLUMNS]


#: Columns of :func:`tag_text`'s rows, in table order.
_TAG_COLUMNS = [c for c in TIMEX_COLUMNS if c not in ("doc_id", "timex_id", "document_date", "block_id", "role",
                                                      "sent_id")]
#: Columns written as text, "" where a row has no value.
_TEXT_COLUMNS = ("mod", "signal", "tense", "first_day", "last_day", "anchor", "reason")


def _as_text(value) -> str:
    """``value`` as ``fillna("").astype(str)`` writes it: "" for None or NaN."""
    if value is None or value != value:
        return ""
    return value if type(value) is str else str(value)


def _sentence_bounds(sentences: pd.DataFrame) -> dict:
    """doc_id -> [(start, end), ...] of its sentences, in table order (one pass, no groupby)."""
    bounds: dict = {}
    current, bucket = None, None
    for doc, span in zip(sentences["doc_id"].tolist(), zip(sentences["start"].tolist(), sentences["end"].tolist())):
        if doc != current or bucket is None:  # a table holds each article's sentences together: one lookup per run
            current, bucket = doc, bounds.setdefault(doc, [])
        bucket.append(span)
    return bounds
