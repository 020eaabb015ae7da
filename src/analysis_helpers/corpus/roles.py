# Above 400 lines: one ordered rule list and the evidence functions it reads; the order is the classifier.
# The page-level passes after the rules live in role_passes.py (a leaf module: a further split of the evidence
# into its own module would add a level to the import chain cli -> pipeline -> ... -> roles, already at 6).
# segment_blocks, which runs the classifier over a corpus, sits beside it so corpus.build imports it one level lower.
# Round eight: the shape tests of real-page layouts live in role_shapes.py and hard-wrap grouping moved to hard_wrap.py
# (leaf modules); the rules that call them added 27 lines here (1,249 -> 1,276).
"""Give each block of a scrape a role: headline, body, caption, boilerplate and so on.

The classifier is a short ordered list of rules over general evidence, never the
seed strings: a phrase lexicon kept as data (``data/block_phrases.csv``), layout
(position, neighbours), length, end punctuation, capitalisation, tense and
repetition. The first rule that fires gives the role, and its name is kept so
that a wrong role can be traced to the rule that gave it.

:func:`segment_blocks` builds the blocks table (also importable from :mod:`.blocks`).
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

import pandas as pd

from ..resources import abbreviations, accepts_lexicons, cached, read_text
from ..schema import ARTICLE_ROLES, ROLES  # noqa: F401  (re-exported: notebooks import them from here)
from ..word_patterns import EndPattern, trie_regex
from .hard_wrap import LINE_END, LINE_END_CHARS, hard_wrap_groups as _hard_wrap_groups
from .lines import block_spans
from .role_passes import (
    DATE_STAMP, LIST_MARK, PageEvidence, mark_caption_neighbours, mark_link_lists, mark_text_after_closing_furniture,
    mark_text_below_the_article,
)
from .role_shapes import (
    capitals_transcript_runs, closes_with_reporter_credit, colon_introduced_items, is_lower_case_label,
    looks_like_attributed_pull_quote, looks_like_clock_stamp, mark_appeal_paragraphs,
)

_FUNCTION_WORDS = frozenset(
    "a an the of to in on at for and or but with by from as is are was were be that this "
    "it its into over after before about than not no".split()
)
_WORD = re.compile(r"[^\W\d_][\w’'.-]*")
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z])")
_TERMINAL = EndPattern(r"[.!?…:][\"”’')\]]*\s*$", ".!?…:\"”’')]")
_QUOTE_MARK = re.compile(r"[\"“”]")
# The word right after a capitalised subject or a personal pronoun, and the word after it.
_SUBJECT_VERB = re.compile(r"(?:\b[A-Z][\w.’'-]*|\b(?:he|she|they|it|we|i))\s+([a-z]{2,})\b(?:\s+([A-Za-z]+))?")
_IRREGULAR_PAST = frozenset(
    "said told was were had did made took met spoke gave went came saw held led left put set ran won lost "
    "rose fell struck wrote sent brought thought felt kept began knew found got became stood".split()
)
# A present-tense verb is followed by an object or complement, which a plural noun rarely is.
_AFTER_VERB = frozenset("that the a an his her its their this these".split())
_NOT_VERBS = frozenset("has is was as this his its us thus less news series plus".split())


@cached
def phrase_lexicon() -> tuple[tuple[str, re.Pattern, str], ...]:
    """The role phrase lexicon: ``(role, compiled pattern, note)`` rows of ``block_phrases.csv``."""
    text = read_text("block_phrases.csv")
    rows = csv.DictReader(text.splitlines())
    return tuple((r["role"], re.compile(r["pattern"], re.IGNORECASE), r["note"]) for r in rows)


def _anchored_at_start(pattern: re.Pattern) -> bool:
    """True when every top-level alternative of ``pattern`` begins with ``^``.

    Such a pattern can only match at position 0, so ``match`` gives the same answer
    as ``search`` without scanning the whole block.
    """
    from re import _constants as c, _parser as parser

    tree = parser.parse(pattern.pattern, pattern.flags)
    if not tree.data:
        return False
    op, value = tree.data[0]
    if op is c.AT and value is c.AT_BEGINNING:
        return True
    if op is c.BRANCH and len(tree.data) == 1:
        return all(branch.data and branch.data[0] == (c.AT, c.AT_BEGINNING) for branch in value[1])
    if op is c.SUBPATTERN and len(tree.data) <= 2:
        inner = value[-1]
        return bool(inner.data) and (inner.data[0] == (c.AT, c.AT_BEGINNING) or (
            inner.data[0][0] is c.BRANCH
            and all(b.data and b.data[0] == (c.AT, c.AT_BEGINNING) for b in inner.data[0][1][1])))
    return False


#: Shortest literal worth a prefilter: a shorter one is in almost every block.
_MIN_LITERAL = 3


def _selective(literal: str) -> bool:
    """A literal rare enough to gate a pattern: three characters or more, or one symbol (``©``, ``[``)."""
    return len(literal) >= _MIN_LITERAL or any(not (ch.isalnum() or ch.isspace()) for ch in literal)


def _required_literals(items) -> frozenset[str] | None:
    """Lower-case ASCII strings one of which every match of the parsed ``items`` contains, or None when unknown.

    A run of literal characters is such a string; a group or a repeat (at least once)
    passes its own set on; an alternation needs a set from every branch (their union).
    In a sequence the set whose shortest string is longest is kept.
    """
    from re import _constants as c

    best: frozenset[str] | None = None
    run: list[str] = []

    def keep(candidate):
        nonlocal best
        if candidate and all(_selective(w) for w in candidate) and (
                best is None or min(map(len, candidate)) > min(map(len, best))):
            best = candidate

    def close_run():
        keep(frozenset(["".join(run)]) if run else None)
        run.clear()

    for op, value in items:
        if op is c.LITERAL and (value < 128 or _caseless(chr(value))):
            run.append(chr(value).lower())
            continue
        close_run()
        if op is c.SUBPATTERN:
            keep(_required_literals(value[-1]))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and value[0] >= 1:
            keep(_required_literals(value[2]))
        elif op is c.BRANCH:
            sets = [_required_literals(branch) for branch in value[1]]
            if all(sets):
                keep(frozenset().union(*sets))
    close_run()
    return best


def _caseless(char: str) -> bool:
    """A character that is not a letter and has no other case (``©``, ``»``): ``re.IGNORECASE`` leaves it alone."""
    return not char.isalpha() and char.lower() == char == char.upper() == char.casefold()


#: Characters other than ASCII letters that ``re.IGNORECASE`` matches to an ASCII letter (İ ı ſ and the
#: Kelvin sign); ``str.lower`` does not turn them into that letter, so a text holding one skips the prefilter.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


@cached
def _lexicon_matchers() -> tuple[tuple[str, object, bool, str, frozenset[str] | None], ...]:
    """``(role, bound match-or-search method, anchored, note, literals)`` for each lexicon row, in file order.

    ``literals``: lower-case strings one of which every match contains (None: no such set
    known, always search). A row whose literals are all absent from the lower-cased block
    cannot match, so its regular expression is not run: the same answers, a few substring
    tests instead of some forty scans of every block.
    """
    from re import _parser as parser

    return tuple((role, pattern.match if _anchored_at_start(pattern) else pattern.search, _anchored_at_start(pattern),
                  note, _required_literals(parser.parse(pattern.pattern, pattern.flags).data))
                 for role, pattern, note in phrase_lexicon())


@cached
def _literal_finder() -> tuple[re.Pattern, dict[str, frozenset[str]]]:
    """One pass over a lower-cased block that finds every lexicon literal it holds.

    Returns the pattern (a prefix tree of all literals inside a look-ahead, so it reports the
    longest literal starting at each position) and, for each literal, the literals that are
    its prefixes (present whenever it is).
    """
    literals = sorted(set().union(*(row[4] for row in _lexicon_matchers() if row[4])))
    finder = re.compile("(?=(" + trie_regex(literals) + "))")
    return finder, {w: frozenset(p for p in literals if w.startswith(p)) for w in literals}


@cached
def _rows_by_literal() -> tuple[tuple[int, ...], dict[str, tuple[int, ...]]]:
    """The lexicon rows always searched (no literal known) and, for each literal, the rows it gates."""
    ungated, gated_by = [], {}
    for row, (_, _, _, _, literals) in enumerate(_lexicon_matchers()):
        if literals is None:
            ungated.append(row)
            continue
        for literal in literals:
            gated_by.setdefault(literal, []).append(row)
    return tuple(ungated), {literal: tuple(rows) for literal, rows in gated_by.items()}


def _present_literals(lowered: str) -> set[str]:
    """The lexicon literals that occur in ``lowered`` (see :func:`_literal_finder`)."""
    finder, prefixes = _literal_finder()
    present: set[str] = set()
    for longest in set(finder.findall(lowered)):
        present |= prefixes[longest]
    return present


@cached
def furniture_words() -> tuple[str, ...]:
    """One-word furniture lines ("advertisement", "newsletter") from ``furniture_words.txt``, for misspellings."""
    return tuple(line.strip().lower() for line in read_text("furniture_words.txt").splitlines()
                 if line.strip() and not line.startswith("#"))


@cached
def visual_verbs() -> frozenset[str]:
    """Caption verbs from ``visual_verbs.txt`` with their 3rd-person forms."""
    text = read_text("visual_verbs.txt")
    lemmas = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    forms = set(lemmas)
    for lemma in lemmas:
        forms.add(lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s"))
    return frozenset(forms)


_NOT_WORD_QUOTE_DASH = re.compile(r"[^\w\s'-]")


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Lower-case text with quotes, apostrophes, dashes and spaces unified, for comparisons."""
    # chained replace: one C scan per character pair, several times faster than str.translate with a dict
    text = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = text.replace("–", "-").replace("—", "-")
    return " ".join(_NOT_WORD_QUOTE_DASH.sub(" ", text).split())


@lru_cache(maxsize=8192)
def _word_tuple(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text))


