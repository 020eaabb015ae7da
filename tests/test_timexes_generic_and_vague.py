"""Generic, vague and idiomatic time words (issue 14, round 7); every sentence is invented.

The document date, where one is needed, is Monday 8 March 2021.
"""

from __future__ import annotations

from datetime import date

import pytest

from analysis_helpers.timexes.extract import tag_text

MONDAY = date(2021, 3, 8)


def tags(text, reference=MONDAY):
    return {t["text"]: t for t in tag_text(text, reference)}


# ---------------------------------------------------------------- "earlier" as the mirror of "later"

@pytest.mark.parametrize("sentence", [
    "The striker, who scored earlier in the match, was sent off.",
    "Earlier, the minister had resigned over the affair.",
    "She repeated what she had told the committee earlier.",
])
def test_earlier_on_its_own_is_a_past_reference(sentence):
    found = tags(sentence)
    assert found["earlier" if "earlier" in sentence else "Earlier"]["value"] == "PAST_REF"


@pytest.mark.parametrize("sentence", [
    "An earlier version of the bill was rejected.",  # an adjective of a noun
    "The vote came earlier than expected.",  # a comparison
    "The plant had closed three weeks earlier.",  # belongs to the duration
])
def test_earlier_as_adjective_comparison_or_part_of_a_duration_is_not_a_reference(sentence):
    found = tags(sentence)
    assert found.get("earlier", {}).get("value") != "PAST_REF"


def test_earlier_keeps_the_longer_expression_it_opens():
    found = tags("The index fell earlier this week.")
    assert found["earlier this week"]["value"].startswith("2021-W")
    assert "earlier" not in found


# ---------------------------------------------------------------- idioms of the past

@pytest.mark.parametrize("sentence, text", [
    ("The machines replaced the hand work of days past.", "days past"),
    ("The cranes replaced the digging of days past and changed the work.", "days past"),
    ("In years past, the fair drew thousands.", "years past"),
    ("Prices are lower than in times gone by.", "times gone by"),
])
def test_days_past_and_times_gone_by_are_the_past(sentence, text):
    found = tags(sentence)
    assert found[text]["value"] == "PAST_REF"


@pytest.mark.parametrize("sentence", [
    "The invoice is 30 days past due.",
    "Work went on for years past the deadline.",
])
def test_past_as_a_preposition_after_days_is_no_idiom(sentence):
    assert not any(t["value"] == "PAST_REF" for t in tags(sentence).values())


# ---------------------------------------------------------------- a reference word before a year is its modifier

def test_current_before_a_season_written_as_years_is_not_a_second_time():
    found = tags("Cases reported during the current 2019–2020 period rose.")
    assert "current" not in found
    assert found["2019–2020"]["value"] == "2019"


# ---------------------------------------------------------------- months of a recurring, habitual period

@pytest.mark.parametrize("sentence, text, value", [
    ("The rainy season, which typically runs from November through April, floods the valley.", "November", "XXXX-11"),
    ("The rainy season, which typically runs from November through April, floods the valley.", "April", "XXXX-04"),
    ("The region is in the seasonal period for malaria, which occurs from June to October.", "June", "XXXX-06"),
    ("Fishing is usually banned in April.", "April", "XXXX-04"),
])
def test_a_month_in_a_habitual_clause_names_no_calendar_month(sentence, text, value):
    assert tags(sentence)[text]["value"] == value


@pytest.mark.parametrize("sentence, text, value", [
    ("Fishing was banned in April.", "April", "2020-04"),  # past: the last April
    ("The seasonal flu peaked in December, officials said.", "December", "2020-12"),  # past, not habitual
])
def test_a_month_of_one_occasion_keeps_its_year(sentence, text, value):
    assert tags(sentence)[text]["value"] == value


# ---------------------------------------------------------------- a period of unstated length

@pytest.mark.parametrize("sentence, text", [
    ("The chief executive will be on leave for an undetermined period of time.", "an undetermined period of time"),
    ("The border crossing was closed for an indefinite period.", "an indefinite period"),
    ("Trading was halted for an unspecified period.", "an unspecified period"),
])
def test_a_period_of_unstated_length_is_a_duration(sentence, text):
    found = tags(sentence)
    assert (found[text]["type"], found[text]["value"]) == ("DURATION", "PXD")


def test_a_period_named_by_its_dates_is_not_a_vague_period():
    assert not any("period" in t for t in tags("The reporting period ended in March."))


# ---------------------------------------------------------------- hours of storage

@pytest.mark.parametrize("sentence", [
    "The larger model holds 75 hours of video, and on the smaller one 40 hours can be stored.",
    "Up to 150 hours can be recorded on the device.",
])
def test_hours_that_can_be_stored_are_an_amount_not_a_time(sentence):
    assert not any("hours" in t for t in tags(sentence))


def test_hours_of_a_stretch_of_time_stay_a_duration():
    assert tags("The battery lasts 40 hours.")["40 hours"]["value"] == "PT40H"
