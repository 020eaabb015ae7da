"""Block-role accuracy on every hand-annotated set, written to benchmarks/results/blocks.md.

Sets: the seeds (data/annotations/blocks.csv), the invented development layouts
(tests/fixtures/other_layouts) and the held-out layouts written blind to the
classifier (benchmarks/heldout_layouts*). Run: python benchmarks/bench_blocks.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pandas as pd

from analysis_helpers.evaluation.blocks import align_block_roles, role_scores
from analysis_helpers.corpus.build import open_corpus, read_articles
from analysis_helpers.paths import annotations_dir, project_root

ROOT = project_root()


def gold_for_folder(folder: Path) -> pd.DataFrame:
    """Gold rows of a fixture folder (file, block_id, role, text) keyed like the blocks table."""
    gold = pd.read_csv(folder / "blocks_gold.csv")
    gold["doc_id"] = gold["file"].str.replace(r"\.txt$", "", regex=True)
    return gold


def score_folder(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    articles, _ = read_articles(folder)
    corpus = open_corpus(articles)
    gold = gold_for_folder(folder)
    keyed = gold.merge(corpus.blocks[["doc_id", "block_id", "start", "end", "text"]],
                       on=["doc_id", "block_id"], how="left", suffixes=("", "_predicted"))
    mismatched = keyed[keyed["text"] != keyed["text_predicted"]]
    if len(mismatched):
        raise SystemExit(f"{folder}: gold lines do not match the segmentation: {mismatched.head()}")
    aligned = align_block_roles(corpus.blocks, keyed.drop(columns="text_predicted"))
    return role_scores(aligned), aligned


def main() -> int:
    sets = []
    seeds = open_corpus()
    gold = pd.read_csv(annotations_dir() / "blocks.csv", dtype={"doc_id": str})
    aligned = align_block_roles(seeds.blocks, gold)
    sets.append(("seeds (data/annotations/blocks.csv)", role_scores(aligned), aligned))
    for folder in [ROOT / "tests/fixtures/other_layouts", *sorted(ROOT.glob("benchmarks/heldout_layouts*"))]:
        scores, aligned = score_folder(folder)
        sets.append((str(folder.relative_to(ROOT)), scores, aligned))

    # speed: the seeds resampled to 2,000 articles
    articles = seeds.articles
    big = pd.concat([articles] * 400, ignore_index=True)
    big["doc_id"] = [f"{i:05d}" for i in range(len(big))]
    started = time.perf_counter()
    open_corpus(big)
    elapsed = time.perf_counter() - started

    lines = ["# Block roles: accuracy per role", "",
             "Command: `python benchmarks/bench_blocks.py` (writes this file).", ""]
    for name, scores, aligned in sets:
        lines += [f"## {name}", "", f"{len(aligned)} blocks, accuracy {scores.iloc[-1]['f1']:.3f}.", "",
                  scores.to_markdown(index=False) if hasattr(scores, "to_markdown") and _has_tabulate() else
                  "```\n" + scores.to_string(index=False) + "\n```", ""]
        wrong = aligned[aligned["gold"] != aligned["predicted"]]
        if len(wrong):
            lines += ["Errors:", ""]
            for row in wrong.itertuples():
                lines.append(f"- {row.doc_id} block {row.block_id}: gold {row.gold}, predicted {row.predicted} "
                             f"({row.role_rule}): {row.text[:90]!r}")
            lines.append("")
    lines += ["## Speed", "",
              f"Segmentation, roles and sentences for {len(big)} articles (the seeds repeated): "
              f"{elapsed:.1f} s, {len(big) / elapsed:.0f} articles per second on one core.", ""]
    out = ROOT / "benchmarks" / "results" / "blocks.md"
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


def _has_tabulate() -> bool:
    try:
        import tabulate  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
