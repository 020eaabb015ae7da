"""load_corpus / read_articles on the seeds and on every kind of bad input the issue lists."""

import os
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis_helpers.corpus.build import (
    ARTICLE_COLUMNS,
    CorpusError,
    CorpusProblemWarning,
    build_corpus,
    load_corpus,
    open_corpus,
    read_articles,
)
from analysis_helpers.paths import seeds_dir

ARTICLE = "NATO ministers meet in Brussels\nDefence ministers met on Thursday. They agreed to spend more.\n"


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def snapshot(folder: Path) -> dict:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def problems_for(problems: pd.DataFrame, name: str) -> list[str]:
    return list(problems.loc[problems["file"] == name, "problem"])


def test_seeds_load_with_manifest_metadata():
    articles = load_corpus(seeds_dir())
    assert list(articles.columns) == ARTICLE_COLUMNS
    assert list(articles["doc_id"]) == ["000", "001", "002", "003", "004"]
    assert articles.attrs["problems"].empty
    row = articles.set_index("doc_id").loc["004"]
    assert row["outlet"] == "Euromaidan Press" and row["published"] == "2025-02-13"
    assert articles.set_index("doc_id").loc["002", "published"] == ""
    assert (articles["n_chars"] == articles["text"].str.len()).all()
    assert (articles["n_words"] > 200).all()


def test_titles_are_first_lines():
    articles = load_corpus(seeds_dir())
    assert articles.set_index("doc_id").loc["000", "title"].startswith("US Defense Secretary Denies")


def test_a_folder_without_manifest_uses_file_stems(tmp_path):
    write(tmp_path, "b.txt", ARTICLE)
    write(tmp_path, "a.txt", ARTICLE)
    articles, problems = read_articles(tmp_path)
    assert list(articles["doc_id"]) == ["a", "b"]
    assert problems.empty
    assert articles["outlet"].eq("").all()


def test_input_files_are_never_modified(tmp_path):
    write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode())
    write(tmp_path, "crlf.txt", ARTICLE.replace("\n", "\r\n"))
    write(tmp_path, "latin.txt", "Caf\xe9 talks in Li\xe8ge\nMinisters met.\n".encode("cp1252"))
    write(tmp_path, "manifest.csv", "file,doc_id\nbom.txt,x\n")
    before = snapshot(tmp_path)
    read_articles(tmp_path)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("data, expected", [(b"", "empty"), (b"  \n\n ", "white space")])
def test_empty_files_are_reported_not_read(tmp_path, data, expected):
    write(tmp_path, "ok.txt", ARTICLE)
    write(tmp_path, "empty.txt", data)
    articles, problems = read_articles(tmp_path)
    assert list(articles["file"]) == ["ok.txt"]
    [problem] = problems_for(problems, "empty.txt")
    assert expected in problem and "not read" in problem


def test_binary_file_is_reported(tmp_path):
    write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    articles, problems = read_articles(tmp_path)
    assert articles.empty
    assert "binary" in problems_for(problems, "image.txt")[0]


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_non_utf8_text_is_decoded_and_reported(tmp_path, encoding):
    text = "Minister’s “talks” in Liège\nThe café was full.\n" if encoding == "cp1252" else "Liège talks\nThe café was full.\n"
    write(tmp_path, "old.txt", text.encode(encoding))
    articles, problems = read_articles(tmp_path)
    assert articles.loc[0, "text"] == text
    assert articles.loc[0, "encoding"] == "cp1252"
    assert "decoded-cp1252" in problems_for(problems, "old.txt")[0]


def test_utf8_bom_is_removed_and_reported(tmp_path):
    write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode())
    articles, problems = read_articles(tmp_path)
    assert articles.loc[0, "text"] == ARTICLE
    assert articles.loc[0, "title"] == "NATO ministers meet in Brussels"
    assert "bom-removed" in problems_for(problems, "bom.txt")[0]


def test_crlf_line_ends_become_lf(tmp_path):
    write(tmp_path, "crlf.txt", ARTICLE.replace("\n", "\r\n"))
    articles, problems = read_articles(tmp_path)
    assert "\r" not in articles.loc[0, "text"]
    assert articles.loc[0, "text"] == ARTICLE
    assert "crlf-to-lf" in problems_for(problems, "crlf.txt")[0]


