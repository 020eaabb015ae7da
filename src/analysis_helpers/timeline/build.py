"""Dated events from news articles, merged across articles into one timeline.

An event mention is a sentence of the article's own text (headline, standfirst,
body) that carries a point-in-time expression: a DATE or TIME from
:func:`analysis_helpers.timexes.extract_timexes` that is not a duration, a set,
a ``*_REF`` value or a bound ("pre-2014", "since February 2022"). A named event
after a signal ("since the Russian invasion") is a mention of that event, dated
by the gazetteer. When it happened (first_day, last_day) is kept apart from when
it was reported (reported_on, the document dates).

Mentions of the same event are merged: same calendar interval (or one inside
the other) and a shared actor and a shared content word, or the same gazetteer
event. Undated sentences that name the same meeting ("the Ukraine Defense
Contact Group") and the same actor are attached as further sources.
"""

from __future__ import annotations

import re

import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..corpus.build import open_corpus
from ..resources import accepts_lexicons, cached, read_table, read_text
from ..schema import ARTICLE_ROLES
from ..timexes.document_dates import document_dates
from ..timexes.extract import extract_timexes

EVENT_COLUMNS = [
    "event_id", "first_day", "last_day", "granularity", "thread", "actors", "what", "location",
    "doc_ids", "sentence_offsets", "n_sources", "n_mentions", "certainty", "certainty_reason",
    "reported_on", "tense", "timex_texts",
]
_POINT_GRANULARITY = {"day", "time", "week", "month", "quarter", "half", "season", "year", "decade"}
_BOUND_SIGNALS = {"since", "until", "till", "before", "after", "by", "from", "prior to", "ahead of", "through",
                  "throughout", "following"}
_EVENT_NAME_WORDS = r"(?:Group|Meeting|Conference|Summit|Council|Ministerial|Forum|Talks|Assembly|Congress)"
_NAME = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*)+")
_PRONOUN_START = re.compile(r"^\W*(?:He|She|They|It|This|These|His|Her|Their|Its)\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z]+")
_LOCATION = re.compile(r"\b(?:in|at)\s+((?:the\s+)?(?:[A-Z]+ headquarters|[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)*))(?![-\w])")
_NOT_PLACES = re.compile(
    r"^(?:the\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d)")


@cached
def person_titles() -> tuple[str, ...]:
    """Titles that stand before a person's name (``data/person_titles.txt``), longest first."""
    text = read_text("person_titles.txt")
    titles = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(sorted(titles, key=len, reverse=True))


@cached
def event_threads() -> pd.DataFrame:
    """Thread names and the patterns that put an event in them (``data/event_threads.csv``)."""
    return read_table("event_threads.csv")


def _surname_key(name: str) -> str:
    key = name.split()[-1].lower()
    return key[:-1] if key.endswith("yy") else key  # Zelenskyy / Zelensky


def known_people(texts) -> dict[str, str]:
    """Surname key -> the longest full name written after a title anywhere in ``texts``.

    "Defense Secretary Pete Hegseth" and "President Trump" make Hegseth and
    Trump known actors; later bare mentions of the surname are matched.
    """
    titles = "|".join(re.escape(t) for t in person_titles())
    pattern = re.compile(rf"\b(?:{titles})\s+((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+){{0,2}}[A-Z][a-z]+(?:-[A-Z][a-z]+)?)")
    title_words = {w for t in person_titles() for w in t.split()}
    people: dict[str, str] = {}
    for text in texts:
        for m in pattern.finditer(text or ""):
            words = [w for w in m.group(1).split() if w not in title_words]
            if not words or words[-1] in title_words or words[0] in ("The", "Of"):
                continue
            name = " ".join(words)
            key = _surname_key(name)
            if len(key) < 3:
                continue
            if len(name) > len(people.get(key, "")):
                people[key] = name
    return people


