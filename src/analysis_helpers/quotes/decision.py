"""Choose the speaker of a quote among candidates: a transparent linear score.

Every rule of :mod:`~analysis_helpers.quotes.attribution` proposes a candidate
speaker with features (which rule found it, how the speaker is written, the
kind of cue, the distance to the quotation). A candidate's score is the sum of
the weights of its features (``data/attribution_weights.csv``, one row per
feature, with its meaning); the highest score wins and its logistic,
``1 / (1 + exp(-score))``, is the ``speaker_confidence`` of the row; a
candidate below even odds (score under 0) is rejected. The weights
were set by hand on the Wikinews development half and read like the old rule
order: a cue adjacent to the quotation beats a cue before it in the sentence,
which beats a sentence subject, which beats a speaker carried over from an
earlier quotation. A low confidence marks what a researcher should check.

Weights are data: pass ``weights=`` (a path or a ``{feature: weight}`` dict) to
:func:`~analysis_helpers.quotes.extract.extract_quotes` to change them.
"""

from __future__ import annotations

import pandas as pd

import csv
import math
from dataclasses import dataclass
from pathlib import Path

from ..resources import cached, read_text
from .records import replace

#: Candidates scoring below this (confidence below 0.5) are rejected.
MIN_SCORE = 0.0
#: Lemmas of the plain verbs of speech (feature ``cue:speech``).
SPEECH_LEMMAS = frozenset({"say", "tell", "tell reporters", "add", "state", "comment", "explain", "reply"})


@dataclass(frozen=True, init=False)
class Candidate:
    """One possible speaker of a quote: the attribution a rule proposes and its features (default: none).

    ``__init__`` stores the fields straight into the instance dictionary, as the records of
    :mod:`.records` do (a frozen dataclass's generated one costs several times more).
    """
    attribution: object
    features: dict

    def __init__(self, attribution, features: dict | None = None):
        fields = self.__dict__
        fields["attribution"] = attribution
        fields["features"] = {} if features is None else features


@cached
def default_weights() -> dict[str, float]:
    """The weights in force, ``attribution_weights.csv`` (``feature`` -> ``weight``).

    The packaged file unless a ``lexicons=`` source replaces it (see :mod:`analysis_helpers.resources`).
    """
    text = read_text("attribution_weights.csv")
    return {row["feature"]: float(row["weight"]) for row in csv.DictReader(text.splitlines())}


def read_weights(weights=None) -> dict[str, float]:
    """Weights from ``None`` (packaged), a CSV path (``feature, weight``) or a mapping.

    Raises
    ------
    ValueError
        When a CSV lacks the ``feature`` or ``weight`` column (naming the file).
    """
    if weights is None:
        return default_weights()
    if isinstance(weights, (str, Path)):
        with open(weights, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        if rows and not {"feature", "weight"} <= set(rows[0]):
            raise ValueError(f"{weights}: attribution weights need the columns feature and weight")
        return {row["feature"]: float(row["weight"]) for row in rows}
    return {str(k): float(v) for k, v in dict(weights).items()}


def features_of(attribution, method: str, mention_kind: str, distance: int, cue_lemma: str = "") -> dict:
    """The feature dict of a candidate (see ``data/attribution_weights.csv``)."""
    features = {"bias": 1.0, f"method:{method}": 1.0, f"mention:{mention_kind}": 1.0,
                "distance_100_chars": max(0, distance) / 100}
    if cue_lemma in SPEECH_LEMMAS:
        features["cue:speech"] = 1.0
    return features


def score(features: dict, weights: dict) -> float:
    """Sum of weight times value over the features (unknown features weigh 0)."""
    return sum(weights.get(name, 0.0) * value for name, value in features.items())


def decide(candidates: list[Candidate], weights: dict):
    """The best candidate's attribution with ``speaker_confidence`` set (first candidate wins ties).

    Candidates scoring below :data:`MIN_SCORE` are rejected. Returns None when
    no candidate is left.
    """
    best, best_score = None, -math.inf
    for candidate in candidates:
        if not candidate.attribution.speaker:
            continue
        value = score(candidate.features, weights)
        if value < MIN_SCORE:
            continue  # below even odds: rejected
        if value > best_score:
            best, best_score = candidate, value
    if best is None:
        return None
    return replace(best.attribution, speaker_confidence=round(1 / (1 + math.exp(-best_score)), 3))


def mention_kind(attribution) -> str:
    """How the speaker is written: ``name``, ``title`` (a role in lower case), ``pronoun`` or ``group``."""
    written = attribution.speaker_text
    if written.lower() in ("he", "she", "they"):
        return "pronoun"
    if attribution.speaker_type == "person":
        return "title" if written[:1].islower() else "name"
    return "group"


def candidate(attribution, distance: int, form_to_lemma: dict[str, str]) -> Candidate:
    """A :class:`Candidate` for ``attribution`` with its features (see :func:`features_of`).

    ``form_to_lemma`` maps a cue as written (lower case) to its lemma: the cue lexicon in force,
    ``speakers.cue_lexicon().form_to_lemma``, passed in by the caller so that this module imports
    no lexicon of its own and stays a leaf of the quotes package.
    """
    lemma = form_to_lemma.get(attribution.cue.lower(), "")
    return Candidate(attribution, features_of(attribution, attribution.speaker_method, mention_kind(attribution),
                                              distance, lemma))


def indirect_confidence(attribution, weights: dict, form_to_lemma: dict[str, str]):
    """``attribution`` of a reported-speech span with its ``speaker_confidence`` set (``form_to_lemma``: see :func:`candidate`)."""
    if not attribution.speaker:
        return attribution
    lemma = form_to_lemma.get(attribution.cue.lower(), "")  # the features of :func:`candidate` at distance 0
    value = score(features_of(attribution, attribution.speaker_method, mention_kind(attribution), 0, lemma), weights)
    return replace(attribution, speaker_confidence=round(1 / (1 + math.exp(-value)), 3))


def weights_table(weights=None):
    """The weights as a DataFrame: ``feature``, ``weight``, ``meaning`` (packaged meanings; "" for others)."""
    text = read_text("attribution_weights.csv")
    meanings = {row["feature"]: row["meaning"] for row in csv.DictReader(text.splitlines())}
    values = read_weights(weights)
    return pd.DataFrame({"feature": list(values), "weight": list(values.values()),
                         "meaning": [meanings.get(f, "") for f in values]})
