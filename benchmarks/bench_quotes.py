"""Benchmark of quote extraction: accuracy on the seeds and on real news (MEANTIME), and speed.

Run from the project root:

    PYTHONPATH=src python benchmarks/bench_quotes.py [--articles 10000] [--gold-dir DIR ...]

Writes ``benchmarks/results/quotes.md``. Three sets are scored against hand
annotations:

* ``seeds``: the five seed articles against ``data/annotations/quotes.csv``
  (the rules were written on them: a ceiling, not evidence);
* ``Wikinews dev`` and ``Wikinews test``: the two halves of MEANTIME fixed in
  ``data/annotations/meantime/split.csv``, read from ``../shared`` with
  ``evaluation.meantime.read_meantime_file`` and built into a corpus by
  ``open_corpus`` exactly as a user's folder is; gold from
  ``data/annotations/meantime/quotes.csv`` (or the annotators' part files), only
  articles listed as completely annotated are scored. Skipped when ``../shared``
  is absent. Rules are developed on dev only; test is only measured.

``--as-baseline`` stores this run's accuracy as the baseline section of the
results file (measured once with the rules before the redesign); later runs keep
that section as it is.

Speed: the seeds' body paragraphs are resampled (seeded) into synthetic articles
of 3 to 8 paragraphs; the corpus is built once (blocks and sentences are the
foundation's work) and ``extract_quotes`` is timed on one core, in CPU seconds
(``time.process_time``) so that a busy machine does not distort the rate.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import random
import re
import sys
import time
import tracemalloc
from pathlib import Path

import pandas as pd

from analysis_helpers import open_corpus
from analysis_helpers.corpus.roles import ARTICLE_ROLES
from analysis_helpers.corpus.build import build_corpus
from analysis_helpers.evaluation.quotes import (
    error_cause_table, evaluate_quotes, meantime_articles, meantime_folder, quote_errors, read_gold_quotes,
    read_meantime_gold_quotes, speaker_error_causes,
)
from analysis_helpers.quotes.extract import extract_quotes

SEED = 20250213
RESULTS = Path(__file__).resolve().parent / "results" / "quotes.md"
BASELINE_START = "<!-- baseline: start -->"
BASELINE_END = "<!-- baseline: end -->"


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
    """``(result, CPU seconds)``: process time, so that other programs on the machine do not count."""
    start = time.process_time()
    result = function(*args)
    return result, time.process_time() - start


def articles_per_second(corpus, min_seconds: float = 1.0) -> float:
    """``extract_quotes`` speed on ``corpus``, repeated until ``min_seconds`` have passed."""
    n_runs, elapsed = 0, 0.0
    while elapsed < min_seconds:
        _, seconds = timed(extract_quotes, corpus)
        elapsed += seconds
        n_runs += 1
    return n_runs * len(corpus.articles) / elapsed


def peak_memory_mb(corpus) -> float:
    tracemalloc.start()
    extract_quotes(corpus)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def table(df: pd.DataFrame) -> str:
    head = "| " + " | ".join(df.columns) + " |\n|" + "---|" * len(df.columns) + "\n"
    return head + "\n".join("| " + " | ".join(str(v) for v in row) + " |" for row in df.itertuples(index=False))


def headline_numbers(scores: pd.DataFrame) -> dict:
    """The issue's target measures from an :func:`evaluate_quotes` table."""
    by = scores.set_index("group")
    return {
        "quotes in marks F1": by.at["direct+partial", "f1"],
        "speaker accuracy (in marks)": by.at["direct+partial", "speaker_accuracy"],
        "indirect recall": by.at["indirect", "recall"],
        "indirect precision": by.at["indirect", "precision"],
    }


def score_set(name: str, predicted: pd.DataFrame, gold: pd.DataFrame, speed: float) -> tuple[list[str], dict]:
    """Lines of one set's section and its headline numbers."""
    scores = evaluate_quotes(predicted, gold)
    matched = int(scores.set_index("group").at["direct+partial", "matched"])
    causes = error_cause_table(speaker_error_causes(predicted, gold), matched)
    numbers = headline_numbers(scores) | {"articles per second": round(speed)}
    lines = [
        f"### {name}", "",
        table(scores), "",
        "Speaker errors on quotes in marks, by cause (share of matched quotes in marks):", "",
        table(causes), "",
        f"`extract_quotes` on this set: {speed:.0f} articles per second (one core).", "",
    ]
    return lines, numbers


def meantime_sets(gold_dirs) -> list[tuple[str, object, pd.DataFrame]]:
    """``(name, corpus, gold)`` of the Wikinews dev and test halves (empty when ``../shared`` is absent)."""
    folder = meantime_folder()
    if folder is None:
        return []
    gold = read_meantime_gold_quotes(gold_dirs)
    complete = set(gold.attrs["complete"])
    out = []
    for half in ("dev", "test"):
        articles = meantime_articles(folder, half)
        articles = articles[articles["doc_id"].isin(complete)].reset_index(drop=True)
        corpus = open_corpus(articles)
        out.append((f"Wikinews {half}", corpus, gold[gold["doc_id"].isin(set(articles["doc_id"]))]))
    return out


