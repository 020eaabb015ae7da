"""Dates an outlet gets wrong: against a reference table where one applies, else against the other outlets."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

DISAGREEMENT_COLUMNS = ["doc_id_a", "doc_id_b", "unit_a", "unit_b", "days_a", "days_b", "dates_a", "dates_b",
                        "similarity", "text_a", "text_b", "start_a", "end_a", "start_b", "end_b"]


def reference_applies(dates: pd.DataFrame, reference: pd.DataFrame, margin_days: int = 31) -> bool:
    """Whether a reference table covers the period the corpus was published in.

    Parameters
    ----------
    dates : DataFrame
        :func:`document_dates` output (``reference_day`` per article, ISO text or empty).
    reference : DataFrame
        :func:`read_reference` output (``first_day``, ``last_day``).
    margin_days : int
        An article published up to this many days after the reference's last day (or before its
        first) still counts as covered.
    """
    days = [date.fromisoformat(d) for d in dates["reference_day"] if isinstance(d, str) and d]
    firsts = [date.fromisoformat(d) for d in reference.get("first_day", []) if isinstance(d, str) and d]
    lasts = [date.fromisoformat(d) for d in reference.get("last_day", []) if isinstance(d, str) and d]
    if not days or not firsts or not lasts:
        return False
    start, end = min(firsts) - timedelta(days=margin_days), max(lasts) + timedelta(days=margin_days)
    return any(start <= d <= end for d in days)


def _day_timexes_by_doc(timexes: pd.DataFrame) -> dict[str, tuple]:
    """Per article, the timexes naming one calendar day as (starts, ends, days, texts), grouped once
    (filtering the whole table per pair was quadratic)."""
    days = timexes[(timexes["granularity"] == "day") & (timexes["first_day"] != "")]
    return {str(doc): (group["start"].to_numpy(), group["end"].to_numpy(), group["first_day"].tolist(),
                       group["text"].tolist()) for doc, group in days.groupby("doc_id", sort=False)}


def _days_in(day_timexes: dict[str, tuple], doc_id: str, start: int, end: int) -> tuple[list, list]:
    """The days and the expressions of ``doc_id``'s day timexes inside ``start``-``end``, in table order."""
    starts, ends, days, texts = day_timexes.get(doc_id, ((), (), [], []))
    inside = [i for i in range(len(days)) if starts[i] >= start and ends[i] <= end]
    return [days[i] for i in inside], [texts[i] for i in inside]


def date_disagreements(pairs: pd.DataFrame, timexes: pd.DataFrame, units: pd.Series) -> pd.DataFrame:
    """Passages retold by two articles whose day-level dates do not overlap.

    Two paragraphs that tell the same passage (``pairs``, as from :func:`same_passage_pairs`) and each
    state a calendar day, with no day in common, disagree about when it happened; at least one of
    the two may be wrong (or they tell two events in similar words: read both).

    Parameters
    ----------
    pairs : DataFrame
        :func:`same_passage_pairs` output (with ``start_a``/``end_a``/``start_b``/``end_b``); pairs
        within one article are skipped.
    timexes : DataFrame
        :func:`extract_timexes` output.
    units : Series
        Outlet (or other comparison unit) per doc_id.

    Returns
    -------
    DataFrame
        Columns :data:`DISAGREEMENT_COLUMNS`: the two articles and units, ``days_a``/``days_b``
        (ISO days, "; "-joined), ``dates_a``/``dates_b`` (the expressions as written), similarity,
        the two paragraphs and their offsets (``start_a, end_a, start_b, end_b``). Sorted by doc ids.
    """
    rows = []
    if not pairs.empty and not timexes.empty:
        day_timexes = _day_timexes_by_doc(timexes)
        for pair in pairs[~pairs["same_article"].astype(bool)].itertuples(index=False):
            a, b = str(pair.doc_id_a), str(pair.doc_id_b)
            in_a = _days_in(day_timexes, a, pair.start_a, pair.end_a)
            in_b = _days_in(day_timexes, b, pair.start_b, pair.end_b)
            days_a, days_b = set(in_a[0]), set(in_b[0])
            if days_a and days_b and not days_a & days_b:
                rows.append({"doc_id_a": a, "doc_id_b": b, "unit_a": units.get(a, a), "unit_b": units.get(b, b),
                             "days_a": "; ".join(sorted(days_a)), "days_b": "; ".join(sorted(days_b)),
                             "dates_a": "; ".join(in_a[1]), "dates_b": "; ".join(in_b[1]),
                             "similarity": float(pair.similarity), "text_a": pair.text_a, "text_b": pair.text_b,
                             "start_a": int(pair.start_a), "end_a": int(pair.end_a),
                             "start_b": int(pair.start_b), "end_b": int(pair.end_b)})
    table = pd.DataFrame(rows, columns=DISAGREEMENT_COLUMNS)
    return table.sort_values(["doc_id_a", "doc_id_b", "days_a"], kind="stable").reset_index(drop=True)
