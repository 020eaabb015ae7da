"""Quotations and reported speech of a corpus, with their speakers: the ``quotes`` table.

Pipeline for each article: pair the quotation marks of every block
(:mod:`~analysis_helpers.quotes.marks`), find each quotation's cue and speaker
(:mod:`~analysis_helpers.quotes.attribution`), tell direct quotes from partial ones and
from labels, then add reported speech without marks
(:mod:`~analysis_helpers.quotes.reported_speech`).
"""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd

from ..resources import accepts_lexicons, cached, with_objects
from .attribution import Attribution, ArticleSpeakers
from ..schema import ARTICLE_ROLES
from ..corpus.build import open_corpus
from .marks import QuoteSpan, quote_spans
from .reported_speech import reported_speech_spans
from .speakers import corpus_canonical_names, cue_lexicon

QUOTE_COLUMNS = [
    "doc_id", "quote_id", "start", "end", "text", "kind", "unclosed", "continues", "open_mark", "close_mark",
    "block_id", "role", "in_article", "cue", "cue_start", "cue_end", "speaker_text", "speaker_start",
    "speaker_end", "speaker", "speaker_method", "name_conflict", "conflict_with", "n_words",
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
_HEADLINE_SPEAKER = re.compile(r"^\s*([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}):\s*$")
_LABEL_INTRODUCER = re.compile(
    r"\b(?:so-called|so called|dubbed|known as|nicknamed|the (?:word|term|phrase|slogan|label))\s*$", re.IGNORECASE
)
MIN_DIRECT_WORDS = 3
MAX_LABEL_WORDS = 5


@cached
def _document_pattern() -> re.Pattern:
    """A document reference right before an opening mark: "Article 5 of NATO (", "the treaty reads:"."""
    nouns = "|".join(sorted((re.escape(n) for n in cue_lexicon().document_nouns), key=len, reverse=True))
    return re.compile(
        rf"(?i:\b(?:{nouns}))\b(?:\s+[\w.-]+){{0,4}}\s*\(\s*$"
        rf"|(?i:\b(?:{nouns}))\s+\d+\w*(?:\s+[\w.-]+){{0,3}}\s*[:,(]?\s*$"
        rf"|(?i:\b(?:{nouns})\s+(?:reads|states|says|stipulates|provides))\s*[:,]?\s*$"
    )


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
    after = text[span_end + 1:span_end + 30]
    next_word = re.match(r"\s*([A-Za-z][\w-]*)", after)
    ends_with_punct = quoted[-1:] in ".,;:!?…"
    if len(words) <= MAX_LABEL_WORDS and _LABEL_INTRODUCER.search(before):
        return "label"
    if len(words) <= MAX_LABEL_WORDS and not ends_with_punct:
        modifier = (
            _DETERMINERS.search(before) and next_word and next_word.group(1).islower()
            and next_word.group(1) not in _FUNCTION_WORDS and not next_word.group(1).endswith(("ing", "ed"))
            and re.match(r"\s", after)
        )
        name = len(words) >= 2 and all(w[0].isupper() for w in words if w.lower() not in _FUNCTION_WORDS) \
            and re.search(r"\b(?:of|the|a|an)\s*$", before, re.IGNORECASE)
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


def _attribute_quote(speakers: ArticleSpeakers, start: int, end: int, span: QuoteSpan, previous) -> Attribution:
    text = speakers.text
    open_pos = start - 1
    while open_pos > 0 and text[open_pos] not in span.open_mark:
        open_pos -= 1
    sent_start, _ = speakers.sentence_bounds(open_pos)
    before = text[sent_start:open_pos]
    if _document_pattern().search(before):
        return Attribution(speaker_method="document: wording of a text, not a speaker")
    if not span.unclosed:
        close_pos = text.find(span.close_mark, end) if span.close_mark else end
        after = speakers.speaker_after_quote((close_pos if close_pos >= 0 else end) + len(span.close_mark))
        if after.speaker:
            return after
    colon = re.search(r":\s*$", before)
    if colon:
        ms = [m for m in speakers.mentions_between(sent_start, open_pos) if m.start in speakers.resolved]
        if ms and not text[ms[-1].end:sent_start + colon.start()].strip():
            return replace(speakers._attribution(ms[-1], "colon", None), cue=":",
                           cue_start=sent_start + colon.start(), cue_end=sent_start + colon.start() + 1)
        headline = _HEADLINE_SPEAKER.match(before)
        if headline:
            # a BBC-style headline "Starmer: 'We will act'": the name before the colon speaks
            s0 = sent_start + headline.start(1)
            name = headline.group(1)
            return Attribution(name, name, s0, s0 + len(name), "colon (unregistered name)", cue=":",
                               cue_start=s0 + len(name), cue_end=s0 + len(name) + 1)
    cues = speakers.cues_between(sent_start, open_pos)
    # a cue in the previous sentence that ends with a colon introduces this one
    if not cues and re.match(r"^\s*$", before):
        prev_end = sent_start
        prev_text = text[max(0, prev_end - 3):prev_end]
        if ":" in prev_text:
            p_start, _ = speakers.sentence_bounds(max(0, prev_end - 2))
            cues = speakers.cues_between(p_start, prev_end)
    if cues:
        attribution = speakers.speaker_before_cue(cues[-1])
        if attribution.speaker:
            return attribution
    if previous is not None and not before.strip():
        return speakers.continued(previous, "continued quote")
    return Attribution()


def _opens_sentence(speakers: ArticleSpeakers, start: int) -> bool:
    """True when nothing but white space and the opening mark precede the quote in its sentence."""
    sent_start, _ = speakers.sentence_bounds(start)
    return not speakers.text[sent_start:start].strip(" \t\n\"“”„«‘'")


def article_quotes(doc_id: str, text: str, blocks: list, sentences: list) -> list[dict]:
    """Rows of the ``quotes`` table for one article (see :func:`extract_quotes`)."""
    found = _block_quotes(blocks)
    quoted = [(b + s.start, b + s.end) for s, b, *_ in found]
    speakers = ArticleSpeakers(text, sentences, quoted)
    rows = []
    previous_continued = None
    previous_in_block = None
    for span, b_start, block_id, role, continues in found:
        start, end = b_start + span.start, b_start + span.end
        attribution = _attribute_quote(speakers, start, end, span, previous_continued)
        if not attribution.speaker and not attribution.speaker_method and previous_in_block is not None \
                and previous_in_block[0] == block_id and _opens_sentence(speakers, start):
            # "“It took ten years,” she said. “But it is done.”": the next quote of the paragraph
            attribution = speakers.continued(previous_in_block[1], "same speaker as the previous quote")
        previous_continued = attribution if continues and attribution.speaker else None
        previous_in_block = (block_id, attribution) if attribution.speaker else None
        is_document = attribution.speaker_method.startswith("document")
        kind = quote_kind(text, text[start:end], start, end, bool(attribution.speaker) or is_document)
        if kind == "label" and attribution.speaker:
            attribution = Attribution(speaker_method="label: a term in quotation marks, not a speaker's words")
        rows.append(_row(doc_id, text, start, end, kind, span.unclosed and not continues, continues,
                         span.open_mark, span.close_mark, block_id, role, attribution))
    for item in reported_speech_spans(speakers):
        start, end = item["start"], item["end"]
        block_id, role = _block_at(blocks, start)
        rows.append(_row(doc_id, text, start, end, "indirect", False, False, "", "", block_id, role,
                         item["attribution"]))
    return rows


def _block_at(blocks, offset):
    chosen = (-1, None)
    for b_start, _b_end, block_id, role, _ in blocks:
        if b_start <= offset:
            chosen = (block_id, role)
    return chosen


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
    }


