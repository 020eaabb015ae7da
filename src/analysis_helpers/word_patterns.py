"""Regular expressions for large word lists, shared by the lexicon-driven extractors."""

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
