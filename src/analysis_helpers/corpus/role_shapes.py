"""Layouts of real pages that the block-role rules of :mod:`.roles` read by shape (split out of roles.py, round
eight, so that module does not grow): clock-time stamps of live pages, closed-caption transcripts in capitals, a
summary credited to its reporter, a pull quote with a dashed attribution, the items a paragraph introduces with a
colon, and lower-case link labels between paragraphs.

This module imports nothing from the package (a leaf of the import graph): each function reads only the block
texts and the few per-block facts :mod:`.roles` passes in.
"""

from __future__ import annotations

import re

#: A live page's time stamp on its own line: a clock time with "am"/"pm", a time zone or a second clock time
#: ("9.06am GMT09:06", "8:50 p.m.", "11:40"), optionally after a short place label and a bar ("Punjab | 11:45 am").
_CLOCK_STAMP = re.compile(
    r"^(?:[A-Z][\w .'’-]{1,30}\s*[|•·]\s*)?"
    r"\d{1,2}(?P<sep>[:.])\d{2}\s*(?P<meridiem>(?i:[ap]\.?m\.?))?"
    r"(?:\s*(?P<zone>[A-Z]{2,4}))?(?:\s*\d{1,2}[:.]\d{2})?\s*$")


def looks_like_clock_stamp(text: str) -> bool:
    """True for a line that is only a clock time (a live page's entry stamp).

    A bare "3.45" could be a figure: the line needs a colon, "am"/"pm", a time zone or a place label before it.
    """
    if len(text) > 40 or not (text.lstrip()[:1].isdigit() or "|" in text or "•" in text or "·" in text):
        return False  # (most blocks: the cheap test first)
    match = _CLOCK_STAMP.match(text.strip())
    return bool(match) and (match.group("sep") == ":" or bool(match.group("meridiem") or match.group("zone"))
                            or "|" in text or "•" in text or "·" in text)


#: Fewest lines of a closed-caption transcript in capitals; fewest words of the whole run.
TRANSCRIPT_LINES, TRANSCRIPT_WORDS = 6, 30
#: Fewest lines of the run that end a sentence (a menu in capitals has none).
TRANSCRIPT_SENTENCE_ENDS = 2
#: Function words a run of capitals must hold, as a share of its words, to read as running speech.
TRANSCRIPT_FUNCTION_SHARE = 0.2
_SPEECH_WORDS = frozenset(
    "a an the of to in on at for and or but with by from as is are was were be that this it we i you he she they "
    "have has had will would our his her their not".split())


def _in_capitals(text: str) -> bool:
    """True when every cased letter of ``text`` is a capital and it has one (``str.isupper``)."""
    return text.isupper()


def capitals_transcript_runs(texts: list[str], free: list[bool]) -> list[range]:
    """Runs of consecutive lines in capitals that read as running speech: a television transcript from closed
    captions, cut at a narrow width (">> ONCE AGAIN, WE'RE THE SAFEST" / "BIG CITY IN AMERICA.").

    A run needs :data:`TRANSCRIPT_LINES` lines that ``free`` allows, :data:`TRANSCRIPT_WORDS` words, lines that end
    sentences and function words (a menu or a list of section labels in capitals has neither).
    """
    capitals = [allowed and _in_capitals(text) for allowed, text in zip(free, texts)]
    if sum(capitals) < TRANSCRIPT_LINES:
        return []
    runs, i, n = [], 0, len(texts)
    while i < n:
        j = i
        while j < n and capitals[j]:
            j += 1
        if j - i >= TRANSCRIPT_LINES:
            tokens = " ".join(texts[i:j]).lower().split()
            stops = sum(bool(re.search(r"[.?!][\"”’')]*\s*$", texts[k])) for k in range(i, j))
            speech = sum(t.strip(".,?!;:\"'”’") in _SPEECH_WORDS for t in tokens)
            if len(tokens) >= TRANSCRIPT_WORDS and stops >= TRANSCRIPT_SENTENCE_ENDS \
                    and speech >= TRANSCRIPT_FUNCTION_SHARE * len(tokens):
                runs.append(range(i, j))
        i = max(j, i + 1)
    return runs


#: A summary that closes with its reporter's name and a reporting verb, no stop after it ("... losing out?
#: DAVID BANKS reports"): a magazine's standfirst printed without a headline.
_REPORTER_CREDIT = re.compile(
    r"(?:^|[.?!][\"”’']?\s+)(?:[A-Z][\w'’.-]+\s+){1,3}(?:reports|writes|investigates|explains|asks)\s*$")


