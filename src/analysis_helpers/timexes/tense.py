"""Tense of a clause and the choice of day or year for dates written without them.

"On Wednesday" in the past tense is the latest Wednesday up to the document
date, in the future tense the next one; a month written without a year goes
the same way when that stays within :data:`TENSE_WINDOW_DAYS`, else to the
nearest year.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from functools import lru_cache


_FUTURE = (r"will|won't|wo n't|'ll|’ll|shall|going to|(?:is|are|was|were) (?:expected|due|set|scheduled|"
           r"slated|poised) to|plans? to|intends? to|(?:is|are) to|upcoming|next|ahead|due (?:in|on|by|until|before)|"
           r"later|would|to be held|to meet|to visit|to travel|to attend")
_PAST = (r"was|were|had|did|has|have|said|told|met|spoke|went|came|made|gave|took|held|led|sent|"
         r"saw|began|became|left|won|lost|ran|set out|earlier|ago|last|\w+ed")
_TENSE_MARKER = re.compile(rf"\b(?:(?P<future>{_FUTURE})|(?P<past>{_PAST}))\b", re.IGNORECASE)
#: The same markers for lower-cased text: matched case-sensitively, about three times faster (see _marker_spans).
_TENSE_MARKER_LOWER = re.compile(_TENSE_MARKER.pattern)


_MODAL_BEFORE = re.compile(r"\b(?:will|would|should|could|may|might|must|shall|can|to|won't)\s+(?:not\s+)?(?:be\s+|have\s+been\s+|been\s+|get\s+)?$", re.IGNORECASE)
_PRESENT_BE_BEFORE = re.compile(r"\b(?:is|are|am|'re|’re)\s+(?:not\s+|also\s+|now\s+|still\s+|being\s+|widely\s+|usually\s+|typically\s+|normally\s+|generally\s+|often\s+|always\s+|traditionally\s+|routinely\s+)*$", re.IGNORECASE)
_PAST_BE_BEFORE = re.compile(r"\b(?:was|were|had been)\s+(?:not\s+)?$", re.IGNORECASE)
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|'s|’s)\s+(?:not\s+|also\s+|already\s+|been\s+)*$", re.IGNORECASE)
_NOT_VERBS = frozenset({"need", "indeed", "speed", "seed", "feed", "red", "bed", "shed", "breed", "greed",
                        "hundred", "creed", "deed", "weed", "bleed", "proceed", "exceed", "succeed"})


def clause_tense(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """'past', 'future' or 'present': the tense marker nearest to ``text[start:end]``.

    Only the sentence ``text[lo:hi]`` is searched; future markers ("will",
    "is expected to", "plans to") and past ones ("was", "said", "-ed" verbs)
    compete by distance, a marker before the expression winning over one as
    near after it. A participle after a modal ("will be finalized") counts as
    future, "has"/"have" and a participle after them (present perfect) as
    present, a participle after "is"/"are" ("losses are expected when markets
    reopen Tuesday") as present; "due in/until" is future unless "was due".
    No marker gives 'present'.

    The sentence's markers are found once and cached, and only the markers
    that can be nearest are compared, so a sentence holding many expressions
    costs its length once rather than once per expression.
    """
    markers = _sentence_markers(text, lo, hi)
    starts, ends = markers.starts, markers.ends
    # Markers are non-overlapping and sorted, so their ends are sorted too. The
    # nearest candidates: the last marker ending at or before the expression, a
    # marker straddling its start, and the first marker starting at or after its end.
    candidates = set()
    i = bisect_right(ends, start) - 1
    if i >= 0:
        candidates.add(i)
    j = bisect_left(starts, start)
    if j > 0 and ends[j - 1] > start:
        candidates.add(j - 1)
    k = bisect_left(starts, end)
    if k < len(starts):
        candidates.add(k)
    best, best_distance = "present", None
    for index in sorted(candidates):
        m_start, m_end, kind = markers.rows[index]
        if start <= m_start < end:
            continue
        distance = start - m_end if m_end <= start else m_start - end + 10
        if best_distance is None or distance < best_distance:
            best, best_distance = kind, distance
    return best


class _Markers:
    """Tense markers of one sentence: ``rows`` of (start, end, kind), and their starts and ends."""

    __slots__ = ("rows", "starts", "ends")

    def __init__(self, rows):
        self.rows = rows
        self.starts = [r[0] for r in rows]
        self.ends = [r[1] for r in rows]


@lru_cache(maxsize=16)
def _sentence_markers(text: str, lo: int, hi: int) -> _Markers:
    """Every tense marker of ``text[lo:hi]`` with its kind, in order (see :func:`clause_tense`)."""
    rows = []
    for start, end, word, future in _marker_spans(text, lo, hi):
        if word in _NOT_VERBS:
            continue
        kind = "future" if future else "past"
        left = text[max(lo, start - 25):start]
        if kind == "future" and word.startswith("due ") and _PAST_BE_BEFORE.search(left):
            kind = "past"  # "was due in May": a deadline in the past
        if kind == "past":
            if word in ("has", "have"):
                kind = "present"
            elif _MODAL_BEFORE.search(left):
                kind = "future"
            elif _PERFECT_BEFORE.search(left) or (word.endswith("ed") and _PRESENT_BE_BEFORE.search(left)):
                kind = "present"  # "has risen", "losses are expected when markets reopen": not a past clause
        rows.append((start, end, kind))
    return _Markers(rows)


def _marker_spans(text: str, lo: int, hi: int) -> list[tuple[int, int, str, bool]]:
    """``(start, end, word in lower case, whether a future marker)`` of ``_TENSE_MARKER.finditer(text, lo, hi)``.

    Read on the lower-cased sentence (and the character before it, which ``\\b`` reads) when lower-casing
    keeps every offset and no character matches a marker letter only under ``re.IGNORECASE`` (the dotless
    "ı" and the long "ſ"): re's case-insensitive match of a character is then its lower case's match.
    """
    begin = lo - 1 if lo > 0 else 0
    part = text[begin:hi]
    lowered = part.lower()
    if len(lowered) == len(part) and "ı" not in part and "ſ" not in part:
        return [(m.start() + begin, m.end() + begin, m.group(0), m.group("future") is not None)
                for m in _TENSE_MARKER_LOWER.finditer(lowered, lo - begin)]
    return [(m.start(), m.end(), m.group(0).lower(), m.group("future") is not None)
            for m in _TENSE_MARKER.finditer(text, lo, hi)]


def weekday_date(reference: date, weekday: int, tense: str) -> date:
    """The weekday (0=Monday) nearest ``reference`` in the direction of ``tense``.

    Past: the latest such day up to and including the reference; future: the
    next one from the reference on; present: the closer of the two (past on a tie).
    """
    back = reference - timedelta(days=(reference.weekday() - weekday) % 7)
    ahead = reference + timedelta(days=(weekday - reference.weekday()) % 7)
    if tense == "future":
        return ahead
    if tense == "past":
        return back
    return back if (reference - back) <= (ahead - reference) else ahead


#: A date without a year is taken in the direction of the tense only when that
#: lands within this many days of the document date; otherwise the nearest wins.
TENSE_WINDOW_DAYS = 330


def choose_year(reference: date, make, tense: str) -> int:
    """Year for a month, month-day or quarter written without one.

    ``make(year)`` gives the first day of the expression in that year. The
    candidate years are the reference year and its neighbours; the tense picks
    the latest one up to the reference (past) or the next one (future) when
    that is within :data:`TENSE_WINDOW_DAYS`, else the candidate nearest to
    the reference wins (news dates cluster around the day of writing).
    """
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            first, last = make(year)
        except ValueError:
            continue
        if last < reference:
            distance, side = (reference - last).days, "past"
        elif first > reference:
            distance, side = (first - reference).days, "future"
        else:
            distance, side = 0, "both"
        candidates.append((distance, year, side))
    if not candidates:
        return reference.year
    if tense in ("past", "future"):
        directed = [c for c in candidates if c[2] in (tense, "both")]
        if directed:
            best = min(directed)
            if best[0] <= TENSE_WINDOW_DAYS:
                return best[1]
    return min(candidates, key=lambda c: (c[0], c[2] != "past", c[1]))[1]
