"""Block roles on shapes seen in real scraped pages (issue 14), each shown with invented lines.

Every test uses made-up text; none copies a scraped page. Each pairs the furniture shape with
the body line it must not swallow, and no body paragraph of more than 40 words may ever be read
as anything but body.
"""

from __future__ import annotations

import pytest

from analysis_helpers.corpus.roles import classify_block_roles, looks_like_date_line

TITLE = "Harbour board approves plan to deepen the old channel"
P1 = ("The harbour board on Monday approved a plan to deepen the old channel, ending two years of argument "
      "between the ferry companies and the fishermen who work the estuary.")
P2 = ("Officials said dredging would begin in the spring and last about eighteen months, with the cost "
      "shared between the city and the two container lines that use the terminal.")
P3 = ("The fishermen's cooperative said it would watch the work closely, and its chairman told reporters "
      "that the board had promised to stop the dredgers during the spawning weeks.")
LONG = ("Work on the channel will start at the northern breakwater, where the silt is deepest, and move "
        "south along the quays over the summer, the board said, adding that the ferries would keep their "
        "timetable throughout and that the fish market would stay open on every weekday while the "
        "dredgers worked through the night shifts.")


def roles_of(lines):
    return [role for role, _ in classify_block_roles(lines)]


def test_separators_and_bracketed_server_messages_are_furniture():
    roles = roles_of(["[the page could not be shown here]", TITLE, P1, "***", P2, "-", P3])
    assert roles[0] == "boilerplate" and roles[3] == "boilerplate" and roles[5] == "boilerplate"
    assert roles[2] == roles[4] == roles[6] == "body"


@pytest.mark.parametrize("line", ["March 3, 2024 / 8:15 AM / in an hour", "Posted 12 May 2023, a day ago"])
def test_relative_stamps_with_in_a_and_an_are_date_lines(line):
    assert looks_like_date_line(line)


@pytest.mark.parametrize("line", ["In 2019", "A 40 tonne crane"])
def test_in_a_and_an_alone_do_not_make_a_date_line(line):
    assert not looks_like_date_line(line)


def test_summary_at_the_top_repeating_a_long_paragraph_leaves_the_paragraph_body():
    summary = "2024-05-03 " + LONG  # the page prints its paragraph first as a summary, a date glued before it
    roles = roles_of([summary, "Harbour Desk", P1, LONG, P2])
    assert roles[0] == "duplicate"
    assert roles[3] == "body"  # a paragraph of more than 40 words is never anything but body


def test_pull_quote_repeating_part_of_an_earlier_paragraph_is_still_a_duplicate():
    quote = "the board had promised to stop the dredgers during the spawning weeks"
    assert roles_of([TITLE, P1, P3, quote.capitalize() + ".", P2])[3] == "duplicate"


def test_teaser_cut_by_an_ellipsis_before_its_full_paragraph_is_not_body():
    teaser = "The harbour board on Monday approved a plan to deepen the old channel, ending two…"
    roles = roles_of([TITLE, teaser, P1, P2, P3])
    assert roles[1] == "duplicate" and roles[2:] == ["body", "body", "body"]


def test_one_read_more_link_between_paragraphs_leaves_the_paragraph_before_body():
    roles = roles_of([TITLE, P1, P2, "READ MORE", P3, LONG])
    assert roles[2] == "body" and roles[3] == "related" and roles[4] == "body"


def test_related_listing_with_dashes_headlines_and_cut_blurbs_is_related():
    blurb = ("Port News 05/02/2024The council voted to sell the old customs house to a hotel group after a "
             "long debate about the future of the waterfront and its empty warehouses, which have stood...")
    roles = roles_of([TITLE, P1, P2, P3, "Related listings", "-", "Council sells the old customs house", blurb,
                      "-", "Lighthouse keeper retires after forty years", blurb.replace("council", "town")])
    assert roles[4:] == ["related", "boilerplate", "related", "related", "boilerplate", "related", "related"]


