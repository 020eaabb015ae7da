"""Scale benchmark of ``analysis-helpers extract``: articles per second, peak memory, before and after.

Run from the project root (one command; several minutes to an hour depending on the sizes):

    PYTHONPATH=src python benchmarks/bench_scale.py [--sizes 500,2000,4000,8000] [--big 100000]
        [--dask-size 2000] [--baseline REV] [--baseline-timeout 900] [--no-baseline]

``make bench-scale`` runs exactly what the scale issue asks for (every size with the baseline, the
Dask run and 100,000 articles on 2 cores): about 2 hours on an idle 2-core machine.

Writes ``benchmarks/results/scale.md``. Corpora are made by resampling (seeded) the paragraphs of the
five seed articles into articles of about 1,100 words, each with a manifest row. "Before" runs the
command line of git revision ``REV`` (default ``b149651``, the code the scale issue measured) from a
temporary ``git worktree``; "after" runs this checkout's command line with ``--jobs 1`` and
``--jobs 2``, and once with ``--engine dask --jobs 2`` (a two-worker ``LocalCluster``) for the
per-worker rate of the 1,000,000-article plan. Wall time is measured around the whole command (start-up included); peak memory is the
largest resident set of the command and its worker processes, sampled every 0.2 s. Per-step rates
come from ``_SUCCESS.json`` (seconds spent in each step, summed over chunks: one core's time). The
machine's load average is printed beside the results: other jobs on the machine slow every number.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from analysis_helpers import open_corpus  # noqa: E402

ARTICLE_WORDS = 1100
ISSUE_TABLE = [  # the table of the scale issue (before any of this work), for comparison
    (500, "44 s", "11", "-"), (2000, "147 s", "14", "745 MB"),
    (4000, "14.5 min, then MemoryError in Ward clustering: nothing written", "-", "11.3 GB"),
    (8000, "over 900 s (stopped)", "under 9", "-"),
]


def make_corpus(folder: Path, n_articles: int, seed: int = 0) -> Path:
    """Write ``n_articles`` articles of about 1,100 words resampled from the seeds' paragraphs, with a manifest."""
    corpus = open_corpus()
    blocks = corpus.blocks[corpus.blocks["role"].isin(["standfirst", "body"])]
    paragraphs = blocks["text"].tolist()
    headlines = corpus.blocks.loc[corpus.blocks["role"] == "headline", "text"].tolist() or ["A headline"]
    published = [p for p in corpus.articles["published"].tolist() if p] or [""]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = ["file,doc_id,outlet,url,published,published_note"]
    for i in range(n_articles):
        lines, words = [rng.choice(headlines)], 0
        while words < ARTICLE_WORDS:
            paragraph = rng.choice(paragraphs)
            lines.append(paragraph)
            words += len(paragraph.split())
        name = f"a{i:07d}.txt"
        (folder / name).write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        manifest.append(f"{name},a{i:07d},outlet {i % 7},,{published[i % len(published)]},")
    (folder / "manifest.csv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return folder


def run_command(args: list[str], env: dict, timeout: float) -> dict:
    """Run a command; return wall seconds, peak resident memory (MB, with children), status, stderr tail."""
    import resource

    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    parent = psutil.Process(process.pid)
    peak = 0
    timed_out = False
    cpu_so_far = 0.0
    while process.poll() is None:
        try:
            tree = [parent, *parent.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree))
            cpu_so_far = max(cpu_so_far, sum(sum(p.cpu_times()[:2]) for p in tree))
        except psutil.Error:
            pass
        if cpu_so_far > timeout:  # CPU seconds, so that a busy machine does not stop a run early
            timed_out = True
            for child in parent.children(recursive=True):
                child.kill()
            process.kill()
            break
        time.sleep(0.2)
    _, err = process.communicate()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = max((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), cpu_so_far)
    return {"seconds": time.monotonic() - started, "cpu": cpu, "peak_mb": peak / 1e6, "status": process.returncode,
            "timed_out": timed_out, "stderr": (err or "").strip().splitlines()[-3:]}


