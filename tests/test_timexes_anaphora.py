"""Timexes that count from the narrative's own dates, not only from the document date (issue 14).

Every sentence is invented to show one phenomenon; the document date is a Thursday.
"""

from __future__ import annotations

from datetime import date

from analysis_helpers.timexes.extract import tag_text

THURSDAY = date(2024, 3, 14)


def tags(text, reference=THURSDAY):
    return {t["text"]: t for t in tag_text(text, reference)}


def test_the_day_is_the_day_last_named_in_the_story():
    found = tags("The bakery chain said on Tuesday that its shares rose, before falling later in the day.")
    assert found["Tuesday"]["value"] == "2024-03-12"
    assert (found["later in the day"]["value"], found["later in the day"]["mod"]) == ("2024-03-12", "END")
    assert found["later in the day"]["anchor"] == "previous date"


def test_the_day_without_an_earlier_day_is_the_document_date():
    found = tags("The index rebounded late in the day after falling sharply.")
    assert found["late in the day"]["value"] == "2024-03-14"


def test_the_day_in_an_undated_text_with_no_day_named_stays_unknown():
    found = tags("Shares slid early in the day.", reference=None)
    assert found["early in the day"]["value"] == "XXXX-XX-XX"


def test_session_part_of_day_takes_the_day_of_the_story():
    found = tags("The ferry operator said on Monday its stock jumped in morning trading.")
    assert found["morning"]["value"] == "2024-03-11TMO"


def test_same_period_a_year_ago_is_the_period_just_named_one_year_earlier():
    found = tags("Bicycle sales rose 12% in February compared with the same month a year ago.")
    assert found["the same month a year ago"]["value"] == "2023-02"
    found = tags("Exports fell in the third quarter of 2022, against the same period last year.")
    assert found["the same period last year"]["value"] == "2021-Q3"


def test_the_year_previous_counts_from_the_year_last_named():
    found = tags("Costs were $4 billion in 2019, $1 billion less than the year previous.")
    assert found["the year previous"]["value"] == "2018"
    found = tags("Rents rose in the prior month.")
    assert found["the prior month"]["value"] == "2024-02"


def test_the_year_before_an_event_is_left_to_the_event_rules():
    found = tags("The year before the merger was hard; profits had peaked the year before.")
    assert [t.lower() for t in found if t.lower().startswith("the year")] == ["the year before"]
    assert found["the year before"]["start"] > 20


def test_first_bound_of_a_range_takes_the_unit_of_the_second():
    found = tags("The repairs will take between 30 and 45 days, the council said.")
    assert (found["30"]["value"], found["45 days"]["value"]) == ("P30D", "P45D")
    assert found["30"]["type"] == "DURATION"


def test_bare_later_is_a_future_reference_but_later_than_is_not():
    assert tags("The shop closed, but later reopened.")["later"]["value"] == "FUTURE_REF"
    assert "later" not in tags("The train arrived later than planned.")


def test_over_the_years_is_an_unspecified_number_of_years():
    assert tags("She thanked the volunteers for their help over the years.")["the years"]["value"] == "PXY"


def test_season_before_a_noun_takes_the_document_year():
    assert tags("The ministers held their winter meetings in Oslo.")["winter"]["value"] == "2024-WI"
    assert "fall" not in tags("They feared the fall prices would bring.")


def test_clock_time_takes_the_date_written_beside_it():
    found = tags("March 14, 2024. At a press conference at 10:30 UTC, March 11, the minister resigned.")
    assert found["10:30 UTC"]["value"] == "2024-03-11T10:30Z"


def test_at_one_point_is_a_past_reference():
    assert tags("The shares had, at one point, lost a third of their value.")["at one point"]["value"] == "PAST_REF"


def test_the_very_beginning_of_the_financial_year_keeps_its_modifier():
    found = tags("Strong holiday sales marked the very beginning of the financial year.")
    t = found["the very beginning of the financial year"]
    assert (t["value"], t["mod"]) == ("FY2024", "START")


def test_the_prior_month_after_a_bare_year_counts_from_the_document_month():
    found = tags("Sales fell in 2023, and rents rose in the prior month.")
    assert found["the prior month"]["value"] == "2024-02"
    undated = tags("Sales fell in 2023, and rents rose in the prior month.", reference=None)
    assert undated["the prior month"]["value"] == "XXXX-XX" and undated["the prior month"]["reason"]
