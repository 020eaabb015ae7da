"""Block segmentation and block roles: offsets, and each rule on small invented scrapes."""

import pandas as pd
import pytest

from analysis_helpers.corpus.roles import ROLES, classify_block_roles, looks_like_date_line, phrase_lexicon
from analysis_helpers.corpus.blocks import attach_block, block_spans, segment_blocks
from analysis_helpers.corpus.build import open_corpus

BODY = [
    "Defence ministers from the alliance met in Brussels on Thursday and agreed to raise spending, "
    "officials said after the talks ended late in the evening.",
    "The decision followed months of pressure from Washington, which has asked allies to carry more "
    "of the burden of their own defence, diplomats said.",
    "Several governments said they would set out their plans before the summit in June, while others "
    "warned that their budgets were already stretched.",
]


def roles_of(lines):
    return [role for role, _ in classify_block_roles(lines)]


def test_block_offsets_index_the_article_text():
    corpus = open_corpus()
    texts = dict(zip(corpus.articles["doc_id"], corpus.articles["text"]))
    for row in corpus.blocks.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text
        assert row.text == row.text.strip() and row.text
    assert set(corpus.blocks["role"]) <= set(ROLES)


def test_block_spans_trim_indentation_and_skip_blank_lines():
    text = "Title\n\n    Indented line  \n\t\nLast"
    assert [text[s:e] for s, e in block_spans(text)] == ["Title", "Indented line", "Last"]


def test_every_lexicon_row_compiles_and_names_a_role():
    for role, pattern, note in phrase_lexicon():
        assert role in ROLES and note and pattern.pattern


def test_headline_standfirst_body():
    lines = ["Allies agree to raise defence spending",
             "Ministers back a new target after pressure from the United States"] + BODY
    assert roles_of(lines) == ["headline", "standfirst", "body", "body", "body"]


def test_dateline_lede_is_body_not_standfirst():
    lines = ["Allies agree to raise defence spending", "By Anna Berg",
             "BRUSSELS (AP) — Defence ministers agreed on Thursday to raise spending, officials said."] + BODY
    assert roles_of(lines)[:3] == ["headline", "byline", "body"]


def test_repeated_headline_with_other_apostrophe_is_duplicate():
    lines = ["Europe’s allies agree to spend more", "Europe's allies agree to spend more"] + BODY
    assert roles_of(lines)[:2] == ["headline", "duplicate"]


def test_aggregator_blurbs_and_read_more_links_are_related():
    lines = ["Allies agree to raise defence spending"] + BODY + [
        "Other outlets report:",
        "Germany unveils new budgetGermany's finance minister presented a budget with more for defence.",
        "Continue reading »",
        "Poland buys more tanksThe government signed a contract for 180 tanks.",
        "Read more »",
    ]
    assert roles_of(lines)[-4:] == ["related", "related", "related", "related"]


def test_furniture_after_the_article():
    lines = ["Allies agree to raise defence spending"] + BODY + [
        "Support independent journalism: become a member today.",
        "© 2025 Example Media. All rights reserved.",
        "Example Media",
    ]
    assert roles_of(lines)[-3:] == ["boilerplate", "boilerplate", "boilerplate"]


def test_topic_list_under_a_header_is_tags():
    lines = ["Allies agree to raise defence spending"] + BODY + ["More on these topics", "Nato", "Defence", "Europe"]
    assert roles_of(lines)[-4:] == ["tags", "tags", "tags", "tags"]


def test_keyword_line_is_tags():
    lines = ["Allies agree to raise defence spending"] + BODY + ["Defence Budget Nato Europe Spending Security"]
    assert roles_of(lines)[-1] == "tags"


def test_photo_credit_and_present_tense_caption():
    lines = ["Allies agree to raise defence spending", BODY[0],
             "Soldiers march past the parliament building in Vilnius.", BODY[1],
             "The minister at the press conference. Photo: Jane Roe/Example Agency", BODY[2]]
    assert roles_of(lines) == ["headline", "body", "caption", "body", "caption", "body"]


def test_unrelated_headline_glued_to_the_end_is_stray():
    lines = ["Allies agree to raise defence spending"] + BODY + ["Heatwave Grips Southern Spain as Tourists Flock to Beaches"]
    assert roles_of(lines)[-1] == "stray"


@pytest.mark.parametrize("line", ["Wed 12 Feb 2025 14.08 GMT", "Updated 2 hours ago", "February 13, 2025 at 9:30 am ET"])
def test_date_stamp_lines(line):
    assert looks_like_date_line(line)