def measure_dated_mentions(out: Path, n_articles: int) -> dict:
    """Memory the events step holds per dated mention, measured on the tables of a finished run in ``out``.

    The events step keeps every dated mention of the corpus while it merges them (the rest is read chunk
    by chunk). Here the mentions of the whole run are made once under :mod:`tracemalloc`, as the step
    makes them (its own code, on the run's ``blocks``, ``sentences``, ``timexes``, ``document_dates``);
    what stays allocated once the tables are dropped, divided by the number of mentions, is the size of
    one mention with its share of the strings, sets and tuples it holds.
    """
    import gc
    import tracemalloc

    from analysis_helpers.schema import read_table
    from analysis_helpers.timeline.events import EVENT_INPUT_COLUMNS, _mentions, known_people

    tables = {name: read_table(out / f"{name}.csv")[columns] for name, columns in EVENT_INPUT_COLUMNS.items()}
    blocks = tables.pop("blocks")
    people = known_people(blocks.loc[blocks["role"].isin(["standfirst", "body"]), "text"], {})
    del blocks
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        mentions = _mentions(tables["sentences"], tables["timexes"], tables["document_dates"], people)
        del tables
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    count = len(mentions)
    return {"mentions": count, "bytes_each": held / max(count, 1), "per_article": count / max(n_articles, 1),
            "articles": n_articles}


def extract_args(python: str, corpus: Path, out: Path, extra=()) -> list[str]:
    return [python, "-m", "analysis_helpers.cli", "extract", str(corpus), "--out", str(out), "--no-progress",
            *extra]


