"""Repeated blocks inside a scrape, and the same passage told by several outlets.

Two kinds of repetition matter to a reader of scraped news:

* the same line printed twice in one page (a headline repeated above the
  text, a photo credit under each picture, "Read more" after each blurb),
  found by comparing blocks after :func:`analysis_helpers.corpus.roles.normalise` (case, quotes,
  dashes and spacing unified) or, for near copies, by cosine similarity of
  character 3- to 5-grams;
* the same story retold by different outlets, found by cosine similarity of
  the paragraphs' word TF-IDF vectors (the stems of :mod:`text_features`).

Thresholds are parameters; the defaults are justified in notebook 01.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from ..corpus.roles import normalise
from ..schema import ARTICLE_ROLES
from ..corpus.build import open_corpus
from .features import blocks_in_order, build_tfidf

REPEAT_COLUMNS = ["doc_id", "block_id", "start", "end", "role", "text", "group_id", "n_copies",
                  "n_articles", "first_doc_id", "first_block_id", "scope"]
PAIR_COLUMNS = ["doc_id_a", "block_id_a", "start_a", "end_a", "doc_id_b", "block_id_b", "start_b", "end_b",
                "similarity", "same_article", "text_a", "text_b"]
ARTICLE_PAIR_COLUMNS = ["doc_id_a", "doc_id_b", "similarity"]

#: Paragraph pairs at or above this word-TF-IDF cosine retell the same passage
#: (notebook 01: above the 99th percentile of all cross-article pairs of the
#: seeds, and every pair above it restates one quote or claim).
SAME_PASSAGE_THRESHOLD = 0.4
#: Blocks at or above this character-n-gram cosine are copies of each other
#: with small edits (a changed apostrophe, a trailing word).
NEAR_COPY_THRESHOLD = 0.9
_DECIMALS = 4


def _blocks(source, roles) -> pd.DataFrame:
    return blocks_in_order(open_corpus(source).blocks, roles)


def repeated_blocks(source, *, roles=None, min_chars: int = 1) -> pd.DataFrame:
    """Blocks whose normalised text occurs more than once in the corpus.

    Parameters
    ----------
    source : anything :func:`open_corpus` accepts
    roles : sequence of str, optional
        Only blocks with these roles (default: every block).
    min_chars : int
        Ignore blocks whose normalised text is shorter than this.

    Returns
    -------
    DataFrame
        One row per copy: block offsets and ``role``, ``group_id`` (groups
        numbered in order of first copy), ``n_copies`` and ``n_articles`` of the
        group, the ``first_doc_id``/``first_block_id`` copy, and ``scope``:
        ``"within article"`` when another copy is in the same article, else
        ``"across articles"``. Sorted by group_id, doc_id, block_id.
    """
    blocks = _blocks(source, roles)
    if blocks.empty:
        return pd.DataFrame(columns=REPEAT_COLUMNS)
    blocks = blocks.assign(key=[normalise(t) for t in blocks["text"]])
    blocks = blocks[blocks["key"].str.len() >= max(1, min_chars)]
    counts = blocks["key"].value_counts()
    repeated = blocks[blocks["key"].map(counts) > 1].copy()
    if repeated.empty:
        return pd.DataFrame(columns=REPEAT_COLUMNS)
    group_of = {key: i for i, key in enumerate(dict.fromkeys(repeated["key"]))}
    repeated["group_id"] = repeated["key"].map(group_of)
    grouped = repeated.groupby("group_id")
    repeated["n_copies"] = grouped["key"].transform("size")
    repeated["n_articles"] = grouped["doc_id"].transform("nunique")
    repeated["first_doc_id"] = grouped["doc_id"].transform("first")
    repeated["first_block_id"] = grouped["block_id"].transform("first")
    per_article = repeated.groupby(["group_id", "doc_id"])["key"].transform("size")
    repeated["scope"] = np.where(per_article > 1, "within article", "across articles")
    repeated = repeated.sort_values(["group_id", "doc_id", "block_id"], kind="stable")
    return repeated[REPEAT_COLUMNS].astype({"group_id": "int64", "n_copies": "int64", "n_articles": "int64"}).reset_index(drop=True)


def _pairs(blocks: pd.DataFrame, matrix, threshold: float, scope: str, chunk: int = 1000) -> pd.DataFrame:
    """Pairs ``i < j`` of rows of an L2-normalised matrix whose cosine is at least ``threshold``.

    The similarity matrix is computed ``chunk`` rows at a time, so 10,000
    paragraphs never need a 10,000 x 10,000 array.
    """
    doc_ids = blocks["doc_id"].to_numpy()
    found_i, found_j, found_s = [], [], []
    n = matrix.shape[0]
    for first in range(0, n, chunk):
        block = matrix[first:first + chunk] @ matrix.T
        block = block.toarray() if hasattr(block, "toarray") else np.asarray(block)
        rows, cols = np.nonzero(block >= threshold)
        rows = rows + first
        keep = cols > rows
        if scope == "across":
            keep &= doc_ids[rows] != doc_ids[cols]
        elif scope == "within":
            keep &= doc_ids[rows] == doc_ids[cols]
        found_i.append(rows[keep])
        found_j.append(cols[keep])
        found_s.append(block[rows[keep] - first, cols[keep]])
    i = np.concatenate(found_i) if found_i else np.array([], dtype=int)
    j = np.concatenate(found_j) if found_j else np.array([], dtype=int)
    a = blocks.iloc[i].reset_index(drop=True)
    b = blocks.iloc[j].reset_index(drop=True)
    table = pd.DataFrame({
        "doc_id_a": a["doc_id"], "block_id_a": a["block_id"], "start_a": a["start"], "end_a": a["end"],
        "doc_id_b": b["doc_id"], "block_id_b": b["block_id"], "start_b": b["start"], "end_b": b["end"],
        "similarity": np.round(np.concatenate(found_s) if found_s else np.array([]), _DECIMALS).clip(max=1.0),
        "same_article": (a["doc_id"] == b["doc_id"]).to_numpy(),
        "text_a": a["text"], "text_b": b["text"],
    }, columns=PAIR_COLUMNS)
    return table.sort_values(["similarity", "doc_id_a", "block_id_a", "doc_id_b", "block_id_b"],
                             ascending=[False, True, True, True, True], kind="stable").reset_index(drop=True)


def paragraph_similarity_pairs(source, *, roles=ARTICLE_ROLES, threshold: float = 0.0,
                               scope: str = "across") -> pd.DataFrame:
    """Pairs of paragraphs with their word-TF-IDF cosine similarity.

    Parameters
    ----------
    source : anything :func:`open_corpus` accepts
    roles : sequence of str
        Block roles compared (default: article text).
    threshold : float
        Keep pairs whose similarity is at least this (0 keeps every pair).
    scope : {"across", "within", "all"}
        Pairs from different articles, from the same article, or both.

    Returns
    -------
    DataFrame
        ``doc_id_a, block_id_a, start_a, end_a, doc_id_b, block_id_b, start_b,
        end_b, similarity, same_article, text_a, text_b`` (a before b in corpus
        order), sorted by decreasing similarity.
    """
    if scope not in ("across", "within", "all"):
        raise ValueError(f"scope must be 'across', 'within' or 'all', not {scope!r}")
    blocks = _blocks(source, roles)
    if len(blocks) < 2:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    features = build_tfidf(blocks["text"], max_df=1.0)
    if features.n_terms == 0:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    return _pairs(blocks, features.matrix, threshold, scope)


def same_passage_pairs(source, *, roles=ARTICLE_ROLES, threshold: float = SAME_PASSAGE_THRESHOLD) -> pd.DataFrame:
    """Paragraphs of different articles that retell the same passage (see :func:`paragraph_similarity_pairs`)."""
    return paragraph_similarity_pairs(source, roles=roles, threshold=threshold, scope="across")


def same_passage_classes(source, *, roles=ARTICLE_ROLES, threshold: float = SAME_PASSAGE_THRESHOLD,
                         keep=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The links of :func:`same_passage_pairs` between distinct paragraph texts, without listing copies.

    Paragraphs with the same text are one class (their TF-IDF rows are equal, so every copy links to the
    same paragraphs with the same cosine); only one row per class is multiplied, a sparse product kept
    sparse, so a corpus where every paragraph has hundreds of copies costs what its distinct paragraphs
    cost. Expanding a class pair into its paragraph pairs gives :func:`same_passage_pairs`' pairs.

    Parameters
    ----------
    source : anything :func:`open_corpus` accepts
    roles : sequence of str
        Block roles compared (default: article text).
    threshold : float
        Cosine at or above which two texts retell one passage.
    keep : callable, optional
        ``keep(blocks) -> boolean array``: only these blocks may be paired (the TF-IDF weights are
        still those of every block, so similarities equal :func:`same_passage_pairs`').

    Returns
    -------
    (DataFrame, DataFrame)
        The blocks (sorted by doc_id, block_id) with ``text_class`` (int, -1 for blocks not kept), and
        the class pairs: ``class_a <= class_b`` (equal: copies of one text) and ``similarity``
        (cosine, unrounded).
    """
    blocks = _blocks(source, roles)
    pairs = pd.DataFrame({"class_a": pd.Series(dtype="int64"), "class_b": pd.Series(dtype="int64"),
                          "similarity": pd.Series(dtype="float64")})
    kept = np.ones(len(blocks), dtype=bool) if keep is None else np.asarray(keep(blocks), dtype=bool)
    codes = np.where(kept, pd.factorize(blocks["text"].where(kept, ""))[0], -1) if len(blocks) else np.array([], int)
    blocks = blocks.assign(text_class=codes.astype("int64"))
    if len(blocks) < 2 or not kept.any():
        return blocks, pairs
    features = build_tfidf(blocks["text"], max_df=1.0)
    if features.n_terms == 0:
        return blocks, pairs
    classes, first = np.unique(codes[kept], return_index=True)
    representatives = features.matrix[np.flatnonzero(kept)[first]]
    found = []
    for start in range(0, len(classes), 1000):
        product = (representatives[start:start + 1000] @ representatives.T).tocoo()
        rows, cols = product.row + start, product.col
        take = (product.data >= threshold) & (cols >= rows)
        found.append((classes[rows[take]], classes[cols[take]], product.data[take]))
    if found:
        pairs = pd.DataFrame({"class_a": np.concatenate([f[0] for f in found]).astype("int64"),
                              "class_b": np.concatenate([f[1] for f in found]).astype("int64"),
                              "similarity": np.concatenate([f[2] for f in found]).astype("float64")})
    return blocks, pairs.sort_values(["class_a", "class_b"], kind="stable").reset_index(drop=True)


