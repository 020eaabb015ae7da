"""Lexicons are data a user can replace: a folder, objects, or the command line, without a restart."""

import hashlib
import os
import shutil

import pandas as pd
import pytest

from analysis_helpers import extract_figures, extract_quotes, open_corpus, tag_text
from analysis_helpers.cli import main
from analysis_helpers.resources import Lexicons, package_names, read_table, using
from analysis_helpers.schema import read_table as read_output

PACKAGED = {name: None for name in package_names()}


def _package_digest() -> str:
    from importlib import resources

    folder = resources.files("analysis_helpers").joinpath("data")
    return hashlib.sha256(b"".join(folder.joinpath(n).read_bytes() for n in sorted(PACKAGED))).hexdigest()


def _copy(name, folder):
    from importlib import resources

    folder.mkdir(exist_ok=True)
    target = folder / name
    target.write_bytes(resources.files("analysis_helpers").joinpath("data", name).read_bytes())
    return target


def _holiday_values(text, lexicons=None):
    return [t["value"] for t in tag_text(text, None, lexicons=lexicons) if t["rule"] == "holiday"]


def test_an_edited_copy_changes_the_result_in_the_same_process(tmp_path):
    before = _package_digest()
    text = "The parade is held on Harvest Lantern Day as usual."
    assert _holiday_values(text) == []
    holidays = _copy("holidays.csv", tmp_path / "lex")
    with holidays.open("a", encoding="utf-8") as f:
        f.write("Harvest Lantern Day,10,7\n")
    assert _holiday_values(text, lexicons=tmp_path / "lex") == ["XXXX-10-07"]
    # edited again in place: read again, no restart, no cache to clear
    holidays.write_text(holidays.read_text(encoding="utf-8").replace("Harvest Lantern Day,10,7", "Harvest Lantern Day,10,17"),
                        encoding="utf-8")
    os.utime(holidays, ns=(holidays.stat().st_atime_ns, holidays.stat().st_mtime_ns + 10**9))
    assert _holiday_values(text, lexicons=tmp_path / "lex") == ["XXXX-10-17"]
    # the package itself is untouched and still in force outside the call
    assert _holiday_values(text) == []
    assert _package_digest() == before


def test_files_missing_from_the_folder_fall_back_to_the_package(tmp_path):
    (tmp_path / "lex").mkdir()
    (tmp_path / "lex" / "topic_stopwords.txt").write_text("harvest\n", encoding="utf-8")
    source = Lexicons(tmp_path / "lex")
    assert source.origin("topic_stopwords.txt").endswith("topic_stopwords.txt")
    assert source.origin("holidays.csv") == "package"
    with using(source):
        assert len(read_table("holidays.csv")) > 0


def test_reporting_cues_given_as_a_table_change_attribution():
    articles = pd.DataFrame({"doc_id": ["a"], "text": [
        "Minister warns\nThe minister Ana Lopes harrumphed that the budget would be cut next year."]})
    cues = read_table("quote_cues.csv")
    assert not extract_quotes(articles)["cue"].str.contains("harrumphed").any()
    extended = pd.concat([cues, pd.DataFrame([{"cue": "harrumph", "type": "verb", "past": "",
                                               "introduces_clause": "yes", "note": "invented"}])])
    quotes = extract_quotes(articles, cues=extended.fillna(""))
    assert quotes["cue"].str.contains("harrumphed").any()


def test_a_currency_added_as_an_object_is_read_as_money():
    articles = pd.DataFrame({"doc_id": ["a"], "text": ["Headline\nThe fund received 40 zorkmids from donors last week."]})
    assert "money" not in set(extract_figures(articles)["kind"])
    currencies = read_table("currencies.csv")
    added = pd.concat([currencies, pd.DataFrame([{"form": "zorkmids", "kind": "word", "code": "ZRK"}])])
    figures = extract_figures(articles, lexicons={"currencies.csv": added})
    assert ("money", "ZRK") in set(zip(figures["kind"], figures["unit"]))


def test_block_phrases_from_a_folder_change_block_roles(tmp_path):
    articles = pd.DataFrame({"doc_id": ["a"], "text": [
        "A headline about the port\nThe port reopened on Monday after the storm, officials said.\n"
        "Zyxq members read on: the port authority said traffic would resume within two days."]})
    assert open_corpus(articles).blocks["role"].iloc[-1] == "body"
    phrases = _copy("block_phrases.csv", tmp_path / "lex")
    with phrases.open("a", encoding="utf-8") as f:
        f.write("boilerplate,^zyxq members read on:,invented site furniture\n")
    assert open_corpus(articles, lexicons=tmp_path / "lex").blocks["role"].iloc[-1] == "boilerplate"


def test_unknown_lexicon_names_are_refused():
    with pytest.raises(ValueError, match="unknown lexicon"):
        Lexicons(objects={"holiday.csv": pd.DataFrame()})
    with pytest.raises(FileNotFoundError):
        Lexicons("/nonexistent/lexicons")


def test_command_line_lexicons_folder(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Port news\nThe port reopened on Harvest Lantern Day 2031, officials said.\n",
                                  encoding="utf-8")
    holidays = _copy("holidays.csv", tmp_path / "lex")
    with holidays.open("a", encoding="utf-8") as f:
        f.write("Harvest Lantern Day,10,7\n")
    assert main(["extract", str(corpus), "--out", str(tmp_path / "plain"), "--no-progress"]) == 0
    assert main(["extract", str(corpus), "--out", str(tmp_path / "own"), "--no-progress",
                 "--lexicons", str(tmp_path / "lex")]) == 0
    assert "holiday" not in set(read_output(tmp_path / "plain" / "timexes.csv")["rule"])
    assert "holiday" in set(read_output(tmp_path / "own" / "timexes.csv")["rule"])
    assert "ANALYSIS_HELPERS_LEXICONS" not in os.environ
    assert main(["extract", str(corpus), "--out", str(tmp_path / "x"), "--lexicons", str(tmp_path / "no")]) == 2
    shutil.rmtree(tmp_path / "lex")
