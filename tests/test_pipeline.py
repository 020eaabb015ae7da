"""The declared-step pipeline: per-article steps per chunk, shared results computed once, the guard."""

import time

import pandas as pd
import pytest

import analysis_helpers.pipeline as pipeline
import analysis_helpers.timexes.document_dates as document_dates_module
import analysis_helpers.timexes.extract as timexes_module
import analysis_helpers.timexes.table as timexes_table_module
from analysis_helpers.corpus.build import build_corpus
from analysis_helpers.pipeline import (
    ARTICLE_STEPS, CORPUS_STEPS, EXTRACTORS, RunOptions, Step, base_tables, extract_corpus, run_article_steps,
)
from analysis_helpers.topics.model import TopicOptions

NO_TOPICS = RunOptions(topics=TopicOptions(mode="off"))


@pytest.fixture(scope="module")
def seeds(seed_corpus):
    return seed_corpus


def _articles(*texts, published=""):
    return pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(len(texts))], "file": [f"d{i}.txt" for i in range(len(texts))],
        "title": [t.split("\n")[0] for t in texts], "outlet": "", "url": "", "published": published,
        "text": list(texts), "n_chars": [len(t) for t in texts], "n_words": [len(t.split()) for t in texts],
        "published_note": "", "encoding": "utf-8", "changes": "",
    })


SMALL = _articles(
    "Ministers meet in Lisbon\nThe ministers met on Tuesday, 4 March 2025, in Lisbon. \u201cWe agreed on the plan,\u201d "
    "said Ana Souza, the minister. The fund grew by 12 percent to $3 billion.",
    "Harbour reopens\nThe harbour reopened on 2 March 2025 after three weeks. Officials said 40 ships waited.",
    "Rain delays the vote\nThe vote was delayed on Monday. \u201cIt will happen next week,\u201d Souza said.",
)


def test_every_step_declares_what_it_needs_and_needs_only_earlier_results():
    known = {"articles", "corpus", "context", "options"}
    for step in ARTICLE_STEPS:
        assert set(step.needs) <= known, step.name
        known.add(step.name)
    per_article = {"blocks", "sentences", "timexes", "document_dates", "quotes"}
    for step in CORPUS_STEPS:
        assert set(step.needs) <= known | per_article | {"chunks"}, step.name
        assert set(step.reads) <= per_article, step.name  # what "chunks" streams, or the columns read
        assert ("chunks" in step.needs) <= bool(step.reads), step.name
        assert step.scope == "corpus"
        known.add(step.name)  # a corpus step may read an earlier one (timeline_conflicts reads events)


def test_tables_equal_the_extractors_run_on_the_whole_corpus_whatever_the_chunk_size(seeds, seed_extractor_tables):
    whole = base_tables(seeds)
    for name in EXTRACTORS:
        whole.update(seed_extractor_tables[name])
    for chunk_size in (1, 3):
        tables = extract_corpus(seeds, chunk_size=chunk_size)
        for name, table in whole.items():
            if name == "problems":
                continue
            # extract only appends columns (outlet, published, the quotes' context) to the extractors'
            assert list(tables[name].columns[:len(table.columns)]) == list(table.columns), name
            assert tables[name][table.columns].to_csv(index=False) == table.to_csv(index=False), (name, chunk_size)


def test_an_article_gives_the_same_rows_alone_and_in_the_corpus():
    corpus = build_corpus(SMALL)
    together = extract_corpus(corpus, NO_TOPICS)
    for doc_id in SMALL["doc_id"]:
        alone = extract_corpus(build_corpus(SMALL[SMALL["doc_id"] == doc_id].reset_index(drop=True)), NO_TOPICS)
        for name in ("blocks", "sentences", "quotes", "figures", "timexes"):
            expected = together[name][together[name]["doc_id"] == doc_id].reset_index(drop=True)
            # "Souza" becomes "Ana Souza" only in a corpus that names her in full: a corpus step
            # fills corpus_speaker; speaker itself is per article
            drop = ["corpus_speaker"] if name == "quotes" else []
            assert alone[name].drop(columns=drop).to_csv(index=False) == \
                expected.drop(columns=drop).to_csv(index=False), (doc_id, name)
    assert "Ana Souza" in set(together["quotes"].loc[together["quotes"]["doc_id"] == "d2", "corpus_speaker"])


def test_shared_steps_run_once_per_extract(monkeypatch):
    import sys

    calls = {}

    def count_everywhere(func):
        """Replace ``func`` by a counting wrapper in every module of the package that holds it."""
        def wrapper(*args, **kwargs):
            calls[func.__name__] = calls.get(func.__name__, 0) + 1
            return func(*args, **kwargs)
        for name, module in list(sys.modules.items()):
            if name.startswith("analysis_helpers") and getattr(module, func.__name__, None) is func:
                monkeypatch.setattr(module, func.__name__, wrapper)

    corpus = build_corpus(SMALL)
    for func in (pipeline.segment_blocks, pipeline.split_sentences, document_dates_module.document_dates,
                 timexes_table_module.timexes_table, timexes_module.tag_text):
        count_everywhere(func)
    timexes_module.extract_timexes(corpus, dates=document_dates_module.document_dates(corpus))
    tagging_of_one_pass = calls.pop("tag_text")
    calls.clear()
    extract_corpus(corpus, NO_TOPICS, chunk_size=len(SMALL))
    assert calls["segment_blocks"] == 1 and calls["split_sentences"] == 1
    assert calls["document_dates"] == 1, "document dates are computed once and passed to timexes and events"
    assert calls["timexes_table"] == 1, "the timeline reads the timexes table, it does not re-tag"
    assert calls["tag_text"] == tagging_of_one_pass


