"""Choose the stretch of days a timeline figure shows, from the data."""

from __future__ import annotations

import pandas as pd

#: Days in the window chosen by :func:`busiest_window`.
WINDOW_DAYS = 7


def busiest_window(events: pd.DataFrame, dates: pd.DataFrame | None = None,
                   days: int = WINDOW_DAYS) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The ``days`` consecutive days that hold most events: ``(first day, last day)``.

    Only events shorter than the window count (a year-long "2014" does not make a week busy).
    Candidate windows start on an event's first day; ties go to the earliest. Without such an
    event, the window starts on the earliest document date (``dates.reference_day``); without
    either, the result is None.

    Parameters
    ----------
    events : DataFrame
        :func:`~analysis_helpers.timeline.build.build_timeline` output (``first_day``, ``last_day``).
    dates : DataFrame, optional
        :func:`~analysis_helpers.timexes.document_dates.document_dates` output.
    days : int
        Length of the window in days.
    """
    span = pd.Timedelta(days=days - 1)
    first = pd.to_datetime(events["first_day"].replace("", None)) if len(events) else pd.Series(dtype="datetime64[ns]")
    last = pd.to_datetime(events["last_day"].replace("", None)) if len(events) else pd.Series(dtype="datetime64[ns]")
    short = (last - first) <= span
    starts = first[short].dropna().drop_duplicates().sort_values()
    if len(starts):
        counts = [int((first[short].between(day, day + span)).sum()) for day in starts]
        best = starts.iloc[counts.index(max(counts))]
        return best, best + span
    if dates is not None and len(dates):
        reference_days = pd.to_datetime(dates["reference_day"].replace("", None)).dropna()
        if len(reference_days):
            return reference_days.min(), reference_days.min() + span
    return None
