"""Word lists, patterns and number words for the timex tagger (:mod:`.timexes`).

Constants and pure functions only: this module imports nothing, so the rules stand low in the
import graph. The data users extend lives in ``data/`` and is read by :mod:`analysis_helpers.resources`
(:func:`~analysis_helpers.resources.anchor_events`, the gazetteer of named events;
:func:`~analysis_helpers.resources.holidays`; :func:`~analysis_helpers.resources.exclusions`, the
words that make a time word part of a name).
"""

from __future__ import annotations

import re

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                       "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2, "couple": 2, "a dozen": 12,
    "single": 1, "half a": 0.5, "a half": 0.5,
}
FUZZY_NUMBERS = {"several", "many", "a few", "few", "some", "dozens of", "hundreds of",
                 "a number of", "countless", "multiple"}
UNIT_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W",
              "fortnight": "W", "month": "M", "year": "Y", "decade": "Y", "century": "Y",
              "quarter": "Q", "weekend": "WE"}
UNIT_FACTORS = {"decade": 10, "century": 100, "fortnight": 2}
DURATION_MODS = {
    "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN", "upwards of": "MORE_THAN",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "under": "LESS_THAN", "just under": "LESS_THAN",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "barely": "LESS_THAN",
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "some": "APPROX", "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
}
POINT_MODS = {"early": "START", "the beginning of": "START", "the start of": "START",
              "the first days of": "START", "late": "END", "the end of": "END",
              "the close of": "END", "mid": "MID", "the middle of": "MID", "mid-": "MID"}
SIGNAL_MODS = {"within": "EQUAL_OR_LESS", "pre-": "BEFORE", "post-": "AFTER"}
PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}

_NUM_WORDS = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
NUM = (rf"(?i:\d+[- ][1-9]/[2-9](?!\d)|\d+(?:\.\d+)?|(?:{_TENS})[- ](?:{_ONES})|(?:{_NUM_WORDS}|{_ONES})(?: and a half)?"
       rf"|{'|'.join(sorted(FUZZY_NUMBERS, key=len, reverse=True))})")
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie)|quarter)"
MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
         r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
POINT_MOD = r"(?:(?P<pmod>(?i:early|late|mid|the (?:beginning|start|end|middle|close) of))(?:-|\s+))?"
CUE = (r"(?i:in|since|by|until|till|from|through|throughout|during|before|after|of|to|between|and"
       r"|for|on|around|as of|starting|ending|last|next|this|that|early|late|mid|or)")






def number_value(word: str) -> float | None:
    """A number word or numeral as a number; None for fuzzy quantities ("several")."""
    word = word.lower().strip()
    if word in FUZZY_NUMBERS:
        return None
    half = word.endswith(" and a half")
    if half:
        word = word[: -len(" and a half")]
    if mixed := re.fullmatch(r"(\d+)[- ]([1-9])/([2-9])", word):  # "1-1/2", "2 1/2": a whole and a fraction
        value = int(mixed[1]) + int(mixed[2]) / int(mixed[3])
    elif re.fullmatch(r"\d+(?:\.\d+)?", word):
        value = float(word)
    elif m := re.fullmatch(rf"({_TENS})[- ]({_ONES})", word):
        value = NUMBER_WORDS[m[1]] + NUMBER_WORDS[m[2]]
    elif word in NUMBER_WORDS:
        value = NUMBER_WORDS[word]
    else:
        return None
    return value + 0.5 if half else value


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def duration_value(number: float | None, unit: str) -> str:
    """TIMEX3 duration: ``P3Y``, ``PT30M``, ``PXM`` for an unknown count."""
    unit = unit.lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    code = UNIT_CODES[unit]
    if number is None:
        count = "X"
        if unit in ("decade", "century"):
            code = "DE" if unit == "decade" else "CE"
    else:
        count = _fmt(number * UNIT_FACTORS.get(unit, 1))
    time_part = "T" if unit in ("second", "minute", "hour") else ""
    return f"P{time_part}{count}{code}"


def month_number(name: str) -> int:
    name = name.lower().rstrip(".")
    if name in MONTHS:
        return MONTHS.index(name) + 1
    return MONTH_ABBREVIATIONS[name]
