"""Hard-wrapped paragraphs: lines cut at a margin that carry one sentence on (split out of roles.py, round eight,
with no change of behaviour). :mod:`.roles` reads each group of lines as one paragraph.

It imports nothing from the package (a leaf of the import graph): whether a line is furniture by itself and whether
it ends a clause come in as functions from :mod:`.roles`.
"""

from __future__ import annotations

import re
from typing import Callable

#: Longest line that a hard wrap produces (characters): text wrapped for e-mail or a terminal runs 60 to 80.
WRAP_WIDTH = 100
#: Shortest line worth calling filled: a shorter line ended where its writer ended it, not at the margin.
MIN_WRAPPED_LINE = 30
#: A wrapped line is at least this share of the length of the line it runs on into.
SIMILAR_LENGTH = 0.6
#: A line ends its sentence (or its clause) when it closes with one of these, quotes or brackets after it
#: (:mod:`.roles` searches it as an :class:`~analysis_helpers.word_patterns.EndPattern`).
LINE_END, LINE_END_CHARS = r"[.!?…:;][\"”’')\]]*\s*$", ".!?…:;\"”’')]"
#: What a continued line opens with: a lower-case word, a figure before a lower-case word ("3 cents", not
#: "1 Min Read") or an amount ("$6.01 on").
_CONTINUES = re.compile(r"^(?:[a-z]|[$£€¥]?\d[\d.,%-]*\s+[a-z]|[$£€¥]\d)")


def _continues_line(previous: str, line: str, is_furniture: Callable, ends_clause: Callable) -> bool:
    """True when ``line`` carries on the sentence that ``previous`` was cut from by a hard wrap.

    ``previous`` stops at the margin: no end punctuation, filled (30 to 100 characters) and not much
    shorter than ``line`` (lines wrapped at one margin have similar lengths; a short label above a
    longer line does not). ``line`` opens like the middle of a sentence: lower case, a figure or a
    currency sign. Neither line is furniture by itself (a reading time under a title, a tag line).
    """
    previous, line = previous.strip(), line.strip()
    if not (MIN_WRAPPED_LINE <= len(previous) <= WRAP_WIDTH and len(line) <= WRAP_WIDTH):
        return False
    if ends_clause(previous) or not _CONTINUES.match(line):
        return False
    return len(previous) >= SIMILAR_LENGTH * len(line) and not is_furniture(line) and not is_furniture(previous)


#: A page with at least this many lines that carry on a sentence in lower case is hard-wrapped throughout.
WRAPPED_PAGE_LINES = 5
#: On a hard-wrapped page, a line this close to the page's wrap width (share of its longest wrapped line)
#: that stops without end punctuation was cut at the margin even when the next line opens with a capital.
FILLED_LINE = 0.8


def _filled_at_margin(previous: str, line: str, width: int, is_furniture: Callable, ends_clause: Callable) -> bool:
    """On a hard-wrapped page: ``previous`` ran to the margin without ending its sentence ("... Meltwater" then
    "News Service over ..."), and ``line`` is no longer than the margin. Neither is furniture."""
    previous, line = previous.strip(), line.strip()
    return (FILLED_LINE * width <= len(previous) <= width and 0 < len(line) <= width and not ends_clause(previous)
            and not is_furniture(line) and not is_furniture(previous))


def hard_wrap_groups(texts: list[str], is_furniture: Callable, ends_clause: Callable) -> list[range]:
    """The blocks grouped into paragraphs: a line that continues a hard-wrapped sentence joins the line above.

    A line continues the one above when it opens like the middle of a sentence (:func:`_continues_line`);
    on a page with :data:`WRAPPED_PAGE_LINES` such lines or more (a page wrapped at a margin throughout),
    also when the line above ran to the margin without ending (:func:`_filled_at_margin`): a wrap falls
    before a name as often as before a lower-case word.

    ``is_furniture(line)`` tells a line that is furniture by itself (a phrase of the block lexicon): it joins nothing;
    ``ends_clause(line)`` a line that closes with :data:`LINE_END`.

    Returns consecutive ranges of block numbers covering ``texts``; most are one block long.
    """
    joined = {i for i in range(1, len(texts)) if _continues_line(texts[i - 1], texts[i], is_furniture, ends_clause)}
    # a short line closes its paragraph with a sentence end or the next line carries its sentence on; a short
    # label under a title ("weather warning") does neither
    continues = [i for i in sorted(joined) if len(texts[i].strip()) >= MIN_WRAPPED_LINE
                 or ends_clause(texts[i]) or (i + 1 < len(texts) and _CONTINUES.match(texts[i + 1].strip()))]
    joins = set(continues)
    if len(continues) >= WRAPPED_PAGE_LINES:
        width = max(len(texts[i - 1].strip()) for i in continues)
        joins.update(i for i in range(1, len(texts))
                     if _filled_at_margin(texts[i - 1], texts[i], width, is_furniture, ends_clause))
    groups: list[range] = []
    start = 0
    for i in range(1, len(texts) + 1):
        if i == len(texts) or i not in joins:
            groups.append(range(start, i))
            start = i
    return groups
