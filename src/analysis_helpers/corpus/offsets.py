"""Which block and which sentence of an article holds a character offset: one answer for every table.

Every extractor reports spans by offset and adds the block (``block_id``,
``role``) and the sentence (``sent_id``) its start falls in. They all ask
:class:`OffsetIndex`, which keeps each article's sorted block and sentence
starts and answers by bisection (``numpy.searchsorted``), so a lookup costs
log(n) and a whole table one vectorised pass per article.

Convention (see :mod:`analysis_helpers.schema`): an offset belongs to the last
block (sentence) starting at or before it, so a span in the white space between
two blocks belongs to the one before; an offset before the first block, or in
an article without blocks, gets ``-1`` and role ``""``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

NO_ID = -1
NO_ROLE = ""


def rows_by_doc(doc_ids) -> dict:
    """doc_id -> the positions of its rows, ascending (missing doc_ids left out), as ``groupby(...).indices``.

    One :func:`pandas.factorize` and one stable sort of the integer codes: several times faster than a
    ``groupby`` on a column of Arrow strings, which the per-chunk steps call for every table.
    """
    codes, uniques = pd.factorize(pd.Series(doc_ids) if not isinstance(doc_ids, pd.Series) else doc_ids)
    codes = np.asarray(codes)
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(uniques) + 1))
    return {doc: order[bounds[k]:bounds[k + 1]] for k, doc in enumerate(uniques)}


def _by_doc(table: pd.DataFrame, id_column: str, extra: str | None = None) -> dict:
    """doc_id -> (sorted starts, their ids, their ``extra`` values or None): grouped once, sorted per article."""
    if table is None or table.empty:
        return {}
    starts = table["start"].to_numpy(dtype="int64")
    ids = table[id_column].to_numpy(dtype="int64")
    extras = table[extra].to_numpy(dtype=object) if extra else None
    out = {}
    for doc, rows in rows_by_doc(table["doc_id"]).items():
        rows = rows[np.argsort(starts[rows], kind="stable")]  # by start; ties keep table order (a stable sort)
        out[doc] = (starts[rows], ids[rows], extras[rows] if extras is not None else None)
    return out


class OffsetIndex:
    """Per-article bounds of blocks and sentences, answering "which one holds this offset".

    Parameters
    ----------
    blocks : DataFrame
        ``doc_id, block_id, start, role`` (the ``blocks`` table).
    sentences : DataFrame, optional
        ``doc_id, sent_id, start`` (the ``sentences`` table).
    """

    def __init__(self, blocks: pd.DataFrame, sentences: pd.DataFrame | None = None):
        self._blocks = _by_doc(blocks, "block_id", "role")
        self._sentences = _by_doc(sentences, "sent_id")

    @staticmethod
    def _position(index: dict, doc_id, offset: int):
        entry = index.get(doc_id)
        if entry is None:
            return None, -1
        return entry, int(np.searchsorted(entry[0], offset, side="right")) - 1

    def block_at(self, doc_id, offset: int) -> int:
        """``block_id`` of the block holding ``offset`` in ``doc_id`` (-1 when none)."""
        entry, i = self._position(self._blocks, doc_id, offset)
        return int(entry[1][i]) if i >= 0 else NO_ID

    def role_at(self, doc_id, offset: int) -> str:
        """Role of that block ("" when none)."""
        entry, i = self._position(self._blocks, doc_id, offset)
        return str(entry[2][i]) if i >= 0 else NO_ROLE

    def sentence_at(self, doc_id, offset: int) -> int:
        """``sent_id`` of the sentence holding ``offset`` in ``doc_id`` (-1 when none)."""
        entry, i = self._position(self._sentences, doc_id, offset)
        return int(entry[1][i]) if i >= 0 else NO_ID

    def attach(self, spans: pd.DataFrame, *, offset_column: str = "start", blocks: bool = True,
               sentences: bool = False) -> pd.DataFrame:
        """``spans`` (``doc_id`` plus an offset column) with ``block_id`` and ``role`` and/or ``sent_id``.

        The columns are added, or replaced when present; rows keep their order.
        ``block_id`` and ``sent_id`` are int64 with -1 for none, ``role`` is "" there.
        """
        out = spans.copy()
        offsets = out[offset_column].to_numpy(dtype="int64") if len(out) else np.zeros(0, dtype="int64")
        wanted = ([("block_id", self._blocks)] if blocks else []) + ([("sent_id", self._sentences)] if sentences else [])
        rows_of = rows_by_doc(out["doc_id"])  # doc_id -> its row positions, in one pass
        for column, index in wanted:
            ids = np.full(len(out), NO_ID, dtype="int64")
            roles = np.full(len(out), NO_ROLE, dtype=object) if column == "block_id" else None
            for doc, rows in rows_of.items():
                entry = index.get(doc)
                if entry is None:
                    continue
                pos = np.searchsorted(entry[0], offsets[rows], side="right") - 1
                found = pos >= 0
                ids[rows[found]] = entry[1][pos[found]]
                if roles is not None:
                    roles[rows[found]] = entry[2][pos[found]]
            out[column] = pd.Series(ids, index=out.index, dtype="int64")
            if roles is not None:
                out["role"] = pd.Series(roles, index=out.index, dtype="str")
        return out


def sentence_spans(spans: pd.DataFrame, sentences: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The span of whole sentences holding each span: ``(context_start, context_end)`` arrays.

    The first sentence is the one holding the span's ``start`` and the last the one holding its
    last character (``end - 1``), by the convention above; the result is widened to the span
    itself when the span reaches outside them, so it always contains the span. -1 for both
    when the article has no sentence.

    Parameters
    ----------
    spans : DataFrame
        ``doc_id, start, end`` (offsets into each article's text).
    sentences : DataFrame
        The ``sentences`` table (``doc_id, start, end``).
    """
    starts = np.full(len(spans), NO_ID, dtype="int64")
    ends = np.full(len(spans), NO_ID, dtype="int64")
    if not len(spans) or sentences is None or sentences.empty:
        return starts, ends
    span_start = spans["start"].to_numpy(dtype="int64")
    span_end = spans["end"].to_numpy(dtype="int64")
    ordered = sentences.sort_values(["doc_id", "start"], kind="stable")
    # sentences and spans are grouped by doc_id once each, not compared row by row with every article
    all_starts = ordered["start"].to_numpy(dtype="int64")
    all_ends = ordered["end"].to_numpy(dtype="int64")
    by_doc = {doc: (all_starts[rows], all_ends[rows])
              for doc, rows in rows_by_doc(ordered["doc_id"]).items()}
    for doc, rows in rows_by_doc(spans["doc_id"]).items():
        if doc not in by_doc:
            continue
        sent_start, sent_end = by_doc[doc]
        first = np.maximum(np.searchsorted(sent_start, span_start[rows], side="right") - 1, 0)
        last_char = np.maximum(span_end[rows] - 1, span_start[rows])
        last = np.maximum(np.searchsorted(sent_start, last_char, side="right") - 1, first)
        starts[rows] = np.minimum(sent_start[first], span_start[rows])
        ends[rows] = np.maximum(sent_end[last], span_end[rows])
    return starts, ends