def words(text: str) -> list[str]:
    """Word tokens of a block (letters first; digits and punctuation dropped); tokenised once per text."""
    return list(_word_tuple(text))


@lru_cache(maxsize=8192)
def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of three letters or more that are not function words (computed once per text)."""
    return frozenset(w.lower().strip(".’'-") for w in _word_tuple(text)
                     if len(w) > 2 and w.lower() not in _FUNCTION_WORDS)


@cached(maxsize=8192)
def sentence_count(text: str) -> int:
    """A rough count of sentences (enough to tell one-liners from paragraphs).

    A stop after a known abbreviation (``U.S.``, ``Gen.``; see ``data/abbreviations.txt``)
    or a single capital letter does not end a sentence.
    """
    count = 1
    known = abbreviations()
    for match in _SENTENCE_END.finditer(text):
        end = match.start()
        if text[end] == ".":
            token = _token_before(text, end).lower().rstrip(".")
            if token in known or len(token) == 1:
                continue
        count += 1
    return count


def _token_before(text: str, end: int) -> str:
    """The run of word characters and dots that ends at ``end`` (``([\\w.]+)$`` before it), walked back char by char.

    The run is a word or two ("U.S", "Mr"), so this costs its length; a search over a window before
    ``end`` costs the window (a text of 25,000 "Mr." asked it at every stop).
    """
    if end and text[end - 1] == "\n":  # re's $ matches before a newline that ends the text searched too
        end -= 1
    start = end
    while start and (text[start - 1].isalnum() or text[start - 1] in "_."):
        start -= 1
    return text[start:end]


@lru_cache(maxsize=8192)
def title_case_share(text: str) -> float:
    """Share of the block's non-function words that start with a capital letter (computed once per text)."""
    ws = [w for w in _word_tuple(text) if w.lower() not in _FUNCTION_WORDS]
    if not ws:
        return 0.0
    return sum(w[0].isupper() for w in ws) / len(ws)


def looks_like_title(text: str) -> bool:
    """A headline-shaped line: 3 to 40 words (a long title of a search-minded site), mostly capitalised,
    no sentence after it."""
    n = len(words(text))
    return 3 <= n <= 40 and title_case_share(text) >= 0.75 and sentence_count(text) == 1


def looks_like_tags(text: str) -> bool:
    """A keyword line: four or more capitalised words, no function words, no sentence punctuation."""
    ws = words(text)
    if len(ws) < 4 or re.search(r"[.!?:;\"“”]", text):
        return False
    lowered = [w.lower() for w in ws]
    return all(w[0].isupper() or w.startswith("#") for w in ws) and not (set(lowered) & _FUNCTION_WORDS)


@cached(maxsize=8192)
def looks_like_caption(text: str) -> bool:
    """A photo description: one sentence whose first verb is a present-tense visual verb.

    Captions open with who is shown and a present-tense verb ("Ukrainians ride a
    tank ...", "Pete Hegseth leads a training session ..."), carry no quotation
    and no reporting verb.
    """
    if sentence_count(text) != 1 or _QUOTE_MARK.search(text) or len(words(text)) > 50 or _REPORTED.search(text):
        return False  # a caption shows; a sentence that reports speech ("..., the agency said") is the article's
    tokens = words(text)
    if not tokens or not tokens[0][0].isupper():
        return False
    verbs = visual_verbs()
    # the verb slot: the first or second lower-case content word ("Russian servicemen march"); a verb after
    # "to" or a modal is not the sentence's verb ("plans to stand down", "it will carry 300 passengers")
    slots = [k for k, t in enumerate(tokens[:8]) if t[0].islower() and t.lower() not in _FUNCTION_WORDS][:2]
    # a plural noun before an auxiliary is the subject, not the verb ("Storm watches were issued")
    return any(tokens[k] in verbs and not (k and tokens[k - 1].lower() in _NOT_FINITE_BEFORE)
               and not (k + 1 < len(tokens) and tokens[k + 1].lower() in _AUXILIARIES) for k in slots)


#: Verbs after which the word before them is a noun (the subject), not a caption's present-tense verb.
_AUXILIARIES = frozenset("is are was were has have had will would can could may might should must do does did".split())
#: Words after which a verb is an infinitive, not the present tense of a caption.
_NOT_FINITE_BEFORE = frozenset("to will would can could may might shall should must".split())


@lru_cache(maxsize=8192)
def verb_tenses(text: str) -> tuple[int, int]:
    """Count ``(past, present)`` verbs found right after a capitalised subject or a pronoun."""
    past = present = 0
    for verb, following in _SUBJECT_VERB.findall(text):
        if verb in _IRREGULAR_PAST or (verb.endswith("ed") and len(verb) > 4):
            past += 1
        elif verb == "says" or (
            verb.endswith("s") and not verb.endswith(("ss", "us", "is")) and verb not in _NOT_VERBS
            and (following in _AFTER_VERB or following[:1].isupper())
        ):
            present += 1
    return past, present


def is_present_summary(text: str) -> bool:
    """One sentence, no quotation, its main verb in the present tense: a caption or summary line."""
    if sentence_count(text) != 1 or _QUOTE_MARK.search(text):
        return False
    past, present = verb_tenses(text)
    return present > 0 and past == 0


def _past_share(texts: list[str]) -> float:
    past = present = 0
    for text in texts:
        a, b = verb_tenses(text)
        past, present = past + a, present + b
    return past / (past + present) if past + present else 0.5


_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,}(,\s*[A-Z][\w .]+)?\s*(\([^)]*\))?\s*[-—–]")
_DATE_WORDS = re.compile(
    r"\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|rsday|urday|sday)?\b|"
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?=\W|$)|"
    r"\b(am|pm|a\.m\.|p\.m\.|gmt|utc|bst|cet|cest|et|est|edt|cdt|cst|mdt|pt|pdt|pst|ist|jst|aest|updated|published|posted|ago|"
    r"hours?|minutes?|mins?|days?|read|"
    r"hrs?|mins?|today|yesterday|at|on|last)\b|(?<=\d)(?:am|pm)\b|\d+",
    re.IGNORECASE,
)


#: Words of a relative stamp that name no time themselves ("in a day", "an hour ago"): allowed, never enough alone.
_RELATIVE_FILLERS = re.compile(r"\b(?:in|a|an)\b", re.IGNORECASE)


