# Above 400 lines: the mention resolution and the speaker questions share the per-article indexes (mentions, cues, sentences) of ArticleSpeakers.
"""Mentions, cues and the speaker rules of one article: the pieces the candidates are made of.

:class:`ArticleSpeakers` holds one article's mentions (names, roles, pronouns,
groups; never those inside quotation marks), its cues and its person registry,
and answers the questions the candidate rules of
:mod:`~analysis_helpers.quotes.candidates` ask (whose cue is right after this
closing mark, who is the subject of this cue, which name stands in apposition to
this role, who spoke in the previous paragraph). The order in which the rules
count, and how one candidate is chosen, is documented there and in
:mod:`~analysis_helpers.quotes.decision`.

A passive cue ("accused of", "described by") never makes its subject the
speaker: the agent after "by" speaks, or nobody. Groups and institutions
("Citi analysts", "the ministry", "a spokesperson") are speakers named as
written, as whole noun phrases; a role nobody in the registry holds ("the
spokesman") is named by the role; an unregistered name right after a quotation
("..., Hart said") is kept as written.

Mentions are resolved through the article's :class:`~analysis_helpers.quotes.speakers.Registry`:
pronouns to the subject of the latest sentence that had a person as subject,
titles to the person named in apposition or to the registered holder of the
role, names to the registered full name. Everything here is computed from one
article alone.

This module is above 400 lines because the mention resolution, the speaker
questions and the antecedents of "it"/"they"/descriptions share the per-article
indexes (mentions, cues, sentences, subjects) they read, and a module of their
own would lengthen the package's import chain.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from ..resources import cached
from .speakers import (
    Mention, Registry, aliases, cue_lexicon, definite_institutions, descriptor_gap, find_mentions, group_nouns, irregular_past,
    not_speaker_words,
    organisation_words, title_heads, title_words, ends_with_time, trailing_credential,
)
from .records import NO_ATTRIBUTION, Attribution, Cue  # re-exported: Attribution and Cue were defined here

_ADVERBS = (
    r"(?:also|further|then|later|again|once\s+again|had|has|have|was|is|were|would|will|did|does|do|not|"
    r"previously|recently|publicly|repeatedly|firmly|[a-z]+ly)"
)
# between a subject and its verb: an apposition between commas, or one short prepositional
# phrase ("a spokesperson for the ministry said"), then adverbs and auxiliaries
_ADJACENT = re.compile(
    rf"^(?:(?:\s*,[^,“”\"]{{1,90}}){{1,3}},|\s+(?:for|of|at|from)\s+(?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){{0,2}})?"
    rf"\s*(?:{_ADVERBS}\s+)*$"
)
_HONORIFIC = re.compile(r"(?:(Mr|Sir|Lord|King|Prince)|Mrs|Ms|Miss|Dame|Lady|Queen|Princess)\.?\s")
_PASSIVE = re.compile(r"\s+(of|by)\s+")
_APPOSITION_GAP = re.compile(r"^\s*,\s*$")
# between a role and the name in apposition: "the vice president of the firm, Ana Ruiz"
# a conjunction after a closing mark opens another clause with its own subject and cue
_NEW_CLAUSE = re.compile(r"(?:and|but|or|while|whereas)\s")
_LOWER_ROLE_GAP = re.compile(r"(?:\s+[a-z][a-z-]*){1,3}\s+")
_ROLE_APPOSITION_GAP = re.compile(r"^(?:\s+(?:of|and|at|for)\s+[^,;:.“”\"]{1,70})?\s*,\s*$")
# a preposition (and article) right before a group phrase: the phrase is an object, not the subject
# ("with US officials warning ...": the group of an absolute construction speaks, so not "with")
# (with its article: "A Department for Environment spokesperson said" is one name and speaks)
_OBJECT_OF_PREPOSITION = re.compile(r"\b(?:at|of|in|for|from|to|by|on)\s+(?:the|a|an)\s+$")
# an article or possessive right before a cue word: the word is a noun there ("the state", "their report")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their|our|The|A|An|Its|His|Her|Their|Our)\s$")
_AFTER_MARK = re.compile(r"[\s,.;!?…—–-]*")
# "..., Hart said.", "..., Hart, of Ohio, said.": a capitalised name, perhaps a short apposition, before a cue
_NAME_BEFORE_CUE = re.compile(
    r"([A-Z][a-z][\w’'-]*(?:\s+[A-Z][a-z][\w’'-]*){0,2})(?:,[^,“”\"]{1,30},|,\s+who\s[^,“”\"]{1,90},)?\s+")
# the body a described role serves: "for Mr. Ana Ruiz", "for the family", "at the embassy" (up to four words)
_ROLE_BODY = re.compile(r" (?:for|at|to) (?:(?:the|his|her|their) )?(?:[A-Z][\w’'-]*(?:\.(?= [A-Z]))?(?: (?:of |de |van )?[A-Z][\w’'-]*(?:\.(?= [A-Z]))?){0,3}"
                        r"|[a-z][\w’'-]*(?= (?:said|says|told|added|confirmed|declined|did|would|could)\b))")
# between a role and the name of the body it serves: " of the German state of ", " for the "
# (the name follows a preposition: "chief of staff General Ana Ruiz" is a person in apposition, not a body)
_ROLE_OF_BODY_GAP = re.compile(r" (?:of|for|at) (?:the |his |her |their )?(?:(?:[\w-]+ ){1,3}(?:of|for|in) (?:the )?)?")
_PREPOSITIONS = frozenset(
    "of to with by from for on at about against between among into than like toward towards over under "
    "before after during including regarding despite as".split()
)
_FUNCTION = ("with|and|but|while|the|of|to|in|on|at|for|by|from|as|a|an|that|this|which|who|although|though|"
             "because|since|whereas|if|when|after|before|or|so|yet|unless|once")
_PRONOUN_WORDS = frozenset("he she it they we i this that".split())
# a preposition (and "the") ending the words before a mention: "president of (the) Acme Holdings"
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|at|for|from|with)\s+(?:the\s+)?$")
_COORDINATED = re.compile(rf"(?:\band|\bbut|,)\s+(?:{_ADVERBS}\s+)*$")


# a relative pronoun right before a cue: "analysts, who had forecast that"
_WHO_BEFORE = re.compile(rf",\s+who\s+(?:{_ADVERBS}\s+)*$")
_ADJACENT_GAP = re.compile(_ADJACENT.pattern[1:-1])  # without ^ and $, for fullmatch in place
_COMMA_GAP = re.compile(_APPOSITION_GAP.pattern[1:-1])

#: Characters before a cue searched for a coordinating "and"/"but"/comma and the adverbs after it.
_COORDINATION_REACH = 400


@cached
def _first_np() -> re.Pattern:
    """A capitalised phrase opening a sentence before its finite verb ("Acme Corp made a statement")."""
    irregular = "|".join(sorted(irregular_past()))
    return re.compile(r"([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})\s+(?:has|had|have|is|was|"
                      rf"were|are|[a-z]{{2,}}ed|{irregular}|(?!this\b|thus\b|its\b)[a-z]{{2,}}s)\b")


@cached
def _group_subject() -> re.Pattern:
    """A group phrase opening a sentence before its verb, group 1 the group: "Union leaders released",
    "A group of city councillors issued" (a collective noun and "of": the group named after it)."""
    nouns = "|".join(sorted(group_nouns(), key=len, reverse=True))
    irregular = "|".join(sorted(irregular_past()))
    return re.compile(rf"\s*(?:(?:A|An|The)\s+(?:{nouns})\s+of\s+)?{_group_phrase()}"
                      rf"\s+(?:(?:has|have|had)\s+)?(?:[a-z]{{2,}}ed|{irregular})\b")


def _search_back(pattern: re.Pattern, text: str, start: int, end: int):
    """``pattern.search(text[start:end])`` for a pattern anchored at the end, reading at most
    :data:`_COORDINATION_REACH` characters before ``end`` (bounded look-behind: a long sentence
    with many cues must not be searched from its start once per cue)."""
    return pattern.search(text, max(start, end - _COORDINATION_REACH), end)


# "London-based Harbour Capital": where a body is based describes it, the name follows
_BASED_PREFIX = re.compile(r"^[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?-(?:based|headquartered)\s+(?=[A-Z])")
# "Reuters news agency": a generic noun after an organisation's name is its description, not its name
_OUTLET_SUFFIX = re.compile(r"(?<=[A-Za-z.])\s+(?:news\s+agency|news\s+service|newspaper|broadcaster|website)$")


_OF_BODY = re.compile(r" of (?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2}(?![\w’'-])")


def _lower_role_before(text: str, lo: int, pos: int) -> str:
    """The lower-case role word of ``person_titles.csv`` right before ``pos`` ("chief " -> "chief"), else ""."""
    found = re.search(r"(?<![\w-])([a-z-]+)\s+$", text[max(lo, pos - 30):pos])
    return found.group(1) if found and found.group(1) in title_heads() else ""


def _organisation_name(phrase: str) -> str:
    """A group or organisation as the guidelines name it: "London-based Harbour Capital" -> "Harbour Capital",
    "Reuters news agency" -> "Reuters" (only after a capitalised name; "the news agency" stays)."""
    if phrase[:1].isupper():
        phrase = _BASED_PREFIX.sub("", phrase)
        words = phrase.split()
        if len(words) > 1 and words[0][:1].isupper():
            phrase = _OUTLET_SUFFIX.sub("", phrase)
    return phrase


def _without_determiner(phrase: str) -> str:
    """"the ministry" -> "ministry": group speakers are named without their article."""
    return re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)


@cached
def _group_phrase() -> str:
    """Regex of a group speaker: optional article, up to three capitalised words and two modifiers, a
    group noun ("a NATO official", "a United Auto Workers negotiator", "the government spokesperson");
    group 1 is the phrase without its article."""
    nouns = "|".join(sorted(group_nouns(), key=len, reverse=True))
    return (rf"(?:(?:the|a|an|The|A|An)\s+)?((?<![\w’'-])(?:[A-Z][\w.&’'-]*\s+){{0,3}}"
            rf"(?:(?!(?:{_FUNCTION})\b)[a-z]{{2,}}\s+){{0,2}}(?:{nouns}))\b")


@cached
def _group_evidence() -> re.Pattern:
    """A group noun or a capital letter: what a group or organisation before a cue needs at least."""
    nouns = "|".join(sorted(group_nouns(), key=len, reverse=True))
    return re.compile(rf"[A-Z]|{nouns}")


@cached
def _group_phrase_pattern() -> re.Pattern:
    """A group phrase, matched in full up to a comma ("most analysts" of "most analysts, who said")."""
    return re.compile(_group_phrase())


@cached
def _group_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A group phrase before a cue, a capitalised clause-initial phrase ("Moscow", "The Kremlin", "The
    Office of Fair Trading") before a cue, and a group phrase at the start of a text (after a quote, after
    "according to")."""
    group = re.compile(rf"{_group_phrase()}\s+(?:{_ADVERBS}\s+)*$")
    org = re.compile(
        rf"(?:^|[,;:]\s+|\b(?:and|but|while)\s+)(?:(?:The|the)\s+)?"
        rf"([A-Z][\w.&-]*(?:\s+(?:(?:of|for|on)\s+(?:the\s+)?)?[A-Z][\w.&-]*){{0,3}})"
        rf"\s+(?:{_ADVERBS}\s+)*$")
    leading = re.compile(rf"\s*{_group_phrase()}")
    return group, org, leading


