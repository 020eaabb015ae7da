"""Every table ``extract`` writes follows schema.py, and docs/tables.md is generated from it."""

import math

import pandas as pd
import pytest

from analysis_helpers.paths import project_root
from analysis_helpers.schema import TABLES, SchemaError, check_table, markdown, read_table, table_problems


@pytest.fixture(params=["seed_extract_dir", "fixture_extract_dir"], ids=["seeds", "other_layouts"])
def written(request):
    """The folder ``extract`` wrote for the seeds or the fixture corpus (shared, see conftest.py)."""
    return request.getfixturevalue(request.param)


def test_extract_writes_exactly_the_tables_of_the_schema(written):
    assert sorted(p.stem for p in written.glob("*.csv")) == sorted(TABLES)


def test_every_written_table_follows_its_schema(written):
    for name in TABLES:
        table = read_table(written / f"{name}.csv")
        assert table_problems(name, table) == [], name


def test_tables_in_memory_follow_the_schema_too(fixture_tables):
    for name, table in fixture_tables.items():
        check_table(name, table)


def test_ids_keep_their_leading_zeros_when_read_back(written):
    articles = read_table(written / "articles.csv")
    blocks = read_table(written / "blocks.csv")
    assert set(blocks["doc_id"]) <= set(articles["doc_id"])
    assert articles["doc_id"].map(type).eq(str).all()


def test_offsets_of_every_span_table_index_the_article_text(written):
    texts = dict(zip(*(read_table(written / "articles.csv")[c] for c in ("doc_id", "text"))))
    for name in ("blocks", "sentences", "quotes", "figures", "timexes"):
        table = read_table(written / f"{name}.csv")
        for row in table.itertuples():
            assert texts[row.doc_id][row.start:row.end] == row.text, (name, row.doc_id, row.start)


def test_problems_are_named_column_by_column():
    good = pd.DataFrame({"file": ["a.txt"], "severity": ["error"], "problem": ["empty file"], "step": [""], "error": [""]})
    assert table_problems("problems", good) == []
    assert "columns" in table_problems("problems", good[["severity", "file", "problem", "step", "error"]])[0]
    bad = good.assign(severity=["fatal"])
    assert "severity" in table_problems("problems", bad)[0]
    with pytest.raises(SchemaError, match="problems.severity"):
        check_table("problems", bad)


def test_missing_sentence_must_be_minus_one_not_empty(fixture_tables):
    figures = fixture_tables["figures"]
    broken = figures.astype({"sent_id": "Int64"})
    broken.loc[broken.index[:1], "sent_id"] = pd.NA
    assert any("sent_id" in p for p in table_problems("figures", broken))
    assert not math.isnan(figures["value"].iloc[0])


def test_quote_ids_follow_the_documented_format():
    quotes = pd.DataFrame([{c.name: "" for c in TABLES["quotes"].columns}])
    quotes["quote_id"] = "001-7"
    assert any("quote_id" in p for p in table_problems("quotes", quotes))


def test_docs_tables_md_is_generated_from_the_schema():
    committed = (project_root() / "docs" / "tables.md").read_text(encoding="utf-8")
    assert committed == markdown(), "run: python -m analysis_helpers.schema --markdown docs/tables.md"
    for name in TABLES:
        assert f"## {name}\n" in committed
