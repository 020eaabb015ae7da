"""Summary tables of a corpus: how much of each scrape is article text, and how long it is."""

from __future__ import annotations

import pandas as pd

from ..schema import ARTICLE_ROLES, ROLES
from .roles import words


def role_composition(blocks: pd.DataFrame) -> pd.DataFrame:
    """Characters of each article by block role.

    Returns
    -------
    DataFrame
        Index ``doc_id``; one column per role in :data:`ROLES` order (characters,
        0 when absent), then ``total`` and ``article_share`` (the share of
        characters in headline, standfirst and body blocks, 0 to 1).
    """
    chars = blocks.assign(n_chars=blocks["end"] - blocks["start"])
    table = chars.pivot_table(index="doc_id", columns="role", values="n_chars", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=list(ROLES), fill_value=0).astype("int64")
    table["total"] = table.sum(axis=1)
    table["article_share"] = (table[list(ARTICLE_ROLES)].sum(axis=1) / table["total"]).round(3)
    table.columns.name = None
    return table.sort_index()


def article_counts(corpus) -> pd.DataFrame:
    """Blocks, sentences and words per article, all text versus article text only.

    Returns
    -------
    DataFrame
        Index ``doc_id``; columns ``blocks``, ``article_blocks``, ``sentences``,
        ``article_sentences``, ``words``, ``article_words`` (word tokens).
    """
    blocks, sentences = corpus.blocks, corpus.sentences
    in_article = blocks["role"].isin(ARTICLE_ROLES)
    sent_in_article = sentences["role"].isin(ARTICLE_ROLES)
    n_words = blocks["text"].map(lambda t: len(words(t)))
    table = pd.DataFrame({
        "blocks": blocks.groupby("doc_id").size(),
        "article_blocks": in_article.groupby(blocks["doc_id"]).sum(),
        "sentences": sentences.groupby("doc_id").size(),
        "article_sentences": sent_in_article.groupby(sentences["doc_id"]).sum(),
        "words": n_words.groupby(blocks["doc_id"]).sum(),
        "article_words": n_words.where(in_article, 0).groupby(blocks["doc_id"]).sum(),
    })
    return table.fillna(0).astype("int64").sort_index()
