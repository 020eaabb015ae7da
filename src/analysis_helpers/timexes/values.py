"""TIMEX3 values and the calendar intervals they stand for.

Small pure helpers shared by the tagger (:mod:`.timexes`), the document-date
inference (:mod:`.document_dates`) and the timeline (:mod:`.timeline`).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def day_value(day: date) -> str:
    """``2025-02-12``."""
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    """``2022-02``."""
    return f"{year:04d}-{month:02d}"


def week_value(day: date) -> str:
    """ISO week of ``day``: ``2025-W07``."""
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_interval(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


@lru_cache(maxsize=4096)  # a pure function of the value (dates are immutable); news repeats a few values
def value_interval(value: str) -> tuple[date | None, date | None, str]:
    """Calendar interval (first day, last day, inclusive) and granularity of a DATE/TIME value.

    Returns ``(None, None, granularity)`` for values with no calendar interval
    (durations, sets, ``PRESENT_REF``, underspecified ``XXXX`` values).
    Granularity is one of day, week, month, quarter, half, season, year,
    decade, century, time, ref, duration, unknown.
    """
    value = value or ""
    try:
        if m := _DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day, "time" if "T" in value else "day"
        if m := _MONTH.match(value):
            first, last = month_interval(int(m[1]), int(m[2]))
            return first, last, "month"
        if m := _WEEK.match(value):
            first = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return first + timedelta(days=5), first + timedelta(days=6), "week"
            return first, first + timedelta(days=6), "week"
        if m := _QUARTER.match(value):
            year, quarter = int(m[1]), int(m[2])
            first = date(year, 3 * quarter - 2, 1)
            return first, month_interval(year, 3 * quarter)[1], "quarter"
        if m := _HALF.match(value):
            year, half = int(m[1]), int(m[2])
            return date(year, 6 * half - 5, 1), month_interval(year, 6 * half)[1], "half"
        if m := _SEASON.match(value):
            year = int(m[1])
            start, end = SEASONS[m[2]]
            if m[2] == "WI":
                return date(year, 12, 1), month_interval(year + 1, 2)[1], "season"
            return date(year, start, 1), month_interval(year, end)[1], "season"
        if m := _YEAR.match(value):
            year = int(m[1])
            return date(year, 1, 1), date(year, 12, 31), "year"
        if m := _DECADE.match(value):
            decade = int(m[1]) * 10
            return date(decade, 1, 1), date(decade + 9, 12, 31), "decade"
        if m := _CENTURY.match(value):
            century = int(m[1]) * 100
            return date(max(century, 1), 1, 1), date(century + 99, 12, 31), "century"
    except ValueError:
        return None, None, "unknown"
    if value.endswith("_REF"):
        return None, None, "ref"
    if value.startswith("P"):
        return None, None, "duration"
    return None, None, "unknown"