def test_html_page_saved_as_txt_is_reduced_to_visible_text(tmp_path):
    html = ("<!DOCTYPE html><html><head><title>T</title><style>p{color:red}</style>"
            "<script>var x = 1;</script></head><body><h1>Allies meet</h1>"
            "<p>Ministers met on Thursday &amp; agreed.</p><div>Second paragraph.</div></body></html>")
    write(tmp_path, "page.txt", html)
    articles, problems = read_articles(tmp_path)
    text = articles.loc[0, "text"]
    assert "Ministers met on Thursday & agreed." in text.split("\n")
    assert "var x" not in text and "color:red" not in text and "<p>" not in text
    assert "html-to-text" in problems_for(problems, "page.txt")[0]


def test_oversized_file_is_reported_with_its_size(tmp_path):
    write(tmp_path, "huge.txt", ("word " * 2_100_000).encode())  # about 10 MB
    write(tmp_path, "ok.txt", ARTICLE)
    articles, problems = read_articles(tmp_path)
    assert list(articles["file"]) == ["ok.txt"]
    [problem] = problems_for(problems, "huge.txt")
    assert "10.5 MB" in problem and "limit" in problem


def test_oversized_file_can_be_read_with_a_larger_limit(tmp_path):
    write(tmp_path, "big.txt", ("word " * 300_000).encode())
    articles, _ = read_articles(tmp_path, max_bytes=2_000_000)
    assert articles.loc[0, "n_words"] == 300_000


def test_manifest_row_naming_a_missing_file(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "manifest.csv", "file,doc_id,outlet\na.txt,A,Outlet A\ngone.txt,G,Outlet G\n")
    articles, problems = read_articles(tmp_path)
    assert list(articles["doc_id"]) == ["A"]
    assert "no such file" in problems_for(problems, "gone.txt")[0]


def test_file_missing_from_manifest_is_read_and_reported(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "extra.txt", ARTICLE)
    write(tmp_path, "manifest.csv", "file,doc_id,outlet\na.txt,A,Outlet A\n")
    articles, problems = read_articles(tmp_path)
    assert sorted(articles["doc_id"]) == ["A", "extra"]
    assert "not in manifest.csv" in problems_for(problems, "extra.txt")[0]


