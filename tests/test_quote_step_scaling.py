"""The quote step on hostile articles: its work grows with the article, not with its square.

Invented texts; characters read and spans visited are counted, never wall time.
"""

import random
import re

import pandas as pd
import pytest

from analysis_helpers import open_corpus
from analysis_helpers.corpus.build import ARTICLE_COLUMNS
from analysis_helpers.quotes.attribution import ArticleSpeakers
from analysis_helpers.quotes.extract import _block_quotes
from analysis_helpers.quotes.reported_speech import (
    _QuotedIndex, _after_comma, _trailing_adverbs_start, reported_speech_spans,
)


class CountingText(str):
    """An article text that counts the characters every slice of it copies."""

    copied = 0

    def __getitem__(self, key):
        piece = str.__getitem__(self, key)
        CountingText.copied += len(piece)
        return piece


def article_speakers(text: str) -> ArticleSpeakers:
    articles = pd.DataFrame([{c: "" for c in ARTICLE_COLUMNS} | {"doc_id": "a", "file": "a.txt", "text": text,
                                                                   "n_chars": len(text), "n_words": 0}],
                            columns=ARTICLE_COLUMNS)
    corpus = open_corpus(articles)
    blocks = [tuple(r) for r in corpus.blocks[["start", "end", "block_id", "role", "text"]].itertuples(index=False)]
    sentences = [tuple(r) for r in corpus.sentences[["start", "end", "block_id", "role"]].itertuples(index=False)]
    quoted = [(b + s.start, b + s.end) for s, b, *_ in _block_quotes(blocks)]
    return ArticleSpeakers(CountingText(text), sentences, quoted)


def characters_copied_by_reported_speech(unit: str, repeats: int) -> int:
    speakers = article_speakers(unit * repeats)
    CountingText.copied = 0
    reported_speech_spans(speakers)
    return CountingText.copied


@pytest.mark.parametrize("unit", ["said ", "told reporters according to ", "the minister said, ", '"Yes," he said. '])
def test_reported_speech_reads_a_long_sentence_of_cues_in_linear_work(unit):
    small, large = (characters_copied_by_reported_speech(unit, n) for n in (250, 1000))
    assert large <= 4.5 * max(small, 1)  # 4 times the text; quadratic work would be 16 times


def test_quoted_share_visits_only_the_quotations_around_the_span():
    quoted = [(10 * k + 1, 10 * k + 5) for k in range(2_000)] + [(20_005, 20_040)]  # one long span
    index = _QuotedIndex(sorted(quoted))
    assert len(index.overlapping(10_003, 10_012)) <= 3
    rng = random.Random(0)
    for _ in range(300):
        start = rng.randint(0, 20_050)
        end = start + rng.randint(0, 40)
        brute = sum(max(0, min(end, qe + 1) - max(start, qs - 1)) for qs, qe in quoted)
        assert index.share(start, end) == (brute / (end - start) if end > start else 1.0)


def test_backward_readers_equal_the_end_anchored_patterns():
    comma = re.compile(r",\s+(?:(?:a|an|the)\s+)?$")
    adverbs = re.compile(r"(?:\s+(?:also|already|previously|meanwhile|then|later|first|today|yesterday|"
                         r"has|have|had|was|is|were|are|would|will|did|does|do|not|[a-z]+ly))*\s*$")
    pieces = [",", " ", "\n", "\u00a0", "a", "an", "the", "x", "has", "also", "quickly", "Has", "ly", "then"]
    rng = random.Random(1)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        lo = rng.randint(0, len(text))
        pos = rng.randint(lo, len(text))
        assert _after_comma(text, lo, pos) == bool(comma.search(text[lo:pos])), (text, lo, pos)
        assert _trailing_adverbs_start(text) == adverbs.search(text).start(), text


def test_remembered_capitalised_runs_give_the_same_mentions_at_every_offset():
    from analysis_helpers.quotes import speakers

    text = ("Defense Secretary Pete Hegseth spoke. Later Pete Hegseth's aide, Defense Secretary Pete Hegseth, "
            "and Ana Ruiz met. ")
    speakers._sequence_mentions.cache_clear()
    fresh = speakers.find_mentions(text)
    remembered = speakers.find_mentions(text)  # every run now comes from the memo
    assert remembered == fresh
    shifted = speakers.find_mentions("Ab. " + text)
    assert [(m.start - 4, m.end - 4, m.text, m.kind, m.name, m.role) for m in shifted[1:]] == \
        [(m.start, m.end, m.text, m.kind, m.name, m.role) for m in fresh]
    for m in shifted:
        assert ("Ab. " + text)[m.start:m.end] == m.text
    assert speakers._sequence_mentions.cache_info().currsize <= speakers.SEQUENCE_MEMO_SIZE


