# Above 400 lines: the event merge reads mentions, actors, places and threads together; each helper is used by that one merge only.
"""Dated events from news articles, merged across articles into one timeline.

:func:`merge_events` takes the corpus, its ``timexes`` table and its document dates
as inputs; :func:`analysis_helpers.timeline.build.build_timeline` computes the two
tables when a caller has none.

An event mention is a sentence of the article's own text (headline, standfirst,
body) that carries a point-in-time expression: a DATE or TIME from
:func:`analysis_helpers.timexes.extract_timexes` (or a duration dated at the point it
reaches back to, "two years ago") that is not a stretch of time, a set,
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

from bisect import bisect_right
from collections import namedtuple
from datetime import date

import re
from functools import lru_cache
from heapq import merge
from itertools import product
from sys import intern as _intern_str

import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..corpus.names import surname_key
from ..resources import accepts_lexicons, cached, person_titles, read_table
from ..schema import ARTICLE_ROLES
from ..word_patterns import trie_regex, word_start_matches

EVENT_COLUMNS = [
    "event_id", "first_day", "last_day", "granularity", "thread", "actors", "what", "location",
    "doc_ids", "sentence_offsets", "n_sources", "n_mentions", "certainty", "certainty_reason",
    "reported_on", "tense", "timex_texts",
]
_POINT_GRANULARITY = {"day", "time", "week", "month", "quarter", "half", "season", "year", "decade"}
_BOUND_SIGNALS = {"since", "until", "till", "before", "after", "by", "from", "prior to", "ahead of", "through",
                  "throughout", "following"}
_EVENT_NAME_WORDS = r"(?:Group|Meeting|Conference|Summit|Council|Ministerial|Forum|Talks|Assembly|Congress)"
_ANY_EVENT_NAME_WORD = re.compile(_EVENT_NAME_WORDS)
_EVENT_NAME_END = re.compile(_EVENT_NAME_WORDS + r"$")
_NAME = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*)+")
#: At most this many sentences after a dated one, each opening with a pronoun, are read as about
#: the same subject (a cap keeps a block of pronoun-led sentences linear, not quadratic).
MAX_FOLLOW_ON_SENTENCES = 8
_PRONOUN_START = re.compile(r"^\W*(?:He|She|They|It|This|These|His|Her|Their|Its)\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z]+")
#: "in Kyiv", "at the Pentagon": matched after a word boundary (r"\b" + this, by word_start_matches, which lets
#: re skip ahead to "i" and "a").
_LOCATION = re.compile(r"(?:in|at)\s+((?:the\s+)?(?:[A-Z]+ headquarters|[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)*))(?![-\w])")
_NOT_PLACES = re.compile(
    r"^(?:the\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d)")


@cached
def titles_before_names() -> tuple[str, ...]:
    """Titles that, as written, mark the next name as a person, longest first.

    The ``before_name`` column of the one titles table, ``data/person_titles.csv``
    (:func:`analysis_helpers.resources.person_titles`).
    """
    return tuple(sorted((row["before_name"] for row in person_titles() if row["before_name"]),
                        key=len, reverse=True))


@cached
def event_threads() -> pd.DataFrame:
    """Thread names and the patterns that put an event in them (``data/event_threads.csv``)."""
    return read_table("event_threads.csv")


def known_people(texts, people: dict[str, str] | None = None) -> dict[str, str]:
    """Surname key -> the longest full name written after a title anywhere in ``texts``.

    "Defense Secretary Pete Hegseth" and "President Trump" make Hegseth and
    Trump known actors; later bare mentions of the surname are matched.
    ``people`` (the result of the texts before these) is extended in place and
    returned: reading a corpus in parts gives the names reading it whole gives
    (the first longest name of each surname).
    """
    # The titles as a prefix tree: at one position it tries the titles written there longest first, as the
    # longest-first alternation did, without trying every title in turn. r"\b" + this, matched by
    # word_start_matches (re skips ahead to the titles' first letters).
    titles = trie_regex(titles_before_names())
    pattern = re.compile(rf"(?:{titles})\s+((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+){{0,2}}[A-Z][a-z]+(?:-[A-Z][a-z]+)?)")
    title_words = {w for t in titles_before_names() for w in t.split()}
    people = {} if people is None else people
    for text in texts:
        for m in word_start_matches(pattern, text or ""):
            words = [w for w in m.group(1).split() if w not in title_words]
            if not words or words[-1] in title_words or words[0] in ("The", "Of"):
                continue
            name = " ".join(words)
            key = surname_key(name)
            if len(key) < 3:
                continue
            if len(name) > len(people.get(key, "")):
                people[key] = name
    return people


_CAPITALISED = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
#: :func:`surname_key` of one word, remembered (the same capitalised words recur in every article).
_word_key = lru_cache(maxsize=65536)(surname_key)


def actors_in(text: str, people: dict[str, str]) -> list[str]:
    """Known people mentioned in ``text``, in order of first mention."""
    found = []
    for word in _CAPITALISED.findall(text):
        key = _word_key(word)
        if key in people and people[key] not in found:
            found.append(people[key])
    return found


def content_words(text: str, exclude=()) -> set[str]:
    """Lower-case content words (no stop words, no actor names), for matching mentions.

    The words are interned: the sets of every mention of the corpus are held together while they are
    clustered, and one copy of each word serves them all (a third of a mention's memory otherwise).
    """
    drop = {w.lower() for name in exclude for w in name.split()}
    return {_intern_str(w) for w in (w.lower() for w in _WORD.findall(text) if len(w) > 3)
            if w not in ENGLISH_STOP_WORDS and w not in drop}


def event_names(text: str) -> set[str]:
    """Multi-word names of meetings in ``text`` ("Ukraine Defense Contact Group"), lower case."""
    if not _ANY_EVENT_NAME_WORD.search(text):  # every name ends with one of the words: most texts hold none
        return set()
    return {m.group(0).lower() for m in _NAME.finditer(text) if _EVENT_NAME_END.search(m.group(0))}


def short_clause(sentence: str, timex_start: int, timex_end: int, max_words: int = 16,
                 lead: tuple[int, str] | None = None) -> str:
    """What happened: the sentence without its date phrase, cut to ``max_words`` words.

    Only the first words on each side of the date phrase can reach the clause,
    so each side is read up to a bounded number of words: a long sentence holding
    many dates costs its length once, not once per date. ``lead`` is the sentence's
    :func:`sentence_lead` (same ``max_words``), given when the sentence holds several dates.
    """
    keep = max_words + 8
    if lead is not None and lead[0] < timex_start - 1:
        return lead[1]  # what the branch below returns: the first words end before the date (see sentence_lead)
    head_cut = _after_words(sentence, 0, timex_start, keep)
    if head_cut < timex_start:  # the words before the date already fill the clause
        return _clause(sentence[:head_cut], "", max_words)
    tail = sentence[timex_end:_after_words(sentence, timex_end, len(sentence), keep)]
    return _clause(_PREPOSITION_AT_END.sub("", sentence[:timex_start]), tail, max_words)


def sentence_lead(sentence: str, max_words: int = 16) -> tuple[int, str]:
    """Where the sentence's first ``max_words + 8`` words end, and the clause of any date after them.

    The words are read by one possessive match that never looks back, and reading
    ``sentence[:timex_start]`` instead of the whole sentence changes nothing while
    the match ends two characters or more before ``timex_start`` (neither the end of
    the text nor ``$`` is reached): :func:`short_clause` then returns this clause.
    """
    end = _after_words(sentence, 0, len(sentence), max_words + 8)
    return end, _clause(sentence[:end], "", max_words)


_PREPOSITION_AT_END = re.compile(r"\b(?:on|in|at|during|after|since|by|from|of|until|the)\s*$", re.IGNORECASE)
_PREPOSITION_AT_START = re.compile(r"^(?:On|In|At|During|After|Since|By)\s*,?\s*")


def _clause(head: str, tail: str, max_words: int) -> str:
    """The words around a date phrase (``head`` before it, ``tail`` after it) joined and cut to ``max_words``."""
    text = (head.rstrip() + " " + tail.lstrip(" ,")).strip(" ,")
    text = _PREPOSITION_AT_START.sub("", text).strip(" ,")
    words = text.split()
    clause = " ".join(words[:max_words])
    return clause + ("…" if len(words) > max_words else "")


def _after_words(text: str, start: int, end: int, n: int) -> int:
    """Offset just after the ``n``-th token of ``text[start:end]`` holding more than commas (``end`` if fewer).

    Stripping spaces and commas and one leading preposition removes at most two
    such tokens, so ``n`` of them leave more than ``max_words`` words.
    """
    m = _tokens_pattern(n).match(text, start, end)
    return m.end() if m else end


@lru_cache(maxsize=8)
def _tokens_pattern(n: int) -> re.Pattern:
    """``n`` runs of non-space (``\\S+``) that hold more than commas,
    with the runs of commas alone and the spaces between them skipped: one match, no loop per token.
    Possessive quantifiers keep a run whole (never split into two tokens) and the match linear."""
    skip = r"(?:\s*+(?:,++(?=\s|$)\s*+)*+)"
    return re.compile(rf"(?:{skip},*+[^\s,]\S*+){{{n}}}")


def location_in(text: str) -> str:
    for m in word_start_matches(_LOCATION, text):
        place = m.group(1)
        if not _NOT_PLACES.match(place) and not re.fullmatch(r"(?:the\s+)?[A-Z]{2,}", place):
            return re.sub(r"^the\s+", "", place)
    return ""


@cached
def _thread_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((thread, re.compile(pattern))
                 for thread, pattern in zip(event_threads()["thread"], event_threads()["pattern"]))


@cached(maxsize=4096)
def thread_of(text: str) -> str:
    """The first thread of ``data/event_threads.csv`` whose pattern matches ``text``.

    Cached per lexicon source and text: the mentions of one long sentence each ask about the same text.
    """
    for thread, pattern in _thread_patterns():
        if pattern.search(text):
            return thread
    return "other"


_Row = namedtuple("_Row", "doc_id start end text first_day last_day granularity mod signal anchor tense")


def intern(value):
    """``value``, the one copy of it when it is a string (:func:`sys.intern`)."""
    return _intern_str(value) if type(value) is str else value


class _Mention:
    """One dated mention (or an undated sentence attached to an event): its fields as attributes.

    Slots instead of a dict (about 200 bytes instead of 1.2 KB) and the repeated strings (doc_id,
    days, granularity, tense, methods) interned: the mentions of the whole corpus are held together
    while they are clustered.
    """
    __slots__ = ("doc_id", "sent_start", "sent_end", "first_day", "last_day", "granularity", "actors", "what",
                 "location", "words", "names", "event", "tense", "timex", "anchor", "reported_on", "date_method",
                 "thread_text", "reason", "attached")

    def __init__(self, **fields):
        for name, value in fields.items():
            setattr(self, name, value)

    def replaced(self, **changes) -> "_Mention":
        """A copy with ``changes``."""
        return _Mention(**{**{name: getattr(self, name) for name in self.__slots__ if hasattr(self, name)}, **changes})
_Sentence = namedtuple("_Sentence", "doc_id start end text")


def _rows_by_doc(dates: pd.DataFrame) -> dict[str, dict]:
    """Each article's document-date row (``first_day``, ``last_day``, ``reference_day``, ``method``...) by doc_id."""
    return dict(zip(dates["doc_id"].tolist(), dates.to_dict("records")))


def _mentions(sentences: pd.DataFrame, timexes: pd.DataFrame, dates: pd.DataFrame,
              people: dict[str, str]) -> list["_Mention"]:
    """One :class:`_Mention` per dated mention of the articles of ``sentences`` (all of each article's rows: its
    sentences, timexes and document-date row). Per-sentence and per-block facts are computed once and
    shared, and a mention's sentence is found by bisect, so the cost stays linear in mentions and text."""
    sentences = sentences[sentences["role"].isin(ARTICLE_ROLES)]
    doc_rows = _rows_by_doc(dates)
    columns: dict[str, dict[str, list]] = {}  # per article, its sentences' columns in table order (grouped once)
    for doc, start, end, block_id, text in zip(*(sentences[name].tolist()
                                                for name in ("doc_id", "start", "end", "block_id", "text"))):
        col = columns.get(doc)
        if col is None:
            col = columns[doc] = {"start": [], "end": [], "block_id": [], "text": [], "actors": []}
        col["start"].append(start)
        col["end"].append(end)
        col["block_id"].append(block_id)
        col["text"].append(text)
        col["actors"].append(tuple(actors_in(text, people)))
    main_actor = {}
    for doc, col in columns.items():
        counts: dict[str, int] = {}
        for found in col["actors"]:
            for a in found:
                counts[a] = counts.get(a, 0) + 1
        main_actor[doc] = max(sorted(counts), key=lambda a: counts[a]) if counts else ""
    per_sentence: dict[tuple[str, int], dict] = {}
    per_block: dict[tuple[str, int], dict] = {}
    sentences_of_block: dict[str, dict[int, list[int]]] = {}

    def sentence_facts(doc: str, i: int) -> dict:
        key = (doc, i)
        if key not in per_sentence:
            col = columns[doc]
            context = [col["text"][i]]
            for j in range(i + 1, min(len(col["text"]), i + 1 + MAX_FOLLOW_ON_SENTENCES)):  # same subject
                if col["block_id"][j] != col["block_id"][i] or not _PRONOUN_START.match(col["text"][j]):
                    break
                context.append(col["text"][j])
            thread_text = " ".join(context)
            per_sentence[key] = {"thread_text": thread_text, "words": content_words(thread_text),
                                 "actors": col["actors"][i],
                                 "location": location_in(col["text"][i]), "dates": 0, "lead": None, "without": {}}
        return per_sentence[key]

    def block_facts(doc: str, block_id: int) -> dict:
        key = (doc, block_id)
        if key not in per_block:
            col = columns[doc]
            if doc not in sentences_of_block:  # one pass per article, not one per block
                index: dict[int, list[int]] = {}
                for i, b in enumerate(col["block_id"]):
                    index.setdefault(b, []).append(i)
                sentences_of_block[doc] = index
            inside = sentences_of_block[doc].get(block_id, [])
            block_text = " ".join(col["text"][i] for i in inside)
            # a name never spans two sentences joined by a space: the block's actors are its sentences' in order
            actors = list(dict.fromkeys(a for i in inside for a in col["actors"][i]))
            per_block[key] = {"actors": actors, "names": event_names(block_text)}
        return per_block[key]

    mentions = []
    # DURATION rows dated at a point ("two years ago": P2Y reaching back to 2022) carry a point granularity
    usable = timexes[timexes["role"].isin(ARTICLE_ROLES) & timexes["type"].isin(["DATE", "TIME", "DURATION"])
                     & timexes["first_day"].ne("")]
    # plain lists, zipped: iterating the table's Arrow-backed text columns row by row costs microseconds a cell
    for t in map(_Row._make, zip(*(usable[name].tolist() for name in _Row._fields))):
        is_event = t.anchor.startswith("event: ")
        if not is_event and (t.granularity not in _POINT_GRANULARITY or t.mod in ("BEFORE", "AFTER")
                             or t.signal in _BOUND_SIGNALS):
            continue
        col = columns.get(t.doc_id)
        if col is None:
            continue
        i = bisect_right(col["start"], t.start) - 1
        if i < 0 or col["end"][i] <= t.start:
            continue
        sent_text, sent_start, sent_end, block_id = col["text"][i], col["start"][i], col["end"][i], col["block_id"][i]
        facts = sentence_facts(t.doc_id, i)
        block = block_facts(t.doc_id, block_id)
        # tuples, shared by the mentions of a sentence: no container per mention for the collector to scan
        actors = facts["actors"]
        reason = ()
        info = doc_rows.get(t.doc_id)
        near = info is not None and info["first_day"] and _days_between(t.last_day, info["first_day"]) <= 7
        block_actors = block["actors"]
        if not actors and not is_event and near and (block_actors or main_actor.get(t.doc_id)):
            actors = (block_actors[0] if block_actors else main_actor[t.doc_id],)
            reason = ("actor from the article, not the sentence",)
        if is_event:
            what = t.anchor[len("event: "):]
            actors = ()
            words = content_words(what, t.text.split())
        else:
            facts["dates"] += 1
            if facts["dates"] == 2:  # a sentence holding several dates reads its first words once
                facts["lead"] = sentence_lead(sent_text)
            what = short_clause(sent_text, t.start - int(sent_start), t.end - int(sent_start), lead=facts["lead"])
            words = facts["without"].get((actors, t.text))
            if words is None:  # the sentence's words less the actors' and the date's, shared by its like mentions
                drop = {w.lower() for name in (*actors, *t.text.split()) for w in name.split()}
                words = facts["without"][actors, t.text] = (facts["words"] - drop if drop & facts["words"]
                                                            else facts["words"])
        mentions.append(_Mention(
            doc_id=intern(t.doc_id), sent_start=int(sent_start), sent_end=int(sent_end),
            first_day=intern(t.first_day), last_day=intern(t.last_day), granularity=intern(t.granularity),
            actors=actors, what=what, location="" if is_event else facts["location"],
            words=words, names=block["names"], event=intern(t.anchor) if is_event else "",
            tense=intern(t.tense), timex=intern(t.text), anchor=intern(t.anchor),
            reported_on=intern(info["reference_day"]) if info is not None else "",
            date_method=intern(info["method"]) if info is not None else "",
            thread_text=facts["thread_text"], reason=reason, attached=False,
        ))
    return mentions


def _overlap(a, b) -> bool:
    return a.first_day <= b.last_day and b.first_day <= a.last_day


def _nested(a, b) -> bool:
    inside = a.first_day >= b.first_day and a.last_day <= b.last_day
    return inside or (b.first_day >= a.first_day and b.last_day <= a.last_day)


def same_event(a: dict, b: dict) -> bool:
    """Whether two mentions report the same event (see the module docstring)."""
    if not _overlap(a, b):
        return False
    if a.event and a.event == b.event:
        return True
    shared_words = a.words & b.words
    if a.event or b.event:
        return _nested(a, b) and bool(shared_words)
    same_interval = a.first_day == b.first_day and a.last_day == b.last_day
    shared_actor = bool(set(a.actors) & set(b.actors))
    if not same_interval:
        return False
    if shared_actor:
        return bool(shared_words | (a.names & b.names))
    # without a shared actor only same-day reports merge, on several shared words
    return a.granularity in ("day", "time") and len(shared_words) >= MIN_SHARED_WORDS


#: Mentions of the same day without a shared actor merge when they share this many content words.
MIN_SHARED_WORDS = 4


def _clusters(mentions: list[dict]) -> list[list[dict]]:
    """Groups of mentions linked by :func:`same_event`, each in mention order, ordered by first mention.

    Mentions whose compared fields are identical (a date repeated in one sentence)
    behave alike towards every other mention, so the pairs are tested between
    distinct feature keys, not between all mentions: repeated dates stay linear.
    """
    n = len(mentions)
    keys: dict[tuple, list[int]] = {}
    for i, m in enumerate(mentions):
        key = (m.first_day, m.last_day, m.event, m.granularity, frozenset(m.words),
               frozenset(m.names), frozenset(m.actors))
        keys.setdefault(key, []).append(i)
    members = list(keys.values())  # in order of first mention
    # node n + k stands for every mention of key k that is linked to anything
    parent = list(range(n + len(members)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    linked = [False] * len(members)

    def union(x: int, y: int) -> None:
        parent[find(y)] = find(x)

    def link(k: int, other: int) -> None:
        linked[k] = linked[other] = True
        union(n + k, n + other)

    first = [idx[0] for idx in members]
    last = [idx[-1] for idx in members]
    # only mentions with the same interval, or a gazetteer event and anything, can match (see same_event)
    by_interval: dict[tuple[str, str], list[int]] = {}
    for k, idx in enumerate(members):
        m = mentions[idx[0]]
        by_interval.setdefault((m.first_day, m.last_day), []).append(k)
    pairs = {(a, b) for ks in by_interval.values() for x, a in enumerate(ks) for b in ks[x + 1:]}
    events = [k for k, idx in enumerate(members) if mentions[idx[0]].event]
    pairs |= {(min(a, b), max(a, b)) for a in events for b in range(len(members)) if a != b}
    for k, idx in enumerate(members):
        if len(idx) > 1 and same_event(mentions[idx[0]], mentions[idx[1]]):
            link(k, k)
    for a, b in sorted(pairs):
        ma, mb = mentions[first[a]], mentions[first[b]]
        # same_event is tested as (earlier mention, later mention), as the pairs of mentions were
        forward = first[a] < last[b] and same_event(ma, mb)
        backward = first[b] < last[a] and same_event(mb, ma)
        if forward and backward or (forward and first[b] > last[a]) or (backward and first[a] > last[b]):
            link(a, b)  # every mention of a has a linked pair with b, and the reverse
        elif forward or backward:  # same_event differs by direction: link only the mentions in pairs
            early, late = (a, b) if forward else (b, a)
            for i in members[early]:
                if i < last[late]:
                    union(i, last[late])
            for j in members[late]:
                if j > first[early]:
                    union(first[early], j)
    for k, idx in enumerate(members):
        if linked[k]:
            for i in idx:
                union(n + k, i)
    groups: dict[int, list[dict]] = {}
    for i, m in enumerate(mentions):
        groups.setdefault(find(i), []).append(m)
    return list(groups.values())


_FUTURE = re.compile(r"\b(?:will|expected to|plans? to|is to|are to)\b")


def _name_finder(names) -> tuple[re.Pattern, dict[str, list[str]]]:
    """One pass over a lower-cased sentence that finds every name of ``names`` it holds.

    The pattern (a prefix tree inside a look-ahead) reports the longest name starting at each
    position; the dict gives, for each name, the names that are its prefixes (present with it).
    """
    known = set(names)
    prefixes = {name: [name[:k] for k in range(1, len(name) + 1) if name[:k] in known] for name in known}
    return re.compile("(?=(" + trie_regex(sorted(known)) + "))"), prefixes


def _attach_undated(groups, chunks, dated_offsets, people):
    """Add undated sentences that name the same meeting and the same actor as a group.

    ``chunks`` yields ``sentences`` and ``document_dates`` of whole articles, in corpus order.
    Linear in sentences and names: the names a sentence holds come from one regular
    expression pass, and the groups that share a name and an actor with it from a posting
    list per (name, actor), merged in group order, so a sentence never scans every group.
    """
    candidates = []  # (names, actors, first day, group) of groups that can take undated sentences
    for group in groups:
        names = set().union(*(m.names for m in group))
        if names and not any(m.event for m in group):
            candidates.append((names, set().union(*(set(m.actors) for m in group)),
                               min(m.first_day for m in group), group))
    if not candidates:
        return
    postings: dict[tuple[str, str], list[int]] = {}
    for index, (names, group_actors, _, _) in enumerate(candidates):
        for name in names:
            for actor in group_actors:
                postings.setdefault((name, actor), []).append(index)
    finder, prefixes = _name_finder(set().union(*(c[0] for c in candidates)))
    for chunk in chunks:
        _attach_in(chunk["sentences"], _rows_by_doc(chunk["document_dates"]), candidates, postings,
                   finder, prefixes, dated_offsets, people)


def _attach_in(sentences, doc_rows, candidates, postings, finder, prefixes, dated_offsets, people) -> None:
    """:func:`_attach_undated` over the sentences of some articles (``doc_rows``: their document dates)."""
    sentences = sentences[sentences["role"].isin(ARTICLE_ROLES)]
    for s in map(_Sentence._make, zip(*(sentences[name].tolist() for name in _Sentence._fields))):
        if (s.doc_id, int(s.start)) in dated_offsets:
            continue
        lowered = s.text.lower()
        present = {name for longest in set(finder.findall(lowered)) for name in prefixes[longest]}
        if not present or _FUTURE.search(lowered):
            continue
        actors = set(actors_in(s.text, people))
        if not actors:
            continue
        info = doc_rows.get(s.doc_id)
        lists = [postings[key] for key in product(sorted(present), sorted(actors)) if key in postings]
        tried = set()
        for index in merge(*lists):  # candidates sharing a name and an actor, in group order
            if index in tried:
                continue
            tried.add(index)
            names, group_actors, first, group = candidates[index]
            if info is not None and info["last_day"] and info["last_day"] < first:
                continue  # written before the event
            group.append(group[0].replaced(doc_id=intern(s.doc_id), sent_start=int(s.start), sent_end=int(s.end),
                                           attached=True, timex="", reason=(),
                                           reported_on=intern(info["reference_day"]) if info is not None else ""))
            break


@accepts_lexicons
def merge_events(corpus, timexes: pd.DataFrame, dates: pd.DataFrame, *, lexicons=None) -> pd.DataFrame:
    """The ``events`` table from a corpus, its ``timexes`` table and its document dates.

    Parameters
    ----------
    corpus : Corpus
        An opened corpus (``articles``, ``blocks``, ``sentences``).
    timexes : DataFrame
        The corpus' ``timexes`` table (:func:`~analysis_helpers.timexes.extract.extract_timexes`).
    dates : DataFrame
        The corpus' :func:`~analysis_helpers.timexes.document_dates.document_dates` table.
    lexicons : folder, dict or :class:`~analysis_helpers.resources.Lexicons`, optional
        Lexicon files replacing the packaged ones for this call (see
        :mod:`analysis_helpers.resources`); missing files fall back to the package.

    Returns
    -------
    DataFrame with :data:`EVENT_COLUMNS`; see :func:`analysis_helpers.timeline.build.build_timeline`.
    """
    return merge_event_chunks([{"blocks": corpus.blocks, "sentences": corpus.sentences, "timexes": timexes,
                                "document_dates": dates}])


#: The columns of each per-article table :func:`merge_event_chunks` reads.
EVENT_INPUT_COLUMNS = {
    "blocks": ["role", "text"],
    "sentences": list(dict.fromkeys(["doc_id", "start", "end", "block_id", "text", "role", *_Sentence._fields])),
    "timexes": list(dict.fromkeys(["role", "type", *_Row._fields])),
    "document_dates": ["doc_id", "first_day", "last_day", "reference_day", "method"],
}


def merge_event_chunks(chunks) -> pd.DataFrame:
    """:func:`merge_events` of a corpus read in parts: only one part's tables and the mentions in memory.

    ``chunks`` is re-iterable (it is read three times: the people named after a title, the dated
    mentions, the undated sentences that join them) and yields, in corpus order, dicts of the
    tables of :data:`EVENT_INPUT_COLUMNS` (``blocks``, ``sentences``, ``timexes``,
    ``document_dates``), each holding all rows of its articles (e.g. one chunk of a run, or the
    whole corpus as one part). Every per-article fact is computed inside a part; the corpus-wide
    facts (people, the mentions' clusters) from what the parts give: the table is the one of the
    whole corpus read at once.
    """
    people: dict[str, str] = {}
    for chunk in chunks:
        blocks = chunk["blocks"]
        known_people(blocks.loc[blocks["role"].isin(["standfirst", "body"]), "text"], people)
    mentions = []
    for chunk in chunks:
        mentions += _mentions(chunk["sentences"], chunk["timexes"], chunk["document_dates"], people)
    mentions.sort(key=lambda m: (m.first_day, m.last_day, m.doc_id, m.sent_start))
    groups = _clusters(mentions)
    dated_offsets = {(m.doc_id, m.sent_start) for m in mentions}
    _attach_undated(groups, chunks, dated_offsets, people)
    rows = [_event_row(group) for group in groups]
    table = pd.DataFrame(rows, columns=EVENT_COLUMNS[1:])
    table = table.sort_values(["first_day", "last_day", "doc_ids", "what"], kind="stable").reset_index(drop=True)
    table.insert(0, "event_id", [f"E{i + 1:02d}" for i in range(len(table))])
    return table


def _event_row(group: list[dict]) -> dict:
    if len(group) == 1:  # one dated mention (most events): the same row without the merging
        return _one_mention_row(group[0])
    dated = [m for m in group if not m.attached]
    finest = dated[0] if len(dated) == 1 else min(dated, key=lambda m: (_span_days(m), m.doc_id, m.sent_start))
    docs = sorted({m.doc_id for m in group})
    actors = []
    for m in dated:
        actors += [a for a in m.actors if a not in actors]
    tenses = sorted({m.tense for m in dated if m.tense})
    certainty, reasons = _certainty(finest, len(docs), tenses, {m.date_method for m in dated},
                                    sorted({r for m in dated for r in m.reason}))
    offsets = sorted({(m.doc_id, m.sent_start, m.sent_end) for m in group})
    reported = sorted(m.reported_on for m in dated if m.reported_on)
    background = bool(reported) and _days_between(finest.last_day, reported[0]) > 31
    thread = ("context" if finest.event or background
              else thread_of(" ".join(_collapse_repeats([m.thread_text for m in dated]))))
    return {
        "first_day": finest.first_day, "last_day": finest.last_day, "granularity": finest.granularity,
        "thread": thread, "actors": "; ".join(actors), "what": finest.what,
        "location": _most_common([m.location for m in dated if m.location]),
        "doc_ids": "; ".join(docs),
        "sentence_offsets": "; ".join(f"{d}:{s}-{e}" for d, s, e in offsets),
        "n_sources": len(docs), "n_mentions": len(offsets), "certainty": certainty,
        "certainty_reason": "; ".join(reasons),
        "reported_on": "; ".join(sorted({m.reported_on for m in group if m.reported_on})),
        "tense": "; ".join(tenses),
        "timex_texts": "; ".join(sorted({m.timex for m in dated if m.timex})),
    }


def _one_mention_row(m: dict) -> dict:
    """:func:`_event_row` of a group holding the one dated mention ``m`` (a group of one is never attached)."""
    reported = m.reported_on
    certainty, reasons = _certainty(m, 1, [m.tense] if m.tense else [], {m.date_method},
                                    sorted(set(m.reason)))
    background = bool(reported) and _days_between(m.last_day, reported) > 31
    return {
        "first_day": m.first_day, "last_day": m.last_day, "granularity": m.granularity,
        "thread": "context" if m.event or background else thread_of(m.thread_text),
        "actors": "; ".join(m.actors), "what": m.what, "location": m.location,
        "doc_ids": m.doc_id, "sentence_offsets": f"{m.doc_id}:{m.sent_start}-{m.sent_end}",
        "n_sources": 1, "n_mentions": 1, "certainty": certainty, "certainty_reason": "; ".join(reasons),
        "reported_on": reported, "tense": m.tense, "timex_texts": m.timex,
    }


def _certainty(finest: dict, n_docs: int, tenses: list[str], methods: set[str],
               reasons: list[str]) -> tuple[str, list[str]]:
    """An event's certainty and its reasons, from its finest mention, number of articles, tenses,
    document-date methods and the sorted reasons of its mentions (extended in place)."""
    if n_docs >= 2:
        certainty = "high"
        reasons.insert(0, f"{n_docs} articles")
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
    if finest.event:
        certainty = "high" if n_docs >= 2 else "medium"
        reasons = ["date from the anchor-event gazetteer"] + reasons
    return certainty, reasons


def _collapse_repeats(texts: list[str]) -> list[str]:
    """``texts`` with each run of one repeated text cut to two copies.

    Mentions of one sentence share its text; a thread pattern that matches
    across the join of many copies matches across the join of two, and joining
    every copy made the thread search quadratic in the mentions of a sentence.
    """
    out: list[str] = []
    for text in texts:
        if len(out) >= 2 and out[-1] == text and out[-2] == text:
            continue
        out.append(text)
    return out


def _most_common(values: list[str]) -> str:
    """The most frequent value, the longest on a tie ("NATO headquarters" over "NATO"); '' if none."""
    if not values:
        return ""
    return max(sorted(set(values)), key=lambda v: (values.count(v), len(v)))


#: ``date.fromisoformat``, remembered: the mentions of a corpus name few distinct days.
_day = lru_cache(maxsize=65536)(date.fromisoformat)


def _days_between(earlier: str, later: str) -> int:

    return (_day(later) - _day(earlier)).days


def _span_days(m: dict) -> int:

    return (_day(m.last_day) - _day(m.first_day)).days
