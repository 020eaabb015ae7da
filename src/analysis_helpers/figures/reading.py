# Above 400 lines: twelve core readers (CORE_READERS) and twenty-one ordered context steps (CONTEXT_STEPS) update one Reading; the step order is the grammar, read top to bottom.
"""Read one figure from its number core: per-case readers dispatched from a table, then context steps.

:func:`read_figure` is given a match of the core pattern (``_patterns()["core"]``),
whose named group says what kind of number core it found ("digit", "card",
"frac", "vague"...). :data:`CORE_READERS` maps each group to the reader that
turns the core into a first :class:`Reading` (kind, value, rule) or rejects it.
:data:`CONTEXT_STEPS` then run in order, each reading the words around the
number (currency and sign before it, bound and change words, a range, a scale
word, percent, currency word or unit after it, names and years to reject...)
and updating the reading or rejecting it. The order is the order in which the
words of a figure are read: it matters and is documented on each step.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from ..resources import cached
from .context import STOP_WORDS, TIME_UNITS, base_phrase, counted_noun, lemma, subject_phrase
from .lexicons import (
    alternation, bound_phrases, currencies, hyphen_idioms, multiplier_words, one_idioms, unit_words,
)
from .number_words import (
    FRACTION_WORD, SPELLED_CARDINAL, SPELLED_ORDINAL, cardinal_value, digit_value, fraction_value,
    ordinal_value, scale_words,
)

MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))


# ---------------------------------------------------------------- the grammar
@cached
def _patterns() -> dict[str, re.Pattern]:
    cur = currencies()
    prefix = [f for f, (k, _) in cur.items() if k in ("symbol", "code")]
    words = [f for f, (k, _) in cur.items() if k in ("word", "code")]
    scales = scale_words()
    units = unit_words()
    bounds = bound_phrases()
    num = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+,\d{1,2}(?=\s?%)|\d+(?:\.\d+)?"
    spelled = rf"{SPELLED_CARDINAL}"
    long_scales = [w for w in scales if len(w) > 1]
    return {
        # The number core. Alternatives are tried in order at each position.
        "core": re.compile(
            rf"(?P<fold>\b(?P<foldnum>\d+(?:\.\d+)?|{spelled})[\s-]?fold\b)"
            rf"|(?P<mult>\b(?:{alternation(multiplier_words())})\b(?!-))"
            rf"|(?P<notable>\b(?:a|an|one)\s+[a-z]+\s+(?P<nfrac>{FRACTION_WORD})(?=\s+of\b))"
            rf"|(?P<frac>\b(?P<fnum>{spelled}|a|an)[\s-]+(?P<fden>{FRACTION_WORD})\b)"
            rf"|(?P<vague>\b(?P<vprefix>(?:tens|hundreds)\s+of\s+)?(?P<vscale>dozens|hundreds|thousands|millions|billions)\b)"
            rf"|(?P<dfrac>(?<![\w/.])(?P<dnum>\d{{1,2}})/(?P<dden>\d{{1,2}})(?![\w/]))"
            rf"|(?P<rank>(?:\b(?-i:No|Nos)\.?\s?|#)(?P<rnum>\d+)\b)"
            rf"|(?P<digit>(?<![\w.,:'’])(?P<dval>{num})(?P<suffix>[A-Za-z]+)?)"
            rf"|(?P<ordw>\b{SPELLED_ORDINAL}\b)"
            rf"|(?P<card>\b(?:(?:a|an)\s+(?=(?:{alternation(['hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen'])})\b))?{spelled}\b)"
            rf"|(?P<half>\bhalf\b)"
            rf"|(?P<aunit>\b(?:a|an)(?=\s+(?:year|month|week|day|hour|decade|century|minute)\b))",
            re.IGNORECASE,
        ),
        "currency_before": re.compile(rf"(?:(?<![A-Za-z])(?:{alternation(prefix)}))\s?$"),
        # a minus sign is attached to its number: "-5%"; "cases - 44 - involve" is punctuation
        "sign_before": re.compile(r"(?<![\w\d])[-−–]$"),
        "bound_before": re.compile(rf"\b(?:{alternation(bounds)})\s+$", re.IGNORECASE),
        "change_before": re.compile(
            r"\b(?P<verb>rose|rise|rises|rising|risen|increased?|increases|increasing|grew|grow|grows|growing|"
            r"jumped|jumps|climbed|climbs|surged|soared|gained|gains|added|adds|up|fell|falls|falling|fallen|fall|"
            r"dropped|drops|declined?|declines|decreased?|decreases|slid|slumped|plunged|lost|shed|sheds|down|cut|cuts|"
            r"shrank|shrunk)\s+(?:by\s+|to\s+|from\s+)?(?:(?:" + alternation(bounds) + r")\s+)?[^\s]*$",
            re.IGNORECASE,
        ),
        "range": re.compile(rf"^\s*(?:-|–|—|to|and)\s*(?P<cur>{alternation(prefix)})?\s?(?P<num>{num}|{spelled})\b",
                            re.IGNORECASE),
        "scaled_range": re.compile(
            rf"^\s*(?P<joiner>-|–|to|and)\s*(?:{alternation(prefix)})?\s?(?P<num>{num})"
            rf"(?:\s+|-)?(?P<scale>{alternation(long_scales)})?\b", re.IGNORECASE),
        "scale_after": re.compile(rf"^(?:\s+|-)?(?P<scale>{alternation(long_scales)})\b", re.IGNORECASE),
        "currency_after": re.compile(rf"^(?:\s+|-)(?P<cur>{alternation(words)})(?![\w$])"),
        "unit_after": re.compile(rf"^(?:\s+|\s?-\s?)?(?P<unit>{alternation(units)})(?![\w/])(?P<old>-old)?",
                                 re.IGNORECASE),
        "percent_sign": re.compile(r"^\s?%"),
    }


# ---------------------------------------------------------------- exclusions
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?[ \t]*(?:of[ \t]+)?(?:{_MONTH_ALT})\b\.?", re.IGNORECASE)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTH_ALT})\.?[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
_TIME_AFTER = re.compile(r"^(?::\d{2}|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|BST|CET|EST|ET\b|o'clock|hrs\b|h\b))",
                         re.IGNORECASE)
_IDENT_BEFORE = re.compile(r"(?:[A-Za-z][-‑/]|[A-Za-z]\.(?=\d))$")
_CAPITAL_WORD_BEFORE = re.compile(r"(?:\b|&)(?P<word>[a-z]*[A-Z][A-Za-z]*)(?P<poss>['’]s)?\s$")
#: A version or model name before digits: "iPhone 4", "iOS 4.0", "OS X 10.5", "version 2.1".
_VERSION_NAME_BEFORE = re.compile(r"(?:\b[a-z]+[A-Z][A-Za-z]*|\b[A-Z][A-Za-z]*\s[A-Z]|\b[Vv]ersion|\b[Rr]elease|\bv)\s?$")
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[“\"(]\s*)$")
#: Words after a multiple of a fraction that make it a quantity: "a quarter-century", "a half-dozen".
_FRACTION_OF_UNIT = {"century": ("duration", "year", 100.0), "decade": ("duration", "year", 10.0),
                     "dozen": ("count", "", 12.0), "hour": ("duration", "hour", 1.0),
                     "year": ("duration", "year", 1.0)}
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_VERSION_AFTER = re.compile(r"^\.\d|^-(?:[A-Z]|[a-z]{1,2}\b)")


# ---------------------------------------------------------------- helpers
_PRONOUN_ONE_BEFORE = re.compile(r"\b(?:no|any|every|each|the|this|that|which|someone|anyone|such)\s+$", re.IGNORECASE)


def _one_counts_a_noun(text: str, start: int, end: int) -> bool:
    """True when "one" counts the noun right after it ("one man", "one particular demand")."""
    if _PRONOUN_ONE_BEFORE.search(text[max(0, start - 12):start]):
        return False
    nxt = re.match(r"^\s+(?P<w>[a-z][a-z'’-]*)", text[end:end + 30])
    if not nxt:
        return False
    word = nxt.group("w")
    return word not in STOP_WORDS and word not in one_idioms() and not word.endswith(("ly", "ing", "ed"))


def _subject(text: str, start: int, end: int, kind: str, noun_phrase: str) -> str:
    """The subject phrase; a count or ordinal names its noun phrase ("annexed regions of Ukraine")."""
    if kind in ("count", "ordinal") and noun_phrase:
        after_noun = text.find(noun_phrase, end, end + 60 + len(noun_phrase))  # only a noun within 60 counts
        if 0 <= after_noun - end <= 60:
            rest = text[after_noun + len(noun_phrase):after_noun + len(noun_phrase) + 80]
            tail = subject_phrase("", rest)
            head = subject_phrase(text[max(0, start - 80):start], "")
            return " ".join(part for part in (head, noun_phrase, tail) if part)
    return subject_phrase(text[max(0, start - 80):start], text[end:end + 80])


def _number_value(token: str) -> float | None:
    if re.match(r"^[\d.,]+$", token):
        return digit_value(token)
    return cardinal_value(token)




# ---------------------------------------------------------------- the reading of one figure
@dataclass
class Reading:
    """One figure as it is read: the number core first, then the words around it.

    ``low`` and ``high`` are the raw range ends (before scale and sign); after
    :func:`_scaled_values` ``value``, ``low`` and ``high`` are the stated values.
    """

    text: str
    m: re.Match
    start: int
    end: int
    kind: str = ""
    unit: str = ""
    value: float | None = None
    rule: str = ""
    several_range: tuple | None = None
    noun_phrase: str = ""
    vague_high: float | None = None
    currency: str = ""
    sign: int = 1
    bound: str = "="
    change: str = ""
    low: float | None = None
    high: float | None = None
    scale: float = 1.0
    base: str = ""
    per: str = ""

    @property
    def group(self) -> str:
        return self.m.lastgroup

    @property
    def before(self) -> str:
        """The 60 characters before the number core."""
        return self.text[max(0, self.m.start() - 60):self.m.start()]


# ---- readers of the number core, one per group of the core pattern (True = go on, False = not a figure)
def _read_notable(r: Reading) -> bool:
    """ "a notable third of members": the fraction word after an article and an adjective."""
    r.start = r.m.start("nfrac")
    r.value = fraction_value("a", r.m.group("nfrac"))
    r.kind, r.rule = "fraction", "fraction-article-adjective"
    return True


def _read_spelled_fraction(r: Reading) -> bool:
    """ "two-thirds", "a quarter of"; "a third term" is an ordinal, "twenty-fifth" too."""
    m, text = r.m, r.text
    r.value = fraction_value(m.group("fnum"), m.group("fden"))
    if r.value is None:
        return False
    den = m.group("fden").lower()
    of_unit = re.match(r"^[-\s](?P<u>century|decade|dozen|hour|year)\b(?!-)", text[r.end:r.end + 9], re.IGNORECASE)
    if of_unit and (den == "half" or den.startswith("quarter") or den.startswith("third")):
        # "a quarter-century" (25 years), "a half-dozen" (6), "a half-hour"
        kind, unit, size = _FRACTION_OF_UNIT[of_unit.group("u").lower()]
        r.value, r.kind, r.unit, r.end = r.value * size, kind, unit, r.end + of_unit.end()
        r.rule = "fraction-of-unit"
        return True
    singular_article = m.group("fnum").lower() in ("a", "an", "one") and not den.endswith("s")
    if not singular_article and not den.endswith("s") and den != "half":
        compound = ordinal_value(m.group("frac"))  # "twenty-fifth" is an ordinal, not 20/5
        if compound is None:
            return False
        r.value, r.kind, r.rule = compound, "ordinal", "ordinal-spelled"
    # "a third term" is an ordinal, "a third of voters" and "cut by a third." fractions.
    elif singular_article and den != "half" and not re.match(r"^(?:\s+of\b|\s*[.,;:)!?]|\s*$)", text[r.end:r.end + 5]):
        if ordinal_value(den) is None:
            return False
        r.start, r.value = m.start("fden"), ordinal_value(den)
        r.kind, r.rule = "ordinal", "ordinal-after-article"
    else:
        r.kind, r.rule = "fraction", "fraction-spelled"
    return True


def _read_vague(r: Reading) -> bool:
    """A plural magnitude word is a range up to the next order of magnitude: "thousands" 1,000 to 9,999,
    "tens of thousands" 10,000 to 99,999, "dozens" two dozen (24) to 99."""
    m, text = r.m, r.text
    base_value = {"dozens": 12.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6,
                  "billions": 1e9}[m.group("vscale").lower()]
    prefix = (m.group("vprefix") or "").lower()
    base_value *= 10.0 if prefix.startswith("tens") else 100.0 if prefix.startswith("hundreds") else 1.0
    if m.group("vscale").lower() == "dozens" and not prefix:
        r.value, r.vague_high = 24.0, 99.0
    else:
        r.value, r.vague_high = base_value, base_value * 10.0 - 1.0
    r.kind, r.rule = "count", "vague-magnitude"
    words = [f for f, (k, _) in currencies().items() if k == "word"]
    of_cur = re.match(r"^\s+of\s+(?P<cur>" + alternation(words) + r")\b", text[r.end:r.end + 40])
    if of_cur:
        r.kind, r.unit = "money", currencies()[of_cur.group("cur")][1]
        r.end += of_cur.end()
    return True


def _read_digit_fraction(r: Reading) -> bool:
    """ "1/3"; 24/7, 9/11 and dates are not fractions."""
    num, den = int(r.m.group("dnum")), int(r.m.group("dden"))
    if den == 0 or num >= den or den > 10:
        return False
    r.value, r.kind, r.rule = num / den, "fraction", "fraction-digits"
    return True


_BOUND_OR_ADVERB_BEFORE = re.compile(r"\b(?:than|about|nearly|almost|roughly|around|over|under|just|only|by)\s+$",
                                     re.IGNORECASE)


def _read_half(r: Reading) -> bool:
    """ "half a million" (a count), "half an hour" (a unit), "half of" (a fraction)."""
    text, end = r.text, r.end
    half_scale = re.match(r"^\s+(?:a|an)\s+(?P<scale>hundred|thousand|million|billion|trillion|dozen)\b",
                          text[end:end + 20], re.IGNORECASE)
    if half_scale:  # "half a million" is 500,000, a count
        end += half_scale.end()
        factor = {"dozen": 12.0}.get(half_scale.group("scale").lower()) or scale_words()[half_scale.group("scale").lower()]
        r.value, r.kind, r.rule = 0.5 * factor, "count", "half-a-scale"
    half_unit = None if half_scale else re.match(r"^\s+(?:a|an)\s+(?P<unit>[\w %]+?)(?![\w])", text[end:end + 30])
    unit_at = end + half_unit.end("unit") - len(half_unit.group("unit")) - 1 if half_unit else 0
    unit_m = _patterns()["unit_after"].match(text[unit_at:end + 40]) if half_unit else None
    if unit_m and unit_words()[unit_m.group("unit").lower()][1] in ("duration", "percent", "measure"):
        r.unit, r.kind = unit_words()[unit_m.group("unit").lower()]
        end = unit_at + unit_m.end()
        r.value, r.rule = 0.5, "half-a-unit"
    elif half_scale:
        pass
    elif re.match(r"^\s+(?:of|a|an|the|that|this|these|those|its|their|his|her|our|way)\b", text[end:end + 8],
                  re.IGNORECASE) or _BOUND_OR_ADVERB_BEFORE.search(r.before):
        r.value, r.kind, r.rule = 0.5, "fraction", "fraction-half"  # "half the price", "more than half"
    else:
        return False
    r.end = end
    return True


def _read_rank(r: Reading) -> bool:
    """ "No. 1", "#3"; "No 10" is the British prime minister's office, not a rank."""
    if r.m.group("rnum") == "10" and "." not in r.m.group("rank"):
        return False
    r.value, r.kind, r.rule = float(r.m.group("rnum")), "rank", "rank-number-sign"
    return True


