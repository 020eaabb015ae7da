"""Events merged across articles, and conflicts with a reference table."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis_helpers import open_corpus
from analysis_helpers.paths import seed_reference_file
from analysis_helpers.timeline.build import EVENT_COLUMNS, build_timeline, known_people
from analysis_helpers.timeline.reference import CONFLICT_COLUMNS, find_conflicts, read_reference


def write_corpus(folder, articles):
    """Invented articles (file name, published, text) as a corpus folder with a manifest."""
    rows = []
    for i, (name, published, text) in enumerate(articles):
        (folder / name).write_text(text, encoding="utf-8")
        rows.append({"file": name, "doc_id": f"{i:03d}", "outlet": "test", "url": "",
                     "published": published, "published_note": ""})
    pd.DataFrame(rows).to_csv(folder / "manifest.csv", index=False)
    return open_corpus(folder)


REUTERS = ("EU ministers agree gas cap\n\n"
           "Energy ministers from the European Union agreed a cap on gas prices at a meeting in Brussels "
           "on Tuesday, officials said. Energy Commissioner Kadri Simson said the deal would hold.\n\n"
           "Prime Minister Mark Rutte said on Monday that the Netherlands would back the plan.\n")
AP = ("Gas price cap agreed\n\n"
      "BRUSSELS (AP) — European Union energy ministers agreed on Tuesday to cap gas prices after "
      "months of wrangling. Commissioner Kadri Simson welcomed the gas deal at a news conference.\n")
BBC = ("Ministers to meet again\n\n"
       "Energy ministers will meet again next week, the BBC understands. Commissioner Kadri Simson "
       "is expected to attend.\n")


@pytest.fixture()
def small_corpus(tmp_path):
    return write_corpus(tmp_path, [("a.txt", "2022-12-21", REUTERS), ("b.txt", "2022-12-21", AP),
                                   ("c.txt", "2022-12-21", BBC)])


def test_same_event_in_two_outlets_is_one_row_with_two_sources(small_corpus):
    events = build_timeline(small_corpus)
    assert list(events.columns) == EVENT_COLUMNS
    tuesday = events[events["first_day"] == "2022-12-20"]
    assert len(tuesday) == 1
    row = tuesday.iloc[0]
    assert row["n_sources"] == 2 and row["doc_ids"] == "000; 001"
    assert "Kadri Simson" in row["actors"] and row["certainty"] == "high"
    assert row["reported_on"] == "2022-12-21"  # when it was reported, apart from when it happened


def test_different_day_and_actor_stays_a_separate_event(small_corpus):
    events = build_timeline(small_corpus)
    monday = events[events["first_day"] == "2022-12-19"]
    assert len(monday) == 1 and monday.iloc[0]["n_sources"] == 1
    assert "Mark Rutte" in monday.iloc[0]["actors"]


def test_week_level_future_event_keeps_its_precision_and_low_certainty(small_corpus):
    events = build_timeline(small_corpus)
    next_week = events[events["granularity"] == "week"]
    assert len(next_week) == 1
    row = next_week.iloc[0]
    assert (row["first_day"], row["last_day"]) == ("2022-12-26", "2023-01-01")


def test_sentence_offsets_point_at_reporting_sentences(small_corpus):
    texts = dict(zip(small_corpus.articles["doc_id"], small_corpus.articles["text"]))
    for offsets in build_timeline(small_corpus)["sentence_offsets"]:
        for item in offsets.split("; "):
            doc, span = item.split(":")
            start, end = (int(x) for x in span.split("-"))
            assert 0 <= start < end <= len(texts[doc])


def test_known_people_come_from_titles_not_headline_capitals():
    people = known_people(["Prime Minister Mark Rutte spoke. President Joe Biden left.",
                           "Commissioner Kadri Simson said so."])
    assert people["rutte"] == "Mark Rutte" and people["biden"] == "Joe Biden"
    assert "said" not in people


def test_known_people_match_the_titles_as_a_longest_first_alternation():
    """The titles' prefix tree, matched after a word boundary, finds the names the plain alternation found."""
    import random
    import re

    from analysis_helpers.corpus.names import surname_key
    from analysis_helpers.timeline.events import titles_before_names

    titles = titles_before_names()
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in titles) + r")\s+((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+)"
                         r"{0,2}[A-Z][a-z]+(?:-[A-Z][a-z]+)?)")
    title_words = {w for t in titles for w in t.split()}

    def by_alternation(texts):
        people = {}
        for text in texts:
            for m in pattern.finditer(text):
                words = [w for w in m.group(1).split() if w not in title_words]
                if not words or words[-1] in title_words or words[0] in ("The", "Of"):
                    continue
                name, key = " ".join(words), surname_key(" ".join(words))
                if len(key) >= 3 and len(name) > len(people.get(key, "")):
                    people[key] = name
        return people

    rng = random.Random(0)
    pieces = list(titles) + ["Mark", "Rutte", "Jean-Luc", "Ode", "The", "Of", "said", "x", "é", "-", ",", "\n"]
    texts = ["".join(rng.choice(pieces) + rng.choice([" ", " ", "", "  "]) for _ in range(rng.randint(1, 14)))
             for _ in range(3000)]
    expected = by_alternation(texts)
    assert known_people(texts) == expected and len(expected) > 10


