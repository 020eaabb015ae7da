"""Shared test fixtures: the expensive results many tests read, computed once per test process.

Session-scoped fixtures run one expensive thing once per test process and hand the same result to
every test that reads it: the seed corpus, every extractor run on it, and ``analysis-helpers
extract`` written on the seeds and on the fixture corpus. Their results are READ-ONLY: a test that
changes a table copies it first (``table.copy()``); a test that writes files uses its own
``tmp_path``.

Under ``make test`` (pytest-xdist, see ../conftest.py) each worker process computes a session
fixture at most once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis_helpers.paths import seeds_dir

FIXTURE_CORPUS = Path(__file__).parent / "fixtures" / "other_layouts"


@pytest.fixture(scope="session")
def seed_corpus():
    """The seed corpus (``open_corpus()``), opened once per test process. Read-only."""
    from analysis_helpers import open_corpus

    return open_corpus()


@pytest.fixture(scope="session")
def seed_extractor_tables(seed_corpus):
    """Every registered extractor run on the whole seed corpus: ``{extractor name: {table name: DataFrame}}``
    (what ``run_extractor(name, seed_corpus)`` returns). Read-only."""
    from analysis_helpers.pipeline import EXTRACTORS, run_extractor

    return {name: run_extractor(name, seed_corpus) for name in EXTRACTORS}


def _extract_into(source: Path, out: Path) -> Path:
    from analysis_helpers.cli import main

    assert main(["extract", str(source), "--out", str(out), "--no-progress"]) == 0
    return out


@pytest.fixture(scope="session")
def seed_extract_dir(tmp_path_factory) -> Path:
    """``analysis-helpers extract data/seeds --out DIR`` with the default options, run once. Do not write into DIR."""
    return _extract_into(seeds_dir(), tmp_path_factory.mktemp("seed_extract") / "out")


@pytest.fixture(scope="session")
def fixture_extract_dir(tmp_path_factory) -> Path:
    """``analysis-helpers extract tests/fixtures/other_layouts --out DIR``, run once. Do not write into DIR."""
    return _extract_into(FIXTURE_CORPUS, tmp_path_factory.mktemp("fixture_extract") / "out")


@pytest.fixture(scope="session")
def fixture_tables():
    """``extract_all`` of the fixture corpus in memory: ``{table name: DataFrame}``. Read-only."""
    from analysis_helpers.corpus.build import open_corpus
    from analysis_helpers.pipeline import extract_all

    return extract_all(open_corpus(FIXTURE_CORPUS))