def _read_spelled_ordinal(r: Reading) -> bool:
    """ "the third anniversary"; not "first" (novelty), names ("Second World War") or dates."""
    m, text, end = r.m, r.text, r.end
    word = m.group("ordw").lower()
    if word in ("first",) or word.endswith(" first") or word.endswith("-first"):
        return False  # "the first time" is novelty, not a position in a counted series
    if m.group("ordw")[0].isupper() and re.match(r"^\s+[A-Z]", text[end:end + 3]):
        return False  # part of a name: "the Second World War", "Fifth Republic"
    if _DATE_AFTER.match(text[end:end + 14]) or _DATE_BEFORE.search(r.before):
        return False
    if re.match(r"^\s*(?:-|–)\s*(?:largest|biggest|highest|lowest|smallest|most|best|worst)\b", text[end:end + 12]):
        r.kind, r.rule = "rank", "rank-ordinal-superlative"
    else:
        r.kind, r.rule = "ordinal", "ordinal-spelled"
    r.value = ordinal_value(word)
    return r.value is not None


def _read_article_time_unit(r: Reading) -> bool:
    """ "a year", "an hour": one of a time unit (checked for a preposition later)."""
    r.value, r.kind, r.rule = 1.0, "count", "article-time-unit"
    return True


def _read_spelled_cardinal(r: Reading) -> bool:
    """ "twenty-five", "a hundred"; "several hundred" is two to nine hundred."""
    token = r.m.group("card")
    r.value = cardinal_value(token)
    if r.value is None:
        return False
    r.kind, r.rule = "count", "cardinal-spelled"
    start = r.start
    if token[0].isupper() and not _SENTENCE_START_BEFORE.search(r.text[max(0, start - 4):start]):
        return False  # "the Ford Five Hundred", "the Big Three": a capitalised number inside a sentence is a name
    several = re.search(r"\b(?:several|a\s+few|few|many)\s+$", r.text[max(0, start - 12):start], re.IGNORECASE)
    if several and token.lower() in ("hundred", "thousand", "million", "billion"):
        r.start = max(0, start - 12) + several.start()
        r.several_range = (2 * r.value, 9 * r.value)
        r.rule = "vague-several"
    return True