def closes_with_reporter_credit(text: str) -> bool:
    """True when ``text`` ends with a credit sentence: a capitalised name and "reports" / "writes", no stop."""
    return bool(_REPORTER_CREDIT.search(text.strip()))


#: A quotation closed by a dashed attribution ('"There's a great big eye ..." --Can Dundar, journalist'):
#: a pull quote set between the article's paragraphs.
_ATTRIBUTED_QUOTE = re.compile(
    r"^[\"“‘'].{20,}[\"”’']\s*(?:--|[—–])\s*"  # the quotation, then a dash
    # the name, then a description after a comma
    r"(?:[A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+){0,3}\s*(?:,[^\"“”]{0,80})?$")


def looks_like_attributed_pull_quote(text: str) -> bool:
    """True for a block that is one quotation followed by a dash and the speaker's name (and a description)."""
    return bool(_ATTRIBUTED_QUOTE.match(text.strip()))


def colon_introduced_items(texts: list[str], roles: list, introduces: list[bool], max_words: int) -> list[int]:
    """The blocks a paragraph of the article introduces with a colon ("... here are some safety tips from the
    fire service:"): the unlabelled blocks right below it, each of at most ``max_words`` words, up to the first
    block that has a role. ``introduces[i]`` says whether block ``i`` is such a paragraph (prose ending in a colon).

    A list the article introduces is its own text, however much it speaks to the reader ("Do not ...").
    """
    items: list[int] = []
    for i, opens in enumerate(introduces):
        if not opens or roles[i] is not None:
            continue
        j = i + 1
        while j < len(texts) and roles[j] is None and len(texts[j].split()) <= max_words \
                and not texts[j].rstrip().endswith(":"):  # a line ending in a colon heads something else
            items.append(j)
            j += 1
    return items


#: A short link or tag label in lower case alone between two paragraphs ("weather warnings").
_LOWER_LABEL = re.compile(r"^[a-z][a-z'’-]+(?: [a-z][a-z'’-]+){0,2}$")


def is_lower_case_label(text: str) -> bool:
    """True for one to three lower-case words with no punctuation at all (a link or tag, not a sentence)."""
    return bool(_LOWER_LABEL.match(text.strip()))


#: The outlet speaking of itself: a first-person plural word ("we", "our", "us").
_OUTLET_VOICE = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Uu]s|WE|OUR)\b")
#: ... and to its reader.
_TO_THE_READER = re.compile(r"\b(?:[Yy]ou|[Yy]our|YOU|YOUR)\b")
_QUOTATION = re.compile(r"[\"“”]")


def _outlet_voice(text: str, to_reader: bool = False) -> bool:
    """A block without quotation marks in which the outlet speaks ("we", "our"), and to "you" when ``to_reader``."""
    return not _QUOTATION.search(text) and bool(_OUTLET_VOICE.search(text)) \
        and (not to_reader or bool(_TO_THE_READER.search(text)))


def mark_appeal_paragraphs(texts: list[str], roles: list, is_appeal, is_separator) -> None:
    """Mark the paragraphs of an outlet's appeal that no phrase decides, from their place and their voice.

    - A body paragraph in the outlet's voice ("we", "our"; no quotation) right above or below a block the rules
      read as an appeal (``is_appeal(role)``: a donation or subscription appeal, a note to the reader) belongs
      to the same box ("Your support helps us ..." / "We believe quality journalism should be free ...").
    - Below a separator line (``is_separator(role)``: "---", "***") that closes the page, paragraphs that speak
      in the outlet's voice to "you" ("our reporters bring you ...") are a newsroom's promotion, when every
      body block after the separator does so.
    """
    n = len(texts)
    prose = [role == ("body", "prose") for role in roles]
    appeals = [i for i in range(n) if roles[i][0] == "boilerplate" and is_appeal(roles[i])]
    for i in sorted({k for a in appeals for k in (a - 1, a + 1) if 0 <= k < n}):  # (the cheap test first)
        if prose[i] and _outlet_voice(texts[i]):
            roles[i] = ("boilerplate", "paragraph in the outlet's voice beside an appeal")
    separators = [k for k in range(n) if is_separator(roles[k])]
    if separators:
        k = separators[-1]
        tail = [i for i in range(k + 1, n) if roles[i][0] == "body"]
        if tail and all(prose[i] and _outlet_voice(texts[i], to_reader=True) for i in tail) \
                and any(roles[i][0] == "body" for i in range(k)):
            for i in tail:
                roles[i] = ("boilerplate", f"the outlet speaking to its reader below the separator in block {k}")