def baseline_checkout(rev: str, where: Path) -> Path:
    """A git worktree of ``rev`` (the code before this work) in ``where``."""
    if not where.exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(where), rev], check=True,
                       capture_output=True)
    return where


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,2000,4000,8000")
    parser.add_argument("--big", type=int, default=0, help="also run this many articles on 2 cores (0: skip)")
    parser.add_argument("--dask-size", type=int, default=0,
                        help="also run this many articles with --engine dask --jobs 2 (0: skip): the per-worker rate")
    parser.add_argument("--baseline", default="b149651")
    parser.add_argument("--baseline-timeout", type=float, default=900.0,
                        help="CPU seconds after which a baseline run is stopped (the issue stopped at 900 s)")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--timeout", type=float, default=3600.0, help="CPU seconds after which a run is stopped")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results" / "scale.md")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    python = sys.executable
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    env_after = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    rows, steps, load = [], {}, []
    dask_steps: dict = {}
    mentions: dict = {}
    try:
        base = None
        if not args.no_baseline:
            base = baseline_checkout(args.baseline, work / "baseline")
            env_before = {**os.environ, "PYTHONPATH": str(base / "src"), "ANALYSIS_HELPERS_ROOT": str(base)}
        for n in sizes + ([args.big] if args.big else []):
            corpus = make_corpus(work / f"corpus-{n}", n)
            row = {"n": n}
            runs = [("after_1", ["--jobs", "1"]), ("after_2", ["--jobs", "2"])] if n != args.big else \
                [("after_2", ["--jobs", "2"])]
            if n == args.dask_size and n != args.big:
                runs.append(("dask_2", ["--engine", "dask", "--jobs", "2"]))
            if base is not None and n != args.big:
                runs.insert(0, ("before", None))
            for label, extra in runs:
                out = work / f"out-{n}-{label}"
                load.append(os.getloadavg()[0])
                if label == "before":
                    result = run_command(extract_args(python, corpus, out), env_before, args.baseline_timeout)
                else:
                    result = run_command(extract_args(python, corpus, out, extra), env_after, args.timeout)
                    done = out / "_SUCCESS.json"
                    if done.is_file() and label == "after_1":
                        steps[n] = json.loads(done.read_text("utf-8"))
                        if n == max(sizes):  # the events step's memory per dated mention, for the plan
                            mentions = measure_dated_mentions(out, n)
                    if done.is_file() and label == "dask_2":
                        dask_steps[n] = json.loads(done.read_text("utf-8"))
                row[label] = result
                print(n, label, f"{result['seconds']:.1f} s", f"{result['peak_mb']:.0f} MB",
                      "exit", result["status"], "(stopped)" if result["timed_out"] else "", flush=True)
                shutil.rmtree(out, ignore_errors=True)
                args.output.write_text(report(rows + [row], steps, load, args, dask_steps, mentions), encoding="utf-8")
            rows.append(row)
            shutil.rmtree(corpus, ignore_errors=True)
            args.output.write_text(report(rows, steps, load, args, dask_steps, mentions), encoding="utf-8")  # partial results kept
    finally:
        if not args.no_baseline and (work / "baseline").exists():
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(work / "baseline")],
                           capture_output=True)
        shutil.rmtree(work, ignore_errors=True)
    args.output.write_text(report(rows, steps, load, args, dask_steps, mentions), encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


def _cell(result: dict | None, n: int) -> str:
    """``wall s (CPU s) | articles/s wall | articles per CPU s | peak MB`` of one run."""
    if result is None:
        return "- | - | - | -"
    memory = f"{result['peak_mb']:,.0f} MB"
    if result["timed_out"]:
        return (f"over {result['seconds']:.0f} s, stopped (CPU {result['cpu']:.0f} s) | "
                f"under {n / result['seconds']:.1f} | under {n / max(result['cpu'], 1e-9):.1f} | {memory} so far")
    if result["status"] not in (0, 3):
        return f"failed (exit {result['status']}) after {result['seconds']:.0f} s | - | - | {memory}"
    return (f"{result['seconds']:.1f} s (CPU {result['cpu']:.1f} s) | {n / result['seconds']:.1f} | "
            f"{n / max(result['cpu'], 1e-9):.1f} | {memory}")


def report(rows, steps, load, args, dask_steps, mentions) -> str:
    lines = [
        "# Scale: `analysis-helpers extract` on resampled corpora",
        "",
        f"Command: `PYTHONPATH=src python benchmarks/bench_scale.py --sizes {args.sizes}"
        + (f" --big {args.big}" if args.big else "") + (f" --dask-size {args.dask_size}" if args.dask_size else "")
        + (" --no-baseline" if args.no_baseline else f" --baseline-timeout {args.baseline_timeout:g}") + "`",
        "",
        f"Machine: {os.cpu_count()} cores; load average while measuring {min(load):.1f} to {max(load):.1f}. "
        "Where the load is above the number of cores, other jobs shared the machine: wall times are longer "
        "than on an idle machine, and the CPU seconds (user + system of the command and its workers) are "
        "the steadier measure; articles per CPU second is the one-core rate.",
        "Articles: seed paragraphs resampled (seeded) into articles of about 1,100 words, with a manifest.",
        "",
        "## The issue's table, measured again (before) and after",
        "",
        "| articles | run | wall time (CPU time) | articles/s (wall) | articles per CPU second | peak memory |",
        "|---|---|---|---|---|---|",
    ]
    names = {"before": f"before ({args.baseline})", "after_1": "after, --jobs 1", "after_2": "after, --jobs 2",
             "dask_2": "after, --engine dask --jobs 2"}
    for row in rows:
        for key, label in names.items():
            if key in row:
                lines.append(f"| {row['n']:,} | {label} | {_cell(row[key], row['n'])} |")
    lines += ["", "As filed in the issue (before, on an idle machine):", "",
              "| articles | wall time | articles/s | peak memory |", "|---|---|---|---|"]
    lines += [f"| {n:,} | {t} | {r} | {m} |" for n, t, r, m in ISSUE_TABLE]
    if steps:
        article_steps = ARTICLE_STEPS
        lines += ["", "## Where the time goes (after, --jobs 1: CPU seconds per step, summed over chunks)", "",
                  "| articles | step | scope | CPU seconds | articles per CPU second |", "|---|---|---|---|---|"]
        for n, done in sorted(steps.items()):
            per = done["cpu_seconds_per_step"]
            for name, seconds in per.items():
                scope = "article" if name in article_steps else "corpus"
                lines.append(f"| {n:,} | {name} | {scope} | {seconds:.1f} | {n / max(seconds, 1e-9):,.0f} |")
            article_seconds = sum(per.get(name, 0.0) for name in article_steps)
            lines.append(f"| {n:,} | **all per-article steps** | article | {article_seconds:.1f} | "
                         f"{n / max(article_seconds, 1e-9):,.1f} |")
        lines.append("")
        lines.append("Topics method at the largest size: " + steps[max(steps)].get("topics_method", ""))
    memory = {row["n"]: row["after_1"]["peak_mb"] for row in rows if "after_1" in row
              and not row["after_1"]["timed_out"]}
    if 2000 in memory and 8000 in memory:
        lines += ["", f"Peak memory growth from 2,000 to 8,000 articles (one core): "
                  f"{memory[8000] / memory[2000]:.2f} times ({memory[2000]:.0f} MB to {memory[8000]:.0f} MB)."]
    big = [row for row in rows if row["n"] == args.big]
    if big:
        lines += ["", f"{args.big:,} articles on 2 cores: " + _cell(big[0]["after_2"], args.big)]
    lines += ["", dask_plan(rows, steps, dask_steps or {}, mentions or {})]
    return "\n".join(lines) + "\n"


ARTICLE_STEPS = ("blocks", "sentences", "document_dates", "timexes", "quotes", "figures")


def dask_plan(rows, steps, dask_steps, mentions) -> str:
    """A 1,000,000-article plan for the Dask engine from the measured per-worker rate.

    The rate is the Dask run's (articles per CPU second of the article steps, summed over its workers)
    when it ran, else the one-process run's at the largest size. The client's memory for the events
    step is the measured size of a dated mention times the mentions per article
    (:func:`measure_dated_mentions`).
    """
    if not steps and not dask_steps:
        return ""
    source = dask_steps or steps
    n, done = max(source.items())
    per = done["cpu_seconds_per_step"]
    worker_rate = n / max(sum(per.get(s, 0.0) for s in ARTICLE_STEPS), 1e-9)
    where = f"`--engine dask --jobs 2`, {n:,} articles" if dask_steps else f"one process, {n:,} articles"
    n_corpus, done_corpus = max((steps or dask_steps).items())
    corpus_per = {k: v for k, v in done_corpus["cpu_seconds_per_step"].items() if k not in ARTICLE_STEPS}
    corpus_seconds = sum(corpus_per.values())
    target = 1_000_000
    workers = 64
    partitions = target // 1000
    hours = target / (worker_rate * workers) / 3600
    corpus_scaled = corpus_seconds * target / n_corpus / 3600
    return "\n".join([
        "## Plan: 1,000,000 articles on a Dask cluster",
        "",
        f"Measured per-worker rate of the per-article steps: {worker_rate:.1f} articles per CPU second "
        f"({where}).",
        "",
        f"- Workers: {workers} single-threaded worker processes (for example 16 machines of 4 cores), "
        "`--engine dask --scheduler tcp://HOST:8786 --chunk-size 1000`.",
        f"- Partitions: {partitions:,} chunks of 1,000 articles (about 7 MB of text each); input as Parquet on "
        "storage every worker and the client can read.",
        f"- Time of the per-article steps: 1,000,000 / ({worker_rate:.1f} x {workers}) = {hours:.1f} h.",
        f"- Corpus steps on the client after the gather ({', '.join(f'{k} {v:.1f} s' for k, v in corpus_per.items())}"
        f" for {n_corpus:,} articles here): scaled linearly, about {corpus_scaled:.1f} h on one core (topics "
        "choose k on a sample and fit NMF on a 10,000-paragraph sample above 20,000 paragraphs, full Ward on a 2,000-paragraph sample "
        "above 5,000, "
        "so they grow at most linearly).",
        "- Memory per worker: one chunk of 1,000 articles and its tables (0.3 to 0.5 GB with the libraries). "
        "The client spills each chunk's tables to disk as it arrives (Arrow IPC parts inside the staging "
        "folder of `--out`, about 3 times the text: some 20 GB of disk for 1,000,000 articles) and holds "
        "the articles table plus the inputs of one corpus step at a time. The events step reads the parts "
        f"chunk by chunk and keeps only its dated mentions ({_mention_text(mentions, target)}); topics and the "
        "timeline comparison read the text of the article blocks "
        "(once the text, about 7 GB, plus the TF-IDF matrix): a client machine with 32 GB.",
    ])


def _mention_text(mentions: dict, target: int) -> str:
    """The dated mentions' memory, from :func:`measure_dated_mentions` (or says it was not measured)."""
    if not mentions:
        return "their size not measured in this run"
    total = mentions["bytes_each"] * mentions["per_article"] * target
    return (f"{mentions['bytes_each']:,.0f} bytes each as measured with tracemalloc over the "
            f"{mentions['mentions']:,} mentions of the {mentions['articles']:,}-article run, "
            f"{mentions['per_article']:.1f} per article here: some {total / 1e9:.1f} GB for {target:,} articles")


if __name__ == "__main__":
    sys.exit(main())
