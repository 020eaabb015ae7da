"""Find every number an article states, read its value and say what it measures.

``extract_figures(corpus)`` returns the ``figures`` table: money ("$65.9 billion"),
percentages ("around 3.3% of GDP"), counts ("over 10,000 drones"), fractions
("two-thirds"), ordinals ("the 26th meeting"), ranks ("No. 1"), durations
("three years") and physical measures ("40 km"), with their value, bound, unit,
base and a short subject phrase.

The rules are general news-writing rules (a regular grammar of number
expressions plus lexicons in ``data/``): a year, a date, a clock time or an
identifier ("Article 5", "F-16", "G7") is not a figure, nor "a", "an" or "one"
unless a scale word, a fraction or a unit follows.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import pandas as pd

from ..corpus.blocks import attach_block
from ..corpus.build import open_corpus
from ..resources import accepts_lexicons, cached
from .context import (
    STOP_WORDS, TIME_UNITS, base_phrase, counted_noun, lemma, subject_phrase,
)
from .lexicons import alternation, bound_phrases, currencies, hyphen_idioms, one_idioms, unit_words
from ..word_patterns import trie_regex
from .number_words import (
    CARDINAL_WORDS, DENOMINATORS, FRACTION_WORD, ORDINAL_UNITS, SPELLED_CARDINAL, TENS, SPELLED_ORDINAL, cardinal_value, digit_value, fraction_value,
    ordinal_value, scale_words,
)

FIGURE_COLUMNS = [
    "doc_id", "figure_id", "start", "end", "text", "kind", "value", "value_low", "value_high",
    "bound", "unit", "base", "subject", "change", "per", "sent_id", "block_id", "role", "rule", "sentence",
]
KINDS = ("money", "percent", "count", "fraction", "ordinal", "rank", "duration", "measure")

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
    num = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    spelled = rf"{SPELLED_CARDINAL}"
    long_scales = [w for w in scales if len(w) > 1]
    return {
        # The number core. Alternatives are tried in order at each position.
        "core": re.compile(
            rf"(?P<notable>\b(?:a|an|one)\s+[a-z]+\s+(?P<nfrac>{FRACTION_WORD})(?=\s+of\b))"
            rf"|(?P<frac>\b(?P<fnum>{spelled}|a|an)[\s-]+(?P<fden>{FRACTION_WORD})\b)"
            rf"|(?P<vague>\b(?P<vprefix>(?:tens|hundreds)\s+of\s+)?(?P<vscale>dozens|hundreds|thousands|millions|billions)\b)"
            rf"|(?P<dfrac>(?<![\w/.])(?P<dnum>\d{{1,2}})/(?P<dden>\d{{1,2}})(?![\w/]))"
            rf"|(?P<rank>(?:\b(?-i:No|Nos)\.?\s?|#)(?P<rnum>\d+)\b)"
            rf"|(?P<digit>(?<![\w.,:])(?P<dval>{num})(?P<suffix>[A-Za-z]+)?)"
            rf"|(?P<ordw>\b{SPELLED_ORDINAL}\b)"
            rf"|(?P<card>\b(?:(?:a|an)\s+(?=(?:{alternation(['hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen'])})\b))?{spelled}\b)"
            rf"|(?P<half>\bhalf\b)"
            rf"|(?P<aunit>\b(?:a|an)(?=\s+(?:year|month|week|day|hour|decade|century|minute)\b))",
            re.IGNORECASE,
        ),
        "currency_before": re.compile(rf"(?:(?<![A-Za-z])(?:{alternation(prefix)}))\s?$"),
        "sign_before": re.compile(r"(?<![\w\d])[-−–]\s?$"),
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
        "scale_after": re.compile(rf"^(?:\s+|-)?(?P<scale>{alternation(long_scales)})\b", re.IGNORECASE),
        "currency_after": re.compile(rf"^(?:\s+|-)(?P<cur>{alternation(words)})(?![\w$])"),
        "unit_after": re.compile(rf"^(?:\s+|\s?-\s?)?(?P<unit>{alternation(units)})(?![\w/])(?P<old>-old)?",
                                 re.IGNORECASE),
        "percent_sign": re.compile(r"^\s?%"),
    }


# ---------------------------------------------------------------- exclusions
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{_MONTH_ALT})\b\.?", re.IGNORECASE)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTH_ALT})\.?\s+(?:the\s+)?$", re.IGNORECASE)
_TIME_AFTER = re.compile(r"^(?::\d{2}|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|BST|CET|EST|ET\b|o'clock|hrs\b|h\b))",
                         re.IGNORECASE)
_IDENT_BEFORE = re.compile(r"(?:[A-Za-z][-‑/]|[A-Za-z]\.(?=\d))$")
_CAPITAL_WORD_BEFORE = re.compile(r"(?:\b|&)(?P<word>[A-Z][A-Za-z]*)\s$")
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
        after_noun = text.find(noun_phrase, end)
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


# ---------------------------------------------------------------- core
def _figure_at(text: str, m: re.Match) -> dict | None:  # noqa: C901  (one grammar, read top to bottom)
    """Read the figure whose number core is ``m``; None when it is not a figure."""
    pats = _patterns()
    start, end = m.start(), m.end()
    kind, unit, value = "", "", None
    several_range = None
    noun_phrase = ""
    rule = ""
    before = text[max(0, start - 60):start]
    group = m.lastgroup

    if group == "notable":
        start = m.start("nfrac")
        value = fraction_value("a", m.group("nfrac"))
        kind, rule = "fraction", "fraction-article-adjective"
    elif group == "frac":
        value = fraction_value(m.group("fnum"), m.group("fden"))
        if value is None:
            return None
        den = m.group("fden").lower()
        singular_article = m.group("fnum").lower() in ("a", "an", "one") and not den.endswith("s")
        if not singular_article and not den.endswith("s") and den != "half":
            compound = ordinal_value(m.group("frac"))  # "twenty-fifth" is an ordinal, not 20/5
            if compound is None:
                return None
            value, kind, rule = compound, "ordinal", "ordinal-spelled"
        # "a third term" is an ordinal, "a third of voters" and "cut by a third." fractions.
        elif singular_article and den != "half" and not re.match(r"^(?:\s+of\b|\s*[.,;:)!?]|\s*$)", text[end:end + 5]):
            if ordinal_value(den) is None:
                return None
            start, value = m.start("fden"), ordinal_value(den)
            kind, rule = "ordinal", "ordinal-after-article"
        else:
            kind, rule = "fraction", "fraction-spelled"
    elif group == "vague":
        # "thousands of" is a range of magnitude: 1,000 to 10,000 ("tens of thousands": 10,000 to 100,000)
        base_value = {"dozens": 12.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6,
                      "billions": 1e9}[m.group("vscale").lower()]
        prefix = (m.group("vprefix") or "").lower()
        base_value *= 10.0 if prefix.startswith("tens") else 100.0 if prefix.startswith("hundreds") else 1.0
        value, kind, rule = base_value, "count", "vague-magnitude"
    elif group == "dfrac":
        num, den = int(m.group("dnum")), int(m.group("dden"))
        if den == 0 or num >= den or den > 10:
            return None  # 24/7, 9/11 and dates are not fractions
        value, kind, rule = num / den, "fraction", "fraction-digits"
    elif group == "half":
        half_scale = re.match(r"^\s+(?:a|an)\s+(?P<scale>hundred|thousand|million|billion|trillion|dozen)\b",
                              text[end:end + 20], re.IGNORECASE)
        if half_scale:  # "half a million" is 500,000, a count
            end += half_scale.end()
            factor = {"dozen": 12.0}.get(half_scale.group("scale").lower()) or scale_words()[half_scale.group("scale").lower()]
            value, kind, rule = 0.5 * factor, "count", "half-a-scale"
        half_unit = None if half_scale else re.match(r"^\s+(?:a|an)\s+(?P<unit>[\w %]+?)(?![\w])", text[end:end + 30])
        unit_m = _patterns()["unit_after"].match(text[end + half_unit.end("unit") - len(half_unit.group("unit")) - 1:end + 40]) if half_unit else None
        if unit_m and unit_words()[unit_m.group("unit").lower()][1] in ("duration", "percent", "measure"):
            unit, kind = unit_words()[unit_m.group("unit").lower()]
            end = end + half_unit.end("unit") - len(half_unit.group("unit")) - 1 + unit_m.end()
            value, rule = 0.5, "half-a-unit"
        elif half_scale:
            pass
        elif re.match(r"^\s+(?:of|a|an)\b", text[end:end + 5], re.IGNORECASE):
            value, kind, rule = 0.5, "fraction", "fraction-half"
        else:
            return None
    elif group == "rank":
        if m.group("rnum") == "10" and "." not in m.group("rank"):
            return None  # "No 10": the British prime minister's office, not a rank
        value, kind, rule = float(m.group("rnum")), "rank", "rank-number-sign"
    elif group == "ordw":
        word = m.group("ordw").lower()
        if word in ("first",) or word.endswith(" first") or word.endswith("-first"):
            return None  # "the first time" is novelty, not a position in a counted series
        if m.group("ordw")[0].isupper() and re.match(r"^\s+[A-Z]", text[end:end + 3]):
            return None  # part of a name: "the Second World War", "Fifth Republic"
        if _DATE_AFTER.match(text[end:end + 14]) or _DATE_BEFORE.search(before):
            return None
        if re.match(r"^\s*(?:-|–)\s*(?:largest|biggest|highest|lowest|smallest|most|best|worst)\b", text[end:end + 12]):
            kind, rule = "rank", "rank-ordinal-superlative"
        else:
            kind, rule = "ordinal", "ordinal-spelled"
        value = ordinal_value(word)
        if value is None:
            return None
    elif group == "aunit":
        value, kind, rule = 1.0, "count", "article-time-unit"
    elif group == "card":
        token = m.group("card")
        value = cardinal_value(token)
        if value is None:
            return None
        kind, rule = "count", "cardinal-spelled"
        several = re.search(r"\b(?:several|a\s+few|few|many)\s+$", text[max(0, start - 12):start], re.IGNORECASE)
        if several and token.lower() in ("hundred", "thousand", "million", "billion"):
            # "several hundred": two to nine hundred
            start = max(0, start - 12) + several.start()
            several_range = (2 * value, 9 * value)
            rule = "vague-several"
    elif group == "digit":
        token, suffix = m.group("dval"), (m.group("suffix") or "")
        end = m.end("dval")
        value = digit_value(token)
        if value is None:
            return None
        low_suffix = suffix.lower()
        if low_suffix in ("st", "nd", "rd", "th"):
            end = m.end()
            if _DATE_AFTER.match(text[end:end + 14]) or _DATE_BEFORE.search(before):
                return None
            if re.search(r"\b(?:ranked|ranks|ranking|placed|finished)\s+$", before, re.IGNORECASE):
                kind, rule = "rank", "rank-ranked-ordinal"
            else:
                kind, rule = "ordinal", "ordinal-digits"
        elif low_suffix == "s" and re.fullmatch(r"\d0", token[-2:]) and "," not in token:
            return None  # decades: "the 2030s", "the 1990s"
        elif suffix in ("C", "F") and value < 100:
            kind, unit, end = "measure", "degree Celsius" if suffix == "C" else "degree Fahrenheit", m.end()
            rule = "temperature-attached"
        elif suffix and low_suffix not in scale_words() and low_suffix not in unit_words() and low_suffix not in ("pc", "p"):
            return None  # "5G", "3D", "737MAX": identifiers
        # identifiers and prefixed years: "F-16", "COVID-19", "pre-2014", "G7"
        if re.search(r"\d\s?[-–]$", text[max(0, start - 3):start]):
            return None  # the second number of a score ("52-48") left over after its first
        if _IDENT_BEFORE.search(text[max(0, start - 2):start]) or re.search(r"\d{4}[-–/]$", text[max(0, start - 5):start]):
            return None  # also the second half of "2024-25"
        if _VERSION_AFTER.match(text[end:end + 4]):
            return None  # "3-D", "737-MAX", "2.0.1": model names and versions
        if _TIME_AFTER.match(text[end:end + 8]):
            return None
        if re.search(r"\b(?:A\.D\.|AD|B\.C\.|BC)\s?$", text[max(0, start - 6):start]) or re.match(
                r"^\s?(?:BCE?|B\.C\.|AD|A\.D\.|CE)\b", text[end:end + 6]):
            return None  # era years: "A.D. 1000", "500 BC"
        if not kind:
            kind, rule = "count", "cardinal-digits"
    else:
        return None

    vague_high = None
    if group == "vague":
        vague_high = value * 10.0
        of_cur = re.match(r"^\s+of\s+(?P<cur>" + alternation([f for f, (k, _) in currencies().items() if k == "word"]) + r")\b",
                          text[end:end + 40])
        if of_cur:
            kind, unit = "money", currencies()[of_cur.group("cur")][1]
            end += of_cur.end()

    # ---- left context: currency, sign, bound, change
    currency = ""
    cur_m = pats["currency_before"].search(text[max(0, start - 5):start])
    if cur_m and group in ("digit", "card") and kind not in ("ordinal", "rank"):
        currency = currencies()[cur_m.group(0).strip()][1]
        start -= len(cur_m.group(0))
    sign = 1.0
    sign_m = pats["sign_before"].search(text[max(0, start - 3):start])
    if sign_m and group == "digit" and not re.search(r"[\d%]\s?[-−–]\s?$", text[max(0, start - 4):start]):
        sign = -1.0
        start -= len(sign_m.group(0))
    elif re.search(r"\bminus\s+$", text[max(0, start - 8):start], re.IGNORECASE):
        sign = -1.0
        start = text.rfind("minus", 0, start)
    bound = "="
    bound_m = pats["bound_before"].search(text[max(0, start - 30):start])
    if bound_m and kind not in ("ordinal", "rank"):
        phrase = re.sub(r"\s+", " ", bound_m.group(0).strip().lower())
        bound = bound_phrases().get(phrase, "=")
        start -= len(bound_m.group(0))
    change = ""
    change_m = pats["change_before"].search(text[max(0, start - 40):m.start()])
    if change_m and kind not in ("ordinal", "rank") and not re.search(r"\bfrom\s", change_m.group(0), re.IGNORECASE):
        verb = change_m.group("verb").lower()
        change = "down" if re.match(r"fell|fall|drop|declin|decreas|slid|slump|plung|lost|shed|down|cut|shr", verb) else "up"

    # ---- right context: range, scale, percent, currency word, unit
    value_low_raw, value_high_raw = value, value
    if group in ("digit", "card") and kind == "count":
        rng = pats["range"].match(text[end:end + 40])
        if rng:
            joiner = rng.group(0).strip()[:3].lower()
            between = re.search(r"\bbetween\s+(?:[^\s]+\s?)?$", text[max(0, m.start() - 14):m.start()], re.IGNORECASE)
            bare_scale = rng.group("num").lower() in ("hundred", "thousand", "million", "billion", "trillion", "dozen")
            second = None if bare_scale else _number_value(rng.group("num"))  # "3-billion" is a scale
            if second is not None and (not joiner.startswith("and") or between) and second > value:
                if not (1800 <= second <= 2100 and "," not in rng.group("num") and value >= 1800):
                    value_high_raw = second
                    end += rng.end()
                    if between:
                        start = min(start, between.start() + max(0, m.start() - 14))
                    rule += "+range"
    score = re.match(r"^[-–](?P<other>\d{1,2})(?!\d|[.,]\d|%)", text[end:end + 5])
    if group == "digit" and kind == "count" and score and int(score.group("other")) <= value <= 99:
        return None  # sports and vote scores: "3-2", "52-48"
    half = re.match(r"^\s+and\s+a\s+half\b", text[end:end + 16], re.IGNORECASE)
    if half and group in ("digit", "card") and kind == "count" and value_high_raw == value:
        value = value_low_raw = value_high_raw = value + 0.5
        end += half.end()
        rule += "+half"
    ratio = re.match(r"^\s+(?:in|out\s+of)\s+(?P<den>\d+|" + SPELLED_CARDINAL + r")\b(?!\s*(?:%|percent|per))",
                     text[end:end + 30], re.IGNORECASE)
    if ratio and group in ("digit", "card") and kind == "count" and value_high_raw == value:
        den = _number_value(ratio.group("den"))
        if den and value < den <= 1000 and not (1800 <= den <= 2100):
            value = value_low_raw = value_high_raw = value / den
            kind, rule, end = "fraction", rule + "+ratio", end + ratio.end()
    scale = 1.0
    if kind == "count":
        sc = pats["scale_after"].match(text[end:end + 16])
        suffix = (m.group("suffix") or "").lower() if group == "digit" else ""
        if suffix in scale_words() and suffix not in ("st", "nd", "rd", "th"):
            plural_next = bool(counted_noun(text[m.end():m.end() + 40], max_words=2)[0])
            if len(suffix) > 1 or currency or plural_next or suffix == "k":
                scale = scale_words()[suffix]
                end = m.end()
            elif suffix == "m":
                kind, unit, end = "measure", "metre", m.end()
            else:
                return None
        elif sc:
            scale = scale_words()[sc.group("scale").lower()]
            end += sc.end()
        elif currency and re.match(r"^\s?(?:m|b|k)\b", text[end:end + 3]):
            word = re.match(r"^\s?(m|b|k)\b", text[end:end + 3])
            scale = scale_words()[word.group(1)]
            end += word.end()
    # percent
    if kind == "count":
        suffix = (m.group("suffix") or "").lower() if group == "digit" else ""
        pct = pats["percent_sign"].match(text[end:end + 3])
        unit_m = pats["unit_after"].match(text[end:end + 24])
        if suffix == "pc":
            kind, unit, end = "percent", "percent", m.end()
        elif pct:
            kind, unit, end = "percent", "percent", end + pct.end()
        elif unit_m and unit_words()[unit_m.group("unit").lower()][1] == "percent":
            unit, kind = unit_words()[unit_m.group("unit").lower()]
            end += unit_m.end()
    # currency after the number ("5 million euros", "USD 5")
    if kind == "count" and not currency:
        cur_after = pats["currency_after"].match(text[end:end + 30])
        if cur_after:
            currency = currencies()[cur_after.group("cur")][1]
            end += cur_after.end()
    minor = re.match(r"^\s+(?P<minor>cents|pence)\b", text[end:end + 10]) if kind == "count" and not currency else None
    if group == "digit" and kind == "count" and not currency and (m.group("suffix") or "") == "p" and scale == 1.0:
        currency, scale, end, rule = "GBP", 0.01, m.end(), rule + "+pence"  # "rose 5p to 120p"
    elif minor:
        currency = "GBP" if minor.group("minor") == "pence" else "USD"
        scale, end, rule = 0.01, end + minor.end(), rule + "+minor-unit"
    if currency:
        kind, unit = "money", currency
    # duration and measures ("three years", "five-year", "40 km")
    if kind == "count":
        suffix = (m.group("suffix") or "").lower() if group == "digit" else ""
        if suffix and suffix in unit_words():
            unit, kind = unit_words()[suffix]
            end = m.end()
        else:
            unit_m = pats["unit_after"].match(text[end:end + 24])
            if unit_m:
                unit, kind = unit_words()[unit_m.group("unit").lower()]
                if unit == "point" and scale == 1.0:
                    unit, kind = "", "count"
                else:
                    end += unit_m.end()
                    if unit_m.group("old"):
                        rule += "+age"

    # "a"/"one"/"an" alone is not a figure: it needs a scale, a fraction or a unit.
    if group == "card":
        token = m.group("card").lower()
        if token in ("one", "a", "an") and kind == "count" and scale == 1.0:
            single = counted_noun(text[end:end + 40], max_words=1, singular=True)
            if single[0] and single[0] in {u for u, _ in unit_words().values()}:
                kind, unit = unit_words().get(single[0], ("", "count"))[1], single[0]
            elif token == "one" and _one_counts_a_noun(text, m.start(), end):
                rule = "one-before-noun"
            else:
                return None
    if group == "digit" and kind == "count" and scale == 1.0 and value_high_raw == value:
        # years: four digits from 1800 to 2100 without a thousands comma
        token = m.group("dval")
        if re.fullmatch(r"(?:18|19|20)\d\d|2100", token) and not m.group("suffix"):
            return None
        if _DATE_AFTER.match(text[end:end + 12]) or _DATE_BEFORE.search(text[max(0, start - 14):start]):
            return None
        cap = _CAPITAL_WORD_BEFORE.search(text[max(0, start - 20):start])
        if (cap and "," not in token and "." not in token and cap.group("word").lower() not in STOP_WORDS
                and cap.group("word").lower() not in _WEEKDAYS and cap.group("word").lower() not in bound_phrases()):
            return None  # "Article 5", "Apollo 11", "Resolution 2231"

    # ---- a spelled "a"/"one" before a time or measure unit needs a preposition (not "a month" = per month)
    if group == "aunit":
        if not re.search(r"\b(?:within|for|in|over|after|than|about|nearly|almost|than|of|up to|under)\s+$",
                         text[max(0, m.start() - 12):m.start()], re.IGNORECASE):
            if scale == 1.0:
                return None

    value_f = float(value) * scale * sign
    low_v = float(value_low_raw) * scale * sign
    high_v = float(value_high_raw) * scale * sign
    if vague_high is not None:
        high_v = vague_high
        if bound == "=":
            bound = "~"
    if several_range is not None:
        factor = value_f / value if value else 1.0
        low_v, high_v = several_range[0] * factor, several_range[1] * factor
        bound = "~"
    hyphen_noun = re.match(r"^-(?P<noun>[a-z]{3,})\b(?!-)", text[end:end + 20])
    if hyphen_noun and hyphen_noun.group("noun") in hyphen_idioms():
        return None  # "a two-way street", "a three-fold rise": not a count
    if hyphen_noun and hyphen_noun.group("noun") in ("strong", "long", "wide", "high", "tall", "deep", "odd", "plus"):
        end += hyphen_noun.end()  # "a 400-strong crowd": the noun follows
        hyphen_noun = None
    if kind == "count" and hyphen_noun:  # "27-nation bloc", "10-point plan"
        end += hyphen_noun.end()
        unit = lemma(hyphen_noun.group("noun"))
    elif kind == "count" and group == "vague":
        unit = counted_noun(re.sub(r"^\s+of\b", "", text[end:end + 60]))[0]
    elif kind == "count":
        noun, noun_phrase = counted_noun(text[end:end + 60], singular=value_f == 1.0)
        if not noun:
            of_m = re.match(r"^\s+of\s+(?:the|these|those|them|its|their)\s+", text[end:end + 30], re.IGNORECASE)
            if of_m:
                noun, _ = counted_noun(text[end + of_m.end() - 1:end + 80])
        unit = noun
        if unit in TIME_UNITS:  # "the 50 previous years"
            kind = "duration"
    elif kind in ("ordinal", "rank"):
        rest = text[end:end + 80]
        skipped = re.match(r"^(?:\s+(?:[A-Z][\w.’'-]*|\([A-Z]+\)))*", rest)
        noun, noun_phrase = counted_noun(rest[skipped.end():], max_words=1, singular=True)
        unit = noun if kind == "ordinal" else ""
        noun_phrase = noun_phrase if kind == "ordinal" else ""
    if kind == "count" and not unit and group in ("digit", "card") and 0 < value_f < 130 and value_f == int(value_f):
        aged = re.search(r"\baged\s+$", text[max(0, start - 8):start], re.IGNORECASE)
        apposition = (re.search(r"[A-Z][\w’'-]+,\s$", text[max(0, start - 30):start])
                      and re.match(r"^,", text[end:end + 1]))
        if aged or apposition:  # "aged 45", "John Smith, 45, said"
            kind, unit, rule = "duration", "year", rule + "+age"
    if high_v != low_v:
        value_f = (low_v + high_v) / 2
    if bound in (">", ">="):
        low_v, high_v = low_v, math.nan
    elif bound in ("<", "<="):
        low_v, high_v = math.nan, high_v
    base = ""
    if kind in ("percent", "fraction"):
        base = base_phrase(text[end:end + 80])
    per = ""
    per_m = re.match(r"^\s*(?:per|/|a|an|each)\s*(?P<per>[a-z]+)\b", text[end:end + 30])
    if per_m and kind in ("money", "count", "measure", "percent"):
        word = per_m.group("per")
        is_per = per_m.group(0).strip().startswith(("per", "/"))
        if is_per or word in TIME_UNITS or word in unit_words():
            per = unit_words().get(word, (lemma(word), ""))[0] if word in unit_words() else lemma(word)
    return {
        "start": start, "end": end, "text": text[start:end], "kind": kind, "value": value_f,
        "value_low": low_v, "value_high": high_v, "bound": bound, "unit": unit, "base": base,
        "subject": _subject(text, start, end, kind, noun_phrase),
        "change": change, "per": per, "rule": rule,
    }


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    """Lower-case words a number expression can start with (the core pattern's first words)."""
    return frozenset(CARDINAL_WORDS) | frozenset(DENOMINATORS) | frozenset(ORDINAL_UNITS) | frozenset(TENS) | {
        "a", "an", "no", "nos", "tens", "dozens", "hundreds", "thousands", "millions", "billions"}


@lru_cache(maxsize=1)
def _article_trigger() -> re.Pattern:
    """ "a"/"an" (in lower-cased text) before a scale, fraction or time word, or "a <adjective> third of"."""
    after_article = sorted(set(DENOMINATORS) | {"hundred", "thousand", "million", "billion", "trillion", "dozen",
                                                 "year", "month", "week", "day", "hour", "decade", "century",
                                                 "minute"})
    return re.compile(r"an?\s+(?:(?:" + trie_regex(after_article) + r")\b|[a-z]+\s+(?:"
                      + trie_regex(sorted(DENOMINATORS)) + r")\s+of\b)")


_DIGIT_RUN = re.compile(r"[0-9#]+")


@lru_cache(maxsize=1)
def _word_trigger() -> re.Pattern:
    """Number words in lower-cased text, as a case-sensitive prefix tree (much faster than IGNORECASE)."""
    return re.compile(r"\b(?:" + trie_regex(sorted(_trigger_words() - {"a", "an", "no", "nos"})) + r")\b")


def _candidate_starts(text: str) -> list[int]:
    """Offsets where a number expression can start: digit runs, ``#``, number words, some articles.

    Trying the core pattern at every character is slow; a prefix-tree pattern
    over the lower-cased text finds the closed list of number words fast, and
    the core pattern is then tried only at these offsets.
    """
    starts = {m.start() for m in _DIGIT_RUN.finditer(text)}
    lower = text.lower()
    if len(lower) != len(text):  # a few characters lower-case to two ("İ"): keep offsets aligned
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    starts.update(m.start() for m in _word_trigger().finditer(lower))
    for marker in ("No", "Nos"):
        idx = text.find(marker)
        while idx >= 0:
            starts.add(idx)
            idx = text.find(marker, idx + 1)
    for m in _article_trigger().finditer(lower):
        if m.start() == 0 or not lower[m.start() - 1].isalpha():
            starts.add(m.start())
    return sorted(starts)


def _core_matches(text: str):
    """Matches of the core pattern, as ``finditer`` would give them, tried only where one can start."""
    core = _patterns()["core"]
    scan_end = 0
    for pos in _candidate_starts(text):
        if pos < scan_end:
            continue
        m = core.match(text, pos)
        if m is None or m.end() == m.start():
            continue
        scan_end = m.end()
        yield m


_WEB_TOKEN = re.compile(r"://|www\.|@|\.(?:com|org|net|html?|php)\b|/[A-Za-z0-9_-]+/")


def _in_web_address(text: str, pos: int) -> bool:
    """True when ``pos`` sits inside a URL, an e-mail address or a path (a run without spaces)."""
    left = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos)) + 1
    right_candidates = [i for i in (text.find(" ", pos), text.find("\n", pos)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return bool(_WEB_TOKEN.search(text[left:right]))


_OR_BETWEEN = re.compile(r"^\s*(?:or|and|to|-|–)\s*$")
_SHARED_KINDS = ("money", "percent", "duration", "measure")


def _share_units_across_or(text: str, figures: list[dict]) -> None:
    """Give a bare number the unit of the next one: "eight or nine euros", "two or three years".

    Changes ``figures`` in place: the first figure takes the second's kind,
    unit and scale word ("3 or 4 million").
    """
    for first, second in zip(figures, figures[1:]):
        if first["kind"] != "count" or first["unit"] or second["kind"] not in _SHARED_KINDS:
            continue
        if not _OR_BETWEEN.match(text[first["end"]:second["start"]]):
            continue
        first["kind"], first["unit"], first["rule"] = second["kind"], second["unit"], first["rule"] + "+shared-unit"
        scale = re.search(r"\b(" + "|".join(w for w in scale_words() if len(w) > 1) + r")\b", second["text"],
                          re.IGNORECASE)
        if scale and abs(first["value"]) < 1000:
            factor = scale_words()[scale.group(1).lower()]
            for key in ("value", "value_low", "value_high"):
                first[key] = first[key] * factor


def figures_in_text(text: str) -> list[dict]:
    """Every figure of one text, in order: dicts with the ``figures`` columns that need no corpus.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of dict
        Keys ``start, end, text, kind, value, value_low, value_high, bound, unit, base,
        subject, change, rule``. ``value`` has any scale applied ("$65.9 billion" is
        6.59e10); percentages stay in percent (3.3 for "3.3%"); fractions are
        proportions (0.667 for "two-thirds"); a range's value is its midpoint.
    """
    if not isinstance(text, str) or not text:
        return []
    out: list[dict] = []
    covered = 0
    for m in _core_matches(text):
        if m.start() < covered:
            continue
        if _in_web_address(text, m.start()):
            continue
        try:
            fig = _figure_at(text, m)
        except (KeyError, ValueError, TypeError, IndexError):
            fig = None
        if fig is None or fig["start"] < covered:
            continue
        out.append(fig)
        covered = fig["end"]
    _share_units_across_or(text, out)
    return out


@accepts_lexicons
def extract_figures(corpus, *, lexicons=None) -> pd.DataFrame:
    """The ``figures`` table: one row per number an article states.

    Parameters
    ----------
    corpus : anything :func:`open_corpus` accepts
    lexicons : folder, dict or :class:`~analysis_helpers.resources.Lexicons`, optional
        Lexicon files replacing the packaged ones for this call (see
        :mod:`analysis_helpers.resources`); missing files fall back to the package.

    Returns
    -------
    DataFrame
        Columns ``doc_id, figure_id, start, end, text`` (offsets into the
        article's text, ``text[start:end] == text``), ``kind`` (money, percent,
        count, fraction, ordinal, rank, duration, measure), ``value`` (float,
        scale applied; percent in percent points; fractions as proportions;
        ranges give the midpoint), ``value_low``/``value_high`` (range or bound
        ends, NaN when open), ``bound`` (=, ~, >, <, >=, <=), ``unit`` (ISO 4217
        code for money, ``percent``, a time or measure unit, or the lemma of the
        counted noun), ``base`` (what a percentage or fraction is of: "GDP"),
        ``subject`` (short phrase), ``change`` (up/down when a verb of change
        precedes), ``per`` (the denominator of a rate: "$70 a barrel" gives
        barrel, "£3 billion a year" year), ``sent_id``, ``block_id``, ``role``, ``rule`` (the rule that
        read it), ``sentence`` (the text of sentence ``sent_id``). Sorted by
        doc_id and start.
    """
    corpus = open_corpus(corpus)
    rows = []
    for doc_id, text in zip(corpus.articles["doc_id"], corpus.articles["text"]):
        for n, fig in enumerate(figures_in_text(text), start=1):
            rows.append({"doc_id": doc_id, "figure_id": f"{doc_id}-F{n:03d}", **fig})
    table = pd.DataFrame(rows, columns=[c for c in FIGURE_COLUMNS if c not in ("sent_id", "block_id", "role", "sentence")])
    table = table.astype({"start": "int64", "end": "int64", "value": "float64", "value_low": "float64",
                          "value_high": "float64"})
    table["sent_id"] = _sentence_ids(table, corpus.sentences)
    sentence_text = {(d, i): t for d, i, t in zip(corpus.sentences["doc_id"], corpus.sentences["sent_id"],
                                                  corpus.sentences["text"])}
    table["sentence"] = [sentence_text.get((d, i), "") for d, i in zip(table["doc_id"], table["sent_id"])]
    table = _attach_block_fast(table, corpus.blocks)
    table = table[FIGURE_COLUMNS].sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
    return table


def _attach_block_fast(table: pd.DataFrame, blocks: pd.DataFrame) -> pd.DataFrame:
    """``block_id`` and ``role`` as :func:`attach_block` gives them, vectorised with ``merge_asof``.

    ``attach_block`` looks up one row at a time, which dominates the run time on
    large corpora; the result is the same (tested), row order unchanged.
    """
    if table.empty or blocks.empty:
        return attach_block(table, blocks, offset_column="start")
    left = table[["doc_id", "start"]].assign(_row=range(len(table))).sort_values("start", kind="stable")
    right = blocks[["doc_id", "start", "block_id", "role"]].sort_values("start", kind="stable")
    merged = pd.merge_asof(left, right, on="start", by="doc_id", direction="backward").sort_values("_row")
    out = table.copy()
    out["block_id"] = merged["block_id"].fillna(-1).astype("int64").to_numpy()
    roles = merged["role"].to_numpy(dtype=object)
    out["role"] = pd.Series([None if r is None or (isinstance(r, float) and r != r) else r for r in roles],
                            index=out.index, dtype="object")
    return out


def _sentence_ids(table: pd.DataFrame, sentences: pd.DataFrame) -> pd.Series:
    """``sent_id`` of the sentence holding each figure's start (-1 when none)."""
    ids = []
    grouped = {doc: (g["start"].to_numpy(), g["sent_id"].to_numpy()) for doc, g in sentences.groupby("doc_id")}
    for doc_id, start in zip(table["doc_id"], table["start"]):
        starts, sent_ids = grouped.get(doc_id, (None, None))
        if starts is None or len(starts) == 0:
            ids.append(-1)
            continue
        idx = int((starts <= start).sum()) - 1
        ids.append(int(sent_ids[idx]) if idx >= 0 else -1)
    return pd.Series(ids, index=table.index, dtype="int64")
