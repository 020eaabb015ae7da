"""The shared word-list regular expression."""

import random
import re

import pytest

from analysis_helpers.word_patterns import (
    EndPattern, SharedWordScan, WordStartPattern, trie_regex, word_start_matches,
)


def test_matches_exactly_the_words_and_longest_first():
    words = ["march", "marches", "may", "a.m.", "mar"]
    pattern = re.compile(r"\b(?:" + trie_regex(words) + r")(?!\w)")
    for word in words:
        assert pattern.fullmatch(word), word
    for other in ["ma", "marc", "mayor", "am"]:
        assert not pattern.fullmatch(other), other
    assert pattern.match("marches on").group() == "marches"


def test_empty_list_matches_nothing_but_the_empty_string():
    assert trie_regex([]) == ""


@pytest.mark.parametrize("pattern, chars", [
    (r"(?:\.{3,}|…)\s*$", ".…"),
    (r"[.!?…:][\"”’')\]]*\s*$", ".!?…:\"”’')]"),
    (r"(?:[.!][\"”’')\]]*|:)\s*$", ".!:\"”’')]"),
])
def test_end_pattern_finds_what_the_whole_search_finds(pattern, chars):
    """Searched from the last run of its characters, the match is the one re finds from the start."""
    end = EndPattern(pattern, chars)
    whole = re.compile(pattern)
    rng = random.Random(0)
    alphabet = ".…!?:;\"”’')] \n\tab\u00a0\u2003"  # the pattern's characters, white space (no-break too), letters
    texts = ["", "Shares rose after…", "He left....  \n", "a..", "It ended. “", "Wait... no", "x .. ."]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    matched = 0
    for text in texts:
        expected, found = whole.search(text), end.search(text)
        assert (expected and expected.span()) == (found and found.span()), text
        assert end.sub("", text) == whole.sub("", text), text
        matched += expected is not None
    assert 0 < matched < len(texts)


@pytest.mark.parametrize("pattern", [
    r"(?:Prime Minister|Minister|President)\s+([A-Z][a-z]+)",
    r"(?:in|at)\s+((?:the\s+)?[A-Z][A-Za-z]+)",
    r"(?:-?\d+|_x)",  # a match may start with a character that is not a letter
])
def test_word_start_matches_are_those_of_a_leading_word_boundary(pattern):
    """What finditer with a leading \\b finds, also when a match inside a word hides one at a later word."""
    bounded = re.compile(r"\b" + pattern)
    rng = random.Random(1)
    pieces = ["Prime ", "Minister ", "President ", "Smith", "x", "in ", "at ", "the ", "Paris", "é", "_", "-", "4",
              " ", ", ", "\n"]
    texts = ["", "xPrime Minister Boris", "Spain in Madrid", "a-4 _x 7", "éPresident Lee"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(5000)]
    found = 0
    for text in texts:
        expected = [(m.span(), m.groups()) for m in bounded.finditer(text)]
        assert [(m.span(), m.groups()) for m in word_start_matches(re.compile(pattern), text)] == expected, text
        found += len(expected)
    assert found


@pytest.mark.parametrize("pattern", [
    trie_regex(["one", "ones", "on", "year", "years", "day", "today"]) + r"\b",
    r"(?:prior to|ahead of|since|May)\b",  # words with a space inside; a capital
    r"(?:\d+|x_)",  # digits and an underscore are word characters too; no \b at the end
])
def test_word_start_pattern_finds_what_a_leading_word_boundary_finds(pattern):
    """Every match of r"\\b" + pattern, for patterns whose matches start and end with a word character."""
    bounded = re.compile(r"\b" + pattern)
    rng = random.Random(2)
    pieces = ["one", "ones", "on", "year", "years", "day", "to", "today", "prior ", "ahead ", "of", "since", "May",
              "x_", "7", "é", "_", "-", " ", ", ", ".", "\n", "’"]
    texts = ["", "one", "today one", "someone ones", "prior to ahead of", "x_x_ 77"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    finders = [WordStartPattern(pattern), WordStartPattern(pattern, rare_start=True)]
    found = 0
    for text in texts:
        expected = [(m.start(), m.end(), m.group()) for m in bounded.finditer(text)]
        assert [finder.spans(text) for finder in finders] == [expected, expected], text
        found += len(expected)
    assert found > 200


def test_shared_word_scan_gives_each_list_what_its_own_pattern_finds():
    """One pass for several word lists (shared words, one list's word a prefix of another's) finds, for each
    list, exactly the hits of that list's own WordStartPattern, asked in any order and from memory."""
    lists = [frozenset({"one", "ones", "year", "day", "half", "second"}),
             frozenset({"on", "years", "today", "half", "seconds", "éte"}),
             frozenset({"day", "days"})]
    own = {words: WordStartPattern(r"(?:" + trie_regex(sorted(words)) + r")\b") for words in lists}
    rng = random.Random(5)
    pieces = ["one", "ones", "on", "year", "years", "day", "days", "today", "half", "second", "seconds", "éte",
              "é", "7", "_", "-", " ", ", ", ".", "\n", "’"]
    texts = ["", "one", "today one", "someone ones", "half-second", "éte étes"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    scan = SharedWordScan(max_chars=400)  # small: the memory is emptied many times on the way
    found = 0
    for i, text in enumerate(texts):
        for words in (lists[i % 3], lists[(i + 1) % 3], lists[i % 3]):  # the third from memory
            expected = own[words].spans(text)
            assert scan.spans(text, words) == expected, (text, sorted(words))
            found += len(expected)
    assert found > 1000


def test_shared_word_scan_takes_letters_only():
    """A word with a space or a digit could hide another list's word inside its match: refused."""
    with pytest.raises(ValueError):
        SharedWordScan().spans("prior to", frozenset({"prior to"}))