_LEADING_DATE_STAMP = re.compile(
    r"^(?:(?:date|published|updated|posted)\s*:?\s*)?"
    r"(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4})\s+(?=(?-i:[A-Z\"“‘']))",
    re.IGNORECASE)


def _after_date_stamp(text: str) -> str:
    """``text`` without a numeric date stamp glued before it ("2019-07-24 Chipmaker beats estimates")."""
    match = _LEADING_DATE_STAMP.match(text)
    return text[match.end():] if match else text


@lru_cache(maxsize=8192)
def looks_like_date_line(text: str) -> bool:
    """A line that is only a date or time stamp ("Wed 12 Feb 2025 14.08 GMT", "Updated 2 hours ago")."""
    if len(text) > 80 or not re.search(r"\d", text):
        return False
    rest = _RELATIVE_FILLERS.sub(" ", _DATE_WORDS.sub(" ", text))
    named = [m.group() for m in _DATE_WORDS.finditer(text) if not m.group().isdigit()]
    return len(words(rest)) == 0 and bool(named)


@cached(maxsize=8192)
def is_prose(text: str) -> bool:
    """A sentence-like block: 12 words or more, mostly lower case, ending like a sentence or holding two."""
    n = len(words(text))
    return n >= 12 and title_case_share(text) < 0.6 and (bool(_TERMINAL.search(text)) or sentence_count(text) >= 2)


def is_short_line(text: str) -> bool:
    """A list item of a tag or navigation list: at most four words and no sentence end."""
    return len(words(text)) <= 4 and not re.search(r"[.!?]\s*$", text)


_AUTHOR_NAME = re.compile(r"^(by\s+)?[A-Z][a-z'’-]+(\s+[A-Z]\.)?(\s+[A-Z][a-z'’-]+){1,2}(?P<rest>.*)$")


def looks_like_author_line(text: str) -> bool:
    """A name line of the lead: "Kenji Arakawa", "Hannah Richter in Berlin", "Jane Roe | 2 May 2024"."""
    if len(words(text)) > 10 or _TERMINAL.search(text) and not text.rstrip().endswith("."):
        return False
    match = _AUTHOR_NAME.match(text.strip())
    if not match:
        return False
    rest = match.group("rest").strip()
    return (not rest or rest.startswith(("in ", ",", "|", "and ", "&", "·", "—", "-"))
            or "@" in rest or looks_like_date_line(rest))


#: A sentence's end, closing quotes or brackets after it, or a colon introducing what follows: no headline ends so.
_SENTENCE_CLOSE = EndPattern(r"(?:[.!][\"”’')\]]*|:)\s*$", ".!:\"”’')]")


#: A question or exclamation inside a title-case line ("Irrelevant? Judge Rebukes ..."): a headline's device,
#: not a sentence end.
_INNER_BREAK = re.compile(r"[?!][\"”’']?\s+(?=[A-Z\"“‘'])")


def looks_like_headline(text: str) -> bool:
    """Headline-shaped: title case, or 5 to 25 words in sentence case without a final stop.

    A stop inside closing quotes (``He said: "We will."``) is a final stop, and so is a colon.
    """
    n = len(words(text))
    if looks_like_title(text) or looks_like_title(_INNER_BREAK.sub(", ", text)):
        return True
    opening = text.lstrip("'\"‘“")[:1]  # a headline may open with a quotation
    return 5 <= n <= 25 and opening.isupper() and not _SENTENCE_CLOSE.search(text) and sentence_count(text) == 1


def is_all_caps_line(text: str) -> bool:
    """A line in capitals of four words or more: an inline link to another story on many sites."""
    ws = words(text)
    return len(ws) >= 4 and all(w.isupper() or not w.isalpha() for w in ws)


#: Longest block a furniture phrase may decide: no paragraph of more words is ever furniture.
MAX_FURNITURE_WORDS = 40
#: From this many words a sentence-like block is prose: a phrase decides it only when it opens the block.
PROSE_WORDS = 15


#: Furniture speaks to its reader: second person, "our", an imperative opening, subscription words.
_ADDRESSES_READER = re.compile(
    r"\b(?:you|your|our|(?-i:us)|we|this (?:article|story|commentary|page|site|newsletter)|subscribers?|newsletter)\b"
    r"|^(?:get|sign|subscribe|join|save|support|download|follow|try|register|log|please)\b", re.IGNORECASE)


#: Longest note to the reader (site furniture below the article) told by its address alone.
NOTE_WORDS = 30


#: The site speaking to its reader: second person, "this article", an imperative opening. Not "we" or "our",
#: which a letter or statement printed without quotation marks uses too.
_SPEAKS_TO_READER = re.compile(
    r"\b(?:[Yy]ou|[Yy]our|YOU|YOUR|[Tt]his (?:article|story|page|site|newsletter))\b"
    r"|^(?i:get|sign|subscribe|join|download|follow|register|log|please)\b")


#: More ways a short note addresses its reader: a sentence opening with "Please" and a lower-case verb, an
#: e-mail address to write to, a page describing itself ("This is an archive article"). The address's parts are
#: bounded by their longest legal lengths (64 characters before "@", 63 a label), so a long run of word characters
#: and dots with no "@" ("Gen.Gen.Gen...") is tried in linear time, not once per start position to its end.
_NOTE_MARKS = re.compile(r"(?:^|[.!?]\s+)(?i:please)\s+[a-z]|\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b"
                         r"|^(?i:this is an? )(?:[\w-]+ )?(?i:article|story|page|report)\b")


def _note_to_reader(text: str, n_words: int) -> bool:
    """A short line that speaks to the reader ("your email", "please join", an address to write to, "this is an
    archive article"), with no quotation in it."""
    return n_words <= NOTE_WORDS and not _QUOTE_MARK.search(text) and bool(
        _SPEAKS_TO_READER.search(text) or _NOTE_MARKS.search(text))


def _first_sentence(text: str) -> str:
    """The text up to its first sentence end (all of it when it holds one sentence)."""
    match = _SENTENCE_END.search(text)
    return text[:match.end()] if match else text


def _outside_quotation(pattern: re.Pattern, text: str) -> bool:
    """True when ``pattern`` matches ``text`` somewhere outside a quotation (a quoted "we" is the speaker's)."""
    return any(not _inside_quotation(text, m.start()) for m in pattern.finditer(text))


def _inside_quotation(text: str, offset: int) -> bool:
    before = text[:offset]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


@cached(maxsize=8192)
def _lexicon_role(text: str, n_words: int | None = None) -> tuple[str, str] | None:
    """The role a furniture phrase gives a furniture-shaped block, or None.

    Cheap checks first: a
    block of more than :data:`MAX_FURNITURE_WORDS` words is never furniture unless it speaks
    to the reader (a donation or subscription appeal). Then the
    first row of the lexicon that matches outside a quotation decides, except that in a
    prose paragraph (:data:`PROSE_WORDS` words or more, sentence-like) the phrase must open
    it, unless it addresses the reader ("you", "our", "this article": site furniture speaks to its
    reader, a news paragraph does not); "share" in a sentence about revenue and a donation phrase
    inside a quotation stay prose.
    """
    n_words = len(words(text)) if n_words is None else n_words
    addresses_reader = _outside_quotation(_ADDRESSES_READER, text)
    if n_words > MAX_FURNITURE_WORDS and not _outside_quotation(_SPEAKS_TO_READER, text):
        return None  # a long appeal speaks to "you"; "we" and "our" also fill a long statement or letter
    prose = n_words >= PROSE_WORDS and is_prose(text) and not addresses_reader
    # a sentence dense with names is prose to a picture credit, which names agencies and people too
    sentence = prose or (n_words >= PROSE_WORDS and not addresses_reader and _names_heavy_sentence(text))
    matchers = _lexicon_matchers()
    if _FOLDS_TO_ASCII.search(text):
        rows = range(len(matchers))
    else:  # only the rows one of whose literals the block holds (the strings every match holds), in file order
        ungated, gated_by = _rows_by_literal()
        rows = set(ungated)
        for literal in _present_literals(text.lower()):
            rows.update(gated_by[literal])
        rows = sorted(rows)
    for row in rows:
        role, find, anchored, note, _ = matchers[row]
        m = find(text)
        if m is None or _inside_quotation(text, m.start()):
            continue
        if (sentence if role == "caption" else prose) and not anchored and m.start() > 0 \
                and (role != "caption" or not _closes_text(text, m)):
            continue  # a photo credit may close a caption that reads like prose; "(photo)" mid-paragraph does not
        return role, f"lexicon: {note}"
    return None


