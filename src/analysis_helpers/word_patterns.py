"""Regular expressions for large word lists, and a linear look-behind search, shared by the rules."""

from __future__ import annotations

import re


def trie_regex(words) -> str:
    """A regular expression matching exactly ``words``, written as a prefix tree.

    Shared prefixes are factored out ("march", "marches" -> ``march(?:es)?``), so
    ``re`` fails fast on words that are not in the list. Wrap the result in
    ``\\b...\\b`` (or other context) yourself.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return render(trie)


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


class EndPattern:
    r"""A pattern anchored at the end of a text (``[.!?]+\s*$``), searched only from where a match can start.

    ``re`` tries such a pattern at every character of the text (a whole paragraph, for one
    ellipsis at its end). Its matches are a run of characters of ``chars`` then white space to
    the end: none starts before the last run of ``chars`` under the trailing white space, so the
    search starts there, and gives the match the whole search gives.

    Parameters
    ----------
    pattern : str
        A regular expression whose every match is characters of ``chars`` followed by ``\s*$``
        (no look-behind, no ``^``).
    chars : str
        Every character a match holds before its trailing white space.
    """

    def __init__(self, pattern: str, chars: str):
        self.regex = re.compile(pattern)
        self.pattern = pattern
        self.chars = chars

    def search(self, text: str):
        """``re.search(pattern, text)``."""
        return self.regex.search(text, len(text.rstrip().rstrip(self.chars)))

    def sub(self, repl: str, text: str) -> str:
        """``re.sub(pattern, repl, text)``: a match runs to the end of the text, so there is at most one."""
        match = self.search(text)
        return text if match is None else text[:match.start()] + repl


def _is_word_char(char: str) -> bool:
    """``re``'s ``\\w`` for one character of a ``str`` pattern."""
    return char.isalnum() or char == "_"


def word_start_matches(pattern: re.Pattern, text: str):
    r"""The matches ``re.compile(r"\b" + pattern.pattern).finditer(text)`` gives, found without the ``\b``.

    A leading ``\b`` stops ``re`` from skipping ahead to the characters a match can start
    with, so it tries the pattern at every character; without it, it jumps to them. Each
    match found is kept when a word boundary stands before it; otherwise the search goes on
    from the next character (a match inside a word may hide one that starts a later word).
    ``pattern`` must not match the empty string.
    """
    pos, end = 0, len(text)
    while pos <= end:
        match = pattern.search(text, pos)
        if match is None:
            return
        start = match.start()
        if start == 0:
            boundary = start < end and _is_word_char(text[0])
        elif start == end:
            boundary = _is_word_char(text[start - 1])
        else:
            boundary = _is_word_char(text[start - 1]) != _is_word_char(text[start])
        if boundary:
            yield match
            pos = match.end()
        else:
            pos = start + 1


class WordStartPattern:
    r"""The matches of ``r"\b" + pattern`` for a pattern whose every match starts and ends with a word character.

    Such a match starts at the text's start or right after a character that is not ``\w``. Searching
    ``\W(pattern)`` instead lets ``re`` jump from one non-word character to the next (about one character
    in six of prose) rather than try the pattern at every letter a match can start with, and skips
    no match: the ``\W`` before a match is never inside the match before it, which ends with a word
    character. Each match is the same as ``re.compile(r"\b" + pattern).finditer(text)`` gives.

    When the characters a match can start with are rare in text (capitals: month names), ``re``
    jumps to them faster still: with ``rare_start``, the search is :func:`word_start_matches`'s.

    Parameters
    ----------
    pattern : str
        A regular expression (no numbered groups of its own are read) whose matches start and end
        with a word character, such as a :func:`trie_regex` of words followed by ``\b``.
    rare_start : bool
        Search the pattern itself (see above).
    """

    def __init__(self, pattern: str, rare_start: bool = False):
        self.pattern = pattern
        self.rare_start = rare_start
        self._at_start = re.compile(pattern)
        self._after_non_word = re.compile(r"\W(" + pattern + ")")

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, matched text)`` of each match, in order."""
        if self.rare_start:
            return [(m.start(), m.end(), m.group()) for m in word_start_matches(self._at_start, text)]
        out = []
        pos = 0
        first = self._at_start.match(text)
        if first is not None:
            out.append((0, first.end(), first.group()))
            pos = first.end()
        out += [(m.start(1), m.end(), m.group(1)) for m in self._after_non_word.finditer(text, pos)]
        return out


class SharedWordScan:
    r"""Whole words of several closed word lists in lower-cased texts: one search per text for every list.

    Steps that each look for their own list of words in the same lower-cased article text (the timex
    trigger words, the number words of figures) share one :class:`WordStartPattern` of every list asked
    for so far, and the hits of the last texts searched: the second step to read a text takes the first
    one's pass. A list's hits are the union's whose word it holds. Words are letters only, so a match
    (followed by ``\b``) is always a whole token and the union finds, for each list, exactly the hits
    its own pattern ``WordStartPattern("(?:" + trie_regex(words) + r")\b")`` finds.

    Parameters
    ----------
    max_chars : int
        Characters of the texts remembered (the oldest are forgotten first); a text longer than a quarter
        of it is not kept. The default holds a few chunks of news articles (a few MB).
    max_lists : int
        Lists above which the union starts again from the list asked for (other lexicon sources).
    """

    def __init__(self, max_chars: int = 8_000_000, max_lists: int = 8):
        self.max_chars = max_chars
        self.max_lists = max_lists
        # (lists, pattern, {text: hits}, [characters kept]): replaced whole, so a thread never pairs a
        # pattern with the hits of another
        self._state: tuple = (frozenset(), None, {}, [0])

    def spans(self, lowered: str, words: frozenset[str]) -> list[tuple[int, int, str]]:
        """``(start, end, word)`` of each whole word of ``words`` in ``lowered``, in order."""
        state = self._state
        if words not in state[0]:
            if not all(word.isalpha() for word in words):
                raise ValueError("SharedWordScan takes words of letters only")
            lists = state[0] | {words} if len(state[0]) < self.max_lists else frozenset({words})
            union = sorted(set().union(*lists))
            state = self._state = (lists, WordStartPattern(r"(?:" + trie_regex(union) + r")\b"), {}, [0])
        _, pattern, memory, kept = state
        hits = memory.get(lowered)
        if hits is None:
            hits = pattern.spans(lowered)
            if len(lowered) <= self.max_chars // 4:
                while memory and kept[0] + len(lowered) > self.max_chars:  # the oldest texts go first
                    try:
                        _, gone = memory.pop(next(iter(memory)))
                    except (StopIteration, KeyError, RuntimeError):  # another thread took it meanwhile
                        break
                    kept[0] -= len(gone)
                memory[lowered] = (hits, lowered)
                kept[0] += len(lowered)
        else:
            hits = hits[0]
        return [hit for hit in hits if hit[2] in words]


#: The one shared scan of lower-cased article texts (see :class:`SharedWordScan`).
LOWER_CASE_WORDS = SharedWordScan()
