"""The ``timexes`` table of a corpus whose document dates are known.

:func:`timexes_table` tags every article against its reference day and, when an
article's date is uncertain, widens each relative value to cover both ends. It
takes the document dates as an input, so it does not depend on how they are
computed (:mod:`.document_dates`); :func:`.extract.extract_timexes` computes them
when a caller has none.
"""

from __future__ import annotations

from datetime import date

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
    # plain dicts, not a pandas row per article (speed: a .loc per article cost more than tagging it)
    date_rows = {row["doc_id"]: row for row in
                 dates[["doc_id", "reference_day", "first_day", "last_day"]].to_dict("records")}
    sentences = corpus.sentences
    bounds_by_doc = _sentence_bounds(sentences) if len(sentences) else {}
    rows = []
    for doc_id, text in zip(corpus.articles["doc_id"].tolist(), corpus.articles["text"].tolist()):
        info = date_rows.get(doc_id)
        reference = date.fromisoformat(info["reference_day"]) if info is not None and info["reference_day"] else None
        tags = tag_text(text, reference, bounds_by_doc.get(doc_id, ()))
        others = {info["first_day"], info["last_day"]} - {info["reference_day"], ""} if info is not None else set()
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
        for number, tag in enumerate(tags, start=1):
            rows.append({"doc_id": doc_id, "timex_id": number, **tag,
                         "document_date": info["reference_day"] if info is not None else ""})
    table = pd.DataFrame(rows, columns=[c for c in TIMEX_COLUMNS if c not in ("block_id", "role", "sent_id")])
    table = corpus.offsets.attach(table, sentences=True)
    for column in ("mod", "signal", "tense", "first_day", "last_day", "anchor", "reason"):
        table[column] = table[column].fillna("").astype(str)
    return table[TIMEX_COLUMNS].sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)



def _sentence_bounds(sentences: pd.DataFrame) -> dict:
    """doc_id -> [(start, end), ...] of its sentences, in table order (one pass, no groupby)."""
    bounds: dict = {}
    for doc, start, end in zip(sentences["doc_id"].tolist(), sentences["start"].tolist(),
                               sentences["end"].tolist()):
        bounds.setdefault(doc, []).append((start, end))
    return bounds
