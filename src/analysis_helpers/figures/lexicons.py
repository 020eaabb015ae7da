"""The lexicons of numeric-figure extraction, read from ``data/`` (users can extend them).

``currencies.csv`` (symbols, codes and words with their ISO 4217 code),
``figure_units.csv`` (percent, time and measure units), ``figure_bounds.csv``
("over" is ``>``), ``one_idioms.txt`` (nouns after which "one" is not a count) and
``hyphen_idioms.txt`` (words that make "two-way" an idiom) and
``figure_multipliers.csv`` ("twice", "tripled": ratios). ``figure_plurals.csv``
(irregular plurals) is read by :func:`.context.irregular_plurals`, its only user, so that
the string helpers of :mod:`.context` import nothing of this package but the resource loader.
"""

from __future__ import annotations

import csv
import re

from ..resources import cached, read_text



def _read_csv(name: str) -> list[dict]:
    text = read_text(name)
    return list(csv.DictReader(text.splitlines()))


@cached
def currencies() -> dict[str, tuple[str, str]]:
    """Currency forms from ``data/currencies.csv``: ``{form: (kind, ISO code)}``."""
    return {r["form"]: (r["kind"], r["code"]) for r in _read_csv("currencies.csv")}


@cached
def unit_words() -> dict[str, tuple[str, str]]:
    """Unit words from ``data/figure_units.csv``: ``{word: (unit, kind)}`` (lower-case keys)."""
    return {r["word"].lower(): (r["unit"], r["kind"]) for r in _read_csv("figure_units.csv")}


@cached
def bound_phrases() -> dict[str, str]:
    """Bound cues from ``data/figure_bounds.csv``: ``{"over": ">", "around": "~", ...}``."""
    return {r["phrase"].lower(): r["bound"] for r in _read_csv("figure_bounds.csv")}


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first, each escaped."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cached
def one_idioms() -> frozenset[str]:
    """Nouns that make "one" an idiom, not a count ("one way or another"), from ``data/one_idioms.txt``."""
    text = read_text("one_idioms.txt")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@cached
def hyphen_idioms() -> frozenset[str]:
    """Words that make "number-word" an idiom, not a count ("two-way"), from ``data/hyphen_idioms.txt``."""
    text = read_text("hyphen_idioms.txt")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))




@cached
def multiplier_words() -> dict[str, float]:
    """Words that state a ratio ("twice", "doubled", "tripled"): ``{word: factor}``, from ``data/figure_multipliers.csv``."""
    return {r["word"].lower(): float(r["value"]) for r in _read_csv("figure_multipliers.csv")}