def _read_digits(r: Reading) -> bool:
    """Digits with an attached suffix: ordinals ("26th"), temperatures ("40C"); not decades, identifiers,
    versions, clock times or era years."""
    m, text, start = r.m, r.text, r.start
    token, suffix = m.group("dval"), (m.group("suffix") or "")
    end = m.end("dval")
    r.value = digit_value(token)
    if r.value is None:
        return False
    low_suffix = suffix.lower()
    if low_suffix in ("st", "nd", "rd", "th"):
        end = m.end()
        if _DATE_AFTER.match(text[end:end + 14]) or _DATE_BEFORE.search(r.before):
            return False
        if re.search(r"\b(?:ranked|ranks|ranking|placed|finished)\s+$", r.before, re.IGNORECASE):
            r.kind, r.rule = "rank", "rank-ranked-ordinal"
        else:
            r.kind, r.rule = "ordinal", "ordinal-digits"
    elif low_suffix == "s" and re.fullmatch(r"\d0", token[-2:]) and "," not in token:
        return False  # decades: "the 2030s", "the 1990s"
    elif suffix in ("C", "F") and r.value < 100:
        r.kind, r.unit, end = "measure", "degree Celsius" if suffix == "C" else "degree Fahrenheit", m.end()
        r.rule = "temperature-attached"
    elif suffix and low_suffix not in scale_words() and low_suffix not in unit_words() and low_suffix not in ("pc", "p"):
        return False  # "5G", "3D", "737MAX": identifiers
    # identifiers and prefixed years: "F-16", "COVID-19", "pre-2014", "G7"
    if re.search(r"\d\s?[-–]$", text[max(0, start - 3):start]):
        return False  # the second number of a score ("52-48") left over after its first
    if _IDENT_BEFORE.search(text[max(0, start - 2):start]) or re.search(r"\d{4}[-–/]$", text[max(0, start - 5):start]):
        return False  # also the second half of "2024-25"
    if _VERSION_AFTER.match(text[end:end + 4]):
        return False  # "3-D", "737-MAX", "2.0.1": model names and versions
    if _TIME_AFTER.match(text[end:end + 8]) or re.search(r"\b(?:GMT|UTC)\s?[+−-]?$", text[max(0, start - 6):start]):
        return False  # clock times and time zones ("GMT +8")
    if re.search(r"\b(?:A\.D\.|AD|B\.C\.|BC)\s?$", text[max(0, start - 6):start]) or re.match(
            r"^\s?(?:BCE?|B\.C\.|AD|A\.D\.|CE)\b", text[end:end + 6]):
        return False  # era years: "A.D. 1000", "500 BC"
    if not r.kind:
        r.kind, r.rule = "count", "cardinal-digits"
    if len(token) > 1 and token[0] == "0" and token[1].isdigit():
        return False  # "serial number 001", "007": identifiers
    mixed = re.match(r"^[- ](?P<n>[1-9])/(?P<d>[2-9])(?![\d/])", text[end:end + 5])
    if mixed and r.kind == "count" and not suffix:  # "1-1/2", "2 1/2": a whole and a fraction
        r.value += int(mixed.group("n")) / int(mixed.group("d"))
        end += mixed.end()
        r.rule = "mixed-fraction"
    r.end = end
    return True


