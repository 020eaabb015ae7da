"""Tag one text: every temporal expression with its TIMEX3 value and calendar interval.

:func:`tag_text` runs the rules of :mod:`.rules` over a text and resolves what
they leave relative ("the previous day", a clock time beside a named day). It
knows nothing of a corpus: :mod:`.document_dates` calls it without a reference
date to find a document's own dates, :mod:`.extract` with one for the table.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta

from ..resources import _anchor_event_rows, accepts_lexicons
from .lexicon import SIGNAL_MODS, number_value
from .rules import RuleContext, candidates, normalise
from .values import day_value, value_interval

#: ``reason`` of a relative expression left underspecified because its document has no date.
NO_DOCUMENT_DATE = "no document date: relative to a date the document does not give"


@accepts_lexicons
def tag_text(text: str, reference: date | None = None, sentence_bounds=(), *, lexicons=None) -> list[dict]:
    """Every temporal expression in one text, resolved against ``reference``.

    Parameters
    ----------
    text : str
    reference : datetime.date, optional
        The document date. Without it, relative expressions keep ``X``
        placeholders ("XXXX-WXX-3") and no calendar interval.
    sentence_bounds : sequence of (start, end)
        Sentence offsets, used to read the tense around weekday and month names.
    lexicons : folder, dict or :class:`~analysis_helpers.resources.Lexicons`, optional
        Lexicon files replacing the packaged ones for this call (see
        :mod:`analysis_helpers.resources`); missing files fall back to the package.

    Returns
    -------
    list of dict with start, end, text, type, value, mod, anchor, signal,
    tense, rule, granularity, first_day, last_day, reason (why a value stays
    underspecified, empty when it is not); sorted by start.
    """
    if not isinstance(text, str) or not text:
        return []
    ctx = RuleContext(text, reference, sorted(sentence_bounds) or [(0, len(text))])
    taken = bytearray(len(text))
    rows = []
    for _, start, _, end, rule, m in candidates(text):
        if any(taken[start:end]):
            continue
        try:
            result = normalise(rule, m, ctx, start, end)
        except (OverflowError, ValueError):  # "99999999999 days ago": date arithmetic leaves the calendar
            result = _out_of_calendar(rule)
        if result is None:
            continue
        taken[start:end] = b"\x01" * (end - start)
        signal = (m.group("sig").lower() if rule == "event" else ctx.signal(start))
        point = result.pop("point", None)
        if not result["mod"] and signal in SIGNAL_MODS and result["type"] == "DURATION" and point is None:
            result["mod"] = SIGNAL_MODS[signal]
        first, last, granularity = value_interval(result["value"])
        if "interval" in result:  # a range of days ("24-25 June"): the value is their month
            first, last = result.pop("interval")
            granularity = "day"
        if point is not None:  # "two years ago": the duration P2Y, dated by the point it reaches back to
            first, last, granularity = value_interval(point)
        elif result["type"] == "DURATION":
            granularity = "duration"
        elif result["type"] == "SET":
            granularity = "set"
            first = last = None
        if result["value"] == "PRESENT_REF" and reference is not None:
            first = last = reference
        if rule == "relative_unit" and reference is not None and first is not None:
            pre = (m.group("pre") or "").lower()
            if pre == "earlier" and last >= reference:
                last = max(reference, date.min + timedelta(days=1)) - timedelta(days=1)
            elif pre == "later" and first <= reference:
                first = min(reference, date.max - timedelta(days=1)) + timedelta(days=1)
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
    _ranges_run_forward(rows, text)
    _times_on_sentence_dates(rows, ctx)
    _quoted_days_at_speech_time(rows, ctx)
    for row in rows:
        underspecified = "X" in (row["value"] or "") or row["first_day"] is None
        row["reason"] = (NO_DOCUMENT_DATE if reference is None and underspecified
                         and row["anchor"] == "document date" and row["type"] in ("DATE", "TIME") else "")
    return rows


#: The ``anchor`` of an expression whose date would fall outside years 1 to 9999: left unresolved.
OUT_OF_CALENDAR = "out of calendar range"


def _out_of_calendar(rule: str) -> dict:
    """The fields of an expression whose date arithmetic leaves the calendar: unresolved, and saying so."""
    kind = "DURATION" if rule in ("duration",) else "DATE"
    return {"type": kind, "value": "XXXX-XX-XX", "mod": "", "anchor": OUT_OF_CALENDAR, "tense": ""}


#: A day value, YYYY-MM-DD.
_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DAY_WORD_OFFSETS = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}
_SPEECH_VERB = re.compile(r"\b(?:said|says|say|told|tells|added|adds|announced|stated|declared|warned|wrote|"
                          r"insisted|explained|noted|argued|promised|predicted|replied|remarked)\b", re.IGNORECASE)
_OPENING, _CLOSING = "“‘", "”’"


def _inside_quotation(text: str, lo: int, offset: int) -> bool:
    """True when ``offset`` lies between an opening and a closing quotation mark opened in ``text[lo:offset]``."""
    return _QuoteMarks(text).inside(lo, offset)


class _QuoteMarks:
    """Positions of the quotation marks of a text, so that :func:`_inside_quotation` is a bisect, not a scan."""

    def __init__(self, text: str):
        self.opening = [m.start() for m in re.finditer("“", text)]
        self.closing = [m.start() for m in re.finditer("”", text)]
        self.straight = [m.start() for m in re.finditer('"', text)]

    @staticmethod
    def _count(positions: list[int], lo: int, offset: int) -> int:
        return bisect_left(positions, offset) - bisect_left(positions, lo) if offset > lo else 0

    def inside(self, lo: int, offset: int) -> bool:
        curly = self._count(self.opening, lo, offset) - self._count(self.closing, lo, offset)
        return curly > 0 or self._count(self.straight, lo, offset) % 2 == 1


def _quoted_days_at_speech_time(rows: list[dict], ctx: RuleContext) -> None:
    """"today", "tomorrow", "yesterday" inside a quotation count from the day the words were said.

    When the same sentence says, outside the quotation and beside a speech verb, on which day it was
    said (“We sign tomorrow,” she said on Tuesday), the quoted day word is that day plus its offset;
    otherwise it stays counted from the document date. Changes ``rows`` in place.
    """
    if not any(row["rule"] == "day_word" and row["text"].lower().split()[-1] in _DAY_WORD_OFFSETS for row in rows):
        return  # no day word to move (speed: most articles have none; the quotation marks are not read)
    marks = _QuoteMarks(ctx.text)
    said_days: dict[int, list[dict]] = {}  # sentence start -> dated rows said there, in order
    for row in rows:
        if row["type"] != "DATE" or not _DAY_VALUE.fullmatch(row["value"] or ""):
            continue
        lo, hi = ctx.sentence_of(row["start"])
        if marks.inside(lo, row["start"]):
            continue
        near = ctx.text[max(lo, row["start"] - 40):min(hi, row["end"] + 40)]
        if _SPEECH_VERB.search(near):
            said_days.setdefault(lo, []).append(row)
    if not said_days:
        return
    for row in rows:
        word = row["text"].lower().split()[-1] if row["rule"] == "day_word" else ""
        if word not in _DAY_WORD_OFFSETS:
            continue
        lo, hi = ctx.sentence_of(row["start"])
        if not marks.inside(lo, row["start"]):
            continue
        speech = next((r for r in said_days.get(lo, ())[:2] if r is not row), None)
        if speech is None:
            continue
        try:
            day = date.fromisoformat(speech["value"]) + timedelta(days=_DAY_WORD_OFFSETS[word])
        except OverflowError:  # said on 9999-12-31, "tomorrow": left counted from the document date
            continue
        row.update(value=day_value(day) + (row["value"][10:] if len(row["value"] or "") > 10 else ""),
                   first_day=day.isoformat(), last_day=day.isoformat(), anchor="time of the speech")


#: The words between the two ends of a range ("from this week until January") and the one before its start.
_RANGE_JOIN = re.compile(r"\s*(?:until|till|to|through|thru|and|-|–)\s*", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
#: Rules that pick the year of a month or a day the text writes without one (by the clause's tense).
_YEARLESS_RULES = ("month", "month_day", "day_month")


def _yearless(row: dict) -> bool:
    return (row["rule"] in _YEARLESS_RULES and row["first_day"] is not None
            and re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", row["value"] or "") is not None
            and not re.search(r"\d{4}|'\d\d", row["text"]))


def _ranges_run_forward(rows: list[dict], text: str) -> None:
    """The end of a range comes after its start: "from this week until January" in December is next January.

    A month or a day written without a year takes its year from the clause's tense, one end at a time;
    when that puts the end of "from X until Y" (or "between X and Y") before its start, the end written
    without a year moves a year on, or, in a past clause or when only the start lacks a year, the start
    moves a year back. Changes ``rows`` in place.
    """
    for a, b in zip(rows, rows[1:]):
        if (a["first_day"] is None or b["first_day"] is None or not _RANGE_JOIN.fullmatch(text[a["end"]:b["start"]])
                or not _RANGE_OPEN.search(text[max(0, a["start"] - 10):a["start"]]) or b["last_day"] >= a["first_day"]):
            continue
        past = "past" in (a.get("tense"), b.get("tense"))  # "ran from November to February": the start moves back
        moved, step = ((a, -1) if _yearless(a) and (past or not _yearless(b)) else (b, 1) if _yearless(b)
                       else (None, 0))
        if moved is None:
            continue
        value = f"{int(moved['value'][:4]) + step:04d}{moved['value'][4:]}"
        try:
            first, last, _ = value_interval(value)
        except ValueError:  # 29 February in a year without one
            continue
        if first is not None:
            moved.update(value=value, first_day=first.isoformat(), last_day=last.isoformat())


def _times_on_sentence_dates(rows: list[dict], ctx: RuleContext) -> None:
    """A clock time on the document date moves to the day named in the same sentence ("Tuesday ... at 18:00").

    The day written right after the time wins; when the sentence names several days, the last one named
    before the time; otherwise the time stays on the document date.
    """
    days = [r for r in rows if r["type"] == "DATE" and _DAY_VALUE.fullmatch(r["value"] or "")]
    day_starts = [d["start"] for d in days]  # rows are sorted by start: bisect, not a scan per time
    for row in rows:
        if row["rule"] != "time" or "T" not in (row["value"] or "") or row["anchor"] != "document date":
            continue
        lo, hi = ctx.sentence_of(row["start"])
        same = days[bisect_left(day_starts, lo):bisect_left(day_starts, hi)]
        beside = next((d for d in same if 0 <= d["start"] - row["end"] <= 5
                       and re.fullmatch(r"[\s,]*(?:on\s+)?", ctx.text[row["end"]:d["start"]])), None)
        if beside is not None:  # "at 16:15 UTC, June 1st": the date written beside the time wins
            same = [beside]
        elif len({d["value"] for d in same}) > 1:  # "The Jan. 6 launch is at 6:18 a.m., a backup on Jan. 7":
            before = [d for d in same if d["end"] <= row["start"]]  # the day last named before the time
            same = before[-1:]
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
    last_day, last_date = None, None
    for row in rows:
        if (row["value"] or "").startswith("ANAPHORIC_"):
            _resolve_anaphoric_period(row, last_date, reference)
            continue
        if not (row["value"] or "").startswith("ANAPHORIC"):
            if row["type"] == "DATE" and _DAY_VALUE.fullmatch(row["value"] or ""):
                last_day = date.fromisoformat(row["value"])
            if row["type"] == "DATE" and _CALENDAR_VALUE.fullmatch(row["value"] or ""):
                last_date = row["value"]
            continue
        clock = row["value"][len("ANAPHORIC"):]  # "TMO" of "in morning trading"
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
            row.update(value="XXXX-XX-XX" + clock, anchor="document date", granularity="unknown")
            continue
        try:
            day = anchor_day + timedelta(days=offset)
        except OverflowError:  # "on 9999-12-31 ... a day later"
            row.update(_out_of_calendar(row["rule"]), granularity="unknown", first_day=None, last_day=None)
            continue
        row.update(value=day_value(day) + clock, anchor=anchor, granularity="day",
                   first_day=day.isoformat(), last_day=day.isoformat())


#: A calendar value another expression can count from: a year, month, day, quarter, half or season,
#: or a fiscal year ("FY2007": "the same period of the last year" after it is ``FY2006``).
_CALENDAR_VALUE = re.compile(r"\d{4}(?:-(?:\d{2}(?:-\d{2})?|Q[1-4]|H[12]|W\d{2}|SP|SU|FA|WI))?|FY\d{4}(?:-Q[1-4])?")


def _set_fiscal_year(row: dict, year: int, anchor: str) -> None:
    """Give ``row`` the fiscal year ``FY<year>`` (no calendar interval: fiscal calendars differ)."""
    if year <= 1:
        row.update(_out_of_calendar(row["rule"]), granularity="unknown", first_day=None, last_day=None)
        return
    row.update(value=f"FY{year:04d}", anchor=anchor, granularity="unknown", first_day=None, last_day=None)


def _resolve_anaphoric_period(row: dict, last_date: str | None, reference: date | None) -> None:
    """Resolve "the year previous" (``ANAPHORIC_YEAR-1``), "the prior month" (``ANAPHORIC_MONTH-1``) and
    "the same period a year ago" (``ANAPHORIC_SAME-1Y``) against the last calendar date named before them.

    Without one, the document date is the anchor; without either the value stays ``XXXX``-based.
    Changes ``row`` in place (value, anchor, granularity, first_day, last_day).
    """
    kind = row["value"]
    anchor = "previous date"
    if last_date is None and reference is not None:
        last_date = reference.isoformat()[:7] if kind != "ANAPHORIC_YEAR-1" else str(reference.year)
        anchor = "document date"
    if last_date is None:
        row.update(value="XXXX" if kind == "ANAPHORIC_YEAR-1" else "XXXX-XX", anchor="document date",
                   granularity="unknown", first_day=None, last_day=None)
        return
    if last_date.startswith("FY"):  # after a fiscal year, the year before or the same period a year ago is the
        if kind != "ANAPHORIC_MONTH-1":  # fiscal year before it (MEANTIME convention); a month counts from the text's
            _set_fiscal_year(row, int(last_date[2:6]) - 1, anchor)
            if kind == "ANAPHORIC_SAME-1Y" and row["value"].startswith("FY") and last_date[6:]:
                row["value"] += last_date[6:]  # "the same period last year" after FY2001-Q3: FY2000-Q3
            return
        last_date, anchor = (reference.isoformat()[:7], "document date") if reference is not None else (last_date[2:], anchor)
    year = int(last_date[:4])
    if kind == "ANAPHORIC_MONTH-1" and not re.match(r"\d{4}-\d{2}\b", last_date):
        if reference is None:  # "the prior month" after a bare year, in an undated text: no month to count from
            row.update(value="XXXX-XX", anchor="document date", granularity="unknown", first_day=None, last_day=None)
            return
        last_date, anchor = reference.isoformat()[:7], "document date"
    if kind == "ANAPHORIC_YEAR-1":
        value = f"{year - 1:04d}"
    elif kind == "ANAPHORIC_MONTH-1":
        year, month = int(last_date[:4]), int(last_date[5:7])
        value = f"{year - (month == 1):04d}-{(month - 2) % 12 + 1:02d}"
    else:  # the same period, one year earlier, no finer than its unit ("the same month": a month)
        unit = (re.search(r"same\s+(\w+)", row["text"].lower()) or re.search(r"(\w+)$", row["text"].lower())).group(1)
        keep = {"day": 10, "week": 10, "month": 7, "quarter": 7}.get(unit, 7)
        value = f"{year - 1:04d}{last_date[4:keep]}"
        if unit == "quarter" and re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", last_date):  # "the year-ago quarter"
            value = f"{year - 1:04d}-Q{(int(last_date[5:7]) - 1) // 3 + 1}"
    if year <= 1:
        row.update(_out_of_calendar(row["rule"]), granularity="unknown", first_day=None, last_day=None)
        return
    first, last, granularity = value_interval(value)
    row.update(value=value, anchor=anchor, granularity=granularity,
               first_day=first.isoformat() if first else None, last_day=last.isoformat() if last else None)
