"""Pair quotation marks in one paragraph, as scrapes really type them.

Marks are judged by their context, not by their shape: a mark with white space
(or an opening bracket) before it and a letter after it opens a quotation, a mark
glued to the word before it and followed by a space or punctuation closes one.
So ``”`` typed as an opening mark still opens, and a straight ``"`` works both
ways. Single marks double as apostrophes, so a single-quoted span needs a clear
opener and a closer within a short distance; a possessive (``Allies’``) or a
stray apostrophe (``Russia’ claims``) with no opener before it is never paired.
Guillemets pair only as ``«…»``; a lone ``»`` ("Read more »") is not a quote.

A quotation left open at the end of the paragraph is closed there and flagged;
one left open when a new opening mark appears is closed at the last sentence end
before that mark and flagged.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from dataclasses import dataclass

DOUBLE_MARKS = "\"“”„‟"
SINGLE_MARKS = "'‘’‚‛"
_OPEN_BEFORE = "([{—–-/“‘\"'«"
_CLOSE_AFTER = ",.;:!?)]}—–-…»"
MAX_SINGLE_CHARS = 200
#: A quotation of at most this many words, without punctuation of its own, may be a label (a term).
MAX_LABEL_WORDS = 5
_DOUBLE_OR_GUILLEMET = re.compile("[" + re.escape(DOUBLE_MARKS) + "«]")
_SINGLE_OR_DOUBLE = re.compile("[" + re.escape(DOUBLE_MARKS + SINGLE_MARKS) + "]")
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s+")
#: A single mark with white space, an opening bracket or nothing before it: where :func:`opens_here` can be true
#: (a paragraph without one, most of them, holds apostrophes only)
_SINGLE_OPENING_SPOT = re.compile(
    "[" + re.escape(SINGLE_MARKS) + "](?<![^\\s" + re.escape(_OPEN_BEFORE) + "][" + re.escape(SINGLE_MARKS) + "])")


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation in a paragraph (offsets relative to the paragraph string).

    ``start``/``end`` delimit the quoted words, marks excluded and white space
    trimmed; ``open_mark``/``close_mark`` are the characters used (``close_mark``
    is empty when the quotation was never closed).
    """

    start: int
    end: int
    open_mark: str
    close_mark: str
    unclosed: bool
    single: bool


def _before(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else " "


def _after(text: str, i: int) -> str:
    return text[i + 1] if i + 1 < len(text) else " "


def opens_here(text: str, i: int) -> bool:
    """True when the mark at ``i`` stands where an opening mark stands (space before, word after)."""
    prev, nxt = _before(text, i), _after(text, i)
    return (prev.isspace() or prev in _OPEN_BEFORE) and not nxt.isspace() and nxt not in ",;)]}"


def closes_here(text: str, i: int) -> bool:
    """True when the mark at ``i`` stands where a closing mark stands (word before, break after)."""
    prev, nxt = _before(text, i), _after(text, i)
    if prev.isspace():
        return False
    if nxt.isspace() or nxt in _CLOSE_AFTER or nxt in DOUBLE_MARKS + SINGLE_MARKS:
        return True
    # two blocks glued by the scrape: "... 'Joke'Senator Richard ..."
    return (prev.islower() or prev in ".,!?") and nxt.isupper()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _span(text, start, end, open_mark, close_mark, unclosed, single) -> QuoteSpan | None:
    s, e = _trimmed(text, start, end)
    if e <= s:
        return None
    return QuoteSpan(s, e, open_mark, close_mark, unclosed, single)


def double_quote_spans(text: str) -> list[QuoteSpan]:
    """Quotations in double marks (and guillemets) of one paragraph, in order."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for found in _DOUBLE_OR_GUILLEMET.finditer(text):
        i, ch = found.start(), found.group()
        if ch == "«" and open_at is None:
            close = text.find("»", i + 1)
            if close != -1:
                span = _span(text, i + 1, close, "«", "»", False, False)
                if span:
                    spans.append(span)
            continue
        if ch == "«":
            continue
        if spans and spans[-1].close_mark == "»" and i < spans[-1].end:
            continue
        if open_at is None:
            if opens_here(text, i) or (ch in "“„" and not closes_here(text, i)):
                open_at = i
            continue
        if closes_here(text, i) and not opens_here(text, i):
            span = _span(text, open_at + 1, i, text[open_at], ch, False, False)
            if span:
                spans.append(span)
            open_at = None
        elif opens_here(text, i):
            # a new opening mark while one is open: the first was never closed
            segment = text[open_at + 1:i]
            ends = list(_SENTENCE_END.finditer(segment))
            cut = open_at + 1 + (ends[-1].start() + 1 if ends else len(segment))
            span = _span(text, open_at + 1, cut, text[open_at], "", True, False)
            if span:
                spans.append(span)
            open_at = i
        else:  # glued on both sides: take it as the closing mark
            span = _span(text, open_at + 1, i, text[open_at], ch, False, False)
            if span:
                spans.append(span)
            open_at = None
    if open_at is not None:
        span = _span(text, open_at + 1, len(text), text[open_at], "", True, False)
        if span:
            spans.append(span)
    return spans


def single_quote_spans(text: str, taken: list[QuoteSpan] = ()) -> list[QuoteSpan]:
    """Quotations in single marks outside the ``taken`` spans, apostrophes left alone.

    An opener needs white space or an opening bracket before it and a letter
    after it; the closer is the first closing-shaped mark within
    :data:`MAX_SINGLE_CHARS` characters that crosses no double mark.
    """
    if not _SINGLE_OPENING_SPOT.search(text):
        return []  # every single mark is glued to the word before it: apostrophes, never an opener
    blocked = sorted((s.start - 1, s.end + 1) for s in taken)
    blocked_starts = [a for a, _ in blocked]
    blocked_reach = list(accumulate((b for _, b in blocked), max))  # the furthest end up to each span

    def inside_taken(i: int) -> bool:
        # a bisect, not a scan of every span: a paragraph of many quotations and marks stays linear
        k = bisect_right(blocked_starts, i) - 1
        return k >= 0 and blocked_reach[k] > i

    spans: list[QuoteSpan] = []
    marks = [(m.start(), m.group()) for m in _SINGLE_OR_DOUBLE.finditer(text)]
    resume = 0
    for k, (i, ch) in enumerate(marks):
        if i < resume or ch not in SINGLE_MARKS:
            continue
        if not (opens_here(text, i) and _after(text, i).isalpha() and not inside_taken(i)):
            continue
        limit = i + 1 + MAX_SINGLE_CHARS
        newline = text.find("\n", i, limit)
        if newline != -1:
            limit = newline
        for j, cj in marks[k + 1:]:
            if j >= limit or cj in DOUBLE_MARKS or inside_taken(j):
                break
            if j >= i + 2 and cj in "’'‛" and closes_here(text, j):
                span = _span(text, i + 1, j, ch, cj, False, True)
                if span:
                    spans.append(span)
                resume = j + 1
                break
    return spans


def quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation of one paragraph (double, guillemet and single), sorted by start."""
    doubles = double_quote_spans(text)
    singles = single_quote_spans(text, doubles)
    return sorted(doubles + singles, key=lambda s: (s.start, s.end))