#: Group nouns that name an institution (an organisation), not a set of people.
_INSTITUTION_NOUNS = frozenset(
    "company firm ministry agency government department army military court committee council union party "
    "campaign embassy office commission group kremlin pentagon administration board bank hospital".split()
)
#: How many sentences back (this one included) the organisation "the company" stands for is looked for
#: (the nouns: ``data/definite_institutions.txt``).
NAMED_ORGANISATION_REACH = 4
#: Group nouns that name one person speaking for others.
_ONE_PERSON_NOUNS = frozenset("spokesperson spokesman spokeswoman official source aide diplomat resident "
                              "witness analyst expert executive insider negotiator supplier".split())


def speaker_type_of(kind: str, phrase: str) -> str:
    """``person``, ``group`` or ``organisation`` of a speaker mention of ``kind`` written as ``phrase``."""
    if kind in ("name", "title", "pronoun"):
        return "group" if phrase.lower() in ("they", "them") else "person"
    words = phrase.replace("’", "'").split()
    last = words[-1].lower().strip(".,") if words else ""
    if last in _ONE_PERSON_NOUNS:
        return "person"
    if last in _INSTITUTION_NOUNS or (words and words[-1][:1].isupper()) or last in ("it", "its"):
        return "organisation"
    return "group"


def _inflected(cue: Cue) -> bool:
    """True for an inflected verb form ("said", "adds"): a bare "state" or "report" after a quote is a noun."""
    return cue.text.lower() != cue.lemma


_LAST_WORD = re.compile(r"(?<![\w.])([A-Za-z]+\.)$")
# a person's initials ending a "sentence" ("... K.L." + "Morvath said ..."); a country's ("U.S.") are excluded
_LAST_INITIALS = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,3})$")
# the surname after the initials: one capitalised word, then a comma or a lower-case word ("Morvath said")
_SURNAME_THEN_CLAUSE = re.compile(r"[A-Z][a-z][\w’'-]*(?:,| [a-z])")


def joined_at_titles(text: str, sentences: list[tuple[int, int, int, str]]) -> list[tuple[int, int, int, str]]:
    """``sentences`` with a split after an abbreviated title undone ("... Sen." + "Rob Portman said ...").

    Sentence splitting may end a sentence at "Sen." or "Mr." when the next word
    is also a common word ("Rob", "Will"); an abbreviated title of
    ``person_titles.csv`` always belongs to the name after it, in the same block.
    """
    titles = title_words()
    places = aliases()["place"]
    out: list[tuple[int, int, int, str]] = []
    for sentence in sentences:
        if out and out[-1][2] == sentence[2] and text[sentence[0]:sentence[0] + 1].isupper():
            last = _LAST_WORD.search(text, out[-1][0], out[-1][1])
            if last and last.group(1).lower() in titles:
                out[-1] = (out[-1][0], sentence[1], sentence[2], sentence[3])
                continue
            initials = _LAST_INITIALS.search(text, out[-1][0], out[-1][1])
            if initials and initials.group(1).lower() not in places \
                    and _SURNAME_THEN_CLAUSE.match(text, sentence[0], sentence[1]):
                # "H.V. Varsen, secretary of ..., told": initials are the first names of the surname after them
                out[-1] = (out[-1][0], sentence[1], sentence[2], sentence[3])
                continue
        out.append(sentence)
    return out


