"""The ``analysis-helpers`` command line."""

from __future__ import annotations

from importlib.util import find_spec

import argparse
import os
import sys
import time
from pathlib import Path

from . import __version__
from .corpus.build import CorpusError
from .corpus.decoding import DEFAULT_MAX_BYTES
from .pipeline import (
    CORPUS_FILE, DEFAULT_ARTICLE_TIMEOUT, DEFAULT_CHUNK_SIZE, DERIVED_TABLES, EXTRACTORS, RunOptions, output_tables,
    run_pipeline,
)
from .progress import ProgressLine
from .report import add_notebooks_command
from .resources import LEXICONS_ENV, using
from .runner.execute import default_jobs, local_pool
from .runner.inputs import input_digest, input_kind, open_input
from .runner.spill import use_system_arrow_pool
from .runner.outputs import (COMPLETION_FILE, OutputError, OutputLock, commit_tables, discard_partial, open_spill,
                             prepare_out)
from .timeline.reference import load_reference
from .topics.model import TopicOptions

#: Exit statuses of ``extract`` (also in ``--help`` and the README).
EXIT_OK = 0
EXIT_USAGE = 2  # usage error, or an input or --out that cannot be used: nothing was written
EXIT_PROBLEMS = 3  # the tables were written, but some files or articles could not be processed (see problems)
EXIT_INTERRUPTED = 130  # Ctrl-C: --out left as it was

EXIT_STATUS_HELP = f"""exit status:
  {EXIT_OK}    every input read and every step ran on every article
  {EXIT_PROBLEMS}    tables written, but some files were not read or some steps failed on some
       articles: their rows are in problems.csv (columns step and error)
  {EXIT_USAGE}    usage error, unusable input (missing, unreadable, no article read) or an
       --out that cannot be written or is locked by another run
  {EXIT_INTERRUPTED}  interrupted (Ctrl-C): --out is left as it was, with no partial tables
"""

_TABLES = ["articles", "blocks", "sentences", "problems", "quotes", "timexes", "events", "figures",
           *TopicOptions.table_columns(), *DERIVED_TABLES]


def _topics_mode(value: str):
    if value in ("auto", "off"):
        return value
    try:
        k = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError("expected auto, off or a number of topics") from None
    if k < 1:
        raise argparse.ArgumentTypeError("the number of topics must be 1 or more")
    return k


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="analysis-helpers",
        description="Turn a folder of scraped news articles into analysis tables (CSV or Parquet).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser(
        "extract",
        help="read INPUT (a folder of .txt, or a .parquet/.jsonl file) and write every table to OUT",
        description="Read a folder of .txt articles (not recursive; with an optional manifest.csv), or a "
        ".parquet or .jsonl file with one article per row (columns as in articles.csv, 'text' required), "
        "and write articles, blocks, sentences, problems and every extractor's table to OUT. The tables "
        "are written to a temporary folder beside OUT and moved into place when all are complete, with "
        f"{COMPLETION_FILE} (input hashes, version, options); a lock refuses a second run into the same OUT.",
        epilog=EXIT_STATUS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument("input_dir", type=Path, metavar="INPUT",
                         help="folder of .txt articles (with an optional manifest.csv), or a .parquet/.jsonl file")
    extract.add_argument("--out", type=Path, required=True, help="folder for the tables (created; replaced whole)")
    extract.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                         help="refuse files larger than this (default: %(default)s)")
    extract.add_argument("--recursive", action="store_true",
                         help="also read the .txt files of subfolders (default: only the folder itself; "
                         "subfolders holding .txt files are listed in problems)")
    extract.add_argument("--jobs", type=_positive_int, default=None,
                         help="processes for the per-article steps (default: all cores)")
    extract.add_argument("--engine", choices=["local", "dask"], default="local",
                         help="local processes, or a Dask cluster (needs the 'dask' extra; default: %(default)s)")
    extract.add_argument("--scheduler", metavar="ADDRESS", default=None,
                         help="with --engine dask: the address of a running scheduler (default: a local cluster "
                         "of --jobs workers)")
    extract.add_argument("--format", dest="fmt", choices=["csv", "parquet"], default="csv",
                         help="table format (parquet needs pyarrow; default: %(default)s)")
    extract.add_argument("--excel", "--excel-safe", dest="excel", action="store_true",
                         help="CSV for spreadsheets: UTF-8 with a byte-order mark, and text cells starting with "
                         "= + - @ tab or CR prefixed with ' so they never run as formulas (plain CSV is byte-exact)")
    extract.add_argument("--topics", type=_topics_mode, default="auto", metavar="auto|K|off",
                         help="topic model: k chosen on a sample (auto), K topics, or none (default: auto)")
    extract.add_argument("--reference", type=Path, default=None, metavar="FILE",
                         help="reference table of dated events (CSV, columns as data/reference/*.csv): "
                         "timeline_conflicts lists the claims contradicting it (default: none; the table then "
                         "lists passages two articles retell with days that do not overlap)")
    extract.add_argument("--topic-stability", action="store_true",
                         help="choose k by stability resampling even on large corpora (slow)")
    extract.add_argument("--article-timeout", type=float, default=DEFAULT_ARTICLE_TIMEOUT, metavar="SECONDS",
                         help="time budget of one article in one step, plus 4 s per 100,000 characters of its text; "
                         "over it, a problems row (0: none; default: %(default)s; not enforced on Dask workers)")
    extract.add_argument("--chunk-size", type=_positive_int, default=DEFAULT_CHUNK_SIZE,
                         help="articles per chunk (memory and scheduling unit; default: %(default)s)")
    extract.add_argument("--lexicons", type=Path, default=None, metavar="DIR",
                         help="folder of lexicon files overriding the packaged ones of the same name "
                              "(any subset; missing files fall back to the package)")
    bar = extract.add_mutually_exclusive_group()
    bar.add_argument("--progress", dest="progress", action="store_true", default=None,
                     help="always show the progress bar on stderr")
    bar.add_argument("--no-progress", dest="progress", action="store_false",
                     help="never show it (default: only on a terminal)")
    add_notebooks_command(sub)
    return parser