def test_conflicts_with_an_invented_reference(small_corpus):
    reference = pd.DataFrame([{
        "ref_id": "X1", "first_day": "2022-12-19", "last_day": "2022-12-19", "granularity": "day",
        "thread": "meetings", "actors": "Kadri Simson", "what": "gas cap agreed", "location": "Brussels",
        "pattern": r"(?i)\bgas\b", "role": "chair", "role_holder": "Jozef Sikela; Czech",
        "source": "https://example.org/x1", "note": ""}])
    events = build_timeline(small_corpus)
    conflicts = find_conflicts(small_corpus, events, reference)
    assert list(conflicts.columns) == CONFLICT_COLUMNS
    dates = conflicts[conflicts["kind"] == "date"]
    assert set(dates["doc_id"]) == {"000", "001"}
    assert set(dates["reference_says"]) == {"2022-12-19"}


def test_empty_corpus_gives_empty_events(tmp_path):
    corpus = write_corpus(tmp_path, [("a.txt", "", "")])
    events = build_timeline(corpus)
    assert events.empty and list(events.columns) == EVENT_COLUMNS


# ---------------------------------------------------------------- the seed week


@pytest.fixture(scope="module")
def seed_events(seed_corpus):
    return build_timeline(seed_corpus)


def test_meeting_reported_by_several_articles_is_one_event_with_several_sources(seed_events):
    thursday = seed_events[(seed_events["first_day"] == "2025-02-13") & seed_events["actors"].str.contains("Hegseth")
                           & seed_events["thread"].eq("meetings")]
    assert len(thursday) == 1
    assert thursday.iloc[0]["n_sources"] >= 2


def test_undated_articles_put_no_event_on_a_borrowed_day(seed_events):
    # 002 and 003 have no date in their manifest row, address or text: their "Wednesday" has no calendar
    # day (absolute dates such as "February 2022" still place their events)
    dated = seed_events[seed_events["first_day"].fillna("").str.startswith("2025-02")]
    sources = {doc for ids in dated["doc_ids"] for doc in ids.split("; ")}
    assert not sources & {"002", "003"}


def test_event_time_is_kept_apart_from_report_time(seed_events):
    invasion = seed_events[seed_events["first_day"] == "2022-02-24"]
    assert len(invasion) == 1
    assert invasion.iloc[0]["reported_on"].startswith("2025-02")


def test_reference_rows_have_a_source_address():
    reference = read_reference(seed_reference_file())
    assert reference["source"].str.match(r"https?://").all()
    assert (reference["first_day"] <= reference["last_day"]).all()


def test_seed_conflicts_include_the_misdated_agreement_and_the_wrong_chair(seed_events):
    conflicts = find_conflicts(open_corpus(), seed_events, read_reference(seed_reference_file()))
    kinds = set(zip(conflicts["doc_id"], conflicts["kind"]))
    assert ("001", "date") in kinds and ("001", "role") in kinds
    date_row = conflicts[(conflicts["doc_id"] == "001") & (conflicts["kind"] == "date")].iloc[0]
    assert date_row["article_says"] == "2025-02-10"


def _attach_by_scanning_every_group(groups, sentences, dated_offsets, people, dates):
    """The plain rule of ``_attach_undated``: every sentence tests every name and every group in order."""
    import re

    from analysis_helpers.timeline.events import actors_in

    info_of = dates.set_index("doc_id")
    candidates = [(set().union(*(m.names for m in g)), set().union(*(set(m.actors) for m in g)),
                   min(m.first_day for m in g), g) for g in groups
                  if set().union(*(m.names for m in g)) and not any(m.event for m in g)]
    all_names = sorted(set().union(*(c[0] for c in candidates)))
    for s in sentences.itertuples(index=False):
        if (s.doc_id, s.start) in dated_offsets:
            continue
        lowered = s.text.lower()
        present = {name for name in all_names if name in lowered}
        actors = set(actors_in(s.text, people))
        if not present or not actors or re.search(r"\b(?:will|expected to|plans? to|is to|are to)\b", lowered):
            continue
        info = info_of.loc[s.doc_id]
        for names, group_actors, first, group in candidates:
            if names & present and actors & group_actors and not (info["last_day"] and info["last_day"] < first):
                group.append(group[0].replaced(doc_id=s.doc_id, sent_start=s.start, sent_end=s.end, attached=True,
                                               timex="", reason=(), reported_on=info["reference_day"]))
                break


