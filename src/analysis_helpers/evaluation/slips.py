"""Find the documented factual slips of a reference table in the article texts, with offsets."""

from __future__ import annotations

import pandas as pd

from ..corpus.blocks import attach_block
from ..corpus.build import open_corpus
from ..paths import reference_dir

SLIP_COLUMNS = ["doc_id", "start", "end", "claim", "problem", "correction", "source", "role"]


def read_known_slips(path=None) -> pd.DataFrame:
    """The reference table of slips (default ``data/reference/known_slips.csv``) as strings."""
    path = path or reference_dir() / "known_slips.csv"
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def locate_slips(corpus, slips: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every occurrence of every documented slip in its article.

    Parameters
    ----------
    corpus : anything :func:`open_corpus` accepts
    slips : DataFrame, optional
        ``doc_id, claim, problem, correction, source``; defaults to :func:`read_known_slips`.

    Returns
    -------
    DataFrame
        ``doc_id, start, end, claim, problem, correction, source, role`` with
        ``text[start:end] == claim`` (exact match, case-sensitive). A claim that is
        not found has ``start`` and ``end`` of -1, so a reference row is never lost.
        Sorted by doc_id, start.
    """
    corpus = open_corpus(corpus)
    slips = read_known_slips() if slips is None else slips
    texts = dict(zip(corpus.articles["doc_id"], corpus.articles["text"]))
    rows = []
    for slip in slips.drop_duplicates(subset=["doc_id", "claim"]).itertuples(index=False):
        text = texts.get(slip.doc_id, "")
        found = False
        start = text.find(slip.claim)
        while start != -1:
            found = True
            rows.append({**slip._asdict(), "start": start, "end": start + len(slip.claim)})
            start = text.find(slip.claim, start + 1)
        if not found:
            rows.append({**slip._asdict(), "start": -1, "end": -1})
    located = pd.DataFrame(rows, columns=["doc_id", "start", "end", "claim", "problem", "correction", "source"])
    # a short claim found inside a longer claim of the same article is one slip, not two
    keep = []
    for row in located.itertuples():
        inside = located[(located.doc_id == row.doc_id) & (located.start <= row.start) & (located.end >= row.end)
                         & ((located.end - located.start) > (row.end - row.start))]
        keep.append(row.start == -1 or inside.empty)
    located = located[keep]
    located = attach_block(located, corpus.blocks).drop(columns="block_id")
    located = located.astype({"start": "int64", "end": "int64"})
    return located.sort_values(["doc_id", "start", "claim"], kind="stable").reset_index(drop=True)[SLIP_COLUMNS]
