"""The date of each document: the reference point for "yesterday", "on Wednesday", "last year".

Taken from the manifest's ``published`` when present. Otherwise inferred, in
this order, and the method is recorded:

1. a date in the page address (``/2025/02/13/``, ``-1985-09-29-``, ``/2014/1219/``, ``/20190211/``);
   or, when the address gives only a year and a month (``/2011/11/``), the day of a dateline in that
   month ("KUALA LUMPUR, Nov 29 —" at the start of a line of the article's own text);
2. the earliest full date in a byline block (a publication stamp such as
   "Published Sep 19, 2024 3:02 PM", which comes before any "Updated" stamp);
3. the latest full date written in the article's own text (headline, standfirst,
   body) on a line of its own (a dateline or a leading date line) or in a
   past-tense clause, which the article cannot predate (dates in future-tense
   clauses are ignored); the interval runs six days on when the text also uses
   weekday names or "yesterday";
4. otherwise unknown (empty), and the timexes of the document keep
   underspecified values ("XXXX-WXX-5") with a ``reason``. Another article's date
   is never borrowed (a folder may mix years), and today's date is never used.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date, timedelta

import pandas as pd

from ..corpus.build import open_corpus
from ..resources import accepts_lexicons
from .tagger import tag_text
from .tense import clause_tense

DOCUMENT_DATE_COLUMNS = ["doc_id", "published", "reference_day", "first_day", "last_day", "method"]

_YEAR, _MONTH, _DAY = r"(20\d\d|19\d\d)", r"(0[1-9]|1[0-2])", r"(0[1-9]|[12]\d|3[01])"
#: full dates in a page address, each as year, month, day groups: separated anywhere in a path or slug
#: ("/2025/02/13/", "-1985-09-29-"), month and day run together after a year folder ("/2014/1219/"), or all
#: eight digits as one path or slug part ("/20190211/"); never inside a longer number
_URL_DATES = (re.compile(rf"(?<!\d){_YEAR}[/_-]{_MONTH}[/_-]{_DAY}(?!\d)"),
              re.compile(rf"/{_YEAR}/{_MONTH}{_DAY}(?=[/_.-]|$)"),
              re.compile(rf"(?<=[/_-]){_YEAR}{_MONTH}{_DAY}(?=[/_.-]|$)"))
#: a year and a month folder and nothing finer ("/2011/11/")
_URL_MONTH = re.compile(rf"/{_YEAR}/{_MONTH}(?=/|$)")
#: a dateline: a capitalised place (with an optional agency in brackets), a comma, the day, then a dash or an
#: agency in brackets ("WASHINGTON, Dec. 18 --", "QUEBEC CITY, June 27 (Reuters) -", "KUALA LUMPUR, Nov 29 —")
_DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Za-z.'-]*(?:[ \t]+[A-Z][A-Za-z.'-]*){0,3}(?:[ \t]*\([^()\n]{1,40}\))?,"
                       r"[ \t]+(?P<when>[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:--|[-\u2013\u2014])")
_ARTICLE_ROLES = ("headline", "standfirst", "body")
#: ``method`` of a document whose own manifest row, address and text give no date.
UNKNOWN_METHOD = "unknown: no date in the manifest row, the page address or the text"
#: How each ``method`` begins, and the short source it names (the ``source`` column of ``document_dates.csv``).
METHOD_SOURCES = {
    "manifest published": "manifest",
    "date in the page address": "url",
    "date stamp in a byline line": "byline",
    "latest full date in the text": "text",
    UNKNOWN_METHOD: "unknown",
}


def date_source(method: str) -> str:
    """The short source of a ``method`` of :func:`document_dates`: manifest, url, byline, text or unknown."""
    for prefix, source in METHOD_SOURCES.items():
        if isinstance(method, str) and method.startswith(prefix):
            return source
    return "unknown"


def _parse_day(value) -> date | None:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def url_date(url) -> date | None:
    """A date written in a page address (``.../2025/02/13/slug``, ``...-1985-09-29-...``), or None."""
    if not isinstance(url, str):
        return None
    for pattern in _URL_DATES:
        for m in pattern.finditer(url):
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:  # 2019/02/30: not a date, look further
                continue
    return None


def url_month(url) -> tuple[int, int] | None:
    """The year and month of a page address that gives no day (``.../2011/11/slug``), or None."""
    m = _URL_MONTH.search(url) if isinstance(url, str) else None
    return (int(m[1]), int(m[2])) if m else None


def dateline_day(text: str, spans, year: int, month: int) -> date | None:
    """The day of the first dateline of the article's own text in ``month`` of ``year``, or None.

    A dateline ("KUALA LUMPUR, Nov 29 —") gives a month and a day but no year; the page address gives the
    year and the month, so a dateline of another month is not used.
    """
    for lo, hi in sorted(spans):
        for m in _DATELINE.finditer(text, lo, hi):
            for tag in tag_text(m["when"], None):
                value = tag["value"] or ""
                if re.fullmatch(r"XXXX-\d\d-\d\d", value) and int(value[5:7]) == month:
                    try:
                        return date(year, month, int(value[8:10]))
                    except ValueError:
                        return None
    return None


def stamp_date(text: str, byline_spans) -> date | None:
    """The earliest full date written in the byline blocks (the publication stamp), or None."""
    days = []
    for lo, hi in byline_spans:
        for tag in tag_text(text[lo:hi], None, [(0, hi - lo)]):
            if tag["rule"] in _FULL_DATE_RULES and (day := _parse_day(tag["value"])) is not None:
                days.append(day)
    return min(days) if days else None


_FULL_DATE_RULES = ("month_day_year", "day_month_year", "iso_date", "numeric_date", "dotted_date")


def text_evidence(text: str, spans, sentence_bounds=()) -> tuple[date | None, list[tuple[int, str]]]:
    """Latest usable full date and the weekday names (weekday number, tense) in the article's own blocks.

    A full date counts when it stands on a line of its own (a dateline) or sits in a
    past-tense clause; a date in a future-tense clause ("the summit on 24 June 2025
    will...") says nothing about when the article was written. Only when no such date
    exists do dates in present-tense clauses count.
    """
    bounds = sorted(sentence_bounds) or [(0, len(text))]
    bound_starts = [a for a, _ in bounds]
    # spans, sorted, with the largest end so far: "is an offset inside any span" by bisect
    span_starts, span_reach, reach = [], [], -1
    for lo, hi in sorted(spans):
        reach = max(reach, hi)
        span_starts.append(lo)
        span_reach.append(reach)
    newlines = [m.start() for m in re.finditer("\n", text)]
    stripped_length: dict[int, int] = {}  # line start -> length of the line without outer white space
    strong, weak, weekdays = [], [], []
    for tag in tag_text(text, None, bounds):
        k = bisect_right(span_starts, tag["start"]) - 1
        if k < 0 or span_reach[k] <= tag["start"]:
            continue
        if tag["rule"] in _FULL_DATE_RULES:
            day = _parse_day(tag["value"])
            if day is None:
                continue
            j = bisect_right(bound_starts, tag["start"]) - 1
            lo, hi = bounds[j] if j >= 0 and bounds[j][0] <= tag["start"] < bounds[j][1] else (0, len(text))
            n = bisect_right(newlines, tag["start"] - 1)  # newlines before the tag's start
            line_start = newlines[n - 1] + 1 if n else 0
            e = bisect_left(newlines, tag["end"])
            line_end = newlines[e] if e < len(newlines) else len(text)
            if line_start not in stripped_length:
                stripped_length[line_start] = len(text[line_start:line_end].strip())
            tense = clause_tense(text, tag["start"], tag["end"], lo, hi)
            if stripped_length[line_start] <= len(tag["text"]) + 25 or tense == "past":
                strong.append(day)
            elif tense != "future":
                weak.append(day)
        if tag["rule"] == "weekday" and tag["value"].startswith("XXXX-WXX-"):
            weekdays.append((int(tag["value"][9]) - 1, tag["tense"]))
        if tag["rule"] == "day_word":
            weekdays.append((-1, "past"))
    candidates = strong or weak
    return (max(candidates) if candidates else None), weekdays


def infer_document_date(text: str, url=None, spans=None, sentence_bounds=(), byline_spans=()) -> dict:
    """Infer one document's date when the manifest has none, from its own address and text only.

    Returns
    -------
    dict with reference_day, first_day, last_day (ISO strings, empty when
    unknown) and method (how it was found).
    """
    if day := url_date(url):
        return _row(day, day, day, "date in the page address")
    spans = spans if spans is not None else [(0, len(text or ""))]
    if (year_month := url_month(url)) and (day := dateline_day(text or "", spans, *year_month)):
        return _row(day, day, day, f"date in the page address (year and month) and the dateline ({day.isoformat()})")
    if day := stamp_date(text or "", byline_spans):
        return _row(day, day, day, f"date stamp in a byline line ({day.isoformat()})")
    latest, weekdays = text_evidence(text or "", spans, sentence_bounds)
    if latest is not None:
        # clamped: a latest date in the calendar's last week must not overflow
        last = min(latest, date.max - timedelta(days=6)) + timedelta(days=6) if weekdays else latest
        return _row(latest, latest, last, f"latest full date in the text ({latest.isoformat()})")
    return {"reference_day": "", "first_day": "", "last_day": "", "method": UNKNOWN_METHOD}


def _row(reference: date, first: date, last: date, method: str) -> dict:
    return {"reference_day": reference.isoformat(), "first_day": first.isoformat(),
            "last_day": last.isoformat(), "method": method}


@accepts_lexicons
def document_dates(corpus, *, lexicons=None) -> pd.DataFrame:
    """One row per article: its date and how it is known.

    Parameters
    ----------
    corpus : anything :func:`open_corpus` accepts
    lexicons : folder, dict or :class:`~analysis_helpers.resources.Lexicons`, optional
        Lexicon files replacing the packaged ones for this call (see
        :mod:`analysis_helpers.resources`); missing files fall back to the package.

    Returns
    -------
    DataFrame with doc_id, published (from the manifest, may be empty),
    reference_day (the date relative expressions are resolved against),
    first_day and last_day (the interval the document date lies in; equal
    when certain) and method.
    """
    corpus = open_corpus(corpus)
    articles = corpus.articles
    doc_ids = articles["doc_id"].tolist()
    known = [_parse_day(v) for v in articles.get("published", pd.Series([""] * len(articles)))]
    undated = {doc for doc, day in zip(doc_ids, known) if day is None}
    # the corpus tables are grouped by document once, in one pass over plain lists, and only for the
    # documents that need their text read (filtering them per document was quadratic)
    bounds_by_doc = _spans_by_doc(corpus.sentences, undated)
    text_spans = _spans_by_doc(corpus.blocks, undated, roles=_ARTICLE_ROLES)
    byline_spans = _spans_by_doc(corpus.blocks, undated, roles=("byline",))
    urls = articles["url"].tolist() if "url" in articles else [None] * len(articles)
    # a document without its own date never borrows another article's: it is dated from its own
    # text or stays unknown
    rows = []
    for doc_id, text, published, url in zip(doc_ids, articles["text"].tolist(), known, urls):
        if published is not None:
            rows.append({"doc_id": doc_id, "published": published.isoformat(),
                         **_row(published, published, published, "manifest published")})
            continue
        inferred = infer_document_date(text if isinstance(text, str) else "", url,
                                       text_spans.get(doc_id, []), bounds_by_doc.get(doc_id, []),
                                       byline_spans=byline_spans.get(doc_id, []))
        rows.append({"doc_id": doc_id, "published": "", **inferred})
    return pd.DataFrame(rows, columns=DOCUMENT_DATE_COLUMNS)


def _spans_by_doc(table: pd.DataFrame, docs: set, roles=None) -> dict:
    """``{doc_id: [(start, end), ...]}`` of the rows of ``table`` (blocks or sentences) of ``docs``, in row order.

    Only rows whose ``role`` is in ``roles`` when given; rows without a ``doc_id`` are skipped.
    """
    if not docs or table.empty:
        return {}
    out: dict = {}
    kept = table["role"].isin(roles).tolist() if roles is not None else [True] * len(table)
    for doc, start, end, keep in zip(table["doc_id"].tolist(), table["start"].tolist(), table["end"].tolist(), kept):
        if keep and doc in docs:
            out.setdefault(doc, []).append((start, end))
    return out
