# Above 400 lines: about forty rules, each pattern beside its normaliser and dispatched from one table (NORMALISERS), whose order is the priority.
"""The patterns of the timex tagger and the normaliser that turns each match into a TIMEX3 value.

Each rule is a regular expression (the span is its group ``t``) and a
normaliser function in :data:`NORMALISERS` that returns type, value, mod,
anchor and tense, or None to reject the match. :func:`candidates` runs the rules
only in windows around trigger words, which keeps the tagger fast.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta

from .lexicon import (
    CUE, DAY, DURATION_MODS, FULL_MONTH, MONTH, NUM, PART_OF_DAY, POINT_MOD, POINT_MODS,
    SIGNAL_MODS, UNIT, UNIT_FACTORS, WEEKDAY, WEEKDAYS, YEAR, duration_value, month_number, number_value,
)
from .tense import choose_year, clause_tense, weekday_date
from .values import day_value, month_interval, month_value, quarter_of, shift_months, week_value
from ..resources import (
    _anchor_event_rows, anchor_events, cached, exclusions, holidays, recorded_materials, timex_words,
)
from ..word_patterns import LOWER_CASE_WORDS, WordStartPattern, trie_regex

#: The last word of a window and the non-word characters after it (:meth:`RuleContext.preceding_word`).
_LAST_WORD = re.compile(r"([\w.]+)\W*$")
_SIGNALS = re.compile(
    r"(?i:\b(since|within|until|till|before|after|by|from|during|following|prior to|ahead of|"
    r"through|throughout|for|over|in|on|at|as of|starting|ending))\s+$")

# Each rule: (name, pattern). The span is the group "t" when present, else the match.
# A normaliser per rule turns a match into (type, value, mod, anchor) or None (rejected).

RULES: list[tuple[str, str]] = [
    ("iso_date", r"\b(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b"),
    ("numeric_date", r"(?<![\w/.-])(?P<a>[01]?\d|[23]\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\w/]|\.\d)"),
    ("short_year", r"(?<![\w])(?P<t>['’](?P<yy>\d\d))(?![\w'’%])"),
    ("the_day", r"\b(?P<t>(?P<pmod>(?i:early|late|earlier|later))\s+in\s+the day\b|(?:(?P<pmod2>the (?:start|end|close|beginning|rest) of)\s+)?the day\b(?!\s+(?:after|before|of|when|that|which|on|in|he|she|they|it|we|I)\b|['’]))"),
    ("month_day_year",
     rf"\b(?P<t>(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s+(?P<day>{DAY}),?\s+(?P<year>{YEAR}))\b"),
    ("day_month_year",
     rf"\b(?P<t>(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<mon>{MONTH}),?\s+(?P<year>{YEAR}))\b"),
    ("month_day", rf"\b(?P<t>(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s+(?P<day>{DAY}))\b(?![.,]?\d|\s*(?:%|percent))"),
    ("day_month", rf"\b(?P<t>(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<mon>{MONTH}))(?!\w)(?!\.\w)"),
    ("month_year", rf"\b(?P<t>{POINT_MOD}(?P<mon>{MONTH}),?\s+(?P<year>{YEAR}))\b"),
    ("month", rf"(?:\b(?P<cue>{CUE})\s+)?(?P<t>(?:(?P<rel>(?i:last|next|this|early|late|mid|the (?:beginning|start|end|middle) of))(?:-|\s+))?(?P<mon>{FULL_MONTH})(?:\s+(?:of\s+)?(?P<ofrel>next|last|this)\s+year\b)?)\b(?!\s*,?\s*\d)"),
    ("fiscal_year", rf"\b(?P<t>(?:(?i:fiscal|financial)(?:\s+(?i:year))?\s+(?P<year>{YEAR})|(?i:the\s+)?(?P<year3>{YEAR})\s+(?i:fiscal|financial)\s+year|FY\s?(?P<year2>\d{{4}}|\d\d))(?:[-–/](?P<end>(?:19|20)?\d\d))?)(?![\w%/–-]|[.,]\d)"),
    ("year", rf"(?<![\w$£€.,/-])(?P<t>{POINT_MOD}(?P<pre>(?i:pre|post)-)?(?P<year>{YEAR}))(?![\w%/]|[.,:]\d|-\d|\s*(?:percent|per cent))"),
    ("decade", rf"(?<![\w$£€])(?P<t>(?:the\s+)?{POINT_MOD}(?:(?P<dec>1[5-9]\d|20\d)0s|['’](?P<short>[0-9])0s|(?:(?<=\bthe )|(?<=\band )|(?<=\bor ))(?P<bare>[2-9])0s))\b"),
    ("century", r"\b(?P<t>the\s+(?:(?P<pmod>(?i:early|late|mid))[\s-]+)?(?P<ord>1\d|2[01]|[1-9])(?:st|nd|rd|th)\s+century)\b"),
    ("day_range", rf"\b(?P<t>(?:(?P<mon1>{MONTH})\s+)?(?P<d1>{DAY})\s*(?:[-–]|to|and|until|through)\s*(?P<d2>{DAY})(?:\s+(?P<mon2>{MONTH}))?(?:,?\s+(?P<year>{YEAR}))?)(?![\w%])"),
    ("anaphoric_day", r"\b(?P<t>(?P<w1>the\s+(?:previous|next|following|same)\s+day|the\s+day\s+(?:before|after)|that\s+day|(?P<num>a|one|two|three|four|five|six|seven|\d+)\s+(?P<unit>day|week)s?\s+(?P<dir>earlier|later|before|after)))\b"),
    ("ordinal_unit", r"\b(?P<t>(?:a\s+|the\s+)?(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:(?:consecutive|straight|successive)\s+)?(?P<unit>day|week|month|year|session)(?:\s+in\s+a\s+row)?)\b(?!\s+(?:of|since|after|before|when)\b)"),
    ("quarter", rf"\b(?P<t>(?:the\s+)?(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))[\s-]+(?P<unit>quarter|half)(?:\s+of\s+(?:(?P<year>{YEAR})|(?P<rel>this|last|next|the) (?:fiscal |financial )?year))?)\b"),
    ("quarter_code", rf"\b(?P<t>(?P<letter>[QH])(?P<q>[1-4])(?:\s+(?P<year>{YEAR}))?)\b"),
    ("dotted_date", r"(?<![\w.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?!\w|\.\d)"),
    ("year_range", rf"(?<![\w$£€.,/-])(?P<t>(?P<y1>{YEAR})\s*(?:[-–/]|to|until|and)\s*(?P<y2>(?:19|20)?\d\d))(?![\w%/-]|[.,]\d)"),
    ("unit_long", r"\b(?P<t>(?P<unit>hour|day|week|month|year|decade|century)-long|intra-?(?P<intra>day))\b"),
    ("holiday", r"\b(?P<t>HOLIDAYS)\b"),
    ("season", rf"(?:\b(?!(?:this|last|next|early|late|mid)\b)(?P<cue>{CUE})\s+)?(?P<t>(?:(?P<rel>(?i:this|last|next|early|late|mid|the))[\s-]+)?(?P<season>(?i:spring|summer|autumn|fall|winter))(?:\s+(?:of\s+)?(?P<year>{YEAR}))?)\b"),
    ("weekday", rf"\b(?P<t>(?:(?P<pmod>(?i:early|late|earlier|later|the early hours of|the small hours of))(?:\s+on)?\s+)?(?:(?P<rel>(?i:last|next|this|coming|past|this past|this coming))\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<part>morning|afternoon|evening|night))?)\b"),
    ("day_word", r"\b(?P<t>(?:(?P<pmod>(?i:earlier|later|early|late))\s+)?(?P<word>(?i:today|tonight|yesterday|tomorrow|overnight))(?:\s+(?P<part>morning|afternoon|evening|night))?)\b"),
    ("session_part_of_day", r"\b(?P<t>(?P<part>morning|afternoon|evening))\s+(?:trading|trade|session|dealings)\b"),
    ("part_of_day", r"\b(?P<t>(?P<rel>(?i:this|last|tomorrow|yesterday))\s+(?P<part>morning|afternoon|evening|night))\b"),
    ("weekend", r"(?:\b(?P<cue>(?i:over|during|at|on|through|throughout|for|of|since|until|till|after|before|across|into))\s+|(?:^|(?<=\n)|(?<=[.!?:]\s)|(?<=[.!?][\"”’]\s))[ \t]*)(?P<t>[Tt]he weekend)\b(?!\s+(?:edition|paper|supplement|magazine)\b)"),
    ("relative_unit", r"\b(?P<t>(?:(?P<pre>(?i:earlier|later|early|late|the (?:very )?(?:end|start|beginning|middle|rest|remainder) of))\s+)?(?P<rel>(?i:this|last|next|past|previous|coming|current|the past|the last|the next|the coming|the previous|the current|the same|the))\s+(?P<unit>week|weekend|month|year|quarter|decade|century|fiscal year|financial year))\b"),
    ("anaphoric_year", r"\b(?P<t>the\s+(?:year|month)\s+(?:previous|earlier|before(?=\s*[.,;:)!?]|\s*$))|the\s+(?:previous|prior|preceding)\s+(?:year|month))\b(?!\s+(?:to|of|when|that|in|on)\b)"),
    ("same_period_year_ago", r"\b(?P<t>the\s+same\s+(?P<unit>period|month|quarter|week|day|time)\s+(?:of\s+)?(?:a\s+year\s+(?:ago|earlier|before)|(?:the\s+)?(?:last|previous|prior)\s+year)|the\s+(?:year|prior[\s-]year)[\s-](?:ago|earlier|before)?[\s-]?(?P<unit2>period|month|quarter|week|day))\b"),
    ("range_first", rf"\b(?:between|from)\s+(?P<t>(?P<num>\d+|{NUM}))\s+(?:and|to|-|–)\s+(?:\d+|{NUM})[\s-]+(?P<unit>{UNIT})s?\b"),
    ("ago", rf"\b(?P<t>{NUM}[\s-]+(?P<unit>{UNIT})s?\s+(?P<dir>ago|earlier|before|later))\b"),
    ("ago_num", rf"\b(?P<t>(?P<num>{NUM})[\s-]+(?P<unit>{UNIT})s?\s+(?P<dir>ago))\b"),
    ("duration", rf"\b(?P<t>(?:(?P<dmod>(?i:more than|less than|fewer than|just over|just under|over|under|nearly|almost|about|around|roughly|approximately|at least|at most|up to|no more than|upwards of|barely))\s+(?!(?:the\s+)?(?:past|last|next|coming|previous|first|final|following|remaining)\b))?(?:(?P<span>(?i:the\s+)?(?i:past|last|next|coming|previous|first|final|following|remaining))\s+)?(?P<num>{NUM})[\s-]+(?:(?i:full|straight|consecutive|trading|business|calendar|working|more|additional|further|long|short)\s+)?(?P<unit>{UNIT})s?(?P<adj>-long|-old)?)\b"),
    ("bare_duration", rf"\b(?P<t>(?:(?P<q>(?i:recent|many|several|the past|the last|the coming|the next|(?<=over )the|(?<=through )the))\s+)?(?P<unit>years|months|weeks|days|decades|hours|minutes|seconds|centuries)(?P<adj>-long)?)\b"),
    ("set", r"\b(?P<t>(?P<word>annual|annually|yearly|monthly|weekly|daily|nightly|hourly|quarterly|biannual|biennial)|(?P<q>(?i:every|each|per))\s+(?P<other>other\s+)?(?P<unit>year|month|week|day|morning|night|evening|annum|hour|quarter|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"),
    ("time", r"\b(?P<t>(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>(?i:a\.m\.|p\.m\.|am|pm))(?:\s+(?P<tz>[A-Z]{2,4}))?|(?P<h2>[01]?\d|2[0-3]):(?P<min2>[0-5]\d)(?:\s+(?P<tz2>UTC|GMT|[A-Z]{1,3}T|ET|CET|BST))?|(?P<h3>[01]\d|2[0-3])(?P<min3>[0-5]\d)\s+(?P<tz3>UTC|GMT)|(?P<word>noon|midnight))(?:,?\s+(?:on\s+)?(?P<tday>(?i:today|yesterday|tomorrow)|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?)(?:(?![\w:])|(?<=[Mm])(?=[A-Z][a-z]))"),
    ("vague_period", r"\b(?P<t>(?:an?|the)\s+(?:VAGUE_PERIOD)\s+period(?:\s+of\s+time)?)\b"),
    ("reference", r"\b(?P<t>(?P<word>(?i:right now|now|nowadays|currently|current|recently|recent|these days|at present|presently|at the moment|the time being|the past|the future|the near future|soon|the long term|the short term|the near term|later|earlier|at one point|(?:days|years|times)\s+(?:past|gone\s+by))))\b(?!\s+than\b)"),
]


#: Rules written in lower case that run on the lower-cased text (same offsets): case-insensitive
#: groups are ten times slower in ``re``. Rules whose capitals matter ("Daily", months) stay cased.
LOWERED_RULES = frozenset({"anaphoric_year", "same_period_year_ago", "range_first", "duration", "ago", "ago_num", "relative_unit", "quarter", "reference", "season",
                           "day_word", "part_of_day", "session_part_of_day", "weekend", "the_day", "anaphoric_day", "century",
                           "ordinal_unit", "vague_period"})


def _compile_rules() -> list[tuple[str, re.Pattern]]:
    holiday_names = "|".join(f"(?P<hd{i}>{h['pattern']})" for i, h in enumerate(holidays())) or "(?!x)x"
    vague = "|".join(re.escape(word) for word in timex_words("vague_period")) or "(?!x)x"
    compiled = []
    for name, pattern in RULES:
        pattern = pattern.replace("HOLIDAYS", holiday_names).replace("VAGUE_PERIOD", vague)
        compiled.append((name, re.compile(pattern.replace("(?i:", "(?:") if name in LOWERED_RULES else pattern)))
    events = anchor_events()
    if len(events):
        names = "|".join(f"(?P<ev{i}>{p})" for i, p in enumerate(events["pattern"]))
        compiled.append(("event", re.compile(
            rf"\b(?P<sig>(?i:since|after|before|until|following|prior to|ahead of|from))\s+(?P<t>{names})\b")))
    return compiled


@cached
def compiled_rules() -> list[tuple[str, re.Pattern]]:
    """Every rule's compiled pattern, holidays and anchor events from the lexicons in force."""
    return _compile_rules()


