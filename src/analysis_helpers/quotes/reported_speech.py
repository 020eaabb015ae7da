"""Reported speech without quotation marks: "Hegseth stated that ...".

One span per sentence at most, found by the first rule that fires and has a
speaker (reported speech with nobody to report it is not kept):

* ``that clause``: a clause-taking cue, an optional listener or place ("told
  reporters", "announced on social media") and ``that``;
* ``clause without that``: a cue followed by a subject and a finite verb
  ("denies Trump has made", "says the US is", "claiming it targets");
* ``parenthetical cue``: ", he emphasized," inside the sentence;
* ``trailing cue``: "..., officials said." at the end of a sentence;
* ``according to``: "According to X, ..." with no quotation after it;
* ``headline colon``: "Hegseth: Ukraine membership unrealistic" at the start of a block.

The span runs from the start of the reported clause to the end of the sentence
(final punctuation left out). Sentences whose reported clause is mostly a
quotation are left to the quotation rules.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .attribution import ArticleSpeakers, Attribution, Cue
from .speakers import cue_lexicon

_AUX = r"(?:is|are|was|were|will|would|could|should|can|may|might|must|has|have|had|did|does|do|remains|needs)"
_PRONOUNS = r"(?:he|she|it|they|we|i|this|there|that)"
_LISTENER_NOUNS = (r"reporters|journalists|lawmakers|legislators|delegates|parliament|congress|audience|crowd|"
                   r"supporters|colleagues|students|viewers|listeners|readers|members")
# who was told, or where and when: "told reporters", "warned Europe", "announced on social media"
_LISTENER_UNIT = (
    r"(?:(?:to|on|in|at|during|via|through|after|before|late|early|last|this)\s+(?:(?!that\b)[\w’'.-]+\s+){1,3}?"
    rf"|(?:him|her|them|us|me|(?:the\s+)?(?:{_LISTENER_NOUNS})|(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,2}})\s+)"
)
_LISTENER = re.compile(rf"^\s+(?:{_LISTENER_UNIT}){{0,2}}that,?\s+")
_NOUN = r"(?!(?:of|for|to|in|on|at|with|by|from|and|or|as)\b)[a-z]+"
_NO_THAT = re.compile(
    rf"^\s+(?:{_PRONOUNS}\s+(?:{_AUX}|[a-z]+s)\b"
    rf"|(?:(?:the|a|an|all|some|any|no|its|his|her|their)\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,2}}\s+{_AUX}\b"
    rf"|(?:the|a|an|all|some|any|no|its|his|her|their)\s+{_NOUN}(?:\s+{_NOUN})?"
    rf"(?:\s+(?:of|for|on|in|at)\s+(?:the\s+)?{_NOUN})?\s+(?:{_AUX}|[a-z]{{3,}}ed)\b)"
)
_TOLD_LISTENER = re.compile(r"\s+(?:(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}|reporters|journalists|him|her|them|us|me)(?=\s)")
_TRAILING_TIME = re.compile(
    r"\s*(?:(?:on|in|at|late|early|last|this)\s+[\w-]+(?:\s+[\w-]+)?|yesterday|today|tonight|on\s+[A-Z]\w+)?\s*[.!?]?\s*"
)
_GLUED_SENTENCE = re.compile(r"(?<=[a-z])[.!?](?=[A-Z])")
_GLUED_BLOCKS = re.compile(r"(?<=[a-z])(?=[A-Z][a-zA-Z])")
_TRAILING = ".,;:!?…\"“”’‘' \t\n"
MIN_WORDS = 3
MAX_QUOTED_SHARE = 0.8


_DATELINE = re.compile(r"^[A-Z][A-Z .,’'-]{1,40}(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s*")


def _clip_start(text: str, start: int, end: int) -> int:
    """Start of a span after a wire dateline ("ROME (AP) — ...")."""
    dateline = _DATELINE.match(text[start:end])
    return start + dateline.end() if dateline else start


def _clip_end(text: str, start: int, end: int, glued_blocks: bool = False) -> int:
    """End of the reported clause: the sentence end, cut at sentences glued without a space."""
    segment = text[start:end]
    glued = _GLUED_SENTENCE.search(segment)
    if glued:
        end = start + glued.start() + 1
    if glued_blocks:
        camel = _GLUED_BLOCKS.search(text[start:end])
        if camel:
            end = start + camel.start()
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end


def _quoted_share(speakers: ArticleSpeakers, start: int, end: int) -> float:
    if end <= start:
        return 1.0
    covered = 0
    for qs, qe in speakers.quoted:
        covered += max(0, min(end, qe + 1) - max(start, qs - 1))
    return covered / (end - start)


def _clause_start(speakers: ArticleSpeakers, cue: Cue) -> int | None:
    text = speakers.text
    if cue.lemma == "according to":
        return None
    if cue.text.lower() not in _clause_forms():
        return None
    rest = text[cue.end:cue.end + 120]
    listener = _LISTENER.match(rest)
    if listener and not re.search(r"[’']s\b|[,;:“”\"]", listener.group().rsplit("that", 1)[0]):
        return cue.end + listener.end()
    if _NO_THAT.match(rest):
        return cue.end + len(rest) - len(rest.lstrip())
    if cue.lemma in ("tell", "tell reporters"):
        # "told the BBC his house had flooded": a listener, then the clause without "that"
        listener = _TOLD_LISTENER.match(rest)
        if listener and _NO_THAT.match(rest[listener.end():]):
            after = rest[listener.end():]
            return cue.end + listener.end() + len(after) - len(after.lstrip())
    return None


def _clause_forms():
    return cue_lexicon().clause_forms


def _row(start: int, end: int, attribution: Attribution, method: str) -> dict:
    return {"start": start, "end": end, "attribution": attribution, "rule": method}


def reported_speech_spans(speakers: ArticleSpeakers) -> list[dict]:
    """Reported-speech spans of one article.

    Returns
    -------
    list of dict
        ``start``, ``end`` (offsets into the article text), ``attribution``
        (:class:`~analysis_helpers.attribution.Attribution`) and ``rule``.
    """
    text = speakers.text
    found = []
    for index, (s_start, s_end, _block, _role) in enumerate(speakers.sentences):
        cues = speakers.cues_between(s_start, s_end)
        row = None
        for cue in cues:
            clause = _clause_start(speakers, cue)
            if clause is None or clause >= s_end:
                continue
            attribution = speakers.speaker_before_cue(cue)
            if not attribution.speaker:
                continue
            end = _clip_end(text, clause, s_end)
            row = _row(clause, end, attribution, "that clause" if "that" in text[cue.end:clause] else
                       "clause without that")
            break
        if row is None:
            row = _parenthetical_or_trailing(speakers, s_start, s_end, cues)
        if row is None:
            row = _according_to(speakers, s_start, s_end, cues)
        headline = _headline_colon(speakers, s_start, s_end, index)
        for item in (headline, row):
            if item is None or len(text[item["start"]:item["end"]].split()) < MIN_WORDS:
                continue
            if _quoted_share(speakers, item["start"], item["end"]) >= MAX_QUOTED_SHARE:
                continue
            if item is row and headline is not None and row["start"] < headline["end"]:
                continue
            found.append(item)
    return found


def _parenthetical_or_trailing(speakers: ArticleSpeakers, s_start: int, s_end: int, cues: list[Cue]) -> dict | None:
    """", he emphasized," inside a sentence, or ", officials said." at its end (no quotation in the sentence)."""
    text = speakers.text
    sentence = text[s_start:s_end]
    if any(q in sentence for q in "“”\"«»"):
        return None
    for cue in cues:
        after = text[cue.end:s_end]
        attribution = speakers.speaker_before_cue(cue)
        if not attribution.speaker or attribution.speaker_start < s_start:
            continue
        if not re.search(r",\s+$", text[s_start:attribution.speaker_start]):
            continue
        if text[attribution.speaker_end:cue.start].strip():
            continue
        if re.match(r"^,\s+[a-z]", after):
            start = _clip_start(text, s_start, s_end)
            return _row(start, _clip_end(text, start, s_end), replace(attribution, speaker_method="parenthetical cue"),
                        "parenthetical cue")
        if _TRAILING_TIME.fullmatch(after):
            comma = text.rfind(",", s_start, attribution.speaker_start)
            start = _clip_start(text, s_start, comma)
            return _row(start, _clip_end(text, start, comma), replace(attribution, speaker_method="trailing cue"),
                        "trailing cue")
    return None


def _according_to(speakers: ArticleSpeakers, s_start: int, s_end: int, cues: list[Cue]) -> dict | None:
    text = speakers.text
    for cue in cues:
        if cue.lemma != "according to" or text[s_start:cue.start].strip():
            continue
        attribution = speakers.speaker_before_cue(cue)
        comma = text.find(",", attribution.speaker_end if attribution.speaker_end > 0 else cue.end, s_end)
        if not attribution.speaker or comma == -1:
            continue
        clause = comma + 1
        while clause < s_end and text[clause].isspace():
            clause += 1
        if clause < s_end and text[clause] in "“”\"‘'":
            continue
        return _row(clause, _clip_end(text, clause, s_end), attribution, "according to")
    return None


def _headline_colon(speakers: ArticleSpeakers, s_start: int, s_end: int, index: int) -> dict | None:
    text = speakers.text
    block = speakers.sentences[index][2]
    if index > 0 and speakers.sentences[index - 1][2] == block:
        return None  # only the first sentence of a block
    mentions = speakers.mentions_between(s_start, min(s_end, s_start + 60))
    if not mentions or mentions[0].start != s_start or mentions[0].start not in speakers.resolved:
        return None
    m = mentions[0]
    colon = re.match(r":\s+(?=[A-Z])", text[m.end:s_end])
    if not colon or text[m.end + colon.end()] in "“”\"‘'":
        return None
    attribution = speakers._attribution(m, "headline colon", None)
    attribution = replace(attribution, cue=":", cue_start=m.end, cue_end=m.end + 1)
    clause = m.end + colon.end()
    return _row(clause, _clip_end(text, clause, s_end, glued_blocks=True), attribution, "headline colon")
