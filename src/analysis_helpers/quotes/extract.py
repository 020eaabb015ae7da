"""Quotations and reported speech of a corpus, with their speakers: the ``quotes`` table.

Pipeline for each article: pair the quotation marks of every block
(:mod:`~analysis_helpers.quotes.marks`), find each quotation's cue and speaker
(:mod:`~analysis_helpers.quotes.attribution`), tell direct quotes from partial ones and
from labels, then add reported speech without marks
(:mod:`~analysis_helpers.quotes.reported_speech`).
"""

from __future__ import annotations

from bisect import bisect_right

import re
from collections import Counter

import pandas as pd

from ..resources import accepts_lexicons, with_objects
from .attribution import Attribution, ArticleSpeakers
from .candidates import decide_quote, quote_candidates
from .decision import indirect_confidence, read_weights
from ..schema import ARTICLE_ROLES
from ..corpus.build import open_corpus
from .marks import MAX_LABEL_WORDS, QuoteSpan, quote_spans
from .reported_speech import reported_speech_spans
from ..corpus.names import spelling_key
from .speakers import corpus_canonical_names

QUOTE_COLUMNS = [
    "doc_id", "quote_id", "start", "end", "text", "kind", "unclosed", "continues", "open_mark", "close_mark",
    "block_id", "role", "in_article", "cue", "cue_start", "cue_end", "speaker_text", "speaker_start",
    "speaker_end", "speaker", "speaker_method", "name_conflict", "conflict_with", "n_words", "speaker_type",
    "speaker_confidence", "corpus_speaker",
]
KINDS = ("direct", "partial", "indirect", "label")

_FUNCTION_WORDS = frozenset(
    "a an the of to in on at for and or but with by from as is are was were be been that this it its into "
    "over after before about than not no nor so yet if while when which who whom whose will would could "
    "should can may might must has have had do does did".split()
)
_DETERMINERS = re.compile(r"(?:\b(?:a|an|the|his|her|its|their|our|this|that|these|those)|[’']s)\s*$", re.IGNORECASE)
_INNER_SENTENCE = re.compile(r"[.!?…]\s*[\"”’]?\s+[A-Z]")
_STARTS_UPPER = re.compile(r"^[\s.…(\[-]*[A-Z0-9]")
_LABEL_INTRODUCER = re.compile(
    r"\b(?:so-called|so called|dubbed|known as|nicknamed|the (?:word|term|phrase|slogan|label))\s*$", re.IGNORECASE
)
MIN_DIRECT_WORDS = 3
_NEXT_WORD = re.compile(r"\s*([A-Za-z][\w-]*)")
_ARTICLE_BEFORE = re.compile(r"\b(?:of|the|a|an)\s*$", re.IGNORECASE)


#: what may follow a quotation that ends its paragraph: closing marks, punctuation, line ends
_QUOTE_TAIL = re.compile(r"[ \"“”„«»‘’'.,;!?…\n]*")

def quote_kind(text: str, quoted: str, span_start: int, span_end: int, has_speaker: bool) -> str:
    """``direct``, ``partial`` or ``label`` for one quotation.

    A label is a short quotation with no speaker and no punctuation of speech
    inside its marks, one after "so-called" or "dubbed", or one used as a name
    or a modifier ("Trump's ‘Europe first’ approach", "End of ‘Cultural
    Awareness Months’"). A direct quote is a full sentence or more: it starts
    with a capital and has at least :data:`MIN_DIRECT_WORDS` words (or two words
    and its own punctuation), or holds a sentence boundary. Anything else is
    partial.
    """
    words = quoted.split()
    before = text[max(0, span_start - 40):max(0, span_start - 1)]
    # the patterns below end in ``\s*$`` after a word of at most 10 letters: searched from where that word
    # can start (the same match as a search of the whole look-behind, at a fraction of the cost)
    tail = len(before.rstrip())
    ends_with_punct = quoted[-1:] in ".,;:!?…"
    if len(words) <= MAX_LABEL_WORDS and _LABEL_INTRODUCER.search(before, max(0, tail - 10)):
        return "label"
    if len(words) <= MAX_LABEL_WORDS and not ends_with_punct:
        after = text[span_end + 1:span_end + 30]
        next_word = _NEXT_WORD.match(after)
        modifier = (
            _DETERMINERS.search(before, max(0, tail - 5)) and next_word and next_word.group(1).islower()
            and next_word.group(1) not in _FUNCTION_WORDS and not next_word.group(1).endswith(("ing", "ed"))
            and after[:1].isspace()
        )
        name = len(words) >= 2 and all(w[0].isupper() for w in words if w.lower() not in _FUNCTION_WORDS) \
            and _ARTICLE_BEFORE.search(before, max(0, tail - 3))
        if modifier or name:
            return "label"
    if not has_speaker and len(words) <= MAX_LABEL_WORDS and not ends_with_punct:
        return "label"
    full = len(words) >= MIN_DIRECT_WORDS or (len(words) >= 2 and ends_with_punct)
    if (_STARTS_UPPER.match(quoted) and full) or _INNER_SENTENCE.search(quoted):
        return "direct"
    return "partial"


