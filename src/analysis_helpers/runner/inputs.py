"""Inputs of ``analysis-helpers extract``: a folder of ``.txt`` articles, or one file of articles.

A Parquet (``.parquet``) or JSON Lines (``.jsonl``, ``.ndjson``) file holds one article per row with
the columns of the ``articles`` table; ``text`` is required, ``doc_id`` is the row number
(``row000001``...) when absent, and the counted columns (``title``, ``n_chars``, ``n_words``) are
computed when absent.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from ..corpus.build import ARTICLE_COLUMNS, PROBLEM_COLUMNS, CorpusError, count_words, first_line, read_articles
from ..corpus.decoding import DEFAULT_MAX_BYTES, normalise_line_ends

TABLE_SUFFIXES = {".parquet": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def input_kind(path: Path) -> str:
    """``folder``, ``parquet`` or ``jsonl``; raise :class:`CorpusError` for anything else."""
    path = Path(path)
    if path.is_dir():
        return "folder"
    if path.is_file() and path.suffix.lower() in TABLE_SUFFIXES:
        return TABLE_SUFFIXES[path.suffix.lower()]
    if path.is_file():
        raise CorpusError(f"{path}: not a folder of articles, a .parquet file or a .jsonl file")
    raise CorpusError(f"{path}: not a folder of articles (no such file or folder)")


def read_input(path, *, max_bytes: int = DEFAULT_MAX_BYTES, progress=None,
               recursive: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``articles`` table and the reading problems of a folder or a file of articles.

    ``recursive`` reads the ``.txt`` files of a folder's subfolders too (see :func:`read_articles`).

    Raises
    ------
    CorpusError
        When the input cannot be read as a whole (missing, unknown format, no
        ``text`` column, repeated ``doc_id``).
    """
    path = Path(path)
    kind = input_kind(path)
    if kind == "folder":
        return read_articles(path, max_bytes=max_bytes, progress=progress, recursive=recursive)
    try:
        if kind == "parquet":
            table = pd.read_parquet(path)
        else:
            table = pd.read_json(path, lines=True, dtype=False)
    except ImportError as exc:
        raise CorpusError(f"{path}: reading Parquet needs pyarrow (pip install 'analysis-helpers[parquet]'): {exc}")
    except ValueError as exc:
        raise CorpusError(f"{path}: not readable as {kind}: {exc}") from exc
    return articles_from_table(table, path.name)


def articles_from_table(table: pd.DataFrame, source: str = "input") -> tuple[pd.DataFrame, pd.DataFrame]:
    """An ``articles`` table (see :func:`read_articles`) from a table of one article per row.

    Rows whose ``text`` is missing or not a string are reported in ``problems``
    and left out; unknown columns are reported once as a warning.
    """
    if "text" not in table:
        raise CorpusError(f"{source}: no 'text' column (columns: {', '.join(map(str, table.columns)) or 'none'})")
    table = table.reset_index(drop=True)
    problems = []
    rows = [f"{source}:{i + 1}" for i in range(len(table))]
    doc_ids = (table["doc_id"].astype(str) if "doc_id" in table
               else pd.Series([f"row{i + 1:06d}" for i in range(len(table))]))
    unknown = [str(c) for c in table.columns if c not in ARTICLE_COLUMNS]
    if unknown:
        problems.append({"file": source, "severity": "warning",
                         "problem": f"columns not in the articles table, ignored: {', '.join(unknown)}"})
    records = []
    for i, text in enumerate(table["text"].tolist()):
        if not isinstance(text, str) or not text.strip():
            problems.append({"file": rows[i], "severity": "error",
                             "problem": f"row {i + 1} (doc_id {doc_ids[i]}): text missing or blank; not read"})
            continue
        record = {column: "" for column in ARTICLE_COLUMNS}
        changes: list[str] = []
        for column in ARTICLE_COLUMNS:
            if column in table and column not in ("n_chars", "n_words"):
                value = table[column].iloc[i]
                value = "" if value is None or (isinstance(value, float) and value != value) else str(value)
                record[column] = normalise_line_ends(value, changes if column == "text" else [])
        text = record["text"]  # line ends as a file's are read: LF, and the offsets count in that text
        if changes:
            record["changes"] = ";".join(filter(None, [record["changes"], *changes]))
            problems.append({"file": record["file"] or rows[i], "severity": "warning",
                             "problem": "read with changes: " + ", ".join(changes)})
        record.update({"doc_id": doc_ids[i], "text": text, "file": record["file"] or rows[i],
                       "title": record["title"] or first_line(text), "n_chars": len(text),
                       "n_words": count_words(text), "encoding": record["encoding"] or source.rsplit(".", 1)[-1]})
        records.append(record)
    articles = pd.DataFrame(records, columns=ARTICLE_COLUMNS)
    repeated = sorted(articles["doc_id"][articles["doc_id"].duplicated()].unique())
    if repeated:
        raise CorpusError(f"{source}: doc_id repeated: {', '.join(repeated[:10])}")
    articles = articles.sort_values("doc_id", kind="stable").reset_index(drop=True)
    articles = articles.astype({"n_chars": "int64", "n_words": "int64"})
    return articles, pd.DataFrame(problems, columns=PROBLEM_COLUMNS)


def chunks_of(articles: pd.DataFrame, chunk_size: int):
    """The ``articles`` table in consecutive slices of ``chunk_size`` rows (same slices for any number of workers)."""
    for start in range(0, len(articles), chunk_size):
        yield articles.iloc[start:start + chunk_size].reset_index(drop=True)


def input_digest(path) -> dict:
    """SHA-256 of the input: of the file, or of every file of the folder (name and content), with a count."""
    path = Path(path)
    files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    total = hashlib.sha256()
    per_file = {}
    for file in files:
        digest = hashlib.sha256()
        try:
            with open(file, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
        except OSError:
            continue
        per_file[file.name] = digest.hexdigest()
        total.update(file.name.encode("utf-8", "surrogateescape") + b"\0" + digest.digest())
    out = {"sha256": total.hexdigest(), "n_files": len(per_file)}
    if len(per_file) <= 1000:
        out["files"] = per_file
    return out
