"""Run the quote step on invented sentences and pick one quote row (shared by the quote phenomenon tests)."""

import pandas as pd

from analysis_helpers.quotes.extract import extract_quotes


def quotes_of(*texts: str, head: str = "A headline about the harbour board\n\n") -> pd.DataFrame:
    """The quotes table of one invented article per text, each under a headline line (doc_ids t0, t1, ...)."""
    articles = pd.DataFrame({"doc_id": [f"t{i}" for i in range(len(texts))], "text": [head + t for t in texts]})
    return extract_quotes(articles)


def row_of(quotes: pd.DataFrame, words: str) -> pd.Series:
    """The one quote row whose text holds ``words`` (fails, showing the table, unless exactly one does)."""
    rows = quotes[quotes["text"].str.contains(words, regex=False)]
    assert len(rows) == 1, quotes[["kind", "text", "speaker"]]
    return rows.iloc[0]
