"""The research tables of ``extract``: outlet and published everywhere, quote context, the corpus tables.

Invented articles only: two outlets retelling one meeting with different days, one remark quoted by
both in different words, one quantity stated with two values.
"""

import pandas as pd
import pytest

from analysis_helpers.cli import main
from analysis_helpers.comparison.tables import with_article_columns, with_quote_context
from analysis_helpers.corpus.build import build_corpus
from analysis_helpers.corpus.offsets import sentence_spans
from analysis_helpers.pipeline import RunOptions, extract_corpus
from analysis_helpers.schema import ARTICLE_COLUMNS, TABLES, check_table, read_table
from analysis_helpers.timexes.document_dates import METHOD_SOURCES, date_source, document_dates
from analysis_helpers.topics.model import TopicOptions

NO_TOPICS = RunOptions(topics=TopicOptions(mode="off"))

LISBON = ("Ministers meet in Lisbon\n"
          "The ministers met in Lisbon on 4 March 2025 to sign the harbour agreement with the port authority.\n"
          "\u201cWe agreed on the plan for the harbour and the new bridge across the river,\u201d said Ana Souza, "
          "the minister. She added that it was a good day.\n"
          "The harbour fund for the bridge grew to $3.2 billion this year, officials said.")
RIVER = ("Lisbon talks end\n"
         "The ministers met in Lisbon on 6 March 2025 to sign the harbour agreement with the port authority.\n"
         "Ana Souza said: \u201cWe agreed on the plan for the harbour and the bridge across the river.\u201d\n"
         "The harbour fund for the bridge grew to $3.3 billion this year, officials said.")
TWO_SENTENCES = ("Council votes\n"
                 "\u201cThe budget is late. It will pass next week,\u201d the mayor, Rui Costa, told reporters.")


def _articles(rows):
    return pd.DataFrame([{
        "doc_id": d, "file": f"{d}.txt", "title": t.split("\n")[0], "outlet": o, "url": u, "published": p,
        "text": t, "n_chars": len(t), "n_words": len(t.split()), "published_note": "", "encoding": "utf-8",
        "changes": ""} for d, o, p, t, u in rows])


@pytest.fixture(scope="module")
def tables():
    corpus = build_corpus(_articles([("a", "Harbour Post", "2025-03-07", LISBON, ""),
                                     ("b", "River Daily", "", RIVER, ""),
                                     ("c", "", "", TWO_SENTENCES, "")]))
    return extract_corpus(corpus, NO_TOPICS), corpus


def test_every_table_with_a_doc_id_carries_outlet_and_published_of_its_article(tables):
    out, corpus = tables
    outlets = dict(zip(corpus.articles["doc_id"], corpus.articles["outlet"]))
    published = dict(zip(corpus.articles["doc_id"], corpus.articles["published"]))
    checked = 0
    for name, table in out.items():
        check_table(name, table)
        if "doc_id" not in table or name == "articles":
            continue
        assert "outlet" in table and "published" in table, name
        assert list(table["outlet"]) == [outlets[d] for d in table["doc_id"]], name
        assert list(table["published"]) == [published[d] for d in table["doc_id"]], name
        checked += len(table)
    assert checked > 0
    # an article without a manifest outlet or date gets the null convention, empty text
    quotes = out["quotes"]
    assert set(quotes.loc[quotes["doc_id"] == "c", "outlet"]) == {""}
    assert set(quotes.loc[quotes["doc_id"] == "b", "published"]) == {""}


def test_article_columns_are_appended_never_reordered_and_never_doubled():
    table = pd.DataFrame({"doc_id": ["x", "y"], "published": ["2020-01-01", ""], "value": [1, 2]})
    articles = pd.DataFrame({"doc_id": ["x"], "outlet": ["Paper"], "published": ["2025-01-01"]})
    joined = with_article_columns(table, articles)
    assert list(joined.columns) == ["doc_id", "published", "value", "outlet"]
    assert list(joined["published"]) == ["2020-01-01", ""]  # its own column is kept as it was
    assert list(joined["outlet"]) == ["Paper", ""]  # an article the articles table lacks: empty
    assert with_article_columns(pd.DataFrame({"k": [1]}), articles).columns.tolist() == ["k"]


def test_the_schema_appends_the_article_columns_at_the_end_of_every_per_article_table():
    for name, spec in TABLES.items():
        if "doc_id" in spec.column_names and name not in ("articles", "document_dates"):
            assert spec.column_names[-2:] == list(ARTICLE_COLUMNS), name