def _block_quotes(blocks: list[tuple[int, int, int, str, str]]) -> list[tuple[QuoteSpan, int, int, str, bool]]:
    """Every quotation of an article: ``(span, absolute offset of its block, block_id, role, continues)``."""
    out = []
    for k, (b_start, _b_end, block_id, role, b_text) in enumerate(blocks):
        spans = quote_spans(b_text)
        for j, span in enumerate(spans):
            continues = False
            if span.unclosed and j == len(spans) - 1 and k + 1 < len(blocks):
                nxt = blocks[k + 1][4].lstrip()
                continues = bool(nxt) and nxt[0] in "\"“”„«'‘"
            out.append((span, b_start, block_id, role, continues))
    return out


def article_quotes(doc_id: str, text: str, blocks: list, sentences: list, weights=None) -> list[dict]:
    """Rows of the ``quotes`` table for one article (see :func:`extract_quotes`).

    Everything is computed from this article alone: the same rows come out
    whether it is extracted alone or inside any corpus.
    """
    weights = read_weights(weights)
    found = _block_quotes(blocks)
    quoted = [(b + s.start, b + s.end) for s, b, *_ in found]
    speakers = ArticleSpeakers(text, sentences, quoted)
    rows = []
    blocks_end = {b[2]: b[1] for b in blocks}
    continued = None
    previous = None  # (block_id, attribution, ends its block) of the last attributed quotation
    tail_run = (-1, -1)  # (from, first offset after) the last run of closing marks and punctuation read
    for span, b_start, block_id, role, continues in found:
        start, end = b_start + span.start, b_start + span.end
        same_block = previous is not None and previous[0] == block_id
        previous_paragraph = previous[1] if previous is not None and previous[2] and \
            previous[0] == block_id - 1 else None
        candidates = quote_candidates(
            speakers, start, end, span, continued=continued,
            previous_in_paragraph=previous[1] if same_block else None, previous_paragraph=previous_paragraph)
        attribution = decide_quote(candidates, weights)
        continued = attribution if continues and attribution.speaker else None
        block_end = blocks_end.get(block_id, end)
        if not tail_run[0] <= end <= tail_run[1]:  # a run of marks is read once, not once per quote in it
            tail_run = (end, _QUOTE_TAIL.match(text, end).end())
        ends_block = tail_run[1] >= block_end  # only marks and punctuation left in the paragraph
        # read after the closing marks: a straight closing mark is not a quotation opening after the cue
        ends_block = ends_block or _cue_only_after(speakers, tail_run[1], block_end)
        previous = (block_id, attribution, ends_block) if attribution.speaker else None
        is_document = attribution.speaker_method.startswith("document")
        kind = quote_kind(text, text[start:end], start, end, bool(attribution.speaker) or is_document)
        if kind == "label" and attribution.speaker:
            attribution = Attribution(speaker_method="label: a term in quotation marks, not a speaker's words")
        rows.append(_row(doc_id, text, start, end, kind, span.unclosed and not continues, continues,
                         span.open_mark, span.close_mark, block_id, role, attribution))
    block_starts = [b[0] for b in blocks]
    for item in reported_speech_spans(speakers):
        start, end = item["start"], item["end"]
        block_id, role = _block_at(blocks, start, block_starts)
        rows.append(_row(doc_id, text, start, end, "indirect", False, False, "", "", block_id, role,
                         indirect_confidence(item["attribution"], weights, speakers.lexicon.form_to_lemma)))
    return rows