def test_see_also_pointer_without_a_colon_is_related():
    roles = roles_of([TITLE, P1, P2, "See also  Ferry fares rise for the third time this year", P3])
    assert roles[3] == "related" and roles[4] == "body"


def test_note_to_the_reader_below_the_article_is_furniture():
    roles = roles_of([TITLE, P1, P2, P3, "Please join our messaging channel to get the latest news.",
                      "Your email address will not be published. Required fields are marked *"])
    assert roles[-2:] == ["boilerplate", "boilerplate"]


def test_short_closing_paragraphs_about_the_us_or_in_the_first_person_plural_stay_body():
    roles = roles_of([TITLE, P1, P2, "Shares of the operator rose 2 percent on US markets on Tuesday.",
                      "In the meantime, my family and I would ask for respect for our privacy."])
    assert roles[-2:] == ["body", "body"]


def test_short_label_right_above_a_caption_belongs_to_the_picture():
    caption = "Water covers the quay at high tide on Thursday in the old port. Jane Roe / Example Agency via Getty Images"
    roles = roles_of([TITLE, P1, "Storm updates", caption, P2, P3])
    assert roles[2:4] == ["caption", "caption"] and roles[4] == "body"


def test_subheading_inside_the_article_stays_body():
    assert roles_of([TITLE, P1, P2, "Spawning season", P3])[3] == "body"


@pytest.mark.parametrize("cut", ["Footage from Harbour Radio of Port Ellen showed boats",
                                 "The chairman"])
def test_last_line_of_a_page_cut_mid_sentence_is_body(cut):
    assert roles_of([TITLE, P1, P2, P3, cut])[-1] == "body"


def test_navigation_label_at_the_end_of_a_page_is_not_body():
    assert roles_of([TITLE, P1, P2, P3, "Back to top"])[-1] != "body"


def test_government_site_banner_above_the_article_is_furniture():
    banner = ["Flag of the republic", "An official website of the Ruritanian government",
              "Official websites use .gov", "The site is secure.",
              "The https:// ensures that you are connecting to the official website and that any information "
              "you provide is encrypted and transmitted securely."]
    roles = roles_of(banner + [TITLE, P1, P2])
    assert all(role != "body" for role in roles[1:5])
    assert roles[-2:] == ["body", "body"]


def test_a_sentence_about_an_official_website_inside_the_article_stays_body():
    line = ("The ministry said its official website of the harbour board, which the government runs, had been "
            "down for two days after a storm cut power to the servers at the old customs house on the quay.")
    assert roles_of([TITLE, P1, line, P2])[2] == "body"


def test_headline_with_a_date_stamp_glued_before_it_is_the_headline():
    roles = roles_of(["2024-05-03 Harbour board approves plan to deepen the old channel", P1, P2])
    assert roles == ["headline", "body", "body"]


def test_long_title_case_headline_printed_twice_is_headline_and_duplicate():
    long_title = ("Hundreds Of Ferry Passengers Stranded At Port Ellen As Two Operators Cancel Eleven Crossings "
                  "And Delay Fifty More, Disrupting Routes To Islay, Jura, Colonsay, Oban And The Mainland Towns")
    roles = roles_of(["Reading view", long_title, long_title, P1, P2])
    assert roles[1:3] == ["headline", "duplicate"] and roles[3:] == ["body", "body"]


def test_standfirst_below_a_repeated_headline_is_still_the_standfirst():
    roles = roles_of([TITLE, TITLE, "Dredging to start in spring despite objections from the fishing fleet", P1, P2])
    assert roles[:3] == ["headline", "duplicate", "standfirst"]


def test_fragment_cut_by_an_ellipsis_after_the_last_paragraph_is_body():
    roles = roles_of([TITLE, P1, P2, "The final decision…", "Leave a Reply"])
    assert roles[3] == "body" and roles[4] != "body"


