"""Who "it", "they" or a bare description ("the 23-year-old") stands for: the narrative subject before it.

News writes a speaker once and then refers back: "Acme defended the decision.
“...,” it said."; "Prosecutors were blunt. “...”"; "Ana Ruiz scored twice.
“...,” the striker said.". These functions look back over the few sentences
before a quotation or a cue for the subject that such a reference stands for:
an organisation or group for "it"/"they", a person for a description. They read
only the article's own sentences (no list of names), so they work on any text.
"""

from __future__ import annotations

import re

from .attribution import _ADVERBS, ArticleSpeakers, Attribution, Cue, _group_patterns
from .speakers import group_nouns, organisation_words

#: Sentences read back from the reference for its antecedent.
LOOK_BACK = 3
# a capitalised phrase opening a sentence, before a lower-case word: "The Kremlin said", "Acme Corp defended"
_LEADING_NP = re.compile(
    r"[\s\"“”‘’'(]*(?:(?:The|the)\s+)?([A-Z][\w.&’'-]*(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?[A-Z][\w.&’'-]*){0,4})"
    r"(?:[’']s)?\s+(?=[a-z])"
)
_NOT_ORGANISATION = frozenset(
    "in on at for after before when while as if although though but and however meanwhile this that these those "
    "it its he she they we i there here yesterday today tomorrow last next according mr mrs ms dr sir lady "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december".split()
)
_PRONOUN_BEFORE_CUE = re.compile(rf"\b([Ii]t|[Tt]hey)\s+(?:{_ADVERBS}\s+)*$")
# "..., the 23-year-old said", "..., the striker told reporters": a description, then the cue
_DESCRIPTION = re.compile(r"[\s,]*(?:the|The)\s+((?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:" + _ADVERBS + r"\s+)*")


def organisation_subject(speakers: ArticleSpeakers, index: int) -> Attribution | None:
    """The organisation or group that is the subject of sentence ``index``, else None.

    A group mention in subject position, a capitalised phrase opening the
    sentence that is no registered person ("Acme Corp defended ..."), or a group
    phrase opening it ("Prosecutors were blunt").
    """
    text = speakers.text
    s_start, s_end = speakers.sentences[index][0], speakers.sentences[index][1]
    subject = speakers.subjects[index]
    if subject is not None and subject.kind == "group":
        return speakers._attribution(subject, "", None)
    if subject is not None and text[s_start:subject.start].strip(" \"“”‘’'(") == "":
        return None  # a person opens the sentence
    found = _LEADING_NP.match(text, s_start, s_end)
    if found and found.group(1).split()[0].lower() not in _NOT_ORGANISATION:
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
    return Attribution()


def pronoun_subject_of_cue(speakers: ArticleSpeakers, cue: Cue, method: str = "it/they: organisation antecedent"
                           ) -> Attribution:
    """For "it said", "they warned": the antecedent of the pronoun right before ``cue`` (empty otherwise)."""
    sent_start, _ = speakers.sentence_bounds(cue.start)
    found = _PRONOUN_BEFORE_CUE.search(speakers.text, sent_start, cue.start)
    if not found:
        return Attribution()
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
    return Attribution()


def reference_after_quote(speakers: ArticleSpeakers, close_end: int) -> Attribution:
    """"..., it said" / "..., the striker said" right after a closing mark: the antecedent, or empty."""
    text = speakers.text
    _, sent_end = speakers.sentence_bounds(max(0, close_end - 1))
    window_end = min(max(sent_end, close_end), close_end + 80)
    lead = re.match(r"[\s,.;!?…—–-]*", text[close_end:window_end]).end() + close_end
    cues = speakers.cues_between(lead, window_end)
    if not cues or not cues[0].text[:1].islower():
        return Attribution()
    cue = cues[0]
    pronoun = re.match(rf"(it|they)\s+(?:{_ADVERBS}\s+)*$", text[lead:cue.start])
    if pronoun:
        a = pronoun_antecedent(speakers, pronoun.group(1), lead, "after quote (it/they: organisation antecedent)")
    else:
        described = _DESCRIPTION.fullmatch(text, lead, cue.start)
        if not described:
            return Attribution()
        words = described.group(1).lower().split()
        if words[-1].endswith("s") or words[-1] in group_nouns() or set(words) & organisation_words():
            return Attribution()  # "the company", "the unions": a group as written, not a person
        a = narrative_person(speakers, lead, "after quote (description of the narrative subject)")
    if not a.speaker:
        return a
    return Attribution(a.speaker, a.speaker_text, a.speaker_start, a.speaker_end, a.speaker_method, cue=cue.text,
                       cue_start=cue.start, cue_end=cue.end, speaker_type=a.speaker_type)
