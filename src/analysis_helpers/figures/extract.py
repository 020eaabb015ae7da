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

import re
from functools import lru_cache
from operator import itemgetter

import pandas as pd

from ..corpus.build import open_corpus
from ..resources import accepts_lexicons, cached
from ..word_patterns import LOWER_CASE_WORDS, trie_regex
from .context import counted_noun, lemma  # noqa: F401  (re-exported: tests and notebooks import them here)
from .lexicons import multiplier_words
from .number_words import CARDINAL_WORDS, DENOMINATORS, ORDINAL_UNITS, TENS, scale_words
from .reading import _patterns, read_figure

FIGURE_COLUMNS = [
    "doc_id", "figure_id", "start", "end", "text", "kind", "value", "value_low", "value_high",
    "bound", "unit", "base", "subject", "change", "per", "sent_id", "block_id", "role", "rule", "sentence",
]
KINDS = ("money", "percent", "count", "fraction", "ordinal", "rank", "duration", "measure", "ratio")


@cached
def _trigger_words() -> frozenset[str]:
    """Lower-case words a number expression can start with (the core pattern's first words)."""
    return frozenset(CARDINAL_WORDS) | frozenset(DENOMINATORS) | frozenset(ORDINAL_UNITS) | frozenset(TENS) | {
        "a", "an", "no", "nos", "tens", "dozens", "hundreds", "thousands", "millions", "billions"} | frozenset(
        multiplier_words())


@lru_cache(maxsize=1)
def _article_trigger() -> re.Pattern:
    """ "a"/"an" (in lower-cased text) before a scale, fraction or time word, or "a <adjective> third of"."""
    after_article = sorted(set(DENOMINATORS) | {"hundred", "thousand", "million", "billion", "trillion", "dozen",
                                                 "year", "month", "week", "day", "hour", "decade", "century",
                                                 "minute"})
    return re.compile(r"an?\s+(?:(?:" + trie_regex(after_article) + r")\b|[a-z]+\s+(?:"
                      + trie_regex(sorted(DENOMINATORS)) + r")\s+of\b)")


# "[0-9#]+" written with its first character apart: re then skips ahead to a digit (about twice as fast)
_DIGIT_RUN = re.compile(r"[0-9#][0-9#]*")
_FOLD_WORD = re.compile(r"\b[a-z]+fold\b")


@cached
def _word_list() -> frozenset[str]:
    """Number words searched as whole words in lower-cased text, in the pass shared with the timex triggers
    (:data:`~analysis_helpers.word_patterns.LOWER_CASE_WORDS`; "a", "an", "no" are found apart)."""
    return frozenset(_trigger_words() - {"a", "an", "no", "nos"})


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
    starts.update(start for start, _, _ in LOWER_CASE_WORDS.spans(lower, _word_list()))
    for marker in ("No", "Nos"):
        idx = text.find(marker)
        while idx >= 0:
            starts.add(idx)
            idx = text.find(marker, idx + 1)
    if "fold" in lower:  # the pattern scans every word; most texts hold no "-fold" word at all
        starts.update(m.start() for m in _FOLD_WORD.finditer(lower))
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
class _WebAddresses:
    """Which offsets of one text sit inside a URL, an e-mail address or a path (a run without spaces).

    Asked in increasing order of offsets, as the figures are found: the run around an offset is
    found once (the spaces or newlines around it) and searched for a web token once, so a long run
    holding many numbers costs its length once, not once per number.
    """

    def __init__(self, text: str):
        self.text = text
        self.left = self.right = 0
        self.answer = False
        self.searches = 0

    def __contains__(self, pos: int) -> bool:
        if not self.left <= pos < self.right:
            text = self.text
            # a separator stands at self.right: the one before pos is at or after it when pos is beyond it
            lower = self.right if pos > self.right else 0
            self.left = max(text.rfind(" ", lower, pos), text.rfind("\n", lower, pos)) + 1
            found = [i for i in (text.find(" ", pos), text.find("\n", pos)) if i >= 0]
            self.right = min(found) if found else len(text)
            self.answer = bool(_WEB_TOKEN.search(text[self.left:self.right]))
            self.searches += 1
        return self.answer


def _in_web_address(text: str, pos: int) -> bool:
    """True when ``pos`` sits inside a URL, an e-mail address or a path (a run without spaces)."""
    return pos in _WebAddresses(text)


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


_FROM_TO = re.compile(r"^\s+to\s+$")
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)


def _mark_changes(text: str, figures: list[dict]) -> None:
    """ "from $1.63 to $13.03", "fell $2.86 to $77.11": the figure after "to" is where the change ends.

    Changes ``figures`` in place: the first gets ``change`` = ``from`` (unless a verb already says up or
    down), the second ``to``. "between 3 and 5" is a range, read as one figure, and is not touched.
    """
    for first, second in zip(figures, figures[1:]):
        if not _FROM_TO.match(text[first["end"]:second["start"]]):
            continue
        from_before = _FROM_BEFORE.search(text[max(0, first["start"] - 6):first["start"]])
        if from_before or first["change"]:
            first["change"] = first["change"] or "from"
            second["change"] = "to"