def _read_multiplier(r: Reading) -> bool:
    """ "twice", "doubled", "tripled": a ratio."""
    r.value, r.kind, r.rule = multiplier_words()[r.m.group("mult").lower()], "ratio", "ratio-word"
    return True


def _read_fold(r: Reading) -> bool:
    """ "five-fold", "3-fold", "tenfold": a ratio."""
    r.value = _number_value(r.m.group("foldnum"))
    r.kind, r.rule = "ratio", "ratio-fold"
    return r.value is not None


#: The reader of each group of the core pattern.
CORE_READERS = {
    "fold": _read_fold,
    "mult": _read_multiplier,
    "notable": _read_notable,
    "frac": _read_spelled_fraction,
    "vague": _read_vague,
    "dfrac": _read_digit_fraction,
    "half": _read_half,
    "rank": _read_rank,
    "ordw": _read_spelled_ordinal,
    "aunit": _read_article_time_unit,
    "card": _read_spelled_cardinal,
    "digit": _read_digits,
}


# ---- context steps, in reading order (True = go on, False = not a figure)
def _currency_before(r: Reading) -> bool:
    """A currency sign or code before the number: "$5", "US$ 5", "EUR 5"."""
    cur_m = _patterns()["currency_before"].search(r.text[max(0, r.start - 5):r.start])
    if cur_m and r.group in ("digit", "card") and r.kind not in ("ordinal", "rank"):
        r.currency = currencies()[cur_m.group(0).strip()][1]
        r.start -= len(cur_m.group(0))
    return True