#: Rules tried first win ties between spans of equal length.
RULE_PRIORITY = {name: i for i, (name, _) in enumerate(RULES)}
RULE_PRIORITY["event"] = len(RULES)


class RuleContext:
    """What a normaliser needs: the text, the sentence bounds and the document date."""

    def __init__(self, text: str, reference: date | None, sentence_bounds):
        self.text = text
        self.reference = reference
        self.sentence_bounds = sentence_bounds
        self._sentence_starts = [lo for lo, _ in sentence_bounds]

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The sentence ``(lo, hi)`` holding ``offset`` (bisect over the sorted, disjoint bounds)."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0:
            lo, hi = self.sentence_bounds[i]
            if lo <= offset < hi:
                return lo, hi
        return 0, len(self.text)

    def tense(self, start: int, end: int) -> str:
        lo, hi = self.sentence_of(start)
        return clause_tense(self.text, start, end, lo, hi)

    def preceding_word(self, start: int) -> str:
        m = _LAST_WORD.search(self.text[max(0, start - 30):start])
        return m.group(1) if m else ""

    def signal(self, start: int) -> str:
        m = _SIGNALS.search(self.text[max(0, start - 20):start])
        return m.group(1).lower() if m else ""


def _result(kind, value, mod="", anchor="absolute", tense=""):
    return {"type": kind, "value": value, "mod": mod, "anchor": anchor, "tense": tense}