def test_undated_sentences_join_the_first_group_sharing_a_name_and_an_actor():
    import copy

    from analysis_helpers.corpus.names import surname_key
    from analysis_helpers.timeline.events import _attach_undated, _Mention

    people = {surname_key(n.split()[-1]): n for n in ("Anna Lindqvist", "Tomas Berg", "Mira Okafor")}

    def group(day, names, actors, event=False):
        return [_Mention(names=set(names), actors=list(actors), first_day=day, event=event, doc_id="x",
                         sent_start=0, sent_end=1, attached=False)]

    def fields(groups):
        return [[{name: getattr(m, name, None) for name in _Mention.__slots__} for m in g] for g in groups]

    groups = [group("2023-03-01", ["harbour contact group"], ["Tomas Berg"]),
              group("2023-03-02", ["contact group"], ["Anna Lindqvist"]),
              group("2023-03-03", ["harbour contact group summit"], ["Mira Okafor"]),
              group("2023-03-04", ["harbour contact group"], ["Anna Lindqvist"]),
              group("2023-03-20", ["river forum"], ["Mira Okafor"]),
              group("2023-03-05", ["river forum"], ["Mira Okafor"], event=True)]
    texts = [("a", "Lindqvist praised the Harbour Contact Group in Oslo."),  # second group: "contact group"
             ("a", "Okafor opened the Harbour Contact Group Summit."),  # a name and its prefix both present
             ("a", "Berg and Okafor spoke at the River Forum."),  # written before the forum: not attached
             ("b", "Berg will attend the Harbour Contact Group."),  # future: not attached
             ("b", "Nobody named attended the Contact Group."),
             ("b", "Okafor, Berg and Lindqvist left the Harbour Contact Group Summit.")]
    sentences = pd.DataFrame({"doc_id": [d for d, _ in texts], "start": [i * 100 for i in range(len(texts))],
                              "end": [i * 100 + len(t) for i, (_, t) in enumerate(texts)],
                              "text": [t for _, t in texts], "role": "body"})
    dates = pd.DataFrame({"doc_id": ["a", "b"], "last_day": ["2023-03-10", ""],
                          "reference_day": ["2023-03-10", "2023-03-12"]})
    expected, found = copy.deepcopy(groups), copy.deepcopy(groups)
    _attach_by_scanning_every_group(expected, sentences, set(), people, dates)
    _attach_undated(found, [{"sentences": sentences, "document_dates": dates}], set(), people)
    assert fields(found) == fields(expected)
    attached = [(i, m.sent_start) for i, g in enumerate(found) for m in g if m.attached]
    assert attached == [(0, 500), (1, 0), (2, 100)]


from hypothesis import given, settings
from hypothesis import strategies as st

from analysis_helpers.timeline.events import sentence_lead, short_clause

_CLAUSE_WORDS = st.sampled_from(["on", "Monday", ",", ", ", " ", "  ", "the", "talks", "At", "\n", "x,y",
                                 "2025", "ended.", "of", "By", "Sunday,"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_CLAUSE_WORDS, min_size=1, max_size=80), st.data())
def test_short_clause_with_the_sentence_lead_equals_short_clause_alone(words, data):
    """The lead of a sentence holding several dates is a shortcut only: every date gets the same clause."""
    sentence = "".join(words)
    start = data.draw(st.integers(0, len(sentence)))
    end = data.draw(st.integers(start, len(sentence)))
    for max_words in (2, 16):
        lead = sentence_lead(sentence, max_words)
        assert short_clause(sentence, start, end, max_words, lead=lead) == short_clause(sentence, start, end,
                                                                                       max_words)


def test_short_clause_of_a_late_date_in_a_long_sentence_is_the_lead_clause():
    sentence = "Officials met in Brussels and agreed a plan " * 5 + "on Monday."
    start = sentence.index("Monday")
    assert short_clause(sentence, start, start + 6) == ("Officials met in Brussels and agreed a plan "
                                                        "Officials met in Brussels and agreed a plan…")
    assert sentence_lead(sentence)[1] == short_clause(sentence, start, start + 6)
