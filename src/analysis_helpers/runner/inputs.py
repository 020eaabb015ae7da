"""Inputs of ``analysis-helpers extract``: a folder of ``.txt`` articles, or one file of articles, read as a stream.

A Parquet (``.parquet``) or JSON Lines (``.jsonl``, ``.ndjson``) file holds one article per row with
the columns of the ``articles`` table; ``text`` is required, ``doc_id`` is the row number
(``row000001``...) when absent, and the counted columns (``title``, ``n_chars``, ``n_words``) are
computed when absent.

No input is held in memory whole. :func:`open_input` gives an :class:`InputSource`: one pass over
it (:meth:`InputSource.texts`) yields every article's text once, for the corpus facts computed
before the article steps, and keeps each article's row without its text (``articles``: what the
corpus steps and the joined article columns read) and the reading problems. The work is then cut
into :class:`ArticleChunk` s, each naming where its articles are (file names of the folder, byte
offsets of JSON lines, row groups and rows of Parquet): the process or Dask worker that runs a chunk
reads its own articles (:meth:`ArticleChunk.read`), so texts never travel from the client, and a
cluster only needs the input on storage every worker can read. Parquet inputs are read a row group
at a time: write them with row groups of some thousand rows (``row_group_size``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..corpus.build import (
    ARTICLE_COLUMNS, PROBLEM_COLUMNS, CorpusError, article_record, articles_frame, count_words, first_line,
    display_name, list_articles, sort_problems,
)
from ..corpus.decoding import DEFAULT_MAX_BYTES, clean_field, normalise_line_ends

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


def articles_from_table(table: pd.DataFrame, source: str = "input") -> tuple[pd.DataFrame, pd.DataFrame]:
    """An ``articles`` table (see :func:`read_articles`) from a table of one article per row.

    Rows whose ``text`` is missing or not a string are reported in ``problems``
    and left out; unknown columns are reported once as a warning.
    """
    if "text" not in table:
        raise CorpusError(f"{source}: no 'text' column (columns: {', '.join(map(str, table.columns)) or 'none'})")
    rows = table.reset_index(drop=True).to_dict("records")
    problems = _unknown_columns(list(table.columns), source)
    records = []
    for i, row in enumerate(rows):
        record, found = table_record(row, i, source)
        problems += found
        if record is not None:
            records.append(record)
    articles = articles_frame(records, source, check=False)
    _check_unique(articles["doc_id"], source)
    return articles, pd.DataFrame(problems, columns=PROBLEM_COLUMNS)


def _unknown_columns(names, source: str) -> list[dict]:
    unknown = [str(c) for c in names if c not in ARTICLE_COLUMNS]
    if not unknown:
        return []
    return [{"file": source, "severity": "warning",
             "problem": f"columns not in the articles table, ignored: {', '.join(unknown)}"}]


def _check_unique(doc_ids: pd.Series, source: str) -> None:
    repeated = _repeated(doc_ids)
    if repeated:
        raise CorpusError(f"{source}: doc_id repeated: {', '.join(sorted(repeated)[:10])}")


def _cell(value) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def table_record(row: dict, i: int, source: str) -> tuple[dict | None, list[dict]]:
    """The ``articles`` row of row ``i`` (0-based) of a table input and its problem rows, or None and the error row.

    The text's line ends are made LF as a file's are (a warning, and ``changes``); the other fields are kept as
    :func:`~analysis_helpers.corpus.decoding.clean_field` says, a warning naming the row and the field for each.
    """
    doc_id = clean_field("doc_id", _cell(row["doc_id"]))[0] if "doc_id" in row else f"row{i + 1:06d}"
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return None, [{"file": f"{source}:{i + 1}", "severity": "error",
                       "problem": f"row {i + 1} (doc_id {doc_id}): text missing or blank; not read"}]
    changes: list[str] = []  # line ends as a file's are read: LF, and the offsets count in that text
    record, changed = {"text": normalise_line_ends(text, changes)}, []
    for column in ARTICLE_COLUMNS:
        if column not in record:
            record[column], change = clean_field(column, _cell(row[column])) \
                if column in row and column not in ("n_chars", "n_words") else ("", "")
            if change:
                changed.append(f"row {i + 1}, field {column!r}: read with changes: {change}")
    text = record["text"]
    record.update({"doc_id": doc_id, "file": record["file"] or f"{source}:{i + 1}",
                   "title": record["title"] or first_line(text), "n_chars": len(text),
                   "n_words": count_words(text), "encoding": record["encoding"] or source.rsplit(".", 1)[-1]})
    problems = [{"file": record["file"], "severity": "warning", "problem": change} for change in changed]
    if changes:
        record["changes"] = ";".join(filter(None, [record["changes"], *changes]))
        problems.insert(0, {"file": record["file"], "severity": "warning",
                            "problem": "read with changes: " + ", ".join(changes)})
    return record, problems


@dataclass(frozen=True)
class ArticleChunk:
    """Where the articles of one chunk are; :meth:`read` gives them (what a worker runs first).

    Attributes
    ----------
    kind : {"folder", "jsonl", "parquet", "stored"}
    path : str
        The folder or the file (on storage the worker can read); for ``stored``, the file of texts
        written while the input was read (:meth:`InputSource.keep_texts`).
    entries : tuple
        In ``doc_id`` order: file names in the folder; ``(byte offset, row number)`` of JSON lines;
        ``(row group, row in group, row number)`` of Parquet rows; ``(byte offset, bytes)`` of stored texts.
    by_file : dict
        The manifest rows of these files (folder).
    has_manifest : bool
    max_bytes : int
    rows : tuple of dict
        ``stored``: the ``articles`` rows of the entries, without ``text``.
    """
    kind: str
    path: str
    entries: tuple
    by_file: dict = field(default_factory=dict)
    has_manifest: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    rows: tuple = ()

    def __len__(self) -> int:
        return len(self.entries)

    def read(self) -> pd.DataFrame:
        """This chunk's rows of the ``articles`` table, texts included, in ``doc_id`` order."""
        path = Path(self.path)
        if self.kind == "stored":
            with open(path, "rb") as handle:
                records = []
                for (offset, size), row in zip(self.entries, self.rows):
                    handle.seek(offset)
                    records.append({**row, "text": handle.read(size).decode("utf-8", "surrogatepass")})
        elif self.kind == "folder":
            records = [article_record(path, name, self.by_file, self.has_manifest, max_bytes=self.max_bytes)[0]
                       for name in self.entries]
        elif self.kind == "jsonl":
            with open(path, "rb") as handle:
                records = []
                for offset, i in self.entries:
                    handle.seek(offset)
                    records.append(table_record(_json_row(handle.readline(), i, path.name), i, path.name)[0])
        else:
            records = self._parquet_records(path)
        if any(record is None for record in records):
            raise CorpusError(f"{path}: changed while it was read (an article read before is unreadable now)")
        return articles_frame(records, path, check=False)

    def _parquet_records(self, path: Path) -> list[dict]:
        import pyarrow.parquet as pq

        handle = pq.ParquetFile(path)
        rows_of: dict[int, list[dict]] = {}
        for group in sorted({group for group, _, _ in self.entries}):
            rows_of[group] = handle.read_row_group(group).to_pylist()
        return [table_record(rows_of[group][j], i, path.name)[0] for group, j, i in self.entries]


