"""The records the quotation rules pass between them: an :class:`Attribution` and a :class:`Cue`.

Plain data with no imports of this package, so that the candidate rules
(:mod:`.candidates`, :mod:`.reported_speech`) and the scoring (:mod:`.decision`)
can build and read them without importing :mod:`.attribution`, whose
:class:`~.attribution.ArticleSpeakers` they receive as an argument.
"""

from __future__ import annotations

from dataclasses import dataclass


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
    speaker_type: str = ""
    speaker_confidence: float = 0.0


#: The empty attribution (no speaker found), shared: building a frozen record field by field costs more
#: than the rules that most often return it.
NO_ATTRIBUTION = Attribution()


@dataclass(frozen=True)
class Cue:
    """A reporting verb (or other cue) in the article: offsets, the words as written and their lemma."""

    start: int
    end: int
    text: str
    lemma: str
