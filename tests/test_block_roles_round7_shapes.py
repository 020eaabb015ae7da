"""Block roles on page shapes found in round seven's new development pages (issue 14), each shown with invented
lines: captions told by a position word or a dashed credit, credits under captions, section titles, summaries
printed twice, notes to the reader, comment stamps, list items cut by the scrape.

Every test uses made-up text; none copies a scraped page. Each pairs the furniture shape with the body line it
must not swallow.
"""

from __future__ import annotations

import pytest

from analysis_helpers.corpus.roles import looks_like_caption, looks_like_date_line
from harbour_page import P1, P2, P3, P4, TITLE, roles_of


def test_caption_naming_where_people_stand_is_a_caption_even_with_two_sentences():
    caption = ("Harbour master Ada Quill, centre, talks to pilots at the northern quay. "
               "The board chairman, to her left, also spoke.")
    roles = roles_of([TITLE, caption, P1, P2, P3])
    assert roles[1] == "caption"
    assert roles[2:] == ["body"] * 3


def test_a_position_word_in_a_sentence_of_the_article_is_not_a_caption():
    body = ("The board voted five to two, with the chairman, left, and his deputy in the minority, and the "
            "decision was published on Tuesday.")
    assert roles_of([TITLE, P1, body, P2])[2] == "body"


def test_picture_description_closed_by_a_dashed_photo_credit_is_a_caption():
    caption = "The harbour master inspects the silted berth at the northern quay. \u2014Photo supplied by the board"
    roles = roles_of([TITLE, caption, P1, P2])
    assert roles[1] == "caption" and roles[2] == roles[3] == "body"


def test_one_word_credit_right_below_a_caption_belongs_to_the_picture():
    caption = "Dredgers wait at anchor off the breakwater (file photo)."
    roles = roles_of([TITLE, P1, caption, "Wirepix", P2, P3])
    assert roles[2] == "caption" and roles[3] == "caption"
    assert roles[1] == roles[4] == roles[5] == "body"


def test_photo_marker_inside_a_running_sentence_of_a_paragraph_stays_body():
    body = ("The council met on Monday. Dozens of residents (pictured) crowded into the hall to protest against "
            "the plan to close the library on the quay.")
    assert roles_of([TITLE, P1, body, P2])[2] == "body"


def test_noun_before_an_auxiliary_or_a_reported_sentence_is_not_a_caption():
    assert not looks_like_caption("Storm watches were in force across the coast on Sunday evening.")
    assert not looks_like_caption("Gale warnings stand across the coast until Monday, the weather office said.")
    assert looks_like_caption("Fishermen watch the dredgers from the northern quay.")


def test_several_short_section_titles_inside_the_article_are_body():
    roles = roles_of([TITLE, P1, "Dredging Costs Rise", P2, "Spawning Season Concerns", P3, "Next Steps", P4])
    assert roles[2] == roles[4] == roles[6] == "body"


def test_one_long_headline_of_another_story_between_paragraphs_is_still_not_body():
    roles = roles_of([TITLE, P1, P2, "Bakery On Mill Street Wins County Prize For Its Rye Bread", P3, P4])
    assert roles[3] != "body"


def test_sentence_full_of_names_ending_with_a_stop_inside_the_article_is_body():
    names = "The Port Authority Of Kestrel Bay is owned by Harbour Holdings And Northern Ferries Limited."
    roles = roles_of([TITLE, P1, names, P2, P3])
    assert roles[2] == "body"


def test_headline_with_a_question_inside_it_is_the_headline():
    roles = roles_of(["Too Deep? Harbour Board Approves Plan To Dredge The Old Channel", P1, P2])
    assert roles[0] == "headline" and roles[1] == roles[2] == "body"


def test_summary_under_the_headline_printed_again_in_a_later_paragraph_is_the_standfirst():
    summary = "The harbour board approved a plan to deepen the old channel at a cost of twelve million."
    lede = "Ferry companies cheered on Monday as the harbour board ended two years of argument over the estuary."
    later = ("The harbour board approved a plan to deepen the old channel at a cost of twelve million, "
             "according to the minutes of the meeting published on Tuesday.")
    roles = roles_of([TITLE, summary, lede, P2, later])
    assert roles[1] == "standfirst"
    assert roles[2:] == ["body"] * 3


def test_lede_whose_words_a_later_paragraph_only_partly_repeats_stays_body():
    lede = "The harbour board approved a plan to deepen the old channel at a cost of twelve million."
    later = "The channel has not been deepened since the old ferry terminal was built, the board said."
    roles = roles_of([TITLE, lede, P2, later])
    assert roles[1] == "body"


@pytest.mark.parametrize("note", [
    "How to write for us: the Gazette welcomes letters on local affairs. Please send them to letters@example.org.",
    "Tips about the harbour can be sent to desk@example.org",
])
def test_short_note_with_an_address_or_a_please_below_the_article_is_furniture(note):
    roles = roles_of([TITLE, P1, P2, P3, note])
    assert roles[-1] == "boilerplate" and roles[1:4] == ["body"] * 3


