"""The ``analysis-helpers`` command line."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .corpus.build import CorpusError, build_corpus, read_articles
from .corpus.decoding import DEFAULT_MAX_BYTES
from .pipeline import extract_all, write_tables
from .progress import ProgressLine
from .resources import LEXICONS_ENV, using


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="analysis-helpers",
        description="Turn a folder of scraped news articles into analysis tables (CSV).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser(
        "extract",
        help="read INPUT_DIR/*.txt (and manifest.csv) and write every table to OUT_DIR",
        description="Read a folder of .txt articles and write articles.csv, blocks.csv, "
        "sentences.csv, problems.csv and every registered extractor's table to OUT_DIR.",
    )
    extract.add_argument("input_dir", type=Path, help="folder of .txt articles, with an optional manifest.csv")
    extract.add_argument("--out", type=Path, required=True, help="folder for the CSV tables (created)")
    extract.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                         help="refuse files larger than this (default: %(default)s)")
    extract.add_argument("--lexicons", type=Path, default=None, metavar="DIR",
                         help="folder of lexicon files overriding the packaged ones of the same name "
                              "(any subset; missing files fall back to the package)")
    bar = extract.add_mutually_exclusive_group()
    bar.add_argument("--progress", dest="progress", action="store_true", default=None,
                     help="always show the progress bar on stderr")
    bar.add_argument("--no-progress", dest="progress", action="store_false",
                     help="never show it (default: only on a terminal)")
    return parser


def extract_command(args) -> int:
    """Run ``extract``; return the exit status."""
    if args.input_dir.resolve() == args.out.resolve():
        print(f"analysis-helpers: --out must differ from the input folder {args.input_dir}", file=sys.stderr)
        return 2
    if args.lexicons is not None and not args.lexicons.is_dir():
        print(f"analysis-helpers: --lexicons {args.lexicons}: not a folder", file=sys.stderr)
        return 2
    if args.lexicons is None:
        return _extract(args)
    previous = os.environ.get(LEXICONS_ENV)
    os.environ[LEXICONS_ENV] = str(args.lexicons.resolve())  # worker processes read the same folder
    try:
        with using(args.lexicons):
            return _extract(args)
    finally:
        if previous is None:
            os.environ.pop(LEXICONS_ENV, None)
        else:
            os.environ[LEXICONS_ENV] = previous


def _extract(args) -> int:
    try:
        articles, problems = read_articles(args.input_dir, max_bytes=args.max_bytes,
                                           progress=ProgressLine("files", enabled=args.progress))
    except CorpusError as exc:
        print(f"analysis-helpers: {exc}", file=sys.stderr)
        return 2
    corpus = build_corpus(articles, problems)
    tables = extract_all(corpus, progress=ProgressLine("tables", enabled=args.progress))
    write_tables(tables, args.out)
    n_errors = int((problems["severity"] == "error").sum())
    print(
        f"{len(articles)} articles read, {n_errors} files not read, {len(problems)} problems "
        f"(see {args.out / 'problems.csv'}); wrote {', '.join(sorted(tables))}",
        file=sys.stderr,
    )
    for row in problems.itertuples():
        print(f"  {row.severity}: {row.file}: {row.problem}", file=sys.stderr)
    return 0


def main(argv=None) -> int:
    """Entry point of the ``analysis-helpers`` command."""
    args = _parser().parse_args(argv)
    if args.command == "extract":
        return extract_command(args)
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
