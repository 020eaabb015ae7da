"""Cut a text into its non-blank lines, the blocks of the corpus (offsets into the text)."""

from __future__ import annotations


def block_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-blank lines of ``text``, white space trimmed at both ends.

    Returns
    -------
    list of (start, end)
        ``text[start:end]`` is the line without its leading and trailing white space.
    """
    spans = []
    line_start = 0
    for line in text.split("\n"):  # one C split: several times faster than re over every character
        stripped = line.strip()
        if stripped:
            start = line_start + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
        line_start += len(line) + 1
    return spans