def _sign_before(r: Reading) -> bool:
    """A minus sign or "minus" before digits (not the dash of "3-2" or "5%-6%")."""
    text = r.text
    sign_m = _patterns()["sign_before"].search(text[max(0, r.start - 3):r.start])
    if sign_m and r.group == "digit" and not re.search(r"[\d%]\s?[-−–]\s?$", text[max(0, r.start - 4):r.start]):
        r.sign = -1
        r.start -= len(sign_m.group(0))
    elif re.search(r"\bminus\s+$", text[max(0, r.start - 8):r.start], re.IGNORECASE):
        r.sign = -1
        r.start = text.rfind("minus", max(0, r.start - 8), r.start)
    return True


def _bound_before(r: Reading) -> bool:
    """A bound cue before the number: "over" (>), "around" (~), "up to" (<=)..."""
    bound_m = _patterns()["bound_before"].search(r.text[max(0, r.start - 30):r.start])
    if bound_m and r.kind not in ("ordinal", "rank"):
        phrase = re.sub(r"\s+", " ", bound_m.group(0).strip().lower())
        r.bound = bound_phrases().get(phrase, "=")
        r.start -= len(bound_m.group(0))
    return True


def _change_before(r: Reading) -> bool:
    """A verb of change before the number: "rose 5%" is up, "fell by 3" down."""
    change_m = _patterns()["change_before"].search(r.text[max(0, r.start - 40):r.m.start()])
    if change_m and r.kind not in ("ordinal", "rank") and not re.search(r"\bfrom\s", change_m.group(0), re.IGNORECASE):
        verb = change_m.group("verb").lower()
        r.change = "down" if re.match(r"fell|fall|drop|declin|decreas|slid|slump|plung|lost|shed|down|cut|shr", verb) else "up"
    return True


_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)


def _is_change_from(r: Reading) -> bool:
    """True when a following "to" ends a change: "from X to Y", "fell X to Y" (not "fell by 1 to 2", a range)."""
    before = r.text[max(0, r.start - 6):r.start]
    return bool(_FROM_BEFORE.search(before) or (r.change and not re.search(r"\bby\s+$", before)))


def _range_after(r: Reading) -> bool:
    """A second number after "-", "to" or ("between") "and": a range."""
    m, text = r.m, r.text
    r.low, r.high = r.value, r.value
    if r.group not in ("digit", "card") or r.kind != "count":
        return True
    rng = _patterns()["range"].match(text[r.end:r.end + 40])
    if not rng:
        return True
    joiner = rng.group(0).strip()[:3].lower()
    if joiner.startswith("to") and _is_change_from(r):
        return True  # "from $1.63 to $13.03", "fell $2.86 to $77.11": two figures, a change (see mark_changes)
    between = re.search(r"\bbetween\s+(?:[^\s]+\s?)?$", text[max(0, m.start() - 14):m.start()], re.IGNORECASE)
    bare_scale = rng.group("num").lower() in ("hundred", "thousand", "million", "billion", "trillion", "dozen")
    second = None if bare_scale else _number_value(rng.group("num"))  # "3-billion" is a scale
    if second is not None and (not joiner.startswith("and") or between) and second > r.value:
        if not (1800 <= second <= 2100 and "," not in rng.group("num") and r.value >= 1800):
            r.high = second
            r.end += rng.end()
            if between:
                r.start = min(r.start, between.start() + max(0, m.start() - 14))
            r.rule += "+range"
    return True


def _range_after_scale(r: Reading) -> bool:
    """ "between $12 million and $20 million", "US$16 million to $28 million": one range of scaled amounts."""
    if r.high != r.value or r.kind not in ("count", "money", "percent") or r.scale == 1.0 and not r.currency:
        return True
    text, m = r.text, r.m
    rng = _patterns()["scaled_range"].match(text[r.end:r.end + 50])
    if not rng:
        return True
    joiner = rng.group("joiner").lower()
    between = re.search(r"\bbetween\s+(?:[^\s]+\s?)?$", text[max(0, r.start - 14):r.start], re.IGNORECASE)
    if joiner == "and" and not between:
        return True
    if joiner == "to" and _is_change_from(r):
        return True
    second = digit_value(rng.group("num"))
    scale = scale_words()[rng.group("scale").lower()] if rng.group("scale") else r.scale
    if second is None or second * scale <= r.value * r.scale:
        return True
    r.high = second * scale / r.scale
    r.end += rng.end()
    if between:
        r.start = max(0, r.start - 14) + between.start()
    r.rule += "+range"
    return True