def _in_last_sentence(text: str, start: int) -> bool:
    """True when offset ``start`` lies in the last sentence of ``text`` (no sentence ends after it)."""
    return _SENTENCE_END.search(text, start) is None


#: Most words a credit leaves after it when it closes a caption ("Getty Images (LONDON, UK)").
CREDIT_TAIL_WORDS = 6


def _closes_text(text: str, match: re.Match) -> bool:
    """True when a caption phrase closes ``text``: in its last sentence, at most :data:`CREDIT_TAIL_WORDS` words
    after it ("... on Monday. Photo: Jane Roe / Agency"). A marker with a clause running on after it
    ("Residents (pictured) crowded into the hall to ...") sits inside a sentence of the article."""
    return _in_last_sentence(text, match.start()) and len(words(text[match.end():])) <= CREDIT_TAIL_WORDS


_SEPARATOR = ("boilerplate", "separator without words")
_CAPITALS_LABEL = ("boilerplate", "section label or kicker in capitals")
_OPENING_QUOTES = "\"“‘'"
#: A short line that ends in a bare web address ("Privacy & Opt-Out: https://..."): a link, not a sentence.
_LINK_LINE = re.compile(r"^[^.!?]{0,60}\bhttps?://\S+\s*$")
_GLUED = re.compile(r"[a-z][A-Z][a-z]+[A-Z]")


@cached(maxsize=8192)
def _furniture_shape(text: str, n_words: int) -> tuple[str, str] | None:
    """Furniture told by its shape, not its wording: misspelled one-word furniture ("Advertisment"),
    navigation words glued together ("HomeWorldPolitics"), short labels in capitals ("ANALYSIS"),
    separators without words ("***", "-") and short lines wholly in square brackets."""
    if n_words > 12:
        return None
    if not any(ch.isalnum() for ch in text):
        return _SEPARATOR
    if text.startswith("[") and text.endswith("]") and "[" not in text[1:-1]:
        return "boilerplate", "short line in square brackets (a markup or server message)"
    stripped = text.strip().lower()
    if n_words <= 2 and stripped.isalpha() and any(
            difflib.SequenceMatcher(None, stripped, w).ratio() >= 0.85 for w in furniture_words()):
        return "boilerplate", "misspelled furniture word"
    if _GLUED.search(text):
        return "boilerplate", "navigation words glued together"
    ws = words(text)
    if 1 <= len(ws) <= 3 and all(w.isupper() and len(w) > 1 for w in ws) and not _TERMINAL.search(text):
        return _CAPITALS_LABEL
    if n_words <= 6 and _LINK_LINE.match(text):
        return "boilerplate", "short line ending in a web address (a link)"
    stripped = text.strip()
    if len(stripped) == 1 and not stripped.isascii():
        return "boilerplate", "one stray character (a scrape's encoding debris)"
    return None


# --- lines repeated across a corpus --------------------------------------------------------------------------
# Lines repeated across a corpus: site furniture ("Most read", a section label) shows on many pages.
#
# The count is a corpus-level fact computed once, in one cheap pass over every article's text
# before any role is given: each article adds the keys (8-byte hashes) of its short, non-prose lines.
# Article steps then read the result, so per-article work stays streamable and every chunk sees the
# same evidence. A syndicated story printed by several outlets repeats all its lines; a line counts
# once per distinct article *story* (fingerprinted by its first line of 12 words or more: the lede, which a
# copy keeps and a site's standard paragraph further down does not replace), so copies of one story never
# make its headline furniture (a page without such a line is fingerprinted whole).

#: A line counts as furniture evidence when it recurs in at least this many different articles.
MIN_ARTICLES = 3
#: Only lines of at most this many words are counted: a prose paragraph is never furniture.
MAX_WORDS = 12


def _first_long_line(lines: list[str]) -> str:
    """The article's first line of 12 words or more (its lede), else all its lines (a short page is its whole text)."""
    return next((line for line in lines if len(words(line)) >= 12), None) or "\n".join(lines)


def line_key(text: str) -> int:
    """A stable 64-bit key of a line's normalised text (the same in every process and run)."""
    return int.from_bytes(hashlib.blake2b(normalise(text).encode("utf-8"), digest_size=8).digest(), "big")


def short_line_keys(text: str, max_words: int = MAX_WORDS) -> set[int]:
    """Keys of the distinct short, non-prose, non-blank lines of one article."""
    keys = set()
    for line in (text or "").splitlines():
        line = line.strip()
        if line and len(words(line)) <= max_words and not is_prose(line) and normalise(line):
            keys.add(line_key(line))
    return keys


@dataclass(frozen=True)
class RepeatedLines:
    """The keys of the lines repeated across a corpus; ``line in repeated`` tests a line's text.

    Attributes
    ----------
    keys : frozenset of int
        :func:`line_key` of every line found in at least ``MIN_ARTICLES`` distinct articles.
    """

    keys: frozenset = field(default_factory=frozenset)

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and bool(self.keys) and line_key(text) in self.keys

    def __len__(self) -> int:
        return len(self.keys)


def repeated_lines(texts_by_article, min_articles: int = MIN_ARTICLES, max_words: int = MAX_WORDS) -> RepeatedLines:
    """Short lines that recur in at least ``min_articles`` different articles of a corpus: site furniture.

    Compute it once per corpus and pass it to :func:`classify_block_roles` (``repeated=``).

    Parameters
    ----------
    texts_by_article : iterable of str
        Every article's text, read once, one at a time (a generator is fine).
    min_articles, max_words : int
        How many distinct articles a line must appear in; the longest line counted, in words.

    Returns
    -------
    RepeatedLines
    """
    bodies: dict[int, tuple[int, ...]] = {}  # line key -> fingerprints of its articles (at most min_articles)
    for text in texts_by_article:
        lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
        if not lines:
            continue
        fingerprint = line_key(_first_long_line(lines))
        for key in short_line_keys(text, max_words):
            seen = bodies.get(key, ())
            if len(seen) < min_articles and fingerprint not in seen:
                bodies[key] = seen + (fingerprint,)
    return RepeatedLines(frozenset(k for k, seen in bodies.items() if len(seen) >= min_articles))


#: A caption names who or what is shown; it does not open with a pronoun or a connective, nor report speech.
_NOT_A_CAPTION_START = re.compile(r"^(?:he|she|it|they|this|that|these|those|however|since|for|but|and)\b", re.IGNORECASE)
_REPORTED = re.compile(r"\b(?:says|said|according to|told)\b")


#: Share of a subheading's content words that the paragraph below it takes up.
SUBHEADING_TAKEN_UP = 0.5


def _introduces_next_paragraph(texts: list[str], roles: list, i: int) -> bool:
    """A subheading inside the article: the next block is a paragraph (not yet given a furniture role) that
    takes up at least :data:`SUBHEADING_TAKEN_UP` of the line's content words ("Will the storm be named?" above
    "If the storm is named ..."); another story's headline between two paragraphs shares little with the next one."""
    j = i + 1
    if j >= len(texts) or roles[j] is not None or not is_prose(texts[j]):
        return False
    heading = content_words(texts[i])
    return bool(heading) and len(heading & content_words(texts[j])) >= SUBHEADING_TAKEN_UP * len(heading)


#: Longest subheading told by its place between two long paragraphs, in words.
SUBHEADING_WORDS = 12


