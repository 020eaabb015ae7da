"""The input read as a stream: texts are not held, and each worker reads its own chunk of the input."""

import pickle

import pandas as pd
import pytest

from analysis_helpers.corpus.build import CorpusError, read_articles
from analysis_helpers.pipeline import RunOptions, run_pipeline
from analysis_helpers.runner import execute
from analysis_helpers.runner.inputs import ArticleChunk, input_digest, open_input
from analysis_helpers.topics.model import TopicOptions

TEXTS = {
    "b.txt": "Harbour Bridge Reopens\n\nThe bridge reopened on 3 March 2024 after repairs costing $4 million.\n",
    "a.txt": "Council Votes\n\n\"We will rebuild,\" said Mayor Ann Lee on Monday. The vote was 7 to 2.\n",
    "c.txt": "\n\n",  # blank: not read, a problem row
    "d.txt": "Storm Warning\n\nForecasters said the storm would reach the coast by Friday.\n",
}
FAST = RunOptions(topics=TopicOptions(mode="off"))


@pytest.fixture
def folder(tmp_path):
    where = tmp_path / "in"
    where.mkdir()
    for name, text in TEXTS.items():
        (where / name).write_text(text, encoding="utf-8")
    (where / "manifest.csv").write_text("file,doc_id,outlet,url,published,published_note\n"
                                        "b.txt,zz,Daily,,2024-03-04,\n", encoding="utf-8")
    return where


def test_one_pass_keeps_every_row_but_no_text_and_chunks_read_back_the_whole_table(folder):
    whole, problems = read_articles(folder)
    source = open_input(folder)
    texts = list(source.texts())
    assert sorted(texts) == sorted(whole["text"])
    assert "text" not in source.articles
    assert source.articles.equals(whole.drop(columns=["text"]))
    assert source.problems.equals(problems)
    chunks = source.chunks(2)
    assert [len(c) for c in chunks] == [2, 1]
    read = pd.concat([c.read() for c in chunks], ignore_index=True)
    assert read.equals(whole)


def test_a_chunk_names_where_its_articles_are_and_carries_no_text(folder):
    source = open_input(folder)
    list(source.texts())
    for chunk in source.chunks(1):
        shipped = pickle.dumps(chunk)
        assert b"reopened" not in shipped and b"rebuild" not in shipped and b"storm" not in shipped
        assert chunk.read()["text"].iloc[0] in TEXTS.values()


def test_the_engine_is_given_chunks_to_read_not_texts(folder, monkeypatch):
    seen = []
    original = execute.iter_chunks

    def spy(work, chunks, **options):
        seen.extend(chunks)
        return original(work, chunks, **options)

    monkeypatch.setattr("analysis_helpers.pipeline.iter_chunks", spy)
    streamed, _ = run_pipeline(open_input(folder), FAST, chunk_size=2)
    assert seen and all(isinstance(chunk, ArticleChunk) for chunk in seen)
    whole, _ = read_articles(folder)
    in_memory, _ = run_pipeline(whole, FAST, chunk_size=2)
    for name in ("blocks", "sentences", "timexes", "quotes", "figures", "events"):
        assert streamed[name].equals(in_memory[name]), name


def test_jsonl_rows_are_read_back_by_byte_offset_and_a_bad_line_is_named(tmp_path):
    path = tmp_path / "pull.jsonl"
    path.write_text('{"doc_id": "b", "text": "Second article.\\n\\nIt rained on Monday."}\n\n'
                    '{"doc_id": "a", "text": "First article.", "extra": 1}\n'
                    '{"doc_id": "c", "text": "  "}\n', encoding="utf-8")
    source = open_input(path)
    list(source.texts())
    assert source.articles["doc_id"].tolist() == ["a", "b"]
    assert [p.split(":")[0] for p in source.problems["problem"]] == ["columns not in the articles table, ignored",
                                                                       "row 3 (doc_id c)"]
    (chunk,) = source.chunks(10)
    assert chunk.read()["text"].tolist() == ["First article.", "Second article.\n\nIt rained on Monday."]
    path.write_text('{"doc_id": "a", "text": "Fine."}\nnot json\n', encoding="utf-8")
    with pytest.raises(CorpusError, match="line 2 is not JSON"):
        list(open_input(path).texts())


def test_parquet_rows_are_read_back_by_row_group(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    rows = pa.table({"doc_id": ["d2", "d3", "d0", "d1"], "text": ["Two.", "Three.", "Zero.", "One."]})
    pq.write_table(rows, tmp_path / "pull.parquet", row_group_size=2)
    source = open_input(tmp_path / "pull.parquet")
    list(source.texts())
    first, second = source.chunks(2)
    assert {group for group, _, _ in first.entries} == {1} and {group for group, _, _ in second.entries} == {0}
    assert first.read()["text"].tolist() == ["Zero.", "One."] and second.read()["text"].tolist() == ["Two.", "Three."]


def test_a_repeated_doc_id_is_refused_naming_both_files(folder):
    (folder / "e.txt").write_text("Another\n\nA second article with the id a.\n", encoding="utf-8")
    (folder / "manifest.csv").write_text("file,doc_id,outlet,url,published,published_note\n"
                                         "e.txt,a,,,,\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"a.txt -> a, e.txt -> a"):
        read_articles(folder)
    with pytest.raises(CorpusError, match=r"a.txt -> a, e.txt -> a"):
        list(open_input(folder).texts())


def test_texts_kept_as_read_give_the_chunks_the_input_would_and_the_digest_of_what_was_read(folder, tmp_path):
    whole, _ = read_articles(folder)
    source = open_input(folder)
    source.keep_texts(tmp_path / "texts.bin")
    list(source.texts())
    chunks = source.chunks(2)
    assert [chunk.kind for chunk in chunks] == ["stored", "stored"]
    assert b"reopened" not in pickle.dumps(chunks[0]) + pickle.dumps(chunks[1])
    read = pd.concat([c.read() for c in chunks], ignore_index=True)
    assert read.equals(whole)
    assert set(source.digests) == {"a.txt", "b.txt", "d.txt", "c.txt"}  # the blank file was read too
    assert input_digest(folder, source.digests) == input_digest(folder)
    assert input_digest(folder, {"a.txt": "00" * 32}) != input_digest(folder)


def test_texts_kept_as_read_from_a_jsonl_file_with_odd_characters(tmp_path):
    path = tmp_path / "pull.jsonl"
    path.write_text('{"doc_id": "b", "text": "Caf\\u00e9 \\ud83d\\ude00 and more.\\r\\nNext."}\n'
                    '{"doc_id": "a", "text": "First article."}\n', encoding="utf-8")
    plain = open_input(path)
    list(plain.texts())
    (expected,) = plain.chunks(5)
    source = open_input(path)
    source.keep_texts(tmp_path / "texts.bin")
    list(source.texts())
    (chunk,) = source.chunks(5)
    assert chunk.kind == "stored" and chunk.read().equals(expected.read())
