# Above 400 lines: every candidate rule reads the same look-behind window of a quotation and the per-article word starts that decide whether its pattern is searched at all.
"""Candidate speakers of a quotation, and the decision among them.

Every rule below proposes a candidate (an :class:`~analysis_helpers.quotes.attribution.Attribution`
with features); :func:`~analysis_helpers.quotes.decision.decide` scores them with
the weights of ``data/attribution_weights.csv`` and keeps the best, whose rule
stays in ``speaker_method`` and whose score becomes ``speaker_confidence``. With
the packaged weights the rules rank, from strongest to weakest:

1. ``document``: the quotation follows a document reference ("Article 5 reads
   (“...”)"): the wording of a text, attributed to nobody (decided at once).
2. ``after quote`` / ``after quote (inverted)`` / ``after quote (group)`` /
   ``after quote (unregistered name)``: a cue right after the closing mark
   ("..., she said", "..., said forward Ana Ruiz, the captain", "..., officials
   said", "..., Hart said").
   ``headline name after a dash``: a headline quotation followed by a dash and a name only
   ("‘We were poor’ - Gregg").
3. ``colon``: a speaker and a colon right before the opening mark; ``statement's author``: a
   statement's wording before or after the quotation ("X's statement read:", "It read,", "..., the
   statement said."), attributed to whoever issued the statement (statement nouns: type
   ``statement`` in ``data/quote_cues.csv``).
4. ``subject of cue`` (and ``(apposition)``, ``group subject of cue``): the
   nearest cue before the quotation in its sentence and its subject.
5. ``according to``, ``agent of a passive cue`` ("described by X as “...”", and "was described as
   “...” by X" with the agent after the closing mark).
6. ``continued quote``: a paragraph reopening a quotation left open.
7. ``cue in next sentence``: the next sentence opens with the cue ("“...” ¶ said Ana Ruiz.").
8. ``same speaker as the previous quote``: a quotation opening a sentence
   with no cue of its own after an attributed quotation of the same paragraph.
9. ``subject of sentence`` (and ``(organisation)``, ``group subject of sentence``): a participle or second
   verb ("..., saying", "... and warned"): the sentence's subject.
10. ``previous paragraph's speaker``: a quotation opening its paragraph with no
    cue, right after a paragraph that ended on an attributed quotation.
11. ``speaker in next paragraph``: a paragraph that is only a quotation, with no cue, before a
    paragraph opening with its subject and a cue ("“...” ¶ Ana Ruiz remembered asking, ...").

Features beyond the rule: how the speaker is written (registered name, role,
pronoun, group), whether the cue is a plain verb of speech, and the distance in
characters between cue and quotation. Mentions inside quotation marks are never
candidates (:class:`~analysis_helpers.quotes.attribution.ArticleSpeakers` drops them).

Every rule here receives the article's :class:`~analysis_helpers.quotes.attribution.ArticleSpeakers`
as ``speakers`` (built once per article by :mod:`.extract`) and returns :mod:`.records`; it does not
import :mod:`.attribution`, so this module stands below it in the import graph.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from ..resources import cached

from .records import NO_ATTRIBUTION, Attribution, Cue
from .decision import Candidate, candidate, decide
from .marks import MAX_LABEL_WORDS, QuoteSpan
from .speakers import cue_lexicon

_HEADLINE_SPEAKER = re.compile(r"^\s*([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}):\s*$")
#: characters before an opening mark read for its cue, colon or statement wording (a bound for hostile text)
QUOTE_LOOKBEHIND = 300
_ONLY_PUNCTUATION = re.compile(r"[ ,.;!?…—–\n-]*")
_NAME_BEFORE_COLON = re.compile(r"(?<![\w’'-])([A-Z][a-z][\w’'-]*\s+[A-Z][a-z][\w’'-]+):\s*$")


@cached
def _document_pattern() -> re.Pattern:
    """A document reference right before an opening mark: "Article 5 of NATO (", "the treaty reads:"."""
    nouns = "|".join(sorted((re.escape(n) for n in cue_lexicon().document_nouns), key=len, reverse=True))
    return re.compile(
        rf"(?i:\b(?:{nouns}))\b(?:\s+[\w.-]+){{0,4}}\s*\(\s*$"
        rf"|(?i:\b(?:{nouns}))\s+\d+\w*(?:\s+[\w.-]+){{0,3}}\s*[:,(]?\s*$"
        rf"|(?i:\b(?:{nouns})\s+(?:reads|states|says|stipulates|provides))\s*[:,]?\s*$"
    )


@cached
def _document_noun_starts() -> re.Pattern:
    """Where a document noun's letters begin (zero-width, case-blind, at a word boundary or not): every
    branch of :func:`_document_pattern` opens with one.

    Its starts, found once per article (:meth:`ArticleSpeakers.starts_of`), say which quotations'
    look-behind can hold a document reference at all; only those are searched with the full pattern.
    """
    nouns = "|".join(sorted((re.escape(n) for n in cue_lexicon().document_nouns), key=len, reverse=True))
    return re.compile(rf"(?i:(?=(?:{nouns})))")


def _occurs(starts: list[int], lo: int, hi: int) -> bool:
    """True when one of the sorted offsets ``starts`` lies in ``[lo, hi)``."""
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def _cites_document(speakers, before: str, window_start: int) -> bool:
    """Whether ``_document_pattern().search(before)`` finds a reference (``before``: the text from
    ``window_start`` to the mark).

    A match starts where a document noun does, so the pattern is tried only at the nouns' starts inside
    the window, nearest first (one scan per article finds them): a regex search of every quotation's
    300-character look-behind cost more than all its other candidates together.
    """
    starts = speakers.starts_of(_document_noun_starts)
    pattern = None
    for k in range(bisect_left(starts, window_start + len(before)) - 1, bisect_left(starts, window_start) - 1, -1):
        pattern = pattern or _document_pattern()
        if pattern.match(before, starts[k] - window_start):
            return True
    return False


@cached
def _statement_patterns() -> tuple[re.Pattern, re.Pattern]:
    """``(wording, mention)``: a statement's wording right before an opening mark, and a statement named.

    Wording: "X's statement read:", "The letter from X said,", "It read,"; the author is the
    possessor or the body after "from"/"by", else found by :func:`_statement_author`.
    """
    nouns = "|".join(sorted((re.escape(n) for n in cue_lexicon().statement_nouns), key=len, reverse=True))
    name = r"(?:the )?[A-Z][\w.&’'-]*(?: (?:of |for |de )?[A-Z][\w.&’'-]*){0,4}"
    wording = re.compile(
        rf"(?:^|[\s(])(?:(?:(?P<owner>{name})[’']s|[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w-]+\s+){{0,2}}"
        rf"(?:{nouns})(?:\s+(?:from|by)\s+(?P<author>{name}))?|(?P<it>[Ii]t))"
        rf"(?:\s+\w+ly)?\s+(?:read|reads|said|says|stated|states)\s*[:,]?\s*$"
    )
    return wording, re.compile(rf"\b(?:{nouns})\b", re.IGNORECASE)


@cached
def _statement_word_starts() -> re.Pattern:
    """Where a statement noun after white space, or "it"/"It" after white space or "(", begins (zero-width).

    Every match of the wording pattern of :func:`_statement_patterns` holds one of them (its noun or its
    "it"); their starts, found once per article, say which look-behinds are worth searching.
    """
    nouns = "|".join(sorted((re.escape(n) for n in cue_lexicon().statement_nouns), key=len, reverse=True))
    return re.compile(rf"(?<=\s)(?=(?:{nouns}))|(?<=[\s(])(?=[Ii]t\s)")


def _statement_author(speakers, before: str, sent_start: int, index: int) -> Attribution | None:
    """The author of a statement quoted right after ``before`` (the sentence's words before the mark)."""
    if not before.startswith(("it", "It")) \
            and not _occurs(speakers.starts_of(_statement_word_starts), sent_start, sent_start + len(before)):
        return None  # no statement noun and no "it" in the look-behind: the wording cannot match
    wording, named = _statement_patterns()
    found = wording.search(before)
    if not found:
        return None
    cue_start = sent_start + found.end() - len(found.group().lstrip())
    for group in ("owner", "author"):
        if found.group(group):
            s0 = sent_start + found.start(group)
            phrase = re.sub(r"^the ", "", found.group(group))
            for m in speakers.mentions_between(s0, s0 + len(found.group(group))):
                if m.start in speakers.resolved:
                    return replace(speakers._attribution(m, "statement's author", None), cue=found.group().strip(),
                                   cue_start=cue_start, cue_end=sent_start + len(before.rstrip()))
            return Attribution(phrase, found.group(group), s0, s0 + len(found.group(group)), "statement's author",
                               cue=found.group().strip(), cue_start=cue_start,
                               cue_end=sent_start + len(before.rstrip()), speaker_type="organisation")
    # "Acme issued a statement. It read, “...”": who issued the statement a recent sentence names
    cue_fields = {"cue": found.group().strip(), "cue_start": cue_start, "cue_end": sent_start + len(before.rstrip())}
    first = index - (0 if found.group("it") is None else 1)
    return _statement_issuer(speakers, first, sent_start + found.start(), cue_fields)


def _statement_after(speakers, close_end: int) -> Attribution | None:
    """"“...,” the statement said.": the author of the statement a recent sentence names."""
    _, named = _statement_patterns()
    found = re.match(r"[\s,]*(?:the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(\w+)\s+(?:said|says|read|reads|stated|"
                     r"states|added)\b", speakers.text[close_end:close_end + 80], re.IGNORECASE)
    if not found or not named.fullmatch(found.group(1)):
        return None
    cue_fields = {"cue": found.group().strip(" ,"), "cue_start": close_end + found.start(1),
                  "cue_end": close_end + found.end()}
    index = speakers.sentence_index(max(0, close_end - 1))
    return _statement_issuer(speakers, index - 1, close_end, cue_fields)


def _statement_issuer(speakers, first: int, limit: int, cue_fields: dict) -> Attribution | None:
    """Who issued the statement named in sentence ``first`` or the two before it (text before ``limit``)."""
    _, named = _statement_patterns()
    for i in range(first, max(-1, first - 3), -1):
        s_start, s_end = speakers.sentences[i][0], min(speakers.sentences[i][1], limit)
        issued = _issued_pattern().search(speakers.text, s_start, s_end)
        if not issued or not named.search(issued.group("what")):  # the statement within four words of the verb
            continue
        i0, i1 = issued.start("issuer"), issued.end("issuer")
        resolved = [m for m in speakers.mentions_between(i0, i1) if m.start in speakers.resolved]
        if resolved:
            return replace(speakers._attribution(resolved[-1], "statement's author", None), **cue_fields)
        phrase = re.sub(r"^(?:the|a|an)\s+", "", issued.group("issuer"), flags=re.IGNORECASE)
        kind = "group" if phrase[:1].islower() else "organisation"
        return Attribution(phrase, issued.group("issuer"), i0, i1, "statement's author", speaker_type=kind,
                           **cue_fields)
    return None


@cached
def _issued_pattern() -> re.Pattern:
    """"Acme Corp issued a statement", "the ministry released a short note": the issuer and what it issued."""
    return re.compile(
        r"(?P<issuer>(?:[Tt]he\s+)?[A-Z][\w.&’'-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w.&’'-]*){0,4}|[Tt]he\s+[a-z]+)"
        r"\s+(?:[a-z]+ly\s+)?(?:(?:issued|released|sent|posted|published|put\s+out|made|emailed|tweeted)\s+"
        r"|(?:\w+\s+)?(?:in|via|through)\s+)(?P<what>(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,3}[\w-]+)"
    )


def _candidate(speakers, attribution, distance: int) -> Candidate:
    """:func:`~.decision.candidate` with the cue lemmas of the cue lexicon in force (fetched once per article)."""
    return candidate(attribution, distance, speakers.lexicon.form_to_lemma)


def quote_candidates(speakers, start: int, end: int, span: QuoteSpan, *, continued=None,
                     previous_in_paragraph=None, previous_paragraph=None) -> list[Candidate] | Attribution:
    """Candidate speakers of the quotation ``text[start:end]`` (or the ``document`` attribution).

    Parameters
    ----------
    speakers : ArticleSpeakers
        The article's mentions, cues and registry.
    start, end : int
        Offsets of the quoted words.
    span : QuoteSpan
        The quotation's marks.
    continued, previous_in_paragraph, previous_paragraph : Attribution or None
        The speaker of the quotation this one continues (a paragraph left
        open), of the previous attributed quotation of the same paragraph, and
        of the quotation that ended the previous paragraph.
    """
    text = speakers.text
    open_pos = start - 1
    while open_pos > 0 and text[open_pos] not in span.open_mark:
        open_pos -= 1
    sent_start, sent_end = speakers.sentence_bounds(open_pos)
    # the words before the mark, at most QUOTE_LOOKBEHIND characters back: a "sentence" with no end
    # (a scrape without full stops, a soup of marks) must not make every quotation re-read all of it
    window_start = max(sent_start, open_pos - QUOTE_LOOKBEHIND)
    before = text[window_start:open_pos]
    if _cites_document(speakers, before, window_start):
        return Attribution(speaker_method="document: wording of a text, not a speaker")
    out: list[Candidate] = []
    close_end = end
    if not span.unclosed:
        close_pos = text.find(span.close_mark, end) if span.close_mark else end
        close_end = (close_pos if close_pos >= 0 else end) + len(span.close_mark)
        after = speakers.speaker_after_quote(close_end)
        if not after.speaker:
            after = speakers.reference_after_quote(close_end)  # "..., it said", "..., the striker said"
        if not after.speaker:
            after = _statement_after(speakers, close_end) or after  # "..., the statement said"
        if after.speaker:
            out.append(_candidate(speakers, after, max(0, after.cue_start - close_end)))
        elif _ONLY_PUNCTUATION.match(text, close_end).end() >= speakers.sentence_bounds(close_end - 1)[1]:
            # the sentence ends with the quotation: "“...” ¶ said Ana Ruiz." in the next one
            following = speakers.next_sentence_cue(speakers.sentence_bounds(close_end - 1)[1])
            if following.speaker:
                out.append(_candidate(speakers, following, following.cue_start - close_end))
    if not out and not span.unclosed:
        named = _headline_name_after(speakers, close_end)
        if named is not None:
            out.append(_candidate(speakers, named, 0))
    if not out and span.unclosed:
        # "“It is batting. ... ¶ “No excuses,” Ana Ruiz said.": the quotation's cue closes its continuation
        following = _continuation_speaker(speakers, end)
        if following is not None:
            out.append(_candidate(speakers, following, max(0, following.cue_start - end)))
    if not out and not span.unclosed:
        agent = _passive_agent_after(speakers, before, close_end)
        if agent is not None:
            out.append(_candidate(speakers, agent, agent.speaker_start - close_end))
    if not out and not before.strip(" \t\n\"“”„«‘'"):
        following = _next_paragraph_speaker(speakers, speakers.sentence_index(open_pos), close_end)
        if following is not None:
            out.append(_candidate(speakers, following, following.speaker_start - close_end))
    # a colon and only white space before the mark (``re.search(r":\s*$", before)``, read from the end)
    colon = window_start + len(before.rstrip()) - 1 if before.rstrip().endswith(":") else -1
    if colon >= 0:
        ms = speakers._resolved_before(sent_start, open_pos, 1)  # the last resolved mention before the mark
        if ms and not text[ms[-1].end:colon].strip():
            a = replace(speakers._attribution(ms[-1], "colon", None), cue=":", cue_start=colon, cue_end=colon + 1)
            out.append(_candidate(speakers, a, 0))
        else:
            headline = (window_start == sent_start and _HEADLINE_SPEAKER.match(before)) or \
                _NAME_BEFORE_COLON.search(before)
            if headline:
                # a BBC-style headline "Starmer: 'We will act'": the name before the colon speaks
                s0 = window_start + headline.start(1)
                name = headline.group(1)
                a = Attribution(name, name, s0, s0 + len(name), "colon (unregistered name)", cue=":",
                                cue_start=s0 + len(name), cue_end=s0 + len(name) + 1, speaker_type="person")
                out.append(_candidate(speakers, a, 0))
    index = speakers.sentence_index(open_pos)
    author = _statement_author(speakers, before, window_start, index)
    if author is not None:
        out.append(_candidate(speakers, author, 0))
    # the nearest cue before the mark in its sentence (only the last one is read: a sentence of many cues
    # and quotations must not list its cues once per quotation)
    cue = speakers.last_cue_between(sent_start, open_pos)
    # a cue in the previous sentence that ends with a colon introduces this one
    if cue is None and not before.strip():
        prev_text = text[max(0, sent_start - 3):sent_start]
        if ":" in prev_text:
            p_start, _ = speakers.sentence_bounds(max(0, sent_start - 2))
            cue = speakers.last_cue_between(p_start, sent_start)
    if cue is not None:
        a = speakers.speaker_before_cue(cue)
        if not a.speaker:
            a = speakers.pronoun_subject_of_cue(cue)  # "It said: “...”"
        if a.speaker:
            out.append(_candidate(speakers, a, open_pos - cue.end))
    subject = speakers.subjects[index] if 0 <= index < len(speakers.subjects) else None
    if colon >= 0 and subject is not None and subject.start < open_pos:
        # "Ana Ruiz spoke about the result: “...”": the sentence's subject introduces the quotation
        out.append(_candidate(speakers, speakers._attribution(subject, "subject of sentence", None),
                              open_pos - subject.end))
    opens = not before.strip(" \t\n\"“”„«‘'")
    # a previous paragraph's speaker carries over only to a quotation that opens its paragraph
    opens_paragraph = opens and (index < 1 or speakers.sentences[index - 1][2] != speakers.sentences[index][2])
    if opens_paragraph and previous_paragraph is None and previous_in_paragraph is None and continued is None:
        previous_paragraph = speakers.statement_before(sent_start)
    if opens and not opens_paragraph and previous_in_paragraph is None:
        # "He said the ball did not come. “Someone needed to play well.”": the statement's speaker goes on
        statement = _statement_of_previous_sentence(speakers, index)
        if statement is not None:
            out.append(_candidate(speakers, statement, max(0, open_pos - statement.cue_end)))
    if continued is not None and not before.strip():
        out.append(_candidate(speakers, replace(continued, speaker_method="continued quote"), 0))
    if previous_in_paragraph is not None and opens:
        out.append(_candidate(speakers, replace(previous_in_paragraph,
                                                speaker_method="same speaker as the previous quote"), 0))
    elif previous_paragraph is not None and opens_paragraph:
        out.append(_candidate(speakers, replace(previous_paragraph, speaker_method="previous paragraph's speaker"), 0))
    if _speech_like(text[start:end]):
        out += _narrative_subjects(speakers, index, open_pos, opens)
    return out


# a passive cue right before the opening mark: "was described as", "has been called", "were branded"
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+(?:[a-z]+ly\s+)?([a-z]+ed)(?:\s+as)?\s*$")
_BY_AFTER = re.compile(r"[\s,]*by\s+")


def _passive_agent_after(speakers, before: str, close_end: int) -> Attribution | None:
    """The agent of a passive cue around a quotation: "was described as “...” by Ana Ruiz".

    The cue is a past participle of the cue lexicon after a form of "be"; the agent follows the
    closing mark and "by": a registered mention, else a group phrase ("by union leaders").
    """
    if not before.rstrip().endswith(("ed", "as")):
        return None  # the pattern ends in a participle or "as" (checked before searching every look-behind)
    passive = _PASSIVE_BEFORE.search(before)
    if passive is None or passive.group(1) not in speakers.lexicon.form_to_lemma:
        return None
    by = _BY_AFTER.match(speakers.text, close_end)
    if by is None:
        return None
    cue = Cue(close_end + by.start(), close_end + by.end(), passive.group(1),
              speakers.lexicon.form_to_lemma[passive.group(1)])
    found = speakers.mentions_between(by.end(), min(len(speakers.text), by.end() + 80))
    # the agent's name, perhaps after lower-case role words ("by union leader Ana Ruiz")
    if found and re.fullmatch(r"(?:[a-z]+\s+){0,3}", speakers.text[by.end():found[0].start]) \
            and found[0].start in speakers.resolved:
        return speakers._attribution(found[0], "agent of a passive cue", cue)
    group = speakers.group_at(by.end())
    return None if group is None else speakers._attribution(group, "agent of a passive cue", cue)


# "‘Second half display was very poor’ - Gregg": a name alone after a dash closes a headline quotation
_DASH_NAME = re.compile(r"[ \t]*[-–—][ \t]*([A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,2})[ \t.]*$")


def _headline_name_after(speakers, close_end: int) -> Attribution | None:
    """The speaker of a headline quotation followed by a dash and a name, and nothing else.

    The registered person that name stands for ("Gregg" -> "John Gregg"), else the name as written.
    None outside a headline or when anything else follows the quotation.
    """
    index = speakers.sentence_index(max(0, close_end - 1))
    if not 0 <= index < len(speakers.sentences) or speakers.sentences[index][3] != "headline":
        return None
    found = _DASH_NAME.match(speakers.text, close_end, speakers.sentences[index][1])
    if found is None:
        return None
    s0, e0 = found.start(1), found.end(1)
    cue = Cue(close_end, s0, speakers.text[close_end:s0].strip(), "")
    for m in speakers.mentions_between(s0, e0):
        if m.start == s0 and m.end == e0 and m.start in speakers.resolved:
            return replace(speakers._attribution(m, "headline name after a dash", cue), cue="-")
    return Attribution(found.group(1), found.group(1), s0, e0, "headline name after a dash", cue="-",
                       cue_start=close_end, cue_end=s0, speaker_type="person")


#: Paragraphs read after a quotation left open, looking for the cue after its closing mark.
CONTINUATION_PARAGRAPHS = 3
_OPENING_MARKS = "“\"«„"
_CLOSING_MARKS = {"“": "”", "\"": "\"", "«": "»", "„": "“"}


def _continuation_speaker(speakers, end: int) -> Attribution | None:
    """The speaker named after the closing mark of the paragraphs that continue a quotation left open.

    A paragraph left open is continued by the next paragraph when that opens with a quotation mark;
    the cue after the mark that finally closes it ("..., Ana Ruiz said.") names the speaker of every
    part. None when no continuation closes within :data:`CONTINUATION_PARAGRAPHS` paragraphs or no
    speaker follows it.
    """
    text = speakers.text
    pos = end
    for _ in range(CONTINUATION_PARAGRAPHS):
        newline = text.find("\n", pos)
        if newline < 0:
            return None
        start = newline
        while start < len(text) and text[start].isspace():
            start += 1
        if start >= len(text) or text[start] not in _OPENING_MARKS:
            return None
        paragraph_end = text.find("\n", start)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        close = text.find(_CLOSING_MARKS[text[start]], start + 1, paragraph_end)
        if close >= 0:
            found = speakers.speaker_after_quote(close + 1)
            if not found.speaker:
                return None
            return replace(found, speaker_method="speaker of the quote's continuation")
        pos = paragraph_end
    return None


#: Characters between the subject opening the next paragraph and its cue ("Ana Ruiz remembered asking").
NEXT_PARAGRAPH_CUE_REACH = 60


def _next_paragraph_speaker(speakers, index: int, close_end: int) -> Attribution | None:
    """The speaker of a paragraph that is nothing but a quotation, named by the next paragraph.

    "“How can it go away?” ¶ Ana Ruiz remembered asking, “...”": the next paragraph opens with
    its subject, and a cue follows it closely. None when the quotation does not fill its
    paragraph or the next paragraph does not open that way.
    """
    sentences = speakers.sentences
    if index < 0 or index + 1 >= len(sentences):
        return None
    block, following = sentences[index][2], sentences[index + 1]
    if following[2] == block or (index > 0 and sentences[index - 1][2] == block) \
            or following[3] != sentences[index][3]:
        return None  # the quotation does not fill its paragraph, or the next block is another part of the page
    if _ONLY_PUNCTUATION.match(speakers.text, close_end).end() < sentences[index][1]:
        return None
    subject = speakers.subjects[index + 1]
    if subject is None or speakers.text[following[0]:subject.start].strip():
        return None
    cues = speakers.cues_between(subject.end, min(following[1], subject.end + NEXT_PARAGRAPH_CUE_REACH))
    if not cues or cues[0].lemma == "according to":
        return None
    return speakers._attribution(subject, "speaker in next paragraph", cues[0])


def _statement_of_previous_sentence(speakers, index: int) -> Attribution | None:
    """The speaker of the sentence before, in the same paragraph, when it reports speech without quoting.

    "He said the ball did not come easily. “Someone needed to play well.”": a quotation opening
    the next sentence with no cue of its own goes on with that speaker. None otherwise.
    """
    if index < 1 or index >= len(speakers.sentences):
        return None
    start, end, block, _ = speakers.sentences[index - 1]
    if block != speakers.sentences[index][2] or _ANY_MARK.search(speakers.text, start, end):
        return None
    for cue in reversed(speakers.cues_between(start, end)):
        found = speakers.speaker_before_cue(cue)
        if found.speaker:
            return replace(found, speaker_method="speaker of the previous sentence's statement")
    return None


_ANY_MARK = re.compile(r"[“”\"«»]")


def _speech_like(quoted: str) -> bool:
    """True for words that read as someone's speech, not a term: more than a label's words or own punctuation."""
    return len(quoted.split()) > MAX_LABEL_WORDS or quoted.rstrip()[-1:] in ".,;:!?…"


def _narrative_subjects(speakers: ArticleSpeakers, index: int, open_pos: int, opens: bool) -> list[Candidate]:
    """Weak candidates when no cue names the speaker: the narrative subject around the quotation.

    The subject of the quotation's own sentence when it stands before the
    opening mark ("Ruiz agreed with the ruling - “...”"); for a quotation
    opening its sentence, the person subject of the sentence before it in the
    same or the previous paragraph ("Ruiz was defiant. “...”").
    """
    out = []
    subject = speakers.subjects[index] if 0 <= index < len(speakers.subjects) else None
    if subject is not None and subject.end <= open_pos and not subject.possessive:
        a = speakers._attribution(subject, "subject of the quote's sentence", None)
        if a.speaker:
            out.append(_candidate(speakers, a, open_pos - subject.end))
    if opens and index >= 1:
        previous = speakers.subjects[index - 1]
        # the headline (or a page's furniture) is not the narrative before the first paragraph's quotation
        roles = {speakers.sentences[index - 1][3], speakers.sentences[index][3]}
        same_or_next_block = speakers.sentences[index][2] - speakers.sentences[index - 1][2] <= 1 and (
            len(roles) == 1 or roles <= {"standfirst", "body"})
        if previous is not None and same_or_next_block and previous.kind != "group" \
                and speakers._attribution(previous, "", None).speaker_type == "person":
            a = speakers._attribution(previous, "subject of the previous sentence", None)
            if a.speaker and a.speaker_type == "person":
                # the distance to the sentence, not into it: a long narrative sentence is as close as a short one
                out.append(_candidate(speakers, a, open_pos - speakers.sentences[index - 1][1]))
        elif same_or_next_block:
            # "Prosecutors were blunt. “...”": an organisation or group as the previous sentence's subject
            a = speakers.organisation_subject(index - 1)
            if a is not None:
                a = replace(a, speaker_method="subject of the previous sentence (organisation)")
                out.append(_candidate(speakers, a, open_pos - a.speaker_end))
    return out


def decide_quote(candidates, weights) -> Attribution:
    """The chosen attribution of a quotation (empty when no candidate names a speaker)."""
    if isinstance(candidates, Attribution):
        return candidates
    return decide(candidates, weights) or NO_ATTRIBUTION