def _json_row(line: bytes, i: int, source: str) -> dict:
    try:
        row = json.loads(line)
    except ValueError as exc:
        raise CorpusError(f"{source}: line {i + 1} is not JSON ({exc})") from exc
    if not isinstance(row, dict):
        raise CorpusError(f"{source}: line {i + 1} is not a JSON object")
    return row


class InputSource:
    """A folder or a file of articles, read once as a stream (see the module docstring).

    After :meth:`texts` is exhausted, ``articles`` is the ``articles`` table without ``text``
    (sorted by doc_id) and ``problems`` the reading problems; :meth:`chunks` cuts the readable
    articles into :class:`ArticleChunk` s.
    """

    def __init__(self, path, *, max_bytes: int = DEFAULT_MAX_BYTES, progress=None, recursive: bool = False):
        self.path = Path(path)
        self.kind = input_kind(self.path)
        self.max_bytes = max_bytes
        self.recursive = recursive
        self.progress = progress
        self.articles: pd.DataFrame | None = None
        self.problems: pd.DataFrame | None = None
        self._entries: list = []
        self._by_file: dict = {}
        self._has_manifest = False
        #: SHA-256 (hex) of the bytes of each file of a folder read by :meth:`texts`, by file name.
        self.digests: dict[str, str] = {}
        self._store: Path | None = None
        self._stored: list = []

    def texts(self):
        """Yield every readable article's text once (reading order); fill ``articles`` and ``problems`` at the end.

        Raises
        ------
        CorpusError
            The input cannot be read as a whole (no ``text`` column, a line that is not JSON, a repeated doc_id).
        """
        records, entries, problems, stored = [], [], [], []
        store = open(self._store, "wb") if self._store is not None else None
        try:
            for record, entry, found in self._rows(problems):
                problems += found
                if record is not None:
                    text = record.pop("text")
                    if store is not None:  # the text as read, for the chunks: the input is not read again
                        data = text.encode("utf-8", "surrogatepass")
                        stored.append((store.tell(), len(data)))
                        store.write(data)
                    yield text
                    records.append(record)
                    entries.append(entry)
        finally:
            if store is not None:
                store.close()
        articles = pd.DataFrame(records, columns=[c for c in ARTICLE_COLUMNS if c != "text"])
        if self.kind == "folder":
            repeated = _repeated(articles["doc_id"])  # articles_frame names the files of a repeated doc_id
            articles_frame([{**r, "text": ""} for r in records if r["doc_id"] in repeated], self.path)
            problems = sort_problems(pd.DataFrame(problems, columns=PROBLEM_COLUMNS))
        else:
            _check_unique(articles["doc_id"], self.path.name)
            problems = pd.DataFrame(problems, columns=PROBLEM_COLUMNS)
        order = articles["doc_id"].argsort(kind="stable").to_numpy()
        self.articles = articles.iloc[order].reset_index(drop=True).astype({"n_chars": "int64", "n_words": "int64"})
        self._entries = [entries[i] for i in order]
        self._stored = [stored[i] for i in order] if store is not None else []
        self.problems = problems

    def keep_texts(self, path) -> None:
        """Let :meth:`texts` write each text as read into the file ``path`` (UTF-8, one after the other), and
        :meth:`chunks` read them back from there: the input is read and decoded once.

        Call before :meth:`texts`. The chunks then name ``path`` (every worker must be able to read it:
        not for workers on other machines) and carry their articles' rows without text.
        """
        self._store = Path(path)

    def _rows(self, problems: list):
        """``(record or None, entry, problems)`` of each row of the input, in reading order."""
        if self.kind == "folder":
            files, self._by_file, self._has_manifest, found = list_articles(self.path, recursive=self.recursive)
            problems += found
            for done, name in enumerate(files, start=1):
                record, found = article_record(self.path, name, self._by_file, self._has_manifest,
                                               max_bytes=self.max_bytes, digests=self.digests)
                yield record, name, found
                if self.progress is not None:
                    self.progress(done, len(files), name)
        elif self.kind == "jsonl":
            yield from self._jsonl_rows(problems)
        else:
            yield from self._parquet_rows(problems)

    def _jsonl_rows(self, problems: list):
        source, columns, i = self.path.name, {}, 0
        with open(self.path, "rb") as handle:
            offset = 0
            for line in handle:
                start, offset = offset, offset + len(line)
                if not line.strip():
                    continue
                row = _json_row(line, i, source)
                columns.update(dict.fromkeys(row))
                record, found = table_record(row, i, source)
                yield record, (start, i), found
                i += 1
        if "text" not in columns:
            raise CorpusError(f"{source}: no 'text' column (columns: {', '.join(map(str, columns)) or 'none'})")
        problems[:0] = _unknown_columns(list(columns), source)

    def _parquet_rows(self, problems: list):
        try:
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise CorpusError(f"{self.path}: reading Parquet needs pyarrow "
                              f"(pip install 'analysis-helpers[parquet]'): {exc}") from exc
        source = self.path.name
        try:
            handle = pq.ParquetFile(self.path)
        except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds for a file that is not Parquet
            raise CorpusError(f"{self.path}: not readable as parquet: {exc}") from exc
        names = handle.schema_arrow.names
        if "text" not in names:
            raise CorpusError(f"{source}: no 'text' column (columns: {', '.join(names) or 'none'})")
        problems += _unknown_columns(names, source)
        i = 0
        for group in range(handle.num_row_groups):
            for j, row in enumerate(handle.read_row_group(group).to_pylist()):
                record, found = table_record(row, i, source)
                yield record, (group, j, i), found
                i += 1

    def chunks(self, chunk_size: int) -> list[ArticleChunk]:
        """The readable articles in consecutive chunks of ``chunk_size`` (doc_id order; the same for any workers)."""
        out = []
        if self._stored:
            rows = self.articles.to_dict("records")
            for start in range(0, len(rows), chunk_size):
                end = start + chunk_size
                out.append(ArticleChunk("stored", str(self._store), tuple(self._stored[start:end]),
                                        rows=tuple(rows[start:end])))
            return out
        for start in range(0, len(self._entries), chunk_size):
            entries = tuple(self._entries[start:start + chunk_size])
            shown = [display_name(name) for name in entries] if self.kind == "folder" else []  # manifest keys
            by_file = {name: self._by_file[name] for name in shown if name in self._by_file}
            out.append(ArticleChunk(self.kind, str(self.path), entries, by_file, self._has_manifest, self.max_bytes))
        return out


