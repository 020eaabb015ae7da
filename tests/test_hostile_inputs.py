"""Hostile inputs: one bad article never crashes, stalls or silently drops anything.

Each case of issue 15 that belongs to reading, decoding and the per-article steps is a
regression test here. Cost tests compare a hostile text with plain prose of the same
size, timed in the same test (CPU time), so they hold on a slow or busy machine; the
sizes are the smallest that showed the old quadratic behaviour within a second or two.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analysis_helpers.corpus.build import ARTICLE_COLUMNS, build_corpus, read_articles, read_manifest
from analysis_helpers.corpus.decoding import decode_article_bytes, UnreadableFile
from analysis_helpers.figures.extract import extract_figures
from analysis_helpers.figures.number_words import cardinal_value
from analysis_helpers.quotes.extract import extract_quotes
from analysis_helpers.timeline.build import build_timeline
from analysis_helpers.timexes.document_dates import document_dates
from analysis_helpers.timexes.extract import extract_timexes

PROSE = ("The minister said the talks in Brussels would continue next week. Officials met on "
         "Tuesday to discuss the budget, and the committee approved the plan. ")
ARTICLE = "NATO ministers meet in Brussels\nThe minister said the talks went well on Monday.\n"


def one_article(text: str, published: str = "2025-02-12", doc_id: str = "a") -> pd.DataFrame:
    """An ``articles`` table of one article (what read_articles would give)."""
    return pd.DataFrame([{"doc_id": doc_id, "file": f"{doc_id}.txt", "title": "", "outlet": "", "url": "",
                          "published": published, "text": text, "n_chars": len(text), "n_words": 0,
                          "published_note": "", "encoding": "utf-8", "changes": ""}], columns=ARTICLE_COLUMNS)


def repeat_to(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def cpu_seconds(func, *args) -> float:
    start = time.process_time()
    func(*args)
    return time.process_time() - start


def corpus_step(text):
    return build_corpus(one_article(text))


def step_on(step):
    def run(text):
        return step(build_corpus(one_article(text)))
    return run


def assert_linear(step, hostile_unit: str, size: int, factor: float = 8.0) -> None:
    """``step`` on ``size`` characters of a repeated hostile unit costs at most ``factor`` times prose."""
    step(PROSE)  # warm the caches (compiled patterns, lexicons)
    prose = cpu_seconds(step, repeat_to(PROSE, size))
    hostile = cpu_seconds(step, repeat_to(hostile_unit, size))
    assert hostile <= factor * prose + 0.5, f"{hostile_unit!r} x {size}: {hostile:.2f} s against prose {prose:.2f} s"


# --------------------------------------------------------------------------- linear cost
@pytest.mark.parametrize("unit", ["Mr. ", "U.S. ", "Mr.Smith "])
def test_repeated_abbreviations_segment_in_linear_time(unit):
    # sentence_count re-searched the text before every stop: 10 KB of "Mr. " took 2 s, 100 KB 159 s
    assert_linear(corpus_step, unit, 20_000)


def test_one_line_scrape_costs_what_the_same_text_one_sentence_a_line_costs():
    # a 100 KB one-line live blog took 16 s against 4 s for the same text one sentence per line, and a
    # 2 MB single line did not finish segmenting in 560 s: compare the two layouts of one text, all steps
    one_line = repeat_to(PROSE, 100_000)
    assert "\n" not in one_line
    per_line = one_line.replace(". ", ".\n")
    all_tables(PROSE)  # warm the caches
    lines = cpu_seconds(all_tables, per_line)
    single = cpu_seconds(all_tables, one_line)
    assert single <= 2.0 * lines + 0.5, f"one line {single:.2f} s against one sentence a line {lines:.2f} s"
    corpus = corpus_step(one_line)
    assert len(corpus.blocks) == 1 and len(corpus.sentences) > 500


def test_repeated_weekday_is_linear_in_timexes():
    # clause tense scanned the whole sentence once per expression: 20 KB took 57 s
    assert_linear(step_on(extract_timexes), "on Monday ", 20_000)


@pytest.mark.parametrize("unit", ["on Monday ", "12 February 2025 ", "He spoke on Monday. "])
def test_repeated_dates_are_linear_in_the_timeline(unit):
    # the timeline filtered frames per mention and compared every pair of mentions: 10 KB took 31 s;
    # each dated sentence read every pronoun-led sentence after it in its block: 100 KB took 121 s
    assert_linear(step_on(build_timeline), unit, 10_000)


def test_repeated_cue_is_linear_in_quotes():
    # each "said" searched its whole sentence from the start: 20 KB took 3.5 s
    assert_linear(step_on(extract_quotes), "said ", 20_000)


@pytest.mark.parametrize("unit, step", [("\u00a0said 2", extract_figures),
                                        ("The minister said on Monday “yes” ", extract_quotes)])
def test_a_run_with_no_sentence_end_is_cut_so_rows_carrying_their_sentence_stay_linear(unit, step):
    # one 50 KB "sentence" with a figure or a quote every few words: each row carried the whole sentence
    # (figures.sentence, the quotes' context): 5.7 s for figures and 8.9 s for quotes on 100 KB
    from analysis_helpers.corpus.sentences import MAX_SENTENCE_CHARS

    text = repeat_to(unit, 50_000)
    sentences = corpus_step(text).sentences
    assert len(sentences) >= 50_000 // MAX_SENTENCE_CHARS and (sentences["end"] - sentences["start"]).max() <= MAX_SENTENCE_CHARS
    assert all(text[r.start:r.end] == r.text == r.text.strip() for r in sentences.itertuples())
    assert_linear(step_on(step), unit, 50_000)


def test_document_dates_group_the_corpus_once():
    # the corpus tables were filtered once per undated document: quadratic in files
    def dates_of(n):
        articles = pd.concat([one_article(f"Headline {i}\nThe minister spoke on Monday.\n", published="",
                                          doc_id=f"d{i:05d}") for i in range(n)], ignore_index=True)
        corpus = build_corpus(articles)
        return cpu_seconds(document_dates, corpus)

    dates_of(5)
    small, large = dates_of(100), dates_of(800)
    assert large <= 8 * 2.5 * small + 0.3, (small, large)


# --------------------------------------------------------------------------- values out of range
def test_long_chain_of_number_words_is_no_figure():
    assert cardinal_value("one hundred " * 400) is None
    assert cardinal_value("two hundred thousand") == 200_000.0
    figures = extract_figures(build_corpus(one_article("It cost " + "one hundred " * 400 + "dollars.")))
    assert isinstance(figures, pd.DataFrame)


@pytest.mark.parametrize("text, published", [
    ("It happened 99999999999 days ago.", "2025-02-12"),
    ("It happened on 9999-12-31. A day later it rained.", "2025-02-12"),
    ("He came on Monday and will return tomorrow, next week and in 3 years.", "9999-12-31"),
    ("He came on Monday, the day before, last year.", "0001-01-01"),
])
def test_date_arithmetic_leaving_the_calendar_stays_unresolved(text, published):
    corpus = build_corpus(one_article(text, published=published))
    timexes = extract_timexes(corpus)
    build_timeline(corpus)
    article = corpus.articles.loc[0, "text"]
    for row in timexes.itertuples():
        assert article[row.start:row.end] == row.text
    assert (timexes["anchor"] == "out of calendar range").any() or published != "2025-02-12"


def test_date_arithmetic_leaving_the_calendar_is_a_warning_row():
    from analysis_helpers.pipeline import RunOptions, extract_corpus
    from analysis_helpers.topics.model import TopicOptions

    text = "It happened 99999999999 days ago. On 9999-12-31 it rained, and a day later it snowed on Monday."
    tables = extract_corpus(build_corpus(one_article(text)), RunOptions(topics=TopicOptions(mode="off")))
    (row,) = tables["problems"].to_dict("records")
    assert row["file"] == "a.txt" and row["severity"] == "warning" and row["step"] == "timexes"
    assert row["problem"].startswith("2 date expression(s) fall outside years 1 to 9999")
    assert (tables["timexes"]["anchor"] == "out of calendar range").sum() == 2
    assert "Monday" in set(tables["timexes"]["text"])  # the article's other dates are kept


# --------------------------------------------------------------------------- reading a folder
def write(folder: Path, name, data) -> Path:
    path = folder / name if isinstance(name, str) else Path(os.fsdecode(bytes(folder) + b"/" + name))
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def problem_for(problems: pd.DataFrame, file: str) -> str:
    rows = problems.loc[problems["file"] == file, "problem"].tolist()
    assert rows, f"no problem row for {file}: {problems.to_dict('records')}"
    return " | ".join(rows)


def test_oversized_file_is_refused_without_being_read(tmp_path, monkeypatch):
    write(tmp_path, "ok.txt", ARTICLE)
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:  # sparse: 2 GB on paper, nothing on disk
        handle.truncate(2 * 1024 ** 3)
    real_open = open

    class Unreadable:  # the handle of the huge file: its size may be asked, its bytes may not be read
        def __init__(self, handle):
            self.handle = handle

        def fileno(self):
            return self.handle.fileno()

        def read(self, *args):
            raise AssertionError("the oversized file was read")

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

    def open_all_but_huge(path, *args, **kwargs):
        handle = real_open(path, *args, **kwargs)
        return Unreadable(handle) if Path(path) == huge else handle

    monkeypatch.setattr("builtins.open", open_all_but_huge)
    articles, problems = read_articles(tmp_path)
    assert list(articles["file"]) == ["ok.txt"]
    assert "over the" in problem_for(problems, "huge.txt")


def test_unreadable_file_is_a_problem_not_a_crash(tmp_path, monkeypatch):
    write(tmp_path, "ok.txt", ARTICLE)
    locked = write(tmp_path, "locked.txt", ARTICLE)
    real_open = open

    def refusing_open(path, *args, **kwargs):  # chmod 000 does not stop root, so refuse like the OS would
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refusing_open)
    articles, problems = read_articles(tmp_path)
    assert list(articles["file"]) == ["ok.txt"]
    assert "Permission denied" in problem_for(problems, "locked.txt")


def test_non_utf8_file_name_is_read_and_written_safely(tmp_path):
    write(tmp_path, b"caf\xe9.txt", ARTICLE)
    articles, problems = read_articles(tmp_path)
    assert list(articles["file"]) == ["caf\\xe9.txt"]
    assert "not UTF-8" in problem_for(problems, "caf\\xe9.txt")
    articles.to_csv(tmp_path.parent / "articles_out.csv")  # no UnicodeEncodeError


def test_skipped_entries_are_named(tmp_path):
    write(tmp_path, "ok.txt", ARTICLE)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "inner.txt", ARTICLE)
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    write(tmp_path, ".txt", ARTICLE)
    articles, problems = read_articles(tmp_path)
    assert list(articles["file"]) == ["ok.txt"]
    assert "not recursive" in problem_for(problems, "sub")
    assert "FIFO" in problem_for(problems, "pipe.txt")
    assert "broken link" in problem_for(problems, "broken.txt")
    assert "loops" in problem_for(problems, "loop.txt")
    assert "no name before the suffix" in problem_for(problems, ".txt")


def test_recursive_reads_subfolders(tmp_path):
    write(tmp_path, "ok.txt", ARTICLE)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "inner.txt", ARTICLE)
    articles, problems = read_articles(tmp_path, recursive=True)
    assert sorted(articles["file"]) == ["ok.txt", "sub/inner.txt"]
    assert problems.empty
    (tmp_path / "sub" / "back").symlink_to(tmp_path)  # a link that loops back up: each folder is read once
    articles, problems = read_articles(tmp_path, recursive=True)
    assert sorted(articles["file"]) == ["ok.txt", "sub/inner.txt"]
    assert "reached again through a link" in problem_for(problems, "sub/back")


def test_manifest_faults_are_reported(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", ARTICLE)
    write(tmp_path, "manifest.csv", "file,doc_id,outlet,published,extra\n"
                                    "a.txt,A,Le Monde,9999-12-31,x,surplus\n".encode("utf-8")
          + "b.txt,B,Caf\xe9 News,2025-02-12,y\n".encode("cp1252"))
    manifest, problems = read_manifest(tmp_path)
    text = " | ".join(p["problem"] for p in problems)
    assert "extra fields" in text and "'extra'" in text and "bytes read as Windows-1252" in text
    assert "year from" in text
    assert manifest.set_index("doc_id").loc["A", "published"] == ""
    assert manifest.set_index("doc_id").loc["B", "outlet"] == "Caf\xe9 News"


MANIFEST_WITH_LINE_BREAKS = ('file,doc_id,outlet,url,published_note\n'
                             'a.txt,A,"Le\rMonde","http://example.invalid/\r\nx",plain\n'  # lines 2 to 4
                             'b.txt,"B\rid",Times,,"note\u2028two\nthree"\n'  # lines 5 to 7
                             '"c\r.txt",C,"Daily\rPost",,\n')  # lines 8 and 9


def test_line_breaks_in_manifest_fields_are_normalised_and_named(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", ARTICLE)
    write(tmp_path, "c\r.txt", ARTICLE)
    write(tmp_path, "manifest.csv", MANIFEST_WITH_LINE_BREAKS)
    manifest, problems = read_manifest(tmp_path)
    rows = manifest.set_index("file")
    # free text: CRLF and CR become LF, as in texts; other line breaks (U+2028, LF) are kept as in texts
    assert rows.loc["a.txt", "outlet"] == "Le\nMonde" and rows.loc["a.txt", "url"] == "http://example.invalid/\nx"
    assert rows.loc["b.txt", "published_note"] == "note\u2028two\nthree"
    # identifiers stay on one line: escaped as a file name is shown, so the file c\r.txt still finds its row
    assert rows.loc["b.txt", "doc_id"] == "B\\x0did" and rows.loc["c\\x0d.txt", "outlet"] == "Daily\nPost"
    named = {(p["file"], p["problem"]) for p in problems}
    assert named == {
        ("a.txt", "manifest.csv line 2, field 'outlet': read with changes: cr-to-lf"),
        ("a.txt", "manifest.csv line 2, field 'url': read with changes: crlf-to-lf"),
        ("b.txt", "manifest.csv line 5, field 'doc_id': read with changes: line breaks written as \\xNN escapes"),
        ("c\\x0d.txt", "manifest.csv line 8, field 'file': read with changes: line breaks written as \\xNN escapes"),
        ("c\\x0d.txt", "manifest.csv line 8, field 'outlet': read with changes: cr-to-lf"),
    }
    articles, problems = read_articles(tmp_path)
    assert list(articles["doc_id"]) == ["A", "B\\x0did", "C"]  # every file matched its manifest row
    assert "file name holds line breaks" in problem_for(problems, "c\\x0d.txt")


def test_csvs_read_back_to_the_rows_written_when_names_and_manifest_hold_line_breaks(tmp_path):
    import json

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c\r.txt"):
        write(folder, name, ARTICLE)
    write(folder, "manifest.csv", MANIFEST_WITH_LINE_BREAKS)
    write(folder, "d\u2028e.txt", ARTICLE.replace("Monday", "Friday"))
    extract_command(folder, "--out", tmp_path / "out")
    counts = json.loads((tmp_path / "out" / "_SUCCESS.json").read_text("utf-8"))["tables"]
    for table in (tmp_path / "out").glob("*.csv"):
        back = pd.read_csv(table, dtype=str, keep_default_na=False)
        assert len(back) == counts[table.stem], table.name
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", dtype=str, keep_default_na=False)
    assert list(articles["file"]) == ["a.txt", "b.txt", "c\\x0d.txt", "d\\u2028e.txt"]
    assert list(articles["outlet"]) == ["Le\nMonde", "Times", "Daily\nPost", ""]
    assert list(articles["doc_id"]) == ["A", "B\\x0did", "C", "d\\u2028e"]
    problems = pd.read_csv(tmp_path / "out" / "problems.csv", dtype=str, keep_default_na=False)
    assert problems["problem"].str.contains("field 'outlet': read with changes: cr-to-lf").sum() == 2


def test_unreadable_manifest_is_a_clear_error(tmp_path):
    from analysis_helpers.corpus.build import CorpusError

    write(tmp_path, "a.txt", ARTICLE)
    (tmp_path / "manifest.csv").mkdir()
    with pytest.raises(CorpusError, match="manifest"):
        read_articles(tmp_path)


def test_unreadable_manifest_stops_the_command_with_exit_2_and_writes_nothing(tmp_path, capsys):
    from analysis_helpers.cli import EXIT_USAGE

    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "a.txt", ARTICLE)
    (folder / "manifest.csv").mkdir()
    assert extract_command(folder, "--out", tmp_path / "out") == EXIT_USAGE
    assert "manifest is not a regular file" in capsys.readouterr().err
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


# --------------------------------------------------------------------------- decoding
def test_one_stray_byte_does_not_redecode_a_utf8_article():
    text = "“Yes,” she said. The café opened.\n"
    data = text.encode("utf-8").replace(b"opened", b"op\x92ened")
    decoded = decode_article_bytes(data)
    assert decoded.text == text.replace("opened", "op’ened")
    assert decoded.encoding == "utf-8" and decoded.replaced_bytes == 1
    assert "1 bytes" in decoded.describe_changes()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-be"])
def test_utf16_and_utf32_with_a_bom_are_decoded(encoding):
    text = "Headline\n“Yes,” she said in Liège.\n"
    data = ("\ufeff" + text).encode(encoding) if encoding.endswith("-be") else text.encode(encoding)
    decoded = decode_article_bytes(data)
    assert decoded.text == text
    assert decoded.encoding in ("utf-16", "utf-32")


@pytest.mark.parametrize("data", ["\u00a0\u00a0\n \u00a0".encode(), b"\xef\xbb\xbf", "\ufeff\u200b\n".encode(),
                                  "\ufeff".encode("utf-16")])
def test_blank_after_decoding_is_refused(data):
    with pytest.raises(UnreadableFile, match="no visible text"):
        decode_article_bytes(data)


def test_own_articles_csv_reads_back(tmp_path):
    write(tmp_path, "001.txt", ARTICLE)
    articles, _ = read_articles(tmp_path)
    articles.to_csv(tmp_path.parent / "articles.csv", index=False)
    again = pd.read_csv(tmp_path.parent / "articles.csv", dtype=str, keep_default_na=False)
    corpus = build_corpus(again)
    assert corpus.articles.loc[0, "doc_id"] == "001"
    assert len(corpus.sentences) == len(build_corpus(articles).sentences)


#: Cue chains around quotation marks: a cue before every open mark, a cue and a quotation every few words
#: with no sentence end, a quotation and its cue per sentence, a figure after every cue, a statement's or a
#: document's wording before every mark, a name and its apposition before every cue.
CUE_CHAINS = ["said “", "The minister said on Monday “yes” ", '"Yes," he said. ', "\u00a0said 2", "It said: “",
              "Article 5 (“", "Ana Ruiz, president of Acme, said “"]


@pytest.mark.parametrize("unit", CUE_CHAINS)
def test_cue_chains_cost_like_prose(unit):
    # every quotation searched its 300-character look-behind for a document or a statement's wording, and
    # every cue listed the mentions from its sentence's start: 'said “' repeated cost 3.4 times prose (3.95 s
    # per 100 KB against 1.15 in the bench). The whole article path, both texts timed here (the lesser of two
    # runs each, CPU time), so a loaded machine slows both alike.
    all_tables(PROSE)  # warm the caches
    prose = min(per_100k(repeat_to(PROSE + "\n", 40_000)) for _ in range(2))
    hostile = min(per_100k(repeat_to(unit, 40_000)) for _ in range(2))
    assert hostile <= 2.0 * prose + 0.2, f"{unit!r}: {hostile:.2f} s per 100 KB against prose {prose:.2f} s"


# --------------------------------------------------------------------------- property test
HOSTILE_PIECES = [
    "Mr. ", "U.S. ", "Gen.", "No. 5 ", "said ", "told reporters ", "according to ", "“", "”", "\"", "'", "‘",
    "’", "«", "»", "1", "2", "99999999999", "12 February 2025 ", "on Monday ", "9999-12-31 ", "a day later ",
    "one hundred ", "million ", "%", "$", "\n", " ", ".", ",", "Ж", "中文", "مرحبا", "e\u0301", "\u200d",
    "\u200b", "\u00a0", "👩\u200d💻", "Hegseth ", "NATO ", "The minister said ", "(", ")", "—", "…",
]


def all_tables(text: str) -> dict[str, pd.DataFrame]:
    corpus = build_corpus(one_article(text))
    return {"blocks": corpus.blocks, "sentences": corpus.sentences, "quotes": extract_quotes(corpus),
            "timexes": extract_timexes(corpus), "events": build_timeline(corpus),
            "figures": extract_figures(corpus)}


def check_offsets(text: str, tables: dict[str, pd.DataFrame]) -> None:
    for name, table in tables.items():
        if {"start", "end", "text"} <= set(table.columns):
            for row in table.itertuples():
                assert text[row.start:row.end] == row.text, (name, row)


#: Runs of one hostile unit: repeated abbreviations, cue chains, quote-mark soups, digit and date runs.
RUN_UNITS = ["Mr. ", "U.S. ", "said ", "told reporters according to ", "“”\"'‘’«»„ ", "1", "99999999999 ",
             "12 February 2025 ", "on Monday ", "9999-12-31 ", "e\u0301", "\u200d", "Ж中文مرحبا ", '"Yes," he said. ',
             "The minister said on Monday “yes” ", *CUE_CHAINS]


def hostile_texts(max_pieces: int, max_run: int):
    """Texts of hostile pieces and of runs of one unit (up to ``max_run`` times), mixed in any order."""
    piece = st.one_of(st.sampled_from(HOSTILE_PIECES),
                      st.builds(lambda unit, n: unit * n, st.sampled_from(RUN_UNITS), st.integers(2, max_run)))
    return st.lists(piece, min_size=1, max_size=max_pieces).map("".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile_texts(60, 400), st.integers(1, 20))
def test_hostile_texts_never_raise_and_keep_offsets(text, repeat):
    text = (text * repeat)[:40_000]
    tables = all_tables(text)
    check_offsets(text, tables)


def per_100k(text: str) -> float:
    return cpu_seconds(all_tables, text) * 100_000 / len(text)


@settings(max_examples=1, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile_texts(12, 50).filter(lambda unit: "\n" not in unit))
def test_megabyte_single_lines_never_raise_keep_offsets_and_cost_like_prose(unit):
    text = repeat_to(unit, 1_000_000)
    all_tables(PROSE)
    prose = per_100k(repeat_to(PROSE + "\n", 100_000))
    started = time.process_time()
    tables = all_tables(text)
    hostile = (time.process_time() - started) / 10
    check_offsets(text, tables)
    assert hostile <= 6 * prose + 0.2, f"{unit[:80]!r}: {hostile:.2f} s per 100 KB against prose {prose:.2f} s"


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile_texts(8, 20))
@example("Gen.")  # found by this test: an e-mail pattern retried a dotted word run from every start (23 s per 100 KB)
def test_hostile_texts_cost_like_prose(unit):
    # every step of the article path on 40 KB of the hostile text, against 40 KB of prose in the same test (the
    # issue's target is 2 s per 100 KB where prose costs about 0.9; the bench measures it; this bound leaves room
    # for a loaded machine), and against 10 KB of itself: four times the text costs about four times, not 16
    all_tables(PROSE)
    prose = per_100k(repeat_to(PROSE + "\n", 40_000))
    quarter = cpu_seconds(all_tables, repeat_to(unit, 10_000))
    whole = cpu_seconds(all_tables, repeat_to(unit, 40_000))
    hostile = whole * 100_000 / 40_000
    assert hostile <= 6 * prose + 0.3, f"{unit[:80]!r}: {hostile:.2f} s per 100 KB against prose {prose:.2f} s"
    assert whole <= 7 * quarter + 0.2, f"{unit[:80]!r}: {whole:.2f} s on 40 KB against {quarter:.2f} s on 10 KB"


# --------------------------------------------------------------------------- determinism
def test_tables_are_identical_under_any_hash_seed(tmp_path):
    script = (
        "import sys, pandas as pd\n"
        "sys.path.insert(0, %r)\n"
        "from test_hostile_inputs import all_tables\n"
        "text = %r\n"
        "for name, table in all_tables(text).items():\n"
        "    sys.stdout.write(name + '\\n' + table.to_csv(index=False))\n"
    ) % (str(Path(__file__).parent), "Mr. Smith said “yes” on Monday, 12 February 2025.\n" + PROSE * 5)
    outputs = []
    for seed in ("1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, env=env, check=True)
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] and len(outputs[0]) > 1000


def test_the_command_writes_identical_tables_under_two_hash_seeds(tmp_path):
    # the whole command, topic model and corpus steps included, on the seeds plus hostile files
    import shutil

    from analysis_helpers.paths import seeds_dir
    from analysis_helpers.runner.outputs import COMPLETION_FILE

    folder = tmp_path / "in"
    folder.mkdir()
    for path in seeds_dir().iterdir():
        if path.suffix in (".txt", ".csv"):
            shutil.copy(path, folder / path.name)
    write(folder, "win.txt", "Caf\xe9 owners met on Monday.\r\n“We will reopen,” one said.\r\n".encode("cp1252"))
    write(folder, "far.txt", "Headline\nIt rained on 9999-12-31, and a day later it snowed. Mr. Smith said so.\n")
    write(folder, "empty.txt", b"")
    outputs = []
    for seed in ("1", "12345"):
        out = tmp_path / f"out{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": os.pathsep.join(sys.path)}
        subprocess.run([sys.executable, "-m", "analysis_helpers.cli", "extract", str(folder), "--out", str(out),
                        "--jobs", "1", "--no-progress"], env=env, capture_output=True, check=False)
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.name != COMPLETION_FILE})
    assert outputs[0] == outputs[1]
    assert {"topics.csv", "quotes.csv", "problems.csv"} <= set(outputs[0]) and outputs[0]["quotes.csv"].count(b"\n") > 5


# --------------------------------------------------------------------------- the command: status and outputs
def extract_command(*args: str) -> int:
    from analysis_helpers.cli import main

    return main(["extract", *map(str, args), "--no-progress", "--topics", "off"])


def test_no_article_read_exits_2_and_writes_nothing(tmp_path, capsys):
    from analysis_helpers.cli import EXIT_OK, EXIT_USAGE

    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "empty.txt", b"")
    write(folder, "nbsp.txt", "\u00a0 \n")
    write(folder, "bin.txt", b"\x00\x01\x02binary")
    assert extract_command(folder, "--out", tmp_path / "out") == EXIT_USAGE
    assert list((tmp_path / "out").iterdir()) == []  # no table, no _SUCCESS.json
    err = capsys.readouterr().err
    assert "no article read" in err and "empty.txt" in err and "bin.txt" in err
    # an earlier complete output in --out is left as it was
    write(folder, "ok.txt", ARTICLE)
    assert extract_command(folder, "--out", tmp_path / "out") != EXIT_USAGE
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}
    (folder / "ok.txt").unlink()
    assert extract_command(folder, "--out", tmp_path / "out") == EXIT_USAGE
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()} == before
    assert EXIT_OK != EXIT_USAGE


def test_unwritable_out_is_refused_before_any_work(tmp_path, capsys, monkeypatch):
    from analysis_helpers import cli
    from analysis_helpers.cli import EXIT_USAGE

    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "ok.txt", ARTICLE)
    (tmp_path / "a_file").write_text("x")
    monkeypatch.setattr(cli, "open_input", lambda *a, **k: pytest.fail("the input was read before --out was checked"))
    assert extract_command(folder, "--out", tmp_path / "a_file" / "out") == EXIT_USAGE
    assert "cannot write there" in capsys.readouterr().err


def test_a_failure_between_the_two_renames_puts_the_earlier_output_back(tmp_path, monkeypatch, capsys):
    # the earlier output is moved aside before the new one is moved in; a failure in between left OUT
    # missing and the earlier tables in a hidden .OUT.old-PID folder
    from analysis_helpers.cli import EXIT_USAGE
    from analysis_helpers.runner import outputs

    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "ok.txt", ARTICLE)
    out = tmp_path / "out"
    assert extract_command(folder, "--out", out) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real_replace = os.replace

    def failing_replace(source, target):
        if Path(source).name.startswith(".out.tmp-"):
            raise OSError(5, "Input/output error")
        return real_replace(source, target)

    monkeypatch.setattr(outputs.os, "replace", failing_replace)
    write(folder, "new.txt", ARTICLE.replace("Monday", "Sunday"))
    assert extract_command(folder, "--out", out) == EXIT_USAGE
    assert "Input/output error" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]  # nothing hidden left beside OUT


def dead_pid() -> int:
    """The id of a process that has ended (a child started and waited for)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_run_killed_while_writing_leaves_nothing_behind_for_the_next_run(tmp_path):
    # a run killed (SIGKILL, the OOM killer) leaves its lock, its staging folder with the spilled parts (as large
    # as the tables) and, between the two renames, the earlier output moved aside; the next run took the lock
    # over but left the folders beside --out for ever, and OUT empty when the kill fell between the renames
    from analysis_helpers.runner.outputs import COMPLETION_FILE

    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "ok.txt", ARTICLE)
    out = tmp_path / "out"
    assert extract_command(folder, "--out", out) == 0
    earlier = {p.name: p.read_bytes() for p in out.iterdir()}
    pid = dead_pid()
    (tmp_path / ".out.lock").write_text(str(pid))
    (tmp_path / f".out.tmp-{pid}" / "_parts").mkdir(parents=True)
    (tmp_path / f".out.tmp-{pid}" / "_parts" / "quotes-00000.csv").write_text("doc_id\n")
    out.rename(tmp_path / f".out.old-{pid}")  # killed between the two renames: OUT moved aside
    from analysis_helpers.runner.outputs import OutputLock

    lock = OutputLock(out).acquire()
    try:
        assert {p.name: p.read_bytes() for p in out.iterdir()} == earlier  # the earlier output is back
    finally:
        lock.release()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]
    (tmp_path / f".out.tmp-{pid}").mkdir()  # and beside a complete output, the leftover is removed
    assert extract_command(folder, "--out", out) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"] and (out / COMPLETION_FILE).exists()


