"""Figure of notebook 00: what each scrape is made of, by block role."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ..corpus.roles import ROLES
from .labels import article_labels, top_n_with_other

#: One colour per block role: article text in blues, captions and related links warm, furniture grey.
ROLE_COLOURS = {
    "headline": "#1b4f72", "standfirst": "#2e86c1", "body": "#85c1e9", "byline": "#a9cce3",
    "caption": "#f5b041", "related": "#e74c3c", "boilerplate": "#7f8c8d", "tags": "#bb8fce",
    "duplicate": "#d5d8dc", "stray": "#000000",
}
#: Articles drawn one bar each; the others are summed into one "other" bar.
MAX_ARTICLES = 25


def plot_scrape_composition(composition: pd.DataFrame, articles: pd.DataFrame, *, title: str,
                            max_articles: int = MAX_ARTICLES):
    """Stacked bars: the share of each scrape's characters in each block role, with its size beside it.

    Parameters
    ----------
    composition : DataFrame
        :func:`analysis_helpers.corpus.overview.role_composition` (index doc_id; characters per role and
        ``total``).
    articles : DataFrame
        The corpus's ``articles`` table (``doc_id``, ``outlet``, ``file``) for the bar labels.
    title : str
    max_articles : int
        With more articles, the ``max_articles`` largest scrapes get a bar each and the rest
        one summed bar "other (N articles)".

    Returns
    -------
    matplotlib.figure.Figure
        One bar per article (0 to 1 of its characters); the number of characters and the
        article share are written at the right of each bar.
    """
    roles = [r for r in ROLES if r in composition.columns]
    chars = composition[roles + ["total"]]
    chars = top_n_with_other(chars, chars["total"], max_articles, "other ({n} articles)")
    names = article_labels(articles)
    labels = [names.get(str(d), str(d)) for d in chars.index]
    totals = chars["total"].where(chars["total"] > 0, 1)
    shares = chars[roles].div(totals, axis=0)
    article_share = shares[[r for r in ("headline", "standfirst", "body") if r in shares]].sum(axis=1)

    height = 1.4 + 0.42 * len(chars)
    fig, ax = plt.subplots(figsize=(8.5, height))
    positions = range(len(chars))
    left = pd.Series(0.0, index=chars.index)
    for role in roles:
        if shares[role].sum() == 0:
            continue
        ax.barh(positions, shares[role], left=left, color=ROLE_COLOURS.get(role, "#cccccc"), label=role,
                edgecolor="white", linewidth=0.5)
        left += shares[role]
    for y, (total, share) in enumerate(zip(chars["total"], article_share)):
        ax.text(1.02, y, f"{int(total):,} chars, {share:.0%} article", va="center", fontsize=8,
                transform=ax.get_yaxis_transform())
    ax.set_yticks(list(positions), labels, fontsize=9)
    ax.set_ylim(len(chars) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the scrape's characters")
    ax.set_title(title)
    ax.legend(ncol=5, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.55 / (height * 0.77)),
              frameon=False)
    return fig
