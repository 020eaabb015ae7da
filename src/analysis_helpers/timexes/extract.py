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

Value conventions (TimeML, as the MEANTIME / NewsReader guidelines apply them; measured by
``benchmarks/bench_timexes.py``):

- "N units ago" is the DURATION ``PnU`` ("two years ago": ``P2Y``) that ends at the document date;
  the point it reaches back to ("2022") gives first_day, last_day and granularity, so the row is
  still dated (and the timeline still uses it). Without a document date the point stays unknown.
- "the past year", "the last quarter", "the next month" (no number) are the calendar unit before or
  after the document date's own, like "last year" ("the past decade" in 2011 is ``200``); with a
  number ("the past five days") they stay durations.
- "decades", "years" without a number are ``PXDE``, ``PXY``; "now", "currently" are ``PRESENT_REF``;
  "recently" is ``PAST_REF``; "annual", "every year" are the SET ``P1Y``.
- A year written "2002-03" beside a season or a fiscal word is one season or fiscal year (``2002``,
  ``FY2003``), not a duration; seasons are ``2024-SU``, quarters ``2024-Q1``, fiscal years ``FY2024``.
- A named fiscal year ("fiscal 2020", "fiscal year 2020", "the 2020 fiscal year", "FY2020", "FY20") is
  ``FY2020``, with no first_day or last_day (fiscal calendars differ); "the same period of the last
  year" or "the year previous" after a fiscal year is the fiscal year before it (``FY2019``).
- "three years later", "two months earlier" follow the "ago" convention: the DURATION (``P3Y``), the
  whole phrase one expression (no separate ``FUTURE_REF`` for "later"); "a week later" and "two days
  earlier" stay dated from the previous day named ("anaphoric" rows).
- "the year-ago quarter", "the year-earlier period", "the prior-year quarter" are the same period a year
  before the last one named, like "the same quarter last year" (``2022-Q3``).
- A month with its relative year is one expression: "September last year" ``2023-09``, "January next
  year", "March of this year" (as "the third quarter of this year" is one).
- "as soon as" is a signal (a conjunction), not a time; "soon" alone is ``FUTURE_REF``. "three quarters
  of its workers" is a fraction, not ``P3Q``.
- Without a document date a relative unit keeps its granularity: "last week" is ``XXXX-WXX``, "this
  month" ``XXXX-XX``, "next quarter" ``XXXX-QX``, "this fiscal year" ``FYXXXX`` (with a ``reason``).
- Two consecutive years written in full ("2016–2017 seasonal period") are one season or fiscal year like
  "2002-03" (``2016``; ``FY2017`` with a fiscal word; "fiscal year 2017–2018" is ``FY2018``); "2009 to 2011"
  stays the DURATION ``P2Y``.
- "this weekend" in a past clause is the weekend just gone (a Monday's "won the league this weekend");
  "the weekend" is a date after a preposition and at the start of a sentence or heading ("Goal of the weekend").
- The end of a range comes after its start: "from this week until January" in December is next January;
  "ran from November to February" is the November before.
- A clock time takes the day written beside it, else the only day its sentence names, else the last day
  named before it in the sentence ("The Jan. 6 launch is at 6:18 a.m. ... a backup on Jan. 7").
- "soon after the vote" relates two events (a signal): no time; "a couple weeks" is ``P2W``.
- "75 hours of video", "hours of footage": recorded material measured in time (the ``recorded:``
  nouns of ``data/timex_exclusions.txt``) is an amount, not a DURATION, and is not tagged.
"""

from __future__ import annotations

import pandas as pd

from ..corpus.build import open_corpus
from ..resources import accepts_lexicons, anchor_events
from .document_dates import document_dates
from .table import TIMEX_COLUMNS, timexes_table
from .tagger import tag_text
from .tense import clause_tense

__all__ = ["TIMEX_COLUMNS", "anchor_events", "clause_tense", "extract_timexes", "tag_text"]


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

    When ``dates`` is given this is :func:`.table.timexes_table`, which the pipeline calls directly.
    """
    corpus = open_corpus(corpus)
    return timexes_table(corpus, document_dates(corpus) if dates is None else dates)