def _not_a_score(r: Reading) -> bool:
    """Sports and vote scores ("3-2", "52-48") are not figures."""
    score = re.match(r"^[-–](?P<other>\d{1,2})(?!\d|[.,]\d|%)", r.text[r.end:r.end + 5])
    return not (r.group == "digit" and r.kind == "count" and score and int(score.group("other")) <= r.value <= 99)


def _and_a_half(r: Reading) -> bool:
    """ "two and a half": plus 0.5."""
    half = re.match(r"^\s+and\s+a\s+half\b", r.text[r.end:r.end + 16], re.IGNORECASE)
    if half and r.group in ("digit", "card") and r.kind == "count" and r.high == r.value:
        r.value = r.low = r.high = r.value + 0.5
        r.end += half.end()
        r.rule += "+half"
    return True


def _ratio_in(r: Reading) -> bool:
    """ "one in five", "3 out of 10": a fraction."""
    ratio = re.match(r"^\s+(?:in|out\s+of)(?:\s+every)?\s+(?P<den>\d+|" + SPELLED_CARDINAL + r")\b(?!\s*(?:%|percent|per))",
                     r.text[r.end:r.end + 30], re.IGNORECASE)
    if ratio and r.group in ("digit", "card") and r.kind == "count" and r.high == r.value:
        den = _number_value(ratio.group("den"))
        if den and r.value < den <= 1000 and not (1800 <= den <= 2100):
            r.value = r.low = r.high = r.value / den
            r.kind, r.rule, r.end = "fraction", r.rule + "+ratio", r.end + ratio.end()
    return True


def _scale_after(r: Reading) -> bool:
    """A scale word after the number or attached to it: "5 million", "$5bn", "50k"."""
    if r.kind != "count":
        return True
    m, text = r.m, r.text
    sc = _patterns()["scale_after"].match(text[r.end:r.end + 16])
    suffix = (m.group("suffix") or "").lower() if r.group == "digit" else ""
    if suffix in scale_words() and suffix not in ("st", "nd", "rd", "th"):
        plural_next = bool(counted_noun(text[m.end():m.end() + 40], max_words=2)[0])
        if len(suffix) > 1 or r.currency or plural_next or suffix == "k":
            r.scale = scale_words()[suffix]
            r.end = m.end()
        elif suffix == "m":
            r.kind, r.unit, r.end = "measure", "metre", m.end()
        else:
            return False
    elif sc:
        r.scale = scale_words()[sc.group("scale").lower()]
        r.end += sc.end()
    elif r.currency and re.match(r"^\s?(?:m|b|k)\b", text[r.end:r.end + 3]):
        word = re.match(r"^\s?(m|b|k)\b", text[r.end:r.end + 3])
        r.scale = scale_words()[word.group(1)]
        r.end += word.end()
    return True


def _percent_after(r: Reading) -> bool:
    """ "%", "percent", "per cent", "5pc"."""
    if r.kind != "count":
        return True
    suffix = (r.m.group("suffix") or "").lower() if r.group == "digit" else ""
    pct = _patterns()["percent_sign"].match(r.text[r.end:r.end + 3])
    unit_m = _patterns()["unit_after"].match(r.text[r.end:r.end + 24])
    if suffix == "pc":
        r.kind, r.unit, r.end = "percent", "percent", r.m.end()
    elif pct:
        r.kind, r.unit, r.end = "percent", "percent", r.end + pct.end()
    elif unit_m and unit_words()[unit_m.group("unit").lower()][1] == "percent":
        r.unit, r.kind = unit_words()[unit_m.group("unit").lower()]
        r.end += unit_m.end()
    return True


def _currency_after(r: Reading) -> bool:
    """A currency word after the number ("5 million euros"), pence and cents; money takes its currency."""
    text = r.text
    if r.kind == "count" and not r.currency:
        cur_after = _patterns()["currency_after"].match(text[r.end:r.end + 30])
        if cur_after:
            r.currency = currencies()[cur_after.group("cur")][1]
            r.end += cur_after.end()
    minor = (re.match(r"^\s+(?P<minor>cents?|pence)\b", text[r.end:r.end + 10])
             if r.kind == "count" and not r.currency else None)
    if r.group == "digit" and r.kind == "count" and not r.currency and (r.m.group("suffix") or "") == "p" and r.scale == 1.0:
        r.currency, r.scale, r.end, r.rule = "GBP", 0.01, r.m.end(), r.rule + "+pence"  # "rose 5p to 120p"
    elif minor:
        r.currency = "GBP" if minor.group("minor") == "pence" else "USD"
        r.scale, r.end, r.rule = 0.01, r.end + minor.end(), r.rule + "+minor-unit"
    if r.currency:
        r.kind, r.unit = "money", r.currency
    return True


