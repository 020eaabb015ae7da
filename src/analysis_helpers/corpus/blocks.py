"""Cut articles into blocks (one non-blank line each) and give every block a role."""

from __future__ import annotations

import re

import pandas as pd

from ..resources import accepts_lexicons
from .offsets import OffsetIndex
from .roles import classify_block_roles, repeated_lines

BLOCK_COLUMNS = ["doc_id", "block_id", "start", "end", "text", "role"]

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


@accepts_lexicons
def segment_blocks(articles: pd.DataFrame, *, repeated=None, lexicons=None) -> pd.DataFrame:
    """One row per block (non-blank line) of every article, with its role.

    Parameters
    ----------
    articles : DataFrame
        Needs ``doc_id`` and ``text``.
    repeated : :class:`.roles.RepeatedLines`, optional
        The lines repeated across the whole corpus (furniture evidence), computed once per corpus
        by :func:`.roles.repeated_lines`. Default: counted over ``articles`` itself, which is
        right when ``articles`` is the whole corpus; a chunk of it must be given the corpus' set.
    lexicons : folder, dict or :class:`~analysis_helpers.resources.Lexicons`, optional
        Lexicon files replacing the packaged ones for this call (see
        :mod:`analysis_helpers.resources`); missing files fall back to the package.

    Returns
    -------
    DataFrame
        ``doc_id``; ``block_id`` (0-based position in the article); ``start`` and
        ``end`` (character offsets into the article's ``text``, end exclusive);
        ``text`` (equal to ``article_text[start:end]``); ``role``, one of
        :data:`analysis_helpers.block_roles.ROLES`; ``role_rule`` (which rule
        gave the role). Sorted by doc_id, block_id.
    """
    if repeated is None:
        repeated = repeated_lines(articles["text"])
    rows = []
    for doc_id, text in zip(articles["doc_id"], articles["text"]):
        spans = block_spans(text)
        texts = [text[s:e] for s, e in spans]
        labelled = classify_block_roles(texts, repeated)
        for block_id, ((start, end), block_text, (role, rule)) in enumerate(zip(spans, texts, labelled)):
            rows.append((doc_id, block_id, start, end, block_text, role, rule))
    blocks = pd.DataFrame(rows, columns=BLOCK_COLUMNS + ["role_rule"])
    blocks = blocks.astype({"block_id": "int64", "start": "int64", "end": "int64"})
    return blocks.sort_values(["doc_id", "block_id"], kind="stable").reset_index(drop=True)


def attach_block(spans: pd.DataFrame, blocks: pd.DataFrame, *, offset_column: str = "start") -> pd.DataFrame:
    """Add ``block_id`` and ``role`` to a table of spans (``doc_id`` plus an offset column).

    A span belongs to the block holding its offset; spans in the white space
    between blocks get the block before them (see :class:`.offsets.OffsetIndex`,
    which extractors use through ``corpus.offsets``).

    Returns
    -------
    DataFrame
        ``spans`` with ``block_id`` (int, -1 when before any block or in an unknown
        article) and ``role`` ("" there) columns added (replaced when present);
        row order unchanged.
    """
    return OffsetIndex(blocks).attach(spans, offset_column=offset_column)
