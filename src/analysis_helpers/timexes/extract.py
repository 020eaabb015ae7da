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

import re
from datetime import date, timedelta

import pandas as pd

from .lexicon import SIGNAL_MODS, _anchor_event_rows, anchor_events, number_value
from .rules import RuleContext, candidates, normalise
from .tense import clause_tense
from .values import day_value, value_interval

__all__ = ["TIMEX_COLUMNS", "anchor_events", "clause_tense", "extract_timexes", "tag_text"]

TIMEX_COLUMNS = [
    "doc_id", "timex_id", "start", "end", "text", "type", "value", "mod", "granularity",
    "first_day", "last_day", "anchor", "signal", "tense", "rule", "document_date",
    "block_id", "role", "sent_id",
]


def tag_text(text: str, reference: date | None = None, sentence_bounds=()) -> list[dict]:
    """Every temporal expression in one text, resolved against ``reference``.

    Parameters
    ----------
    text : str
    reference : datetime.date, optional
        The document date. Without it, relative expressions keep ``X``
        placeholders ("XXXX-WXX-3") and no calendar interval.
    sentence_bounds : sequence of (start, end)
        Sentence offsets, used to read the tense around weekday and month names.

    Returns
    -------
    list of dict with start, end, text, type, value, mod, anchor, signal,
    tense, rule, granularity, first_day, last_day; sorted by start.
    """
    if not isinstance(text, str) or not text:
        return []
    ctx = RuleContext(text, reference, sorted(sentence_bounds) or [(0, len(text))])
    taken = bytearray(len(text))
    rows = []
    for start, end, rule, m in candidates(text):
        if any(taken[start:end]):
            continue
        result = normalise(rule, m, ctx, start, end)
        if result is None:
            continue
        taken[start:end] = b"\x01" * (end - start)
        signal = (m.group("sig").lower() if rule == "event" else ctx.signal(start))
        if not result["mod"] and signal in SIGNAL_MODS and result["type"] == "DURATION":
            result["mod"] = SIGNAL_MODS[signal]
        first, last, granularity = value_interval(result["value"])
        if "interval" in result:  # a range of days ("24-25 June"): the value is their month
            first, last = result.pop("interval")
            granularity = "day"
        if result["type"] == "DURATION":
            granularity = "duration"
        elif result["type"] == "SET":
            granularity = "set"
            first = last = None
        if result["value"] == "PRESENT_REF" and reference is not None:
            first = last = reference
        if rule == "relative_unit" and reference is not None and first is not None:
            pre = (m.group("pre") or "").lower()
            if pre == "earlier" and last >= reference:
                last = reference - timedelta(days=1)
            elif pre == "later" and first <= reference:
                first = reference + timedelta(days=1)
        if rule == "event":
            for i, row in enumerate(_anchor_event_rows()):
                if m.group(f"ev{i}"):
                    first = date.fromisoformat(row["first_day"])
                    last = date.fromisoformat(row["last_day"])
                    granularity = row["granularity"]
        rows.append({"start": start, "end": end, "text": text[start:end], **result,
                     "signal": signal, "rule": rule, "granularity": granularity,
                     "first_day": first.isoformat() if first else None,
                     "last_day": last.isoformat() if last else None})
    rows.sort(key=lambda r: (r["start"], r["end"]))
    _resolve_anaphoric(rows, reference)
    _times_on_sentence_dates(rows, ctx)
    return rows


def _times_on_sentence_dates(rows: list[dict], ctx: RuleContext) -> None:
    """A clock time on the document date moves to the day named in the same sentence ("Tuesday ... at 18:00")."""
    days = [r for r in rows if r["type"] == "DATE" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["value"] or "")]
    for row in rows:
        if row["rule"] != "time" or "T" not in (row["value"] or "") or row["anchor"] != "document date":
            continue
        lo, hi = ctx.sentence_of(row["start"])
        same = [d for d in days if lo <= d["start"] < hi]
        if len({d["value"] for d in same}) == 1 and not re.search(
                r"(?i)today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday", row["text"]):
            day = same[0]["value"]
            row["value"] = day + row["value"][row["value"].index("T"):]
            row["first_day"] = row["last_day"] = day
            row["anchor"] = "date in the sentence"


def _resolve_anaphoric(rows: list[dict], reference: date | None) -> None:
    """Give "the previous day", "two days later" a day: counted from the last day-level date before it.

    Without such a date the document date is the anchor; without either the value stays ``XXXX-XX-XX``.
    """
    last_day = None
    for row in rows:
        if row["value"] != "ANAPHORIC":
            if row["type"] == "DATE" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["value"] or ""):
                last_day = date.fromisoformat(row["value"])
            continue
        phrase = row["text"].lower()
        m = re.match(r"(a|one|two|three|four|five|six|seven|\d+)\s+(day|week)s?\s+(earlier|later|before|after)", phrase)
        if m:
            n = int(number_value(m[1])) * (7 if m[2] == "week" else 1)
            offset = -n if m[3] in ("earlier", "before") else n
        elif re.search(r"previous|before", phrase):
            offset = -1
        elif re.search(r"next|following|after", phrase):
            offset = 1
        else:
            offset = 0
        anchor_day, anchor = (last_day, "previous date") if last_day else (reference, "document date")
        if anchor_day is None:
            row.update(value="XXXX-XX-XX", anchor="document date", granularity="unknown")
            continue
        day = anchor_day + timedelta(days=offset)
        row.update(value=day_value(day), anchor=anchor, granularity="day",
                   first_day=day.isoformat(), last_day=day.isoformat())


def extract_timexes(corpus=None, *, dates: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``timexes`` table: every temporal expression of every article.

    Parameters
    ----------
    corpus : anything :func:`open_corpus` accepts (None = the seed corpus)
    dates : DataFrame, optional
        The corpus' :func:`~.document_dates.document_dates` table when it is already
        computed (the pipeline computes it once and passes it to every step).

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
    month names), rule, document_date (the reference used), block_id, role and
    sent_id.
    """
    from ..corpus.build import open_corpus
    from .document_dates import document_dates

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
    table = _attach_sentence(table, sentences)
    from ..corpus.blocks import attach_block

    table = attach_block(table, corpus.blocks, offset_column="start")
    for column in ("mod", "signal", "tense", "first_day", "last_day", "anchor"):
        table[column] = table[column].fillna("").astype(str)
    return table[TIMEX_COLUMNS].sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)


def _attach_sentence(table: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    sent_ids = []
    by_doc = {doc: group for doc, group in sentences.groupby("doc_id", sort=False)} if len(sentences) else {}
    for doc_id, start in zip(table["doc_id"], table["start"]):
        group = by_doc.get(doc_id)
        match = None
        if group is not None:
            hit = group[(group["start"] <= start) & (group["end"] > start)]
            match = int(hit["sent_id"].iloc[0]) if len(hit) else None
        sent_ids.append(match)
    table = table.copy()
    table["sent_id"] = pd.array(sent_ids, dtype="Int64")
    return table