def _between_long_paragraphs(texts: list[str], roles: list, n_words: list[int], i: int) -> bool:
    """A subheading's shape and place (its words must also be the article's, which the caller checks): at most
    :data:`SUBHEADING_WORDS` words, every content word capitalised, no
    figure, bar or end punctuation (a headline of another story carries a date, a site name or a duration), right
    between two prose paragraphs of :data:`PARAGRAPH_WORDS` words or more that no other rule has taken."""
    text = texts[i]
    return n_words[i] <= SUBHEADING_WORDS and title_case_share(text) >= 0.9 and not re.search(r"[\d|.!?:;]", text) \
        and all(roles[k] in (None, ("body", "prose")) and n_words[k] >= PARAGRAPH_WORDS and is_prose(texts[k])
                for k in (i - 1, i + 1))


def _introduces_quotation(text: str) -> bool:
    """A line that reports speech and ends in a colon ("Mr Lee said on Tuesday:"): it opens the quotation below."""
    return text.rstrip().endswith(":") and bool(_REPORTED.search(text))


#: Words a sentence opens with and a navigation label does not ("The judge", cut after two words).
_DETERMINERS = frozenset("The A An This That These Those Its His Her Their".split())


#: Fewest words of a page's last line cut inside a name ("... is trailing from Rajnand").
CUT_NAME_WORDS = 10


def _cut_mid_sentence(text: str, n_words: int, ends_page: bool = False) -> bool:
    """A sentence that stops without its end: six words or more, lower case, last word lower case, no stop.

    On the page's last line (``ends_page``: where a scrape is cut), or before an ellipsis that marks
    the cut, four words are enough and a sentence may hold more names (up to three capitalised words
    in four, "Jane Roe, a spokeswo"), or be only a determiner and lower-case words ("The judge",
    "The needed proof…", a lone "The").
    """
    ws = words(text)
    ends_page = ends_page or bool(_ELLIPSIS_END.search(text))  # an ellipsis marks the cut in the text itself
    text = _ELLIPSIS_END.sub("", text)
    if not ws or re.search(r"[.!?:;…\"”’)]\s*$", text):
        return False
    if len(ws) == 1 and ends_page:
        return ws[0] in _DETERMINERS  # the scrape stopped right after a sentence's first word
    if not ws[-1][:1].islower():
        # the scrape may stop inside a name: a long lower-case sentence whose last word is capitalised
        return ends_page and len(ws) >= CUT_NAME_WORDS and text.rstrip()[-1:].isalpha() \
            and title_case_share(" ".join(ws[:-1])) < 0.5
    if n_words >= (4 if ends_page else 6):
        return title_case_share(text) < (0.75 if ends_page else 0.5)
    return ends_page and ws[0] in _DETERMINERS and all(w[:1].islower() for w in ws[1:])


def _is_header(role: tuple[str, str] | None) -> bool:
    return role is not None and "header" in role[1]


#: Characters of normalised text searched for an earlier copy of a block: the head of the page and
#: as much again just above the block (every page is searched whole; a text of megabytes stays linear).
COPY_REACH = 50_000


def _earlier_block_holding(norm: str, i: int, joined: str, starts: list[int]) -> int | None:
    """The first block before block ``i`` whose normalised text contains ``norm``, or None.

    ``joined`` holds the normalised blocks separated by newlines (which no normalised text
    contains), ``starts`` where each begins: a match before block ``i`` lies inside one block.
    """
    if i == 0:
        return None
    if not norm:
        return 0
    end = starts[i] - 1
    found = joined.find(norm, 0, min(end, COPY_REACH))  # the head of the page first: the first holder wins
    if found < 0 and end > COPY_REACH:  # then the text just above: a page is searched once, a huge text in windows
        found = joined.find(norm, max(0, max(COPY_REACH, end - COPY_REACH) - len(norm)), end)
    return None if found < 0 else bisect_right(starts, found) - 1


#: From this many words a block is a paragraph of the article (a lead block shorter than that is a title or label).
PARAGRAPH_WORDS = 20
#: A copy holding at least this share of a longer block's characters is that block again, not an extract of it.
WHOLE_COPY = 0.8
_ELLIPSIS_END = EndPattern(r"(?:\.{3,}|…)\s*$", ".…")


def _top_summary_of(earlier: int, i: int, texts: list[str], norms: list[str], first_paragraph: int) -> bool:
    """True when block ``earlier``, above every paragraph of the page, is block ``i`` printed twice.

    A site prints its first paragraph as the page summary (sometimes with a date before it);
    the copy standing above every other paragraph is the summary, the later one the article's body.
    A pull quote, by contrast, repeats part of a paragraph *above* it. ``first_paragraph``: the
    first block of :data:`PARAGRAPH_WORDS` words or more.
    """
    return earlier <= first_paragraph and len(norms[i]) >= WHOLE_COPY * len(norms[earlier]) and is_prose(texts[i])


#: Blocks at the top of a page where a headline is printed again (under a picture, with its credit).
HEAD_ZONE = 12
#: Most words a credit adds to a reprinted line ("| PTI", "Photo: Jane Roe").
CREDIT_WORDS = 3


def _reprinted_with_credit(norms: list[str], i: int) -> int | None:
    """The earlier block (of five words or more) that block ``i`` repeats whole with a short credit after it
    ("Title of the story | Agency": a picture captioned with the headline), or None."""
    words_i = norms[i].split()
    for k in range(i):
        words_k = norms[k].split()
        if len(words_k) >= 5 and 0 < len(words_i) - len(words_k) <= CREDIT_WORDS and words_i[:len(words_k)] == words_k:
            return k
    return None


def _teaser_of(text: str, sorted_norms: list[str], owners: list[int]) -> int | None:
    """The block whose opening words ``text`` repeats before an ellipsis ("Shares rose after…"), or None.

    ``sorted_norms``: the article's normalised blocks in sorted order, ``owners`` their block numbers;
    a longer block starting with the teaser's words sorts right after every copy of those words.
    """
    if not _ELLIPSIS_END.search(text):
        return None
    stem = normalise(_ELLIPSIS_END.sub("", text))
    if len(stem.split()) < 5:
        return None
    at = bisect_right(sorted_norms, stem)
    return owners[at] if at < len(sorted_norms) and sorted_norms[at].startswith(stem) else None


def hard_wrap_groups(texts: list[str]) -> list[range]:
    """The blocks grouped into paragraphs (see :func:`.hard_wrap.hard_wrap_groups`); a line a phrase of the block
    lexicon decides is furniture by itself and joins nothing."""
    return _hard_wrap_groups(texts, _is_lexicon_furniture, _WRAP_LINE_END.search)


_WRAP_LINE_END = EndPattern(LINE_END, LINE_END_CHARS)


def _is_lexicon_furniture(line: str) -> bool:
    return _lexicon_role(line) is not None


#: A paragraph that holds this share of a summary's content words tells its story again.
RETOLD = 0.4
#: A later paragraph holding this share of the line under the headline prints that summary again.
RESTATED = 0.8


def _retells(paragraph: str, summary: str) -> bool:
    """True when ``paragraph`` starts the story of ``summary`` again: the layout of a summary above the article.

    A lede's next paragraph carries the story on with new words; a page's summary line is followed by
    an article that names the same people, places and acts again (at least :data:`RETOLD` of the
    summary's content words).
    """
    words_s = content_words(summary)
    return bool(words_s) and len(words_s & content_words(paragraph)) >= RETOLD * len(words_s)


#: A caption names where people stand: "Jane Roe, centre, speaks ...", "John Doe, second from left, listens ...".
_POSITION_CAPTION = re.compile(
    r"^[A-Z][^,.!?]{0,80},\s*(?:(?:second |third |far )?(?:from )?(?:left|right)|cent(?:er|re)|front|rear|top|bottom|"
    r"foreground|background|in (?:the )?(?:foreground|background|middle|cent(?:er|re)))\s*,\s*(?:[a-z]+ ){0,2}[a-z]+s\b")


def _is_credit(text: str) -> bool:
    """A credit line: one to three capitalised words or a photographer's credit, no sentence ("Reuters", "AP Photo")."""
    ws = words(text)
    return 1 <= len(ws) <= CREDIT_WORDS and all(w[0].isupper() for w in ws) and not _TERMINAL.search(text)


#: A full stop (not an ellipsis) closes the line.
_FULL_STOP_END = EndPattern(r"(?<!\.)\.[\"”’')\]]*\s*$", ".\"”’')]")


