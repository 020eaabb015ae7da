"""Temporal expressions: rules on invented sentences in other outlets' styles, offsets on the seeds."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analysis_helpers import open_corpus
from analysis_helpers.timexes.document_dates import document_dates, infer_document_date, url_date
from analysis_helpers.evaluation.timexes import align_timexes, evaluate_timexes
from analysis_helpers.timexes.extract import TIMEX_COLUMNS, clause_tense, extract_timexes, tag_text

THURSDAY = date(2024, 3, 14)  # a Thursday


def tags(text, reference=THURSDAY):
    return {t["text"]: t for t in tag_text(text, reference)}


def only(text, reference=THURSDAY):
    found = tag_text(text, reference)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- weekday names and tense


def test_past_tense_weekday_is_latest_such_day_up_to_document_date():
    t = only("Finance ministers met in Luxembourg on Tuesday, officials said.")  # Reuters style
    assert (t["value"], t["tense"]) == ("2024-03-12", "past")


def test_future_tense_weekday_is_next_such_day():
    t = only("The committee will vote on the bill on Monday, a spokesperson told the BBC.")
    assert (t["value"], t["tense"]) == ("2024-03-18", "future")


def test_weekday_equal_to_document_day_counts_for_both_tenses():
    assert only("Talks resumed on Thursday.")["value"] == "2024-03-14"
    assert only("Leaders will meet again on Thursday.")["value"] == "2024-03-14"


def test_participle_after_a_modal_is_future_not_past():
    assert clause_tense("The deal will be finalized by June 10.", 30, 37, 0, 38) == "future"
    t = only("The deal will be finalized by June 10.", date(2011, 5, 29))
    assert t["value"] == "2011-06-10"


def test_month_day_without_year_goes_to_the_nearest_year_when_tense_is_unclear():
    t = only("A hearing has been scheduled for June 3.", date(2009, 5, 14))
    assert t["value"] == "2009-06-03"


def test_bare_month_in_past_tense_is_the_latest_such_month():
    t = only("The model was introduced in January.", date(2005, 9, 7))
    assert t["value"] == "2005-01" and t["granularity"] == "month"


# ---------------------------------------------------------------- relative expressions


@pytest.mark.parametrize("sentence, text, value, first, last", [
    ("Prices rose sharply last year, the statistics office said.", "last year", "2023", "2023-01-01", "2023-12-31"),
    ("Shares have slumped this week.", "this week", "2024-W11", "2024-03-11", "2024-03-17"),
    ("The minister resigned yesterday.", "yesterday", "2024-03-13", "2024-03-13", "2024-03-13"),
    ("He had warned of the risk earlier this month.", "earlier this month", "2024-03", "2024-03-01", "2024-03-13"),
    ("Output fell two years ago.", "two years ago", "P2Y", "2022-01-01", "2022-12-31"),  # a duration, dated at its point
    ("A new budget is due next month.", "next month", "2024-04", "2024-04-01", "2024-04-30"),
])
def test_relative_expressions_resolve_at_their_own_precision(sentence, text, value, first, last):
    t = tags(sentence)[text]
    assert (t["value"], t["first_day"], t["last_day"]) == (value, first, last)
    assert t["anchor"] == "document date"


def test_explicit_month_and_year_stays_a_month():
    t = tags("Troops crossed the border in February 2022, the Guardian reported.")["February 2022"]
    assert (t["value"], t["granularity"], t["first_day"], t["last_day"]) == (
        "2022-02", "month", "2022-02-01", "2022-02-28")
    assert t["anchor"] == "absolute" and t["signal"] == "in"


def test_pre_year_is_a_year_with_mod_before():
    t = only("Kyiv wants a return to its pre-2014 frontiers.")
    assert (t["text"], t["value"], t["mod"], t["granularity"]) == ("pre-2014", "2014", "BEFORE", "year")


def test_since_month_keeps_the_signal_outside_the_span():
    t = only("Aid has flowed since February 2022.")
    assert (t["text"], t["signal"], t["value"]) == ("February 2022", "since", "2022-02")


def test_since_named_event_resolves_through_the_gazetteer():
    t = only("Europe has spent more on defence since the Russian invasion, AP reported.")
    assert t["text"] == "the Russian invasion"
    assert (t["value"], t["first_day"], t["signal"]) == ("2022-02-24", "2022-02-24", "since")
    assert t["anchor"].startswith("event: ")


def test_named_event_without_signal_is_not_a_time():
    assert tag_text("Officials fear another Russian invasion of a neighbour.", THURSDAY) == []


def test_explicit_full_dates_in_several_formats():
    found = tags("It began on 13 February 2025 and ended on March 4, 2025; the report is dated 2025-03-05.")
    assert found["13 February 2025"]["value"] == "2025-02-13"
    assert found["March 4, 2025"]["value"] == "2025-03-04"
    assert found["2025-03-05"]["value"] == "2025-03-05"


# ---------------------------------------------------------------- durations and sets


@pytest.mark.parametrize("sentence, text, value, mod", [
    ("The programme ran for three years.", "three years", "P3Y", ""),
    ("Engineers hope to finish within a year.", "a year", "P1Y", "EQUAL_OR_LESS"),
    ("The town was flattened by months of shelling.", "months", "PXM", ""),
    ("Talks dragged on for more than six weeks.", "more than six weeks", "P6W", "MORE_THAN"),
    ("Five years after the launch, sales doubled.", "Five years", "P5Y", ""),
    ("It is a five-year plan.", "five-year", "P5Y", ""),
])
def test_durations(sentence, text, value, mod):
    t = tags(sentence)[text]
    assert (t["type"], t["value"], t["mod"]) == ("DURATION", value, mod)
    assert t["first_day"] is None


def test_sets():
    assert tags("Britain pledged annual support of £3bn.")["annual"]["type"] == "SET"
    t = tags("The fund pays out $2 billion a year.")["a year"]
    assert (t["type"], t["value"]) == ("SET", "P1Y")


# ---------------------------------------------------------------- no false alarms


@pytest.mark.parametrize("sentence", [
    "Officials may march on the capital, he said.",
    "We will not back down.",
    "The US gave $65.9 billion and 10,000 drones.",
    "It was the 26th meeting of the group.",
    "Troops would not fall under Article 5 of the treaty.",
    "It is something a U.S. president should not do.",
    "The Russell 2000 index fell 4 percent.",
    "A second vessel left port.",
    "The now-cancelled deal angered lawmakers.",
    "She read the Sunday Times over breakfast.",
    "",
])
def test_no_false_alarms(sentence):
    assert tag_text(sentence, THURSDAY) == []


def test_bad_input_never_crashes():
    assert tag_text(None, THURSDAY) == []
    assert isinstance(tag_text("\x00\ufeff on Tuesday \u200b 31/02/2024 Feb 30, 2024", THURSDAY), list)


def test_without_document_date_relative_values_stay_underspecified():
    t = only("Ministers met on Wednesday.", None)
    assert t["value"] == "XXXX-WXX-3" and t["first_day"] is None


def test_time_of_day_attached_to_a_weekday():
    t = only("The company filed for bankruptcy at 12:00 UTC Monday.", date(2009, 6, 1))
    assert (t["type"], t["value"]) == ("TIME", "2009-06-01T12:00Z")


# ---------------------------------------------------------------- document dates


def test_document_date_from_url_and_from_text():
    assert url_date("https://example.org/2024/03/14/story-slug") == date(2024, 3, 14)
    inferred = infer_document_date("Leaders met in Paris on 12 March 2024. They spoke on Tuesday.")
    assert inferred["reference_day"] == "2024-03-12"
    assert inferred["first_day"] == "2024-03-12" and inferred["last_day"] == "2024-03-18"


def test_undated_document_never_borrows_another_articles_date():
    frame = pd.DataFrame({"doc_id": ["dated", "undated"], "url": ["", ""], "published": ["2019-05-02", ""],
                          "text": ["Farmers met on Monday.", "Farmers met on Monday and will vote tomorrow."]})
    dates = document_dates(frame).set_index("doc_id")
    assert dates.loc["undated", "reference_day"] == ""
    assert dates.loc["undated", "method"].startswith("unknown")
    table = extract_timexes(frame)
    undated = table[table["doc_id"] == "undated"].set_index("text")
    assert undated.loc["Monday", "value"] == "XXXX-WXX-1"
    assert undated.loc["tomorrow", "value"] == "XXXX-XX-XX"
    assert undated.loc["Monday", "first_day"] == ""
    assert "no document date" in undated.loc["Monday", "reason"]
    dated = table[table["doc_id"] == "dated"].set_index("text")
    assert dated.loc["Monday", "value"] == "2019-04-29" and dated.loc["Monday", "reason"] == ""


def test_document_date_is_never_today():
    inferred = infer_document_date("Ministers met on Wednesday to talk.")
    assert inferred["reference_day"] == inferred["first_day"] == inferred["last_day"] == ""
    assert inferred["method"].startswith("unknown")


def test_leading_date_line_dates_the_document():
    inferred = infer_document_date("Tuesday, 4 June 2019\nThe council voted on Monday to close the bridge.")
    assert inferred["reference_day"] == "2019-06-04"


def test_seed_document_dates_come_from_manifest_or_are_inferred_intervals():
    dates = document_dates(open_corpus()).set_index("doc_id")
    assert dates.loc["000", "method"] == "manifest published"
    assert dates.loc["002", "first_day"] <= dates.loc["002", "last_day"]
    assert dates.loc["002", "method"] != "manifest published"


# ---------------------------------------------------------------- the table on the seeds


@pytest.fixture(scope="module")
def seed_timexes(seed_corpus):
    return extract_timexes(seed_corpus)


def test_table_columns_and_offset_invariant_on_seeds(seed_corpus, seed_timexes):
    assert list(seed_timexes.columns) == TIMEX_COLUMNS
    texts = dict(zip(seed_corpus.articles["doc_id"], seed_corpus.articles["text"]))
    assert len(seed_timexes) > 0
    for row in seed_timexes.itertuples(index=False):
        assert texts[row.doc_id][row.start:row.end] == row.text


def test_table_is_deterministic_and_accepts_a_dataframe(seed_timexes):
    again = extract_timexes(open_corpus().articles)
    pd.testing.assert_frame_equal(seed_timexes, again)


def test_empty_corpus_gives_empty_table():
    articles = open_corpus().articles.iloc[:0]
    table = extract_timexes(articles)
    assert list(table.columns) == TIMEX_COLUMNS and table.empty


# ---------------------------------------------------------------- evaluation


def test_tempeval_measures_strict_relaxed_and_value():
    gold = pd.DataFrame({"doc_id": ["a", "a", "a"], "start": [0, 10, 30], "end": [5, 20, 35],
                         "value": ["2024", "2024-03-12", "P3Y"]})
    system = pd.DataFrame({"doc_id": ["a", "a", "a"], "start": [0, 12, 50], "end": [5, 20, 55],
                           "value": ["2024", "2024-03-13", "P1Y"]})
    scores = evaluate_timexes(gold, system)
    assert scores.loc["strict span", "f1"] == pytest.approx(1 / 3, abs=1e-3)
    assert scores.loc["relaxed span", "f1"] == pytest.approx(2 / 3, abs=1e-3)
    assert scores.loc["value accuracy", "f1"] == pytest.approx(0.5)
    assert scores.loc["value", "f1"] == pytest.approx(1 / 3, abs=1e-3)
    outcomes = align_timexes(gold, system)["outcome"].tolist()
    assert sorted(outcomes) == ["exact", "missed", "overlap", "spurious"]


# ---------------------------------------------------------------- more news idioms


@pytest.mark.parametrize("sentence, text, value, mod", [
    ("Late Tuesday, the Senate voted 51-49.", "Late Tuesday", "2024-03-12", "END"),
    ("Early on Wednesday, air-raid sirens sounded across Kyiv.", "Early on Wednesday", "2024-03-13", "START"),
    ("Drones struck the port overnight, the governor said.", "overnight", "2024-03-13TNI", ""),
    ("Output will double by the end of the year.", "the end of the year", "2024", "END"),
    ("It was the bloodiest war of the 20th century.", "the 20th century", "19", ""),
    ("The summit takes place on 24-25 June.", "24-25 June", "2024-06", ""),
])
def test_news_idioms(sentence, text, value, mod):
    found = {t["text"].lower(): t for t in tag_text(sentence, THURSDAY)}
    t = found[text.lower()]
    assert (t["value"], t["mod"]) == (value, mod)


def test_day_range_keeps_both_days_as_its_interval():
    t = only("The conference runs from 14 to 16 February.", date(2025, 2, 13))
    assert (t["first_day"], t["last_day"]) == ("2025-02-14", "2025-02-16")


def test_anaphoric_day_counts_from_the_last_date_before_it():
    found = tag_text("Talks began on 3 March 2024. The previous day, protesters gathered; "
                     "two days later the deal collapsed.", THURSDAY)
    values = {t["text"]: t["value"] for t in found}
    assert values["The previous day"] == "2024-03-02"
    assert values["two days later"] == "2024-03-05"


def test_duration_before_an_event_is_not_an_anaphoric_date():
    t = only("Two weeks after the launch, sales doubled.")
    assert (t["text"], t["type"], t["value"]) == ("Two weeks", "DURATION", "P2W")


def test_signal_over_is_not_a_modifier_of_the_past():
    t = only("Over the past 24 hours, 30 drones were launched.")
    assert (t["text"], t["value"], t["mod"]) == ("the past 24 hours", "PT24H", "")


def test_streak_of_days_is_the_document_day():
    t = only("Wall Street fell for a third straight day.")
    assert (t["text"], t["value"]) == ("a third straight day", "2024-03-14")


def test_clock_time_moves_to_the_day_named_in_its_sentence():
    found = {t["text"]: t for t in tag_text("The jet made its first flight Tuesday in Seattle at 18:00 UTC.", THURSDAY)}
    assert found["18:00 UTC"]["value"] == "2024-03-12T18:00Z"


@pytest.mark.parametrize("sentence, text, type_, value", [
    ("The talks opened on 12th February.", "12th February", "DATE", "2024-02-12"),
    ("The report is dated 12.02.2025.", "12.02.2025", "DATE", "2025-02-12"),
    ("Sales rose in H1 2025, the company said.", "H1 2025", "DATE", "2025-H1"),
    ("Shops reopened after Christmas.", "Christmas", "DATE", "2023-12-25"),
    ("The month-long strike ended.", "month-long", "DURATION", "P1M"),
    ("Strikes hit in the early hours of Thursday.", "the early hours of Thursday", "DATE", "2024-03-14"),
])
def test_more_formats(sentence, text, type_, value):
    found = {t["text"]: t for t in tag_text(sentence, THURSDAY)}
    assert (found[text]["type"], found[text]["value"]) == (type_, value)


def test_year_range_is_a_duration_with_its_interval():
    t = only("Deliveries are planned from 2009 to 2011.")
    assert (t["text"], t["type"], t["value"]) == ("2009 to 2011", "DURATION", "P2Y")
    assert (t["first_day"], t["last_day"]) == ("2009-01-01", "2011-12-31")


def test_future_full_date_does_not_date_the_document():
    inferred = infer_document_date("Leaders met in Paris on 12 March 2024. The next summit will open on 24 June 2025.")
    assert inferred["reference_day"] == "2024-03-12"
    dateline = infer_document_date("Markets rally\nMarch 2, 2009\nStocks rose on Monday.")
    assert dateline["reference_day"] == "2009-03-02"


def test_document_date_from_a_byline_stamp_when_there_is_no_manifest():
    import pandas as pd

    from analysis_helpers.timexes.document_dates import document_dates

    text = ("Court halts port fee rule\nBy Ana Ruiz\nPublished Aug. 14, 2025 7:48 p.m. ET Updated Aug. 15, 2025\n"
            "A federal judge on Thursday blocked a rule that would have raised fees at ports of entry, "
            "saying the agency had not followed the law.\n"
            "The agency said it would appeal the ruling, which applies nationwide, within days.\n")
    dates = document_dates(pd.DataFrame({"doc_id": ["a"], "text": [text], "url": [""], "published": [""]}))
    row = dates.iloc[0]
    assert row["reference_day"] == "2025-08-14"
    assert "byline" in row["method"]


# ---------------------------------------------------------------- issue 14: dates on unseen news
SUNDAY = date(2019, 6, 2)


@pytest.mark.parametrize("sentence, text, type_, value", [
    ("The gallery will reopen this fall with a new wing.", "this fall", "DATE", "2019-FA"),
    ("Critics panned its October premiere.", "October", "DATE", "2018-10"),
    ("Rents climbed for a ninth consecutive month.", None, None, None),
    ("Minutes of the board meeting were released.", None, None, None),
    ("The club won the title in the 1998-99 season.", "1998-99", "DATE", "1998"),
    ("The 2019-20 budget year starts in July.", "2019-20", "DATE", "FY2020"),
    ("She took a 2-1/2-year sabbatical.", "2-1/2-year", "DURATION", "P2.5Y"),
    ("Markets slid for a fourth straight session.", "a fourth straight session", "DATE", "2019-06-02"),
])
def test_issue14_dates_and_not_dates(sentence, text, type_, value):
    found = {t["text"]: t for t in tag_text(sentence, SUNDAY)}
    if text is None:
        assert not found
    else:
        assert (found[text]["type"], found[text]["value"]) == (type_, value)


def test_season_of_two_calendar_years_covers_both():
    t = only("The club won the title in the 1998-99 season.")
    assert (t["first_day"], t["last_day"]) == ("1998-01-01", "1999-12-31")


def test_quoted_day_word_counts_from_the_day_it_was_said():
    found = tags("“The lines reopen tomorrow,” the rail operator said on Monday.", SUNDAY)
    assert found["Monday"]["value"] == "2019-05-27"
    assert found["tomorrow"]["value"] == "2019-05-28"
    assert found["tomorrow"]["anchor"] == "time of the speech"
    plain = tags("“The lines reopen tomorrow,” the rail operator said.", SUNDAY)
    assert plain["tomorrow"]["value"] == "2019-06-03"


def test_bare_weekday_after_a_past_verb_is_the_previous_one():
    found = tags("The coach told reporters Thursday the squad would travel.", SUNDAY)
    assert found["Thursday"]["value"] == "2019-05-30"


def test_tense_markers_read_on_lower_case_text_are_the_case_insensitive_pattern_s():
    """_marker_spans matches lower-cased sentences case-sensitively: the markers of the IGNORECASE pattern."""
    import random

    from analysis_helpers.timexes import tense

    rng = random.Random(0)
    pieces = ["Will ", "WAS ", "won't ", "’LL ", "Is Expected To ", "plans to ", "Hired ", "NEED ", "ſaid ", "ıs ",
              "İs ", "ΑΣed ", "K", "ed", "x", "_", " ", "\n", "é", "Going to ", "set out ", "due in "]
    cases = []
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        lo = rng.randint(0, len(text))
        cases.append((text, lo, rng.randint(lo, len(text))))
    found = 0
    for text, lo, hi in cases:
        expected = [(m.start(), m.end(), m.group(0).lower(), m.group("future") is not None)
                    for m in tense._TENSE_MARKER.finditer(text, lo, hi)]
        assert tense._marker_spans(text, lo, hi) == expected, (text, lo, hi)
        found += len(expected)
    assert found
