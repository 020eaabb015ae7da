"""Hostile inputs of issue 15: time and outcome of every case, written to benchmarks/results/robustness.md.

    PYTHONPATH=src python benchmarks/bench_robustness.py [--size 100000]

Each text case is one article of ``--size`` characters run through the whole extract path
(:func:`analysis_helpers.pipeline.extract_corpus`: every article step, then the corpus steps,
topics off, no time budget so that the full cost is measured); the table gives the CPU
seconds, seconds per 100 KB, the slowest step, whether any exception escaped, and whether
every reported span satisfies ``text[start:end] == reported text``. The folder cases run
``read_articles`` on a folder holding the fault. Targets: zero crashes, no article
slower than 2 s per 100 KB, offsets exact.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
import traceback
from pathlib import Path

import pandas as pd

from analysis_helpers.corpus.build import ARTICLE_COLUMNS, PROBLEM_COLUMNS, Corpus, read_articles
from analysis_helpers.pipeline import RunOptions, extract_corpus
from analysis_helpers.topics.model import TopicOptions

RESULTS = Path(__file__).parent / "results" / "robustness.md"
PROSE = ("The minister said the talks in Brussels would continue next week. Officials met on "
         "Tuesday to discuss the budget, and the committee approved the plan.\n")

TEXT_CASES = {
    "plain prose, one paragraph a line (reference)": PROSE,
    "plain prose on one line": PROSE.replace("\n", " "),
    "'Mr. ' repeated": "Mr. ",
    "'U.S. ' repeated": "U.S. ",
    "'Mr.Smith ' repeated (glued)": "Mr.Smith ",
    "'on Monday ' repeated": "on Monday ",
    "'12 February 2025 ' repeated": "12 February 2025 ",
    "'said ' repeated": "said ",
    "'told reporters according to ' repeated (cue chain)": "told reporters according to ",
    "quote-mark soup": "“”\"'‘’«»„ ",
    "'\"Yes,\" he said. ' repeated": '"Yes," he said. ',
    "digit run": "1234567890",
    "'one hundred ' repeated (number words)": "one hundred ",
    "'99999999999 days ago. ' repeated": "99999999999 days ago. ",
    "'on 9999-12-31. A day later ' repeated": "on 9999-12-31. A day later ",
    "mixed scripts": "Ж中文مرحباΩ ",
    "combining marks": "e\u0301\u0301a\u0308 ",
    "zero-width joiners": "👩\u200d💻\u200d\u200b ",
}


def one_article(text: str) -> pd.DataFrame:
    return pd.DataFrame([{"doc_id": "a", "file": "a.txt", "title": "", "outlet": "", "url": "",
                          "published": "2025-02-12", "text": text, "n_chars": len(text), "n_words": 0,
                          "published_note": "", "encoding": "utf-8", "changes": ""}], columns=ARTICLE_COLUMNS)


def run_text_case(text: str) -> tuple[float, str, str, str]:
    """CPU seconds, outcome, offsets check and slowest step for one article through the extract path."""
    start = time.process_time()
    timer: dict[str, float] = {}
    try:  # extract_corpus reads only the articles of the corpus: its blocks and sentences are steps of the path
        articles = one_article(text)
        no_tables = pd.DataFrame()
        tables = extract_corpus(Corpus(articles, no_tables, no_tables, pd.DataFrame(columns=PROBLEM_COLUMNS)),
                                RunOptions(article_timeout=None, topics=TopicOptions(mode="off")), timer=timer)
    except Exception as exc:  # the point of the benchmark: report, never stop
        return time.process_time() - start, f"crash: {type(exc).__name__}: {exc}"[:120], "-", "-"
    seconds = time.process_time() - start
    bad = sum(text[r.start:r.end] != r.text for name, t in tables.items() if name != "articles"
              and {"start", "end", "text"} <= set(t.columns) for r in t.itertuples())
    rows = sum(len(t) for name, t in tables.items() if name not in ("articles", "problems"))
    step_problems = sum(1 for p in tables["problems"].itertuples() if getattr(p, "step", ""))
    slowest = max(timer, key=timer.get)
    outcome = f"ok ({rows} rows)" + (f", {step_problems} step problems" if step_problems else "")
    return seconds, outcome, "exact" if not bad else f"{bad} wrong", f"{slowest} {timer[slowest]:.2f}"


def folder_cases(tmp: Path) -> dict[str, Path]:
    """Folders holding one reading fault each (plus one good article)."""
    good = "NATO ministers meet\nThe minister said the talks went well on Monday.\n"
    cases = {}

    def folder(name):
        path = tmp / name.replace(" ", "_")[:40]
        path.mkdir()
        (path / "ok.txt").write_text(good)
        cases[name] = path
        return path

    with open(folder("2 GB sparse file") / "huge.txt", "wb") as handle:
        handle.truncate(2 * 1024 ** 3)
    os.mkfifo(folder("FIFO named .txt") / "pipe.txt")
    (folder("broken link") / "broken.txt").symlink_to("nowhere.txt")
    path = folder("looping link")
    (path / "loop.txt").symlink_to(path / "loop.txt")
    (folder("file named .txt") / ".txt").write_text(good)
    sub = folder("subfolder holding .txt") / "sub"
    sub.mkdir()
    (sub / "inner.txt").write_text(good)
    (Path(os.fsdecode(bytes(folder("non-UTF-8 file name")) + b"/caf\xe9.txt"))).write_text(good)
    (folder("UTF-16 with BOM") / "u16.txt").write_bytes(good.encode("utf-16"))
    (folder("UTF-32 with BOM") / "u32.txt").write_bytes(good.encode("utf-32"))
    (folder("one stray byte in UTF-8") / "stray.txt").write_bytes(
        "“Yes,” she said.\n".encode() + b"caf\x92\n")
    (folder("only no-break spaces") / "nbsp.txt").write_bytes("\u00a0 \u00a0\n".encode())
    (folder("only a BOM") / "bom.txt").write_bytes(b"\xef\xbb\xbf")
    (folder("manifest: extra fields, unknown column, cp1252, 9999-12-31") / "manifest.csv").write_bytes(
        b"file,doc_id,published,extra\nok.txt,x,9999-12-31,a,b\n" + "ok2.txt,Caf\xe9,,\n".encode("cp1252"))
    return cases


def run_folder_case(path: Path) -> tuple[float, str, str]:
    start = time.process_time()
    try:
        articles, problems = read_articles(path)
    except Exception as exc:
        return time.process_time() - start, f"error: {type(exc).__name__}: {exc}"[:120], "-"
    named = "; ".join(f"{r.severity}: {r.file}: {r.problem}"[:110] for r in problems.itertuples()) or "none"
    return time.process_time() - start, f"ok ({len(articles)} read)", named


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="characters per hostile article")
    args = parser.parse_args(argv)
    run_text_case(PROSE)  # warm caches
    lines = [
        "# Robustness: hostile inputs (issue 15)", "",
        f"`PYTHONPATH=src python benchmarks/bench_robustness.py --size {args.size}` on "
        f"{platform.machine()}, Python {platform.python_version()}, one process; CPU seconds "
        "(process time, so other jobs on the machine inflate them less than wall time) of the whole "
        "extract path (corpus build, every article step, the corpus steps; topics off; no time budget) "
        "on one article of the size given. The slowest step and its CPU seconds are named.", "",
        "## One hostile article", "",
        "| case | characters | CPU s | s per 100 KB | slowest step (CPU s) | outcome | offsets |",
        "|---|---:|---:|---:|---|---|---|",
    ]
    worst = 0.0
    crashes = 0
    for name, unit in TEXT_CASES.items():
        text = (unit * (args.size // len(unit) + 1))[:args.size]
        seconds, outcome, offsets, slowest = run_text_case(text)
        per_100k = seconds * 100_000 / len(text)
        worst = max(worst, per_100k)
        crashes += outcome.startswith("crash")
        lines.append(f"| {name} | {len(text):,} | {seconds:.2f} | {per_100k:.2f} | {slowest} | {outcome} | "
                     f"{offsets} |")
        print(lines[-1], file=sys.stderr, flush=True)
    lines += ["", f"Worst: {worst:.2f} s per 100 KB (target: under 2); crashes: {crashes} (target: 0).", "",
              "## Reading a folder with one fault", "",
              "| case | CPU s | outcome | problems rows |", "|---|---:|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in folder_cases(Path(tmp)).items():
            seconds, outcome, named = run_folder_case(path)
            lines.append(f"| {name} | {seconds:.2f} | {outcome} | {named.replace('|', '/')} |")
            print(lines[-1], file=sys.stderr, flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