def _names_heavy_sentence(text: str) -> bool:
    """A sentence full of names, not a title: it closes with a full stop and has a lower-case word that is not
    a function word ("Airbus is owned by European Aeronautic Defence and Space Company (EADS).")."""
    return bool(_FULL_STOP_END.search(text)) and any(
        w[0].islower() and len(w) > 2 and w.lower() not in _FUNCTION_WORDS for w in words(text))


#: Longest section title, in words (a label: "Stay safe", "What the council decided"; another story's headline,
#: a sentence with its subject and object, runs longer).
SECTION_TITLE_WORDS = 6


def _section_titles(texts: list[str], roles: list, n_words: list[int], first_prose: int, last_prose: int) -> set[int]:
    """Title-shaped lines that divide the article into sections: short, no end punctuation, each with a paragraph right
    above and right below it; two or more on the page ("Safety measures advised" ... "Stay safe"). One title-shaped
    line between two paragraphs may be another story's headline; several dividing one article are its subheadings."""
    found = set()
    for i in range(first_prose + 1, last_prose):
        text = texts[i]
        if roles[i] is None and n_words[i] <= SECTION_TITLE_WORDS and looks_like_title(text) \
                and not _TERMINAL.search(text) and not is_prose(text) \
                and roles[i - 1] is None and is_prose(texts[i - 1]) and roles[i + 1] is None and is_prose(texts[i + 1]):
            found.add(i)
    return found if len(found) >= 2 else set()


def classify_block_roles(texts: list[str], repeated=frozenset()) -> list[tuple[str, str]]:
    """Role and deciding rule for each block of one article, in order.

    A hard-wrapped paragraph (lines cut at a margin, see :func:`hard_wrap_groups`) is read as one
    block, and each of its lines takes the paragraph's role.

    Parameters
    ----------
    texts : list of str
        The blocks of one article, in reading order (see :func:`blocks.block_spans`).
    repeated : :class:`RepeatedLines` or container of str
        As for :func:`classify_paragraph_roles`.

    Returns
    -------
    list of (role, rule)
        One per block of ``texts``.
    """
    groups = hard_wrap_groups(texts)
    if len(groups) == len(texts):
        return classify_paragraph_roles(texts, repeated)
    joined = [" ".join(texts[k].strip() for k in group) for group in groups]
    labelled = classify_paragraph_roles(joined, repeated)
    roles: list[tuple[str, str]] = []
    for group, (role, rule) in zip(groups, labelled):
        if len(group) > 1:
            rule = f"{rule} (lines {group[0]} to {group[-1]}: one hard-wrapped paragraph)"
        roles.extend([(role, rule)] * len(group))
    return roles