def test_sentence_with_a_date_is_not_a_date_line():
    assert not looks_like_date_line("The ministers met on 13 February 2025 in Brussels.")


def test_no_blocks_for_empty_text():
    assert classify_block_roles([]) == []
    blocks = segment_blocks(pd.DataFrame({"doc_id": ["a"], "text": ["\n\n  \n"]}))
    assert blocks.empty


def test_attach_block_gives_role_of_containing_block():
    corpus = open_corpus()
    spans = corpus.blocks[["doc_id", "start"]].copy()
    spans["start"] += 1
    attached = attach_block(spans, corpus.blocks)
    assert list(attached["block_id"]) == list(corpus.blocks["block_id"])
    assert list(attached["role"]) == list(corpus.blocks["role"])


def test_case_sensitive_lexicon_rows_do_not_fire_on_ordinary_prose():
    lines = ["Allies agree to raise defence spending",
             "The company reports on its earnings next week after a difficult quarter, analysts said.",
             "By the end of the day no agreement had been reached, officials said in Brussels."] + BODY
    assert roles_of(lines)[1:3] == ["body", "body"]


def test_attach_block_handles_unknown_articles_and_offsets_before_the_first_block():
    blocks = pd.DataFrame({"doc_id": ["a", "a"], "block_id": [0, 1], "start": [2, 10], "end": [8, 20],
                           "text": ["x", "y"], "role": ["headline", "body"]})
    spans = pd.DataFrame({"doc_id": ["a", "a", "a", "b"], "start": [0, 5, 15, 3]}, index=[7, 3, 9, 1])
    attached = attach_block(spans, blocks)
    assert list(attached.index) == [7, 3, 9, 1]
    assert list(attached["block_id"]) == [-1, 0, 1, -1]
    assert list(attached["role"]) == ["", "headline", "body", ""]  # "" for no block, as schema.py says


# ---------------------------------------------------------------- issue 14: furniture only where furniture-shaped
_LEAD = ["Harbour authority approves dredging plan for the old port",
         "The harbour authority on Monday approved a plan to dredge the old port, ending two years of dispute "
         "between shipping firms and fishermen who feared for their grounds."]
_BODY = ("Officials said work would begin in the spring and last about eighteen months, with the cost shared "
         "between the city and two container lines that use the terminal.")


def test_furniture_phrase_inside_a_news_paragraph_is_body():
    quoted = ("“We will donate our savings to the relief fund and we urge others to become a member of the "
              "volunteer crews,” said the mayor, who has led the town council since it was founded in 1998.")
    revenue = ("The group's share of revenue from the northern terminals rose to 41 percent in the third quarter, "
               "the annual report showed, as tonnage from Baltic routes recovered after the strikes ended.")
    roles = roles_of(_LEAD + [quoted, revenue, _BODY])
    assert roles[2:] == ["body", "body", "body"]


def test_no_long_paragraph_is_ever_furniture():
    long = ("Follow the river north and the valley opens into farmland that the cooperative has worked since the "
            "nineteen-fifties, a stretch of orchards, grain fields and pasture that now supplies most of the "
            "region's apples and a growing share of its milk, according to the latest census of the farms there.")
    assert roles_of(_LEAD + [long, _BODY])[2] == "body"


def test_shape_of_furniture_misspelled_glued_and_capital_labels():
    roles = roles_of(["HomeNewsRegionWeather"] + _LEAD + ["Advertisment", _BODY, "OPINION", _BODY])
    assert roles[0] == "boilerplate" and roles[3] == "boilerplate" and roles[5] == "boilerplate"


def test_last_paragraph_cut_mid_sentence_is_body():
    cut = "The dredgers are expected to arrive from Rotterdam once the permits for the"
    assert roles_of(_LEAD + [_BODY, cut])[-1] == "body"


def test_lines_repeated_across_the_corpus_are_furniture_when_passed_in():
    from analysis_helpers.corpus.roles import repeated_lines

    articles = [f"Story {i}\nCoastal Desk Weekly Picks\nA paragraph about tide {i}." for i in range(3)]
    repeated = repeated_lines(articles)
    assert "coastal desk weekly picks" in repeated and "Coastal Desk Weekly Picks" in repeated
    lines = _LEAD + [_BODY, "Coastal Desk Weekly Picks", _BODY]
    assert classify_block_roles(lines, repeated)[3][0] == "boilerplate"
    assert "repeated" not in classify_block_roles(lines)[3][1]  # without the input: no corpus evidence
    assert "repeated across the corpus" in classify_block_roles(lines, repeated)[3][1]
