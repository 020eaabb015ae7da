"""The analysis-helpers command line."""

import io
import subprocess
import sys

import pandas as pd

from analysis_helpers.cli import main
from analysis_helpers.paths import seeds_dir
from analysis_helpers.pipeline import EXTRACTORS
from analysis_helpers.schema import TABLES

BASE_TABLES = {
    "articles": ["doc_id", "file", "title", "outlet", "url", "published", "text", "n_chars", "n_words"],
    "blocks": ["doc_id", "block_id", "start", "end", "text", "role"],
    "sentences": ["doc_id", "block_id", "sent_id", "start", "end", "text"],
    "problems": ["file", "severity", "problem"],
}


def test_extract_writes_every_table_with_its_contract_columns(seed_extract_dir):
    for name, columns in BASE_TABLES.items():
        table = pd.read_csv(seed_extract_dir / f"{name}.csv", dtype=str, keep_default_na=False)
        assert list(table.columns[: len(columns)]) == columns, name
    for name in EXTRACTORS:
        assert (seed_extract_dir / f"{name}.csv").is_file(), name
    articles = pd.read_csv(seed_extract_dir / "articles.csv", dtype=str, keep_default_na=False)
    assert len(articles) == 5


def test_extract_is_deterministic(seed_extract_dir, tmp_path):
    """A second run writes, byte for byte, what the shared run wrote."""
    assert main(["extract", str(seeds_dir()), "--out", str(tmp_path / "again"), "--no-progress"]) == 0
    written = sorted(seed_extract_dir.glob("*.csv"))
    assert written
    for path in written:
        assert path.read_bytes() == (tmp_path / "again" / path.name).read_bytes(), path.name