def test_caption_opening_words_repeated_above_the_caption_are_caption():
    roles = roles_of([TITLE, P1, "Representational image.", "Representational image. File picture", P2, P3])
    assert roles[2:4] == ["caption", "caption"] and roles[4:] == ["body", "body"]


def test_long_paragraph_above_a_single_keep_reading_list_stays_body():
    roles = roles_of([TITLE, P1, LONG, "Keep reading", "Ferry fares rise for the third time this year",
                      "Analysis: Why the islands want a bridge", P2, P3])
    assert roles[2] == "body"  # more than 40 words: never anything but body
    assert roles[3] == "related"


def test_summary_cut_by_an_ellipsis_under_the_headline_is_the_standfirst():
    summary = "The harbour board said the fishermen pushed hard in the last weeks and it was proud of the deal..."
    roles = roles_of([TITLE, summary, P1, P2])
    assert roles[:2] == ["headline", "standfirst"] and roles[2:] == ["body", "body"]


def test_lone_excerpt_cut_by_an_ellipsis_under_the_headline_stays_body():
    excerpt = ("The harbour board on Monday approved a plan to deepen the old channel, ending two years of "
               "argument between the ferry companies and the...")
    assert roles_of([TITLE, excerpt, "Leave a Reply"])[1] == "body"


def test_photo_description_closed_by_a_copyright_credit_is_a_caption():
    caption = "The harbour master at the old quay on the day the dredgers arrived © Harbour Pictures Ltd"
    roles = roles_of([TITLE, "Gallery", caption, P1, P2])
    assert roles[2] == "caption" and roles[3:] == ["body", "body"]


# --- hard-wrapped text, quoted closing lines, ledes and summaries, reader address (round five) ----------------

WRAPPED = [  # one paragraph of a wire story cut at a 60-character margin, as e-mail and terminals print it
    "The ferry operator said on Tuesday that its profit for the",
    "quarter fell by a third as fuel costs rose and two of its",
    "older boats spent the summer in dry dock at the northern yard.",
    "Its shares were down 4 percent at $3.10 in early trading",
    "and closed at",
    "$3.05 on the city exchange.",
]


def test_every_line_of_a_hard_wrapped_paragraph_is_body():
    roles = roles_of([TITLE] + WRAPPED + [P2])
    assert roles[0] == "headline" and roles[1:] == ["body"] * (len(WRAPPED) + 1)


def test_hard_wrapped_article_after_its_last_long_paragraph_is_still_body():
    roles = roles_of([TITLE, P1, P2] + WRAPPED + ["Leave a Reply"])
    assert roles[3:-1] == ["body"] * len(WRAPPED) and roles[-1] != "body"


def test_reading_time_under_a_title_is_not_joined_to_it_as_a_wrapped_line():
    title = "Ferry operator shares fall as much as 12 percent after the summer losses"
    roles = roles_of([title, "3 Min Read", P1, P2])
    assert roles[1] != "body" and roles[2:] == ["body", "body"]


def test_tag_line_and_a_comment_count_are_not_a_wrapped_paragraph():
    roles = roles_of([TITLE, P1, P2, "Tags: Harbour, Ferries, Dredging, Council", "4 comments"])
    assert roles[3] == "tags" and roles[4] != "body"


def test_short_quoted_closing_sentence_after_the_last_paragraph_is_body():
    roles = roles_of([TITLE, P1, P2, P3, 'He added: "We will watch every boat that goes out."'])
    assert roles[-1] == "body"


def test_closing_line_that_introduces_a_statement_with_a_colon_is_body():
    roles = roles_of([TITLE, P1, P2, P3, "In a statement the harbour board said the following:"])
    assert roles[-1] == "body"


def test_lede_in_the_present_tense_under_the_headline_is_body():
    lede = "Harbour master Jane Roe says the dredging of the old channel will start in the spring, after years of delay."
    roles = roles_of([TITLE, lede, P2, P3])
    assert roles[1:] == ["body", "body", "body"]