def dev_fold(doc_id: str) -> int:
    """Fold (0 or 1) of a development article: a stable hash of its id, so folds never change."""
    return int(hashlib.md5(doc_id.encode("utf-8")).hexdigest(), 16) % 2


def fold_rows(predicted: pd.DataFrame, gold: pd.DataFrame) -> list[dict]:
    """Headline numbers per fold of the development half: rules tuned on one fold, checked on the other."""
    rows = []
    for fold in (0, 1):
        ids = {d for d in gold["doc_id"].unique() if dev_fold(d) == fold}
        numbers = headline_numbers(evaluate_quotes(predicted[predicted["doc_id"].isin(ids)],
                                                   gold[gold["doc_id"].isin(ids)]))
        rows.append({"set": f"Wikinews dev, fold {fold}", "articles": len(ids)} | numbers)
    return rows


def accuracy_sections(gold_dirs) -> tuple[list[str], pd.DataFrame]:
    """Per-set sections and the summary table (one row per set)."""
    lines: list[str] = []
    summary = []
    seeds = open_corpus()
    seed_gold = read_gold_quotes()
    seed_gold = seed_gold[seed_gold["role"].isin(ARTICLE_ROLES)]
    predicted = extract_quotes(seeds)
    predicted = predicted[predicted["role"].isin(ARTICLE_ROLES)]
    section, numbers = score_set("seeds (article text: headline, standfirst, body)", predicted, seed_gold,
                                 articles_per_second(seeds))
    lines += section
    summary.append({"set": "seeds", "articles": len(seeds.articles), "gold quotes": len(seed_gold)} | numbers)
    sets = meantime_sets(gold_dirs)
    if not sets:
        lines += ["### Wikinews (MEANTIME)", "", "skipped: `../shared/data/timeline/meantime_en/` not found", ""]
    for name, corpus, gold in sets:
        predicted = extract_quotes(corpus)
        section, numbers = score_set(f"{name} ({len(corpus.articles)} completely annotated articles)",
                                     predicted, gold, articles_per_second(corpus))
        lines += section
        summary.append({"set": name, "articles": len(corpus.articles), "gold quotes": len(gold)} | numbers)
        if name.endswith("dev"):
            folds = pd.DataFrame(fold_rows(predicted, gold))
            lines += ["Cross-validation inside dev (two folds by a hash of the article id; a rule added for an",
                      "error of one fold is checked on the other):", "", table(folds), ""]
    return lines, pd.DataFrame(summary)


def kept_baseline(path: Path) -> str:
    """The stored baseline section of the results file ("" when none)."""
    if not path.is_file():
        return ""
    found = re.search(re.escape(BASELINE_START) + r".*?" + re.escape(BASELINE_END), path.read_text("utf-8"), re.S)
    return found.group() if found else ""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="synthetic articles for the speed test")
    parser.add_argument("--gold-dir", action="append", default=None,
                        help="folder of MEANTIME quote annotations (repeatable; default data/annotations/meantime)")
    parser.add_argument("--as-baseline", action="store_true",
                        help="store this run's accuracy as the baseline section of the results file")
    parser.add_argument("--out", default=str(RESULTS))
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    out = Path(args.out)

    accuracy, summary = accuracy_sections(args.gold_dir)
    if args.as_baseline:
        baseline = "\n".join([
            BASELINE_START,
            "## Baseline: the rules before the redesign of attribution (issue 9)",
            "",
            f"Measured {time.strftime('%Y-%m-%d', time.gmtime())} with the cascade of rules as merged for issue 3,"
            " before any rule was changed.",
            "",
            table(summary),
            "",
            *accuracy,
            BASELINE_END,
        ])
        accuracy_now, summary_now = accuracy, summary
    else:
        baseline = kept_baseline(out) or "(no baseline stored: run once with `--as-baseline` on the old rules)"
        accuracy_now, summary_now = accuracy, summary

    seeds = open_corpus()
    errors = quote_errors(extract_quotes(seeds), read_gold_quotes())
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

    command = "PYTHONPATH=src python benchmarks/bench_quotes.py --articles " + str(args.articles)
    lines = [
        "# Quote extraction benchmark",
        "",
        "Command (from the project root):",
        "",
        f"    {command}",
        "",
        f"Python {platform.python_version()}, pandas {pd.__version__}, one core.",
        "",
        "A predicted span matches a gold span of the same kind group when it covers at least half of it",
        "(one-to-one). Speaker accuracy is the share of matched pairs whose canonical speakers agree",
        "(case-blind). Targets of issue 9 on the Wikinews test half: speaker accuracy in marks >= 0.90,",
        "indirect recall >= 0.75 at precision >= 0.85, quotes in marks F1 >= 0.95; speed >= 300 articles/s.",
        "",
        "## Summary",
        "",
        table(summary_now),
        "",
        "The seeds are a ceiling (the rules were first written on them). Wikinews (MEANTIME, 120 real",
        "published articles, CC BY 4.0) is split once by article: rules are developed on dev only, test is",
        "only measured. Only articles the annotators list as complete are scored.",
        "",
        "## Per set",
        "",
        *accuracy_now,
        f"Disagreements with the seeds' gold (all blocks): {len(errors)}.",
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
        baseline,
        "",
    ]
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_text("\n".join(lines), encoding="utf-8")
    tmp.replace(out)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