def test_non_utf8_file_name_goes_through_the_whole_command(tmp_path):
    from analysis_helpers.cli import EXIT_OK

    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, b"caf\xe9.txt", ARTICLE)
    write(folder, "ok.txt", ARTICLE.replace("Monday", "Tuesday"))
    assert extract_command(folder, "--out", tmp_path / "out") == EXIT_OK  # a warning is no error
    for table in (tmp_path / "out").glob("*.csv"):
        table.read_bytes().decode("utf-8")  # every table is valid UTF-8
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", dtype=str, keep_default_na=False)
    assert sorted(articles["file"]) == ["caf\\xe9.txt", "ok.txt"]
    sentences = pd.read_csv(tmp_path / "out" / "sentences.csv", dtype=str, keep_default_na=False)
    assert set(sentences["doc_id"]) == set(articles["doc_id"])


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_excel_output_neutralises_every_formula_start_and_plain_csv_keeps_it(tmp_path, start):
    from analysis_helpers.runner.outputs import excel_safe, write_table

    cell = start + "SUM(A1:A9)"
    table = pd.DataFrame({"doc_id": ["a", "b"], "text": [cell, "plain - text"], "value": [-5.0, 3.0]})
    assert excel_safe(table)["text"].tolist() == ["'" + cell, "plain - text"]
    assert excel_safe(table)["value"].tolist() == [-5.0, 3.0]  # numbers stay numbers
    if start == "\r":  # no table cell holds a CR: inputs' line ends are made LF (next test)
        return
    (tmp_path / "plain").mkdir()
    (tmp_path / "xl").mkdir()
    plain = write_table(table, tmp_path / "plain", "t")
    excel = write_table(table, tmp_path / "xl", "t", excel=True)
    back_plain = pd.read_csv(plain, dtype=str, keep_default_na=False)
    back_excel = pd.read_csv(excel, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert back_plain["text"].tolist() == [cell, "plain - text"]  # the plain CSV keeps the text exactly
    assert back_excel["text"].tolist() == ["'" + cell, "plain - text"]
    assert back_excel["value"].tolist() == back_plain["value"].tolist() == ["-5.0", "3.0"]


def test_carriage_returns_in_a_table_input_become_line_feeds_so_the_csv_reads_back(tmp_path):
    from analysis_helpers.runner.inputs import articles_from_table

    table = pd.DataFrame({"doc_id": ["x\ry"], "title": ["Head\rline"], "outlet": ["Le\r\nMonde"],
                          "text": ["Headline\r\nThe minister said on Monday.\rThe talks went well.\n"]})
    articles, problems = articles_from_table(table, "pull.jsonl")
    assert articles.loc[0, "text"] == "Headline\nThe minister said on Monday.\nThe talks went well.\n"
    assert articles.loc[0, "title"] == "Head\nline" and articles.loc[0, "changes"] == "crlf-to-lf;cr-to-lf"
    assert articles.loc[0, "outlet"] == "Le\nMonde" and articles.loc[0, "doc_id"] == "x\\x0dy"
    assert problems["problem"].tolist() == [
        "read with changes: crlf-to-lf, cr-to-lf",  # the text (its changes column too)
        "row 1, field 'doc_id': read with changes: line breaks written as \\xNN escapes",
        "row 1, field 'title': read with changes: cr-to-lf",
        "row 1, field 'outlet': read with changes: crlf-to-lf",
    ] and set(problems["file"]) == {"pull.jsonl:1"}
    articles.to_csv(tmp_path / "articles.csv", index=False, lineterminator="\n")  # as the command writes it
    back = pd.read_csv(tmp_path / "articles.csv", dtype=str, keep_default_na=False)
    assert back[["doc_id", "text", "title", "outlet"]].equals(articles[["doc_id", "text", "title", "outlet"]])


@pytest.mark.parametrize("extractor", [extract_quotes, extract_timexes, extract_figures, build_timeline])
@pytest.mark.parametrize("articles, message", [
    (pd.DataFrame({"doc_id": ["a", "a"], "text": ["He said so.", "She did."]}), "doc_id repeated: a"),
    (pd.DataFrame({"doc_id": [1, 2], "text": ["He said so.", "She did."]}), "doc_id must be text"),
    (pd.DataFrame({"doc_id": ["a"], "body": ["He said so."]}), "no 'text' column"),
])
def test_extractors_validate_a_dataframe_with_a_clear_error(extractor, articles, message):
    from analysis_helpers.corpus.build import CorpusError

    with pytest.raises(CorpusError, match=message):
        extractor(articles)


def test_help_says_reading_is_not_recursive_and_names_the_safety_options(capsys):
    from analysis_helpers.cli import main

    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "not recursive" in help_text and "--recursive" in help_text
    for option in ("--article-timeout", "--excel", "--max-bytes"):
        assert option in help_text, option


def test_problems_table_has_one_order_whatever_the_chunks_and_workers(tmp_path, monkeypatch):
    # per chunk, step problems came step by step, then article by article: chunk size 1 gave (article, step),
    # a larger chunk (step, article), and the calendar warnings came last in each chunk
    from analysis_helpers import pipeline

    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "empty.txt", b"")
    write(folder, "bin.txt", b"\x00\x01binary")
    write(folder, "win.txt", "Caf\xe9 owners met on Monday.\r\nThey said it went well.\r\n".encode("cp1252"))
    write(folder, "manifest.csv", 'file,outlet\nwin.txt,"Le\rMonde"\nghost.txt,Times\n')
    for i in range(7):
        fragile = " FRAGILE" if i % 3 else ""
        far = " It rained on 9999-12-31, and a day later it snowed." if i % 2 else ""
        write(folder, f"a{i}.txt", f"Headline {i}\nThe minister said 5 people came on Monday.{far}{fragile}\n")

    def failing(step):
        def run(corpus, *args, **kwargs):
            if corpus.articles["text"].str.contains("FRAGILE").any():
                raise ValueError(f"{step} cannot read this article")
            return getattr(pipeline, f"_real_{step}")(corpus, *args, **kwargs)
        return run

    for step in ("extract_figures", "extract_quotes"):  # forked workers (--jobs 2) inherit the patch
        monkeypatch.setattr(pipeline, f"_real_{step}", getattr(pipeline, step), raising=False)
        monkeypatch.setattr(pipeline, step, failing(step))
    written = {}
    for name, options in {"chunk 1": ["--chunk-size", "1", "--jobs", "1"],
                          "chunk 3": ["--chunk-size", "3", "--jobs", "1"],
                          "default chunk": ["--jobs", "1"],
                          "chunk 2, 2 workers": ["--chunk-size", "2", "--jobs", "2"]}.items():
        out = tmp_path / name.replace(" ", "_").replace(",", "")
        extract_command(folder, "--out", out, *options)
        written[name] = (out / "problems.csv").read_bytes()
    problems = pd.read_csv(tmp_path / "chunk_1" / "problems.csv", dtype=str, keep_default_na=False)
    assert set(problems["step"]) >= {"", "figures", "quotes", "timexes"}  # reading, failing and warning rows
    assert (problems["step"] == "figures").sum() == 4 and (problems["step"] == "timexes").sum() == 3
    assert {"empty.txt", "bin.txt", "ghost.txt", "win.txt"} <= set(problems["file"])
    key = ["file", "severity", "problem", "step", "error"]
    assert problems.equals(problems.sort_values(key).reset_index(drop=True))  # the documented order
    for name, table in written.items():
        assert table == written["chunk 1"], name
