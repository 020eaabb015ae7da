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
sys.path.insert(0, str(ROOT / "benchmarks"))
import common  # noqa: E402


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


def meantime_as_body() -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """MEANTIME's 120 real articles as a block-role set: title = headline, every paragraph after the dateline = body.

    MEANTIME texts are clean published prose (no site furniture), so any paragraph read as furniture is an
    error; the dateline line is left out (it is neither body nor furniture in this layout).
    """
    folder = common.meantime_folder()
    if folder is None:
        return None
    docs = common.load(folder)
    corpus = open_corpus(pd.DataFrame({"doc_id": [d.doc_id for d in docs], "text": [d.text for d in docs]}))
    half = {d.doc_id: d.half for d in docs}
    blocks = corpus.blocks.copy()
    order = blocks.groupby("doc_id").cumcount()
    gold = blocks[order != 1].copy()  # block 0: the title, block 1: the dateline
    gold["role"] = ["headline" if o == 0 else "body" for o in order[order != 1]]
    aligned = align_block_roles(corpus.blocks, gold)
    aligned["half"] = aligned["doc_id"].map(half)
    return aligned, blocks


def summary_table(sets) -> pd.DataFrame:
    """Accuracy and body-line measures of every set (one row per set and MEANTIME half)."""
    rows = []
    for name, _, aligned in sets:
        parts = [("all", aligned)]
        if "half" in aligned:
            parts += [(h, aligned[aligned["half"] == h]) for h in common.HALVES]
        for part, a in parts:
            body_gold = a["gold"] == "body"
            words = a["text"].str.split().str.len()
            rows.append({"set": name.split(" (")[0], "half": part, "blocks": len(a),
                         "accuracy": float((a["gold"] == a["predicted"]).mean()),
                         "body vs not": float(((a["gold"] == "body") == (a["predicted"] == "body")).mean()),
                         "body recall": float((a.loc[body_gold, "predicted"] == "body").mean()),
                         "body > 40 words not body": int((body_gold & (words > 40) & (a["predicted"] != "body")).sum())})
    return pd.DataFrame(rows)


def main(argv=None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save-baseline", action="store_true",
                        help="keep this run's summary as the baseline (results/baseline_blocks.csv)")
    args = parser.parse_args(argv)
    sets = []
    seeds = open_corpus()
    gold = pd.read_csv(annotations_dir() / "blocks.csv", dtype={"doc_id": str})
    aligned = align_block_roles(seeds.blocks, gold)
    sets.append(("seeds (data/annotations/blocks.csv)", role_scores(aligned), aligned))
    for folder in [ROOT / "tests/fixtures/other_layouts", *sorted(ROOT.glob("benchmarks/heldout_layouts*"))]:
        scores, aligned = score_folder(folder)
        sets.append((str(folder.relative_to(ROOT)), scores, aligned))
    meantime = meantime_as_body()
    if meantime is not None:
        aligned = meantime[0]
        sets.append(("MEANTIME (120 real Wikinews articles: title = headline, paragraphs = body)",
                     role_scores(aligned), aligned))
    summary = summary_table(sets)
    if args.save_baseline:
        common.save_baseline("blocks", summary)

    # speed: the seeds resampled to 2,000 articles
    articles = seeds.articles
    big = pd.concat([articles] * 400, ignore_index=True)
    big["doc_id"] = [f"{i:05d}" for i in range(len(big))]
    started, started_cpu = time.perf_counter(), time.process_time()
    open_corpus(big)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - started_cpu

    lines = ["# Block roles: accuracy per role", "",
             "Command: `python benchmarks/bench_blocks.py` (writes this file).", "",
             "## Summary", "",
             "`(before)`: the baseline measured before the rules of issue 14 changed (`results/baseline_blocks.csv`). "
             "`body vs not`: per line, body and non-body agree; `body > 40 words not body`: body paragraphs of more "
             "than 40 words read as anything else (must be 0).", "",
             common.md_table(common.with_baseline("blocks", summary, ["set", "half"])), ""]
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
              f"{cpu:.1f} CPU s, {len(big) / cpu:.0f} articles per CPU second on one core "
              f"({elapsed:.1f} s of wall time, which other work on the machine inflates).", ""]
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
