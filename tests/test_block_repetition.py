"""Corpus repetition as furniture evidence, wired into ``extract`` as a context step (issue 14).

The articles are invented: three different stories from one site, each page carrying the same
short navigation line and the same long standard paragraph (a prose body sentence of over 40 words).
"""

from __future__ import annotations

import pandas as pd

from analysis_helpers import pipeline
from analysis_helpers.corpus.build import build_corpus
from analysis_helpers.corpus.roles import repeated_lines
from analysis_helpers.pipeline import CONTEXT_STEPS, CorpusContext, RunOptions, extract_corpus
from analysis_helpers.topics.model import TopicOptions

FURNITURE = "Tides and times for the whole estuary"  # read as body prose without the corpus
LONG_BODY = ("The port authority, which has run the estuary since the nineteenth century, said in a statement "
             "that it would keep publishing the tide tables, the pilot rosters and the berth schedules every "
             "morning until the new dredging contract is signed by all of the councils along the river.")
STORIES = [
    ("Ferry operator adds a night crossing",
     "The ferry operator said on Monday it would add a night crossing from April, citing record bookings."),
    ("Fishing fleet returns early after storm warning",
     "Skippers brought the fleet home two days early after forecasters warned of gale-force winds."),
    ("New crane arrives at the container terminal",
     "The crane, shipped from Shanghai, is the tallest on the coast and will double the terminal's capacity."),
]


def _articles(stories=STORIES) -> pd.DataFrame:
    texts = [f"{title}\n{lead}\n{FURNITURE}\n{LONG_BODY}\nThe harbour master welcomed the news." for title, lead in stories]
    return pd.DataFrame({"doc_id": [f"h{i}" for i in range(len(texts))], "text": texts,
                         "file": [f"h{i}.txt" for i in range(len(texts))]})


def _role(blocks: pd.DataFrame, text: str) -> set[str]:
    return set(blocks.loc[blocks["text"] == text, "role"])


def test_a_short_line_repeated_across_articles_becomes_furniture_in_extract():
    tables = extract_corpus(build_corpus(_articles()), RunOptions(topics=TopicOptions(mode="off")))
    blocks = tables["blocks"]
    assert _role(blocks, FURNITURE) == {"boilerplate"}
    assert set(blocks.loc[blocks["text"] == FURNITURE, "role_rule"]) == {"line repeated across the corpus"}


def test_a_repeated_body_sentence_over_40_words_is_never_furniture():
    assert len(LONG_BODY.split()) > 40
    assert LONG_BODY not in repeated_lines(_articles()["text"])
    blocks = build_corpus(_articles()).blocks
    assert _role(blocks, LONG_BODY) == {"body"}


def test_the_same_line_in_too_few_articles_is_not_evidence():
    blocks = build_corpus(_articles(STORIES[:2])).blocks
    assert _role(blocks, FURNITURE) == {"body"}


def test_copies_of_one_syndicated_story_do_not_make_its_headline_furniture():
    copies = _articles([STORIES[0]] * 4)
    assert STORIES[0][0] not in repeated_lines(copies["text"])


def test_roles_do_not_depend_on_how_the_corpus_is_chunked():
    corpus = build_corpus(_articles())
    options = RunOptions(topics=TopicOptions(mode="off"))
    whole = extract_corpus(corpus, options, chunk_size=10)["blocks"]
    one_by_one = extract_corpus(corpus, options, chunk_size=1)["blocks"]
    pd.testing.assert_frame_equal(whole, one_by_one)
    pd.testing.assert_frame_equal(whole.drop(columns=[c for c in whole if c not in corpus.blocks]),
                                  corpus.blocks[[c for c in corpus.blocks if c in whole]])


def test_the_repetition_count_is_a_declared_context_step_computed_once(monkeypatch):
    assert "repeated_lines" in {step.name for step in CONTEXT_STEPS}
    calls = []
    original = pipeline.repeated_lines
    monkeypatch.setattr(pipeline, "repeated_lines", lambda texts: calls.append(1) or original(texts))
    context = CorpusContext.of(_articles())
    assert calls == [1] and FURNITURE in context.repeated_lines
