"""Figures of notebook 01: choice of k, topic words, paragraph map, article mixtures, similarity threshold."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .labels import article_labels, shorten, top_n_with_other

#: Topic panels per row of the topic-words figure: the figure never grows wider than this.
TOPIC_COLUMNS_PER_ROW = 4
#: Articles drawn one row each in the mixture figure; the others are averaged into one row.
MAX_ARTICLES = 30
#: Most paragraph labels tried on the map (the rest are only dots).
MAX_MAP_LABELS = 80


def plot_choice_of_k(k_selection: pd.DataFrame, *, title: str = "Choice of k: topic stability under resampling"):
    """Stability (mean ARI, ± one standard deviation) and silhouette for each k tried, chosen k marked.

    Parameters
    ----------
    k_selection : DataFrame
        ``k, stability, stability_sd, silhouette, chosen`` (:attr:`TopicModel.k_selection`).

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig, ax = plt.subplots(figsize=(7.5, 4))
    ks = k_selection.astype({"k": "int64"})
    ax.errorbar(ks["k"], ks["stability"].astype(float), yerr=ks["stability_sd"].astype(float), marker="o",
                capsize=3, label="stability (mean ARI over subsamples, ±1 sd)")
    ax.plot(ks["k"], ks["silhouette"].astype(float), marker="s", color="grey", label="silhouette (cosine)")
    chosen = ks.loc[ks["chosen"].astype(bool)]
    if len(chosen):
        k = int(chosen["k"].iloc[0])
        ax.axvline(k, color="black", linestyle=":", linewidth=1)
        ax.annotate(f"chosen k = {k}", (k, 1.25), xytext=(6, 0), textcoords="offset points", va="top")
    if len(ks) < 2:
        ax.text(0.5, 0.5, "only one k could be tried: nothing to compare", transform=ax.transAxes,
                ha="center", va="center", color="dimgrey")
    ax.set_xticks(ks["k"].tolist())
    ax.set_xlabel("number of topics k")
    ax.set_ylabel("score")
    ax.set_ylim(-0.05, 1.3)
    ax.set_title(title)
    ax.legend(loc="upper right", fontsize=9)
    return fig


def plot_topic_terms(term_weights: pd.DataFrame, topics: pd.DataFrame, *,
                     columns_per_row: int = TOPIC_COLUMNS_PER_ROW):
    """One bar panel per topic: its top words and their NMF weights, at most ``columns_per_row`` panels a row.

    Parameters
    ----------
    term_weights : DataFrame
        ``topic_id, rank, word, weight`` (:func:`~analysis_helpers.topics.model.topic_term_weights`).
    topics : DataFrame
        ``topic_id, size`` (:attr:`TopicModel.topics`); the panel title gives the number of paragraphs.

    Returns
    -------
    matplotlib.figure.Figure
        At most ``3.2 * columns_per_row`` inches wide whatever the number of topics.
    """
    topic_ids = topics["topic_id"].astype(int).tolist()
    n = max(1, len(topic_ids))
    n_cols = min(n, columns_per_row)
    n_rows = math.ceil(n / n_cols)
    fig, axes = plt.subplots(n_rows, n_cols, figsize=(3.2 * n_cols, 2.9 * n_rows + 0.5), squeeze=False)
    sizes = topics.set_index("topic_id")["size"]
    for ax in axes.flat[len(topic_ids):]:
        ax.set_visible(False)
    for topic_id, ax in zip(topic_ids, axes.flat):
        rows = term_weights[term_weights["topic_id"] == topic_id].iloc[::-1]
        ax.barh(rows["word"].map(lambda w: shorten(w, 18)), rows["weight"], color=f"C{topic_id % 10}")
        ax.set_title(f"topic {topic_id} ({int(sizes.get(topic_id, 0))} paragraphs)", fontsize=10)
        ax.tick_params(axis="y", labelsize=9)
        ax.tick_params(axis="x", labelsize=8)
        ax.set_xlabel("NMF weight", fontsize=9)
    if not topic_ids:
        axes.flat[0].set_visible(True)
        axes.flat[0].text(0.5, 0.5, "no topics: no paragraph has a content word", ha="center", va="center")
    fig.suptitle("Top words of each topic", fontweight="bold")
    fig.tight_layout()
    return fig


