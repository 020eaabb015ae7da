"""The analysis-helpers command line."""

import io
import subprocess
import sys

import pandas as pd

from analysis_helpers.cli import main
from analysis_helpers.paths import seeds_dir
from analysis_helpers.pipeline import EXTRACTORS

BASE_TABLES = {
    "articles": ["doc_id", "file", "title", "outlet", "url", "published", "text", "n_chars", "n_words"],
    "blocks": ["doc_id", "block_id", "start", "end", "text", "role"],
    "sentences": ["doc_id", "block_id", "sent_id", "start", "end", "text"],
    "problems": ["file", "severity", "problem"],
}


def test_extract_writes_every_table_with_its_contract_columns(tmp_path):
    assert main(["extract", str(seeds_dir()), "--out", str(tmp_path / "out"), "--no-progress"]) == 0
    for name, columns in BASE_TABLES.items():
        table = pd.read_csv(tmp_path / "out" / f"{name}.csv", dtype=str, keep_default_na=False)
        assert list(table.columns[: len(columns)]) == columns, name
    for name in EXTRACTORS:
        assert (tmp_path / "out" / f"{name}.csv").is_file(), name
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", dtype=str, keep_default_na=False)
    assert len(articles) == 5


def test_extract_is_deterministic(tmp_path):
    for run in ("a", "b"):
        main(["extract", str(seeds_dir()), "--out", str(tmp_path / run), "--no-progress"])
    for path in sorted((tmp_path / "a").glob("*.csv")):
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes(), path.name


def test_problems_are_written_and_printed(tmp_path, capsys):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "ok.txt").write_text("A headline here\nMinisters met on Thursday in Brussels.\n", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    # exit 3: the tables are written, but a file was not read
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--no-progress"]) == 3
    problems = pd.read_csv(tmp_path / "out" / "problems.csv")
    assert list(problems["file"]) == ["empty.txt"]
    err = capsys.readouterr().err
    assert "1 articles read, 1 files not read" in err and "empty.txt" in err


def test_missing_input_folder_exits_2_with_message(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_progress_bar_goes_to_stderr_when_asked(tmp_path, capsys):
    main(["extract", str(seeds_dir()), "--out", str(tmp_path / "out"), "--progress"])
    captured = capsys.readouterr()
    assert "5/5 files" in captured.err and captured.out == ""


def test_console_script_is_installed():
    result = subprocess.run([sys.executable, "-m", "analysis_helpers.cli", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "extract" in result.stdout