def _last_words(text: str, lo: int, pos: int, count: int) -> list[str]:
    """The last ``count`` words of ``text[lo:pos].split()``, last first, read backwards from ``pos``
    (splitting the sentence before every mention made a long sentence quadratic)."""
    words: list[str] = []
    while len(words) < count:
        while pos > lo and text[pos - 1].isspace():
            pos -= 1
        if pos == lo:
            break
        start = pos
        while start > lo and not text[start - 1].isspace():
            start -= 1
        words.append(text[start:pos])
        pos = start
    return words


class ArticleSpeakers:
    """Mentions, cues, registry and resolved sentence subjects of one article.

    Parameters
    ----------
    text : str
        The article text.
    sentences : list of (start, end, block_id, role)
        The article's sentences in order (from the corpus ``sentences`` table).
    quoted : list of (start, end)
        Spans inside quotation marks: cues and mentions there are not the narrator's.
    """

    def __init__(self, text: str, sentences: list[tuple[int, int, int, str]], quoted: list[tuple[int, int]]):
        self.text = text
        sentences = joined_at_titles(text, sentences)
        self.sentences = sentences
        self.sentence_starts = [s[0] for s in sentences]
        self.quoted = sorted(quoted)
        #: the cue lexicon in force, fetched once per article for the rules that read it per quotation
        self.lexicon = cue_lexicon()
        mentions = find_mentions(text)
        self.registry = Registry(text, mentions)
        self.mentions = [m for m in mentions if not self.in_quote(m.start)]
        self.mention_starts = [m.start for m in self.mentions]
        self.cues = self._find_cues()
        self.cue_starts = [c.start for c in self.cues]
        self.resolved: dict[int, tuple[str, str]] = {}  # mention start -> (canonical, conflict_with)
        self.gender: dict[str, str] = {}  # canonical -> "m" / "f", from honorifics and resolved pronouns
        self.subjects: list[Mention | None] = []
        self._resolve_all()
        #: sentence index -> :func:`organisation_subject` (read once the subjects are resolved)
        self.organisation_subjects: dict[int, Attribution | None] = {}
        self._cue_subjects: dict[Cue, Attribution] = {}  # cue -> speaker_before_cue
        self._starts: dict = {}  # pattern getter -> starts_of
        self._subject_people_from: dict[int, list[Mention]] = {}  # sentence start -> _subject_people

    def starts_of(self, pattern_of) -> list[int]:
        """The offsets where the pattern ``pattern_of()`` matches in the article text, in order.

        One scan (and one call of the lexicon-derived getter ``pattern_of``) per article: the candidate
        rules bisect these offsets to learn whether a quotation's look-behind holds the word a pattern
        needs before searching it, instead of searching every look-behind.
        """
        found = self._starts.get(pattern_of)
        if found is None:
            found = self._starts[pattern_of] = [m.start() for m in pattern_of().finditer(self.text)]
        return found

    # ------------------------------------------------------------ helpers
    def in_quote(self, offset: int) -> bool:
        """True when ``offset`` lies inside a quotation (marks included)."""
        i = bisect_right(self.quoted, (offset, float("inf"))) - 1
        return i >= 0 and self.quoted[i][0] - 1 <= offset < self.quoted[i][1] + 1

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (-1 before the first)."""
        return bisect_right(self.sentence_starts, offset) - 1

    def sentence_bounds(self, offset: int) -> tuple[int, int]:
        i = self.sentence_index(offset)
        if i < 0:
            return 0, len(self.text)
        return self.sentences[i][0], self.sentences[i][1]

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        lo = bisect_right(self.mention_starts, start - 1)
        hi = bisect_right(self.mention_starts, end - 1)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def cues_between(self, start: int, end: int) -> list[Cue]:
        lo = bisect_right(self.cue_starts, start - 1)
        hi = bisect_right(self.cue_starts, end - 1)
        return [c for c in self.cues[lo:hi] if c.end <= end]

    def last_cue_between(self, start: int, end: int) -> Cue | None:
        """The last of :meth:`cues_between` ``(start, end)``, read from the end (None if there is none)."""
        lo = bisect_right(self.cue_starts, start - 1)
        for i in range(bisect_right(self.cue_starts, end - 1) - 1, lo - 1, -1):
            if self.cues[i].end <= end:
                return self.cues[i]
        return None

    def _find_cues(self) -> list[Cue]:
        lexicon = self.lexicon
        cues = []
        mention_ends = {m.end for m in self.mentions}
        quoted, k = self.quoted, -1  # k: the last quotation opening at or before the cue (cues come in order)
        for start, end in lexicon.finditer(self.text):
            while k + 1 < len(quoted) and quoted[k + 1][0] <= start:
                k += 1
            if k >= 0 and quoted[k][0] - 1 <= start < quoted[k][1] + 1:
                continue  # inside a quotation, marks included (:meth:`in_quote`, read by walking, not bisecting)
            word = self.text[start:end]
            if _DETERMINER_BEFORE.search(self.text, max(0, start - 6), start):
                continue  # "the state health department", "a report": after an article the word is a noun
            if word[0].isupper() and word.lower() != "according to":
                # a capitalised cue counts only right after a mention (headline case: "Hegseth Says")
                if start - 1 not in mention_ends:
                    continue
            cues.append(Cue(start, end, word, lexicon.form_to_lemma[word.lower()]))
        return cues

    # ------------------------------------------------------------ resolution
    def _is_subject_position(self, m: Mention, sent_start: int) -> bool:
        if m.possessive:
            return False
        before = _last_words(self.text, sent_start, m.start, 2)  # the words of the sentence before it, last first
        if before and before[0].lower() in ("the", "a", "an"):
            before = before[1:]
        return not (before and before[0].lower() in _PREPOSITIONS)

    def _resolve_all(self) -> None:
        """Resolve every mention in reading order, tracking each sentence's subject.

        Pronouns go to the latest sentence subject whose gender does not clash:
        gender is known from an honorific ("Mr", "Ms") or from an earlier pronoun
        resolved to the same person, and unknown otherwise (then any subject fits).
        """
        recent: list[tuple[str, str]] = []  # sentence subjects, latest last
        last_role = None
        resolved_names: list[tuple[int, str]] = []
        for start, end, _block, role in self.sentences:
            if role != last_role and (role not in ("headline", "standfirst", "body")
                                      or last_role not in ("headline", "standfirst", "body")):
                recent = []  # a related blurb or a caption is its own little text
            last_role = role
            subject: tuple[str, str] | None = None
            subject_mention = None
            for m in self.mentions_between(start, end):
                if m.kind == "name":
                    value = self.registry.resolve_name(m)
                    honorific = _HONORIFIC.match(m.text)
                    if value[0] and honorific:
                        self.gender.setdefault(value[0], "m" if honorific.group(1) else "f")
                elif m.kind == "title" and self._apposed_name(m):
                    # "the firm's president, Ana Ruiz": the name in apposition holds the role
                    value = self.registry.resolve_name(self._apposed_name(m))
                elif m.kind == "title":
                    holder = self.registry.resolve_title(m, resolved_names)
                    # a role nobody in the article holds is still a speaker, named by the role
                    value = (holder or self._described_role(m), "")
                else:
                    value = self._resolve_pronoun(m, subject, recent)
                if not value[0]:
                    continue
                self.resolved[m.start] = value
                if m.kind != "pronoun":
                    resolved_names.append((m.start, value[0]))
                if subject is None and self._is_subject_position(m, start):
                    subject, subject_mention = value, m
            self.subjects.append(subject_mention)
            if subject:
                recent = [v for v in recent if v[0] != subject[0]] + [subject]

    def _described_role(self, m: Mention) -> str:
        """A role nobody in the article holds, named as written with the body it serves.

        "a spokesman for Mr. Ana Ruiz" -> "spokesman for Mr. Ana Ruiz", "the lawyer for the family" ->
        "lawyer for the family": one unnamed person, described (the guidelines name unnamed speakers as
        written, without the leading article); a bare role stays a role ("the spokesman" -> "spokesman").
        """
        body = _ROLE_BODY.match(self.text, m.end)
        return _without_determiner(m.text + (body.group() if body else ""))

    def _person_before_apposition(self, sent_start: int, m: Mention) -> Mention | None:
        """A registered person opening the clause, followed by a role in apposition that holds ``m``.

        "Ana Ruiz, president and CEO of Acme Airlines said", "Ana Ruiz an analyst at
        Acme Bank, said": ``m`` (even a registered name) sits inside the apposition.
        """
        for h in self._subject_people(sent_start):
            if h.start >= m.start:
                return None
            if h.end > m.start:
                continue  # overlaps ``m``: not among the mentions before it
            gap = self.text[h.end:m.start]
            words = [w.lower() for w in re.findall(r"[A-Za-z]+", gap)]
            if re.match(r"(?:,|\s+(?:a|an|the)\s)\s*[^,;:“”\"]{1,90}$", gap) and any(w in title_heads() for w in words):
                return h
            return None
        return None

    def _subject_people(self, sent_start: int) -> list[Mention]:
        """The name mentions of registered persons in subject position from ``sent_start`` up to the next
        sentence start, in order: listed once per sentence (every cue of a long sentence asks)."""
        found = self._subject_people_from.get(sent_start)
        if found is None:
            following = bisect_right(self.sentence_starts, sent_start)
            stop = self.sentence_starts[following] if following < len(self.sentence_starts) else len(self.text)
            found = self._subject_people_from[sent_start] = [
                h for h in self.mentions_between(sent_start, stop)
                if h.kind == "name" and self.resolved.get(h.start, ("",))[0] in self.registry.people
                and self._is_subject_position(h, sent_start)]
        return found

    def _apposed_name(self, m: Mention) -> Mention | None:
        """The registered name right after a role and a comma ("the coach, Ana Ruiz"), else None."""
        for following in self.mentions_between(m.end, min(len(self.text), m.end + 90)):
            gap = self.text[m.end:following.start]
            # "Chief executive Ana Ruiz": the role goes on in lower case up to the name
            lower_role = _LOWER_ROLE_GAP.fullmatch(gap) and set(gap.split()) <= title_words()
            if following.kind == "name" and (_ROLE_APPOSITION_GAP.match(gap) or lower_role):
                if self.registry.resolve_name(following)[0] in self.registry.people:
                    return following
        return None

    def _resolve_pronoun(self, m: Mention, subject, recent) -> tuple[str, str]:
        """The referent of "he"/"she": this sentence's subject, else the latest compatible subject."""
        gender = "m" if m.text.lower() == "he" else "f"
        candidates = ([subject] if subject else []) + list(reversed(recent[-4:]))
        for value in candidates:
            if self.gender.get(value[0], gender) == gender:
                self.gender.setdefault(value[0], gender)
                return value
        return ("", "")

    def _role_with_body(self, title: Mention, body: Mention, method: str, cue: Cue) -> Attribution:
        """The speaker of a role written with the body it serves ("the premier of the state of X").

        Its holder when the article names one, else the role and its body as written, without the article.
        """
        attribution = self._attribution(title, method, cue)
        if attribution.speaker in self.registry.people:
            return attribution
        phrase = self.text[title.start:body.end]
        return replace(attribution, speaker=_without_determiner(phrase), speaker_text=phrase, speaker_end=body.end)

    def _attribution(self, m: Mention, method: str, cue: Cue | None) -> Attribution:
        canonical, conflict = self.resolved.get(m.start, ("", ""))
        if m.kind == "group":
            canonical = _organisation_name(m.name)
            if canonical.lower() in definite_institutions() and \
                    re.search(r"\b[Tt]he\s+$", self.text[max(0, m.start - 5):m.start]):
                # "the company said": the organisation a recent sentence opens with, as the guidelines name it
                canonical = self._named_organisation_before(m.start) or canonical
        if not canonical:
            return NO_ATTRIBUTION
        cue_fields = {} if cue is None else {"cue": cue.text, "cue_start": cue.start, "cue_end": cue.end}
        kind = m.kind
        if kind == "name" and canonical not in self.registry.people and m.start not in self.resolved:
            kind = "group"  # an unregistered capitalised phrase: an organisation
        last = canonical.split()[-1]
        if last[:1].isupper() and (kind == "group" or canonical not in self.registry.people
                                   or last.lower() in group_nouns()):
            # "Communications Workers of America": the name goes on after "of"
            rest = m.text[len(canonical):] if m.text.startswith(canonical) else ""
            of_body = _OF_BODY.fullmatch(rest) if rest else _OF_BODY.match(self.text, m.end)
            if of_body:
                canonical = m.text if rest else canonical + of_body.group()
        return Attribution(canonical, m.text, m.start, m.end, method, bool(conflict), conflict, **cue_fields,
                           speaker_type=speaker_type_of(kind, canonical))

    def _named_organisation_before(self, offset: int) -> str:
        """The capitalised organisation opening the latest of the few sentences before ``offset`` ("" if none).

        "Acme Ferries posted a loss. ... the company said": "Acme Ferries". A registered person
        or a surname is not an organisation.
        """
        index = self.sentence_index(offset)
        for i in range(index, max(-1, index - NAMED_ORGANISATION_REACH), -1):
            if self.sentences[i][3] == "headline":
                break  # the headline is not the narrative
            s_start, s_end = self.sentences[i][0], min(self.sentences[i][1], offset)
            found = _LEADING_NP.match(self.text, s_start, s_end)
            if not found or _opens_no_organisation(found) or self.in_quote(found.start(1)):
                continue
            words = found.group(1).split()
            # one capitalised word that is no registered surname ("Chrysler"), or an organisation's word
            # ("Velmar Ferries", "Acme Group"): two or three words alone may be a person's name
            # "The Coast Guard searched ...": a name after "The" is a body's, never a person's
            determined = re.search(r"\b[Tt]he\s+$", self.text[max(s_start, found.start(1) - 4):found.start(1)])
            if (len(words) == 1 and words[0] not in self.registry.by_surname) \
                    or any(w.lower() in organisation_words() for w in words[1:]) \
                    or (determined and words[-1] not in self.registry.by_surname):
                return re.sub(r"[’']s$", "", found.group(1))
        return ""

    # ------------------------------------------------------------ speaker rules
    def group_before(self, start: int, end: int) -> Mention | None:
        """A group or organisation right before ``end`` ("Citi analysts", "US officials", "Moscow").

        A phrase ending in a group noun (``data/speaker_groups.txt``) counts
        anywhere; a capitalised phrase only at the start of a clause.
        """
        window = self.text[max(start, end - 120):end]
        offset_base = max(start, end - 120)
        when = ends_with_time(window)
        if when:  # "The FBI on Friday said": the day is when, not who
            window = window[:when.start()] + " "
        group_pattern, org_pattern, _ = _group_patterns()
        if not _group_evidence().search(window):  # cheap: both patterns need a group noun or a capital
            return None
        found = group_pattern.search(window)
        if not found:
            found = org_pattern.search(window)
        if not found:
            return None
        phrase = found.group(1)
        # "PressureCiti": two blocks glued (a name like "LaCroix" or "DeSantis" has a short prefix)
        glued = list(re.finditer(r"(?<=[a-z]{3})(?=[A-Z][a-z])", phrase))
        cut = glued[-1].end() if glued else 0
        offset = found.start(1) + cut
        phrase = phrase[cut:]
        openers = not_speaker_words()
        first = phrase.split()[0]
        while openers.get(first.lower()) == "connective" and len(phrase.split()) > 1:
            # "But analysts said": the group, without the conjunction the sentence opens with
            rest = phrase[len(first):].lstrip()
            offset += len(phrase) - len(rest)
            phrase, first = rest, rest.split()[0]
        if first.lower() in _PRONOUN_WORDS or (found.re is org_pattern and first.lower() in openers):
            return None
        s = offset_base + offset
        if found.re is group_pattern and _OBJECT_OF_PREPOSITION.search(self.text, max(0, s - 20), s):
            return None  # "A nurse at the hospital said": the hospital is where, the nurse speaks
        canonical = _without_determiner(phrase)
        return Mention(s, s + len(phrase), phrase, "group", name=canonical)

    def _group_ending_at(self, sent_start: int, end: int):
        """The longest group phrase ending at ``end`` whose first word is not a past verb
        ("most analysts" in "The results surprised most analysts", "retired officials" in "met retired
        officials"), as a match; None if there is none."""
        best, after_verb = None, False
        for word in re.finditer(r"\S+", self.text[max(sent_start, end - 80):end]):
            start = max(sent_start, end - 80) + word.start()
            verb = word.group().islower() and (word.group().endswith("ed") or word.group() in irregular_past())
            if verb and not after_verb:  # a past verb, unless it follows one ("met retired officials")
                after_verb = True
                continue
            after_verb = False
            found = _group_phrase_pattern().fullmatch(self.text, start, end)
            if found is not None and found.start(1) < end:
                best = found
                break
        return best

    def group_at(self, start: int) -> Mention | None:
        """A group phrase starting at ``start`` ("union leaders", "the opposition"), else None."""
        found = _group_patterns()[2].match(self.text, start, min(len(self.text), start + 80))
        if found is None or found.start(1) - start > 4:
            return None
        s0, e0 = found.start(1), found.end(1)
        return Mention(s0, e0, self.text[s0:e0], "group", name=_without_determiner(self.text[s0:e0]))

    def _resolved_before(self, start: int, end: int, count: int) -> list[Mention]:
        """The last ``count`` resolved mentions inside ``[start, end)``, in text order."""
        lo = bisect_right(self.mention_starts, start - 1)
        hi = bisect_right(self.mention_starts, end - 1)
        found: list[Mention] = []
        for i in range(hi - 1, lo - 1, -1):
            m = self.mentions[i]
            if m.end <= end and m.start in self.resolved:
                found.append(m)
                if len(found) == count:
                    break
        return found[::-1]

    def speaker_before_cue(self, cue: Cue) -> Attribution:
        """The subject of ``cue``: the mention right before it, else the sentence's subject.

        Read once per cue and article: a cue before a quotation is asked again by the reported-speech
        and previous-paragraph rules, and the answer reads only the article's finished indexes.
        """
        found = self._cue_subjects.get(cue)
        if found is None:
            found = self._cue_subjects[cue] = self._speaker_before_cue(cue)
        return found

    def _speaker_before_cue(self, cue: Cue) -> Attribution:
        if cue.lemma == "according to":
            if re.match(r"\s+(?:him|her)\b", self.text[cue.end:cue.end + 6]):
                # "According to him, ...": the person the narrative was about
                found = narrative_person(self, cue.start, "according to")
                return replace(found, cue=cue.text, cue_start=cue.start, cue_end=cue.end) if found.speaker else found
            after = self.mentions_between(cue.end, min(len(self.text), cue.end + 80))
            if after and not self.text[cue.end:after[0].start].strip(" ,"):
                return self._attribution(after[0], "according to", cue)
            group = _group_patterns()[2].match(self.text, cue.end, min(len(self.text), cue.end + 80))
            if group:
                s, e = group.start(1), group.end(1)
                return self._attribution(Mention(s, e, self.text[s:e], "group", name=self.text[s:e]),
                                         "according to", cue)
            return NO_ATTRIBUTION
        sent_start, _ = self.sentence_bounds(cue.start)
        passive = _PASSIVE.match(self.text, cue.end)
        if passive and cue.text.lower().endswith("ed"):
            # "Ministers accused of ‘abandoning’ ...": the subject is not the speaker
            if passive.group(1) == "by":
                after = self.mentions_between(passive.end(), min(len(self.text), passive.end() + 60))
                if after and after[0].start == passive.end():
                    return self._attribution(after[0], "agent of a passive cue", cue)
            return NO_ATTRIBUTION
        participle = cue.text.lower().split()[0].endswith("ing")
        # a participle ("..., calling him") takes an apposition only right before it
        reach = 1 if participle else 3
        # only the last few resolved mentions before the cue are read (reach, one before it for an
        # apposition): taking them from the end keeps a long sentence of cues linear
        before = self._resolved_before(sent_start, cue.start, reach + 1)
        for k in range(len(before) - 1, max(-1, len(before) - 1 - reach), -1):
            m = before[k]
            # the gaps are matched in place (sentences hold no line break, so fullmatch is ^...$)
            if m.possessive or (participle and "," in self.text[m.end:cue.start]):
                continue
            credential = trailing_credential().match(self.text, m.end, cue.start)  # "Joanna Korner QC said"
            if not _ADJACENT_GAP.fullmatch(self.text, credential.end() if credential else m.end, cue.start):
                # "CEO Ana Ruiz on Thursday said": a day between the subject and its cue says when
                when = ends_with_time(self.text[m.end:cue.start]) if cue.start - m.end < 30 else None
                if when is None or when.start() != 0 or m.kind != "name":
                    continue
            if m.kind == "title" and k > 0 and _COMMA_GAP.fullmatch(self.text, before[k - 1].end, m.start):
                return self._attribution(before[k - 1], "subject of cue (apposition)", cue)
            if m.kind == "title" and k + 1 < len(before) and before[k + 1].kind == "name" \
                    and _COMMA_GAP.fullmatch(self.text, m.end, before[k + 1].start):
                # "The region's president, Stefano Bonaccini, said": the name, not the role
                return self._attribution(before[k + 1], "subject of cue (apposition)", cue)
            method = "subject of cue" if k == len(before) - 1 else "subject of cue (apposition)"
            if k > 0 and before[k - 1].kind == "title" and before[k - 1].start in self.resolved \
                    and self.resolved[before[k - 1].start][0] not in self.registry.people \
                    and re.fullmatch(r" (?:for|at|to) (?:(?:the|his|her|their) )?", self.text[before[k - 1].end:m.start]):
                # "a spokesman for Mr. Ruiz said": the spokesman speaks, not Ruiz
                return self._attribution(before[k - 1], method, cue)
            if k > 0 and before[k - 1].kind == "title" and before[k - 1].start in self.resolved \
                    and _ROLE_OF_BODY_GAP.fullmatch(self.text, before[k - 1].end, m.start):
                # "The premier of the state of Lower Carinthia remarked": the role speaks, not its body
                return self._role_with_body(before[k - 1], m, method, cue)
            head = self._person_before_apposition(sent_start, m)
            if head is not None:
                # "Ana Ruiz, president and CEO of Acme Airlines said": the person, not the body
                return self._attribution(head, "subject of cue (apposition)", cue)
            if self._after_preposition(sent_start, m.start):
                # "Ana Ruiz, president of Acme Holdings, said": the person, not the body after "of"
                head = next((h for h in before[:k] if h.kind == "name" and
                             self.resolved[h.start][0] in self.registry.people and
                             self.text[h.end:h.end + 2].startswith(",")), None)
                if head is not None:
                    return self._attribution(head, "subject of cue (apposition)", cue)
            return self._attribution(m, method, cue)
        who = _WHO_BEFORE.search(self.text, max(sent_start, cue.start - 60), cue.start)
        if who is not None:
            # "most analysts, who had forecast that ...": the relative pronoun's antecedent speaks
            named = self._resolved_before(sent_start, who.start(), 1)
            if named and named[0].end == who.start() and not named[0].possessive:
                return self._attribution(named[0], "subject of cue", cue)
            group = self._group_ending_at(sent_start, who.start())
            if group is not None:
                s0, e0 = group.start(1), group.end(1)
                phrase = self.text[s0:e0]
                return self._attribution(Mention(s0, e0, phrase, "group", name=_without_determiner(phrase)),
                                         "group subject of cue", cue)
        group = self.group_before(sent_start, cue.start)
        if group is not None:
            head = self._person_before_apposition(sent_start, group)
            if head is not None:
                # "Ana Ruiz, Acme's CEO and former Boeing executive, said": the person, not the phrase
                return self._attribution(head, "subject of cue (apposition)", cue)
            return self._attribution(group, "group subject of cue", cue)
        coordinated = _search_back(_COORDINATED, self.text, sent_start, cue.start) is not None
        if participle or coordinated:
            i = self.sentence_index(cue.start)
            subject = self.subjects[i] if 0 <= i < len(self.subjects) else None
            if subject is not None and subject.start < cue.start:
                return self._attribution(subject, "subject of sentence", cue)
            lead = _group_subject().match(self.text, sent_start, cue.start)
            if lead:
                # "A group of city councillors released a joint statement saying “...”": the group speaks
                s, e = lead.start(1), lead.end(1)
                return self._attribution(Mention(s, e, self.text[s:e], "group", name=self.text[s:e]),
                                         "group subject of sentence", cue)
            first_np = _first_np().match(self.text, sent_start, cue.start)
            if first_np and first_np.group(1).split()[0] not in ("The", "A", "An", "This", "It", "In", "On") \
                    and first_np.group(1).split()[0].lower() not in not_speaker_words():
                s = first_np.start(1)  # matched in place: already an offset into the text
                phrase = first_np.group(1)
                return self._attribution(Mention(s, s + len(phrase), phrase, "group", name=phrase),
                                         "subject of sentence (organisation)", cue)
        return NO_ATTRIBUTION

    def _after_preposition(self, sent_start: int, pos: int) -> bool:
        """``_PREPOSITION_BEFORE.search(text[sent_start:pos])``, searched only over the last two words
        before ``pos`` (slicing the sentence from its start for every cue was quadratic in a long one)."""
        text = self.text
        end = pos
        while end > sent_start and text[end - 1].isspace():
            end -= 1  # the preposition or "the" ends here
        lo = end - 3  # before a "the", the white space and the preposition (at most four letters)
        while lo > sent_start and text[lo - 1].isspace():
            lo -= 1
        lo -= 4
        if lo <= sent_start:  # near the sentence start: the slice itself (``\b`` sees no character before it)
            return _PREPOSITION_BEFORE.search(text[sent_start:pos]) is not None
        return _PREPOSITION_BEFORE.search(text, lo, pos) is not None

    def speaker_after_quote(self, close_end: int) -> Attribution:
        """A cue right after a closing mark: "..., he said", "..., said Hegseth"."""
        _, sent_end = self.sentence_bounds(max(0, close_end - 1))
        sent_end = max(sent_end, close_end)
        lead = _AFTER_MARK.match(self.text, close_end).end()
        window_end = min(sent_end, lead + 120)
        # an acronym in brackets belongs to the descriptor: "disaster agency (BNPB) chief Ana said"
        mentions = [m for m in self.mentions_between(lead, window_end) if self.text[m.start - 1:m.start] != "("]
        cues = self.cues_between(lead, window_end)
        if mentions and cues and mentions[0].start > lead:
            # "..., state revenue minister Ana Ruiz told": a bare cue word in the descriptor is no cue
            cues = [c for c in cues if c.start >= mentions[0].start or _inflected(c)] or cues
        if mentions and cues and (mentions[0].start == lead or (
                self.text[lead:lead + 1].islower() and descriptor_gap(self.text[lead:mentions[0].start])
                and not _NEW_CLAUSE.match(self.text, lead)  # "“...” and Ana Ruiz asked": another clause
                and mentions[0].start < cues[0].start)):
            # "..., he said", "..., goalkeeper Ana Ruiz said"
            m, cue = mentions[0], cues[0]
            if _ADJACENT.match(self.text[m.end:cue.start]) and m.start in self.resolved:
                return self._attribution(m, "after quote", cue)
            # "..., Utrecht police chief Rob van Bree told": a capitalised descriptor before the person
            last = [k for k in mentions if k.end <= cue.start and k.start > m.start]
            if last and last[-1].start in self.resolved and last[-1].kind == "name" \
                    and _ADJACENT.match(self.text[last[-1].end:cue.start]) \
                    and descriptor_gap(self.text[lead:last[-1].start]):
                return self._attribution(last[-1], "after quote", cue)
            role_word = _lower_role_before(self.text, lead, m.start)
            if m.kind == "name" and m.start not in self.resolved and " " not in m.name and role_word \
                    and _ADJACENT.match(self.text[m.end:cue.start]):
                # "..., agency chief Suharyanto told reporters": one name after a role, never introduced
                found = Mention(m.start, m.end, m.text, "group", name=m.name)
                return replace(self._attribution(found, "after quote (unregistered name)", cue), speaker_type="person")
        if cues and cues[0].start == lead and (cues[0].lemma == "according to" or _inflected(cues[0])):
            cue = cues[0]
            if cue.lemma == "according to":
                return self.speaker_before_cue(cue)
            found = self.inverted_subject(cue, window_end)
            if found is not None:
                return self._attribution(found, "after quote (inverted)", cue)
            if cue.text.lower().endswith("ing"):
                return NO_ATTRIBUTION  # "... ” adding he would campaign": a participle has no subject after it
            return self.inverted_unregistered(cue, window_end)
        # "..., Hart said.", "..., Hart, of Ohio, said.": a short apposition may stand before the cue
        name = _NAME_BEFORE_CUE.match(self.text, lead, window_end)  # in place: name.end() is an offset
        if name:
            for cue in cues:
                if cue.start == name.end() and cue.text[0].islower():
                    # "..., Hart said.": an unregistered name right before the cue is still the speaker
                    m = Mention(lead, lead + len(name.group(1)), name.group(1), "group", name=name.group(1))
                    return replace(self._attribution(m, "after quote (unregistered name)", cue), speaker_type="person")
        group = _group_patterns()[2].match(self.text, lead, window_end)
        if group:
            gap = re.match(rf"\s+(?:{_ADVERBS}\s+)*", self.text[group.end():window_end])
            for cue in cues:
                if gap and cue.start == group.end() + gap.end():
                    s0, e0 = group.start(1), group.end(1)
                    m = Mention(s0, e0, self.text[s0:e0], "group", name=self.text[s0:e0])
                    return self._attribution(m, "after quote", cue)
        return NO_ATTRIBUTION

    def inverted_subject(self, cue: Cue, limit: int) -> Mention | None:
        """The subject of an inverted cue ("said forward Ana Ruiz, the captain", "said the coach, Ana Ruiz").

        The first registered mention after the cue, before the clause ends; a role
        followed by a name in apposition gives the name.
        """
        clause = re.search(r"[;:“”\"]", self.text[cue.end:limit])  # sentence ends come from ``limit``
        stop = cue.end + clause.start() if clause else limit
        after = [m for m in self.mentions_between(cue.end, stop) if m.start in self.resolved and not m.possessive]
        if not after:
            return None
        first = after[0]
        if cue.text.lower().endswith("ing") or not descriptor_gap(self.text[cue.end:first.start]):
            return None  # "..., emphasizing the need for X": an object, not the cue's subject
        if re.match(r"\s+[A-Z][a-z][\w’'-]*,", self.text[cue.end:first.start]):
            return None  # "said Novak, the bloc's envoy": the name before the apposition (an unregistered surname)
        people = [m for m in after if m.kind == "name" and self.resolved[m.start][0] in self.registry.people
                  and descriptor_gap(self.text[cue.end:m.start])]
        if people and first.kind == "title" and self.resolved[first.start][0] not in self.registry.people \
                and re.fullmatch(r" (?:for|at|to) (?:(?:the|his|her|their) )?", self.text[first.end:people[0].start]):
            return first  # "said a spokeswoman for Ana Ruiz": the spokeswoman speaks
        if len(people) > 1 and re.search(r",\s*$", self.text[cue.end:people[-1].start]):
            return people[-1]  # "said Acme Price Head trader, Ana Ruiz": the name in apposition
        if people:
            # "said the general secretary of the union, Tony Woodley": the registered person in the phrase
            return people[0]
        return first

    def inverted_unregistered(self, cue: Cue, limit: int, method: str = "after quote (group)") -> Attribution:
        """An inverted cue followed by a group ("said a parts supplier") or a lone surname ("said Ruiz.")."""
        group = _group_patterns()[2].match(self.text, cue.end, limit)
        if group and descriptor_gap(self.text[cue.end:group.start(1)]):
            s0, e0 = group.start(1), group.end(1)
            phrase = _without_determiner(self.text[s0:e0])
            return self._attribution(Mention(s0, e0, self.text[s0:e0], "group", name=phrase), method, cue)
        described = re.match(r"\s+(?:a|an|the)\s+([^,.;:“”\"]{3,60}?)\s*(?:[.,;]|$)", self.text[cue.end:limit])
        if described and descriptor_gap(" " + described.group(1)) and described.group(1)[:1].isalpha():
            # "said a Lisbon fish trader": one unnamed person or body, described
            s0, e0 = cue.end + described.start(1), cue.end + described.end(1)
            a = self._attribution(Mention(s0, e0, described.group(1), "group", name=described.group(1)), method, cue)
            single = not described.group(1).endswith("s")
            return replace(a, speaker_type="person" if single else "group")
        surname = re.match(r"\s+([A-Z][a-z][\w’'-]+)\s*(?:[.,]|$)", self.text[cue.end:limit])
        if surname and surname.group(1).lower() not in _PRONOUN_WORDS:
            s0, e0 = cue.end + surname.start(1), cue.end + surname.end(1)
            return replace(self._attribution(Mention(s0, e0, surname.group(1), "group", name=surname.group(1)),
                                             "after quote (unregistered name)", cue), speaker_type="person")
        return NO_ATTRIBUTION

    def statement_before(self, sent_start: int) -> Attribution | None:
        """The speaker of the previous paragraph's last sentence when it reports speech ("Ruiz denied it.").

        Only when that sentence is the last of the paragraph right before and
        holds no quotation of its own; None otherwise.
        """
        i = self.sentence_index(sent_start) - 1
        if i < 0 or self.sentence_index(sent_start) >= len(self.sentences):
            return None
        start, end, block, _ = self.sentences[i]
        if block != self.sentences[i + 1][2] - 1:
            return None
        mark = re.search(r"[“”\"]", self.text[start:end])
        if mark:
            # a quotation of the sentence's own statement ("He said he was “offended” ...") stays in it:
            # only the cues before the first mark are read
            end = start + mark.start()
        for cue in reversed(self.cues_between(start, end)):
            found = self.speaker_before_cue(cue)
            if found.speaker and found.speaker_type == "person":
                return found
        return None

    def next_sentence_cue(self, sent_end: int) -> Attribution:
        """The speaker when the next sentence opens with an inverted cue: "“...” ¶ said Ana Ruiz."."""
        i = self.sentence_index(sent_end)
        if i < 0 or i >= len(self.sentences):
            return NO_ATTRIBUTION
        start, end = self.sentences[i][0], self.sentences[i][1]
        if start < sent_end:
            if i + 1 >= len(self.sentences):
                return NO_ATTRIBUTION
            start, end = self.sentences[i + 1][0], self.sentences[i + 1][1]
        lead = start + len(self.text[start:end]) - len(self.text[start:end].lstrip())
        cues = self.cues_between(lead, end)
        if not cues or cues[0].start != lead or not cues[0].text[0].islower() or not _inflected(cues[0]):
            return NO_ATTRIBUTION
        found = self.inverted_subject(cues[0], end)
        if found is None:
            return replace(self.inverted_unregistered(cues[0], end), speaker_method="cue in next sentence")
        return self._attribution(found, "cue in next sentence", cues[0])

    def continued(self, attribution: Attribution, method: str) -> Attribution:
        """The same speaker under another method name."""
        return replace(attribution, speaker_method=method)

    # the antecedent rules below, as methods: the candidate rules receive this object and do not import
    # this module
    def organisation_subject(self, index: int) -> Attribution | None:
        """See :func:`organisation_subject`."""
        return organisation_subject(self, index)

    def pronoun_subject_of_cue(self, cue: Cue) -> Attribution:
        """See :func:`pronoun_subject_of_cue`."""
        return pronoun_subject_of_cue(self, cue)

    def reference_after_quote(self, close_end: int) -> Attribution:
        """See :func:`reference_after_quote`."""
        return reference_after_quote(self, close_end)