def _unit_after(r: Reading) -> bool:
    """Durations and measures: "three years", "five-year", "40 km"."""
    if r.kind != "count":
        return True
    suffix = (r.m.group("suffix") or "").lower() if r.group == "digit" else ""
    if suffix and suffix in unit_words():
        r.unit, r.kind = unit_words()[suffix]
        r.end = r.m.end()
        return True
    unit_m = _patterns()["unit_after"].match(r.text[r.end:r.end + 24])
    if unit_m:
        r.unit, r.kind = unit_words()[unit_m.group("unit").lower()]
        if r.unit == "point" and r.scale == 1.0:
            r.unit, r.kind = "", "count"
        else:
            r.end += unit_m.end()
            if unit_m.group("old"):
                r.rule += "+age"
    return True


def _article_or_one_alone(r: Reading) -> bool:
    """ "a"/"one"/"an" alone is not a figure: it needs a scale, a fraction, a unit or a counted noun."""
    if r.group != "card":
        return True
    token = r.m.group("card").lower()
    if token in ("one", "a", "an") and r.kind == "count" and r.scale == 1.0:
        single = counted_noun(r.text[r.end:r.end + 40], max_words=1, singular=True)
        if single[0] and single[0] in {u for u, _ in unit_words().values()}:
            r.kind, r.unit = unit_words().get(single[0], ("", "count"))[1], single[0]
        elif token == "one" and _one_counts_a_noun(r.text, r.m.start(), r.end):
            r.rule = "one-before-noun"
        else:
            return False
    return True


def _years_and_names(r: Reading) -> bool:
    """Plain digits that are years (1800-2100), dates or names ("Article 5", "Apollo 11")."""
    if not (r.group == "digit" and r.kind == "count" and r.scale == 1.0 and r.high == r.value):
        return True
    text, start, end = r.text, r.start, r.end
    token = r.m.group("dval")
    if re.fullmatch(r"(?:18|19|20)\d\d|2100", token) and not r.m.group("suffix"):
        return False
    if _DATE_AFTER.match(text[end:end + 12]) or _DATE_BEFORE.search(text[max(0, start - 14):start]):
        return False
    if "." in token and re.fullmatch(r"\d{1,2}\.\d{1,2}", token) and (_VERSION_NAME_BEFORE.search(
            text[max(0, start - 12):start]) or (token.endswith(".0") and _CAPITAL_WORD_BEFORE.search(
            text[max(0, start - 20):start]))):
        return False  # "iOS 4.0", "Mac OS X 10.4", "version 2.1": versions are names
    cap = _CAPITAL_WORD_BEFORE.search(text[max(0, start - 20):start])
    if (cap and "," not in token and "." not in token and cap.group("word").lower() not in STOP_WORDS
            and cap.group("word").lower() not in _WEEKDAYS and cap.group("word").lower() not in bound_phrases()):
        if not (cap.group("poss") and counted_noun(text[end:end + 40], max_words=2)[0]):
            return False  # "Article 5", "Apollo 11", "iPhone 4", "Standard & Poor's 500"; not "Boeing's 20 jets"
    return True


def _article_time_unit_needs_preposition(r: Reading) -> bool:
    """A spelled "a"/"one" before a time unit needs a preposition ("within a year"; "a month" alone is a rate)."""
    if r.group != "aunit" or r.scale != 1.0:
        return True
    if re.match(r"^\s+(?:ago|earlier|later|before|after|or\s+(?:more|less|two|so))\b", r.text[r.end:r.end + 12]):
        return True  # "a year ago", "a day before", "a year or more": one of the unit
    return bool(re.search(r"\b(?:within|for|in|over|after|than|about|nearly|almost|than|of|up to|under)\s+$",
                          r.text[max(0, r.m.start() - 12):r.m.start()], re.IGNORECASE))


def _exact(value: float, scale: float, sign: int) -> float:
    """``value * scale * sign`` as stated: decimal arithmetic, so $65.9 billion is 65900000000, not ...00001."""
    if scale == 1.0:
        return float(value) * sign
    return float(Decimal(repr(float(value))) * Decimal(repr(float(scale))) * sign)


def _scaled_values(r: Reading) -> bool:
    """Apply scale and sign to the value and the range ends; vague and "several" ranges."""
    value_f, low_v, high_v = (_exact(v, r.scale, r.sign) for v in (r.value, r.low, r.high))
    if r.vague_high is not None:
        high_v = r.vague_high
        if r.bound == "=":
            r.bound = "~"
    if r.several_range is not None:
        factor = value_f / r.value if r.value else 1.0
        low_v, high_v = r.several_range[0] * factor, r.several_range[1] * factor
        r.bound = "~"
    r.value, r.low, r.high = value_f, low_v, high_v
    return True


_MEASURE_HYPHEN_WORDS = ("strong", "long", "wide", "high", "tall", "deep", "odd", "plus")


_DETERMINER_BEFORE = re.compile(r"\b(?:(?i:the|their|its|his|her|our|a|an)|[A-Z]\w*['’]s)(?:\s+[a-z]+)?\s+$")


def _is_model_number(r: Reading) -> bool:
    """ "the 787", "the final 717 jet", "Boeing's 787": a bare number of three or more digits after a
    determiner, followed by a singular noun, a name or punctuation, names a model, not a count."""
    token = r.m.group("dval") if r.group == "digit" else ""
    if not re.fullmatch(r"\d{3,}", token or "") or r.scale != 1.0 or r.high != r.low or int(token) % 100 == 0:
        return False  # round numbers ("the 5000 mark", "the 300 who died") are quantities
    after = r.text[r.end:r.end + 30]
    if re.match(r"^\s+[A-Z][a-z]", after):
        return True  # "787 Dreamliner": the model's name follows
    if re.match(r"^\s*(?:of\b|%|percent)", after):
        return False
    return bool(_DETERMINER_BEFORE.search(r.text[max(0, r.start - 30):r.start]))