def near_copy_pairs(source, *, roles=None, threshold: float = NEAR_COPY_THRESHOLD,
                    scope: str = "within") -> pd.DataFrame:
    """Blocks that are copies of each other up to small edits (character 3- to 5-gram cosine).

    Same columns as :func:`paragraph_similarity_pairs`; by default pairs inside
    one article, among blocks of every role.
    """
    blocks = _blocks(source, roles)
    blocks = blocks[blocks["text"].str.strip().str.len() > 0].reset_index(drop=True)
    if len(blocks) < 2:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), preprocessor=normalise, dtype=np.float64)
    try:
        matrix = vectorizer.fit_transform(blocks["text"])
    except ValueError:  # no n-gram at all (only punctuation)
        return pd.DataFrame(columns=PAIR_COLUMNS)
    return _pairs(blocks, matrix, threshold, scope)


def article_similarity(source, *, roles=ARTICLE_ROLES) -> pd.DataFrame:
    """Word-TF-IDF cosine similarity of every pair of articles (their ``roles`` blocks joined).

    Returns
    -------
    DataFrame
        ``doc_id_a, doc_id_b, similarity`` for doc_id_a < doc_id_b, sorted by the ids.
    """
    blocks = _blocks(source, roles)
    if blocks.empty:
        return pd.DataFrame(columns=ARTICLE_PAIR_COLUMNS)
    texts = blocks.groupby("doc_id", sort=True)["text"].apply("\n".join)
    features = build_tfidf(texts.tolist(), max_df=1.0)
    ids = list(texts.index)
    similarity = cosine_similarity(features.matrix) if features.n_terms else np.zeros((len(ids), len(ids)))
    rows = [{"doc_id_a": ids[i], "doc_id_b": ids[j], "similarity": round(float(similarity[i, j]), _DECIMALS)}
            for i in range(len(ids)) for j in range(i + 1, len(ids))]
    return pd.DataFrame(rows, columns=ARTICLE_PAIR_COLUMNS)