def _overlaps(box, placed) -> bool:
    return any(box.overlaps(other) for other in placed)


def plot_paragraph_map(points: pd.DataFrame, topics: pd.DataFrame, *, max_labels: int = MAX_MAP_LABELS,
                       title: str = "Paragraphs by dominant topic"):
    """Scatter of the paragraphs on two LSA dimensions, coloured by dominant topic, labels that never overlap.

    Each paragraph is labelled ``doc_id:block_id`` at the first of eight positions around its dot
    where the label overlaps no label already placed and no other dot (paragraphs far from the
    centre are placed first). Paragraphs whose label fits nowhere stay unlabelled; the figure says
    how many are labelled.

    Parameters
    ----------
    points : DataFrame
        ``doc_id, block_id, x, y, topic_id`` (:func:`~analysis_helpers.topics.model.paragraph_map`
        joined with the dominant topic).
    topics : DataFrame
        ``topic_id, label, size`` for the legend.

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig, ax = plt.subplots(figsize=(8.5, 5.5))
    names = topics.set_index("topic_id")
    for topic_id, group in points.groupby("topic_id", sort=True):
        if topic_id in names.index:
            label = f"{topic_id}: {names.loc[topic_id, 'label']} ({int(names.loc[topic_id, 'size'])})"
        else:
            label = "no content word"
        colour = f"C{int(topic_id) % 10}" if topic_id >= 0 else "lightgrey"
        ax.scatter(group["x"], group["y"], s=36, color=colour, label=shorten(label, 48), zorder=2)
    ax.set_xlabel("LSA dimension 1")
    ax.set_ylabel("LSA dimension 2")
    ax.set_title(title)
    if len(points):
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
                  title="dominant topic (paragraphs)", title_fontsize=8)
    ax.margins(0.08)
    fig.tight_layout()
    renderer = fig.canvas.get_renderer()
    to_pixels = ax.transData
    dots = []
    for x, y in zip(points["x"], points["y"]):
        px, py = to_pixels.transform((x, y))
        dots.append((px, py))
    from matplotlib.transforms import Bbox

    dot_boxes = [Bbox.from_extents(px - 3, py - 3, px + 3, py + 3) for px, py in dots]
    centre = points[["x", "y"]].mean() if len(points) else pd.Series({"x": 0.0, "y": 0.0})
    spread = ((points["x"] - centre["x"]) ** 2 + (points["y"] - centre["y"]) ** 2) if len(points) else points["x"]
    order = sorted(range(len(points)), key=lambda i: (-round(float(spread.iloc[i]), 9), i))[:max_labels]
    offsets = [(4, 3, "left", "bottom"), (4, -3, "left", "top"), (-4, 3, "right", "bottom"),
               (-4, -3, "right", "top"), (0, 6, "center", "bottom"), (0, -6, "center", "top"),
               (8, 0, "left", "center"), (-8, 0, "right", "center")]
    placed = []
    axes_box = ax.get_window_extent(renderer)
    for i in order:
        row = points.iloc[i]
        others = [b for j, b in enumerate(dot_boxes) if j != i]
        for dx, dy, ha, va in offsets:
            text = ax.annotate(f"{row['doc_id']}:{row['block_id']}", (row["x"], row["y"]), xytext=(dx, dy),
                               textcoords="offset points", fontsize=7, color="dimgrey", ha=ha, va=va)
            box = text.get_window_extent(renderer).expanded(1.05, 1.1)
            inside = axes_box.contains(box.x0, box.y0) and axes_box.contains(box.x1, box.y1)
            if inside and not _overlaps(box, placed) and not _overlaps(box, others):
                placed.append(box)
                break
            text.remove()
    note = (f"all {len(points)} paragraphs labelled (doc_id:block_id)" if len(placed) == len(points) else
            f"{len(placed)} of {len(points)} paragraphs labelled (doc_id:block_id); the others' labels would overlap")
    ax.text(0.0, -0.16, note, transform=ax.transAxes, fontsize=8, color="dimgrey")
    return fig


def plot_article_topics(article_topics: pd.DataFrame, topics: pd.DataFrame, articles: pd.DataFrame,
                        n_paragraphs: pd.Series, *, max_articles: int = MAX_ARTICLES,
                        title: str = "Article-by-topic mixture"):
    """Heat map of each article's topic mixture (shares), with its number of paragraphs in the label.

    Parameters
    ----------
    article_topics : DataFrame
        ``doc_id, topic_id, weight`` (:attr:`TopicModel.article_topics`).
    topics : DataFrame
        ``topic_id, label`` for the columns.
    articles : DataFrame
        The corpus's ``articles`` table, for row labels.
    n_paragraphs : Series
        Paragraphs per article (index doc_id).
    max_articles : int
        With more articles, the ``max_articles`` with most paragraphs get a row each and the
        others one averaged row.

    Returns
    -------
    matplotlib.figure.Figure
    """
    mixture = article_topics.pivot_table(index="doc_id", columns="topic_id", values="weight", fill_value=0.0)
    mixture = mixture.reindex(columns=topics["topic_id"].tolist(), fill_value=0.0)
    counts = n_paragraphs.reindex(mixture.index).fillna(0)
    folded = top_n_with_other(mixture, counts, max_articles, "other ({n} articles, mean)", how="mean")
    names = article_labels(articles)
    row_labels = [f"{names.get(str(d), d)} ({int(counts.get(d, 0))} ¶)" if d in counts.index else str(d)
                  for d in folded.index]
    n_rows, n_cols = folded.shape
    fig, ax = plt.subplots(figsize=(min(3.2 + 1.1 * max(n_cols, 1), 12), 1.6 + 0.38 * max(n_rows, 1)))
    image = ax.imshow(folded.to_numpy(dtype=float), cmap="Blues", vmin=0, vmax=1, aspect="auto")
    labels = topics.set_index("topic_id")["label"]
    ax.set_xticks(range(n_cols), [shorten(f"{t}: {labels.get(t, '')}", 36) for t in folded.columns],
                  rotation=30, ha="right", fontsize=8)
    ax.set_yticks(range(n_rows), row_labels, fontsize=8)
    if n_cols <= 12 and n_rows <= 40:
        for (i, j), value in np.ndenumerate(folded.to_numpy(dtype=float)):
            ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=7,
                    color="white" if value > 0.55 else "black")
    fig.colorbar(image, ax=ax, label="share of the article")
    ax.set_title(title)
    return fig


def plot_similarity_histogram(pairs: pd.DataFrame, threshold: float, *,
                              title: str = "Cross-article paragraph similarity"):
    """Histogram (log counts) of the cosine similarities of paragraph pairs, with the threshold and 99th percentile.

    Parameters
    ----------
    pairs : DataFrame
        ``similarity`` per pair (:func:`~analysis_helpers.topics.near_duplicates.paragraph_similarity_pairs`).
    threshold : float
        The "same passage" threshold, drawn as a dotted line.

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig, ax = plt.subplots(figsize=(7.5, 3.8))
    values = pairs["similarity"].astype(float)
    if len(values):
        top = max(0.7, float(values.max()))
        ax.hist(values, bins=np.linspace(0, top, 36), color="C0")
        ax.axvline(values.quantile(0.99), color="grey", linestyle="--", linewidth=1, label="99th percentile")
        ax.set_yscale("log")
    else:
        ax.text(0.5, 0.5, "no pairs of paragraphs from different articles", transform=ax.transAxes,
                ha="center", va="center", color="dimgrey")
    ax.axvline(threshold, color="black", linestyle=":", linewidth=1.5, label=f"threshold {threshold}")
    ax.set_xlabel("cosine similarity of two paragraphs from different articles")
    ax.set_ylabel(f"pairs (of {len(values):,}; log scale)")
    ax.set_title(title)
    ax.legend(fontsize=9)
    return fig