def classify_paragraph_roles(texts: list[str], repeated=frozenset()) -> list[tuple[str, str]]:
    """Role and deciding rule for each paragraph of one article, in order (hard-wrapped lines already joined).

    Parameters
    ----------
    texts : list of str
        The blocks of one article, in reading order (see :func:`blocks.block_spans`).
    repeated : :class:`RepeatedLines` or container of str
        The short lines that recur across the corpus (:func:`repeated_lines`), computed
        once per corpus; a non-prose line of at most 12 words in it is furniture. Empty: no corpus evidence.

    Returns
    -------
    list of (role, rule)
        ``role`` is one of :data:`ROLES`; ``rule`` names the evidence.
    """
    n = len(texts)
    roles: list[tuple[str, str] | None] = [None] * n
    norms = [normalise(t) for t in texts]
    n_words = [len(words(t)) for t in texts]

    # 1. The phrase lexicon: furniture every site has in some wording. Repeats of
    # lines that are not furniture (a headline, a caption) are duplicates.
    seen: dict[str, int] = {}
    sorted_norms: list[str] | None = None  # built at the first block cut by an ellipsis
    first_paragraph = next((k for k in range(n) if n_words[k] >= PARAGRAPH_WORDS), n)
    owners: list[int] = []
    # every normalised block on one line of a string: "inside which earlier block" is one find plus a bisect
    joined = "\n".join(norms)
    norm_starts = list(accumulate((len(t) + 1 for t in norms[:-1]), initial=0))
    for i, text in enumerate(texts):
        roles[i] = _lexicon_role(text, n_words[i]) or _furniture_shape(text, n_words[i])
        if roles[i] is None and n_words[i] <= 12 and repeated and text in repeated and not is_prose(text):
            roles[i] = ("boilerplate", "line repeated across the corpus")
        earlier = seen.get(norms[i])
        if earlier is None and roles[i] is None and n_words[i] >= 6:
            earlier = _earlier_block_holding(norms[i], i, joined, norm_starts)
        if earlier is not None and _top_summary_of(earlier, i, texts, norms, first_paragraph):
            # a paragraph printed first as the page's summary: the summary is the copy, the paragraph is body
            if roles[earlier] is None or roles[earlier][0] == "body":
                roles[earlier] = ("duplicate", f"summary at the top that paragraph {i} repeats")
        elif norms[i] in seen and (roles[i] is None or roles[i][0] in ("caption", "byline")):
            roles[i] = ("duplicate", f"repeats block {seen[norms[i]]}")
        elif earlier is not None and roles[i] is None:
            roles[i] = ("duplicate", f"repeats words of block {earlier} (pull quote)")
        if roles[i] is None and earlier is None and i < HEAD_ZONE and n_words[i] <= MAX_FURNITURE_WORDS:
            credited = _reprinted_with_credit(norms, i)
            if credited is not None:
                roles[i] = ("duplicate", f"repeats block {credited} with a credit after it")
        if roles[i] is None and n_words[i] >= 5 and _ELLIPSIS_END.search(text):
            if sorted_norms is None:
                order = sorted(range(n), key=norms.__getitem__)
                sorted_norms, owners = [norms[k] for k in order], order
            teased = _teaser_of(text, sorted_norms, owners)
            if teased is not None:
                roles[i] = ("duplicate", f"opening words of block {teased} cut short by an ellipsis (a teaser)")
        seen.setdefault(norms[i], i)
        if roles[i] is None and looks_like_date_line(text):
            roles[i] = DATE_STAMP
        elif roles[i] is None and looks_like_clock_stamp(text):
            # (a live entry's stamp: the text under it is the article, unlike the text under a comment's date stamp)
            roles[i] = ("byline", "clock time stamp of a live entry")
    # A television transcript in capitals is the article's text, not a run of kickers or links in capitals.
    free = [role is None or role == _CAPITALS_LABEL for role in roles]
    for run in capitals_transcript_runs(texts, free):
        for k in run:
            roles[k] = ("body", f"transcript in capitals (closed captions, blocks {run[0]} to {run[-1]})")

    # 2. Lists: a blurb right before a "Read more" link; the items under a list header.
    links = [k for k in range(n) if roles[k] and roles[k][1].startswith("lexicon: link to another")]
    for i in range(n - 1):
        if roles[i] is None and i + 1 in links and not (len(links) == 1 and is_prose(texts[i]) and (
                n_words[i] > MAX_FURNITURE_WORDS or i + 2 < n and is_prose(texts[i + 2]))):
            # (a single link after a long paragraph, or between two paragraphs, points out of a running
            # article: the paragraph stays body; an aggregator closes every blurb with one)
            roles[i] = ("related", "stands before a read-more link")
            # a blurb is often a headline line, then a summary line, then the link
            if i > 0 and roles[i - 1] is None and looks_like_headline(texts[i - 1]) and not is_prose(texts[i - 1]):
                roles[i - 1] = ("related", "headline of a blurb before a read-more link")
    for i, role in enumerate(roles):
        if not _is_header(role):
            continue
        item_role = "tags" if "topic-tag" in role[1] else role[0]
        j = i + 1
        while j < n:
            if roles[j] == _SEPARATOR:
                j += 1  # a dash or rule between the items
                continue
            free = roles[j] is None or roles[j][0] == "duplicate"
            related_item = item_role == "related" and (
                not is_prose(texts[j]) and n_words[j] <= 25 or bool(_ELLIPSIS_END.search(texts[j])))
            if not (free and (is_short_line(texts[j]) or related_item)):
                break  # a related item is a headline or a blurb cut short by an ellipsis
            roles[j] = (item_role, f"item of the list under block {i}")
            j += 1
        has_items = j > i + 1 or (role[0] == "related" and any(
            r is not None and r[0] == "related" and not _is_header(r) for r in roles[i + 1:]))
        if not has_items:
            roles[i] = ("boilerplate", "list header with no list under it")

    # A short line ending in a colon right above related items is their header.
    for i in range(n - 1, -1, -1):
        if roles[i] is None and n_words[i] <= 8 and texts[i].rstrip().endswith(":") and i + 1 < n \
                and roles[i + 1] is not None and roles[i + 1][0] == "related":
            roles[i] = ("related", "colon header above related items")

    # The items a paragraph of the article introduces with a colon are its own text, even when they speak to
    # the reader ("Do not drive through floodwater").
    # (a paragraph that speaks to the reader, "you can continue reading with our latest stories:", introduces furniture)
    introduces = [(text.endswith(":") or text.rstrip().endswith(":")) and role is None and count >= PARAGRAPH_WORDS and is_prose(text)
                  and not _outside_quotation(_SPEAKS_TO_READER, text) for text, role, count in zip(texts, roles, n_words)]
    if any(introduces):
        for k in colon_introduced_items(texts, roles, introduces, MAX_FURNITURE_WORDS):
            roles[k] = ("body", "item of a list that a paragraph of the article introduces with a colon")

    # A short note to the reader below the last paragraph ("Your email address will not be published"),
    # or above the first one (a sign-up box or a reading notice over the headline: "We've got news for you.").
    paragraph_below = False
    for i in range(n - 1, -1, -1):
        if roles[i] is None and not paragraph_below and _note_to_reader(texts[i], n_words[i]):
            roles[i] = ("boilerplate", "note to the reader below the last paragraph")
        elif roles[i] is None and n_words[i] >= PARAGRAPH_WORDS and is_prose(texts[i]):
            paragraph_below = True
    for i in range(n):
        if roles[i] is None and n_words[i] >= PARAGRAPH_WORDS and is_prose(texts[i]) \
                and not _note_to_reader(_first_sentence(texts[i]), n_words[i]):
            break  # (a paragraph-length note, a sign-up box, speaks to its reader in its first sentence)
        if roles[i] is None and _note_to_reader(texts[i], n_words[i]):
            roles[i] = ("boilerplate", "note to the reader above the first paragraph")

    # The prose blocks tell where the article runs, its tense and its vocabulary.
    prose = [i for i in range(n) if roles[i] is None and is_prose(texts[i])]
    long_prose = [i for i in prose if n_words[i] >= 40] or prose
    past_share = _past_share([texts[i] for i in long_prose])
    article_words: set[str] = set()
    for i in prose:
        article_words |= content_words(texts[i])  # a new set: the cached frozensets are never changed
    first_prose = prose[0] if prose else n
    last_prose = prose[-1] if prose else -1

    for i, text in enumerate(texts):
        if roles[i] is None and i > first_prose and is_all_caps_line(text) and not is_prose(text):
            roles[i] = ("related", "line in capitals inside the article (link to another story)")

    # 3. Keyword lines after the start of the article (a headline can be capitalised keywords too).
    for i, text in enumerate(texts):
        if roles[i] is None and i > first_prose and looks_like_tags(text):
            roles[i] = ("tags", "capitalised keywords without function words")

    # 4. The headline: among the headline-shaped blocks before the first paragraph, the
    # first whose words the article repeats (a site name or section label does not).
    lead = [i for i in range(min(first_prose, n)) if roles[i] is None]
    candidates = [i for i in lead if n_words[i] >= 3 and looks_like_headline(_after_date_stamp(texts[i]))
                  and not looks_like_author_line(texts[i])]

    def echo(i: int) -> float:
        cw = content_words(texts[i])
        return len(cw & article_words) / max(1, len(cw))

    # A sentence-case line of five words or more is a headline by its form; a title-case
    # one could be a site name, so it must share words with the article.
    headline = next((i for i in candidates if echo(i) >= 0.34
                     or (n_words[i] >= 5 and title_case_share(texts[i]) < 0.75)), None)
    if headline is None and candidates:
        headline = max(candidates, key=lambda i: (echo(i), -i))
    if headline is not None:
        roles[headline] = ("headline", "first headline-shaped block that the article echoes")
        for i in lead:
            if i < headline and roles[i] is None and (is_short_line(texts[i]) or looks_like_title(texts[i])):
                roles[i] = ("boilerplate", "site name or section label before the headline")
        # The standfirst stands right after the headline: a summary, not a dateline lede.
        # It is told from a first paragraph (a lede is body) by its layout: no final stop, the present
        # tense of a summary that the next paragraph tells again, or words that a later paragraph
        # repeats with no paragraph between.
        j = headline + 1
        while j < n and roles[j] is not None and roles[j][0] == "duplicate":
            j += 1  # the headline printed again
        # (a summary without a final stop may be short: "It follows an alleged assault in London")
        if j < n and roles[j] is None and (8 if _TERMINAL.search(texts[j]) else 5) <= n_words[j] <= 60 \
                and not _DATELINE.match(texts[j]) \
                and not looks_like_caption(texts[j]) and not looks_like_author_line(texts[j]):
            next_is_paragraph = j + 1 < n and roles[j + 1] is None and is_prose(texts[j + 1]) \
                and not looks_like_caption(texts[j + 1])
            words_j = content_words(texts[j])
            echoed = any(len(words_j & content_words(texts[k])) >= 0.6 * len(words_j) for k in range(j + 2, n))
            # a summary the article prints again almost whole further down (a lede's words are not repeated so)
            # (the summary is short and the paragraph says more; a copy of a whole paragraph is not a summary)
            restated = next_is_paragraph and len(words_j) >= 6 and n_words[j] <= MAX_FURNITURE_WORDS and any(
                n_words[k] > n_words[j] and len(words_j & content_words(texts[k])) >= RESTATED * len(words_j)
                for k in range(j + 2, n))
            teaser = next_is_paragraph and bool(_ELLIPSIS_END.search(texts[j]))  # a summary cut short above the article
            retold = next_is_paragraph and _retells(texts[j + 1], texts[j])
            if not _TERMINAL.search(texts[j]) or (is_present_summary(texts[j]) and retold) \
                    or (not next_is_paragraph and echoed) or teaser or restated:
                roles[j] = ("standfirst", "summary right after the headline")
        for i in lead:
            if i > headline and roles[i] is None and looks_like_author_line(texts[i]):
                roles[i] = ("byline", "name line between headline and article")
    else:
        free = [i for i in range(n) if roles[i] is None]
        if free and free[0] == first_prose and len(prose) > 1 and n_words[free[0]] <= 60 \
                and n_words[free[0]] < n_words[prose[1]] and not _DATELINE.match(texts[free[0]]) \
                and _retells(texts[prose[1]], texts[free[0]]):
            roles[free[0]] = ("standfirst", "short opening paragraph before a longer one, no headline")
    # A summary that closes with its reporter's credit ("... DAVID BANKS reports") opens a page without a headline.
    if len(prose) > 1 and roles[prose[0]] is None and prose[0] < HEAD_ZONE and n_words[prose[0]] <= 60 \
            and closes_with_reporter_credit(texts[prose[0]]):
        roles[prose[0]] = ("standfirst", "summary closed by its reporter's credit, above the article")

    # 5. Everything else: captions, other articles' headlines, stray endings, prose. A present-tense
    # sentence is a caption only on a page that shows pictures (a credit or a visual caption elsewhere):
    # in a page of text it is the article's own statement ("The firm owns a quarter of the airline.").
    shows_pictures = any(r is not None and r[0] == "caption" for r in roles) or any(
        roles[i] is None and looks_like_caption(texts[i]) for i in range(n))
    sections = _section_titles(texts, roles, n_words, first_prose, last_prose)
    for i in range(n):
        if roles[i] is not None:
            continue
        text = texts[i]
        if first_prose < i < last_prose and text[:1] in _OPENING_QUOTES and n_words[i] <= MAX_FURNITURE_WORDS \
                and looks_like_attributed_pull_quote(text):
            roles[i] = ("duplicate", "pull quote: a quotation with a dashed attribution between paragraphs")
        elif first_prose < i < last_prose and text[:1].islower() and is_lower_case_label(text) and is_prose(texts[i - 1]) \
                and is_prose(texts[i + 1]):
            roles[i] = ("stray", "lower-case label between two paragraphs (a link or a tag)")
        elif looks_like_caption(text) or (n_words[i] <= MAX_FURNITURE_WORDS and _POSITION_CAPTION.match(text)
                                        and not _QUOTE_MARK.search(text)):
            roles[i] = ("caption", "present-tense visual verb after the subject")
        elif i == last_prose + 1 and _cut_mid_sentence(text, n_words[i], ends_page=i == n - 1) \
                and not (LIST_MARK.match(text) and i + 1 < n and LIST_MARK.match(texts[i + 1])):  # an item of a list
            roles[i] = ("body", "last paragraph cut mid-sentence by the scrape")
        elif i == n - 1 and i == last_prose + 2 and n_words[i] >= PARAGRAPH_WORDS // 2 \
                and _cut_mid_sentence(text, n_words[i], ends_page=True) \
                and n_words[i - 1] <= SECTION_TITLE_WORDS * 2 and not is_prose(texts[i - 1]) \
                and (roles[i - 1] is None or roles[i - 1][0] in ("body", "related", "stray")):
            # a subheading (or a live entry's title) and the first words of its paragraph, cut by the scrape
            roles[i] = ("body", "last paragraph cut mid-sentence by the scrape, below its subheading")
            roles[i - 1] = ("body", "subheading over the last paragraph, which the scrape cut")
        elif i == n - 1 and i > first_prose and LIST_MARK.match(text) and LIST_MARK.match(texts[i - 1]) \
                and roles[i - 1][0] == "body" and _TERMINAL.search(texts[i - 1]) and not _TERMINAL.search(text) \
                and (words(text) or [""])[-1][:1].islower():
            # the items above are sentences (a list of headlines has no stops) and this one stops mid-sentence
            roles[i] = ("body", "last item of the article's list, cut by the scrape")
        elif i in sections:
            roles[i] = ("body", "subheading: one of several section titles between the article's paragraphs")
        elif i > last_prose and is_short_line(text):
            roles[i] = ("boilerplate", "short line after the article (site name, navigation)")
        elif i < first_prose and is_short_line(text):
            roles[i] = ("boilerplate", "short line before the article (navigation)")
        elif first_prose < i < last_prose and looks_like_title(text) and _between_long_paragraphs(texts, roles, n_words, i) \
                and len(content_words(text) & article_words) >= SUBHEADING_TAKEN_UP * len(content_words(text)):
            # (a headline of another story sits between paragraphs too, but does not speak of the article's things)
            roles[i] = ("body", "subheading: a short title-case line between two long paragraphs")
        elif first_prose < i < last_prose and (looks_like_title(text) or looks_like_headline(text)) \
                and not is_prose(text) and _introduces_next_paragraph(texts, roles, i):
            roles[i] = ("body", "subheading: the paragraph below takes up its words")
        elif (looks_like_title(text) or (i > last_prose and looks_like_headline(text))) and not is_prose(text) \
                and not _introduces_quotation(text) and not _names_heavy_sentence(text):
            overlap = len(content_words(text) & article_words) / max(1, len(content_words(text)))
            if i > last_prose and overlap < 0.5:
                roles[i] = ("stray", "headline-shaped line after the article, little shared vocabulary")
            else:
                roles[i] = ("related", "headline-shaped line inside the article")
        elif (8 <= n_words[i] <= 30 and is_present_summary(text) and past_share > 0.6 and first_prose < i < n - 1
              and not _NOT_A_CAPTION_START.match(text) and not _REPORTED.search(text) and shows_pictures):
            roles[i] = ("caption", "one present-tense sentence in a past-tense article")
        else:
            roles[i] = ("body", "prose")
    # A short label right above a caption ("Flood updates") belongs to the picture, not to the article;
    # so does a credit right below it ("Reuters", "AP Photo").
    for i in range(n - 1):
        if roles[i] == ("body", "prose") and roles[i + 1][0] == "caption" and n_words[i] <= 4 and (
                not _TERMINAL.search(texts[i]) or norms[i + 1].startswith(norms[i])):
            roles[i] = ("caption", "short label right above a caption (or the caption's first words again)")
    for i in range(1, n):
        if roles[i] == ("body", "prose") and roles[i - 1][0] == "caption" and _is_credit(texts[i]):
            roles[i] = ("caption", "credit right below a caption")
    evidence = _page_evidence()
    mark_caption_neighbours(texts, roles, n_words, evidence)
    mark_link_lists(texts, roles, article_words, evidence)
    mark_text_below_the_article(texts, roles, n_words, evidence)
    mark_text_after_closing_furniture(texts, roles, n_words, evidence)
    mark_appeal_paragraphs(texts, roles, _is_appeal, _SEPARATOR.__eq__)
    return [r for r in roles]  # type: ignore[misc]


