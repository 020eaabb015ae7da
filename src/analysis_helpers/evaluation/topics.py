"""Compare topic clusters with hand labels: adjusted Rand index and normalised mutual information."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from ..paths import annotations_dir

LABEL_COLUMNS = ["doc_id", "start", "end", "text", "topic", "secondary_topic", "note"]
SCORE_COLUMNS = ["method", "column", "n_paragraphs", "n_clusters", "n_labels", "ari", "nmi"]
#: Paragraph partitions scored: column of ``paragraph_clusters`` -> readable name.
METHODS = {"topic_id": "NMF dominant topic", "kmeans_cluster": "k-means", "agglomerative_cluster": "agglomerative"}
_DECIMALS = 4


def load_topic_labels(path: str | Path | None = None) -> pd.DataFrame:
    """Hand topic labels of paragraphs (default ``data/annotations/topics.csv``).

    Returns
    -------
    DataFrame
        ``doc_id`` (str), ``start``, ``end`` (character offsets), ``text``,
        ``topic``, ``secondary_topic`` and ``note`` (empty strings when blank).
    """
    path = Path(path) if path is not None else annotations_dir() / "topics.csv"
    table = pd.read_csv(path, dtype={"doc_id": str, "text": str, "topic": str, "secondary_topic": str, "note": str},
                        keep_default_na=False)
    return table[LABEL_COLUMNS]


def labelled_clusters(paragraph_clusters: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    """The paragraphs that carry a hand label, with their clusters and ``topic`` label (inner join on offsets)."""
    keys = ["doc_id", "start", "end"]
    left = paragraph_clusters.astype({"doc_id": str})
    right = labels[keys + ["topic"]].astype({"doc_id": str})
    return left.merge(right, on=keys, how="inner").sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


def score_against_labels(paragraph_clusters: pd.DataFrame, labels: pd.DataFrame, methods=None) -> pd.DataFrame:
    """ARI and NMI of each clustering against the hand labels, on the labelled paragraphs.

    Returns
    -------
    DataFrame
        ``method, column, n_paragraphs, n_clusters, n_labels, ari, nmi``, one row per method.
    """
    methods = METHODS if methods is None else methods
    joined = labelled_clusters(paragraph_clusters, labels)
    rows = []
    for column, name in methods.items():
        if column not in joined:
            continue
        ok = len(joined) >= 2
        rows.append({
            "method": name, "column": column, "n_paragraphs": len(joined),
            "n_clusters": int(joined[column].nunique()), "n_labels": int(joined["topic"].nunique()),
            "ari": round(float(adjusted_rand_score(joined["topic"], joined[column])), _DECIMALS) if ok else float("nan"),
            "nmi": round(float(normalized_mutual_info_score(joined["topic"], joined[column])), _DECIMALS) if ok else float("nan"),
        })
    return pd.DataFrame(rows, columns=SCORE_COLUMNS)


def label_crosstab(paragraph_clusters: pd.DataFrame, labels: pd.DataFrame, column: str = "topic_id") -> pd.DataFrame:
    """Counts of labelled paragraphs by hand label (rows) and cluster (columns)."""
    joined = labelled_clusters(paragraph_clusters, labels)
    return pd.crosstab(joined["topic"], joined[column]).sort_index()


def groups_apart(article_clusters: pd.DataFrame, group_a, group_b, column: str = "agglomerative_cluster") -> bool:
    """True when no article of ``group_a`` shares a cluster with an article of ``group_b``."""
    cluster = dict(zip(article_clusters["doc_id"].astype(str), article_clusters[column]))
    a = {cluster.get(str(d)) for d in group_a}
    b = {cluster.get(str(d)) for d in group_b}
    return None not in a | b and not (a & b)


def groups_together(article_clusters: pd.DataFrame, group, column: str = "agglomerative_cluster") -> bool:
    """True when every article of ``group`` is in the same cluster."""
    cluster = dict(zip(article_clusters["doc_id"].astype(str), article_clusters[column]))
    values = {cluster.get(str(d)) for d in group}
    return None not in values and len(values) == 1
