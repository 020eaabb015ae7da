"""Block roles on page shapes found in round eight's new development pages (issue 14, dev4), each shown with
invented lines: live-page clock stamps, television transcripts in capitals, a summary credited to its reporter
without a headline, a pull quote with a dashed attribution, safety tips a paragraph introduces with a colon,
a lower-case link label between paragraphs, a page's last line cut inside a name or below a subheading, short
link lines and player notices.

Every test uses made-up text; none copies a scraped page. Each pairs the furniture shape with the body line it
must not swallow.
"""

from __future__ import annotations

import pytest

from analysis_helpers.corpus.role_shapes import (
    capitals_transcript_runs, closes_with_reporter_credit, looks_like_attributed_pull_quote, looks_like_clock_stamp,
)
from harbour_page import P1, P2, P3, P4, TITLE, roles_of


@pytest.mark.parametrize("line", ["7.42am GMT07:42", "9:15 p.m.", "Harbourside | 10:05 am", "14:30", "6.10pm BST"])
def test_a_live_page_clock_stamp_alone_on_its_line_is_a_stamp(line):
    assert looks_like_clock_stamp(line)
    roles = roles_of([TITLE, line, P1, P2, "8.30am GMT08:30", P3])
    assert roles[1] == roles[4] == "byline"
    assert roles[2] == roles[3] == roles[5] == "body"


@pytest.mark.parametrize("line", ["3.45", "12 boats", "Pier 4 | Gate 2", "The vote was 7:2 in favour."])
def test_a_figure_or_a_score_is_not_a_clock_stamp(line):
    assert not looks_like_clock_stamp(line)


TRANSCRIPT = [">> GOOD EVENING AND WELCOME TO", "HARBOUR WATCH. I'M ADA QUILL.", "THE BOARD VOTED TONIGHT TO DEEPEN",
              "THE OLD CHANNEL AND THE", "FISHERMEN ARE NOT HAPPY.", ">> WE HAVE BEEN HERE FOR", "FORTY YEARS AND THEY",
              "NEVER ASKED US.", ">> THE WORK WILL START IN", "THE SPRING."]


def test_a_television_transcript_in_capitals_is_body():
    lines = ["HARBOUR WATCH", "Aired on March 3.", *TRANSCRIPT]
    roles = roles_of(lines)
    assert roles[2:] == ["body"] * len(TRANSCRIPT)


def test_a_menu_in_capitals_is_not_a_transcript():
    menu = ["HOME PAGE AND NEWS", "LOCAL SPORT RESULTS", "WEATHER AND TRAVEL", "BUSINESS AND MONEY",
            "OPINION AND LETTERS", "JOBS AND PROPERTY", "CONTACT THE NEWSROOM"]
    assert capitals_transcript_runs(menu, [True] * len(menu)) == []
    roles = roles_of([TITLE, P1, P2, *menu])
    assert "body" not in roles[3:]


def test_a_summary_closed_by_its_reporters_credit_is_a_standfirst_without_a_headline():
    summary = "Small ports are losing their ferries. But who speaks for the islanders? ADA QUILL reports"
    assert closes_with_reporter_credit(summary)
    roles = roles_of([summary, P1, P2, P3])
    assert roles[0] == "standfirst" and roles[1:] == ["body"] * 3


def test_a_paragraph_ending_with_what_a_source_reports_stays_body():
    body = ("The board's figures show the channel silting faster every year and the ferries running aground twice "
            "a month, as the harbour master's latest survey reports")
    assert not closes_with_reporter_credit(body)
    assert not closes_with_reporter_credit(body + ". The Harbour Gazette reports.")
    assert roles_of([TITLE, P1, body + ".", P2])[2] == "body"


def test_a_pull_quote_with_a_dashed_attribution_between_paragraphs_is_not_body():
    quote = "\"The channel is the town's lifeline, and we nearly lost it.\" --Ada Quill, harbour master"
    assert looks_like_attributed_pull_quote(quote)
    roles = roles_of([TITLE, P1, P2, quote, P3, P4])
    assert roles[3] != "body"
    assert roles[1] == roles[2] == roles[4] == roles[5] == "body"


def test_a_quotation_attributed_in_a_sentence_stays_body():
    body = "\"The channel is the town's lifeline,\" said Ada Quill, the harbour master, on Monday."
    assert not looks_like_attributed_pull_quote(body)
    assert roles_of([TITLE, P1, P2, body, P3])[3] == "body"


SAFETY = ("Residents near the estuary are asked to take care while the work goes on, and the harbour master has "
          "issued some advice for boat owners:")
TIPS = ["Keep your mooring lines slack at low tide and check them every morning",
        "Do not anchor in the marked channel",
        "Never try to cross the dredging zone in a small boat – you may be pulled into the wash of the dredger",
        "Don't assume the old buoys are still in pla"]


def test_tips_that_a_paragraph_introduces_with_a_colon_are_body_even_when_they_speak_to_the_reader():
    roles = roles_of([TITLE, P1, P2, SAFETY, *TIPS])
    assert roles[1:] == ["body"] * (3 + len(TIPS))


