"""Benchmark of the topic pipeline: agreement with the hand labels, stability, and speed.

Run from the project root:

    PYTHONPATH=src python benchmarks/bench_topics.py

Writes ``benchmarks/results/topics.md``. Speed is measured on one core
(the process is pinned to one CPU where the system allows it, and every
library thread pool is limited to one thread) on 10,000 synthetic paragraphs
made by drawing 2 to 5 sentences at random (seeded) from the seed articles'
text.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from analysis_helpers import open_corpus  # noqa: E402
from analysis_helpers.corpus.roles import ARTICLE_ROLES  # noqa: E402
from analysis_helpers.topics.near_duplicates import same_passage_pairs  # noqa: E402
from analysis_helpers.evaluation.topics import (  # noqa: E402
    groups_apart, groups_together, load_topic_labels, score_against_labels,
)
from analysis_helpers.topics.stability import perturbation_stability, seed_stability, summarise_stability  # noqa: E402
from analysis_helpers.topics.model import cluster_topics, cluster_units  # noqa: E402

N_PARAGRAPHS = 10_000
PARAGRAPHS_PER_ARTICLE = 20
TIME_LIMIT_S = 30.0


def pin_to_one_core() -> str:
    """Pin this process to one CPU when the system allows it; say what was done."""
    if hasattr(os, "sched_setaffinity"):
        cpu = sorted(os.sched_getaffinity(0))[0]
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu} (os.sched_setaffinity)"
    return "not pinned (no sched_setaffinity on this system); thread pools limited to 1"


def synthetic_paragraphs(corpus, n: int, seed: int = 0) -> pd.DataFrame:
    """``n`` paragraphs of 2 to 5 sentences drawn (seeded) from the corpus's article sentences."""
    sentences = corpus.sentences
    if "role" in sentences:
        sentences = sentences[sentences["role"].isin(ARTICLE_ROLES)]
    pool = sentences["text"].tolist()
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        picked = rng.choice(len(pool), size=int(rng.integers(2, 6)), replace=False)
        text = " ".join(pool[j] for j in picked)
        rows.append({"doc_id": f"s{i // PARAGRAPHS_PER_ARTICLE:04d}", "block_id": i % PARAGRAPHS_PER_ARTICLE,
                     "start": 0, "end": len(text), "role": "body", "text": text})
    return pd.DataFrame(rows)


def markdown(table: pd.DataFrame) -> str:
    cols = list(table.columns)
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in table.itertuples(index=False):
        lines.append("| " + " | ".join(str(v) for v in row) + " |")
    return "\n".join(lines)


def main() -> None:
    pinned = pin_to_one_core()
    corpus = open_corpus()
    labels = load_topic_labels()
    out = ["# Topic clustering benchmark", "",
           "Command (from the project root): `PYTHONPATH=src python benchmarks/bench_topics.py`", ""]

    # 1. Agreement with the hand labels -------------------------------------------------------
    model = cluster_topics(corpus)
    scores = score_against_labels(model.paragraph_clusters, labels)
    chosen_k = int(model.k_selection.loc[model.k_selection["chosen"], "k"].iloc[0])
    out += ["## Agreement with the hand labels (data/annotations/topics.csv)", "",
            f"Default pipeline (article text only, k chosen by stability: k = {chosen_k}); "
            f"{len(labels)} labelled body paragraphs, {labels['topic'].nunique()} labels.", "",
            markdown(scores), ""]
    rows = []
    for k in range(2, 9):
        fixed = cluster_topics(corpus, k=k)
        s = score_against_labels(fixed.paragraph_clusters, labels).set_index("column")
        rows.append({"k": k, "chosen": k == chosen_k, "NMF ARI": s.loc["topic_id", "ari"],
                     "NMF NMI": s.loc["topic_id", "nmi"], "k-means ARI": s.loc["kmeans_cluster", "ari"],
                     "agglomerative ARI": s.loc["agglomerative_cluster", "ari"]})
    out += ["The same scores with k fixed by hand (for reading only; k is never chosen by peeking at labels):", "",
            markdown(pd.DataFrame(rows)), ""]
    clusters = model.article_clusters
    checks = []
    for column in ("agglomerative_cluster", "kmeans_cluster"):
        checks.append({"article clustering": column,
                       "000+004 apart from 002+003": groups_apart(clusters, ["000", "004"], ["002", "003"], column),
                       "000 with 004": groups_together(clusters, ["000", "004"], column),
                       "002 with 003": groups_together(clusters, ["002", "003"], column),
                       "groups": " ".join(f"{d}:{c}" for d, c in zip(clusters["doc_id"], clusters[column]))})
    out += ["## Article level", "",
            "Thursday's press conference (000, 004) and Wednesday's Contact Group speech (002, 003):", "",
            markdown(pd.DataFrame(checks)), ""]

    # 2. Stability ----------------------------------------------------------------------------
    seeds = summarise_stability(seed_stability(corpus), ["nmf_init", "method"])
    perturbed = perturbation_stability(corpus)
    perturbed["kind"] = np.where(perturbed["perturbation"].str.startswith("drop"), "drop 10% of paragraphs",
                                 "leave one article out")
    out += ["## Stability (adjusted Rand index)", "",
            "Between seeds 0-4 (k fixed at the chosen value):", "", markdown(seeds), "",
            "Full corpus against slightly changed corpora, on the paragraphs they share:", "",
            markdown(summarise_stability(perturbed, ["kind", "method"])), ""]

    # 3. Speed --------------------------------------------------------------------------------
    units = synthetic_paragraphs(corpus, N_PARAGRAPHS)
    with threadpool_limits(limits=1):
        t0 = time.perf_counter()
        big = cluster_units(units)
        t_topics = time.perf_counter() - t0
        big_k = int(big.k_selection.loc[big.k_selection["chosen"], "k"].iloc[0])
        articles = units.groupby("doc_id")["text"].apply("\n".join).reset_index()
        t0 = time.perf_counter()
        big_corpus = open_corpus(articles.assign(title=""))
        t_corpus = time.perf_counter() - t0
        t0 = time.perf_counter()
        pairs = same_passage_pairs(big_corpus)
        t_pairs = time.perf_counter() - t0
    status = "PASS" if t_topics < TIME_LIMIT_S else "FAIL"
    out += ["## Speed", "",
            f"{N_PARAGRAPHS:,} synthetic paragraphs ({len(units['doc_id'].unique())} articles of "
            f"{PARAGRAPHS_PER_ARTICLE}), one core: {pinned}.", "",
            "| step | seconds |", "|---|---|",
            f"| topic pipeline: TF-IDF, choice of k (sample of 1,500), NMF, k-means, agglomerative, all tables (k = {big_k}) | {t_topics:.1f} |",
            f"| (for reference) open_corpus on the same text: blocks, roles, Punkt sentences | {t_corpus:.1f} |",
            f"| open_corpus + topic pipeline (text to topic tables) | {t_corpus + t_topics:.1f} |",
            f"| (for reference) same_passage_pairs over {len(big_corpus.blocks):,} blocks ({len(pairs):,} pairs found) | {t_pairs:.1f} |",
            "", f"Topic pipeline under {TIME_LIMIT_S:.0f} s: **{status}**; from raw text to topic tables: "
            f"**{'PASS' if t_corpus + t_topics < TIME_LIMIT_S else 'FAIL'}**.", ""]
    path = ROOT / "benchmarks" / "results" / "topics.md"
    path.write_text("\n".join(out), encoding="utf-8")
    print("\n".join(out))


if __name__ == "__main__":
    main()