def test_archive_notice_above_the_headline_is_not_the_headline():
    roles = roles_of(["This is an archive story first printed on March 3, 1998", TITLE, P1, P2])
    assert roles[0] != "headline" and roles[1] == "headline"


def test_time_stamp_with_am_or_pm_glued_to_the_figure_is_a_date_line():
    assert looks_like_date_line("Mar 03, 2019 08:15pm")


def test_reader_comment_under_its_time_stamp_after_the_article_is_not_body():
    comment = "Great news...the fishing fleet needed this decades ago."
    roles = roles_of([TITLE, P1, P2, P3, "Mar 03, 2019 08:15pm", comment])
    assert roles[1:4] == ["body"] * 3 and roles[-1] != "body"


def test_entries_under_time_stamps_of_a_live_page_stay_body():
    entries = ["The first dredger has left the breakwater and is heading for the berth.",
               "Pilots say the tide is higher than expected, which should help the dredger.",
               "The ferry to the islands has been moved to the southern quay for the day.",
               "Work on the berth will stop at dusk and resume at first light, the board said."]
    lines = [TITLE, P1]
    for k, entry in enumerate(entries):
        lines += [f"Mar 03, 2019 0{k + 1}:15pm", entry]
    roles = roles_of(lines)
    assert [roles[i] for i in range(3, len(lines), 2)] == ["body"] * 4


def test_last_bullet_of_the_article_cut_by_the_scrape_is_body():
    roles = roles_of([TITLE, P1, "Residents are advised to:",
                      "\u2022 Keep boats moored away from the dredging zone until the work is finished.",
                      "\u2022 Check the board's notices before fishing near the northern quay.",
                      "\u2022 Report damage: The board"])
    assert roles[-1] == "body"


def test_lede_with_a_you_in_its_second_sentence_under_the_headline_is_body():
    lede = ("The alarm was raised at six on Thursday evening. By nine the police said you still could not reach "
            "the berth where the dredger ran aground.")
    roles = roles_of([TITLE, lede, P2, P3])
    assert roles[1] == "body"


def test_sign_up_box_above_the_article_is_still_furniture():
    box = ("Sign up to the Harbour Gazette morning briefing and get the day's shipping news in your inbox "
           "before the first ferry leaves the quay.")
    roles = roles_of([box, TITLE, P1, P2])
    assert roles[0] == "boilerplate" and roles[2] == roles[3] == "body"


def test_sentence_full_of_names_with_an_agency_name_inside_it_stays_body():
    names = ("\u2022 The Getty Images photographer Jane Roe photographed the Harbour Board offices under a grey "
             "sky on Tuesday, the day of the vote.")
    roles = roles_of([TITLE, P1, names, P2, P3])
    assert roles[2] == "body"


@pytest.mark.parametrize("line", [
    "Menu icon Three short lines that form a stack. It indicates a menu of the site's sections.",
    "Shares Loading... In the news today",
    "\u2022 Visit the Harbour Gazette homepage for more stories.",
    "A picture of a dredger and a ferry",
    "Sign up for alerts from the Gazette! Stay up to date with the harbour.",
])
def test_widgets_alternative_text_and_prompts_around_the_article_are_not_body(line):
    roles = roles_of([TITLE, P1, P2, P3, line])
    assert roles[-1] != "body" and roles[1:4] == ["body"] * 3


def test_whole_headline_closing_a_list_of_other_stories_is_not_taken_for_a_cut_item():
    roles = roles_of([TITLE, P1, P2, P3, "- Bakery wins county prize for rye bread", "- Lifeboat crew rescues two kayakers",
                      "- School choir to sing at the cathedral", "- Bus fares rise in the new year"])
    assert roles[4:] == ["related"] * 4


def test_app_promotion_below_the_article_is_furniture():
    promo = ("Grab the free Harbour Gazette app from your phone's store. Stay up to date with the shipping news, "
             "the tides and the weather as they happen, wherever the ferry takes you today.")
    roles = roles_of([TITLE, P1, P2, P3, promo])
    assert roles[-1] == "boilerplate"


def test_credit_line_dense_with_names_is_still_decided_by_its_phrase():
    credit = "Harbour Wire writers Jane Roe in Oslo and John Doe in Bergen contributed to this report."
    assert roles_of([TITLE, P1, P2, P3, credit])[-1] == "byline"


def test_first_paragraph_printed_again_later_word_for_word_is_not_a_standfirst():
    lede = "The harbour board approved a plan to deepen the old channel at a cost of twelve million."
    roles = roles_of([TITLE, lede, P2, P3, lede.replace("twelve", "12")])
    assert roles[1] == "body"