# ---------------------------------------------------------------- antecedents
# Who "it", "they" or a bare description ("the 23-year-old") stands for: the narrative subject before it.
# News writes a speaker once and then refers back: "Acme defended the decision. “...,” it said.";
# "Prosecutors were blunt. “...”"; "Ana Ruiz scored twice. “...,” the striker said.". These functions
# look back over the few sentences before a quotation or a cue for the subject such a reference stands
# for: an organisation or group for "it"/"they", a person for a description. They read only the
# article's own sentences (no list of names). They live here, not in a module of their own, so that the
# quote rules' import chain stays as short as it was.

#: Sentences read back from the reference for its antecedent.
LOOK_BACK = 3
# a capitalised phrase opening a sentence, before a lower-case word: "The Kremlin said", "Acme Corp defended"
_LEADING_NP = re.compile(
    r"[\s\"“”‘’'(]*(?:(?:The|the)\s+)?([A-Z][\w.&’'-]*(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?[A-Z][\w.&’'-]*){0,4})"
    r"(?:[’']s)?\s+(?=[a-z])"
)
_NOT_ORGANISATION = frozenset(
    "the a an in on at for after before when while as if although though but and however meanwhile this that these those "
    "it its he she they we i there here yesterday today tomorrow last next according mr mrs ms dr sir lady "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december".split()
)


