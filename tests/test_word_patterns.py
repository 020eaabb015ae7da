"""The shared word-list regular expression."""

import re

from analysis_helpers.word_patterns import trie_regex


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
