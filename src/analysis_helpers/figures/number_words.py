"""Read numbers written in words: cardinals, ordinals, fractions and scale words.

"twenty-five" is 25, "three hundred and ten" is 310, "two-thirds" is 2/3,
"twenty-sixth" is the ordinal 26, "one and a half" is 1.5, "billion" scales by
1e9. The vocabulary is closed English grammar, so it lives here rather than in
a data file; scale abbreviations that outlets invent ("bn", "mn") are in
``data/number_scales.csv``.
"""

from __future__ import annotations

import csv
import re

from ..resources import cached, read_text

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
#: Multipliers that can follow a cardinal inside one spelled number.
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
               "trillion": 1_000_000_000_000}
DOZEN = {"dozen": 12}

ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000,
}
#: Denominators of spelled fractions ("a third", "two-thirds", "three quarters").
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}

CARDINAL_WORDS = {**UNITS, **TENS, **MULTIPLIERS, **DOZEN}

_CARDINAL_ALT = "|".join(sorted(CARDINAL_WORDS, key=len, reverse=True))
_TENS_ALT = "|".join(TENS)
_ORD_ALT = "|".join(sorted(ORDINAL_UNITS, key=len, reverse=True))
_DEN_ALT = "|".join(sorted(DENOMINATORS, key=len, reverse=True))
#: "and" joins the words of one number only after a multiplier ("three hundred and ten"); "eight and
#: fourteen" are two numbers.
_AFTER_MULTIPLIER = "(?:" + "|".join(f"(?<={w})" for w in MULTIPLIERS) + ")"
_SEP = rf"(?:{_AFTER_MULTIPLIER}[\s-]+and[\s-]+|[\s-]+|[\s]*-[\s]*)"

#: One spelled cardinal: "five", "twenty-five", "three hundred and ten", "a hundred".
SPELLED_CARDINAL = rf"(?:{_CARDINAL_ALT})(?:{_SEP}(?:{_CARDINAL_ALT}))*"
#: A spelled ordinal, compound or not: "third", "twenty-sixth".
SPELLED_ORDINAL = rf"(?:(?:{_TENS_ALT})[\s-]+)?(?:{_ORD_ALT})"
#: A fraction word after its numerator: "thirds", "half", "quarters".
FRACTION_WORD = rf"(?:{_DEN_ALT})"


def words_of(phrase: str) -> list[str]:
    """Lower-case number words of ``phrase``, with ``and`` and hyphens dropped."""
    return [w for w in re.split(r"[\s\-‑–]+", phrase.lower()) if w and w != "and"]


def cardinal_value(phrase: str) -> float | None:
    """Value of a spelled cardinal ("twenty-five" -> 25, "two million" -> 2e6), else None.

    "a"/"an" count as one when a multiplier follows ("a hundred", "a dozen").
    A chain of words whose value does not fit a float (beyond :data:`LARGEST_CARDINAL`,
    "one hundred hundred hundred ...") is no figure: None, not an ``OverflowError``.
    """
    parts = words_of(phrase)
    if parts and parts[0] in ("a", "an") and len(parts) > 1:
        parts[0] = "one"
    if not parts or any(p not in CARDINAL_WORDS for p in parts):
        return None
    total, current = 0, 0
    for word in parts:
        if word in UNITS or word in TENS:
            current += UNITS.get(word, TENS.get(word, 0))
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        else:  # thousand, million, billion, trillion
            total += (current or 1) * MULTIPLIERS[word]
            current = 0
        if current > LARGEST_CARDINAL or total > LARGEST_CARDINAL:
            return None  # stops the integers growing with the chain, too
    return float(total + current)


#: Spelled values above this are not read as figures (a float holds up to about 1.8e308).
LARGEST_CARDINAL = 10 ** 300


def ordinal_value(phrase: str) -> float | None:
    """Value of a spelled ordinal ("twenty-sixth" -> 26), else None."""
    parts = words_of(phrase)
    if not parts or parts[-1] not in ORDINAL_UNITS:
        return None
    head = sum(TENS.get(p, -10_000) for p in parts[:-1])
    if head < 0:
        return None
    return float(head + ORDINAL_UNITS[parts[-1]])


def fraction_value(numerator: str, denominator_word: str) -> float | None:
    """Value of a spelled fraction: ("two", "thirds") -> 0.667, ("a", "quarter") -> 0.25."""
    num = 1.0 if numerator.lower() in ("a", "an", "one", "") else cardinal_value(numerator)
    den = DENOMINATORS.get(denominator_word.lower())
    if num is None or den is None:
        return None
    return num / den


def digit_value(token: str) -> float | None:
    """Value of a digit number with thousands commas or thin spaces ("10,000" -> 10000.0)."""
    if re.fullmatch(r"\d+,\d{1,2}", token):  # a decimal comma ("8,26%"); thousands take three digits
        token = token.replace(",", ".")
    cleaned = re.sub(r"[,\u202f\u2009]", "", token)
    try:
        return float(cleaned)
    except ValueError:
        return None


@cached
def scale_words() -> dict[str, float]:
    """Scale words and abbreviations from ``data/number_scales.csv``: ``{"bn": 1e9, ...}``."""
    text = read_text("number_scales.csv")
    return {row["word"].lower(): float(row["factor"]) for row in csv.DictReader(text.splitlines())}