# after a sentence's first word: a preposition other than "of", a digit, or a word (group 1, checked against
# the quantity words of ``data/not_speaker_words.csv``)
_NOT_SUBJECT_NEXT = re.compile(r"\s+(?:(?:for|to|by|with|at|in|on|from|as|after|before|against|into|than)\b|\d|"
                               r"([a-z]+)\b)")


def _opens_no_organisation(found: re.Match) -> bool:
    """Whether the capitalised phrase (group 1 of ``found``) opening a sentence cannot be an organisation.

    Its first word is a connective, number, date or function word (``data/not_speaker_words.csv``: "Seven
    patients ...", "Also, ..."), or it is one word before a number or a preposition ("Adjusted for costs, ...").
    """
    words = found.group(1).split()
    first = words[0].lower()
    if first in _NOT_ORGANISATION or first in not_speaker_words():
        return True
    possessive = found.group(1).endswith(("’s", "'s")) or found.string.startswith(("’s", "'s"), found.end(1))
    if len(words) != 1 or possessive:  # "The FBI's statement ...": the organisation is named all the same
        return False
    # one capitalised word before a number or a preposition other than "of" opens the sentence without being
    # its subject ("About one in 200 ...", "Adjusted for ..."); "Chrysler said", "Residents of X were" stay
    after = _NOT_SUBJECT_NEXT.match(found.string, found.end(1))
    return after is not None and (after.group(1) is None or after.group(1).lower() in not_speaker_words())