def _repeated(doc_ids: pd.Series) -> set:
    """The doc_ids that occur more than once."""
    return set(doc_ids[doc_ids.duplicated()])


def open_input(path, *, max_bytes: int = DEFAULT_MAX_BYTES, progress=None, recursive: bool = False) -> InputSource:
    """The :class:`InputSource` of a folder or a file of articles (nothing is read yet)."""
    return InputSource(path, max_bytes=max_bytes, progress=progress, recursive=recursive)


def chunks_of(articles: pd.DataFrame, chunk_size: int):
    """The ``articles`` table in consecutive slices of ``chunk_size`` rows (same slices for any number of workers)."""
    for start in range(0, len(articles), chunk_size):
        yield articles.iloc[start:start + chunk_size].reset_index(drop=True)


def input_digest(path, known: dict | None = None) -> dict:
    """SHA-256 of the input: of the file, or of every file of the folder (name and content), with a count.

    ``known``: hex digests already taken of some files of the folder, by name (:attr:`InputSource.digests`,
    the bytes :meth:`InputSource.texts` read); only the other files are read here.
    """
    path = Path(path)
    known = known or {}
    files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    total = hashlib.sha256()
    per_file = {}
    for file in files:
        if file.name in known and path.is_dir():
            per_file[file.name] = known[file.name]
            total.update(file.name.encode("utf-8", "surrogateescape") + b"\0" + bytes.fromhex(known[file.name]))
            continue
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