def test_duplicate_doc_ids_in_manifest_are_an_error_naming_them(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", ARTICLE)
    write(tmp_path, "manifest.csv", "file,doc_id\na.txt,same\nb.txt,same\n")
    with pytest.raises(CorpusError, match="doc_id repeated in the manifest: same"):
        read_articles(tmp_path)


def test_doc_id_clash_between_manifest_and_file_stem_is_an_error(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", ARTICLE)
    write(tmp_path, "manifest.csv", "file,doc_id\na.txt,b\n")
    with pytest.raises(CorpusError, match=r"a.txt -> b.*b.txt -> b"):
        read_articles(tmp_path)


@pytest.mark.parametrize("escaping", ["../secret.txt", "/etc/passwd", "sub/../../x.txt", "C:/x.txt"])
def test_manifest_path_escaping_the_folder_is_refused(tmp_path, escaping):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(tmp_path, "secret.txt", "Secret headline\nNot part of the corpus.\n")
    write(corpus, "a.txt", ARTICLE)
    write(corpus, "manifest.csv", f"file,doc_id\na.txt,A\n{escaping},S\n")
    articles, problems = read_articles(corpus)
    assert list(articles["doc_id"]) == ["A"]
    assert any("leaves the corpus folder" in p for p in problems_for(problems, escaping))


def test_unparseable_date_is_left_empty_and_reported(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "manifest.csv", "file,doc_id,published\na.txt,A,13/02/2025\n")
    articles, problems = read_articles(tmp_path)
    assert articles.loc[0, "published"] == ""
    assert "13/02/2025" in articles.loc[0, "published_note"]
    assert "not YYYY-MM-DD" in problems_for(problems, "a.txt")[0]


def test_manifest_without_file_column_is_an_error(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "manifest.csv", "name,doc_id\na.txt,A\n")
    with pytest.raises(CorpusError, match="no 'file' column"):
        read_articles(tmp_path)


def test_missing_folder_is_an_error(tmp_path):
    with pytest.raises(CorpusError, match="not a folder"):
        read_articles(tmp_path / "nowhere")


def test_load_corpus_warns_with_the_file_name(tmp_path):
    write(tmp_path, "ok.txt", ARTICLE)
    write(tmp_path, "empty.txt", b"")
    with pytest.warns(CorpusProblemWarning, match="empty.txt: file is empty"):
        articles = load_corpus(tmp_path)
    assert len(articles) == 1
    assert list(articles.attrs["problems"]["file"]) == ["empty.txt"]


def test_load_corpus_strict_raises_on_errors(tmp_path):
    write(tmp_path, "empty.txt", b"")
    with pytest.raises(CorpusError, match="empty.txt"):
        load_corpus(tmp_path, strict=True)


def test_reading_is_deterministic():
    first, _ = read_articles(seeds_dir())
    second, _ = read_articles(seeds_dir())
    pd.testing.assert_frame_equal(first, second)


def test_no_warning_on_clean_folder(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_corpus(tmp_path)
    assert os.listdir(tmp_path) == ["a.txt"]


def test_known_slips_are_located_with_offsets():
    from analysis_helpers.corpus.build import open_corpus
    from analysis_helpers.evaluation.slips import locate_slips, read_known_slips

    corpus = open_corpus()
    located = locate_slips(corpus)
    texts = dict(zip(corpus.articles["doc_id"], corpus.articles["text"]))
    assert (located["start"] >= 0).all(), "every documented slip is in its article"
    for row in located.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.claim
    assert set(located["claim"]) == set(read_known_slips()["claim"])


def test_a_slip_not_in_the_text_is_kept_with_minus_one():
    import pandas as pd

    from analysis_helpers.evaluation.slips import locate_slips

    slips = pd.DataFrame([{"doc_id": "a", "claim": "Mark Smith", "problem": "p", "correction": "c", "source": "s"}])
    articles = pd.DataFrame({"doc_id": ["a"], "text": ["Headline here\nJohn Smith spoke on Monday."]})
    located = locate_slips(articles, slips)
    assert list(located["start"]) == [-1]


# ---------------------------------------------------------------- DataFrame input is checked at the boundary

def test_repeated_doc_ids_are_refused_with_their_names():
    articles = pd.DataFrame({"doc_id": ["a", "b", "a"], "text": ["One.", "Two.", "Three."]})
    with pytest.raises(CorpusError, match="doc_id repeated: a"):
        open_corpus(articles)


def test_missing_text_column_and_missing_texts_are_named():
    with pytest.raises(CorpusError, match="no 'text' column"):
        open_corpus(pd.DataFrame({"doc_id": ["a"], "body": ["x"]}))
    with pytest.raises(CorpusError, match="not a string for doc_id b"):
        open_corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": ["Fine.", None]}))


def test_numeric_doc_ids_are_refused_with_the_fix():
    with pytest.raises(CorpusError, match="doc_id must be text.*dtype"):
        build_corpus(pd.DataFrame({"doc_id": [1, 2], "text": ["One.", "Two."]}))


def test_the_tools_own_articles_csv_reads_back_into_the_same_corpus(tmp_path):
    from analysis_helpers.schema import read_table

    corpus = open_corpus()
    articles = pd.concat([corpus.articles, corpus.articles.iloc[:1].assign(doc_id="999", text="", n_chars=0)])
    articles.to_csv(tmp_path / "articles.csv", index=False)
    for back in (read_table(tmp_path / "articles.csv"),
                 pd.read_csv(tmp_path / "articles.csv", dtype={"doc_id": str}, keep_default_na=False)):
        again = open_corpus(back)
        assert list(again.articles["doc_id"]) == list(articles["doc_id"])
        assert again.blocks[["doc_id", "start", "end", "role"]].equals(
            corpus.blocks[["doc_id", "start", "end", "role"]])
