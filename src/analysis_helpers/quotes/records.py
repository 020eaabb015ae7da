"""The records the quotation rules pass between them: an :class:`Attribution` and a :class:`Cue`.

Plain data with no imports of this package, so that the candidate rules
(:mod:`.candidates`, :mod:`.reported_speech`) and the scoring (:mod:`.decision`)
can build and read them without importing :mod:`.attribution`, whose
:class:`~.attribution.ArticleSpeakers` they receive as an argument.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, init=False)
class Attribution:
    """Who said it, and how we know (offsets index the article text; -1 when absent).

    Frozen like :class:`Cue`; its ``__init__`` (defaults: no speaker) stores the fields straight into
    the instance dictionary: the generated one of a frozen dataclass sets each field through
    ``object.__setattr__``, about four times the cost, and the rules build tens of records per article.
    """

    speaker: str
    speaker_text: str
    speaker_start: int
    speaker_end: int
    speaker_method: str
    name_conflict: bool
    conflict_with: str
    cue: str
    cue_start: int
    cue_end: int
    speaker_type: str
    speaker_confidence: float

    def __init__(self, speaker: str = "", speaker_text: str = "", speaker_start: int = -1, speaker_end: int = -1,
                 speaker_method: str = "", name_conflict: bool = False, conflict_with: str = "", cue: str = "",
                 cue_start: int = -1, cue_end: int = -1, speaker_type: str = "", speaker_confidence: float = 0.0):
        fields = self.__dict__
        fields["speaker"] = speaker
        fields["speaker_text"] = speaker_text
        fields["speaker_start"] = speaker_start
        fields["speaker_end"] = speaker_end
        fields["speaker_method"] = speaker_method
        fields["name_conflict"] = name_conflict
        fields["conflict_with"] = conflict_with
        fields["cue"] = cue
        fields["cue_start"] = cue_start
        fields["cue_end"] = cue_end
        fields["speaker_type"] = speaker_type
        fields["speaker_confidence"] = speaker_confidence


#: The empty attribution (no speaker found), shared: building a frozen record field by field costs more
#: than the rules that most often return it.
NO_ATTRIBUTION = Attribution()


@dataclass(frozen=True, init=False)
class Cue:
    """A reporting verb (or other cue) in the article: offsets, the words as written and their lemma.

    Frozen and hashable (the rules key their per-cue answers by it); ``__init__`` as :class:`Attribution`'s.
    """

    start: int
    end: int
    text: str
    lemma: str

    def __init__(self, start: int, end: int, text: str, lemma: str):
        fields = self.__dict__
        fields["start"] = start
        fields["end"] = end
        fields["text"] = text
        fields["lemma"] = lemma


def replace(record, **changes):
    """``dataclasses.replace(record, **changes)`` for an :class:`Attribution` or a :class:`Cue`.

    The same new record, built from the instance dictionary: ``dataclasses.replace`` reads the field
    list and every field by name on each call, several times the cost of the rules that call it.
    """
    fields = record.__dict__.copy()
    fields.update(changes)
    return type(record)(**fields)