# an introductory phrase before the subject: "In reaction to this, ", "On Monday, " (up to eight words)
_INTRODUCTORY = re.compile(r"(?:[A-Z][\w’'-]*)(?:\s+[\w’'-]+){0,7},\s+")
# "..., it said", "..., they also warned": the whole gap between a closing mark and its cue
_IT_OR_THEY = re.compile(rf"(it|they)\s+(?:{_ADVERBS}\s+)*")
_PRONOUN_BEFORE_CUE = re.compile(rf"\b([Ii]t|[Tt]hey)\s+(?:{_ADVERBS}\s+)*$")
# "..., the 23-year-old said", "..., the striker told reporters": a description, then the cue
_DESCRIPTION = re.compile(r"[\s,]*(?:the|The)\s+((?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:" + _ADVERBS + r"\s+)*")


def organisation_subject(speakers: ArticleSpeakers, index: int) -> Attribution | None:
    """The organisation or group that is the subject of sentence ``index``, else None.

    A group mention in subject position, a capitalised phrase opening the
    sentence that is no registered person ("Acme Corp defended ..."), or a group
    phrase opening it ("Prosecutors were blunt"). Each sentence is read once per
    article (every quotation and cue after it asks again).
    """
    found = speakers.organisation_subjects.get(index, False)
    if found is False:
        found = speakers.organisation_subjects[index] = _organisation_subject(speakers, index)
    return found