def test_a_failing_step_in_one_article_becomes_a_problem_row_and_leaves_the_others(monkeypatch):
    original = pipeline.extract_figures

    def fragile(corpus):
        if "d1" in set(corpus.articles["doc_id"]):
            raise OverflowError("int too large to convert to float")
        return original(corpus)

    monkeypatch.setattr(pipeline, "extract_figures", fragile)
    tables = extract_corpus(build_corpus(SMALL), NO_TOPICS)
    problems = tables["problems"]
    assert list(problems["file"]) == ["d1.txt"]
    assert list(problems["step"]) == ["figures"] and list(problems["error"]) == ["OverflowError"]
    assert "int too large" in problems["problem"].iloc[0] and "figures" in problems["problem"].iloc[0]
    assert set(tables["figures"]["doc_id"]) == {"d0"}  # d2 states no figure
    assert "d1" in set(tables["quotes"]["doc_id"]) or "d1" in set(tables["timexes"]["doc_id"])
    assert "d1" in set(tables["articles"]["doc_id"])


def test_a_failing_early_step_leaves_out_the_steps_that_need_it(monkeypatch):
    original = pipeline.segment_blocks

    def fragile(articles, **kwargs):
        if "d2" in set(articles["doc_id"]):
            raise RecursionError("deep")
        return original(articles, **kwargs)

    monkeypatch.setattr(pipeline, "segment_blocks", fragile)
    tables = extract_corpus(build_corpus(SMALL), NO_TOPICS)
    assert list(tables["problems"]["step"]) == ["blocks"]
    for name in ("blocks", "sentences", "quotes", "timexes", "figures"):
        assert "d2" not in set(tables[name]["doc_id"]), name
    assert {"d0", "d1"} <= set(tables["sentences"]["doc_id"])


def test_a_runaway_article_is_stopped_by_the_time_budget():
    def runaway(articles):
        if "d1" in set(articles["doc_id"]):
            while True:
                pass
        return pd.DataFrame({"doc_id": articles["doc_id"]})

    steps = (ARTICLE_STEPS[0], Step("slow", runaway, ("articles",), "article", {"slow": ["doc_id"]}))
    started = time.monotonic()
    result = run_article_steps(SMALL, options=RunOptions(article_timeout=0.3), steps=steps)
    assert time.monotonic() - started < 30
    assert list(result["slow"]["doc_id"]) == ["d0", "d2"]
    (row,) = result["problems"]
    assert row["file"] == "d1.txt" and row["error"] == "StepTimeout" and row["step"] == "slow"


def test_the_time_budget_grows_with_the_length_of_the_article():
    def busy(articles):
        for doc_id in articles["doc_id"]:
            until = time.monotonic() + 1.0
            while time.monotonic() < until:
                pass
        return pd.DataFrame({"doc_id": articles["doc_id"]})

    short = pd.DataFrame({"doc_id": ["short"], "text": ["A short article."]})
    long = pd.DataFrame({"doc_id": ["long"], "text": ["A long article with many words. " * 1000]})
    steps = (ARTICLE_STEPS[0], Step("slow", busy, ("articles",), "article", {"slow": ["doc_id"]}))
    options = RunOptions(article_timeout=0.3)
    stopped = run_article_steps(short, options=options, steps=steps)
    assert [row["error"] for row in stopped["problems"]] == ["StepTimeout"]
    kept = run_article_steps(long, options=options, steps=steps)  # 32,000 characters: 0.3 + 1.28 s
    assert kept["problems"] == [] and list(kept["slow"]["doc_id"]) == ["long"]


def test_a_failing_corpus_step_keeps_the_per_article_tables(monkeypatch):
    def out_of_memory(articles, blocks, options):
        raise MemoryError()

    steps = tuple(Step(s.name, out_of_memory, s.needs, s.scope, s.columns) if s.name == "topics" else s
                  for s in CORPUS_STEPS)
    monkeypatch.setattr(pipeline, "CORPUS_STEPS", steps)
    monkeypatch.setattr(pipeline.run_corpus_steps, "__defaults__", (None, steps, None))
    tables = extract_corpus(build_corpus(SMALL))
    assert "topics" not in tables and "doc_topics" not in tables
    assert len(tables["quotes"]) and len(tables["sentences"])
    row = tables["problems"].iloc[-1]
    assert row["step"] == "topics" and row["error"] == "MemoryError" and row["file"] == "(corpus)"