def test_lower_word_before_equals_the_end_anchored_pattern():
    from analysis_helpers.quotes.speakers import _lower_word_before

    pattern = re.compile(r"\b([a-z]+),?\s+$")
    pieces = ["a", "b", "Z", ",", " ", "\n", "\t", "_", "1", "é", ".", "coach", "Ana"]
    rng = random.Random(2)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        lo = rng.randint(0, len(text))
        pos = rng.randint(lo, len(text))
        found = pattern.search(text[lo:pos])
        assert _lower_word_before(text, lo, pos) == (found.group(1) if found else None), (text, lo, pos)


def test_cue_words_of_a_long_text_equal_the_word_by_word_walk():
    from analysis_helpers.quotes.speakers import _WORD_RUN, cue_lexicon

    lexicon = cue_lexicon()
    pieces = ["said", "Said", "SAYS", "say", "essay", "says", "told", "according", " ", "  ", "\n", "-", "'", "’",
              "é", "_", "1", ".", "“", "added", "reported", "unsaid", "tell", "telling", "states", "x"]
    rng = random.Random(5)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(200, 400)))
        walk = [(m.start(), w) for m in _WORD_RUN.finditer(text) if (w := m.group().lower()) in lexicon.by_first_word]
        assert len(text) >= 400 and lexicon._opening_words(text) == walk


def test_pronoun_pattern_equals_the_word_bounded_alternation():
    from analysis_helpers.quotes.speakers import _PRONOUN

    plain = re.compile(r"\b(?:he|she|He|She)\b")
    pieces = ["he", "He", "HE", "she", "She", "sHe", "s", "S", "h", "H", "e", "t", " ", "\n", "_", "1", "é", "-", "'"]
    rng = random.Random(3)
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert [m.span() for m in _PRONOUN.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_a_registry_resolves_each_name_once_with_the_same_answer():
    from analysis_helpers.quotes.speakers import Registry, find_mentions

    text = "Defense Secretary Pete Hegseth spoke. Hegseth said more. Mark Hegseth, a farmer, disagreed. Hegseth left."
    registry = Registry(text, find_mentions(text))
    names = [m for m in find_mentions(text) if m.kind == "name"]
    first = [registry.resolve_name(m) for m in names]
    assert [registry.resolve_name(m) for m in names] == first
    assert first[0] == ("Pete Hegseth", "") and ("Mark Hegseth", "Pete Hegseth") in first


def test_last_words_equal_the_split_of_the_text_before():
    from analysis_helpers.quotes.attribution import _last_words

    pieces = ["a", "of", "the", " ", "  ", "\n", "\u00a0", "\u2009", "X", ","]
    rng = random.Random(3)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        lo = rng.randint(0, len(text))
        pos = rng.randint(lo, len(text))
        count = rng.randint(1, 3)
        assert _last_words(text, lo, pos, count) == text[lo:pos].split()[::-1][:count], (text, lo, pos)


def test_article_speakers_answer_a_repeated_question_with_the_first_answer():
    speakers = article_speakers("Acme Corp defended the plan. The minister said the talks would go on. "
                                "“We will act,” he said.")
    for cue in speakers.cues:
        assert speakers.speaker_before_cue(cue) is speakers.speaker_before_cue(cue)
    from analysis_helpers.quotes.attribution import organisation_subject
    assert organisation_subject(speakers, 0).speaker == "Acme Corp"
    assert organisation_subject(speakers, 0) is organisation_subject(speakers, 0)


def test_single_marks_inside_double_quotations_are_found_by_bisecting():
    from analysis_helpers.quotes.marks import double_quote_spans, single_quote_spans

    text = "“A ‘b’ c,” he said. " * 300 + "She called it ‘a plan’ today, and “d ‘e’ f.”"
    doubles = double_quote_spans(text)
    singles = single_quote_spans(text, doubles)
    assert [text[s.start:s.end] for s in singles] == ["a plan"]  # the ones inside double marks are not quotes
    assert single_quote_spans(text, list(reversed(doubles))) == singles  # the order of the taken spans is free