class _TrackedText(str):
    """An article's text that notes the lowest and highest offsets read through it (slices, find, rfind).

    ``clipped`` is set when a read reached past either end of the text (the reading then depends
    on where the text ends, so it is not remembered).
    """

    def start_reading(self) -> None:
        self.low, self.high, self.clipped = len(self), 0, False

    def _note(self, start, stop) -> None:
        n = len(self)
        if start is None or start <= 0 or stop is None or stop > n or start > stop:
            self.clipped = True
            return
        self.low, self.high = min(self.low, start), max(self.high, stop)

    def __getitem__(self, key):
        if type(key) is slice:  # _note inlined: every read of a figure's surroundings passes here
            start, stop = key.start, key.stop
            if start is None or start <= 0 or stop is None or stop > len(self) or start > stop:
                self.clipped = True
            else:
                if start < self.low:
                    self.low = start
                if stop > self.high:
                    self.high = stop
        else:
            self.clipped = True
        return str.__getitem__(self, key)

    def find(self, sub, start=None, end=None):
        self._note(start, end)
        return str.find(self, sub, start, end)

    def rfind(self, sub, start=None, end=None):
        self._note(start, end)
        return str.rfind(self, sub, start, end)


#: Number-core shapes remembered (per lexicon source), and readings kept for each.
_MAX_SHAPES, _READINGS_PER_SHAPE = 20000, 8


@cached
def _remembered_readings() -> dict:
    """``{core shape: [(low, high, text read, figure)]}``, offsets relative to the core (see :class:`_Readings`)."""
    return {}


class _Readings:
    """:func:`read_figure` for the matches of one text, a reading whose words were read before taken from memory.

    Reading a figure looks only at the text around its number core (a few hundred characters
    at most). Each reading notes the span it read (:class:`_TrackedText`); a later match with
    the same core whose surroundings hold the same characters over that span (a table row or a
    paragraph repeated in this or another article, a hostile run of one phrase) takes the
    remembered figure, shifted. Readings that touched either end of their text are never remembered.
    """

    def __init__(self, text: str):
        self.text = _TrackedText(text)
        self.memory = _remembered_readings()

    def read(self, m: re.Match) -> dict | None:
        text, start = self.text, m.start()
        shape = (m.lastgroup, m.group(), tuple((a - start, b - start) if a >= 0 else None for a, b in m.regs))
        known = self.memory.get(shape, ())
        for low, high, seen, fig in known:
            if start + low > 0 and start + high <= len(text) and str.__getitem__(text, slice(start + low, start + high)) == seen:
                return None if fig is None else {**fig, "start": fig["start"] + start, "end": fig["end"] + start}
        text.start_reading()
        try:
            fig = read_figure(text, m)
        except (KeyError, ValueError, TypeError, IndexError):
            fig = None
        if not text.clipped and text.low < text.high:
            if len(self.memory) >= _MAX_SHAPES:
                self.memory.clear()
            kept = self.memory.setdefault(shape, [])
            if len(kept) >= _READINGS_PER_SHAPE:
                del kept[0]
            kept.append((text.low - start, text.high - start, str.__getitem__(text, slice(text.low, text.high)),
                         None if fig is None else {**fig, "start": fig["start"] - start, "end": fig["end"] - start}))
        return fig


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
    web = _WebAddresses(text)
    readings = _Readings(text)
    for m in _core_matches(text):
        if m.start() < covered:
            continue
        if m.start() in web:
            continue
        fig = readings.read(m)
        if fig is None or fig["start"] < covered:
            continue
        out.append(fig)
        covered = fig["end"]
    _share_units_across_or(text, out)
    _mark_changes(text, out)
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
        precedes; from/to for the two ends of "from $1.63 to $13.03"), ``per`` (the denominator of a rate: "$70 a barrel" gives
        barrel, "£3 billion a year" year), ``sent_id``, ``block_id``, ``role``, ``rule`` (the rule that
        read it), ``sentence`` (the text of sentence ``sent_id``). Sorted by
        doc_id and start.
    """
    corpus = open_corpus(corpus)
    rows = [(doc_id, n, fig) for doc_id, text in zip(corpus.articles["doc_id"].tolist(), corpus.articles["text"].tolist())
            for n, fig in enumerate(figures_in_text(text), start=1)]
    own = [c for c in FIGURE_COLUMNS if c not in ("doc_id", "figure_id", "sent_id", "block_id", "role", "sentence")]
    if rows:
        # by doc_id and start (a stable sort, as pandas' was), then built column by column: a frame from a list
        # of dicts, a pandas sort on strings and astype cost more per chunk than the rows themselves
        rows.sort(key=lambda row: (row[0], row[2]["start"]))
        doc_ids, numbers, figs = zip(*rows)
        try:
            data = dict(zip(own, map(list, zip(*map(itemgetter(*own), figs)))))
        except KeyError:  # a figure without some field: empty there, as a frame built from the dicts has it
            data = {column: [fig.get(column) for fig in figs] for column in own}
        data = {"doc_id": list(doc_ids), "figure_id": [f"{d}-F{n:03d}" for d, n in zip(doc_ids, numbers)], **data}
        table = pd.DataFrame(data)
    else:
        table = pd.DataFrame([], columns=["doc_id", "figure_id", *own])
    table = table.astype({"start": "int64", "end": "int64", "value": "float64", "value_low": "float64",
                          "value_high": "float64"})
    table = corpus.offsets.attach(table, sentences=True)
    sentence_text = {(d, i): t for d, i, t in zip(corpus.sentences["doc_id"].tolist(),
                                                  corpus.sentences["sent_id"].tolist(),
                                                  corpus.sentences["text"].tolist())}
    table["sentence"] = [sentence_text.get(key, "") for key in zip(table["doc_id"].tolist(), table["sent_id"].tolist())]
    return table[FIGURE_COLUMNS]