def test_quote_context_is_the_whole_sentence_and_indexes_the_text(tables):
    out, corpus = tables
    texts = dict(zip(corpus.articles["doc_id"], corpus.articles["text"]))
    quotes = out["quotes"]
    for row in quotes.itertuples():
        assert texts[row.doc_id][row.context_start:row.context_end] == row.context
        assert row.context_start <= row.start and row.end <= row.context_end
    souza = quotes[(quotes["doc_id"] == "a") & (quotes["kind"] == "direct")].iloc[0]
    assert souza["context"].endswith("said Ana Souza, the minister.")


def test_a_quote_spanning_two_sentences_gets_both(tables):
    out, corpus = tables
    quote = out["quotes"][out["quotes"]["doc_id"] == "c"].iloc[0]
    sentences = corpus.sentences[corpus.sentences["doc_id"] == "c"]
    inside = sentences[(sentences["end"] > quote["start"]) & (sentences["start"] < quote["end"])]
    assert len(inside) == 2, "Punkt should split the quote into two sentences"
    assert quote["context"] == "\u201cThe budget is late. It will pass next week,\u201d the mayor, Rui Costa, told reporters."
    assert quote["context_start"] == inside["start"].min() and quote["context_end"] >= inside["end"].max()


def test_context_is_empty_with_minus_one_when_the_article_has_no_sentence():
    quotes = pd.DataFrame({"doc_id": ["z"], "start": [0], "end": [3]})
    sentences = pd.DataFrame({"doc_id": ["other"], "start": [0], "end": [5]})
    assert [list(a) for a in sentence_spans(quotes, sentences)] == [[-1], [-1]]
    with_context = with_quote_context(quotes, sentences, pd.DataFrame({"doc_id": ["z"], "text": ["abcdef"]}))
    assert with_context[["context", "context_start", "context_end"]].values.tolist() == [["", -1, -1]]


def test_quote_groups_link_one_remark_quoted_by_two_outlets(tables):
    groups = tables[0]["quote_groups"]
    assert list(groups["doc_id"]) == ["a", "b"] and groups["group_id"].nunique() == 1
    assert set(groups["speaker"]) == {"Ana Souza"}
    assert list(groups["outlet"]) == ["Harbour Post", "River Daily"]
    quotes = tables[0]["quotes"].set_index("quote_id")
    for row in groups.itertuples():
        assert (row.start, row.end, row.text) == tuple(quotes.loc[row.quote_id, ["start", "end", "text"]])


def test_figure_conflicts_hold_one_quantity_stated_with_two_values(tables):
    conflicts = tables[0]["figure_conflicts"]
    assert sorted(conflicts["value"]) == [3.2e9, 3.3e9]
    assert set(conflicts["group_id"]) == {1} and set(conflicts["n_docs"]) == {2}
    assert conflicts["spread"].iloc[0] == pytest.approx(0.1 / 3.3, abs=1e-3)


def test_figures_stated_alike_are_no_conflict():
    same = RIVER.replace("$3.3 billion", "$3.2 billion")
    out = extract_corpus(build_corpus(_articles([("a", "P", "", LISBON, ""), ("b", "Q", "", same, "")])), NO_TOPICS)
    assert out["figure_conflicts"].empty
    assert list(out["figure_conflicts"].columns) == TABLES["figure_conflicts"].column_names


def test_document_dates_name_the_source_of_every_date():
    rows = [("m", "", "2025-03-07", LISBON, ""),
            ("u", "", "", "Headline\nNothing dated here at all.", "https://example.org/2024/05/06/story"),
            ("y", "", "", "Headline\nBy Ana Souza | Published May 2, 2024\nNothing else is dated.", ""),
            ("t", "", "", RIVER, ""),
            ("n", "", "", "Headline\nThe council met and talked.", "")]
    corpus = build_corpus(_articles(rows))
    table = extract_corpus(corpus, NO_TOPICS)["document_dates"]
    assert dict(zip(table["doc_id"], table["source"])) == {
        "m": "manifest", "u": "url", "y": "byline", "t": "text", "n": "unknown"}
    assert set(table["source"]) == set(METHOD_SOURCES.values())
    # the source is read off the same rows document_dates() gives
    assert list(table["method"]) == list(document_dates(corpus)["method"])
    assert date_source("something new") == "unknown"


def test_timeline_conflicts_without_reference_compare_the_articles_own_days(tables):
    conflicts = tables[0]["timeline_conflicts"]
    assert len(conflicts) == 1
    row = conflicts.iloc[0]
    assert (row["kind"], row["doc_id"], row["other_doc_id"]) == ("between_articles", "a", "b")
    assert (row["article_says"], row["reference_says"]) == ("2025-03-04", "2025-03-06")
    assert LISBON[row["start"]:row["end"]] == row["claim"]
    assert RIVER[row["other_start"]:row["other_end"]] == row["other_claim"]


