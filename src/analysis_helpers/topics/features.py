"""Words and TF-IDF vectors for topic models, with tokenizers that need no downloaded data.

Tokens are runs of letters (hyphenated words are split, possessive ``'s`` is
dropped, four-digit years are kept, other numbers are not), lower-cased, with
scikit-learn's ``ENGLISH_STOP_WORDS`` and the project's news stopword list
(``data/topic_stopwords.txt``) removed, and reduced to a stem with NLTK's Porter
stemmer (pure code, no data). Each stem is shown to readers as its most
frequent surface word, so "concessions" and "concession" count together but
print as a word.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from nltk.stem.porter import PorterStemmer
from nltk.tokenize import RegexpTokenizer
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from ..resources import cached, read_text

#: Letters (any script) with an optional contraction ("n't", "'s", "'ll"), or a four-digit year.
#: A quote glued to the next word ("exceptions'Defense") is two words.
_TOKENIZER = RegexpTokenizer(r"[^\W\d_]+(?:['’][^\W\d_]{1,2}\b)?|\b(?:1[89]|20)\d\d\b")
_TOKENS = re.compile(_TOKENIZER._pattern, re.UNICODE | re.MULTILINE | re.DOTALL)
_POSSESSIVE_ENDS = ("'s", "’s")
_STEMMER = PorterStemmer()
MIN_TOKEN_LENGTH = 3


@cached
def news_stopwords() -> frozenset[str]:
    """scikit-learn's English stop words plus ``data/topic_stopwords.txt`` (lower case)."""
    text = read_text("topic_stopwords.txt")
    extra = {line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")}
    return frozenset(ENGLISH_STOP_WORDS) | frozenset(extra)


def words_of(text: str) -> list[str]:
    """Lower-cased content words of ``text``, stopwords and short words removed, not stemmed."""
    if not isinstance(text, str):
        return []
    stop = news_stopwords()
    out = []
    for token in _TOKENS.findall(text):  # what _TOKENIZER.tokenize gives, without its per-call overhead
        word = token.lower()
        if word.endswith(_POSSESSIVE_ENDS):  # a possessive 's dropped
            word = word[:-2]
        if "’" in word:
            word = word.replace("’", "'")
        if len(word) >= MIN_TOKEN_LENGTH and word not in stop:
            out.append(word)
    return out


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Porter stem of one lower-case word."""
    return _STEMMER.stem(word)


def stems_of(text: str) -> list[str]:
    """Stems of the content words of ``text``: the analyzer of :func:`build_tfidf`."""
    return [stem(w) for w in words_of(text)]


def display_words(texts=None, *, word_lists=None, copies=None) -> dict[str, str]:
    """Map each stem to its most frequent surface word in ``texts`` (ties: alphabetical).

    ``word_lists`` (the :func:`words_of` of each text) can be given instead of ``texts``, and
    ``copies`` (how many times each text occurs; default once each).
    """
    if word_lists is None:
        word_lists = [words_of(t) for t in texts]
    words_per_stem: dict[str, Counter] = {}
    counts = Counter()
    for words, times in zip(word_lists, copies or [1] * len(word_lists)):
        for word, count in Counter(words).items():
            counts[word] += count * times
    for word, count in counts.items():
        words_per_stem.setdefault(stem(word), Counter())[word] = count
    counts = words_per_stem
    return {s: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for s, c in counts.items()}


def _given(tokens):
    """Analyzer for texts already cut into stems."""
    return tokens


@dataclass
class TfidfFeatures:
    """A TF-IDF matrix with its vocabulary.

    Attributes
    ----------
    matrix : scipy.sparse.csr_matrix
        One row per text, one column per stem, rows L2-normalised (rows of
        texts with no content word are all zero).
    terms : list of str
        The stem of each column, alphabetical.
    labels : list of str
        The readable word shown for each column.
    n_words : numpy.ndarray
        Number of content words (tokens kept) of each text.
    """

    matrix: sparse.csr_matrix
    terms: list[str]
    labels: list[str]
    n_words: np.ndarray = None

    def __post_init__(self):
        if self.n_words is None:
            self.n_words = np.zeros(self.matrix.shape[0], dtype=np.int64)

    @property
    def n_terms(self) -> int:
        return len(self.terms)


def document_frequency_limit(n_texts: int, max_df: float) -> float | int:
    """The ``max_df`` to pass to scikit-learn: a share for 10 texts or more, else no limit.

    In a handful of texts every shared word is in "most" of them, so the
    share limit is only applied when there are enough texts for it to mean
    something.
    """
    return max_df if n_texts >= 10 else 1.0


def build_tfidf(texts, *, min_df: int = 1, max_df: float = 0.5, sublinear_tf: bool = True) -> TfidfFeatures:
    """TF-IDF vectors of ``texts`` over Porter stems of their content words.

    Parameters
    ----------
    texts : sequence of str, or Series
    min_df : int
        Keep stems found in at least this many texts (lowered to 1 when there
        are fewer texts than that).
    max_df : float
        Drop stems found in more than this share of the texts (only with 10
        texts or more, see :func:`document_frequency_limit`): the names and
        words every paragraph repeats say nothing about what sets it apart.
    sublinear_tf : bool
        Use ``1 + log(count)`` instead of raw counts.

    Returns
    -------
    TfidfFeatures
        Empty vocabulary (zero columns) when no text has a content word.
    """
    distinct, index = _distinct_texts(texts)
    n = len(index)
    # tokenise, stem and count each distinct text once (the slow step on large corpora; copies are common in
    # news): the counts of every text are its distinct text's row, repeated (_RepeatedRowsVectorizer)
    distinct_words = [words_of(t) for t in distinct]
    distinct_stems = [[stem(w) for w in words] for words in distinct_words]
    n_words = np.array([len(w) for w in distinct_words], dtype=np.int64)[index]
    if n == 0 or not n_words.any():
        return TfidfFeatures(sparse.csr_matrix((n, 0)), [], [], n_words)
    vectorizer = _RepeatedRowsVectorizer(
        analyzer=_given, min_df=min(min_df, n), max_df=document_frequency_limit(n, max_df),
        sublinear_tf=sublinear_tf, norm="l2", dtype=np.float64,
    )
    vectorizer.rows = index
    try:
        matrix = vectorizer.fit_transform(distinct_stems)
    except ValueError:  # every stem filtered out by min_df/max_df
        vectorizer.set_params(min_df=1, max_df=1.0)
        matrix = vectorizer.fit_transform(distinct_stems)
    terms = list(vectorizer.get_feature_names_out())
    shown = display_words(word_lists=distinct_words, copies=np.bincount(index, minlength=len(distinct)).tolist())
    return TfidfFeatures(sparse.csr_matrix(matrix), terms, [shown.get(t, t) for t in terms], n_words)


def _distinct_texts(texts) -> tuple[list[str], np.ndarray]:
    """The distinct texts in order of first occurrence (anything not a string read as ``""``) and, for each
    text, the index of its distinct text. A pandas Series is factorised without a Python string per row."""
    distinct: dict[str, int] = {}
    if not isinstance(texts, pd.Series):
        index = [distinct.setdefault(t if isinstance(t, str) else "", len(distinct)) for t in texts]
        return list(distinct), np.array(index, dtype=np.int64)
    codes, uniques = pd.factorize(texts, use_na_sentinel=False)
    remap = np.array([distinct.setdefault(v if isinstance(v, str) else "", len(distinct)) for v in list(uniques)],
                     dtype=np.int64)
    return list(distinct), remap[codes] if len(codes) else np.zeros(0, dtype=np.int64)


class _RepeatedRowsVectorizer(TfidfVectorizer):
    """:class:`~sklearn.feature_extraction.text.TfidfVectorizer` fitted on distinct documents whose counts
    matrix is their rows repeated as ``rows`` (set before fitting: the distinct document of each row) says.

    Only the counting differs: the vocabulary (terms numbered in order of first occurrence, as the
    documents in full would number them), the document frequencies with their copies, the ``min_df`` /
    ``max_df`` pruning and the TF-IDF weighting are scikit-learn's on the repeated matrix, so the result
    equals ``TfidfVectorizer`` of every document, and the per-token lists it counts with are those of
    the distinct documents only.
    """
    rows: np.ndarray = None

    def _count_vocab(self, raw_documents, fixed_vocab):
        vocabulary, counts = super()._count_vocab(raw_documents, fixed_vocab)
        return vocabulary, counts[self.rows]


def top_terms_table(features: TfidfFeatures, n_top: int = 10) -> pd.DataFrame:
    """The stems with the largest summed TF-IDF weight: ``term, word, weight`` (sorted)."""
    if features.n_terms == 0:
        return pd.DataFrame(columns=["term", "word", "weight"])
    weight = np.asarray(features.matrix.sum(axis=0)).ravel()
    table = pd.DataFrame({"term": features.terms, "word": features.labels, "weight": weight.round(6)})
    return table.sort_values(["weight", "term"], ascending=[False, True], kind="stable").head(n_top).reset_index(drop=True)


def blocks_in_order(blocks: pd.DataFrame, roles=None) -> pd.DataFrame:
    """The rows of ``blocks`` whose role is in ``roles`` (all when None), sorted by doc_id and block_id.

    Rows are copied only when some are dropped or out of order: a run's blocks come in that order,
    and the corpus steps read only the roles they need, so the table (its text too) is not copied.
    """
    if roles is not None:
        kept = blocks["role"].isin(list(roles))
        if not kept.all():
            blocks = blocks[kept]
    if not _in_doc_block_order(blocks):
        blocks = blocks.sort_values(["doc_id", "block_id"], kind="stable")
    return blocks.reset_index(drop=True)


def _in_doc_block_order(blocks: pd.DataFrame) -> bool:
    """Whether the rows are sorted by doc_id, then block_id (what a stable sort would leave as it is)."""
    if len(blocks) < 2:
        return True
    if not blocks["doc_id"].is_monotonic_increasing:
        return False
    codes = pd.factorize(blocks["doc_id"])[0]  # non-decreasing along sorted doc_ids
    block_ids = blocks["block_id"].to_numpy()
    return bool(np.all((codes[1:] != codes[:-1]) | (block_ids[1:] >= block_ids[:-1])))
