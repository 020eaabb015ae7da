"""Benchmark the numeric-figure extractor: accuracy on the hand-annotated seeds and speed.

Run from the project root:

    PYTHONPATH=src python benchmarks/bench_figures.py

Writes ``benchmarks/results/figures.md``. Accuracy: precision and recall for
spans (overlap and exact) and values, accuracy of kind and unit, against
``data/annotations/figures.csv``. Speed: articles per second on one core, ours
and quantulum3's on the same texts. quantulum3 is an optional evaluation extra
(``pip install quantulum3``); the comparison is skipped when it is absent.
"""

from __future__ import annotations

import os
import platform
import sys
import time
import warnings
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from analysis_helpers import open_corpus  # noqa: E402
from analysis_helpers.corpus.roles import ARTICLE_ROLES  # noqa: E402
from analysis_helpers.evaluation.figures import evaluate_figures, read_gold_figures  # noqa: E402
from analysis_helpers.figures.extract import extract_figures, figures_in_text  # noqa: E402
from analysis_helpers.paths import annotations_dir  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
import common  # noqa: E402

SPEED_COPIES = 200  # the five seeds repeated: 1,000 articles
QUANTULUM_COPIES = 4  # quantulum3 is slow; 20 articles are enough for a rate


def one_core() -> str:
    """Pin this process to one CPU when the platform allows it."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity on this platform)"


def rate(func, items) -> float:
    """Items per second for ``func`` applied to each of ``items`` (best of three runs)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for item in items:
            func(item)
        best = min(best, time.perf_counter() - start)
    return len(items) / best


