"""One answer to "which block / sentence holds this offset", for every table."""

import pandas as pd

from analysis_helpers import attach_block, open_corpus
from analysis_helpers.corpus.offsets import OffsetIndex

TEXT = "Storm closes port\n\nThe port closed on Monday. Ships waited offshore.\n  Photo: harbour office\n"


def _corpus():
    return open_corpus(pd.DataFrame({"doc_id": ["p"], "text": [TEXT]}))


def test_offsets_inside_blocks_and_sentences():
    corpus = _corpus()
    index = corpus.offsets
    second = TEXT.index("Ships")
    assert index.block_at("p", TEXT.index("port closed")) == 1
    assert index.sentence_at("p", second) == index.sentence_at("p", TEXT.index("offshore"))
    assert index.sentence_at("p", second) == index.sentence_at("p", TEXT.index("The port")) + 1
    assert index.role_at("p", 0) == corpus.blocks["role"].iloc[0]


def test_white_space_belongs_to_the_block_before_and_nothing_precedes_the_first():
    blocks = pd.DataFrame({"doc_id": ["d", "d"], "block_id": [0, 1], "start": [5, 20], "end": [15, 30],
                           "role": ["headline", "body"]})
    index = OffsetIndex(blocks)
    assert [index.block_at("d", o) for o in (0, 5, 14, 17, 20, 99)] == [-1, 0, 0, 0, 1, 1]
    assert index.role_at("d", 2) == "" and index.role_at("d", 17) == "headline"
    assert index.block_at("unknown", 7) == -1 and index.sentence_at("d", 7) == -1


def test_attach_agrees_with_the_single_lookups_and_keeps_row_order():
    corpus = _corpus()
    spans = pd.DataFrame({"doc_id": ["p", "x", "p", "p"],
                          "start": [TEXT.index("Photo"), 3, 0, TEXT.index("Ships")]}, index=[7, 3, 9, 1])
    out = corpus.offsets.attach(spans, sentences=True)
    assert list(out.index) == [7, 3, 9, 1]
    for row in out.itertuples():
        assert row.block_id == corpus.offsets.block_at(row.doc_id, row.start)
        assert row.sent_id == corpus.offsets.sentence_at(row.doc_id, row.start)
        assert row.role == corpus.offsets.role_at(row.doc_id, row.start)
    assert out.loc[3, "block_id"] == -1 and out.loc[3, "role"] == "" and out.loc[3, "sent_id"] == -1
    assert str(out["block_id"].dtype) == "int64" and str(out["sent_id"].dtype) == "int64"


def test_attach_block_is_the_same_lookup():
    corpus = _corpus()
    spans = pd.DataFrame({"doc_id": ["p", "p"], "at": [0, len(TEXT) - 3]})
    assert attach_block(spans, corpus.blocks, offset_column="at").equals(
        corpus.offsets.attach(spans, offset_column="at"))