def _write(folder, texts, manifest=None):
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    if manifest:
        (folder / "manifest.csv").write_text(manifest, encoding="utf-8")
    return folder


REFERENCE = ("ref_id,first_day,last_day,thread,actors,pattern,role,role_holder,source\n"
             "R1,2025-03-05,2025-03-05,meetings,Ana Souza,harbour agreement,,,https://example.org/minutes\n")


def test_reference_conflicts_and_a_clear_error_for_a_bad_reference(tmp_path, capsys):
    folder = _write(tmp_path / "in", {"a.txt": LISBON.replace("The ministers met", "Minister Ana Souza met")})
    reference = tmp_path / "reference.csv"
    reference.write_text(REFERENCE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(folder), "--out", str(out), "--no-progress", "--topics", "off",
                 "--reference", str(reference)]) == 0
    conflicts = read_table(out / "timeline_conflicts.csv")
    assert list(conflicts["kind"]) == ["date"] and list(conflicts["ref_id"]) == ["R1"]
    assert conflicts["reference_says"].iloc[0] == "2025-03-05"
    assert "no --reference" not in capsys.readouterr().err
    broken = tmp_path / "broken.csv"
    broken.write_text("ref_id,first_day\nR1,2025-03-05\n", encoding="utf-8")
    assert main(["extract", str(folder), "--out", str(tmp_path / "out2"), "--no-progress",
                 "--reference", str(broken)]) == 2
    err = capsys.readouterr().err
    assert "--reference" in err and "broken.csv" in err and "missing column" in err and "pattern" in err


def test_new_tables_in_every_format_with_the_k_warnings_on_stderr(tmp_path, capsys):
    folder = _write(tmp_path / "in", {"a.txt": LISBON, "b.txt": RIVER},
                    "file,outlet,published\na.txt,Harbour Post,2025-03-07\n")
    csv, parquet, excel = tmp_path / "csv", tmp_path / "parquet", tmp_path / "excel"
    new = ("quote_groups", "figure_conflicts", "document_dates", "timeline_conflicts", "topic_choice")
    assert main(["extract", str(folder), "--out", str(csv), "--no-progress"]) == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if line.startswith("warning: topic model")]
    assert any("corpus_size" in line for line in warnings)  # two articles: too small for topics
    assert "timeline_conflicts: no --reference" in err
    problems = read_table(csv / "problems.csv")
    assert len(problems[(problems["file"] == "(corpus)") & (problems["severity"] == "warning")]) == len(warnings)
    choice = read_table(csv / "topic_choice.csv")
    assert choice["chosen"].sum() == 1 and choice["k"].is_monotonic_increasing
    assert choice["method"].nunique() == 1 and "k=" in choice["method"].iloc[0]
    assert main(["extract", str(folder), "--out", str(parquet), "--no-progress", "--format", "parquet"]) == 0
    assert main(["extract", str(folder), "--out", str(excel), "--no-progress", "--excel"]) == 0
    for name in new:
        from_csv = read_table(csv / f"{name}.csv")
        assert list(pd.read_parquet(parquet / f"{name}.parquet").columns) == TABLES[name].column_names
        assert (excel / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf")
        assert len(pd.read_parquet(parquet / f"{name}.parquet")) == len(from_csv), name
    dates = read_table(csv / "document_dates.csv")
    assert dict(zip(dates["doc_id"], dates["outlet"])) == {"a": "Harbour Post", "b": ""}


def test_k_at_the_edge_of_its_range_is_one_warning_line(tmp_path, capsys, monkeypatch):
    import analysis_helpers.topics.checks as diagnostics

    def at_edge(model):
        return pd.DataFrame([("k_at_edge", "the chosen k = 10 is the largest number of topics tried (2 to 10)")],
                            columns=diagnostics.DIAGNOSTIC_COLUMNS)

    import analysis_helpers.pipeline as pipeline
    monkeypatch.setattr(pipeline, "topic_model_diagnostics", at_edge)
    folder = _write(tmp_path / "in", {"a.txt": LISBON})
    assert main(["extract", str(folder), "--out", str(tmp_path / "out"), "--no-progress", "--topics", "2"]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if "k_at_edge" in line]
    assert lines == ["warning: topic model (k_at_edge): the chosen k = 10 is the largest number of topics tried "
                     "(2 to 10)"]