def quantulum_figures(corpus) -> pd.DataFrame | None:
    """quantulum3's quantities on a corpus as a figures-like table, or None when not installed."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import classifier, parser
    except ImportError:
        return None
    # quantulum3's pickled unit classifier does not load under this scikit-learn;
    # its documented fallback (dictionary disambiguation) is used instead.
    classifier.USE_CLF = False
    rows = []
    for doc_id, text in zip(corpus.articles["doc_id"], corpus.articles["text"]):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            quantities = parser.parse(text)
        for q in quantities:
            start, end = q.span
            rows.append({"doc_id": doc_id, "start": start, "end": end, "text": text[start:end],
                         "kind": "", "value": float(q.value), "unit": q.unit.name})
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "text", "kind", "value", "unit"])


def meantime_figures(gold_dir: Path, with_quantulum: bool) -> tuple[list[str], pd.DataFrame | None]:
    """Ours and quantulum3 against the hand-annotated MEANTIME figures, all / dev / test, in one run.

    Gold: ``figures.csv`` of ``gold_dir`` restricted to the articles listed in ``figures_articles.csv``
    (completely annotated); offsets are into ``read_meantime_file(path).text`` (whole articles).
    """
    folder = common.meantime_folder()
    gold_file, listed = gold_dir / "figures.csv", gold_dir / "figures_articles.csv"
    if folder is None or not gold_file.is_file() or not listed.is_file():
        return ["## MEANTIME", "", f"skipped: MEANTIME or {gold_file} not found", ""], None
    done = set(pd.read_csv(listed, dtype=str)["doc_id"])
    docs = [d for d in common.load(folder) if d.doc_id in done]
    half = {d.doc_id: d.half for d in docs}
    gold = read_gold_figures(gold_file)
    gold = gold[gold["doc_id"].isin(done)].reset_index(drop=True)
    corpus = open_corpus(pd.DataFrame({"doc_id": [d.doc_id for d in docs], "text": [d.text for d in docs]}))
    runs = [("ours", extract_figures(corpus))]
    if with_quantulum:
        q = quantulum_figures(corpus)
        if q is not None:
            runs.append(("quantulum3", q))
    rows, detail = [], []
    for name, predicted in runs:
        for part in ("all", *common.HALVES):
            keep_g = gold if part == "all" else gold[gold["doc_id"].map(half) == part]
            keep_p = predicted if part == "all" else predicted[predicted["doc_id"].map(half) == part]
            scores = evaluate_figures(keep_p, keep_g).set_index("measure")
            rows.append({"system": name, "half": part, "articles": int(keep_g["doc_id"].nunique()),
                         "figures": len(keep_g), "value F1": float(scores.loc["value", "f1"]),
                         "value P": float(scores.loc["value", "precision"]),
                         "value R": float(scores.loc["value", "recall"]),
                         "span F1 (overlap)": float(scores.loc["span (overlap)", "f1"])})
        if name == "ours":
            from analysis_helpers.evaluation.figures import match_figures
            matches = match_figures(predicted, gold)
            matches["half"] = matches["doc_id"].map(half)
            detail.append(matches)
    summary = pd.DataFrame(rows)
    lines = [f"## MEANTIME (real news, hand-annotated figures: {len(gold)} figures in {len(docs)} articles)", "",
             f"Gold: `{gold_file.relative_to(gold_file.parents[3]) if len(gold_file.parents) > 3 else gold_file}` "
             "(guidelines: `data/annotations/meantime/README.md`, \"Figures: guidelines\"), only the articles of "
             "`figures_articles.csv`. Value = matched span with the same value to 0.1 %. Rules are developed on "
             "`dev` only. `(before)`: the baseline measured before the rules of issue 14 changed "
             "(`results/baseline_figures.csv`; the gold grew after it was taken, so compare `figures`).", "",
             "SUMMARY", ""]
    return lines, (summary, detail[0] if detail else None)


def layout_figures() -> list[str]:
    """Figures per role on the invented layout sets (no figure gold there: a regression view)."""
    from analysis_helpers.corpus.build import read_articles

    lines = ["## Invented layout sets: figures found per role (no figure gold; shows when a change moves them)", "",
             "| set | article text (headline, standfirst, body) | other blocks |", "|---|---|---|"]
    for folder in common.layout_folders():
        articles, _ = read_articles(folder)
        figures = extract_figures(open_corpus(articles))
        inside = int(figures["role"].isin(ARTICLE_ROLES).sum())
        lines.append(f"| {folder.name} | {inside} | {len(figures) - inside} |")
    return lines + [""]


def main(argv=None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", default=str(annotations_dir() / "meantime"),
                        help="folder with the MEANTIME figures.csv and figures_articles.csv")
    parser.add_argument("--save-baseline", action="store_true",
                        help="keep this run's MEANTIME summary as the baseline (results/baseline_figures.csv)")
    parser.add_argument("--errors", action="store_true", help="print MEANTIME disagreements (dev half only)")
    args = parser.parse_args(argv)
    core = one_core()
    corpus = open_corpus(ROOT / "data" / "seeds")
    gold = read_gold_figures(ROOT / "data" / "annotations" / "figures.csv")
    ours = extract_figures(corpus)
    scores_all = evaluate_figures(ours, gold)
    in_article = ours["role"].isin(ARTICLE_ROLES)
    gold_roles = gold.merge(ours[["doc_id", "start", "role"]], on=["doc_id", "start"], how="left")
    scores_article = evaluate_figures(ours[in_article], gold[gold_roles["role"].isin(ARTICLE_ROLES).to_numpy()])

    texts = list(corpus.articles["text"]) * SPEED_COPIES
    ours_rate = rate(figures_in_text, texts)
    big = pd.DataFrame({"doc_id": [f"{i:05d}" for i in range(len(texts))], "text": texts})
    big_corpus = open_corpus(big)
    table_rate = rate(extract_figures, [big_corpus]) * len(texts)
    load = ", load average {:.1f}".format(os.getloadavg()[0]) if hasattr(os, "getloadavg") else ""

    q_table = quantulum_figures(corpus)
    lines = [
        "# Numeric figures: benchmark",
        "",
        "Command (from the project root):",
        "",
        "    PYTHONPATH=src /work/venv/bin/python benchmarks/bench_figures.py",
        "",
        f"Python {platform.python_version()}, {platform.machine()}, {core}{load}. "
        f"Gold: `data/annotations/figures.csv` ({len(gold)} figures in 5 seed articles).",
        "",
        "## Accuracy on the seeds, every block",
        "",
        "Spans match when they overlap (one-to-one); `span (exact)` needs identical offsets; `value` needs a",
        "matched span and the same value to 0.1 %. Kind and unit accuracy are over matched pairs.",
        "",
        common.md_table(scores_all),
        "",
        "## Accuracy on the seeds, article text only (headline, standfirst, body)",
        "",
        common.md_table(scores_article),
        "",
    ]
    mt_lines, mt = meantime_figures(Path(args.gold_dir), with_quantulum=q_table is not None)
    if mt is not None:
        summary, matches = mt
        if args.save_baseline:
            common.save_baseline("figures", summary)
        table = common.md_table(common.with_baseline("figures", summary, ["system", "half"]))
        mt_lines = [table if line == "SUMMARY" else line for line in mt_lines]
        if args.errors and matches is not None:
            dev = matches[(matches["half"] == "dev") & ((matches["outcome"] != "match") | ~matches["same_value"])]
            print(dev.to_string(), file=sys.stderr)
    lines += mt_lines + layout_figures()
    if q_table is not None:
        q_scores = evaluate_figures(q_table, gold)
        q_scores = q_scores[q_scores["measure"].isin(["span (overlap)", "span (exact)", "value"])]
        q_texts = list(corpus.articles["text"]) * QUANTULUM_COPIES
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
            parser.parse("warm up 5 km")
            q_rate = rate(parser.parse, q_texts)
        lines += [
            "## quantulum3 on the same gold (reference)",
            "",
            "quantulum3 0.10 with `classifier.USE_CLF = False` (its pickled unit classifier cannot be loaded",
            "by scikit-learn 1.9; the dictionary fallback only affects unit names, not spans or values).",
            "quantulum3 reports quantities with physical units; its spans and values are scored the same way",
            "(kind and unit are not comparable and are left out). It counts years and identifiers as numbers.",
            "",
            common.md_table(q_scores),
            "",
        ]
    else:
        q_rate = None
    lines += [
        "## Speed, one core",
        "",
        "| extractor | articles | articles per second |",
        "|---|---|---|",
        f"| ours, `figures_in_text` (text only) | {len(texts)} | {ours_rate:,.0f} |",
        f"| ours, `extract_figures` (whole table: sentences, roles) | {len(texts)} | {table_rate:,.0f} |",
    ]
    if q_rate is not None:
        lines.append(f"| quantulum3 `parser.parse` | {len(q_texts)} | {q_rate:,.1f} |")
        lines += ["", f"Ours is {ours_rate / q_rate:,.0f} times faster on the same texts."]
    else:
        lines += ["", "quantulum3 is not installed: `pip install quantulum3` to compare."]
    lines += [
        "",
        "Seed articles average 5,700 characters. Rates are the best of three runs. Building the corpus",
        "(blocks, sentences) is not timed: it is shared by every extractor. Other processes on the machine",
        "lower the numbers (see the load average above).",
        "",
    ]
    out = ROOT / "benchmarks" / "results" / "figures.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
