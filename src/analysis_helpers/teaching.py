"""Self-checks for the notebooks' exercises: a student calls ``check_*`` on an answer and reads the verdict.

Each function recomputes what the exercise asks from the corpus's own tables, compares it with the
student's answer and prints one line saying whether it agrees (it returns True or False too). None
of them knows the seeds: they work on whatever corpus the notebook runs on.
"""

from __future__ import annotations

import re

import pandas as pd

from .corpus.roles import ARTICLE_ROLES


def _verdict(ok: bool, good: str, bad: str) -> bool:
    print(("Correct: " + good) if ok else ("Not yet: " + bad))
    return ok


def share_difference_table(corpus) -> pd.DataFrame:
    """Article share of each scrape by characters and by sentences, and their difference.

    Returns
    -------
    DataFrame
        Index ``doc_id``; ``by_characters``, ``by_sentences`` (0 to 1) and ``difference``
        (by_characters minus by_sentences), sorted by doc_id.
    """
    from .corpus.overview import article_counts, role_composition

    counts = article_counts(corpus)
    by_sentences = (counts["article_sentences"] / counts["sentences"].where(counts["sentences"] > 0)).fillna(0)
    by_characters = role_composition(corpus.blocks)["article_share"]
    table = pd.DataFrame({"by_characters": by_characters, "by_sentences": by_sentences.round(3)})
    table["difference"] = (table["by_characters"] - table["by_sentences"]).round(3)
    return table.sort_index()


def check_share_difference(answer_doc_id, corpus) -> bool:
    """Exercise 00-3: is ``answer_doc_id`` the scrape whose two article shares differ most?"""
    table = share_difference_table(corpus)
    if table.empty:
        return _verdict(False, "", "the corpus has no article")
    gap = table["difference"].abs()
    best = gap[gap == gap.max()].index.tolist()
    return _verdict(str(answer_doc_id) in best, f"{answer_doc_id} has the largest gap ({gap.max():.3f}).",
                    f"the largest gap ({gap.max():.3f}) is in {', '.join(best)}.")


def blocks_matching(pattern: str, blocks: pd.DataFrame) -> pd.DataFrame:
    """The blocks whose text a lexicon pattern finds (case-insensitive, as the role lexicon is applied)."""
    compiled = re.compile(pattern, re.IGNORECASE)
    hit = blocks["text"].map(lambda t: bool(compiled.search(t)) if isinstance(t, str) else False)
    return blocks.loc[hit, ["doc_id", "block_id", "role", "text"]]


def check_pattern_spares_article_text(pattern: str, blocks: pd.DataFrame) -> bool:
    """Exercise 00-1: does a new boilerplate pattern leave every article block (headline, standfirst, body) alone?

    Prints the number of blocks the pattern finds and any article block among them.
    """
    try:
        found = blocks_matching(pattern, blocks)
    except re.error as error:
        return _verdict(False, "", f"the pattern is not a valid regular expression ({error}).")
    article = found[found["role"].isin(ARTICLE_ROLES)]
    print(f"The pattern finds {len(found)} block(s) of this corpus.")
    if len(article):
        print(article.to_string(index=False, max_colwidth=60))
    return _verdict(article.empty, "it finds no headline, standfirst or body block.",
                    f"it would turn {len(article)} article block(s) into boilerplate.")


def check_words_removed(vocabulary, removed) -> bool:
    """Exercise 01-2: are all the ``removed`` words absent from a TF-IDF vocabulary (words or stems)?"""
    vocabulary = set(vocabulary)
    left = sorted(w for w in removed if w in vocabulary)
    return _verdict(not left, f"none of the {len(set(removed))} words is in the vocabulary any more.",
                    f"still in the vocabulary: {', '.join(left)}.")


def same_passage_counts(pairs: pd.DataFrame, thresholds=(0.3, 0.4, 0.5)) -> pd.DataFrame:
    """Pairs of paragraphs at or above each threshold, per pair of articles.

    Returns
    -------
    DataFrame
        Index ``(doc_id_a, doc_id_b)``; one column per threshold (number of paragraph pairs),
        only article pairs with at least one pair at the lowest threshold, sorted.
    """
    columns = {}
    for threshold in thresholds:
        kept = pairs[pairs["similarity"] >= threshold]
        columns[threshold] = kept.groupby(["doc_id_a", "doc_id_b"]).size()
    table = pd.DataFrame(columns).fillna(0).astype("int64")
    return table.sort_index()


def check_same_passage_counts(answer: pd.DataFrame, pairs: pd.DataFrame) -> bool:
    """Exercise 01-3: does ``answer`` (article pairs x thresholds) count the paragraph pairs correctly?"""
    expected = same_passage_counts(pairs, tuple(answer.columns))
    try:
        ok = answer.sort_index().astype("int64").equals(expected)
    except (TypeError, ValueError):
        ok = False
    return _verdict(ok, "every count matches.", "some counts differ; compare with same_passage_counts(pairs).")