def test_present_tense_summary_that_the_next_paragraph_tells_again_is_the_standfirst():
    summary = "Mayor Jane Roe approves the plan to deepen the old channel, ending a dispute with the fishermen."
    roles = roles_of([TITLE, summary, P1, P2])
    assert roles[1] == "standfirst" and roles[2:] == ["body", "body"]


def test_short_lede_without_a_headline_is_body_unless_the_next_paragraph_retells_it():
    lede = "Dredgers arrived at the old channel on Monday, watched by a crowd of fishermen on the quay."
    assert roles_of([lede, P2, P3, LONG])[0] == "body"
    summary = "The harbour board approved a plan to deepen the old channel, ending the dispute with the fishermen."
    assert roles_of([summary, P1, P2, LONG])[0] == "standfirst"


def test_us_and_a_quoted_we_do_not_let_a_furniture_phrase_decide_a_sentence():
    us_line = "The US trade office said on Tuesday that the committee's privacy policy review would finish in June."
    quoted_we = ("“We are not worried,” the spokesman said, adding that the agency's privacy policy would be "
                 "reviewed next year.")
    roles = roles_of([TITLE, P1, us_line, quoted_we, P2])
    assert roles[2:4] == ["body", "body"]


def test_bulleted_headlines_of_other_stories_inside_the_article_are_related():
    links = ["- Why the price of coffee beans doubled in a single winter",
             "- Ten quiet villages where houses still cost less than a car",
             "- Scientists find a new species of frog in a city park pond"]
    roles = roles_of([TITLE, P1, P2] + links + [P3])
    assert roles[3:6] == ["related"] * 3 and roles[6] == "body"


def test_bulleted_points_of_the_article_itself_stay_body():
    points = ["• Dredging of the old channel starts in the spring",
              "• The fishermen's cooperative will watch the dredgers closely",
              "• The board and the ferry companies share the cost"]
    roles = roles_of([TITLE, P1] + points + [P2, P3])
    assert roles[2:5] == ["body"] * 3


def test_short_prose_far_below_the_article_about_something_else_is_not_body():
    furniture = ["Share", "Facebook", "Twitter", "Email"]
    about_site = "Harbour Weekly is a publisher of news about coastal towns, printed every Friday since 1921."
    roles = roles_of([TITLE, P1, P2, P3, LONG] + furniture + [about_site])
    assert roles[-1] != "body"


def test_the_rest_of_the_article_after_a_picture_and_advertisements_stays_body():
    between = ["Advertisement", "Story continues below", "Boats at the quay in the old port on Monday.",
               "Jane Roe / Harbour Pictures"]
    later = "The fishermen said the dredgers would stop in the spawning weeks, as the board had promised them."
    roles = roles_of([TITLE, P1, P2, LONG] + between + [later, P3])
    assert roles[-2:] == ["body", "body"]


def test_four_word_last_line_cut_mid_word_right_after_the_article_is_body():
    assert roles_of([TITLE, P1, P2, P3, "Jane Roe, a spokeswo"])[-1] == "body"


def test_developing_story_notice_to_check_back_is_furniture():
    notice = "Keep checking back as we will be adding details when the harbour board tells us more."
    assert roles_of([TITLE, P1, P2, P3, notice])[-1] == "boilerplate"


STATEMENT = "Harbour Lines owns a quarter of the shares in the container terminal on the quay."


def test_present_tense_statement_in_a_page_without_pictures_stays_body():
    roles = roles_of([TITLE, P1, P2, STATEMENT, P3])
    assert roles[3] == "body"


def test_present_tense_line_on_a_page_with_pictures_is_still_read_as_a_caption():
    picture = "Dredgers work in the old channel on Monday. Photo by Jane Roe"
    roles = roles_of([TITLE, P1, picture, P2, STATEMENT, P3])
    assert roles[2] == "caption" and roles[4] == "caption"


@pytest.mark.parametrize("line", ["Roe plans to stand down as harbour master at the end of the summer season.",
                                  "It will carry up to three hundred passengers on each crossing to the islands."])