def test_problems_are_written_and_printed(tmp_path, capsys):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "ok.txt").write_text("A headline here\nMinisters met on Thursday in Brussels.\n", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    # exit 3: the tables are written, but a file was not read
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--no-progress"]) == 3
    problems = pd.read_csv(tmp_path / "out" / "problems.csv")
    assert list(problems.loc[problems["file"] != "(corpus)", "file"]) == ["empty.txt"]
    # one article is too small a corpus for a topic model: a warning row about the whole corpus
    corpus_rows = problems[problems["file"] == "(corpus)"]
    assert set(corpus_rows["severity"]) == {"warning"} and set(corpus_rows["step"]) == {"topics"}
    assert corpus_rows["problem"].str.contains("corpus_size").any()
    err = capsys.readouterr().err
    assert "1 articles read, 1 files not read" in err and "empty.txt" in err


def test_missing_input_folder_exits_2_with_message(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_progress_bar_goes_to_stderr_when_asked(small, tmp_path, capsys):
    assert main(["extract", str(small), "--out", str(tmp_path / "out"), "--progress", "--topics", "2"]) == 0
    captured = capsys.readouterr()
    assert "4/4 files" in captured.err and captured.out == ""


def test_console_script_is_installed():
    result = subprocess.run([sys.executable, "-m", "analysis_helpers.cli", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "extract" in result.stdout


# --- the runner: inputs, engines, outputs, exit statuses ----------------------------------------------------------

import json
import os
import signal
import time

import pytest

from analysis_helpers.cli import EXIT_INTERRUPTED, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from analysis_helpers.progress import ProgressLine
from analysis_helpers.runner import outputs

SMALL_TEXTS = {
    "a.txt": "Ministers meet in Lisbon\nThe ministers met on Tuesday, 4 March 2025, in Lisbon.\n"
             "\u201cWe agreed on the plan,\u201d said Ana Souza, the minister. The fund grew by 12 percent.\n",
    "b.txt": "Harbour reopens\nThe harbour reopened on 2 March 2025 after three weeks. Officials said 40 ships waited.\n",
    "c.txt": "=HYPERLINK(\"http://example.invalid\")\nThe vote was delayed on Monday. \u201cIt will happen next week,\u201d "
             "Souza said.\n",
    "d.txt": "Budget talks\nThe talks ended on Friday with a deal worth 2 billion euros, officials said.\n",
}
FAST = ["--no-progress", "--topics", "2"]


@pytest.fixture()
def small(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in SMALL_TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _tables(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != outputs.COMPLETION_FILE}


def test_jobs_2_writes_byte_identical_tables_to_jobs_1(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert main(["extract", str(seeds_dir()), "--out", str(one), "--jobs", "1", "--chunk-size", "2", *FAST]) == 0
    assert main(["extract", str(seeds_dir()), "--out", str(two), "--jobs", "2", "--chunk-size", "2", *FAST]) == 0
    assert _tables(one) == _tables(two)
    assert sorted(_tables(one)) == sorted(f"{name}.csv" for name in TABLES)
    # the corpus tables built from the per-article ones are among them, and not empty on the seeds
    for name in ("quote_groups", "figure_conflicts", "document_dates", "topic_choice"):
        assert _tables(one)[f"{name}.csv"].count(b"\n") > 1, name


def test_dask_engine_on_a_two_worker_local_cluster_writes_the_same_tables(small, tmp_path):
    distributed = pytest.importorskip("distributed")
    local = tmp_path / "local"
    assert main(["extract", str(small), "--out", str(local), "--jobs", "1", "--chunk-size", "1", *FAST]) == 0
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        status = main(["extract", str(small), "--out", str(tmp_path / "dask"), "--engine", "dask",
                       "--scheduler", cluster.scheduler_address, "--chunk-size", "1", *FAST])
    assert status == 0
    assert _tables(local) == _tables(tmp_path / "dask")


def test_jsonl_and_parquet_inputs_give_the_folder_tables(small, tmp_path):
    pytest.importorskip("pyarrow")
    folder_out = tmp_path / "folder"
    assert main(["extract", str(small), "--out", str(folder_out), *FAST]) == 0
    articles = pd.read_csv(folder_out / "articles.csv", dtype=str, keep_default_na=False)
    rows = articles[["doc_id", "file", "title", "outlet", "url", "published", "text"]]
    rows.to_json(tmp_path / "articles.jsonl", orient="records", lines=True, force_ascii=False)
    rows.to_parquet(tmp_path / "articles.parquet", index=False)
    for name in ("articles.jsonl", "articles.parquet"):
        out = tmp_path / f"from-{name}"
        assert main(["extract", str(tmp_path / name), "--out", str(out), *FAST]) == 0
        for table in ("blocks", "sentences", "quotes", "figures", "timexes", "events", "topics"):
            assert (out / f"{table}.csv").read_bytes() == (folder_out / f"{table}.csv").read_bytes(), (name, table)


def test_a_table_file_without_text_is_unusable_input(tmp_path, capsys):
    (tmp_path / "bad.jsonl").write_text('{"doc_id": "x", "body": "no text column"}\n', encoding="utf-8")
    assert main(["extract", str(tmp_path / "bad.jsonl"), "--out", str(tmp_path / "out"), *FAST]) == EXIT_USAGE
    assert "no 'text' column" in capsys.readouterr().err


def test_parquet_output_reads_back_as_the_csv_tables(small, tmp_path):
    pytest.importorskip("pyarrow")
    assert main(["extract", str(small), "--out", str(tmp_path / "csv"), *FAST]) == 0
    assert main(["extract", str(small), "--out", str(tmp_path / "pq"), "--format", "parquet", *FAST]) == 0
    for name in ("articles", "quotes", "figures", "sentences"):
        from_csv = pd.read_csv(tmp_path / "csv" / f"{name}.csv", dtype=str, keep_default_na=False)
        from_pq = pd.read_parquet(tmp_path / "pq" / f"{name}.parquet")
        assert list(from_pq.columns) == list(from_csv.columns) and len(from_pq) == len(from_csv), name
        assert list(from_pq["doc_id"].astype(str)) == list(from_csv["doc_id"]), name


def test_completion_file_records_input_hashes_version_and_options(small, tmp_path):
    import hashlib

    assert main(["extract", str(small), "--out", str(tmp_path / "out"), *FAST]) == EXIT_OK
    done = json.loads((tmp_path / "out" / outputs.COMPLETION_FILE).read_text("utf-8"))
    assert done["version"] and done["options"]["topics"] == "2" and done["exit_status"] == 0
    assert done["input"]["files"]["a.txt"] == hashlib.sha256((small / "a.txt").read_bytes()).hexdigest()
    assert done["tables"]["articles"] == 4 and "NMF" in done["topics_method"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]  # no lock or temporary folder left


def test_topics_off_writes_no_topic_tables(small, tmp_path):
    assert main(["extract", str(small), "--out", str(tmp_path / "out"), "--no-progress", "--topics", "off"]) == 0
    assert not (tmp_path / "out" / "topics.csv").exists() and (tmp_path / "out" / "quotes.csv").exists()


def test_out_is_checked_before_any_work(small, tmp_path, capsys):
    a_file = tmp_path / "file"
    a_file.write_text("x")
    assert main(["extract", str(small), "--out", str(a_file), *FAST]) == EXIT_USAGE
    assert "not a folder" in capsys.readouterr().err
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "thesis.docx").write_text("keep me")
    assert main(["extract", str(small), "--out", str(foreign), *FAST]) == EXIT_USAGE
    assert (foreign / "thesis.docx").read_text() == "keep me"
    assert "not tables of this tool" in capsys.readouterr().err


def test_a_second_run_into_a_locked_out_is_refused(small, tmp_path, capsys):
    out = tmp_path / "out"
    lock = outputs.OutputLock(out).acquire()
    try:
        assert main(["extract", str(small), "--out", str(out), *FAST]) == EXIT_USAGE
    finally:
        lock.release()
    assert "another run is writing there" in capsys.readouterr().err
    assert main(["extract", str(small), "--out", str(out), *FAST]) == EXIT_OK  # lock released


def test_a_run_that_fails_while_writing_leaves_the_previous_output_whole(small, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    assert main(["extract", str(small), "--out", str(out), *FAST]) == 0
    before = _tables(out)
    written = []

    def failing_write(table, folder, name, fmt="csv", excel=False):
        written.append(name)
        if len(written) == 3:
            raise OSError(28, "No space left on device")
        return original(table, folder, name, fmt, excel)

    original = outputs.write_table
    monkeypatch.setattr(outputs, "write_table", failing_write)
    (small / "e.txt").write_text("New article\nIt rained on Sunday.\n", encoding="utf-8")
    assert main(["extract", str(small), "--out", str(out), *FAST]) == EXIT_USAGE
    assert "No space left on device" in capsys.readouterr().err.splitlines()[-1]
    assert _tables(out) == before and (out / outputs.COMPLETION_FILE).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]


def test_excel_safe_output_neutralises_formulas_and_plain_csv_stays_exact(small, tmp_path):
    assert main(["extract", str(small), "--out", str(tmp_path / "plain"), *FAST]) == 0
    assert main(["extract", str(small), "--out", str(tmp_path / "xl"), "--excel", *FAST]) == 0
    plain = (tmp_path / "plain" / "articles.csv").read_bytes()
    excel = (tmp_path / "xl" / "articles.csv").read_bytes()
    assert plain.startswith(b"doc_id") and excel.startswith(b"\xef\xbb\xbfdoc_id")
    assert b',"=HYPERLINK' in plain and b",\"'=HYPERLINK" in excel
    titles = pd.read_csv(tmp_path / "xl" / "articles.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert not titles["title"].str.match(r"^[=+\-@\t\r]").any()


def test_help_documents_the_exit_statuses(capsys):
    # in this process (the console script itself is run by test_console_script_is_installed)
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", "--help"])
    assert exit_info.value.code == 0
    help_text = capsys.readouterr().out
    for status in (EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERRUPTED):
        assert f"  {status} " in help_text


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigint_exits_130_with_one_line_and_no_complete_looking_output(tmp_path, jobs):
    folder = tmp_path / "in"
    folder.mkdir()
    seeds = sorted(seeds_dir().glob("*.txt"))
    for i in range(60):
        (folder / f"{i:03d}.txt").write_bytes(seeds[i % len(seeds)].read_bytes())
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "analysis_helpers.cli", "extract", str(folder), "--out",
                                str(out), "--jobs", jobs, "--chunk-size", "5", "--no-progress"],
                               stderr=subprocess.PIPE, text=True, env=dict(os.environ),
                               # a test run started in the background inherits SIGINT ignored; the user's
                               # terminal never does, so give the child the default disposition
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    lock = tmp_path / ".out.lock"
    deadline = time.monotonic() + 120
    while not lock.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == EXIT_INTERRUPTED, err
    assert err.strip().count("\n") == 0 and "interrupted" in err
    assert not (out / outputs.COMPLETION_FILE).exists() and not (out / "articles.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]


def test_progress_line_shows_rate_and_time_left():
    stream = io.StringIO()
    ticks = iter([0.0, 10.0, 20.0])
    line = ProgressLine("articles", stream=stream, enabled=True, clock=lambda: next(ticks))
    line(50, 200)
    assert "50/200 articles" in stream.getvalue() and "5.0/s" in stream.getvalue() and "0:30 left" in stream.getvalue()
    line(200, 200)
    assert stream.getvalue().endswith("\n")


def test_progress_line_is_silent_off_a_terminal():
    stream = io.StringIO()
    ProgressLine("articles", stream=stream)(1, 2)
    assert stream.getvalue() == ""
