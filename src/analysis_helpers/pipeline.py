"""The tables ``analysis-helpers extract`` writes, and the function behind each.

This registry is the project's public contract: table names and their columns
are never renamed, only added to. A later task adds its table with one line in
:data:`EXTRACTORS`; the command line needs no other change.
"""

from __future__ import annotations

from importlib import import_module

import pandas as pd

from .corpus.build import Corpus

#: Tables computed from a :class:`Corpus`, in the order they are written.
#: Each value is ``"module:function"``; the function takes a Corpus and returns
#: a DataFrame, or a dict of table name to DataFrame for steps that make several.
EXTRACTORS: dict[str, str] = {
    "quotes": "analysis_helpers.quotes.extract:extract_quotes",
    "topics": "analysis_helpers.topics.model:extract_topics",
    "timexes": "analysis_helpers.timexes.extract:extract_timexes",
    "events": "analysis_helpers.timeline.build:build_timeline",
    "figures": "analysis_helpers.figures.extract:extract_figures",
}


def base_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """The tables every run writes: articles, blocks, sentences and problems."""
    return {
        "articles": corpus.articles,
        "blocks": corpus.blocks,
        "sentences": corpus.sentences,
        "problems": corpus.problems,
    }


def run_extractor(name: str, corpus: Corpus) -> dict[str, pd.DataFrame]:
    """Run the extractor registered as ``name`` and return its table(s) by name."""
    module_name, func_name = EXTRACTORS[name].split(":")
    func = getattr(import_module(module_name), func_name)
    result = func(corpus)
    return result if isinstance(result, dict) else {name: result}


def extract_all(corpus: Corpus, progress=None) -> dict[str, pd.DataFrame]:
    """Every table: the base tables, then each registered extractor in order.

    Parameters
    ----------
    corpus : Corpus
    progress : callable, optional
        Called as ``progress(done, total, table_name)`` after each step.
    """
    tables = base_tables(corpus)
    for done, name in enumerate(EXTRACTORS, start=1):
        tables.update(run_extractor(name, corpus))
        if progress is not None:
            progress(done, len(EXTRACTORS), name)
    return tables


def write_tables(tables: dict[str, pd.DataFrame], out_dir) -> list:
    """Write each table as ``OUT/NAME.csv`` (UTF-8, ``\\n`` line ends, no index)."""
    from pathlib import Path

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in tables.items():
        path = out / f"{name}.csv"
        table.to_csv(path, index=False, lineterminator="\n")
        written.append(path)
    return written