def _organisation_subject(speakers: ArticleSpeakers, index: int) -> Attribution | None:
    text = speakers.text
    s_start, s_end = speakers.sentences[index][0], speakers.sentences[index][1]
    subject = speakers.subjects[index]
    if subject is not None and subject.kind == "group":
        return speakers._attribution(subject, "", None)
    if subject is not None and text[s_start:subject.start].strip(" \"“”‘’'(") == "":
        return None  # a person opens the sentence
    found = _LEADING_NP.match(text, s_start, s_end)
    opener = _INTRODUCTORY.match(text, s_start, s_end)
    if (not found or _opens_no_organisation(found)) and opener:
        # "In reaction to this, the Opposition Group says": the subject after an introductory phrase
        found = _LEADING_NP.match(text, opener.end(), s_end)
    if found and not _opens_no_organisation(found):
        start, end = found.start(1), found.end(1)
        phrase = found.group(1)
        return Attribution(phrase, phrase, start, end, "", speaker_type="organisation")
    group = _group_patterns()[2].match(text, s_start, s_end)
    if group and group.group(1).split()[-1].lower() in group_nouns():
        start, end = group.start(1), group.end(1)
        phrase = re.sub(r"^(?:the|a|an)\s+", "", text[start:end], flags=re.I)
        return Attribution(phrase, text[start:end], start, end, "", speaker_type="group")
    return None


