"""How much the topics and clusters move when the seed or the corpus changes a little.

Agreement is the adjusted Rand index (ARI) between two partitions of the same
paragraphs: 1 means identical groupings (whatever the numbering), 0 what
chance gives, negative values less than chance.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_rand_score

from ..schema import ARTICLE_ROLES
from ..corpus.build import open_corpus
from .model import cluster_units, paragraph_units

#: Paragraph partitions compared: the column of ``paragraph_clusters`` and its name.
METHODS = {"topic_id": "NMF dominant topic", "kmeans_cluster": "k-means", "agglomerative_cluster": "agglomerative"}
SEED_COLUMNS = ["method", "nmf_init", "seed_a", "seed_b", "ari"]
PERTURBATION_COLUMNS = ["run", "perturbation", "n_paragraphs", "method", "ari"]
_DECIMALS = 4


def _agreement(a: pd.DataFrame, b: pd.DataFrame, column: str) -> float:
    joined = a.merge(b, on=["doc_id", "block_id"], suffixes=("_a", "_b"))
    if len(joined) < 2:
        return float("nan")
    return round(float(adjusted_rand_score(joined[f"{column}_a"], joined[f"{column}_b"])), _DECIMALS)


def _fixed_k(units: pd.DataFrame, k, random_state: int, **kwargs) -> int:
    if k is not None:
        return int(k)
    model = cluster_units(units, random_state=random_state, **kwargs)
    chosen = model.k_selection.loc[model.k_selection["chosen"], "k"] if len(model.k_selection) else []
    return int(chosen.iloc[0]) if len(chosen) else 1


def seed_stability(source, *, roles=ARTICLE_ROLES, k: int | None = None, seeds=(0, 1, 2, 3, 4),
                   nmf_inits=("nndsvda", "random")) -> pd.DataFrame:
    """ARI between the paragraph partitions of runs that differ only in their seed.

    Parameters
    ----------
    source : anything :func:`open_corpus` accepts
    roles : sequence of str
        Block roles that count as paragraphs.
    k : int, optional
        Number of topics, held fixed across runs (default: the k chosen with seed 0).
    seeds : sequence of int
    nmf_inits : sequence of str
        NMF starts compared: ``"nndsvda"`` (the default, from an SVD) and ``"random"``.

    Returns
    -------
    DataFrame
        ``method, nmf_init, seed_a, seed_b, ari`` for every pair of seeds and
        each of :data:`METHODS`, sorted.
    """
    units = paragraph_units(open_corpus(source), roles)
    k = _fixed_k(units, k, seeds[0] if len(seeds) else 0)
    rows = []
    for init in nmf_inits:
        runs = {s: cluster_units(units, k=k, random_state=s, nmf_init=init).paragraph_clusters for s in seeds}
        for column, name in METHODS.items():
            for a, b in combinations(seeds, 2):
                rows.append({"method": name, "nmf_init": init, "seed_a": a, "seed_b": b,
                             "ari": _agreement(runs[a], runs[b], column)})
    table = pd.DataFrame(rows, columns=SEED_COLUMNS)
    return table.sort_values(["nmf_init", "method", "seed_a", "seed_b"], kind="stable").reset_index(drop=True)


def perturbation_stability(source, *, roles=ARTICLE_ROLES, k: int | None = None, n_runs: int = 10,
                           drop_fraction: float = 0.1, leave_one_article_out: bool = True,
                           random_state: int = 0) -> pd.DataFrame:
    """ARI between the full run and runs on a slightly changed corpus, on the paragraphs they share.

    Two kinds of change: ``n_runs`` seeded draws that leave out ``drop_fraction``
    of the paragraphs, and (optionally) leaving out each article in turn. The
    number of topics is held at the full run's k; only the corpus changes.

    Returns
    -------
    DataFrame
        ``run, perturbation, n_paragraphs, method, ari`` (one row per run and
        method of :data:`METHODS`), in run order.
    """
    units = paragraph_units(open_corpus(source), roles)
    k = _fixed_k(units, k, random_state)
    full = cluster_units(units, k=k, random_state=random_state).paragraph_clusters
    rng = np.random.default_rng(random_state)
    changes = []
    n_drop = int(round(drop_fraction * len(units)))
    if len(units) > 2 and n_drop > 0:
        for run in range(n_runs):
            dropped = rng.choice(len(units), size=n_drop, replace=False)
            changes.append((f"drop {n_drop} of {len(units)} paragraphs (draw {run})", units.drop(index=dropped)))
    if leave_one_article_out and units["doc_id"].nunique() > 2:
        for doc_id in sorted(units["doc_id"].unique()):
            changes.append((f"leave out article {doc_id}", units[units["doc_id"] != doc_id]))
    rows = []
    for run, (label, kept) in enumerate(changes):
        changed = cluster_units(kept, k=k, random_state=random_state).paragraph_clusters
        for column, name in METHODS.items():
            rows.append({"run": run, "perturbation": label, "n_paragraphs": len(kept), "method": name,
                         "ari": _agreement(full, changed, column)})
    return pd.DataFrame(rows, columns=PERTURBATION_COLUMNS)


def summarise_stability(table: pd.DataFrame, by=("method",)) -> pd.DataFrame:
    """Mean, minimum and number of ARI values per group of a stability table."""
    by = list(by)
    if table.empty:
        return pd.DataFrame(columns=by + ["mean_ari", "min_ari", "n"])
    summary = table.groupby(by, sort=True)["ari"].agg(mean_ari="mean", min_ari="min", n="size").reset_index()
    return summary.round({"mean_ari": _DECIMALS, "min_ari": _DECIMALS})
