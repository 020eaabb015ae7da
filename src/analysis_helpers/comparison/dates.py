"""Dates an outlet gets wrong: against a reference table where one applies, else against the other outlets."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from itertools import islice

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
    """Per article, the timexes naming one calendar day as lists (starts, ends, days, texts), grouped once in one
    pass over plain lists (filtering the whole table per pair was quadratic; a pandas group per article is slow)."""
    days = timexes[(timexes["granularity"] == "day") & (timexes["first_day"] != "")]
    by_doc: dict[str, tuple] = {}
    for doc, start, end, day, text in zip(*(days[name].tolist() for name in ("doc_id", "start", "end", "first_day",
                                                                              "text"))):
        if doc is None or doc != doc:  # no article (groupby leaves these out)
            continue
        lists = by_doc.get(str(doc))
        if lists is None:
            lists = by_doc[str(doc)] = ([], [], [], [])
        for values, value in zip(lists, (start, end, day, text)):
            values.append(value)
    return by_doc


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


#: At most this many disagreeing paragraph pairs are reported for one pair of passage texts (copies
#: multiply pairs: 1,000 articles carrying one dated paragraph make up to 500,000 pairs of it).
MAX_PAIRS_PER_PASSAGE = 1000


def dated_blocks(timexes: pd.DataFrame):
    """``keep`` for :func:`same_passage_classes`: the blocks holding at least one day timex (only these
    can disagree)."""
    day_timexes = _day_timexes_by_doc(timexes)

    def keep(blocks: pd.DataFrame):
        return [bool(_days_in(day_timexes, str(doc), start, end)[0])
                for doc, start, end in zip(blocks["doc_id"], blocks["start"], blocks["end"])]
    return keep


def _pairs_across_articles(members_a: list, members_b: list, doc_ids: list) -> int:
    """How many pairs of ``members_a`` x ``members_b`` (block index first) lie in different articles."""
    in_b = Counter(doc_ids[m[0]] for m in members_b)
    return sum(len(members_b) - in_b[doc_ids[m[0]]] for m in members_a)


def class_date_disagreements(blocks: pd.DataFrame, class_pairs: pd.DataFrame, timexes: pd.DataFrame,
                             units: pd.Series, max_pairs_per_passage: int = MAX_PAIRS_PER_PASSAGE
                             ) -> tuple[pd.DataFrame, list[str]]:
    """:func:`date_disagreements` over :func:`same_passage_classes` output, linear in the distinct passages.

    The copies of each text are grouped by the days they state; only groups with no day in common are
    expanded into paragraph pairs, so the work is the number of rows written. Where the copies of one
    passage pair disagree in more than ``max_pairs_per_passage`` paragraph pairs, the first ones (groups
    of days in order of their first copy, copies in corpus order) are kept and a warning says how many were left
    out; below the cap the rows equal :func:`date_disagreements` of :func:`same_passage_pairs`.

    Returns
    -------
    (DataFrame, list of str)
        Columns :data:`DISAGREEMENT_COLUMNS` (sorted by doc ids, days_a), and the warnings.
    """
    warnings: list[str] = []
    if class_pairs.empty or timexes.empty:
        return pd.DataFrame(columns=DISAGREEMENT_COLUMNS), warnings
    day_timexes = _day_timexes_by_doc(timexes)
    doc_ids = blocks["doc_id"].astype(str).tolist()
    starts, ends, texts = blocks["start"].tolist(), blocks["end"].tolist(), blocks["text"].tolist()
    by_days: dict[int, dict] = {}  # class -> frozenset of days -> [(block index, days, expressions)]
    for i, text_class in enumerate(blocks["text_class"].tolist()):
        if text_class < 0:
            continue
        days, said = _days_in(day_timexes, doc_ids[i], starts[i], ends[i])
        if days:
            by_days.setdefault(text_class, {}).setdefault(frozenset(days), []).append((i, days, said))
    rows, capped, left_out = [], 0, 0
    for class_a, class_b, similarity in zip(class_pairs["class_a"], class_pairs["class_b"], class_pairs["similarity"]):
        groups_a = list(by_days.get(class_a, {}).items())
        groups_b = groups_a if class_a == class_b else list(by_days.get(class_b, {}).items())
        crossings = [(members_a, members_b) for p, (days_a, members_a) in enumerate(groups_a)
                     for q, (days_b, members_b) in enumerate(groups_b)
                     if (class_a != class_b or p < q) and not days_a & days_b]
        total = sum(_pairs_across_articles(members_a, members_b, doc_ids) for members_a, members_b in crossings)
        if total > max_pairs_per_passage:
            capped, left_out = capped + 1, left_out + total - max_pairs_per_passage
        found = islice(((a, b) if a[0] < b[0] else (b, a) for members_a, members_b in crossings
                        for a in members_a for b in members_b if doc_ids[a[0]] != doc_ids[b[0]]),
                       max_pairs_per_passage)
        for (i, days_i, said_i), (j, days_j, said_j) in found:
            a, b = doc_ids[i], doc_ids[j]
            rows.append({"doc_id_a": a, "doc_id_b": b, "unit_a": units.get(a, a), "unit_b": units.get(b, b),
                         "days_a": "; ".join(sorted(set(days_i))), "days_b": "; ".join(sorted(set(days_j))),
                         "dates_a": "; ".join(said_i), "dates_b": "; ".join(said_j),
                         "similarity": float(round(min(similarity, 1.0), 4)), "text_a": texts[i], "text_b": texts[j],
                         "start_a": int(starts[i]), "end_a": int(ends[i]), "start_b": int(starts[j]), "end_b": int(ends[j])})
    if capped:
        warnings.append(f"{capped} passage(s) told with different days by more than {max_pairs_per_passage} "
                        f"pairs of articles: {left_out} pairs left out (the first {max_pairs_per_passage} "
                        "of each kept; raise max_pairs_per_passage to see all)")
    table = pd.DataFrame(rows, columns=DISAGREEMENT_COLUMNS)
    return table.sort_values(["doc_id_a", "doc_id_b", "days_a"], kind="stable").reset_index(drop=True), warnings
