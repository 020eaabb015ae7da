"""Cut a text into its non-blank lines, the blocks of the corpus (offsets into the text)."""

from __future__ import annotations

import re

_LINE = re.compile(r"[^\n]+")


def block_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-blank lines of ``text``, white space trimmed at both ends.

    Returns
    -------
    list of (start, end)
        ``text[start:end]`` is the line without its leading and trailing white space.
    """
    spans = []
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        spans.append((start, start + len(stripped)))
    return spans