def pronoun_antecedent(speakers: ArticleSpeakers, pronoun: str, offset: int, method: str) -> Attribution:
    """The organisation "it" (or the group or organisation "they") at ``offset`` stands for, or empty.

    The subject of the nearest of the :data:`LOOK_BACK` sentences before the
    one holding ``offset`` that has an organisation or group as subject.
    """
    index = speakers.sentence_index(offset)
    for i in range(index - 1, max(-1, index - 1 - LOOK_BACK), -1):
        found = organisation_subject(speakers, i)
        if found is None:
            continue
        if pronoun.lower() == "it" and found.speaker_type != "organisation":
            continue
        return Attribution(found.speaker, found.speaker_text, found.speaker_start, found.speaker_end, method,
                           speaker_type=found.speaker_type)
    return NO_ATTRIBUTION


def pronoun_subject_of_cue(speakers: ArticleSpeakers, cue: Cue, method: str = "it/they: organisation antecedent"
                           ) -> Attribution:
    """For "it said", "they warned": the antecedent of the pronoun right before ``cue`` (empty otherwise)."""
    sent_start, _ = speakers.sentence_bounds(cue.start)
    found = _PRONOUN_BEFORE_CUE.search(speakers.text, sent_start, cue.start)
    if not found:
        return NO_ATTRIBUTION
    a = pronoun_antecedent(speakers, found.group(1), found.start(1), method)
    if not a.speaker:
        return a
    return Attribution(a.speaker, a.speaker_text, a.speaker_start, a.speaker_end, method, cue=cue.text,
                       cue_start=cue.start, cue_end=cue.end, speaker_type=a.speaker_type)


def narrative_person(speakers: ArticleSpeakers, offset: int, method: str) -> Attribution:
    """The person subject of the nearest of the :data:`LOOK_BACK` sentences before ``offset``'s, or empty."""
    index = speakers.sentence_index(offset)
    for i in range(index - 1, max(-1, index - 1 - LOOK_BACK), -1):
        subject = speakers.subjects[i]
        if subject is None or subject.kind == "group":
            continue
        a = speakers._attribution(subject, method, None)
        if a.speaker and a.speaker_type == "person":
            return a
    return NO_ATTRIBUTION


def reference_after_quote(speakers: ArticleSpeakers, close_end: int) -> Attribution:
    """"..., it said" / "..., the striker said" right after a closing mark: the antecedent, or empty."""
    text = speakers.text
    _, sent_end = speakers.sentence_bounds(max(0, close_end - 1))
    window_end = min(max(sent_end, close_end), close_end + 80)
    lead = _AFTER_MARK.match(text, close_end, window_end).end()  # the same characters, read in place
    cues = speakers.cues_between(lead, window_end)
    if not cues or not cues[0].text[:1].islower():
        return NO_ATTRIBUTION
    cue = cues[0]
    pronoun = _IT_OR_THEY.fullmatch(text, lead, cue.start)
    if pronoun:
        a = pronoun_antecedent(speakers, pronoun.group(1), lead, "after quote (it/they: organisation antecedent)")
    else:
        described = _DESCRIPTION.fullmatch(text, lead, cue.start)
        if not described:
            return NO_ATTRIBUTION
        words = described.group(1).lower().split()
        if words[-1].endswith("s") or words[-1] in group_nouns() or set(words) & organisation_words():
            return NO_ATTRIBUTION  # "the company", "the unions": a group as written, not a person
        a = narrative_person(speakers, lead, "after quote (description of the narrative subject)")
    if not a.speaker:
        return a
    return Attribution(a.speaker, a.speaker_text, a.speaker_start, a.speaker_end, a.speaker_method, cue=cue.text,
                       cue_start=cue.start, cue_end=cue.end, speaker_type=a.speaker_type)