def _fail(message: str) -> int:
    print(f"analysis-helpers: {message}", file=sys.stderr)
    return EXIT_USAGE


def extract_command(args) -> int:
    """Run ``extract``; return the exit status (see :data:`EXIT_STATUS_HELP`)."""
    if args.input_dir.resolve() == args.out.resolve():
        return _fail(f"--out must differ from the input folder {args.input_dir}")
    if args.lexicons is not None and not args.lexicons.is_dir():
        return _fail(f"--lexicons {args.lexicons}: not a folder")
    if args.reference is not None and not args.reference.is_file():
        return _fail(f"--reference {args.reference}: not a file")
    if args.scheduler and args.engine != "dask":
        return _fail("--scheduler needs --engine dask")
    if args.fmt == "parquet" or args.engine == "dask":
        missing = _missing_modules(["pyarrow"] if args.fmt == "parquet" else ["dask", "distributed"])
        if missing:
            extra = "parquet" if args.fmt == "parquet" else "dask"
            return _fail(f"{', '.join(missing)} not installed: pip install 'analysis-helpers[{extra}]'")
    try:
        input_kind(args.input_dir)
        prepare_out(args.out, _TABLES)
        lock = OutputLock(args.out).acquire()
    except (CorpusError, OutputError) as exc:
        return _fail(str(exc))
    try:
        return _with_lexicons(args)
    except KeyboardInterrupt:
        discard_partial(args.out)
        print(f"analysis-helpers: interrupted; {args.out} left as it was", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        discard_partial(args.out)  # the staging folder and its spilled parts, unless moved into place
        lock.release()


def _with_lexicons(args) -> int:
    """Run the extraction with ``--lexicons DIR`` in force, in this process and in its worker processes."""
    if args.lexicons is None:
        return _extract_locked(args)
    previous = os.environ.get(LEXICONS_ENV)
    os.environ[LEXICONS_ENV] = str(args.lexicons.resolve())  # inherited by the worker processes
    try:
        with using(args.lexicons):
            return _extract_locked(args)
    finally:
        if previous is None:
            os.environ.pop(LEXICONS_ENV, None)
        else:
            os.environ[LEXICONS_ENV] = previous


def _missing_modules(names) -> list[str]:

    return [name for name in names if find_spec(name) is None]


def _extract_locked(args) -> int:
    started = time.monotonic()
    use_system_arrow_pool()  # freed text columns go back to the system between corpus steps
    source = open_input(args.input_dir, max_bytes=args.max_bytes, recursive=args.recursive,
                        progress=ProgressLine("files", enabled=args.progress))
    try:
        reference = load_reference(args.reference) if args.reference is not None else None
    except ValueError as exc:
        return _fail(f"--reference {exc}")
    jobs = args.jobs or default_jobs()
    options = RunOptions(article_timeout=args.article_timeout or None,
                         topics=TopicOptions(mode=args.topics, stability=args.topic_stability), reference=reference)
    with local_pool(jobs if args.engine == "local" else 1) as pool:  # one set of workers for the whole run
        return _run_and_write(args, source, options, jobs, pool, started)


def _run_and_write(args, source, options: RunOptions, jobs: int, pool, started: float) -> int:
    """The steps over ``source``, then the tables written to ``--out`` (``pool``: the run's workers or None)."""
    try:  # the input is read as a stream: a problem with it as a whole shows while the context is computed
        results, seconds = run_pipeline(source, options, jobs=jobs, chunk_size=args.chunk_size, engine=args.engine,
                                        scheduler=args.scheduler, spill=open_spill(args.out), pool=pool,
                                        progress=ProgressLine("articles", enabled=args.progress))
    except CorpusError as exc:
        return _fail(str(exc))
    articles, problems = source.articles, source.problems
    if len(articles) == 0:  # unusable input: no table is written, so no output looks like a finished run
        for row in problems.head(20).itertuples():
            print(f"  {row.severity}: {row.file}: {row.problem}", file=sys.stderr)
        more = f" (and {len(problems) - 20} more problems)" if len(problems) > 20 else ""
        return _fail(f"no article read from {args.input_dir}{more}; nothing written to {args.out}")
    tables = output_tables(results, problems)
    all_problems = tables["problems"]
    n_errors = int((all_problems["severity"] == "error").sum())
    status = EXIT_PROBLEMS if n_errors else EXIT_OK
    method = tables["topics"].attrs.get("method", "") if "topics" in tables else "off"
    completion = {
        "tool": "analysis-helpers", "version": __version__, "command": "extract",
        "input": {"path": str(args.input_dir), "kind": input_kind(args.input_dir), **input_digest(args.input_dir, source.digests)},
        "options": {"jobs": jobs, "engine": args.engine, "scheduler": args.scheduler, "format": args.fmt,
                    "excel": args.excel, "topics": str(args.topics), "topic_stability": args.topic_stability,
                    "article_timeout": args.article_timeout, "chunk_size": args.chunk_size,
                    "lexicons": str(args.lexicons.resolve()) if args.lexicons else "",
                    "max_bytes": args.max_bytes, "recursive": args.recursive,
                    "reference": str(args.reference.resolve()) if args.reference else ""},
        "topics_method": method,
        "tables": {name: int(len(table)) for name, table in tables.items()},
        "articles_read": int(len(articles)), "problems": int(len(all_problems)), "errors": n_errors,
        "exit_status": status, "seconds": round(time.monotonic() - started, 3),
        "cpu_seconds_per_step": {name: round(value, 3) for name, value in seconds.items()},
    }
    try:
        commit_tables(tables, args.out, completion, fmt=args.fmt, excel=args.excel, staged=True, pool=pool)
    except OSError as exc:  # a full disk, a quota: the tables were written beside --out, which is left whole
        where = f" ({exc.filename})" if exc.filename else ""
        return _fail(f"cannot write the tables{where}: {exc.strerror or exc}; {args.out} left as it was")
    n_unread = int((problems["severity"] == "error").sum())
    print(f"{len(articles)} articles read, {n_unread} files not read, {len(all_problems)} problems "
          f"(see {args.out / ('problems.' + args.fmt)}); wrote {', '.join(sorted(tables))}", file=sys.stderr)
    if "topics" in tables:
        print(f"topics: {method}", file=sys.stderr)
    corpus_warnings = (all_problems["file"] == CORPUS_FILE) & (all_problems["severity"] == "warning")
    for problem in all_problems.loc[corpus_warnings, "problem"]:
        print(f"warning: {problem}", file=sys.stderr)
    if args.reference is None and "timeline_conflicts" in tables:
        print("timeline_conflicts: no --reference, so dates are compared between articles (passages two "
              "articles retell with days that do not overlap)", file=sys.stderr)
    all_problems = all_problems[~corpus_warnings]
    shown = 20
    for row in all_problems.head(shown).itertuples():
        print(f"  {row.severity}: {row.file}: {row.problem}", file=sys.stderr)
    if len(all_problems) > shown:
        print(f"  ... and {len(all_problems) - shown} more in problems.{args.fmt}", file=sys.stderr)
    return status


def main(argv=None) -> int:
    """Entry point of the ``analysis-helpers`` command."""
    try:
        args = _parser().parse_args(argv)
        if args.command == "extract":
            return extract_command(args)
        if hasattr(args, "handler"):
            return args.handler(args)
    except KeyboardInterrupt:
        print("analysis-helpers: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_USAGE  # pragma: no cover - argparse rejects unknown commands


__all__ = ["EXIT_INTERRUPTED", "EXIT_OK", "EXIT_PROBLEMS", "EXIT_STATUS_HELP", "EXIT_USAGE", "EXTRACTORS", "main"]

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