def _counted_noun_after(r: Reading) -> bool:
    """The counted noun of a count ("27-nation bloc", "50 countries"), the noun an ordinal numbers."""
    text = r.text
    hyphen_noun = re.match(r"^-(?P<noun>[a-z]{3,})\b(?!-)", text[r.end:r.end + 20])
    if hyphen_noun and hyphen_noun.group("noun") in hyphen_idioms():
        return False  # "a two-way street", "a three-fold rise": not a count
    if hyphen_noun and hyphen_noun.group("noun") in _MEASURE_HYPHEN_WORDS:
        r.end += hyphen_noun.end()  # "a 400-strong crowd": the noun follows
        hyphen_noun = None
    if r.kind == "count" and hyphen_noun:  # "27-nation bloc", "10-point plan"
        r.end += hyphen_noun.end()
        r.unit = lemma(hyphen_noun.group("noun"))
    elif r.kind == "count" and r.group == "vague":
        r.unit = counted_noun(re.sub(r"^\s+of\b", "", text[r.end:r.end + 60]))[0]
    elif r.kind == "count":
        noun, r.noun_phrase = counted_noun(text[r.end:r.end + 60], singular=r.value == 1.0)
        if not noun:
            of_m = re.match(r"^\s+of\s+(?:the|these|those|them|its|their)\s+", text[r.end:r.end + 30], re.IGNORECASE)
            if of_m:
                noun, _ = counted_noun(text[r.end + of_m.end() - 1:r.end + 80])
        r.unit = noun
        if r.unit in TIME_UNITS:  # "the 50 previous years"
            r.kind = "duration"
        if not noun and _is_model_number(r):
            return False
    elif r.kind in ("ordinal", "rank"):
        rest = text[r.end:r.end + 80]
        skipped = re.match(r"^(?:\s+(?:[A-Z][\w.’'-]*|\([A-Z]+\)))*", rest)
        noun, noun_phrase = counted_noun(rest[skipped.end():], max_words=1, singular=True)
        r.unit = noun if r.kind == "ordinal" else ""
        r.noun_phrase = noun_phrase if r.kind == "ordinal" else ""
    return True


def _age(r: Reading) -> bool:
    """ "aged 45", "John Smith, 45, said": a duration in years."""
    if not (r.kind == "count" and not r.unit and r.group in ("digit", "card") and 0 < r.value < 130
            and r.value == int(r.value)):
        return True
    text, start, end = r.text, r.start, r.end
    aged = re.search(r"\baged\s+$", text[max(0, start - 8):start], re.IGNORECASE)
    apposition = (re.search(r"[A-Z][\w’'-]+,\s$", text[max(0, start - 30):start])
                  and re.match(r"^,", text[end:end + 1]))
    if aged or apposition:
        r.kind, r.unit, r.rule = "duration", "year", r.rule + "+age"
    return True


def _midpoint_and_open_ends(r: Reading) -> bool:
    """A range's value is its midpoint; the open side of a bound is NaN."""
    if r.high != r.low:
        r.value = (r.low + r.high) / 2
    if r.bound in (">", ">="):
        r.high = math.nan
    elif r.bound in ("<", "<="):
        r.low = math.nan
    return True


def _base_and_per(r: Reading) -> bool:
    """What a percentage or fraction is of ("of GDP"), and the denominator of a rate ("$70 a barrel")."""
    text, end = r.text, r.end
    if r.kind in ("percent", "fraction"):
        r.base = base_phrase(text[end:end + 80])
    per_m = re.match(r"^\s*(?:per|/|a|an|each)\s*(?P<per>[a-z]+)\b", text[end:end + 30])
    if per_m and r.kind in ("money", "count", "measure", "percent"):
        word = per_m.group("per")
        is_per = per_m.group(0).strip().startswith(("per", "/"))
        if is_per or word in TIME_UNITS or word in unit_words():
            r.per = unit_words().get(word, (lemma(word), ""))[0] if word in unit_words() else lemma(word)
    return True


#: The context steps, in the order the words around a number are read.
CONTEXT_STEPS = (
    _currency_before, _sign_before, _bound_before, _change_before,
    _range_after, _not_a_score, _and_a_half, _ratio_in,
    _scale_after, _percent_after, _currency_after, _range_after_scale, _unit_after,
    _article_or_one_alone, _years_and_names, _article_time_unit_needs_preposition,
    _scaled_values, _counted_noun_after, _age, _midpoint_and_open_ends, _base_and_per,
)


def read_figure(text: str, m: re.Match) -> dict | None:
    """Read the figure whose number core is ``m``; None when it is not a figure.

    Returns
    -------
    dict or None
        Keys ``start, end, text, kind, value, value_low, value_high, bound, unit, base,
        subject, change, per, rule``.
    """
    reader = CORE_READERS.get(m.lastgroup)
    r = Reading(text, m, m.start(), m.end())
    if reader is None or not reader(r):
        return None
    for step in CONTEXT_STEPS:
        if not step(r):
            return None
    return {
        "start": r.start, "end": r.end, "text": text[r.start:r.end], "kind": r.kind, "value": r.value,
        "value_low": r.low, "value_high": r.high, "bound": r.bound, "unit": r.unit, "base": r.base,
        "subject": _subject(text, r.start, r.end, r.kind, r.noun_phrase),
        "change": r.change, "per": r.per, "rule": r.rule,
    }