def _cue_only_after(speakers: ArticleSpeakers, end: int, block_end: int) -> bool:
    """True when only an attribution follows the quotation in its paragraph ("..., she said.").

    ``end`` is the first offset after the quotation's closing marks and punctuation.
    """
    if block_end - end >= 80:
        return False
    rest = speakers.text[end:block_end]
    return bool(speakers.cues_between(end, block_end)) and not re.search(r"[“\"]", rest)


def _one_spelling_per_article(quotes: pd.DataFrame) -> list[str]:
    """Speakers of one article written in several spellings ("Zelensky", "Zelenskyy") as the most used one."""
    key_of = {s: spelling_key(s) for s in set(quotes["speaker"])}  # each distinct speaker once
    keys = [(d, key_of[s]) for d, s in zip(quotes["doc_id"], quotes["speaker"])]
    counts = Counter(zip(keys, quotes["speaker"]))
    best: dict = {}
    for (key, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][1])):
        best.setdefault(key, name)
    return [best[k] if s else s for k, s in zip(keys, quotes["speaker"])]


def _block_at(blocks, offset, block_starts=None):
    """``(block_id, role)`` of the last block starting at or before ``offset`` ((-1, None) if none).

    ``block_starts`` (the blocks' starts, in order) lets the caller bisect instead of scanning.
    """
    starts = block_starts if block_starts is not None else [b[0] for b in blocks]
    i = bisect_right(starts, offset) - 1
    return (blocks[i][2], blocks[i][3]) if i >= 0 else (-1, None)


def _row(doc_id, text, start, end, kind, unclosed, continues, open_mark, close_mark, block_id, role,
         a: Attribution) -> dict:
    return {
        "doc_id": doc_id, "start": start, "end": end, "text": text[start:end], "kind": kind,
        "unclosed": bool(unclosed), "continues": bool(continues), "open_mark": open_mark,
        "close_mark": close_mark, "block_id": block_id, "role": role,
        "in_article": role in ARTICLE_ROLES, "cue": a.cue, "cue_start": a.cue_start, "cue_end": a.cue_end,
        "speaker_text": a.speaker_text, "speaker_start": a.speaker_start, "speaker_end": a.speaker_end,
        "speaker": a.speaker, "speaker_method": a.speaker_method, "name_conflict": a.name_conflict,
        "conflict_with": a.conflict_with, "n_words": len(text[start:end].split()),
        "speaker_type": a.speaker_type if a.speaker else "",
        "speaker_confidence": float(a.speaker_confidence) if a.speaker else 0.0,
    }