def test_a_colon_paragraph_that_speaks_to_the_reader_introduces_furniture():
    invite = ("We are closing this page now, but you can keep reading about the harbour and the estuary in our "
              "latest stories:")
    roles = roles_of([TITLE, P1, P2, invite, "This page was edited by Ada Quill."])
    assert roles[4] != "body"


def test_a_lower_case_label_between_two_paragraphs_is_not_body():
    roles = roles_of([TITLE, P1, P2, "dredging plans", P3, P4])
    assert roles[3] != "body"
    assert roles[1] == roles[2] == roles[4] == roles[5] == "body"


def test_a_last_line_cut_inside_a_name_is_body():
    cut = "As the count went on, the chairman of the fishermen's cooperative was trailing the mayor of Portq"
    roles = roles_of([TITLE, P1, P2, cut])
    assert roles[3] == "body"


def test_a_last_line_cut_after_a_comma_before_a_name_is_not_taken_for_a_cut_name():
    teaser = "Ferry fares rise again as operators blame fuel Meanwhile, Minister for Ports,"
    assert roles_of([TITLE, P1, P2, teaser])[3] != "body"


def test_a_subheading_and_its_paragraph_cut_by_the_scrape_at_the_page_end_are_body():
    entry = "2:40 PM: Board promises a second vote"
    cut = "\"We will put the timetable to the members again before the work begins in the spring, and"
    roles = roles_of([TITLE, P1, P2, entry, cut])
    assert roles[3] == roles[4] == "body"


@pytest.mark.parametrize("line", ["Advertising enquiries: https://example.org/ads",
                                  "This browser does not support the video element.",
                                  "Article continues below", "\u00e2"])
def test_link_lines_player_notices_and_encoding_debris_are_not_body(line):
    roles = roles_of([TITLE, P1, line, P2, P3])
    assert roles[2] != "body"
    assert roles[1] == roles[3] == roles[4] == "body"


def test_a_short_standfirst_without_a_stop_under_the_headline():
    roles = roles_of([TITLE, "It follows a dispute on the quay", P1, P2])
    assert roles[1] == "standfirst" and roles[2] == roles[3] == "body"


def test_a_short_title_case_subheading_between_two_long_paragraphs_is_body():
    roles = roles_of([TITLE, P1, P2, "Fishermen Fear For The Spawning Grounds", P3, P4])
    assert roles[1:] == ["body"] * 5


def test_a_title_case_line_with_a_site_name_or_a_duration_between_paragraphs_is_not_taken_for_a_subheading():
    for line in ("Harbour Dredging Explained | Port News", "Watch: The Dredger At Work 2:14"):
        assert roles_of([TITLE, P1, P2, line, P3, P4])[3] != "body"


APPEAL_HEAD = "Your support keeps our reporters on the quay"
APPEAL = ("From the harbour to the council chamber, our small team is there when the story breaks, and we know how "
          "much our readers rely on us to sort the facts from the noise.")
DONATE = "At a time like this we need reporters on the ground. Your donation lets us keep sending them."


def test_a_paragraph_in_the_outlets_voice_beside_a_donation_appeal_belongs_to_the_appeal():
    roles = roles_of([TITLE, P1, APPEAL_HEAD, APPEAL, DONATE, P2, P3])
    assert roles[3] == "boilerplate"
    assert roles[1] == roles[5] == roles[6] == "body"


def test_a_paragraph_quoting_a_spokesman_beside_an_appeal_stays_body():
    quoted = ("\"We know how much the town relies on the ferry,\" the harbour master said, adding that our board "
              "would meet again in the spring to review the timetable.")
    roles = roles_of([TITLE, P1, P2, quoted, DONATE, P3])
    assert roles[3] == "body"


PROMO = ("Day after day our reporters in the newsroom bring you the stories of the harbour and the estuary, but with "
         "so much news you might not always get the chance to read them.")


def test_the_outlet_speaking_to_its_reader_below_a_closing_separator_is_not_body():
    roles = roles_of([TITLE, P1, P2, P3, "---", PROMO])
    assert roles[5] == "boilerplate" and roles[1:4] == ["body"] * 3


def test_a_section_break_inside_an_article_keeps_the_text_after_it():
    later = ("We went back to the quay a week later, and the fishermen told us the dredgers had stopped during the "
             "spawning weeks, as the board had promised.")
    roles = roles_of([TITLE, P1, P2, "***", later, P3])
    assert roles[4] == roles[5] == "body"


def test_a_wordpress_comments_header_and_an_also_read_pointer_are_not_body():
    roles = roles_of([TITLE, P1, "Also read: Ferry fares rise again on the northern route", P2, P3,
                      "3 thoughts on \u201cHarbour board approves plan"])
    assert roles[2] != "body" and roles[5] != "body"
    assert roles[1] == roles[3] == roles[4] == "body"
