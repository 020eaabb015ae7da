"""The blocks table: one row per non-blank line of every article, with its role.

Where the pieces live: :func:`block_spans` (cutting a text into lines) in :mod:`.lines`;
:func:`segment_blocks` (lines and their roles) in :mod:`.roles`, beside the classifier it calls, so
that :mod:`.build` stands one import level lower. Both stay importable from here.
"""

from __future__ import annotations

import pandas as pd

from .lines import block_spans  # noqa: F401  (re-exported)
from .offsets import OffsetIndex
from .roles import BLOCK_COLUMNS, segment_blocks  # noqa: F401  (re-exported)


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
