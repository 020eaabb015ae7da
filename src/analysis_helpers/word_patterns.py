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
