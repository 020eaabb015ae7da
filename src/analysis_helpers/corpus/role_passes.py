"""Page-level passes that run after the block-role rules of :mod:`.roles` (split out of roles.py, round six,
along the classifier's stages). Each reads the roles of a whole page and corrects the blocks that only the
page's layout tells: the lines around a caption marker, a list of links, text below the article or after a line
that closes it.

This module imports nothing from the package (it stays a leaf of the import graph): the per-block evidence it
weighs comes in a :class:`PageEvidence` that :mod:`.roles` builds from its own functions.
"""

from __future__ import annotations

import re
from typing import Callable, NamedTuple


class PageEvidence(NamedTuple):
    """The per-block evidence the passes read, given by :mod:`.roles`.

    Attributes
    ----------
    words, content_words : callable
        A block's words; its content words (a frozenset).
    ends_sentence : callable
        True when a block ends with sentence punctuation or a colon.
    lexicon_role : callable
        ``(role, "lexicon: note")`` of the phrase lexicon row that decides a block, or None.
    max_furniture_words : int
        Longest block that may be furniture, in words.
    """

    words: Callable
    content_words: Callable
    ends_sentence: Callable
    lexicon_role: Callable
    max_furniture_words: int


#: Longest line a caption marker ("Image caption,") stands alone on, in words.
MARKER_WORDS = 3
#: Longest picture description (alt text) printed right above a caption marker, in words.
ALT_TEXT_WORDS = 15


def mark_caption_neighbours(texts: list[str], roles: list, n_words: list[int], evidence: PageEvidence) -> None:
    """A caption marker alone on its line ("Image caption,") labels its neighbours: the line below it is the
    caption, and a short line above it without a final stop is the picture's description (alt text).
    Only lines read as body prose change, and never one of more than ``max_furniture_words`` words."""
    for i, role in enumerate(roles):
        if role[0] not in ("caption", "duplicate") or n_words[i] > MARKER_WORDS:
            continue  # (a marker repeated down the page is a duplicate of the first)
        marker = evidence.lexicon_role(texts[i], n_words[i])
        if marker is None or not marker[1].startswith("lexicon: image caption"):
            continue
        if i + 1 < len(texts) and roles[i + 1] == ("body", "prose") and n_words[i + 1] <= evidence.max_furniture_words:
            roles[i + 1] = ("caption", f"line right below the caption marker in block {i}")
        if i > 0 and roles[i - 1] == ("body", "prose") and n_words[i - 1] <= ALT_TEXT_WORDS \
                and not evidence.ends_sentence(texts[i - 1]):
            roles[i - 1] = ("caption", f"picture description right above the caption marker in block {i}")


#: The role of a date or time stamp line (given by :mod:`.roles`).
DATE_STAMP = ("byline", "date or time stamp line")
#: Lexicon rows (their notes) whose lines close an article: a comments header, a pointer to the full story
#: elsewhere, a credit of the story's publication or reporting. An inline link ("READ MORE", "See also: ...")
#: or an advertisement stands inside an article as often as after it, so it closes nothing.
_CLOSING_NOTES = frozenset({"comments header", "pointer to the story elsewhere", "publication credit of a syndicated story",
                            "reporting credits", "publication date line"})


#: Most body lines below a date or time stamp that closes an article (a reader's comment under its time stamp);
#: a live page, whose entries stand under time stamps, has many more.
STAMP_TAIL_LINES = 3


def _closes_article(text: str, role: tuple[str, str], evidence: PageEvidence) -> bool:
    """True for a line after which an article does not go on: a closing lexicon row, a list header with items,
    or a date or time stamp line (a comment's stamp; see :data:`STAMP_TAIL_LINES`)."""
    if role[0] in ("related", "tags") and "header" in role[1] or role == DATE_STAMP:
        return True
    lexicon_role = evidence.lexicon_role(text) if role[0] != "body" else None
    return lexicon_role is not None and lexicon_role[1].removeprefix("lexicon: ") in _CLOSING_NOTES


