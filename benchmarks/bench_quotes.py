"""Benchmark of quote extraction: accuracy on the seeds against the hand gold, and speed.

Run from the project root:

    PYTHONPATH=src python benchmarks/bench_quotes.py [--articles 10000]

Writes ``benchmarks/results/quotes.md``. Speed: the seeds' body paragraphs are
resampled (seeded) into synthetic articles of 3 to 8 paragraphs; the corpus is
built once (blocks and sentences are the foundation's work) and
``extract_quotes`` is timed on one core. Memory: the peak traced by
``tracemalloc`` while extracting from corpora of growing size, per article.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time
import tracemalloc
from pathlib import Path

import pandas as pd

from analysis_helpers import open_corpus
from analysis_helpers.corpus.roles import ARTICLE_ROLES
from analysis_helpers.corpus.build import build_corpus
from analysis_helpers.evaluation.quotes import evaluate_quotes, quote_errors, read_gold_quotes
from analysis_helpers.quotes.extract import extract_quotes

SEED = 20250213
RESULTS = Path(__file__).resolve().parent / "results" / "quotes.md"


def synthetic_articles(n: int, seed: int = SEED) -> pd.DataFrame:
    """``n`` articles made of the seeds' body paragraphs, resampled with a fixed seed."""
    corpus = open_corpus()
    body = corpus.blocks.loc[corpus.blocks["role"] == "body", "text"].tolist()
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        paragraphs = rng.choices(body, k=rng.randint(3, 8))
        texts.append("Synthetic headline for a resampled article\n\n" + "\n\n".join(paragraphs))
    return pd.DataFrame({"doc_id": [f"s{i:05d}" for i in range(n)], "text": texts})


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def peak_memory_mb(corpus) -> float:
    tracemalloc.start()
    extract_quotes(corpus)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def table(df: pd.DataFrame) -> str:
    head = "| " + " | ".join(df.columns) + " |\n|" + "---|" * len(df.columns) + "\n"
    return head + "\n".join("| " + " | ".join(str(v) for v in row) + " |" for row in df.itertuples(index=False))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    seeds = open_corpus()
    predicted = extract_quotes(seeds)
    gold = read_gold_quotes()
    all_blocks = evaluate_quotes(predicted, gold)
    article_only = evaluate_quotes(predicted, gold, roles=ARTICLE_ROLES)
    errors = quote_errors(predicted, gold)

    articles = synthetic_articles(args.articles)
    corpus, build_seconds = timed(build_corpus, articles)
    quotes, seconds = timed(extract_quotes, corpus)
    sizes = [args.articles // 8, args.articles // 4, args.articles // 2]
    memory = []
    for n in sizes:
        sub = build_corpus(articles.iloc[:n].reset_index(drop=True))
        peak = peak_memory_mb(sub)
        memory.append({"articles": n, "peak_MB": round(peak, 1), "KB_per_article": round(1000 * peak / n, 1)})
    memory = pd.DataFrame(memory)

    lines = [
        "# Quote extraction benchmark",
        "",
        "Command (from the project root):",
        "",
        f"    PYTHONPATH=src python benchmarks/bench_quotes.py --articles {args.articles}",
        "",
        f"Python {platform.python_version()}, pandas {pd.__version__}, one core.",
        "",
        "## Accuracy on the five seeds against `data/annotations/quotes.csv`",
        "",
        "A predicted span matches a gold span of the same kind group when it covers at least half of it",
        "(one-to-one). Speaker accuracy is the share of matched pairs whose canonical speakers agree.",
        "",
        "All blocks (article text, related-news blurbs and captions):",
        "",
        table(all_blocks),
        "",
        "Article text only (headline, standfirst, body):",
        "",
        table(article_only),
        "",
        f"Disagreements with the gold: {len(errors)}.",
        "",
        "Caveat: the gold was annotated by the same engineer who wrote the rules, during development,",
        "so these numbers are an upper bound; the unit tests on invented sentences in other outlets'",
        "styles (`tests/test_quotes.py`) are the evidence that the rules generalise.",
        "",
        "## Speed",
        "",
        f"{args.articles} synthetic articles (seed {SEED}; the seeds' body paragraphs resampled, 3-8 per",
        f"article, {int(articles['text'].str.len().sum() / len(articles))} characters on average).",
        "",
        f"- corpus build (foundation: blocks, roles, Punkt sentences): {build_seconds:.1f} s",
        f"- `extract_quotes`: {seconds:.1f} s for {len(quotes)} quotes, "
        f"**{args.articles / seconds:.0f} articles per second** ({len(quotes) / seconds:.0f} quotes per second)",
        "",
        "Peak memory traced during `extract_quotes` (tracemalloc), by corpus size:",
        "",
        table(memory),
        "",
        "Memory per article stays flat: articles are processed one at a time and only the output rows",
        "accumulate.",
        "",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
