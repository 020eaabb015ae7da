"""TimeML / MEANTIME value conventions the tagger follows (issue 14); see "Value conventions" in
:mod:`analysis_helpers.timexes.extract`.

Every sentence is invented; the document date is Friday 14 June 2024.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analysis_helpers import open_corpus
from analysis_helpers.timeline.build import build_timeline
from analysis_helpers.timexes.extract import tag_text

FRIDAY = date(2024, 6, 14)


def tags(text, reference=FRIDAY):
    return {t["text"]: t for t in tag_text(text, reference)}


@pytest.mark.parametrize("sentence, text, value, first, last, granularity", [
    ("The bakery opened three years ago.", "three years ago", "P3Y", "2021-01-01", "2021-12-31", "year"),
    ("The ferry sank a week ago.", "a week ago", "P1W", "2024-06-03", "2024-06-09", "week"),
    ("The mill closed two decades ago.", "two decades ago", "P20Y", "2004-01-01", "2004-12-31", "year"),
    ("The union voted five months ago.", "five months ago", "P5M", "2024-01-01", "2024-01-31", "month"),
])
def test_n_units_ago_is_a_duration_dated_at_the_point_it_reaches_back_to(sentence, text, value, first, last,
                                                                         granularity):
    t = tags(sentence)[text]
    assert (t["type"], t["value"]) == ("DURATION", value)
    assert (t["first_day"], t["last_day"], t["granularity"]) == (first, last, granularity)
    assert t["anchor"] == "document date"


def test_n_units_ago_in_an_undated_text_keeps_the_duration_and_no_day():
    t = tags("The bakery opened three years ago.", None)["three years ago"]
    assert (t["type"], t["value"], t["first_day"]) == ("DURATION", "P3Y", None)


@pytest.mark.parametrize("sentence, text, value", [
    ("Sales of the cooperative doubled in the past year.", "the past year", "2023"),
    ("It was the third strike in the past decade.", "the past decade", "201"),
    ("Profits rose during the last quarter.", "the last quarter", "2024-Q1"),
    ("The harbour will reopen in the next month.", "the next month", "2024-07"),
    ("Rents fell over the last week.", "the last week", "2024-W23"),
])
def test_the_past_or_next_unit_is_the_calendar_unit_beside_the_document_dates(sentence, text, value):
    t = tags(sentence)[text]
    assert (t["type"], t["value"]) == ("DATE", value)


def test_a_numbered_stretch_stays_a_duration():
    t = tags("Rents fell over the past five trading days.")["the past five trading days"]
    assert (t["type"], t["value"]) == ("DURATION", "P5D")


def test_the_last_quarter_of_a_named_year_is_its_fourth():
    assert tags("Profits rose in the last quarter of 2019.")["the last quarter of 2019"]["value"] == "2019-Q4"


def test_an_event_n_years_ago_is_still_on_the_timeline(tmp_path):
    (tmp_path / "a.txt").write_text("Mill closure remembered\n\nThe textile mill in Oldbridge closed "
                                    "two years ago, the mayor said.\n", encoding="utf-8")
    pd.DataFrame([{"file": "a.txt", "doc_id": "001", "outlet": "test", "url": "", "published": "2024-06-14",
                   "published_note": ""}]).to_csv(tmp_path / "manifest.csv", index=False)
    events = build_timeline(open_corpus(tmp_path))
    assert (events["first_day"] == "2022-01-01").any() and (events["last_day"] == "2022-12-31").any()


# ---------------------------------------------------------------- issue 14 items not yet covered elsewhere

def test_weekday_after_said_in_an_old_article_is_the_latest_such_day_up_to_its_date():
    found = tags("The council said Saturday it would close the library.", date(2015, 3, 11))
    assert found["Saturday"]["value"] == "2015-03-07"


def test_minutes_from_a_meeting_are_a_record_not_a_duration():
    assert "minutes" not in tags("The bank released the minutes from its policy meeting.")


def test_relative_word_in_an_undated_quote_keeps_x_values_and_says_why():
    found = tags("“We sign tomorrow,” the minister said on Tuesday.", None)
    assert (found["Tuesday"]["value"], found["tomorrow"]["value"]) == ("XXXX-WXX-2", "XXXX-XX-XX")
    assert found["tomorrow"]["reason"].startswith("no document date")


def test_n_units_ago_widens_over_an_uncertain_document_date(tmp_path):
    from analysis_helpers.timexes.table import timexes_table

    (tmp_path / "a.txt").write_text("Mill closure remembered\n\nThe mill closed two years ago, and "
                                    "prices rose last year.\n", encoding="utf-8")
    pd.DataFrame([{"file": "a.txt", "doc_id": "001", "outlet": "test", "url": "", "published": "",
                   "published_note": ""}]).to_csv(tmp_path / "manifest.csv", index=False)
    dates = pd.DataFrame([{"doc_id": "001", "reference_day": "2024-01-03", "first_day": "2023-12-30",
                           "last_day": "2024-01-03"}])
    table = timexes_table(open_corpus(tmp_path), dates).set_index("text")
    for text, first, last in (("two years ago", "2021-01-01", "2022-12-31"), ("last year", "2022-01-01", "2023-12-31")):
        assert (table.loc[text, "first_day"], table.loc[text, "last_day"]) == (first, last)
        assert table.loc[text, "anchor"] == "document date (uncertain)"
    assert table.loc["two years ago", "value"] == "P2Y"


# ---------------------------------------------------------------- round 5: fiscal years, undated units, recordings

@pytest.mark.parametrize("sentence, text, value", [
    ("The ferry operator expects a loss in fiscal 2025.", "fiscal 2025", "FY2025"),
    ("Fiscal year 2023 closed with a surplus.", "Fiscal year 2023", "FY2023"),
    ("The cooperative's 2022 fiscal year ended with a loss.", "2022 fiscal year", "FY2022"),
    ("Dividends rose in FY2021 and again in FY 24.", "FY2021", "FY2021"),
    ("Dividends rose in FY2021 and again in FY 24.", "FY 24", "FY2024"),
])
def test_a_named_fiscal_year_is_its_fy_value(sentence, text, value):
    t = tags(sentence)[text]
    assert (t["type"], t["value"], t["first_day"]) == ("DATE", value, None)


def test_a_fiscal_year_needs_its_word_not_any_year():
    found = tags("The ferry operator was founded in 2019.")
    assert found["2019"]["value"] == "2019"


def test_the_same_period_a_year_earlier_after_a_fiscal_year_is_the_fiscal_year_before():
    found = tags("Cargo rose at the start of fiscal 2024, against a fall in the same period of the last year.")
    assert found["fiscal 2024"]["value"] == "FY2024"
    t = found["the same period of the last year"]
    assert (t["value"], t["anchor"]) == ("FY2023", "previous date")


def test_the_previous_year_after_a_fiscal_year_is_the_fiscal_year_before_even_undated():
    found = tags("The mill's 2019 fiscal year was strong; the year previous was not.", None)
    assert found["the year previous"]["value"] == "FY2018"


@pytest.mark.parametrize("text, value", [
    ("last week", "XXXX-WXX"), ("this month", "XXXX-XX"), ("next quarter", "XXXX-QX"),
    ("last weekend", "XXXX-WXX-WE"), ("this fiscal year", "FYXXXX"), ("next year", "XXXX"),
])
def test_a_relative_unit_in_an_undated_text_keeps_its_granularity(text, value):
    t = tags(f"The harbour board met {text}, a spokesman said.", None)[text]
    assert (t["value"], t["first_day"]) == (value, None)
    assert t["reason"].startswith("no document date")


def test_hours_of_recorded_material_are_an_amount_not_a_duration():
    found = tags("The archive holds 40 hours of video and hours of unseen footage.")
    assert not [t for t in found if "hours" in t]


def test_hours_of_an_event_stay_a_duration():
    found = tags("Rescuers worked for 30 hours of the storm.")
    assert found["30 hours"]["value"] == "PT30H"


@pytest.mark.parametrize("sentence, text, value", [
    ("The bridge reopened three years later.", "three years later", "P3Y"),
    ("The mine had closed two months earlier.", "two months earlier", "P2M"),
    ("Several years later the school moved.", "Several years later", "PXY"),
])
def test_n_units_later_or_earlier_is_a_duration_like_ago(sentence, text, value):
    found = tags(sentence)
    assert (found[text]["type"], found[text]["value"]) == ("DURATION", value)
    assert "later" not in found  # no separate FUTURE_REF inside the expression


def test_a_rate_needs_an_amount_not_a_word_ending_in_m():
    found = tags("Exports rose 4% from a year earlier, to $5m a year.")
    assert (found["a year earlier"]["type"], found["a year"]["type"]) == ("DURATION", "SET")


def test_the_year_ago_period_is_the_same_period_a_year_before():
    found = tags("Margins in the third quarter of 2023 beat the year-ago quarter and the prior-year period.")
    assert found["the year-ago quarter"]["value"] == "2022-Q3"
    assert found["the prior-year period"]["value"] == "2022-Q3"
    assert tags("Margins beat the year-earlier quarter.")["the year-earlier quarter"]["value"] == "2023-Q2"


@pytest.mark.parametrize("sentence, text, value", [
    ("The dam broke in September last year.", "September last year", "2023-09"),
    ("The ferry starts in January next year.", "January next year", "2025-01"),
    ("The museum reopens in March of this year.", "March of this year", "2024-03"),
])
def test_a_month_with_its_relative_year_is_one_expression(sentence, text, value):
    found = tags(sentence)
    assert found[text]["value"] == value
    assert not {"last year", "next year", "this year"} & set(found)


def test_a_weekday_after_a_present_passive_is_not_read_as_past():
    found = tags("Delays are expected when the bridge reopens Monday.")  # document date: Friday 14 June 2024
    assert found["Monday"]["value"] == "2024-06-17"


def test_due_until_a_month_points_forward_and_was_due_points_back():
    assert tags("The new trams are not due until October.")["October"]["value"] == "2024-10"
    assert tags("The rent was due in April.")["April"]["value"] == "2024-04"


def test_three_quarters_of_a_whole_is_a_fraction_not_a_duration():
    assert tags("The mill lost nearly three quarters of its workers.") == {}


def test_as_soon_as_is_a_signal_not_a_time():
    found = tags("The council will vote as soon as possible, and soon.")
    assert [t["start"] for t in tag_text("The council will vote as soon as possible, and soon.", FRIDAY)] == [47]
    assert found["soon"]["value"] == "FUTURE_REF"