def actors_in(text: str, people: dict[str, str]) -> list[str]:
    """Known people mentioned in ``text``, in order of first mention."""
    found = []
    for m in re.finditer(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", text):
        key = _surname_key(m.group(0))
        if key in people and people[key] not in found:
            found.append(people[key])
    return found


def content_words(text: str, exclude=()) -> set[str]:
    """Lower-case content words (no stop words, no actor names), for matching mentions."""
    drop = {w.lower() for name in exclude for w in name.split()}
    return {w.lower() for w in _WORD.findall(text)
            if w.lower() not in ENGLISH_STOP_WORDS and w.lower() not in drop and len(w) > 3}


def event_names(text: str) -> set[str]:
    """Multi-word names of meetings in ``text`` ("Ukraine Defense Contact Group"), lower case."""
    return {m.group(0).lower() for m in _NAME.finditer(text) if re.search(_EVENT_NAME_WORDS + r"$", m.group(0))}


def short_clause(sentence: str, timex_start: int, timex_end: int, max_words: int = 16) -> str:
    """What happened: the sentence without its date phrase, cut to ``max_words`` words."""
    head = re.sub(r"\b(?:on|in|at|during|after|since|by|from|of|until|the)\s*$", "", sentence[:timex_start],
                  flags=re.IGNORECASE)
    text = (head.rstrip() + " " + sentence[timex_end:].lstrip(" ,")).strip(" ,")
    text = re.sub(r"^(?:On|In|At|During|After|Since|By)\s*,?\s*", "", text).strip(" ,")
    words = text.split()
    clause = " ".join(words[:max_words])
    return clause + ("…" if len(words) > max_words else "")


def location_in(text: str) -> str:
    for m in _LOCATION.finditer(text):
        place = m.group(1)
        if not _NOT_PLACES.match(place) and not re.fullmatch(r"(?:the\s+)?[A-Z]{2,}", place):
            return re.sub(r"^the\s+", "", place)
    return ""


def thread_of(text: str) -> str:
    """The first thread of ``data/event_threads.csv`` whose pattern matches ``text``."""
    for thread, pattern in zip(event_threads()["thread"], event_threads()["pattern"]):
        if re.search(pattern, text):
            return thread
    return "other"


def _mentions(corpus, timexes: pd.DataFrame, dates: pd.DataFrame, people: dict[str, str]) -> list[dict]:
    sentences = corpus.sentences[corpus.sentences["role"].isin(ARTICLE_ROLES)]
    by_doc = {doc: grp.reset_index(drop=True) for doc, grp in sentences.groupby("doc_id", sort=False)}
    doc_date = dates.set_index("doc_id")
    main_actor = {}
    for doc, grp in by_doc.items():
        counts: dict[str, int] = {}
        for s in grp["text"]:
            for a in actors_in(s, people):
                counts[a] = counts.get(a, 0) + 1
        main_actor[doc] = max(sorted(counts), key=lambda a: counts[a]) if counts else ""
    mentions = []
    usable = timexes[timexes["role"].isin(ARTICLE_ROLES) & timexes["type"].isin(["DATE", "TIME"])
                     & timexes["first_day"].ne("")]
    for t in usable.itertuples(index=False):
        is_event = t.anchor.startswith("event: ")
        if not is_event and (t.granularity not in _POINT_GRANULARITY or t.mod in ("BEFORE", "AFTER")
                             or t.signal in _BOUND_SIGNALS):
            continue
        grp = by_doc.get(t.doc_id)
        if grp is None:
            continue
        hit = grp[(grp["start"] <= t.start) & (grp["end"] > t.start)]
        if hit.empty:
            continue
        i = int(hit.index[0])
        sent = grp.iloc[i]
        context = [sent["text"]]
        for j in range(i + 1, len(grp)):  # follow-on sentences about the same subject
            nxt = grp.iloc[j]
            if nxt["block_id"] != sent["block_id"] or not _PRONOUN_START.match(nxt["text"]):
                break
            context.append(nxt["text"])
        block_text = " ".join(grp.loc[grp["block_id"] == sent["block_id"], "text"])
        actors = actors_in(sent["text"], people)
        reason = []
        info = doc_date.loc[t.doc_id] if t.doc_id in doc_date.index else None
        near = info is not None and info["first_day"] and _days_between(t.last_day, info["first_day"]) <= 7
        block_actors = actors_in(block_text, people)
        if not actors and not is_event and near and (block_actors or main_actor.get(t.doc_id)):
            actors = [block_actors[0] if block_actors else main_actor[t.doc_id]]
            reason.append("actor from the article, not the sentence")
        if is_event:
            what = t.anchor[len("event: "):]
            actors = []
        else:
            what = short_clause(sent["text"], t.start - int(sent["start"]), t.end - int(sent["start"]))
        mentions.append({
            "doc_id": t.doc_id, "sent_start": int(sent["start"]), "sent_end": int(sent["end"]),
            "first_day": t.first_day, "last_day": t.last_day, "granularity": t.granularity,
            "actors": actors, "what": what, "location": "" if is_event else location_in(sent["text"]),
            "words": content_words(" ".join(context) if not is_event else what, actors + t.text.split()),
            "names": event_names(block_text), "event": t.anchor if is_event else "",
            "tense": t.tense, "timex": t.text, "anchor": t.anchor,
            "reported_on": info["reference_day"] if info is not None else "",
            "date_method": info["method"] if info is not None else "",
            "thread_text": " ".join(context), "reason": reason, "attached": False,
        })
    return mentions


def _overlap(a, b) -> bool:
    return a["first_day"] <= b["last_day"] and b["first_day"] <= a["last_day"]


def _nested(a, b) -> bool:
    inside = a["first_day"] >= b["first_day"] and a["last_day"] <= b["last_day"]
    return inside or (b["first_day"] >= a["first_day"] and b["last_day"] <= a["last_day"])


def same_event(a: dict, b: dict) -> bool:
    """Whether two mentions report the same event (see the module docstring)."""
    if not _overlap(a, b):
        return False
    if a["event"] and a["event"] == b["event"]:
        return True
    shared_words = a["words"] & b["words"]
    if a["event"] or b["event"]:
        return _nested(a, b) and bool(shared_words)
    same_interval = a["first_day"] == b["first_day"] and a["last_day"] == b["last_day"]
    shared_actor = bool(set(a["actors"]) & set(b["actors"]))
    if not same_interval:
        return False
    if shared_actor:
        return bool(shared_words | (a["names"] & b["names"]))
    # without a shared actor only same-day reports merge, on several shared words
    return a["granularity"] in ("day", "time") and len(shared_words) >= MIN_SHARED_WORDS


#: Mentions of the same day without a shared actor merge when they share this many content words.
MIN_SHARED_WORDS = 4


def _clusters(mentions: list[dict]) -> list[list[dict]]:
    parent = list(range(len(mentions)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # only mentions with the same interval, or a gazetteer event and anything, can match (see same_event)
    by_interval: dict[tuple[str, str], list[int]] = {}
    for i, m in enumerate(mentions):
        by_interval.setdefault((m["first_day"], m["last_day"]), []).append(i)
    pairs = {(i, j) for members in by_interval.values() for k, i in enumerate(members) for j in members[k + 1:]}
    events = [i for i, m in enumerate(mentions) if m["event"]]
    pairs |= {(min(i, j), max(i, j)) for i in events for j in range(len(mentions)) if i != j}
    for i, j in sorted(pairs):
        if same_event(mentions[i], mentions[j]):
            parent[find(j)] = find(i)
    groups: dict[int, list[dict]] = {}
    for i, m in enumerate(mentions):
        groups.setdefault(find(i), []).append(m)
    return list(groups.values())


def _attach_undated(groups, corpus, dated_offsets, people, dates):
    """Add undated sentences that name the same meeting and the same actor as a group."""
    sentences = corpus.sentences[corpus.sentences["role"].isin(ARTICLE_ROLES)]
    doc_date = dates.set_index("doc_id")
    candidates = []  # (names, actors, first day, group) of groups that can take undated sentences
    for group in groups:
        names = set().union(*(m["names"] for m in group))
        if names and not any(m["event"] for m in group):
            candidates.append((names, set().union(*(set(m["actors"]) for m in group)),
                               min(m["first_day"] for m in group), group))
    if not candidates:
        return
    all_names = sorted(set().union(*(c[0] for c in candidates)))
    for s in sentences.itertuples(index=False):
        if (s.doc_id, int(s.start)) in dated_offsets:
            continue
        lowered = s.text.lower()
        present = {name for name in all_names if name in lowered}
        if not present or re.search(r"\b(?:will|expected to|plans? to|is to|are to)\b", lowered):
            continue
        actors = set(actors_in(s.text, people))
        if not actors:
            continue
        info = doc_date.loc[s.doc_id] if s.doc_id in doc_date.index else None
        for names, group_actors, first, group in candidates:
            if not (names & present) or not (actors & group_actors):
                continue
            if info is not None and info["last_day"] and info["last_day"] < first:
                continue  # written before the event
            group.append({**group[0], "doc_id": s.doc_id, "sent_start": int(s.start), "sent_end": int(s.end),
                          "attached": True, "timex": "", "reason": [],
                          "reported_on": info["reference_day"] if info is not None else ""})
            break


@accepts_lexicons
def build_timeline(corpus, *, timexes: pd.DataFrame | None = None,
                   dates: pd.DataFrame | None = None, lexicons=None) -> pd.DataFrame:
    """The ``events`` table: one row per event, merged across articles.

    Parameters
    ----------
    corpus : anything :func:`open_corpus` accepts
    timexes : DataFrame, optional
        The corpus' ``timexes`` table (:func:`~analysis_helpers.timexes.extract.extract_timexes`)
        when it is already computed; computed here otherwise.
    dates : DataFrame, optional
        The corpus' :func:`~analysis_helpers.timexes.document_dates.document_dates`
        table when it is already computed; computed here otherwise.
    lexicons : folder, dict or :class:`~analysis_helpers.resources.Lexicons`, optional
        Lexicon files replacing the packaged ones for this call (see
        :mod:`analysis_helpers.resources`); missing files fall back to the package.

    Returns
    -------
    DataFrame sorted by first_day, last_day and event_id, with event_id
    (E01, E02...), first_day, last_day (ISO dates: when it happened, inclusive),
    granularity, thread (lane: calls, travel, meetings, statements, other; from
    ``data/event_threads.csv``), actors and doc_ids (``; ``-separated), what (a
    short clause from the first report), location, sentence_offsets (``doc:start-end``
    of every reporting sentence), n_sources (distinct articles), n_mentions,
    certainty (high, medium, low) with certainty_reason, reported_on (the
    documents' dates: when it was reported), tense and timex_texts.
    """
    corpus = open_corpus(corpus)
    if dates is None:
        dates = document_dates(corpus)
    if timexes is None:
        timexes = extract_timexes(corpus, dates=dates)
    prose = corpus.blocks[corpus.blocks["role"].isin(["standfirst", "body"])]
    people = known_people(prose["text"])
    mentions = _mentions(corpus, timexes, dates, people)
    mentions.sort(key=lambda m: (m["first_day"], m["last_day"], m["doc_id"], m["sent_start"]))
    groups = _clusters(mentions)
    dated_offsets = {(m["doc_id"], m["sent_start"]) for m in mentions}
    _attach_undated(groups, corpus, dated_offsets, people, dates)
    rows = [_event_row(group, dates) for group in groups]
    table = pd.DataFrame(rows, columns=EVENT_COLUMNS[1:])
    table = table.sort_values(["first_day", "last_day", "doc_ids", "what"], kind="stable").reset_index(drop=True)
    table.insert(0, "event_id", [f"E{i + 1:02d}" for i in range(len(table))])
    return table


def _event_row(group: list[dict], dates: pd.DataFrame) -> dict:
    dated = [m for m in group if not m["attached"]]
    finest = min(dated, key=lambda m: (_span_days(m), m["doc_id"], m["sent_start"]))
    docs = sorted({m["doc_id"] for m in group})
    actors = []
    for m in dated:
        actors += [a for a in m["actors"] if a not in actors]
    methods = {m["date_method"] for m in dated}
    reasons = sorted({r for m in dated for r in m["reason"]})
    tenses = sorted({m["tense"] for m in dated if m["tense"]})
    if len(docs) >= 2:
        certainty = "high"
        reasons.insert(0, f"{len(docs)} articles")
    elif "future" in tenses:
        certainty = "low"
        reasons.insert(0, "future tense: planned or expected")
    elif any(not m.startswith("manifest") and not m.startswith("date in the page") for m in methods):
        certainty = "low"
        reasons.insert(0, "document date inferred")
    elif reasons:
        certainty = "low"
    else:
        certainty = "medium"
        reasons.insert(0, "one article")
    if finest["event"]:
        certainty = "high" if len(docs) >= 2 else "medium"
        reasons = ["date from the anchor-event gazetteer"] + reasons
    offsets = sorted({(m["doc_id"], m["sent_start"], m["sent_end"]) for m in group})
    reported = sorted(m["reported_on"] for m in dated if m["reported_on"])
    background = bool(reported) and _days_between(finest["last_day"], reported[0]) > 31
    thread = ("context" if finest["event"] or background
              else thread_of(" ".join(m["thread_text"] for m in dated)))
    return {
        "first_day": finest["first_day"], "last_day": finest["last_day"], "granularity": finest["granularity"],
        "thread": thread, "actors": "; ".join(actors), "what": finest["what"],
        "location": _most_common([m["location"] for m in dated if m["location"]]),
        "doc_ids": "; ".join(docs),
        "sentence_offsets": "; ".join(f"{d}:{s}-{e}" for d, s, e in offsets),
        "n_sources": len(docs), "n_mentions": len(offsets), "certainty": certainty,
        "certainty_reason": "; ".join(reasons),
        "reported_on": "; ".join(sorted({m["reported_on"] for m in group if m["reported_on"]})),
        "tense": "; ".join(tenses),
        "timex_texts": "; ".join(sorted({m["timex"] for m in dated if m["timex"]})),
    }


def _most_common(values: list[str]) -> str:
    """The most frequent value, the longest on a tie ("NATO headquarters" over "NATO"); '' if none."""
    if not values:
        return ""
    return max(sorted(set(values)), key=lambda v: (values.count(v), len(v)))


def _days_between(earlier: str, later: str) -> int:
    from datetime import date

    return (date.fromisoformat(later) - date.fromisoformat(earlier)).days


def _span_days(m: dict) -> int:
    from datetime import date

    return (date.fromisoformat(m["last_day"]) - date.fromisoformat(m["first_day"])).days
