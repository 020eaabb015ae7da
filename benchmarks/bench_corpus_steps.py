"""Speed of the corpus build steps (blocks with their roles, sentences): articles per CPU second, before and after.

    PYTHONPATH=src python benchmarks/bench_corpus_steps.py [--articles 500] [--baseline REV] [--repeats 3]

Writes ``benchmarks/results/corpus_steps.md``. Two corpora: ``--articles`` articles of about
1,100 words resampled from the seeds' paragraphs as ``bench_scale.py`` makes them (the same
paragraphs recur across articles, so per-text caches help there more than on real news), and
the 120 MEANTIME articles written as a folder (every text distinct; shorter articles).
Each step runs on the whole corpus in one process after a warm-up on five articles; the
figure is the best of ``--repeats`` runs of ``time.process_time`` (CPU seconds of this
process, so other jobs on the machine inflate it less than wall time). "Before" runs the
same measurement on git revision ``REV`` from a temporary ``git worktree``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "corpus_steps.md"


def measure(folder: str, repeats: int) -> dict:
    """Best CPU seconds of segment_blocks and split_sentences over the articles of ``folder``."""
    from analysis_helpers.corpus.blocks import segment_blocks
    from analysis_helpers.corpus.build import read_articles
    from analysis_helpers.corpus.sentences import split_sentences

    articles, _ = read_articles(Path(folder))
    split_sentences(articles.head(5), segment_blocks(articles.head(5)))  # compile patterns, load Punkt
    best = {"blocks": float("inf"), "sentences": float("inf")}
    for _ in range(repeats):
        start = time.process_time()
        blocks = segment_blocks(articles)
        middle = time.process_time()
        split_sentences(articles, blocks)
        end = time.process_time()
        best = {"blocks": min(best["blocks"], middle - start), "sentences": min(best["sentences"], end - middle)}
    return {"articles": len(articles), **best}


def run_in(src: Path, folder: Path, repeats: int) -> dict:
    """:func:`measure` in a fresh interpreter importing the package from ``src``."""
    code = (f"import json, sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); "
            f"from bench_corpus_steps import measure; print(json.dumps(measure({str(folder)!r}, {repeats})))")
    done = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(src)},
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--baseline", default="main", help="git revision measured as 'before' ('' to skip)")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_scale import make_corpus
    from common import load, meantime_folder

    from analysis_helpers.evaluation.meantime import write_meantime_folder

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpora = {f"{args.articles} resampled articles (bench_scale)": make_corpus(work / "resampled", args.articles)}
        source = meantime_folder()
        if source is not None:
            corpora["120 MEANTIME articles"] = write_meantime_folder(load(source), work / "meantime")
        revisions = {"after (this checkout)": ROOT / "src"}
        if args.baseline:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(work / "before"),
                            args.baseline], check=True, capture_output=True)
            revisions = {f"before ({args.baseline})": work / "before" / "src", **revisions}
        rows = []
        try:
            for corpus_name, folder in corpora.items():
                for label, src in revisions.items():
                    result = run_in(src, folder, args.repeats)
                    rows.append((corpus_name, label, result))
                    print(corpus_name, label, result, file=sys.stderr, flush=True)
        finally:
            if args.baseline:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(work / "before")],
                               capture_output=True)
    lines = ["# Corpus build steps: articles per CPU second", "",
             f"`PYTHONPATH=src python benchmarks/bench_corpus_steps.py --articles {args.articles} "
             f"--baseline {args.baseline or repr('')} --repeats {args.repeats}` on {platform.machine()}, "
             f"Python {platform.python_version()}; best of {args.repeats} runs, CPU seconds of one process.", "",
             "| corpus | code | articles | blocks (segmentation + roles): articles/CPU s | "
             "sentences: articles/CPU s |", "|---|---|---:|---:|---:|"]
    for corpus_name, label, r in rows:
        lines.append(f"| {corpus_name} | {label} | {r['articles']} | {r['articles'] / r['blocks']:,.0f} | "
                     f"{r['articles'] / r['sentences']:,.0f} |")
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
