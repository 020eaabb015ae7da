"""Find the speaker of a quotation or of reported speech in one article.

Rules, tried in order for a quotation (the first that fires wins, and its name is
kept in ``speaker_method``):

1. ``document``: the quotation follows a document reference ("Article 5 of NATO
   (“...”)"): the wording of a text, attributed to nobody.
2. ``after quote``: a cue right after the closing mark, in either order
   ("..., he added", "..., said Hegseth", "..., according to officials").
3. ``colon``: a speaker and a colon right before the opening mark ("Hegseth: “...”").
4. ``subject of cue``: the nearest cue before the quotation in its sentence, and
   the mention right before that cue (adverbs, auxiliaries and an apposition
   may stand between: "Hegseth, the defense secretary, also said").
5. ``subject of sentence``: the cue is a participle or a second verb ("...,
   arguing that", "... and warned"): the sentence's subject speaks.
6. ``continued quote``: a paragraph that opens a quotation after a paragraph
   whose quotation ran on ("multi-paragraph" convention) keeps that speaker;
   ``same speaker as the previous quote``: a quotation that opens a sentence
   with no cue of its own, after an attributed quotation of the same paragraph.

A passive cue ("accused of", "described by") never makes its subject the
speaker: the agent after "by" speaks, or nobody. Groups and institutions
("Citi analysts", "the ministry", "a spokesperson") are speakers named as
written; a role nobody in the registry holds ("the spokesman") is named by the
role; an unregistered name right after a quotation ("..., Hart said") is kept
as written.

Mentions are resolved through the article's :class:`~analysis_helpers.speakers.Registry`:
pronouns to the subject of the latest sentence that had a person as subject,
titles to the registered holder of the role, names to the registered full name.
When no rule fires the speaker stays empty.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from ..resources import cached
from .speakers import Mention, Registry, cue_lexicon, find_mentions, group_nouns

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
_AFTER_MARK = re.compile(r"[\s,.;!?…—–-]*")
_PREPOSITIONS = frozenset(
    "of to with by from for on at about against between among into than like toward towards over under "
    "before after during including regarding despite as".split()
)
_FUNCTION = "with|and|but|while|the|of|to|in|on|at|for|by|from|as|a|an|that|this|which|who"
_PRONOUN_WORDS = frozenset("he she it they we i this that".split())
_COORDINATED = re.compile(rf"(?:\band|\bbut|,)\s+(?:{_ADVERBS}\s+)*$")


def _without_determiner(phrase: str) -> str:
    """"the ministry" -> "ministry": group speakers are named without their article."""
    return re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)


@cached
def _group_phrase() -> str:
    """Regex of a group speaker: optional article, up to two capitalised words and two modifiers, a
    group noun ("a NATO official", "Citi analysts", "the government spokesperson"); group 1 is the
    phrase without its article."""
    nouns = "|".join(sorted(group_nouns(), key=len, reverse=True))
    return (rf"(?:(?:the|a|an|The|A|An)\s+)?((?:[A-Z][\w.&’'-]*\s+){{0,2}}"
            rf"(?:(?!(?:{_FUNCTION})\b)[a-z]{{2,}}\s+){{0,2}}(?:{nouns}))\b")


@cached
def _group_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A group phrase before a cue, a capitalised clause-initial phrase ("Moscow", "The Kremlin") before
    a cue, and a group phrase at the start of a text (after a quote, after "according to")."""
    group = re.compile(rf"{_group_phrase()}\s+(?:{_ADVERBS}\s+)*$")
    org = re.compile(
        rf"(?:^|[,;:]\s+|\b(?:and|but|while)\s+)(?:(?:The|the)\s+)?([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){{0,2}})"
        rf"\s+(?:{_ADVERBS}\s+)*$")
    leading = re.compile(rf"\s*{_group_phrase()}")
    return group, org, leading