@accepts_lexicons
def extract_quotes(corpus, *, corpus_names: bool = True, cues: pd.DataFrame | None = None,
                   lexicons=None) -> pd.DataFrame:
    """The ``quotes`` table: every quotation and reported-speech span, with its speaker.

    Parameters
    ----------
    corpus : Corpus, DataFrame, folder path or None
        Anything :func:`~analysis_helpers.corpus.open_corpus` accepts.
    corpus_names : bool
        Complete a bare surname to the full name used across the corpus
        (:func:`apply_corpus_names`). The pipeline passes False for each chunk
        of articles and applies the names once to the whole table.
    cues : DataFrame, optional
        Reporting cues with the columns of ``data/quote_cues.csv`` (cue, type,
        introduces_clause, past...), replacing that file for this call.
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
        ``n_words``.
    """
    if cues is not None:
        return extract_quotes(corpus, corpus_names=corpus_names,
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
        rows.extend(article_quotes(doc_id, text, blocks_by_doc.get(doc_id, []), sentences_by_doc.get(doc_id, [])))
    quotes = pd.DataFrame(rows, columns=[c for c in QUOTE_COLUMNS if c != "quote_id"])
    if quotes.empty:
        return pd.DataFrame(columns=QUOTE_COLUMNS)
    if corpus_names:
        quotes = apply_corpus_names(quotes)
    quotes = quotes.sort_values(["doc_id", "start", "end", "kind"], kind="stable").reset_index(drop=True)
    quotes.insert(1, "quote_id", [f"{d}-q{n:03d}" for d, n in zip(quotes["doc_id"],
                                                                    quotes.groupby("doc_id").cumcount() + 1)])
    int_columns = ["start", "end", "block_id", "cue_start", "cue_end", "speaker_start", "speaker_end", "n_words"]
    return quotes.astype({c: "int64" for c in int_columns})[QUOTE_COLUMNS]


def apply_corpus_names(quotes: pd.DataFrame) -> pd.DataFrame:
    """``quotes`` with each bare-surname ``speaker`` completed to the corpus' full name.

    "Trump" becomes "Donald Trump" when that is the most frequent full name
    ending in "Trump" among all speakers (:func:`corpus_canonical_names`); other
    columns and the row order are unchanged.
    """
    if quotes.empty:
        return quotes
    mapping = corpus_canonical_names(quotes["speaker"].tolist())
    quotes = quotes.copy()
    quotes["speaker"] = quotes["speaker"].map(lambda s: mapping.get(s, s))
    return quotes