def test_a_visual_verb_after_to_or_a_modal_does_not_make_a_caption(line):
    assert roles_of([TITLE, P1, P2, line, P3])[3] == "body"


def test_cookie_banner_in_other_wordings_is_furniture_but_a_sentence_about_cookies_is_body():
    banner = ["This website uses cookies.", "By continuing to browse the site you agree to our use of cookies."]
    law = ("The regulator said on Monday that advertisers' use of cookies to follow readers between sites "
           "would need a clear yes from every reader from next year.")
    roles = roles_of(banner + [TITLE, P1, law, P2])
    assert roles[:2] == ["boilerplate", "boilerplate"] and roles[-2:] == ["body", "body"]


def test_share_bar_with_bullets_and_other_networks_is_furniture():
    roles = roles_of([TITLE, "• Tweet", "• Pin it", "Share via Email", P1, P2, P3])
    assert roles[1:4] == ["boilerplate"] * 3 and roles[4:] == ["body"] * 3


def test_lone_determiner_cut_at_the_end_of_the_page_is_body():
    assert roles_of([TITLE, P1, P2, P3, "The"])[-1] == "body"


# --- round six: shapes of a new development set of real pages (wire, broadcasters, live pages, local papers) ---

def test_caption_marker_labels_the_description_above_it_and_the_caption_below_it():
    roles = roles_of([TITLE, P1, "Dredgers at the northern breakwater", "Image caption,",
                      "The dredgers began at the northern breakwater on Monday", P2, P3])
    assert roles[2:5] == ["caption", "caption", "caption"]
    assert roles[1] == roles[5] == roles[6] == "body"


def test_a_media_caption_label_glued_to_its_caption_is_a_caption():
    assert roles_of([TITLE, "Media captionThe harbour master explains the plan", P1, P2])[1] == "caption"


def test_picture_description_closed_by_a_credit_is_a_caption_and_a_tax_credit_sentence_is_not():
    roles = roles_of([TITLE, P1, "Volunteers load sandbags on the quay Credit: Harbour Times", P2,
                      "The board said the tax credit for ferry operators would rise next year.", P3])
    assert roles[2] == "caption"
    assert roles[4] == "body"


def test_photo_marker_inside_a_quoted_paragraph_does_not_make_it_a_caption():
    paragraph = ("“The silt has cost us a season,” said chairman Tom Reed (photo). “We are glad the board "
                 "listened to the fishermen at last.”")
    assert roles_of([TITLE, P1, paragraph, P2])[2] == "body"


def test_comment_rules_after_a_comments_header_are_not_the_article():
    rules = ["Welcome to the conversation.", "Stay on topic. Posts about other subjects will be removed.",
             "Be kind. Insults against other readers are not allowed here.",
             "Tell the truth. Knowingly false claims about people will be deleted."]
    roles = roles_of([TITLE, P1, P2, P3, "(4) comments"] + rules)
    assert roles[1:4] == ["body", "body", "body"]
    assert all(role != "body" for role in roles[5:])


def test_paragraphs_about_the_article_after_an_inline_link_stay_body():
    roles = roles_of([TITLE, P1, P2, "READ MORE", "Dredging of the old channel was last attempted in 1998.",
                      "The harbour board will meet the fishermen again in March."])
    assert roles[4] == roles[5] == "body"


def test_pointer_to_the_full_story_then_other_stories_blurbs_are_not_the_article():
    blurbs = ["A bakery on Mill Street has won a regional prize for its rye bread…",
              "The county library will open on Sundays from next month, its director said…"]
    roles = roles_of([TITLE, P1, P2, "Read more here."] + blurbs)
    assert roles[1] == roles[2] == "body"
    assert roles[3] != "body" and all(role != "body" for role in roles[4:])


