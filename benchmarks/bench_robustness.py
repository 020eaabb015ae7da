"""Hostile inputs of issue 15: time and outcome of every case, written to benchmarks/results/robustness.md.

    PYTHONPATH=src python benchmarks/bench_robustness.py [--size 100000] [--repeat 5] [--big-mb 50] [--many-files 20000]

Each text case is one article of ``--size`` characters run through the whole extract path
(:func:`analysis_helpers.pipeline.extract_corpus`: every article step, then the corpus steps,
topics off, no time budget so that the full cost is measured); the table gives the CPU
seconds, seconds per 100 KB, the slowest step, whether any exception escaped, and whether
every reported span satisfies ``text[start:end] == reported text``.

Timing (:func:`timed_runs`): each text case runs ``--repeat`` times, each run in a process forked
from this one after it warmed the shared caches (lexicons, compiled patterns) on a short prose
article, so every run starts from the same state and none is served by the text caches that an
earlier run of the same case filled. The minimum and the median CPU seconds are reported, as
``timeit`` does: the minimum is the cost with the least interference from other work on the
machine, the median a typical run; the target is checked on the median. The folder cases run
``read_articles`` on a folder holding the fault; the command cases run ``analysis-helpers
extract`` on a small folder with one run-level fault each (exit status, what ``--out`` holds
after); then one single-line scrape of 20 times ``--size``. The scale cases run the command itself
in a child process (:func:`run_extract`: its CPU seconds with its workers, wall seconds and peak
resident memory from ``os.wait4``): one paragraph (the fixed cost), SIGINT during a run, one article of ``--big-mb`` million characters of prose paragraphs
(``--max-bytes`` raised, ``--article-timeout 0``), and a folder of ``--many-files`` small articles with
default options (topics on) beside a folder of a quarter as many, so that the ratio of CPU seconds per
file shows whether the cost is linear. Targets: zero crashes, no article slower than 2 s per 100 KB,
offsets exact, every skipped input named, no partial output that looks complete.

Over 400 lines: one command lists every case of issue 15 in one results file; each family of cases
(text, folder, command, scale) is its own function.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import statistics
import subprocess
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
#: The long single-line case is this many times ``--size`` (2 MB at the default size).
LONG_FACTOR = 20
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
    "'said “' repeated (a cue before every open mark)": "said “",
    "'The minister said on Monday “yes” ' repeated (no sentence end)": "The minister said on Monday “yes” ",
    "'\u00a0said 2' repeated (a figure every word, no sentence end)": "\u00a0said 2",
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


def in_fork(func, *args):
    """``func(*args)`` run in a child forked from this process (its caches as they are now), and its result."""
    with multiprocessing.get_context("fork").Pool(1, maxtasksperchild=1) as pool:
        return pool.apply(func, args)


def timed_runs(text: str, repeat: int) -> tuple[float, float, str, str, str]:
    """Minimum and median CPU seconds of ``repeat`` runs of one text case (each in a fresh fork), with the
    outcome, the offsets check and the slowest step of the median run ("varies" if the runs disagree)."""
    runs = sorted((in_fork(run_text_case, text) for _ in range(repeat)), key=lambda run: run[0])
    seconds = [run[0] for run in runs]
    _, outcome, offsets, slowest = runs[(len(runs) - 1) // 2]
    if len({run[1:3] for run in runs}) > 1:
        outcome = "varies between runs: " + " / ".join(sorted({run[1] for run in runs}))
    return seconds[0], statistics.median(seconds), outcome, offsets, slowest


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

    (folder("unreadable file (permission denied)") / "locked.txt").write_text(good)
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
    import builtins

    real_open = builtins.open

    def refusing_open(file, *args, **kwargs):  # root reads a chmod-000 file, so refuse as the OS would
        if Path(str(file)).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    start = time.process_time()
    builtins.open = refusing_open
    try:
        articles, problems = read_articles(path)
    except Exception as exc:
        return time.process_time() - start, f"error: {type(exc).__name__}: {exc}"[:120], "-"
    finally:
        builtins.open = real_open
    named = "; ".join(f"{r.severity}: {r.file}: {r.problem}"[:110] for r in problems.itertuples()) or "none"
    return time.process_time() - start, f"ok ({len(articles)} read)", named


def command_cases(tmp: Path) -> dict[str, tuple]:
    """Run-level faults of the ``extract`` command: name -> (arguments, what to prepare, what to check after)."""
    from analysis_helpers.runner import outputs

    good = "NATO ministers meet\nThe minister said the talks went well on Monday.\n"
    folder = tmp / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(good)
    (folder / "formula.txt").write_text("=HYPERLINK(\"http://example.invalid\")\nIt rained on Tuesday.\n")
    Path(os.fsdecode(bytes(folder) + b"/caf\xe9.txt")).write_text(good)
    unread = tmp / "unread"
    unread.mkdir()
    (unread / "empty.txt").write_bytes(b"")
    (unread / "bin.txt").write_bytes(b"\x00\x01binary")
    bad_manifest = tmp / "bad_manifest"
    bad_manifest.mkdir()
    (bad_manifest / "ok.txt").write_text(good)
    (bad_manifest / "manifest.csv").mkdir()
    (tmp / "a_file").write_text("x")
    foreign = tmp / "foreign"
    foreign.mkdir()
    (foreign / "thesis.docx").write_text("keep me")
    locked = tmp / "locked"
    earlier: dict[str, bytes] = {}

    def lock():
        return outputs.OutputLock(locked).acquire()

    def failing_write():  # the disk fills while the third table is written
        original, written = outputs.write_table, []
        earlier.update({p.name: p.read_bytes() for p in (tmp / "o1").iterdir()})

        def write(table, folder, name, fmt="csv", excel=False):
            written.append(name)
            if len(written) == 3:
                raise OSError(28, "No space left on device")
            return original(table, folder, name, fmt, excel)
        outputs.write_table = write
        return lambda: setattr(outputs, "write_table", original)

    def listing(out):
        names = sorted(p.name for p in out.iterdir()) if out.is_dir() else []
        done = out / outputs.COMPLETION_FILE
        return (f"{len(names)} files in --out" + (", _SUCCESS.json" if done.exists() else ", no _SUCCESS.json")
                if out.exists() else "--out not created")

    def formulas(out):
        plain = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False)
        return f"{listing(out)}; titles starting with '=': {int(plain['title'].str.startswith('=').sum())}"

    def excel(out):
        table = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
        return f"{listing(out)}; titles starting with '=': {int(table['title'].str.startswith('=').sum())}"

    def utf8(out):
        bad = [p.name for p in out.glob("*.csv") if not _decodes(p)]
        return f"{listing(out)}; tables not UTF-8: {len(bad)}"

    return {
        "clean folder with a formula title and a non-UTF-8 file name": ([folder, "--out", tmp / "o1"], None, utf8),
        "plain CSV keeps a formula-looking cell as written": ([folder, "--out", tmp / "o2"], None, formulas),
        "--excel neutralises it": ([folder, "--out", tmp / "o3", "--excel"], None, excel),
        "no article read (empty and binary files)": ([unread, "--out", tmp / "o4"], None, lambda out: listing(out)),
        "unreadable manifest (a folder named manifest.csv)": ([bad_manifest, "--out", tmp / "o5"], None,
                                                              lambda out: listing(out)),
        "--out is a file": ([folder, "--out", tmp / "a_file"], None, lambda out: "file kept"
                            if (tmp / "a_file").read_text() == "x" else "file changed"),
        "--out cannot be created (under a file)": ([folder, "--out", tmp / "a_file" / "out"], None,
                                                   lambda out: listing(out)),
        "--out holds other files": ([folder, "--out", foreign], None,
                                    lambda out: "thesis.docx kept" if (foreign / "thesis.docx").exists() else "lost"),
        "--out locked by another run": ([folder, "--out", locked], lock, lambda out: listing(out)),
        "disk full while writing (earlier output in --out)": (
            [folder, "--out", tmp / "o1"], failing_write,
            lambda out: listing(out) + (", earlier output whole" if {p.name: p.read_bytes() for p in out.iterdir()}
                                        == earlier else ", earlier output CHANGED")),
    }


def _decodes(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def run_command_case(arguments, prepare, check) -> tuple[float, str, str]:
    """CPU seconds, exit status (or the exception) and the state of --out after one ``extract`` command."""
    import contextlib
    import io

    from analysis_helpers.cli import main as command

    out = Path(arguments[arguments.index("--out") + 1])
    undo = prepare() if prepare is not None else None
    start = time.process_time()
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            status = str(command(["extract", *map(str, arguments), "--no-progress", "--topics", "off"]))
    except Exception as exc:  # noqa: BLE001 - a failed write is reported, the output checked
        status = f"{type(exc).__name__}: {exc}"[:60]
    finally:
        if undo is not None:
            undo() if callable(undo) else undo.release()
    seconds = time.process_time() - start
    last = [line for line in err.getvalue().splitlines() if line.startswith("analysis-helpers:")]
    message = last[-1][len("analysis-helpers: "):].replace(str(out.parent), "TMP")[:90] if last else ""
    return seconds, status + (f" ({message})" if message else ""), check(out)


def numbered_paragraph(i: int) -> str:
    """Paragraph ``i`` of the scale cases: two sentences, one quotation, a date and a figure (no two alike)."""
    subject, place = SUBJECTS[i % len(SUBJECTS)]
    return (f"Officials met in {place} on Tuesday to discuss the {subject}, and {i} delegates approved the plan. "
            f"\u201cWe will finish the work on the {subject} by March,\u201d the minister said.\n")


SUBJECTS = [("budget", "Brussels"), ("harvest", "Kansas"), ("election", "Lagos"), ("floods", "Dhaka"),
            ("rail strike", "Lyon"), ("vaccine trial", "Oslo"), ("port expansion", "Mombasa")]


def interrupted_run(tmp: Path) -> str:
    """Row of SIGINT sent to ``extract`` (a folder of 200 small files) half a second after it took its lock."""
    import signal

    folder, out = tmp / "interrupted", tmp / "interrupted_out"
    folder.mkdir()
    for i in range(200):
        (folder / f"a{i:03d}.txt").write_text(numbered_paragraph(2 * i) + numbered_paragraph(2 * i + 1))
    child = subprocess.Popen([sys.executable, "-m", "analysis_helpers.cli", "extract", folder, "--out", out,
                              "--no-progress"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # as from a terminal
    while not (tmp / ".interrupted_out.lock").exists() and child.poll() is None:
        time.sleep(0.05)
    time.sleep(0.5)
    child.send_signal(signal.SIGINT)
    err = child.communicate()[1].replace(str(tmp), "TMP").strip().splitlines()
    left = sorted(p.name for p in out.iterdir()) if out.exists() else ["--out not created"]
    beside = sorted(p.name for p in tmp.iterdir() if p.name.startswith(".interrupted"))
    return (f"| SIGINT half a second into the run | 200 files | {child.returncode} | - | - | - | - | "
            f"{len(err)} line(s) on stderr ({(err or [''])[-1][:60]}); --out holds {len(left)} files"
            f"{', _SUCCESS.json' if '_SUCCESS.json' in left else ''}; beside it: {', '.join(beside) or 'nothing'} |")


def run_extract(arguments, err: Path) -> tuple[str, float, float, float]:
    """Exit status (with the last line of stderr unless 0), CPU seconds (with the worker processes it waited
    for), wall seconds and peak resident MB (``ru_maxrss``: the largest process) of one ``analysis-helpers
    extract`` in a child process."""
    started = time.monotonic()
    with open(err, "wb") as stderr:
        child = subprocess.Popen([sys.executable, "-m", "analysis_helpers.cli", "extract", *map(str, arguments),
                                  "--no-progress"], stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
    code = child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait again
    last = (err.read_text(errors="replace").strip().splitlines() or [""])[-1][:90].replace("|", "/")
    return (f"{code}" + (f" ({last})" if code else ""), usage.ru_utime + usage.ru_stime,
            time.monotonic() - started, usage.ru_maxrss / 1024)


def written_tables(out: Path) -> tuple[dict, str]:
    """``_SUCCESS.json`` of ``out`` ({} without one) and the offsets check: ``text[start:end]`` of every row of
    every table with ``start``, ``end`` and ``text``, read back against the texts of ``articles.csv``."""
    import json

    from analysis_helpers.schema import read_table

    done = out / "_SUCCESS.json"
    if not done.exists():
        return {}, "no _SUCCESS.json"
    completion = json.loads(done.read_text())
    missing = [name for name in completion["tables"] if not (out / f"{name}.csv").exists()]
    if missing:
        return completion, f"tables missing: {', '.join(missing)}"
    articles = read_table(out / "articles.csv")
    texts = dict(zip(articles["doc_id"], articles["text"]))
    bad = 0
    for name in completion["tables"]:  # one table in memory at a time
        table = read_table(out / f"{name}.csv") if name != "articles" else articles.iloc[:0]
        if {"start", "end", "text"} <= set(table.columns):
            bad += sum(texts[r.doc_id][r.start:r.end] != r.text for r in table.itertuples())
    return completion, "exact" if not bad else f"{bad} wrong"


def _written(completion: dict, offsets: str) -> str:
    tables = completion.get("tables", {})
    counts = ", ".join(f"{tables[name]:,} {name}" for name in ("articles", "sentences", "quotes") if name in tables)
    steps = completion.get("cpu_seconds_per_step", {})
    slowest = ", ".join(f"{name} {steps[name]:.1f}" for name in sorted(steps, key=steps.get, reverse=True)[:2])
    return (f"{len(tables)} tables written ({counts}), {completion.get('problems', 0)} problems "
            f"({completion.get('errors', 0)} errors); slowest steps (CPU s) {slowest}; offsets {offsets}")


def scale_cases(tmp: Path, big_mb: float, many_files: int) -> list[str]:
    """Rows of the command's cases: its fixed cost, SIGINT, one big article, many small files and a quarter as many."""
    rows, fixed = [], 0.0
    if big_mb or many_files:  # what every run pays whatever its input: imports, worker processes, corpus steps
        (tmp / "one").mkdir()
        (tmp / "one" / "a.txt").write_text(numbered_paragraph(0), encoding="utf-8")
        status, cpu, wall, peak = run_extract([tmp / "one", "--out", tmp / "one_out"], tmp / "one.err")
        fixed = cpu
        rows.append(f"| one paragraph (the command's fixed cost) | 1 file | {status} | {cpu:.1f} | {wall:.0f} | "
                    f"{peak:,.0f} | - | {_written(*written_tables(tmp / 'one_out'))} |")
        print(rows[-1], file=sys.stderr, flush=True)
        rows.append(interrupted_run(tmp))
        print(rows[-1], file=sys.stderr, flush=True)
    if big_mb:
        paragraphs, n = [], 0
        while n < big_mb * 1_000_000:
            paragraphs.append(numbered_paragraph(len(paragraphs)))
            n += len(paragraphs[-1])
        (tmp / "big").mkdir()
        data = "".join(paragraphs).encode("utf-8")
        (tmp / "big" / "big.txt").write_bytes(data)
        del paragraphs
        status, cpu, wall, peak = run_extract([tmp / "big", "--out", tmp / "big_out", "--max-bytes",
                                               max(60_000_000, 2 * len(data)), "--article-timeout", "0"],
                                              tmp / "big.err")
        per_100k = cpu * 100_000 / n
        rows.append(f"| one article of prose paragraphs | {n:,} characters | {status} | {cpu:.1f} | {wall:.0f} | "
                    f"{peak:,.0f} | {per_100k:.2f} s per 100 KB ({'under' if per_100k < 2 else 'OVER'} 2) | "
                    f"{_written(*written_tables(tmp / 'big_out'))} |")
        print(rows[-1], file=sys.stderr, flush=True)
    per_file = {}
    for files in ([many_files // 4, many_files] if many_files else []):
        folder = tmp / f"files_{files}"
        folder.mkdir()
        for i in range(files):
            (folder / f"a{i:06d}.txt").write_text(numbered_paragraph(2 * i) + numbered_paragraph(2 * i + 1),
                                                  encoding="utf-8")
        status, cpu, wall, peak = run_extract([folder, "--out", tmp / f"out_{files}"], tmp / f"files_{files}.err")
        completion, offsets = written_tables(tmp / f"out_{files}")
        read_all = completion.get("tables", {}).get("articles") == files
        per_file[files] = (cpu - fixed) / files  # net of the fixed cost, which small test sizes would show
        ratio = (f"; {per_file[files] / per_file[many_files // 4]:.2f} times the quarter's"
                 if files == many_files and per_file[many_files // 4] > 0 else "")
        rows.append(f"| a folder of small files (two paragraphs each) | {files:,} files | {status} | {cpu:.1f} | "
                    f"{wall:.0f} | {peak:,.0f} | {1000 * cpu / files:.1f} ms per file, {1000 * per_file[files]:.1f} "
                    f"net of the fixed cost{ratio} | "
                    f"{'every file an article' if read_all else 'NOT every file an article'}; "
                    f"{_written(completion, offsets)} |")
        print(rows[-1], file=sys.stderr, flush=True)
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="characters per hostile article")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each text case (minimum and median kept)")
    parser.add_argument("--big-mb", type=float, default=50, help="million characters of the big article (0: skip)")
    parser.add_argument("--many-files", type=int, default=20_000, help="files of the many-files case (0: skip)")
    args = parser.parse_args(argv)
    run_text_case(PROSE)  # warm the shared caches once; every timed run is a fork of this state
    lines = [
        "# Robustness: hostile inputs (issue 15)", "",
        f"`PYTHONPATH=src python benchmarks/bench_robustness.py --size {args.size} --repeat {args.repeat} "
        f"--big-mb {args.big_mb:g} --many-files {args.many_files}` on "
        f"{platform.machine()}, Python {platform.python_version()}; CPU seconds (process time, so other jobs "
        "on the machine inflate them less than wall time) of the whole extract path (corpus build, every "
        "article step, the corpus steps; topics off; no time budget) on one article of the size given.", "",
        f"Method: each text case runs {args.repeat} times, each run in a process forked from one that warmed "
        "the shared caches (lexicons, compiled patterns) on a short prose article, so every run starts from "
        "the same state and no run is served by text caches an earlier run of the case filled. The minimum "
        "and the median CPU seconds are reported, as `timeit` does (minimum: least disturbed by other work; "
        "median: a typical run); seconds per 100 KB, the target and the slowest step (with its CPU seconds) "
        "are those of the median run.", "",
        "## One hostile article", "",
        "| case | characters | CPU s min | CPU s median | s per 100 KB (median) | slowest step (CPU s) | outcome "
        "| offsets |",
        "|---|---:|---:|---:|---:|---|---|---|",
    ]
    worst = worst_min = 0.0
    crashes = 0
    for name, unit in TEXT_CASES.items():
        text = (unit * (args.size // len(unit) + 1))[:args.size]
        fastest, median, outcome, offsets, slowest = timed_runs(text, args.repeat)
        per_100k = median * 100_000 / len(text)
        worst = max(worst, per_100k)
        worst_min = max(worst_min, fastest * 100_000 / len(text))
        crashes += "crash" in outcome
        lines.append(f"| {name} | {len(text):,} | {fastest:.2f} | {median:.2f} | {per_100k:.2f} | {slowest} | "
                     f"{outcome} | {offsets} |")
        print(lines[-1], file=sys.stderr, flush=True)
    lines += ["", f"Worst: {worst:.2f} s per 100 KB by the median ({worst_min:.2f} by the minimum; target: under 2); "
              f"crashes: {crashes} (target: 0).", "",
              "## Reading a folder with one fault", "",
              "| case | CPU s | outcome | problems rows |", "|---|---:|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in folder_cases(Path(tmp)).items():
            seconds, outcome, named = run_folder_case(path)
            lines.append(f"| {name} | {seconds:.2f} | {outcome} | {named.replace('|', '/')} |")
            print(lines[-1], file=sys.stderr, flush=True)
    lines += ["", "## The command: run-level faults", "",
              "`analysis-helpers extract` (topics off) on a small folder; exit status 0 clean, 3 tables written "
              "with problems, 2 unusable input or --out (nothing written), 130 interrupted (SIGINT: the next "
              "section, and `tests/test_cli.py::test_sigint_exits_130_with_one_line_and_no_complete_looking_output`).",
              "",
              "| case | CPU s | exit status (message) | --out after |", "|---|---:|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        for name, case in command_cases(Path(tmp).resolve()).items():
            seconds, status, after = run_command_case(*case)
            lines.append(f"| {name} | {seconds:.2f} | {status.replace('|', '/')} | {after.replace('|', '/')} |")
            print(lines[-1], file=sys.stderr, flush=True)
    long_size = args.size * LONG_FACTOR
    text = (PROSE.replace("\n", " ") * (long_size // len(PROSE) + 1))[:long_size]
    long_repeat = min(args.repeat, 3)
    fastest, median, outcome, offsets, slowest = timed_runs(text, long_repeat)
    lines += ["", "## One long single-line scrape", "",
              f"{long_repeat} runs, as above.", "",
              "| case | characters | CPU s min | CPU s median | s per 100 KB (median) | slowest step (CPU s) | outcome "
              "| offsets |",
              "|---|---:|---:|---:|---:|---|---|---|",
              f"| plain prose on one line | {len(text):,} | {fastest:.2f} | {median:.2f} | "
              f"{median * 100_000 / len(text):.2f} | {slowest} | {outcome} | {offsets} |"]
    print(lines[-1], file=sys.stderr, flush=True)
    lines += ["", "## The command in a child process: fixed cost, SIGINT, scale", "",
              "`analysis-helpers extract` in a child process; CPU seconds of the child and the workers it waited "
              "for, wall seconds, and peak resident memory of its largest process (`ru_maxrss` from `os.wait4`). "
              "The big article runs with `--max-bytes` raised and `--article-timeout 0`; the folders with default "
              "options (topics on, every core). Offsets: `text[start:end]` of every row of every table with "
              "`start`, `end` and `text`, read back against `articles.csv`. Per file net of the fixed cost: CPU "
              "seconds less those of the one-paragraph run, so that the ratio to the quarter-size folder shows "
              "how the cost grows (1: linear; 4: quadratic).", "",
              "| case | size | exit status | CPU s | wall s | peak MB | cost | outcome |",
              "|---|---:|---:|---:|---:|---:|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        lines += scale_cases(Path(tmp), args.big_mb, args.many_files)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