def _rel_shift(rel: str) -> int | None:
    rel = rel.lower().replace("the ", "")
    return {"this": 0, "current": 0, "same": 0, "last": -1, "past": -1, "previous": -1,
            "next": 1, "coming": 1}.get(rel)




def _normalise_iso_date(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """iso_date."""
    g = m.groupdict()
    try:
        day = date(int(g["y"]), int(g["m"]), int(g["d"]))
    except ValueError:
        return None
    return _result("DATE", day_value(day))


def _normalise_numeric_date(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """numeric_date."""
    g = m.groupdict()
    ref = ctx.reference
    first, second, year = int(g["a"]), int(g["b"]), int(g["y"])
    if len(g["y"]) == 2:
        pivot = (ref.year % 100 + 10) if ref else 30
        year += 2000 if year <= pivot else 1900
    month, day_number = (first, second) if first <= 12 else (second, first)  # US order first
    try:
        return _result("DATE", day_value(date(year, month, day_number)))
    except ValueError:
        return None


def _normalise_short_year(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """short_year."""
    g = m.groupdict()
    ref = ctx.reference
    yy = int(g["yy"])
    pivot = (ref.year % 100 + 5) if ref else 30
    return _result("DATE", str((2000 if yy <= pivot else 1900) + yy))


def _normalise_dotted_date(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """dotted_date: 12.02.2025, day first as written in Europe."""
    g = m.groupdict()
    try:
        return _result("DATE", day_value(date(int(g["y"]), int(g["m"]), int(g["d"]))))
    except ValueError:
        return None


def _normalise_year_range(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """year_range: "2009 to 2011", "2024-25": a stretch of years, kept with its calendar interval."""
    g = m.groupdict()
    first = int(g["y1"])
    last = int(g["y2"]) if len(g["y2"]) == 4 else first // 100 * 100 + int(g["y2"])
    if not first < last <= first + 50:
        return None
    if last == first + 1 and re.fullmatch(r"\d{4}[-–/](?:\d\d)?\d\d", m.group("t")):
        # "2002-03", "2024/25", "2016–2017": one season or fiscal year that spans two calendar years, a date
        fiscal = re.search(r"\b(?:fiscal|financial|budget|tax)\b", ctx.text[max(0, start - 30):end + 30], re.I)
        result = _result("DATE", f"FY{last}" if fiscal else str(first))
        result["interval"] = (date(first, 1, 1), date(last, 12, 31))
        return result
    result = _result("DURATION", f"P{last - first}Y")
    result["interval"] = (date(first, 1, 1), date(last, 12, 31))
    return result


def _normalise_fiscal_year(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """fiscal_year: "fiscal 2020", "the 2009 fiscal year", "FY2024", "FY08" are the fiscal year ``FY2020``
    (TimeML / TIDES convention), named by the year it ends in as the text names it; its calendar months
    depend on the organisation, so it has no first_day or last_day."""
    g = m.groupdict()
    if g["year2"] and len(g["year2"]) == 2:
        yy, ref = int(g["year2"]), ctx.reference
        pivot = (ref.year % 100 + 5) if ref else 30
        year = (2000 if yy <= pivot else 1900) + yy
    else:
        year = int(g["year"] or g["year3"] or g["year2"])
    if g["end"]:  # "fiscal year 2017-18", "FY2019/20": the fiscal year that ends in the second year
        end = int(g["end"]) if len(g["end"]) == 4 else year // 100 * 100 + int(g["end"])
        if end != year + 1:
            return None
        year = end
    return _result("DATE", f"FY{year:04d}")


def _normalise_unit_long(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """unit_long: "month-long", "decade-long"; "intraday" (within one trading day: ``P1D``, as MEANTIME has it)."""
    return _result("DURATION", duration_value(1, m.group("unit") or m.group("intra")))


def _normalise_holiday(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """holiday: "Christmas", "New Year's Day" (fixed days from data/holidays.csv)."""
    g = m.groupdict()
    ref = ctx.reference
    for i, holiday in enumerate(holidays()):
        if g.get(f"hd{i}"):
            month, day_number = holiday["month"], holiday["day"]
            if ref is None:
                return _result("DATE", f"XXXX-{month:02d}-{day_number:02d}", anchor="document date")
            tense = ctx.tense(start, end)
            year = choose_year(ref, lambda y: (date(y, month, day_number),) * 2, tense)
            return _result("DATE", day_value(date(year, month, day_number)), anchor="document date", tense=tense)
    return None


def _normalise_century(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """century."""
    g = m.groupdict()
    number = int(g["ord"])
    return _result("DATE", f"{number - 1:02d}", POINT_MODS.get((g["pmod"] or "").lower(), ""))


def _normalise_day_range(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """day_range."""
    g = m.groupdict()
    ref = ctx.reference
    month_name = g["mon1"] or g["mon2"]
    if not month_name or (g["mon1"] and g["mon2"]):
        return None
    first_day, last_day = int(re.match(r"\d+", g["d1"])[0]), int(re.match(r"\d+", g["d2"])[0])
    if not first_day < last_day:
        return None
    month = month_number(month_name)
    if g["year"]:
        year = int(g["year"])
    elif ref is not None:
        year = choose_year(ref, lambda y: (date(y, month, first_day), date(y, month, last_day)),
                           ctx.tense(start, end))
    else:
        return _result("DATE", f"XXXX-{month:02d}", anchor="document date")
    try:
        first, last = date(year, month, first_day), date(year, month, last_day)
    except ValueError:
        return None
    result = _result("DATE", month_value(year, month), anchor="absolute" if g["year"] else "document date")
    result["interval"] = (first, last)
    return result


def _normalise_ordinal_unit(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """ordinal_unit."""
    g = m.groupdict()
    ref = ctx.reference
    text = ctx.text
    # "for a third straight day", "fourth week in a row": the current day, week... of a streak
    if not (re.search(r"consecutive|straight|successive|in a row", m.group("t"))
            or re.search(r"\bfor\s+$", text[max(0, start - 5):start])):
        return None
    unit = g["unit"]
    if unit in ("month", "year"):
        # "a sixth consecutive month" of monthly figures counts reporting periods (the month of the data,
        # not of the article): an ordinal count, not a date. Day, session and week streaks of markets and
        # talks end on the document's own day or week.
        return None
    if ref is None:
        return _result("DATE", "PRESENT_REF", anchor="document date")
    value = {"day": day_value(ref), "session": day_value(ref), "week": week_value(ref),
             "month": month_value(ref.year, ref.month), "year": str(ref.year)}[unit]
    return _result("DATE", value, anchor="document date")


def _normalise_anaphoric_day(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """anaphoric_day."""
    text = ctx.text
    if re.search(r"(?:before|after)$", m.group("t").lower()) and re.match(r"\s*[\w(]", text[end:end + 3]):
        return None  # "two weeks after the launch": a duration before an event, not a date
    return _result("DATE", "ANAPHORIC", anchor="previous date")


def _normalise_anaphoric_year(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """anaphoric_year: "the year previous", "the prior month": one unit before the last such date named."""
    unit = "month" if "month" in m.group("t") else "year"
    return _result("DATE", f"ANAPHORIC_{unit.upper()}-1", anchor="previous date")


def _normalise_same_period_year_ago(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """same_period_year_ago: "the same month a year ago": the period last named, one year earlier."""
    return _result("DATE", "ANAPHORIC_SAME-1Y", anchor="previous date")


def _normalise_range_first(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """range_first: the first bound of "between 60 and 90 days", which takes the unit of the second."""
    number = number_value(m.group("num"))
    if number is None:
        return None
    return _result("DURATION", duration_value(number, m.group("unit").lower()))


def _normalise_the_day(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """the_day: "later in the day" is the last day named before it (the narrative's day), else the document date."""
    g = m.groupdict()
    mod_word = (g["pmod"] or g["pmod2"] or "").lower()
    mod = {"early": "START", "earlier": "START", "late": "END", "later": "END",
           "the start of": "START", "the beginning of": "START", "the end of": "END",
           "the close of": "END", "the rest of": "AFTER"}.get(mod_word, "")
    return _result("DATE", "ANAPHORIC", mod, "previous date")


def _normalise_month_day_year_or_day_month_year(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """month_day_year, day_month_year."""
    g = m.groupdict()
    try:
        day = date(int(g["year"]), month_number(g["mon"]), int(re.match(r"\d+", g["day"])[0]))
    except ValueError:
        return None
    return _result("DATE", day_value(day))


def _normalise_month_day_or_day_month(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """month_day, day_month."""
    g = m.groupdict()
    ref = ctx.reference
    text = ctx.text
    before_words, after_words = exclusions()
    if text[end:end + 12].lstrip().startswith(after_words):
        return None
    month = month_number(g["mon"])
    day_number = int(re.match(r"\d+", g["day"])[0])
    if g["mon"] == "May" and rule == "day_month" and not re.search(r"\d(?:st|nd|rd|th)?$|\bthe \d", m.group("t")[:-3]):
        pass
    if ref is None:
        return _result("DATE", f"XXXX-{month:02d}-{day_number:02d}", anchor="document date")
    tense = ctx.tense(start, end)
    year = choose_year(ref, lambda y: (date(y, month, day_number),) * 2, tense)
    try:
        return _result("DATE", day_value(date(year, month, day_number)), anchor="document date", tense=tense)
    except ValueError:
        return None


def _normalise_month_year(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """month_year."""
    g = m.groupdict()
    value = month_value(int(g["year"]), month_number(g["mon"]))
    return _result("DATE", value, POINT_MODS.get((g["pmod"] or "").lower(), ""))


_DETERMINER_BEFORE = re.compile(r"\b(?:its|their|his|her|our|the|this|last|next)\s+$")
_NOUN_AFTER = re.compile(r"^\s+[a-z]{3,}\b")


def _normalise_month(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """month."""
    g = m.groupdict()
    ref = ctx.reference
    text = ctx.text
    before_words, after_words = exclusions()
    rel = (g["rel"] or "").lower()
    attributive = (not g["cue"] and not rel and g["mon"] != "May"
                   and _DETERMINER_BEFORE.search(text[max(0, start - 8):start])
                   and _NOUN_AFTER.match(text[end:end + 20]))
    if not g["cue"] and not rel and not attributive and not g["ofrel"]:
        return None  # "its April launch", "the March meeting": a month used as a modifier is a date
    if text[end:end + 12].lstrip().startswith(after_words):
        return None
    if g["mon"] in ("May", "March") and not (g["cue"] or rel or attributive or g["ofrel"]):
        return None
    month = month_number(g["mon"])
    mod = POINT_MODS.get(rel, "")
    if ref is None:
        return _result("DATE", f"XXXX-{month:02d}", mod, anchor="document date")
    tense = {"last": "past", "next": "future"}.get(rel) or ctx.tense(start, end)
    if not rel and not g["ofrel"] and tense == "present" and _habitual_clause(ctx, start):
        # "the rainy season usually runs from November to April": any November, not one calendar month
        return _result("DATE", f"XXXX-{month:02d}", mod, "habitual", tense)
    if g["ofrel"]:
        year = ref.year + _rel_shift(g["ofrel"])
    elif rel == "this":
        year = ref.year
    elif rel == "last":
        year = ref.year if month < ref.month else ref.year - 1
    elif rel == "next":
        year = ref.year if month > ref.month else ref.year + 1
    else:
        year = choose_year(ref, lambda y: month_interval(y, month), tense)  # a bare month name's year
    return _result("DATE", month_value(year, month), mod, "document date", tense)


@cached
def _habitual_words() -> re.Pattern:
    """The ``habitual:`` words of ``timex_exclusions.txt`` as one pattern (lower-cased text)."""
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in timex_words("habitual")) or "(?!x)x"
    return re.compile(rf"\b(?:{words})\b")


def _habitual_clause(ctx: RuleContext, start: int) -> bool:
    """True when the sentence around ``start`` speaks of a recurring period ("usually", "every year")."""
    lo, hi = ctx.sentence_of(start)
    return _habitual_words().search(ctx.text[lo:hi].lower()) is not None


def _normalise_year(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """year."""
    g = m.groupdict()
    text = ctx.text
    before_words, after_words = exclusions()
    if ctx.preceding_word(start) in before_words:
        return None
    after = text[end:end + 25]
    prefix = text[max(0, start - 25):start].lower()
    # "2000 troops": a count, unless a temporal preposition introduces it
    if not (g["pre"] or g["pmod"]) and re.match(r"\s+[a-z]+s\b", after) and not re.search(r"\b(in|since|by|until|of|from|during|before|after|early|late|mid|to|between|and|for)\s+$", prefix):
        return None
    if re.search(r"[$£€]\s*$|\b(?:No|no|number|#)\.?\s*$", prefix):
        return None
    pre = (g["pre"] or "").lower()
    mod = SIGNAL_MODS.get(pre) or POINT_MODS.get((g["pmod"] or "").lower(), "")
    return _result("DATE", g["year"], mod)


def _normalise_decade(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """decade."""
    g = m.groupdict()
    value = g["dec"] if g["dec"] else f"19{g['short'] or g['bare']}"
    return _result("DATE", value, POINT_MODS.get((g["pmod"] or "").lower(), ""))


def _normalise_quarter_or_quarter_code(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """quarter, quarter_code."""
    g = m.groupdict()
    ref = ctx.reference
    if rule == "quarter":
        ordinal = g["ord"].lower()
        count = 2 if g["unit"] == "half" else 4
        number = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                  "fourth": 4, "4th": 4}.get(ordinal, count)
        letter = "H" if g["unit"] == "half" else "Q"
        if number > count:
            return None
        if not (g["year"] or g["rel"]) and not re.search(r"quarter|half", g["unit"]):
            return None
        if ordinal == "last" and not (g["year"] or g["rel"]):
            return None  # "the last quarter" on its own: the quarter before the document's (relative_unit)
        if g["unit"] == "half" and not (g["year"] or g["rel"]):
            return None
    else:
        number, letter = int(g["q"]), g["letter"]
        if letter == "H" and (number > 2 or not g["year"]):
            return None
    if g["year"]:
        return _result("DATE", f"{g['year']}-{letter}{number}")
    if ref is None:
        return _result("DATE", f"XXXX-{letter}{number}", anchor="document date")
    tense = ctx.tense(start, end)
    if g.get("rel") and g["rel"] != "the":
        year = ref.year + (_rel_shift(g["rel"]) or 0)
    else:
        if letter == "Q" and tense != "future" and (fiscal := _reported_fiscal_quarter(ctx, start, number)):
            return _result("DATE", fiscal, anchor="document date", tense=tense)
        months = 3 if letter == "Q" else 6
        year = choose_year(ref, lambda y: (date(y, months * number - months + 1, 1),
                                           date(y, months * number, 28)), tense)
    return _result("DATE", f"{year}-{letter}{number}", anchor="document date", tense=tense)


_RESULTS_WORDS = re.compile(r"\b(?:results?|earnings|profits?|loss(?:es)?|revenues?|sales|income|per share)\b", re.I)
#: Quarterly results come out within about this many days of the quarter's end.
REPORTING_LAG_DAYS = 120


def _reported_fiscal_quarter(ctx: RuleContext, start: int, number: int) -> str | None:
    """``FY2001-Q3`` for a quarter whose results a company reports long after the calendar quarter of that number.

    "posted third-quarter earnings" in an article of 27 June: results are reported within a few weeks of a
    quarter's end, and the last calendar third quarter ended nine months before, so the company's quarter is a
    fiscal one, ending about a month before the article. Its fiscal year is named by the year it ends in, three
    months per remaining quarter later. None when the sentence is not about results or the calendar quarter fits.
    """
    ref = ctx.reference
    lo, hi = ctx.sentence_of(start)
    if not _RESULTS_WORDS.search(ctx.text, lo, hi):
        return None
    ended = date(ref.year if 3 * number < ref.month or (3 * number == ref.month and ref.day >= 28) else ref.year - 1,
                 3 * number, 1)  # the first day of the last month of the latest calendar quarter ended by now
    if (ref - ended).days <= REPORTING_LAG_DAYS + 30:
        return None
    quarter_end = shift_months(ref.year, ref.month, -1)  # the fiscal quarter ended about a month ago
    year_end = shift_months(*quarter_end, 3 * (4 - number))
    return f"FY{year_end[0]:04d}-Q{number}"


def _normalise_season(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """season."""
    g = m.groupdict()
    ref = ctx.reference
    rel = (g["rel"] or "").lower()
    season = g["season"].lower()
    attributive = season != "fall" and _DETERMINER_BEFORE.search(ctx.text[max(0, start - 12):start]) \
        and _NOUN_AFTER.match(ctx.text[end:end + 20])  # "their autumn meetings", "the summer holidays"
    if not (g["year"] or rel in ("this", "last", "next", "early", "late", "mid") or (g["cue"] and rel == "the") or g["cue"]
            or attributive):
        return None
    if season == "fall" and not (g["year"] or rel in ("this", "last", "next", "early", "late") or (rel == "the" and g["cue"])):
        return None
    if not g["year"] and not rel and g["cue"] and g["cue"].lower() not in ("in", "since", "by", "until", "during", "this", "last", "next", "early", "late", "mid", "through", "over"):
        return None
    code = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}[season]
    mod = POINT_MODS.get(rel, "")
    if g["year"]:
        return _result("DATE", f"{g['year']}-{code}", mod)
    if ref is None:
        return _result("DATE", f"XXXX-{code}", mod, "document date")
    shift = _rel_shift(rel) if rel in ("last", "next") else 0
    return _result("DATE", f"{ref.year + shift}-{code}", mod, "document date")


def _normalise_weekday(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """weekday."""
    g = m.groupdict()
    ref = ctx.reference
    text = ctx.text
    before_words, after_words = exclusions()
    if text[end:end + 25].lstrip().startswith(after_words):
        return None
    if ctx.preceding_word(start) in before_words:
        return None
    weekday = WEEKDAYS.index(g["wd"].lower())
    rel = (g["rel"] or "").lower()
    part = g["part"]
    if ref is None:
        value = f"XXXX-WXX-{weekday + 1}"
        tense = {"last": "past", "past": "past", "this past": "past", "next": "future",
                 "coming": "future", "this coming": "future"}.get(rel) or ctx.tense(start, end)
        return _result("TIME" if part else "DATE", value + (f"T{PART_OF_DAY[part]}" if part else ""),
                       anchor="document date", tense=tense)
    if rel in ("last", "past", "this past"):
        tense = "past"
        day = weekday_date(ref - timedelta(days=1), weekday, "past")
    elif rel in ("next", "coming", "this coming"):
        tense = "future"
        day = weekday_date(ref + timedelta(days=1), weekday, "future")
    else:
        tense = ctx.tense(start, end)
        day = weekday_date(ref, weekday, tense)
    day_mod = {"early": "START", "late": "END", "the early hours of": "START",
               "the small hours of": "START"}.get((g["pmod"] or "").lower(), "")
    if part:
        return _result("TIME", f"{day_value(day)}T{PART_OF_DAY[part]}", day_mod, "document date", tense)
    return _result("DATE", day_value(day), day_mod, "document date", tense)


def _normalise_day_word_or_part_of_day(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """day_word, part_of_day."""
    g = m.groupdict()
    ref = ctx.reference
    text = ctx.text
    word = (g.get("word") or g.get("rel") or "").lower()
    part = g.get("part")
    day_mod = {"early": "START", "late": "END"}.get((g.get("pmod") or "").lower(), "")
    offset = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1,
              "overnight": -1}[word]
    if word == "overnight":
        if re.match(r"[-‐]", text[end:end + 1]):
            return None  # "overnight-stay"
        part = "night"
    if word == "last" and part != "night":
        return None
    if word == "tonight":
        part = "tonight"
    if ref is None:
        return _result("TIME" if part else "DATE", "PRESENT_REF" if offset == 0 else
                       f"XXXX-XX-XX{'T' + PART_OF_DAY[part] if part else ''}", anchor="document date")
    day = ref + timedelta(days=offset)
    if part:
        return _result("TIME", f"{day_value(day)}T{PART_OF_DAY[part]}", day_mod, anchor="document date")
    return _result("DATE", day_value(day), day_mod, anchor="document date")


def _normalise_session_part_of_day(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """session_part_of_day: "in morning trading" is that part of the day last named (``ANAPHORIC`` + ``TMO``)."""
    return _result("TIME", "ANAPHORIC" + "T" + PART_OF_DAY[m.group("part")], anchor="previous date")


def _normalise_weekend(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """weekend."""
    ref = ctx.reference
    if ref is None:
        return _result("DATE", "XXXX-WXX-WE", anchor="document date")
    tense = ctx.tense(start, end)
    saturday = weekday_date(ref, 5, "future" if tense == "future" else "past")
    return _result("DATE", week_value(saturday) + "-WE", anchor="document date", tense=tense)


#: The underspecified value of "last week", "this quarter"... in a text without a date, at the unit's granularity.
_UNDATED_UNIT_VALUES = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                        "fiscal year": "FYXXXX", "financial year": "FYXXXX", "quarter": "XXXX-QX",
                        "decade": "XXX", "century": "XX"}


def _normalise_relative_unit(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """relative_unit."""
    g = m.groupdict()
    ref = ctx.reference
    rel = g["rel"].lower()
    unit = g["unit"].lower()
    pre = (g["pre"] or "").lower().replace("by ", "").replace("the very ", "the ")
    if rel == "the" and not pre.startswith("the "):
        return None  # "the year" alone is not a date; "the end of the year" is
    shift = 0 if rel == "the" else _rel_shift(rel)
    if shift is None:
        return None
    if rel == "the previous" and not pre:
        rel, shift = "previous", -1
    if rel == "the same" and not pre:  # "the same year": a stretch the size of the unit (kept as it was)
        if unit in ("weekend", "fiscal year", "financial year"):
            return None
        return _result("DURATION", duration_value(1, unit), anchor="document date")
    # "the past year", "the last quarter", "the next month": the calendar unit before or after the document
    # date's own (MEANTIME / TimeML convention: "the past decade" in 2011 is 200), like "last year"
    mod = POINT_MODS.get(pre, "")
    if pre in ("earlier", "early"):
        mod = "START" if pre == "early" else ""
    elif pre in ("later", "late"):
        mod = "END" if pre == "late" else ""
    elif pre.startswith("the rest") or pre.startswith("the remainder"):
        mod = "AFTER"
    if ref is None:  # no document date: the unit's own placeholder ("last week" is XXXX-WXX, not a year)
        return _result("DATE", _UNDATED_UNIT_VALUES[unit], mod, "document date")
    if unit == "week":
        value = week_value(ref + timedelta(weeks=shift))
    elif unit == "weekend" and rel == "this" and ctx.tense(start, end) == "past":
        # "won the league this weekend" in a Monday's article: the weekend just gone, not the coming one
        value = week_value(weekday_date(ref, 5, "past")) + "-WE"
    elif unit == "weekend":
        value = week_value(ref + timedelta(weeks=shift)) + "-WE"
    elif unit == "month":
        value = month_value(*shift_months(ref.year, ref.month, shift))
    elif unit in ("year", "fiscal year", "financial year"):
        value = str(ref.year + shift)
        if unit != "year":
            value = "FY" + value
    elif unit == "quarter":
        year, month = shift_months(ref.year, ref.month, 3 * shift)
        value = f"{year}-Q{quarter_of(month)}"
    elif unit == "decade":
        value = str((ref.year // 10) + shift)
    else:
        value = str((ref.year // 100) + shift)
    return _result("DATE", value, mod, "document date")


def _normalise_ago_or_ago_num(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """ago, ago_num: "two years ago" is the DURATION P2Y that ends at the document date (MEANTIME / ISO-TimeML
    convention: the duration, with the point it reaches back to as its begin point).

    The point ("2022") is kept as ``point``: the tagger gives its calendar interval to first_day and
    last_day, so the row still says when. Without a document date or a whole number of units the
    duration stays and the point is unknown.
    """
    g = m.groupdict()
    ref = ctx.reference
    words = m.group("t").split()
    unit = g["unit"].lower()
    number = number_value(" ".join(words[:-2])) if rule == "ago" else number_value(g["num"])
    if g["dir"] in ("earlier", "later") and unit not in ("day", "week"):
        # "three years later", "two months earlier": the same convention as "ago", the DURATION, here counted
        # from the narrative's previous date rather than the document's, so no point is computed. Days and
        # weeks ("a week later") stay the dated anaphoric_day rule's.
        return _result("DURATION", duration_value(number, unit), anchor="previous date")
    if g["dir"] != "ago":
        return None
    if number is None:
        return _result("DATE", "PAST_REF", anchor="document date")
    result = _result("DURATION", duration_value(number, unit), anchor="document date")
    point = _ago_point(ref, number * UNIT_FACTORS.get(unit, 1), unit) if ref is not None else None
    if point is not None:
        result["point"] = point
    return result


def _ago_point(ref: date, n: float, unit: str) -> str | None:
    """The calendar value ``n`` units before ``ref`` at the unit's precision ("2022", "2024-01", "2024-W10")."""
    if not float(n).is_integer():
        return None
    n = int(n)
    if unit in ("year", "decade", "century"):
        return str(ref.year - n)
    if unit == "month":
        return month_value(*shift_months(ref.year, ref.month, -n))
    if unit in ("week", "fortnight"):
        return week_value(ref - timedelta(weeks=n))
    if unit == "day":
        return day_value(ref - timedelta(days=n))
    if unit == "quarter":
        year, month = shift_months(ref.year, ref.month, -3 * n)
        return f"{year}-Q{quarter_of(month)}"
    return None


def _normalise_duration(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """duration."""
    g = m.groupdict()
    text = ctx.text
    num = g["num"]
    number = number_value(num)
    unit = g["unit"].lower()
    if num.lower() in ("a", "an", "one", "single") and g["adj"] is None and not g["dmod"] and not g["span"]:
        before = text[max(0, start - 30):start]
        if re.search(r"(?:\d|\bbillion|\bmillion|\bthousand|\btrillion|\bpercent|%|\btimes|\bonce|\btwice|\dbn|\dm)\s*$", before):
            return _result("SET", duration_value(1, unit), anchor="absolute")
        if re.match(r"\s+(?:ago|earlier|later)\b", text[end:end + 10]):
            return None
    if num.lower() == "some" and g["dmod"]:
        return None
    if _recorded_amount(text, end, unit) or _stored_amount(text, end, unit):
        return None  # "75 hours of video", "150 hours can be stored": an amount of recording, not a stretch of time
    if g["dmod"] and g["span"]:
        return None  # "over the past 24 hours": "over" is a signal; the span starts at "the past"
    if unit == "quarter" and _FRACTION_OF.match(text, end):
        return None  # "nearly three quarters of its value": a fraction, not a time
    if unit in ("quarter", "second") and num.lower() in ("a", "an", "one") and not g["span"]:
        # "about a quarter of its dealers", "a second consecutive day": a fraction, an ordinal
        if unit == "quarter" or re.match(r"\s+\w", text[end:end + 3]):
            return None
    if unit == "quarter" and not g["span"] and number is not None:
        pass
    mod = DURATION_MODS.get((g["dmod"] or "").lower(), "")
    return _result("DURATION", duration_value(number, unit), mod)


_FRACTION_OF = re.compile(r"\s+of\s+(?:its|the|their|his|her|our|your|a|an|all|this|that|these|those)\b", re.I)
_MATERIAL_AFTER = re.compile(r"\s+of\s+(?:[\w-]+\s+)?([\w-]+)")


def _recorded_amount(text: str, end: int, unit: str) -> bool:
    """True for "hours of video", "90 minutes of high-definition footage": recorded material measured in time
    (nouns from the ``recorded:`` lines of ``timex_exclusions.txt``), an amount rather than a time."""
    if not unit.startswith(("hour", "minute")):
        return False
    after = _MATERIAL_AFTER.match(text, end, end + 60)
    if after is None:
        return False
    words = {w.lower() for w in re.findall(r"[\w-]+", after.group(0))[1:]}
    return bool(words & recorded_materials())


@cached
def _storage_after() -> re.Pattern:
    """"can be stored", "are recorded": the ``storage:`` verbs of ``timex_exclusions.txt`` after a modal or "be"."""
    verbs = "|".join(re.escape(w) for w in timex_words("storage")) or "(?!x)x"
    return re.compile(rf"\s+(?:(?:can|could|will|may|might)\s+be|is|are|were|was)\s+(?:{verbs})\b", re.I)


def _stored_amount(text: str, end: int, unit: str) -> bool:
    """True for "150 hours can be stored": hours or minutes a device holds, an amount rather than a time."""
    return unit.startswith(("hour", "minute")) and _storage_after().match(text, end, end + 40) is not None


_RECORD_AFTER = re.compile(r"^\s+(?:of|from)\s+(?:the|their|its|his|her|our|a|an|this|last|that)\b")


def _normalise_bare_duration(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """bare_duration."""
    g = m.groupdict()
    text = ctx.text
    unit = g["unit"].lower()
    q = (g["q"] or "").lower()
    before = text[max(0, start - 12):start].lower()
    after = text[end:end + 10].lower()
    if unit == "minutes" and not q and _RECORD_AFTER.match(after + text[end + 10:end + 30].lower()):
        return None  # "the minutes from their meeting": the record of a meeting, not a duration
    if _recorded_amount(text, end, unit):
        return None  # "hours of footage": an amount of recording
    if not (q or g["adj"] or re.search(r"\b(?:for|over|in|within|after|of|recent|past|coming|just|only|mere)\s+$", before)
            or re.match(r"\s+(?:of|ago|later|earlier|long|in the|after|before)\b", after)):
        return None
    if re.search(r"\d\s*$|\b(?:the|these|those|this|that|their|its|his|her|our|your|my)\s+$", before) and not (q or g["adj"]):
        return None
    if q in ("recent", "the past", "the last") and re.match(r"\s+ago", after) is None and q == "recent":
        return _result("DURATION", duration_value(None, unit.rstrip("s")), anchor="document date")
    return _result("DURATION", duration_value(None, unit.rstrip("s") if unit != "centuries" else "century"))


def _normalise_set(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """set."""
    g = m.groupdict()
    word = (g["word"] or "").lower()
    if word:
        value = {"annual": "P1Y", "annually": "P1Y", "yearly": "P1Y", "monthly": "P1M",
                 "weekly": "P1W", "daily": "P1D", "nightly": "P1D", "hourly": "PT1H",
                 "quarterly": "P3M", "biannual": "P6M", "biennial": "P2Y"}[word]
        return _result("SET", value)
    unit = g["unit"].lower()
    count = 2 if g["other"] else 1
    if unit in WEEKDAYS:
        return _result("SET", f"XXXX-WXX-{WEEKDAYS.index(unit) + 1}")
    if unit in ("morning", "night", "evening"):
        return _result("SET", f"TXX{PART_OF_DAY[unit]}" if False else f"P{count}D")
    unit = "year" if unit == "annum" else unit
    return _result("SET", duration_value(count, unit))


def _normalise_time(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """time."""
    g = m.groupdict()
    ref = ctx.reference
    text = ctx.text
    if g["word"]:
        hour, minute = (12, 0) if g["word"] == "noon" else (0, 0)
        tz = ""
    elif g["h"] is not None:
        hour, minute = int(g["h"]), int(g["min"] or 0)
        ampm = g["ampm"].lower().replace(".", "")
        if hour > 12 or hour == 0:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
        tz = g["tz"] or ""
    elif g["h2"] is not None:
        hour, minute, tz = int(g["h2"]), int(g["min2"]), g["tz2"] or ""
        if re.match(r"\d", text[end:end + 1]) or re.search(r"\d[:.]?$", text[max(0, start - 2):start]):
            return None
    else:
        hour, minute, tz = int(g["h3"]), int(g["min3"]), g["tz3"]
    zone = "Z" if tz in ("UTC", "GMT") else ""
    clock = f"T{hour:02d}:{minute:02d}{zone}"
    if ref is None:
        return _result("TIME", f"XXXX-XX-XX{clock}", anchor="document date")
    day = ref
    tday = (g["tday"] or "").lower()
    if tday in ("yesterday", "tomorrow"):
        day = ref + timedelta(days=-1 if tday == "yesterday" else 1)
    elif tday in WEEKDAYS:
        day = weekday_date(ref, WEEKDAYS.index(tday), ctx.tense(start, end))
    return _result("TIME", f"{day_value(day)}{clock}", anchor="document date")


def _normalise_reference(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """reference."""
    g = m.groupdict()
    text = ctx.text
    word = " ".join(g["word"].lower().split())
    if word == "earlier" and (_DETERMINER_OR_UNIT_BEFORE.search(text, max(0, start - 30), start)):
        return None  # "an earlier version" (an adjective), "three weeks earlier" (the duration's)
    if word.endswith(("past", "gone by")) and (_QUANTITY_BEFORE.search(text, max(0, start - 12), start)
                                               or _PAST_OBJECT_AFTER.match(text, end, end + 10)):
        return None  # "30 days past due", "years past the deadline": "past" is a preposition there
    if word in ("current", "recent", "recently") and _YEAR_AFTER.match(text, end, end + 8):
        return None  # "the current 2018–2019 period": a modifier of the year that follows
    if text[end:end + 1] in "-‐–":
        return None  # "now-cancelled", "soon-to-open": part of a compound adjective
    if word == "soon" and re.search(r"\bas\s+$", text[max(0, start - 4):start], re.I) and re.match(r"\s+as\b", text[end:end + 4]):
        return None  # "as soon as": a conjunction (a TimeML signal), not a time
    if word == "soon" and re.match(r"\s+(?:after|before)\s+\w", text[end:end + 12], re.I):
        return None  # "soon after the vote": relates two events (a signal), names no time of its own
    if word in ("the past", "the future") and re.match(r"\s+(?:\w+\s+)?(?:year|month|week|day|decade|centur|hour|minute)", text[end:end + 20]):
        return None
    if word in ("the future", "the past") and re.match(r"\s+of\b", text[end:end + 5]):
        return None
    if word in ("current",) and re.match(r"\s+(?:account|affairs|events|events|account|density|flow|state|levels?)\b", text[end:end + 12]):
        return None
    value = {"recently": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF",
             "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "soon": "FUTURE_REF",
             "the long term": "FUTURE_REF", "the short term": "FUTURE_REF",
             "the near term": "FUTURE_REF", "future": "FUTURE_REF",
             "later": "FUTURE_REF", "earlier": "PAST_REF", "at one point": "PAST_REF"}.get(word)
    if value is None:
        value = "PAST_REF" if word.endswith(("past", "gone by")) else "PRESENT_REF"
    return _result("DATE", value, anchor="document date")


_DETERMINER_OR_UNIT_BEFORE = re.compile(
    r"(?:\b(?:an?|the|its|their|his|her|our|your|my|this|that|these|those)"
    r"|\b(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie))s?)\s+\Z", re.I)
_QUANTITY_BEFORE = re.compile(r"(?:\d|\b(?:few|several|many|some|two|three|four|five|ten))\s+\Z", re.I)
_PAST_OBJECT_AFTER = re.compile(r"\s+(?:(?:due|the|its|their|his|her|our|a|an)\b|\d)", re.I)
_YEAR_AFTER = re.compile(r"\s+(?:19|20)\d\d\b")


def _normalise_vague_period(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """vague_period: "an indefinite period (of time)", a duration whose length is not stated.

    TIMEX3 has no value for an unknown unit; MEANTIME writes such periods ``PXD``, and so do we.
    """
    return _result("DURATION", "PXD")


def _normalise_event(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """event."""
    g = m.groupdict()
    for i, row in enumerate(_anchor_event_rows()):
        if g.get(f"ev{i}"):
            first = date.fromisoformat(row["first_day"])
            last = date.fromisoformat(row["last_day"])
            value = day_value(first) if first == last else f"{first.year:04d}"
            return _result("DATE", value, anchor=f"event: {row['event']}")
    return None


NORMALISERS = {
    "dotted_date": _normalise_dotted_date,
    "year_range": _normalise_year_range,
    "unit_long": _normalise_unit_long,
    "fiscal_year": _normalise_fiscal_year,
    "holiday": _normalise_holiday,
    "iso_date": _normalise_iso_date,
    "numeric_date": _normalise_numeric_date,
    "short_year": _normalise_short_year,
    "century": _normalise_century,
    "day_range": _normalise_day_range,
    "ordinal_unit": _normalise_ordinal_unit,
    "anaphoric_day": _normalise_anaphoric_day,
    "the_day": _normalise_the_day,
    "month_day_year": _normalise_month_day_year_or_day_month_year,
    "day_month_year": _normalise_month_day_year_or_day_month_year,
    "month_day": _normalise_month_day_or_day_month,
    "day_month": _normalise_month_day_or_day_month,
    "month_year": _normalise_month_year,
    "month": _normalise_month,
    "year": _normalise_year,
    "decade": _normalise_decade,
    "quarter": _normalise_quarter_or_quarter_code,
    "quarter_code": _normalise_quarter_or_quarter_code,
    "season": _normalise_season,
    "weekday": _normalise_weekday,
    "day_word": _normalise_day_word_or_part_of_day,
    "part_of_day": _normalise_day_word_or_part_of_day,
    "weekend": _normalise_weekend,
    "relative_unit": _normalise_relative_unit,
    "ago": _normalise_ago_or_ago_num,
    "ago_num": _normalise_ago_or_ago_num,
    "duration": _normalise_duration,
    "bare_duration": _normalise_bare_duration,
    "set": _normalise_set,
    "time": _normalise_time,
    "reference": _normalise_reference,
    "event": _normalise_event,
    "anaphoric_year": _normalise_anaphoric_year,
    "same_period_year_ago": _normalise_same_period_year_ago,
    "range_first": _normalise_range_first,
    "session_part_of_day": _normalise_session_part_of_day,
    "vague_period": _normalise_vague_period,
}


def normalise(rule: str, m: re.Match, ctx: RuleContext, start: int, end: int):
    """TIMEX3 type, value, mod, anchor and tense of one match; None when it is not a time."""
    handler = NORMALISERS.get(rule)
    return handler(rule, m, ctx, start, end) if handler else None


#: Words near which a rule can match: the full rule only runs in a window around them
#: (speed: most of a text holds no time word). Matched as whole words on the text
#: lower-cased (ASCII, same length) except "cased" ones; "digit" = any number.
TRIGGER_WORDS = {
    "unit": "second seconds minute minutes hour hours day days week weeks weekend weekends fortnight fortnights month "
            "months year years decade decades century centuries quarter quarters half session intraday intra",
    "day_word": "today tonight yesterday tomorrow overnight",
    "season": "spring summer autumn fall winter",
    "reference": "now current currently recent recently present presently moment past future soon term "
                 "nowadays time later earlier point gone",
    "period": "period",
    "set": "annual annually yearly monthly weekly daily nightly hourly quarterly biannual biennial every each per",
    "part_of_day": "morning afternoon evening night",
    "event": "since after before until following prior ahead from",
}
CASED_TRIGGER_WORDS = {
    "month": "January February March April May June July August September October November December "
             "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec",
    "weekday": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
}
RULE_TRIGGERS = {
    **{rule: "month" for rule in ("month_day_year", "day_month_year", "month_day", "day_month",
                                  "month_year", "month")},
    "season": "season",
    **{rule: "unit" for rule in ("ago", "ago_num", "duration", "bare_duration", "relative_unit",
                                 "quarter", "the_day", "weekend")},
    "reference": "reference",
    "vague_period": "period",
    "set": "set",
    **{rule: "digit" for rule in ("iso_date", "numeric_date", "time", "quarter_code", "year", "decade",
                                  "short_year")},
    "weekday": "weekday",
    "century": "unit",
    "day_range": "month",
    "anaphoric_day": "unit",
    "anaphoric_year": "unit",
    "same_period_year_ago": "unit",
    "range_first": "unit",
    "ordinal_unit": "unit",
    "unit_long": "unit",
    "holiday": "holiday",
    "dotted_date": "digit",
    "fiscal_year": "digit",
    "year_range": "digit",
    "day_word": "day_word",
    "part_of_day": "part_of_day",
    "session_part_of_day": "part_of_day",
    "event": "event",
}
#: For some rules, a simple pattern that every match of the rule contains (or every match the
#: normaliser keeps: "ago" for the "ago" rule). A window where it is absent is skipped without running
#: the rule, which changes no result and saves most of the digit rules' time (a digit is in many
#: windows, a date shape in few). Written for the text the rule runs on (lower-cased for LOWERED_RULES).
#: A gate is searched in every window of its rule: one that starts with a character class (no top-level
#: "|") lets ``re`` jump to the characters a hit can start with instead of trying it at every character.
RULE_GATES = {
    "iso_date": r"\d-[01]\d-",
    "numeric_date": r"\d/\d",
    "dotted_date": r"\d\.\d",
    "fiscal_year": r"[Ff](?:iscal|inancial)|F(?:ISCAL|INANCIAL|Y)",
    "short_year": r"['’]\d\d",
    "time": r"[\dnm](?:(?<=\d)(?:\s*[aApP]\.?[mM]|:\d|\s+(?:UTC|GMT))|(?<=n)oon|(?<=m)idnight)",
    "quarter_code": r"[QH][1-4]",
    "year": r"\d\d\d\d",
    "decade": r"\d0s",
    "year_range": r"\d\d\d\d\s*(?:[-–/]|to|until|and)\s*\d\d",
    "ago": r"ago|earlier|later",
    "ago_num": r"ago",
    "ordinal_unit": r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d(?:st|nd|rd|th)",
    "range_first": r"between|from",
    "same_period_year_ago": r"same|year[\s-]",
    "century": r"century",
    "unit_long": r"-long|intra-?day",
    "weekend": r"weekend",
    "quarter": r"quarter|half",
    "the_day": r"the day",
    "bare_duration": r"years|months|weeks|days|decades|hours|minutes|seconds|centuries",
}
_GATES = {name: re.compile(gate) for name, gate in RULE_GATES.items()}
WINDOW_BEFORE, WINDOW_AFTER = 90, 45
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@cached
def _scanners():
    """(lower-case words, word -> categories), (cased word pattern, word -> categories), the digit pattern."""
    built = []
    holiday_words = " ".join(sorted({w for h in holidays() for w in re.findall(r"[A-Z][a-z]+", h["pattern"])}))
    for table, rare_start in ((TRIGGER_WORDS, False), ({**CASED_TRIGGER_WORDS, "holiday": holiday_words}, True)):
        lookup: dict[str, list[str]] = {}
        for category, words in table.items():
            for word in words.split():
                lookup.setdefault(word, []).append(category)
        # whole words (letters only): the lower-case ones searched after a non-word character, which re
        # jumps to, in the pass over the lower-cased text that figures share (LOWER_CASE_WORDS); the cased
        # ones (capitals are rare) searched themselves (see WordStartPattern)
        built.append((frozenset(lookup) if not rare_start else WordStartPattern(trie_regex(lookup) + r"\b", rare_start),
                      lookup))
    return (built[0], built[1], re.compile(r"\d+"))


#: Digit runs at most WINDOW_BEFORE + WINDOW_AFTER characters apart, as one match: their windows overlap,
#: so each match is one merged "digit" window (found by ``re`` rather than merged run by run in Python).
_DIGIT_CLUSTER = re.compile(r"\d(?:\D{0,%d}\d)*" % (WINDOW_BEFORE + WINDOW_AFTER))  # digit by digit: faster in re


def _merged_windows(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The windows around ``spans`` (sorted), overlapping ones merged."""
    merged: list[list[int]] = []
    for start, end in spans:
        lo, hi = max(0, start - WINDOW_BEFORE), min(length, end + WINDOW_AFTER)
        if merged and lo <= merged[-1][1]:
            if hi > merged[-1][1]:
                merged[-1][1] = hi
        else:
            merged.append([lo, hi])
    return [(lo, hi) for lo, hi in merged]


def _trigger_windows(text: str, lowered: str) -> dict[str, list[tuple[int, int]]]:
    """For each trigger category, the merged windows around its words in ``text``."""
    (lower_words, lower_lookup), (cased_pattern, cased_lookup), _ = _scanners()
    hits: dict[str, list[tuple[int, int]]] = {}
    for found, lookup in ((LOWER_CASE_WORDS.spans(lowered, lower_words), lower_lookup),
                          (cased_pattern.spans(text), cased_lookup)):
        for start, end, word in found:
            span = (start, end)
            for category in lookup[word]:
                if category in hits:
                    hits[category].append(span)
                else:
                    hits[category] = [span]
    length = len(text)
    windows = {category: _merged_windows(sorted(spans), length) for category, spans in hits.items()}
    windows["digit"] = [(max(0, m.start() - WINDOW_BEFORE), min(length, m.end() + WINDOW_AFTER))
                        for m in _DIGIT_CLUSTER.finditer(text)]
    return windows


@cached
def _rule_plan() -> list[tuple]:
    """Per rule, once: name, pattern, trigger category, whether it reads the lower-cased text, gate, span group."""
    return [(name, pattern, RULE_TRIGGERS.get(name), name in LOWERED_RULES, _GATES.get(name), "t" in pattern.groupindex)
            for name, pattern in compiled_rules()]


def candidates(text: str) -> list[tuple[int, int, int, int, str, re.Match]]:
    """Every rule's matches in ``text``: ``(start - end, start, rule priority, end, rule, match)``, sorted.

    Longest first, then by start, then in rule order; one per span and rule (the first match found).
    """
    seen = set()
    ordered = []  # (start - end, start, rule priority, end, name, match): unique up to the priority
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased
        lowered = text.translate(_ASCII_LOWER)
    windows = _trigger_windows(text, lowered)
    whole = [(0, len(text))]
    for name, pattern, trigger, lowered_rule, gate, has_span_group in _rule_plan():
        spans = whole if trigger is None else windows.get(trigger, ())
        source = lowered if lowered_rule else text
        priority = RULE_PRIORITY[name]
        for lo, hi in spans:
            if gate is not None and gate.search(source, lo, hi) is None:
                continue
            for m in pattern.finditer(source, lo, hi):
                start, end = m.span("t") if has_span_group else m.span()
                if start < 0:  # the group "t" did not take part: the whole match is the span
                    start, end = m.span()
                if end > start and (start, end, name) not in seen:  # the first match of a span is kept
                    seen.add((start, end, name))
                    ordered.append((start - end, start, priority, end, name, m))
    # longest first at each position, then rule order (a plain tuple sort: the first three fields never tie)
    ordered.sort()
    return ordered