def test_top_stories_header_after_a_site_name_and_its_blurb_are_not_the_article():
    roles = roles_of([TITLE, P1, P2, P3, "HarbourTimes.com Top Stories", "Mayor opens new skate park on the hill",
                      "The mayor cut the ribbon on Saturday while dozens of teenagers waited with their boards.",
                      "Stay Connected"])
    assert roles[1:4] == ["body", "body", "body"]
    assert all(role != "body" for role in roles[4:])


def test_syndication_credit_and_print_edition_note_are_not_body():
    roles = roles_of([TITLE, P1, P2, "This report by The Northern Wire was first published May 3, 2024.",
                      "Pick up the Friday print edition for the full story."])
    assert roles[3] == "byline"
    assert roles[4] == "boilerplate"


def test_live_page_labels_are_furniture_and_its_key_points_and_entries_are_body():
    points = ["• The old channel will be deepened from the spring, the harbour board said on Monday",
              "• Fishermen want the dredgers stopped during the spawning weeks"]
    entries = ["The ferry companies say the work will not change their timetables this summer.",
               "The fishermen's cooperative has asked to see the dredging schedule before April.",
               "The city engineer says the first dredger will arrive from Rotterdam in late March."]
    roles = roles_of([TITLE, "Key points"] + points + ["Live text", "Last updated 3 May 2024"] + entries)
    assert roles[1] != "body" and roles[4] != "body"
    assert roles[2:4] == ["body", "body"]
    assert roles[6:] == ["body"] * 3


def test_note_to_the_reader_above_the_article_is_furniture():
    roles = roles_of(["Slow connection? Open the light version of this story.", TITLE, P1, P2])
    assert roles[0] == "boilerplate"
    assert roles[1] == "headline" and roles[2] == roles[3] == "body"


def test_hard_wrapped_page_joins_a_line_that_breaks_before_a_capital():
    wrapped = ["The harbour board on Monday approved a plan to deepen the old",
               "channel, ending two years of argument between the ferry companies",
               "and the fishermen who work the estuary, the Northern Harbour",
               "Authority said in a statement released after the vote.",
               "Officials said dredging would begin in the spring and last about",
               "eighteen months, with the cost shared between the city and the",
               "two container lines that use the terminal, according to the",
               "minutes of the meeting."]
    assert roles_of([TITLE] + wrapped)[1:] == ["body"] * len(wrapped)


def test_line_that_reports_speech_and_ends_in_a_colon_is_body():
    roles = roles_of([TITLE, P1, P2, "Harbour master Ann Lee said on Tuesday:",
                      "“We will keep one berth open for the ferries at all times, whatever the tide.”", P3])
    assert roles[3] == "body"


def test_headline_that_opens_with_a_quotation_is_a_headline():
    headline = "'We will not be moved' - fishermen vow to stay on the quay during dredging"
    assert roles_of([headline, P1, P2, P3])[0] == "headline"


def test_plural_newsletters_in_a_sign_up_box_is_furniture():
    roles = roles_of(["Sign up free to receive our newsletters and more.", TITLE, P1, P2])
    assert roles[0] == "boilerplate" and roles[1] == "headline"


def test_headline_reprinted_under_a_picture_with_its_credit_is_not_body():
    roles = roles_of([TITLE, TITLE + " | Harbour Wire", P1, P2])
    assert roles[1] == "duplicate"
    assert roles[2] == roles[3] == "body"


def test_subheading_whose_words_the_next_paragraph_takes_up_is_body_and_another_headline_is_not():
    roles = roles_of([TITLE, P1, P2, "Will the Spawning Weeks Be Spared?",
                      "Whether the spawning weeks will be spared depends on the dredging contract, the board said.",
                      P3, "Bakery Wins County Prize For Rye Bread", LONG])
    assert roles[3] == "body"
    assert roles[6] != "body"


def test_short_label_under_a_headline_does_not_join_it_as_a_wrapped_line():
    roles = roles_of(["Harbour board approves plan to deepen the old channel after two years of argument",
                      "harbour news", P1, P2])
    assert roles[0] == "headline" and roles[1] != "body"
