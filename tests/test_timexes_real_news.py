"""Phenomena of real news pages the timex rules handle (issue 14, round 6); every sentence and address is invented.

The document date, where one is needed, is Monday 8 March 2021.
"""

from __future__ import annotations

from datetime import date

import pytest

from analysis_helpers.timexes.document_dates import infer_document_date, url_date, url_month
from analysis_helpers.timexes.extract import tag_text

MONDAY = date(2021, 3, 8)


def tags(text, reference=MONDAY):
    return {t["text"]: t for t in tag_text(text, reference)}


# ---------------------------------------------------------------- document dates from addresses and datelines

@pytest.mark.parametrize("url, day", [
    ("https://paper.example/2024/03/14/story-slug", date(2024, 3, 14)),
    ("https://paper.example/archives/xx-1999-07-04-story.html", date(1999, 7, 4)),
    ("https://paper.example/n/2016/0229/c1234-5678.html", date(2016, 2, 29)),
    ("https://paper.example/news/20181105/slug", date(2018, 11, 5)),
    ("https://paper.example/news/story_2003_01_09.html", date(2003, 1, 9)),
    ("https://paper.example/article/123201907150042.html", None),  # an article number, not a date
    ("https://paper.example/2019/02/30/slug", None),  # no such day
    ("https://paper.example/2012/05/slug", None),  # a month only
])
def test_full_dates_in_page_addresses(url, day):
    assert url_date(url) == day


def test_a_month_folder_and_a_dateline_give_the_day():
    text = "ACCRA, Oct. 3 -- The central bank today raised its main rate.\nTraders had expected it.\n"
    assert url_month("https://paper.example/2012/10/rate-rise.html") == (2012, 10)
    inferred = infer_document_date(text, "https://paper.example/2012/10/rate-rise.html")
    assert inferred["reference_day"] == "2012-10-03"
    assert inferred["method"].startswith("date in the page address")


def test_a_dateline_of_another_month_than_the_address_is_not_used():
    text = "ACCRA, Oct. 3 -- The central bank today raised its main rate.\n"
    assert infer_document_date(text, "https://paper.example/2012/11/rate-rise.html")["reference_day"] == ""


def test_a_dateline_with_an_agency_in_brackets():
    text = "LYON, May 9 (Wire) - The carmaker posted results on Wednesday.\n"
    assert infer_document_date(text, "https://paper.example/2007/05/results")["reference_day"] == "2007-05-09"


# ---------------------------------------------------------------- values

@pytest.mark.parametrize("sentence, text, type_, value", [
    # two consecutive years written in full are one season or fiscal year, as "2002-03" is, not a duration
    ("The outbreak peaked in the 2012–2013 transmission period.", "2012–2013", "DATE", "2012"),
    ("Council adopted the budget for fiscal year 2015–2016 on Tuesday.", "fiscal year 2015–2016", "DATE", "FY2016"),
    ("The FY2009-10 accounts were late.", "FY2009-10", "DATE", "FY2010"),
    ("Prices rose from 2009 to 2011.", "2009 to 2011", "DURATION", "P2Y"),
    # "couple" is two
    ("Sales have slowed in the last couple months.", "the last couple months", "DURATION", "P2M"),
    ("The talks could take a couple weeks.", "a couple weeks", "DURATION", "P2W"),
    # a bare plural unit before "after" or "before" is an unknown count of that unit
    ("The engine failed seconds after ignition.", "seconds", "DURATION", "PTXS"),
    ("Looters arrived days before the troops.", "days", "DURATION", "PXD"),
    # "intraday": within one trading day
    ("The index hit an intraday high before it slid.", "intraday", "DURATION", "P1D"),
])
def test_real_news_values(sentence, text, type_, value):
    found = tags(sentence)
    assert (found[text]["type"], found[text]["value"]) == (type_, value)


def test_a_couple_of_people_is_no_time():
    assert tag_text("A couple from Leeds won the raffle.", MONDAY) == []


def test_soon_before_after_relates_two_events_and_is_no_time():
    assert tag_text("Shares fell soon after the minister spoke.", MONDAY) == []
    assert tags("The bridge will reopen soon.")["soon"]["value"] == "FUTURE_REF"


@pytest.mark.parametrize("sentence, text, value", [
    ("The visitors won the cup this weekend with a late goal.", "this weekend", "2021-W09-WE"),  # just gone
    ("The fair opens this weekend.", "this weekend", "2021-W10-WE"),  # to come
    ("Goal of the weekend", "the weekend", "2021-W09-WE"),
    ("The weekend brought heavy snow to the hills.", "The weekend", "2021-W09-WE"),
])
def test_weekends_written_in_headings_and_past_clauses(sentence, text, value):
    assert tags(sentence)[text]["value"] == value


def test_the_weekend_edition_is_no_time():
    assert tag_text("Readers praised the weekend edition.", MONDAY) == []


@pytest.mark.parametrize("sentence, first, second", [
    # the end of a range comes after its start; in a past clause the start moves back instead
    ("The insurer is postponing the payout from this week until January, a spokesman said.", "2021-W50", "2022-01"),
    ("The survey ran from November to February, the authors said.", "2020-11", "2021-02"),
])
def test_a_range_runs_forward(sentence, first, second):
    found = tag_text(sentence, date(2021, 12, 14))
    assert [t["value"] for t in found] == [first, second]


def test_a_clock_time_takes_the_day_named_last_before_it_in_its_sentence():
    found = tags("The March 12 vote opens at 7:30 a.m. with results due on March 13 and a recount on March 15.")
    assert found["7:30 a.m."]["value"] == "2021-03-12T07:30"
    assert found["7:30 a.m."]["anchor"] == "date in the sentence"


def test_a_clock_time_glued_to_the_next_word_of_a_scraped_byline():
    found = tag_text("Posted Mar 8, 2021 | 4:05 PMUpdated Mar 8, 2021", MONDAY)
    assert [(t["text"], t["value"]) for t in found if t["type"] == "TIME"] == [("4:05 PM", "2021-03-08T16:05")]


@pytest.mark.parametrize("sentence, day, text, value", [
    # results reported months after the calendar quarter of that number: the company's fiscal quarter,
    # ended about a month before, in the fiscal year named by the year it ends in
    ("The toolmaker posted third-quarter earnings of 11 cents a share on Wednesday.", date(2001, 6, 27),
     "third-quarter", "FY2001-Q3"),
    ("The retailer reports Q1 results today.", date(2019, 8, 2), "Q1", "FY2020-Q1"),
    # the calendar quarter just ended, and quarters outside results, stay calendar quarters
    ("Carmakers posted third-quarter profits on Tuesday.", date(2009, 11, 3), "third-quarter", "2009-Q3"),
    ("The economy contracted in the second quarter.", date(2008, 1, 21), "the second quarter", "2007-Q2"),
])
def test_quarters_of_reported_results(sentence, day, text, value):
    assert tags(sentence, day)[text]["value"] == value


def test_the_same_period_a_year_before_a_fiscal_quarter():
    found = tags("The toolmaker posted third-quarter revenue of $45 million, against $19 million for the same "
                 "period last year.", date(2001, 6, 27))
    assert found["the same period last year"]["value"] == "FY2000-Q3"


def test_new_years_alone_is_the_first_of_january():
    found = tags("Shops close for the Christmas and New Year's holidays.", date(2014, 12, 18))
    assert (found["Christmas"]["value"], found["New Year's"]["value"]) == ("2014-12-25", "2015-01-01")
    assert tags("They met on New Year's Eve.", date(2015, 1, 5))["New Year's Eve"]["value"] == "2014-12-31"