@dataclass(frozen=True)
class Attribution:
    """Who said it, and how we know (offsets index the article text; -1 when absent)."""

    speaker: str = ""
    speaker_text: str = ""
    speaker_start: int = -1
    speaker_end: int = -1
    speaker_method: str = ""
    name_conflict: bool = False
    conflict_with: str = ""
    cue: str = ""
    cue_start: int = -1
    cue_end: int = -1


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    text: str
    lemma: str


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
        self.sentences = sentences
        self.sentence_starts = [s[0] for s in sentences]
        self.quoted = sorted(quoted)
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

    def _find_cues(self) -> list[Cue]:
        lexicon = cue_lexicon()
        cues = []
        mention_ends = {m.end for m in self.mentions}
        for start, end in lexicon.finditer(self.text):
            word = self.text[start:end]
            if self.in_quote(start):
                continue
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
        before = self.text[sent_start:m.start].lower().split()
        if before and before[-1] in ("the", "a", "an"):
            before = before[:-1]
        return not (before and before[-1] in _PREPOSITIONS)

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
                elif m.kind == "title":
                    holder = self.registry.resolve_title(m, resolved_names)
                    # a role nobody in the article holds is still a speaker, named by the role
                    value = (holder or _without_determiner(m.text), "")
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

    def _resolve_pronoun(self, m: Mention, subject, recent) -> tuple[str, str]:
        """The referent of "he"/"she": this sentence's subject, else the latest compatible subject."""
        gender = "m" if m.text.lower() == "he" else "f"
        candidates = ([subject] if subject else []) + list(reversed(recent[-4:]))
        for value in candidates:
            if self.gender.get(value[0], gender) == gender:
                self.gender.setdefault(value[0], gender)
                return value
        return ("", "")

    def _attribution(self, m: Mention, method: str, cue: Cue | None) -> Attribution:
        canonical, conflict = self.resolved.get(m.start, ("", ""))
        if m.kind == "group":
            canonical = m.name
        if not canonical:
            return Attribution()
        cue_fields = {} if cue is None else {"cue": cue.text, "cue_start": cue.start, "cue_end": cue.end}
        return Attribution(canonical, m.text, m.start, m.end, method, bool(conflict), conflict, **cue_fields)

    # ------------------------------------------------------------ speaker rules
    def group_before(self, start: int, end: int) -> Mention | None:
        """A group or organisation right before ``end`` ("Citi analysts", "US officials", "Moscow").

        A phrase ending in a group noun (``data/speaker_groups.txt``) counts
        anywhere; a capitalised phrase only at the start of a clause.
        """
        window = self.text[max(start, end - 120):end]
        offset_base = max(start, end - 120)
        group_pattern, org_pattern, _ = _group_patterns()
        found = group_pattern.search(window)
        if not found:
            found = org_pattern.search(window)
        if not found:
            return None
        phrase = found.group(1)
        glued = list(re.finditer(r"[a-z](?=[A-Z][a-z])", phrase))  # "PressureCiti": two blocks glued
        cut = glued[-1].end() if glued else 0
        offset = found.start(1) + cut
        phrase = phrase[cut:]
        if phrase.split()[0].lower() in _PRONOUN_WORDS:
            return None
        s = offset_base + offset
        canonical = _without_determiner(phrase)
        return Mention(s, s + len(phrase), phrase, "group", name=canonical)

    def speaker_before_cue(self, cue: Cue) -> Attribution:
        """The subject of ``cue``: the mention right before it, else the sentence's subject."""
        if cue.lemma == "according to":
            after = self.mentions_between(cue.end, min(len(self.text), cue.end + 80))
            if after and not self.text[cue.end:after[0].start].strip(" ,"):
                return self._attribution(after[0], "according to", cue)
            group = _group_patterns()[2].match(self.text, cue.end, min(len(self.text), cue.end + 80))
            if group:
                s, e = group.start(1), group.end(1)
                return self._attribution(Mention(s, e, self.text[s:e], "group", name=self.text[s:e]),
                                         "according to", cue)
            return Attribution()
        sent_start, _ = self.sentence_bounds(cue.start)
        passive = _PASSIVE.match(self.text, cue.end)
        if passive and cue.text.lower().endswith("ed"):
            # "Ministers accused of ‘abandoning’ ...": the subject is not the speaker
            if passive.group(1) == "by":
                after = self.mentions_between(passive.end(), min(len(self.text), passive.end() + 60))
                if after and after[0].start == passive.end():
                    return self._attribution(after[0], "agent of a passive cue", cue)
            return Attribution()
        before = [m for m in self.mentions_between(sent_start, cue.start) if m.start in self.resolved]
        participle = cue.text.lower().split()[0].endswith("ing")
        # a participle ("..., calling him") takes an apposition only right before it
        reach = 1 if participle else 3
        for k in range(len(before) - 1, max(-1, len(before) - 1 - reach), -1):
            m = before[k]
            gap = self.text[m.end:cue.start]
            if not _ADJACENT.match(gap) or m.possessive or (participle and "," in gap):
                continue
            if m.kind == "title" and k > 0 and _APPOSITION_GAP.match(self.text[before[k - 1].end:m.start]):
                return self._attribution(before[k - 1], "subject of cue (apposition)", cue)
            if m.kind == "title" and k + 1 < len(before) and before[k + 1].kind == "name" \
                    and _APPOSITION_GAP.match(self.text[m.end:before[k + 1].start]):
                # "The region's president, Stefano Bonaccini, said": the name, not the role
                return self._attribution(before[k + 1], "subject of cue (apposition)", cue)
            method = "subject of cue" if k == len(before) - 1 else "subject of cue (apposition)"
            return self._attribution(m, method, cue)
        group = self.group_before(sent_start, cue.start)
        if group is not None:
            return self._attribution(group, "group subject of cue", cue)
        coordinated = _COORDINATED.search(self.text[sent_start:cue.start]) is not None
        if participle or coordinated:
            i = self.sentence_index(cue.start)
            subject = self.subjects[i] if 0 <= i < len(self.subjects) else None
            if subject is not None and subject.start < cue.start:
                return self._attribution(subject, "subject of sentence", cue)
            first_np = re.match(r"([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})\s+(?:has|had|have|is|was|"
                                r"were|are|[a-z]{2,}ed|(?!this\b|thus\b|its\b)[a-z]{2,}s)\b",
                                self.text[sent_start:cue.start])
            if first_np and first_np.group(1).split()[0] not in ("The", "A", "An", "This", "It", "In", "On"):
                s = sent_start + first_np.start(1)
                phrase = first_np.group(1)
                return self._attribution(Mention(s, s + len(phrase), phrase, "group", name=phrase),
                                         "subject of sentence (organisation)", cue)
        return Attribution()

    def speaker_after_quote(self, close_end: int) -> Attribution:
        """A cue right after a closing mark: "..., he said", "..., said Hegseth"."""
        _, sent_end = self.sentence_bounds(max(0, close_end - 1))
        sent_end = max(sent_end, close_end)
        lead = _AFTER_MARK.match(self.text, close_end).end()
        window_end = min(sent_end, lead + 120)
        mentions = self.mentions_between(lead, window_end)
        cues = self.cues_between(lead, window_end)
        if mentions and mentions[0].start == lead and cues:
            m, cue = mentions[0], cues[0]
            if _ADJACENT.match(self.text[m.end:cue.start]) and m.start in self.resolved:
                return self._attribution(m, "after quote", cue)
        if cues and cues[0].start == lead:
            cue = cues[0]
            if cue.lemma == "according to":
                return self.speaker_before_cue(cue)
            after = [m for m in mentions if m.start >= cue.end]
            if after and not self.text[cue.end:after[0].start].strip() and after[0].start in self.resolved:
                return self._attribution(after[0], "after quote (inverted)", cue)
        name = re.match(r"([A-Z][a-z][\w’'-]*(?:\s+[A-Z][a-z][\w’'-]*){0,2})\s+", self.text[lead:window_end])
        if name:
            for cue in cues:
                if cue.start == lead + name.end() and cue.text[0].islower():
                    # "..., Hart said.": an unregistered name right before the cue is still the speaker
                    m = Mention(lead, lead + len(name.group(1)), name.group(1), "group", name=name.group(1))
                    return self._attribution(m, "after quote (unregistered name)", cue)
        group = _group_patterns()[2].match(self.text, lead, window_end)
        if group:
            gap = re.match(rf"\s+(?:{_ADVERBS}\s+)*", self.text[group.end():window_end])
            for cue in cues:
                if gap and cue.start == group.end() + gap.end():
                    s0, e0 = group.start(1), group.end(1)
                    m = Mention(s0, e0, self.text[s0:e0], "group", name=self.text[s0:e0])
                    return self._attribution(m, "after quote", cue)
        return Attribution()

    def continued(self, attribution: Attribution, method: str) -> Attribution:
        """The same speaker under another method name."""
        return replace(attribution, speaker_method=method)