#: Roles of an outlet's appeal to its reader: a donation or subscription phrase, a note to the reader.
_APPEAL_NOTES = ("lexicon: donation", "lexicon: newsletter", "note to the reader")


def _is_appeal(role: tuple[str, str]) -> bool:
    return role[0] == "boilerplate" and role[1].startswith(_APPEAL_NOTES)


@lru_cache(maxsize=1)
def _page_evidence() -> PageEvidence:
    """The evidence functions of this module that the page-level passes (:mod:`.role_passes`) read."""
    return PageEvidence(words=words, content_words=content_words, ends_sentence=lambda text: bool(_TERMINAL.search(text)),
                        lexicon_role=_lexicon_role, max_furniture_words=MAX_FURNITURE_WORDS)


#: Columns of the blocks table (and ``role_rule``, which rule gave the role).
BLOCK_COLUMNS = ["doc_id", "block_id", "start", "end", "text", "role"]


@accepts_lexicons
def segment_blocks(articles: pd.DataFrame, *, repeated=None, lexicons=None) -> pd.DataFrame:
    """One row per block (non-blank line) of every article, with its role.

    Parameters
    ----------
    articles : DataFrame
        Needs ``doc_id`` and ``text``.
    repeated : :class:`RepeatedLines`, optional
        The lines repeated across the whole corpus (furniture evidence), computed once per corpus
        by :func:`repeated_lines`. Default: counted over ``articles`` itself, which is
        right when ``articles`` is the whole corpus; a chunk of it must be given the corpus' set.
    lexicons : folder, dict or :class:`~analysis_helpers.resources.Lexicons`, optional
        Lexicon files replacing the packaged ones for this call (see
        :mod:`analysis_helpers.resources`); missing files fall back to the package.

    Returns
    -------
    DataFrame
        ``doc_id``; ``block_id`` (0-based position in the article); ``start`` and
        ``end`` (character offsets into the article's ``text``, end exclusive);
        ``text`` (equal to ``article_text[start:end]``); ``role``, one of
        :data:`analysis_helpers.schema.ROLES`; ``role_rule`` (which rule
        gave the role). Sorted by doc_id, block_id.
    """
    if repeated is None:
        repeated = repeated_lines(articles["text"])
    rows = []
    for doc_id, text in zip(articles["doc_id"].tolist(), articles["text"].tolist()):  # plain lists, not Arrow cells
        spans = block_spans(text)
        texts = [text[s:e] for s, e in spans]
        labelled = classify_block_roles(texts, repeated)
        for block_id, ((start, end), block_text, (role, rule)) in enumerate(zip(spans, texts, labelled)):
            rows.append((doc_id, block_id, start, end, block_text, role, rule))
    blocks = pd.DataFrame(rows, columns=BLOCK_COLUMNS + ["role_rule"])
    blocks = blocks.astype({"block_id": "int64", "start": "int64", "end": "int64"})
    return blocks.sort_values(["doc_id", "block_id"], kind="stable").reset_index(drop=True)