def mark_text_after_closing_furniture(texts: list[str], roles: list, n_words: list[int], evidence: PageEvidence) -> None:
    """Mark as stray the short prose after a line that closes the article (a comments header, a related-stories
    header, a "Read more" pointer, a credit line), when that text is not about the article.

    For the first such line below a body block: every body block after it has at most
    ``max_furniture_words`` words, and together they share less than :data:`BELOW_OVERLAP` of their
    content words with the body above the line (comment rules, other stories' blurbs). Text about the
    article (its last paragraphs after an in-article link or advertisement) shares its words and stays
    body; a paragraph of more words stays body whatever it is about.
    """
    n = len(texts)
    tail_long = [False] * (n + 1)  # a body block of more than max_furniture_words words at or after i
    for i in range(n - 1, -1, -1):
        tail_long[i] = tail_long[i + 1] or (roles[i][0] == "body" and n_words[i] > evidence.max_furniture_words)
    first_body = next((i for i, role in enumerate(roles) if role[0] == "body"), n)
    above: set[str] = set()  # content words of the body above the line (read only once a closing line is found)
    read_up_to = first_body
    for k in range(first_body + 1, n):
        if roles[k][0] == "body" or tail_long[k] or not _closes_article(texts[k], roles[k], evidence):
            continue
        above.update(*(evidence.content_words(texts[i]) for i in range(read_up_to, k)
                       if roles[i][0] == "body" and not LIST_MARK.match(texts[i])))  # key points are not the article
        read_up_to = k
        if not above:
            continue
        tail = [i for i in range(k + 1, n) if roles[i][0] == "body"]
        if roles[k] == DATE_STAMP and len(tail) > STAMP_TAIL_LINES:
            return  # entries of a live page under their time stamps
        vocabulary = set().union(*(evidence.content_words(texts[i]) for i in tail))
        if vocabulary and len(vocabulary & above) < BELOW_OVERLAP * len(vocabulary):
            for i in tail:
                roles[i] = ("stray", f"text after block {k}, which closes the article, not about the article")
        return


#: A list item's marker: a bullet, a dash or a number ("• ", "- ", "3. ").
LIST_MARK = re.compile(r"^\s*(?:[•·▪◦*‣–-]|\d{1,2}[.)])\s+")
#: Fewest items of a list of links; longest item, in words.
LINK_LIST_ITEMS, LINK_ITEM_WORDS = 3, 25
#: A list whose items share less than this share of their content words with the article points elsewhere.
LINK_LIST_OVERLAP = 0.3


def mark_link_lists(texts: list[str], roles: list, article_words: set[str], evidence: PageEvidence) -> None:
    """Mark as related a list of links to other stories read as body: three or more marked items in a row,
    each a headline (at most 25 words, no final stop), that share little vocabulary with the article.

    A list of the article's own points repeats its words or ends its items with stops; a list of other
    stories' headlines does neither.
    """
    i, n = 0, len(texts)
    while i < n:
        j = i
        while j < n and roles[j] == ("body", "prose") and LIST_MARK.match(texts[j]) \
                and len(evidence.words(texts[j])) <= LINK_ITEM_WORDS and not evidence.ends_sentence(texts[j]):
            j += 1
        if j - i >= LINK_LIST_ITEMS:
            shares = [len(evidence.content_words(texts[k]) & article_words) / max(1, len(evidence.content_words(texts[k])))
                      for k in range(i, j)]
            if sum(shares) / len(shares) < LINK_LIST_OVERLAP:
                for k in range(i, j):
                    roles[k] = ("related", f"item of a list of headlines sharing little with the article (blocks {i} to {j - 1})")
        i = max(j, i + 1)


#: More non-body lines than this between two stretches of body text separate them.
ARTICLE_GAP = 3
#: A stretch below the article that shares less than this share of its content words with it is about something else.
BELOW_OVERLAP = 0.5


def mark_text_below_the_article(texts: list[str], roles: list, n_words: list[int], evidence: PageEvidence) -> None:
    """Mark as stray short prose far below the article that is not about it (a site's self-description, a notice).

    The article is the stretch of body blocks with the most words, where stretches are cut by more than
    :data:`ARTICLE_GAP` non-body lines in a row. A later stretch of blocks of at most
    ``max_furniture_words`` words each that shares less than :data:`BELOW_OVERLAP` of its content words
    with the article is not the article (a paragraph of more words stays body).
    """
    stretches: list[list[int]] = []
    gap = ARTICLE_GAP + 1
    for i, role in enumerate(roles):
        if role[0] != "body":
            gap += 1
            continue
        if gap > ARTICLE_GAP:
            stretches.append([])
        stretches[-1].append(i)
        gap = 0
    if len(stretches) < 2:
        return
    # a stretch of list items (a page's key points, a list of links) is the article only when no stretch holds paragraphs
    paragraphs = [stretch for stretch in stretches if not all(LIST_MARK.match(texts[i]) for i in stretch)]
    article = max(paragraphs or stretches, key=lambda stretch: sum(n_words[i] for i in stretch))
    article_words = set().union(*(evidence.content_words(texts[i]) for i in article))
    for stretch in stretches[stretches.index(article) + 1:]:
        if any(n_words[i] > evidence.max_furniture_words for i in stretch):
            continue
        vocabulary = set().union(*(evidence.content_words(texts[i]) for i in stretch))
        if len(vocabulary & article_words) < BELOW_OVERLAP * len(vocabulary):
            for i in stretch:
                roles[i] = ("stray", f"text below the article (after block {article[-1]}) not about it")