@accepts_lexicons
def extract_quotes(corpus, *, corpus_names: bool = True, cues: pd.DataFrame | None = None, weights=None,
                   lexicons=None) -> pd.DataFrame:
    """The ``quotes`` table: every quotation and reported-speech span, with its speaker.

    Parameters
    ----------
    corpus : Corpus, DataFrame, folder path or None
        Anything :func:`~analysis_helpers.corpus.open_corpus` accepts.
    corpus_names : bool
        Fill ``corpus_speaker`` across the corpus (:func:`apply_corpus_names`).
        The pipeline passes False for each chunk of articles and applies the
        names once to the whole table.
    cues : DataFrame, optional
        Reporting cues with the columns of ``data/quote_cues.csv`` (cue, type,
        introduces_clause, past...), replacing that file for this call.
    weights : path-like or mapping, optional
        Feature weights of the speaker decision (default: ``attribution_weights.csv``
        of the lexicons in force; see :mod:`~analysis_helpers.quotes.decision`).
    lexicons : folder, dict or :class:`~analysis_helpers.resources.Lexicons`, optional
        Lexicon files replacing the packaged ones for this call (see
        :mod:`analysis_helpers.resources`); missing files fall back to the package.

    Returns
    -------
    DataFrame
        One row per quote, sorted by doc_id then start. Columns:
        ``doc_id``; ``quote_id`` (``DOC-qNNN``, in reading order); ``start``,
        ``end`` and ``text`` (the quoted words, marks excluded; ``text ==
        article_text[start:end]``); ``kind`` (``direct``: a full quoted sentence
        or more; ``partial``: a quoted fragment; ``indirect``: reported speech
        without marks; ``label``: a term in quotation marks with no speaker);
        ``unclosed`` (the closing mark is missing: closed at the paragraph end or
        before the next opening mark); ``continues`` (left open because the next
        paragraph reopens it); ``open_mark``, ``close_mark``; ``block_id`` and
        ``role`` of the block; ``in_article`` (role is headline, standfirst or
        body: what counts by default); ``cue`` with ``cue_start``/``cue_end``
        (the reporting verb or phrase, -1 when none); ``speaker_text`` with
        ``speaker_start``/``speaker_end`` (the mention as written); ``speaker``
        (canonical name, empty when no rule fired); ``speaker_method`` (the
        rule); ``name_conflict`` (the written name clashes with a registered
        person of the same surname) and ``conflict_with`` (that person);
        ``n_words``; ``speaker_type`` (``person``, ``group``, ``organisation``,
        empty without a speaker); ``speaker_confidence`` (0-1, the decision's
        score of the chosen speaker, 0 without one: low values are the rows
        to check by hand); ``corpus_speaker`` (``speaker`` with spellings and
        bare surnames of one person merged across the corpus: the one column
        that depends on the other articles).
    """
    if cues is not None:
        return extract_quotes(corpus, corpus_names=corpus_names, weights=weights,
                              lexicons=with_objects(lexicons, {"quote_cues.csv": cues}))
    corpus = open_corpus(corpus)
    sentences_by_doc: dict[str, list] = {}
    s = corpus.sentences
    for row in zip(s["doc_id"].tolist(), s["start"].tolist(), s["end"].tolist(), s["block_id"].tolist(),
                   s["role"].tolist()):
        sentences_by_doc.setdefault(row[0], []).append(row[1:])
    blocks_by_doc: dict[str, list] = {}
    b = corpus.blocks
    for row in zip(b["doc_id"].tolist(), b["start"].tolist(), b["end"].tolist(), b["block_id"].tolist(),
                   b["role"].tolist(), b["text"].tolist()):
        blocks_by_doc.setdefault(row[0], []).append(row[1:])
    rows: list[dict] = []
    for doc_id, text in zip(corpus.articles["doc_id"], corpus.articles["text"]):
        if not isinstance(text, str) or not text.strip():
            continue
        rows.extend(article_quotes(doc_id, text, blocks_by_doc.get(doc_id, []), sentences_by_doc.get(doc_id, []),
                                   weights))
    quotes = pd.DataFrame(rows, columns=[c for c in QUOTE_COLUMNS if c != "quote_id"])
    if quotes.empty:
        return pd.DataFrame(columns=QUOTE_COLUMNS)
    quotes["speaker"] = _one_spelling_per_article(quotes)
    quotes["corpus_speaker"] = quotes["speaker"]
    if corpus_names:
        quotes = apply_corpus_names(quotes)
    quotes = quotes.sort_values(["doc_id", "start", "end", "kind"], kind="stable").reset_index(drop=True)
    quotes.insert(1, "quote_id", [f"{d}-q{n:03d}" for d, n in zip(quotes["doc_id"],
                                                                    quotes.groupby("doc_id").cumcount() + 1)])
    int_columns = ["start", "end", "block_id", "cue_start", "cue_end", "speaker_start", "speaker_end", "n_words"]
    return quotes.astype({c: "int64" for c in int_columns})[QUOTE_COLUMNS]


def apply_corpus_names(quotes: pd.DataFrame) -> pd.DataFrame:
    """``quotes`` with ``corpus_speaker`` filled: one name per person across the corpus.

    A person's bare surname ("Kowalski") becomes the most frequent full name
    ending in it among all person speakers, and spellings of one name
    ("Kowalskii", "Kowalski") become the most frequent one
    (:func:`corpus_canonical_names`). ``speaker`` itself stays per article;
    groups and organisations are not merged; row order is unchanged.
    """
    if quotes.empty:
        return quotes
    persons = quotes.loc[quotes["speaker_type"] == "person", "speaker"].tolist()
    mapping = corpus_canonical_names(persons)
    quotes = quotes.copy()
    quotes["corpus_speaker"] = [mapping.get(s, s) if t == "person" else s
                                for s, t in zip(quotes["speaker"], quotes["speaker_type"])]
    return quotes
