# Above 400 lines: reading a folder (files, manifest, problems) and checking a DataFrame both end in one Corpus; split when either grows.
"""Read a folder of scraped articles, with an optional manifest, into an ``articles`` table.

Nothing here writes to the input folder. Every file is either an article row or
a row of the problems report (some are both: a file decoded as cp1252 is read
and the change is reported).
"""

from __future__ import annotations

import csv
import errno
import hashlib
import io
import os
import re
import stat
import warnings
from dataclasses import dataclass
from functools import cached_property
from itertools import filterfalse
from datetime import date
from pathlib import Path, PurePosixPath

import pandas as pd

from ..paths import seeds_dir
from ..resources import accepts_lexicons
from ..schema import TABLES
from .decoding import (DEFAULT_MAX_BYTES, DecodedText, UnreadableFile, clean_field, decode_article_bytes,
                       decode_utf8_with_fallback, escape_line_breaks)
from .offsets import OffsetIndex
from .roles import segment_blocks
from .sentences import split_sentences

MANIFEST_NAME = "manifest.csv"
ARTICLE_SUFFIX = ".txt"

ARTICLE_COLUMNS = [
    "doc_id", "file", "title", "outlet", "url", "published", "text", "n_chars", "n_words",
    "published_note", "encoding", "changes",
]
PROBLEM_COLUMNS = ["file", "severity", "problem"]
MANIFEST_COLUMNS = ["file", "doc_id", "outlet", "url", "published", "published_note"]

# Possessive: a run of word characters never gives any back (a joiner is not one), so the words are those of
# ``\w+(?:[’'.-]\w+)*``; re skips keeping the backtracking points (a quarter faster on a whole article).
_WORD = re.compile(r"\w++(?:[’'.-]\w++)*+")
#: Punctuation around words (none of it re's ``\w``): stripped from a token's ends before it is counted.
_EDGE_PUNCTUATION = "\"'“”‘’«»()[]{},.;:!?…—–-*/"


class CorpusError(ValueError):
    """The corpus cannot be read as a whole (for example a broken manifest)."""


class CorpusProblemWarning(UserWarning):
    """A file was skipped or changed while reading; the message names it."""


def count_words(text: str) -> int:
    """Number of word tokens (letters or digits, inner apostrophes, dots and hyphens kept).

    No word holds white space, so the words are those of the white-space tokens; a token of
    letters and digits only (``str.isalnum``, re's ``\\w`` less ``_``) is one word, and only the
    others are read by the pattern (joined by spaces: one search, not one per token).
    """
    tokens = text.split()
    rest = list(filterfalse(str.isalnum, tokens))
    if not rest:
        return len(tokens)
    # most of the others are one word with punctuation at its ends ("said," "(AP)"): stripping characters
    # that are not \w from the ends leaves its words as they were, and a core of letters and digits is one
    hard = list(filterfalse(str.isalnum, [token.strip(_EDGE_PUNCTUATION) for token in rest]))
    return len(tokens) - len(hard) + len(_WORD.findall(" ".join(hard)))


def first_line(text: str) -> str:
    """The first non-blank line of ``text``, stripped: a scrape's headline in most layouts."""
    pos = 0
    while True:  # line by line, without splitting the whole text
        end = text.find("\n", pos)
        line = (text[pos:] if end < 0 else text[pos:end]).strip()
        if line or end < 0:
            return line
        pos = end + 1


def _problem(file: str, severity: str, problem: str) -> dict:
    return {"file": file, "severity": severity, "problem": problem}


def sort_problems(problems: pd.DataFrame) -> pd.DataFrame:
    """``problems`` in the order of its contract (``schema.TABLES["problems"].order``: file, severity, problem,
    step, error): a total order on the rows' values, so the same rows come in the same order whatever the
    chunks, the workers or the engine that found them."""
    order = [column for column in TABLES["problems"].order if column in problems]
    return problems.sort_values(order, kind="stable").reset_index(drop=True)


#: Manifest dates outside these years are refused: date arithmetic around them ("a day later",
#: "next year") would leave the calendar Python can represent (years 1 to 9999).
PUBLISHED_YEARS = (1000, 8999)


def _parse_published(value: str) -> date | None:
    """ISO ``YYYY-MM-DD`` to a date; raise ValueError for anything else or a year outside :data:`PUBLISHED_YEARS`."""
    value = value.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(value)
    day = date.fromisoformat(value)
    if not PUBLISHED_YEARS[0] <= day.year <= PUBLISHED_YEARS[1]:
        raise ValueError(value)
    return day


def _safe_relative_file(name: str) -> str | None:
    """The manifest's file name when it stays inside the corpus folder, else None."""
    name = name.strip().replace("\\", "/")
    path = PurePosixPath(name)
    if not name or path.is_absolute() or ".." in path.parts or re.match(r"^[A-Za-z]:", name):
        return None
    return str(path)


def read_manifest(folder: Path) -> tuple[pd.DataFrame, list[dict]]:
    """Read ``manifest.csv`` of a corpus folder.

    Returns
    -------
    manifest : DataFrame
        Columns ``file, doc_id, outlet, url, published, published_note`` as strings
        (empty when absent); ``published`` is ISO ``YYYY-MM-DD`` or empty. Rows
        whose file escapes the folder are left out and reported; so are a row's
        fields beyond the header, columns other than these six, and bytes that are
        not UTF-8 (read as Windows-1252). A field holding line breaks is kept as
        :func:`~analysis_helpers.corpus.decoding.clean_field` says (``file`` and ``doc_id``
        escaped, the others with CRLF and CR made LF), each change a warning naming
        the line and the field.
    problems : list of dict
        Problems-report rows (``file, severity, problem``).

    Raises
    ------
    CorpusError
        When the manifest cannot be read, has no ``file`` column, repeats a file or a doc_id.
    """
    path = folder / MANIFEST_NAME
    problems: list[dict] = []
    if not path.exists() and not path.is_symlink():
        return pd.DataFrame(columns=MANIFEST_COLUMNS), problems
    if not path.is_file():
        raise CorpusError(f"{path}: manifest is not a regular file (a folder, a broken link or a device)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{path}: manifest cannot be read ({exc.strerror or exc})") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    raw, replaced = decode_utf8_with_fallback(data)
    if replaced:
        problems.append(_problem(MANIFEST_NAME, "warning",
                                 f"{MANIFEST_NAME} is not UTF-8: {replaced} bytes read as Windows-1252"))
    reader = csv.reader(io.StringIO(raw, newline=""))
    table, first_lines, line = [], [], 1  # each row and the line it starts on (a quoted field may span lines)
    for fields in reader:
        table.append(fields)
        first_lines.append(line)
        line = reader.line_num + 1
    header = [h.strip() for h in (table[0] if table else [])]
    if "file" not in header:
        raise CorpusError(f"{path}: manifest has no 'file' column (columns: {', '.join(header) or 'none'})")
    unknown = [h for h in header if h not in MANIFEST_COLUMNS]
    if unknown:
        problems.append(_problem(MANIFEST_NAME, "warning",
                                 f"{MANIFEST_NAME}: columns {', '.join(repr(h) for h in unknown)} are not among "
                                 f"{', '.join(MANIFEST_COLUMNS)}; ignored"))
    records = []
    for line_no, fields in zip(first_lines[1:], table[1:]):
        if not any(f.strip() for f in fields):
            continue  # a blank line
        row = {}
        for key, value in zip(header, fields):
            row.setdefault(key, value.strip())
        safe = _safe_relative_file(row.get("file", ""))  # on the name as written, before its line breaks are escaped
        record, changed = {}, []
        for column in MANIFEST_COLUMNS:
            record[column], change = clean_field(column, (safe or "") if column == "file" else row.get(column, ""))
            if change:
                changed.append(f"{MANIFEST_NAME} line {line_no}, field {column!r}: read with changes: {change}")
        name = record["file"] or escape_line_breaks(row.get("file", ""))
        if len(fields) > len(header):
            problems.append(_problem(name, "warning", f"{MANIFEST_NAME} line {line_no}: {len(fields)} fields for "
                                     f"{len(header)} columns; the extra fields are ignored"))
        problems += [_problem(name, "warning", change) for change in changed]
        if safe is None:
            problems.append(_problem(name, "error", f"{MANIFEST_NAME} line {line_no}: path {row.get('file', '')!r} "
                                     "leaves the corpus folder or is empty; row ignored"))
            continue
        if record["published"]:
            try:
                _parse_published(record["published"])
            except ValueError:
                problems.append(_problem(name, "warning",
                                         f"{MANIFEST_NAME} line {line_no}: published date "
                                         f"{record['published']!r} is not YYYY-MM-DD with a year from "
                                         f"{PUBLISHED_YEARS[0]} to {PUBLISHED_YEARS[1]}; left empty"))
                note = f"unparseable date in manifest: {record['published']!r}"
                record["published_note"] = "; ".join(x for x in (record["published_note"], note) if x)
                record["published"] = ""
        records.append(record)
    manifest = pd.DataFrame(records, columns=MANIFEST_COLUMNS)
    for column in ("file", "doc_id"):
        values = manifest[column][manifest[column] != ""]
        repeated = sorted(values[values.duplicated()].unique())
        if repeated:
            raise CorpusError(f"{path}: {column} repeated in the manifest: {', '.join(repeated)}")
    return manifest, problems


def display_name(name: str) -> str:
    """A file name safe to write in UTF-8 tables, on one line: bytes that are not UTF-8 and line breaks
    shown as ``\\xNN``."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        name = os.fsencode(name).decode("utf-8", errors="backslashreplace")
    return escape_line_breaks(name)


def _kind_of(path: Path) -> str | None:
    """None for a regular file (or a link to one); else what it is, for the problems report."""
    try:
        mode = path.stat().st_mode  # follows links
    except OSError as exc:
        if path.is_symlink():
            return "a link that loops" if exc.errno == errno.ELOOP else "a broken link"
        return f"an entry that cannot be examined ({exc.strerror or exc})"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device or other special file"


def list_article_files(folder: Path, *, recursive: bool = False) -> tuple[list[str], list[dict]]:
    """The ``.txt`` files of ``folder`` to read, as names relative to it, sorted; and the entries skipped.

    Parameters
    ----------
    folder : Path
    recursive : bool
        Read ``.txt`` files in subfolders too (names like ``sub/a.txt``). Without it,
        each subfolder that holds ``.txt`` files is reported.

    Returns
    -------
    files : list of str
        Relative POSIX paths (the original names, possibly not UTF-8: see :func:`display_name`).
    problems : list of dict
        ``warning`` rows for skipped entries: non-regular files or broken or looping links
        named ``.txt``, a file named just ``.txt``, subfolders holding ``.txt`` files.
    """
    files: list[str] = []
    problems: list[dict] = []
    seen_folders: set[tuple[int, int]] = set()

    def walk(current: Path, prefix: str) -> None:
        try:
            info = current.stat()
            if (info.st_dev, info.st_ino) in seen_folders:
                problems.append(_problem(display_name(prefix.rstrip("/")), "warning",
                                         "folder reached again through a link; not read twice"))
                return
            seen_folders.add((info.st_dev, info.st_ino))
            entries = sorted(os.listdir(current))
        except OSError as exc:
            problems.append(_problem(display_name(prefix.rstrip("/") or str(current)), "error",
                                     f"folder cannot be listed ({exc.strerror or exc}); not read"))
            return
        for entry in entries:
            path = current / entry
            rel = prefix + entry
            kind = _kind_of(path)
            if kind == "a folder":
                if recursive:
                    walk(path, rel + "/")
                else:
                    count = _count_txt(path)
                    if count:
                        problems.append(_problem(display_name(rel), "warning",
                                                 f"subfolder holding {count} {ARTICLE_SUFFIX} file(s); not read "
                                                 "(reading is not recursive: pass --recursive to read subfolders)"))
                continue
            if not entry.lower().endswith(ARTICLE_SUFFIX):
                continue
            if kind is not None:
                problems.append(_problem(display_name(rel), "warning", f"{kind} named {ARTICLE_SUFFIX}; not read"))
            elif entry.lower() == ARTICLE_SUFFIX:
                problems.append(_problem(display_name(rel), "warning",
                                         f"file named just {entry!r} (no name before the suffix); not read"))
            else:
                files.append(rel)

    walk(folder, "")
    return sorted(files), problems


def _count_txt(folder: Path, limit: int = 100_000) -> int:
    """How many ``.txt`` entries a subfolder holds at any depth (links not followed; stops at ``limit``)."""
    count = 0
    for _root, _dirs, names in os.walk(folder):
        count += sum(1 for n in names if n.lower().endswith(ARTICLE_SUFFIX))
        if count >= limit:
            break
    return count


def read_article_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, digests: dict | None = None) -> DecodedText:
    """Read and decode one article file, its size checked before reading.

    With ``digests``, the SHA-256 (hex) of the bytes read is stored there under ``path.name`` (the
    input's completion record hashes what was read instead of reading the file again).

    Raises
    ------
    UnreadableFile
        When it is too large (never read), cannot be opened or read, or cannot be decoded.
    """
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise UnreadableFile(
                    f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit "
                    "for one article (pass a larger max_bytes to read it anyway)")
            data = handle.read(max_bytes + 1)  # a file that grew since is still refused, not read whole
    except OSError as exc:
        raise UnreadableFile(f"file cannot be read ({exc.strerror or type(exc).__name__})") from None
    if digests is not None:
        digests[path.name] = hashlib.sha256(data).hexdigest()
    return decode_article_bytes(data, max_bytes=max_bytes)


def list_articles(folder: Path, *, recursive: bool = False) -> tuple[list[str], dict, bool, list[dict]]:
    """What :func:`read_articles` reads, before reading any text.

    Returns the article files (names inside ``folder``, in reading order), the manifest rows by
    display name, whether there is a manifest, and the problems found so far (manifest, skipped
    entries, manifest rows without a file, no file at all).
    """
    if not folder.is_dir():
        raise CorpusError(f"{folder}: not a folder of articles")
    manifest, problems = read_manifest(folder)
    by_file = {row["file"]: row for row in manifest.to_dict("records")}
    files, skipped = list_article_files(folder, recursive=recursive)
    problems += skipped
    names = {display_name(f) for f in files}
    for name in sorted(set(by_file) - names):
        problems.append(_problem(name, "error", f"listed in {MANIFEST_NAME} but no such file in the folder"))
    if not files:
        problems.append(_problem(display_name(str(folder)), "error", f"no {ARTICLE_SUFFIX} files in the folder"))
    return files, by_file, bool(len(manifest)), problems


def article_record(folder: Path, raw_name: str, by_file: dict, has_manifest: bool, *,
                   max_bytes: int = DEFAULT_MAX_BYTES, digests: dict | None = None) -> tuple[dict | None, list[dict]]:
    """The ``articles`` row of one file of ``folder`` (None when it cannot be read) and its problems.

    ``digests``: see :func:`read_article_file` (files directly in ``folder`` only).
    """
    problems = []
    name = display_name(raw_name)
    if name != raw_name:
        one_line = escape_line_breaks(raw_name)
        why = [reason for reason, found in (("is not UTF-8", one_line != name), ("holds line breaks", one_line != raw_name))
               if found]
        problems.append(_problem(name, "warning", f"file name {' and '.join(why)}; written with \\xNN escapes"))
    meta = by_file.get(name)
    if meta is None and has_manifest:
        problems.append(_problem(name, "warning", f"not in {MANIFEST_NAME}: outlet, url and date left empty"))
    try:
        decoded = read_article_file(folder / raw_name, max_bytes=max_bytes,
                                    digests=digests if "/" not in raw_name else None)
    except UnreadableFile as exc:
        problems.append(_problem(name, "error", f"{exc}; not read"))
        return None, problems
    if decoded.changes:
        problems.append(_problem(name, "warning", "read with changes: " + decoded.describe_changes()))
    meta = meta or {}
    return {
        "doc_id": meta.get("doc_id") or PurePosixPath(name).stem,
        "file": name,
        "title": first_line(decoded.text),
        "outlet": meta.get("outlet", ""),
        "url": meta.get("url", ""),
        "published": meta.get("published", ""),
        "text": decoded.text,
        "n_chars": len(decoded.text),
        "n_words": count_words(decoded.text),
        "published_note": meta.get("published_note", ""),
        "encoding": decoded.encoding,
        "changes": ";".join(decoded.changes),
    }, problems


def articles_frame(records: list[dict], folder, *, check: bool = True) -> pd.DataFrame:
    """The ``articles`` table of :func:`article_record` rows: sorted by doc_id, counts as int64.

    With ``check``, two rows sharing a doc_id raise :class:`CorpusError` naming their files.
    """
    articles = pd.DataFrame(records, columns=ARTICLE_COLUMNS)
    if check:
        repeated = sorted(articles["doc_id"][articles["doc_id"].duplicated()].unique())
        if repeated:
            clash = articles[articles["doc_id"].isin(repeated)]
            names = ", ".join(f"{r.file} -> {r.doc_id}" for r in clash.itertuples())
            raise CorpusError(f"{folder}: two files share a doc_id ({names}); give them distinct doc_ids in "
                              f"{MANIFEST_NAME}")
    articles = articles.sort_values("doc_id", kind="stable").reset_index(drop=True)
    return articles.astype({"n_chars": "int64", "n_words": "int64"})


def read_articles(
    folder: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, progress=None, recursive: bool = False
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read every ``*.txt`` file of ``folder`` (not recursive unless asked) and its manifest.

    Parameters
    ----------
    folder : str or Path
        A folder of scraped articles, one plain-text file each.
    max_bytes : int
        Files larger than this are reported and not read (their size is checked first).
    progress : callable, optional
        Called as ``progress(done, total, file)`` after each file.
    recursive : bool
        Read ``.txt`` files in subfolders too; their ``file`` is the path inside
        ``folder`` (``sub/a.txt``). Without it, subfolders holding ``.txt`` files are
        reported in ``problems``.

    Returns
    -------
    articles : DataFrame
        One row per readable article, sorted by doc_id. Columns: ``doc_id``,
        ``file`` (name inside the folder; bytes that are not UTF-8 shown as ``\\xNN``),
        ``title`` (first non-blank line),
        ``outlet``, ``url``, ``published`` (ISO date string or empty),
        ``text`` (decoded text; every offset of the project indexes it),
        ``n_chars`` (characters), ``n_words`` (word tokens), ``published_note``,
        ``encoding`` and ``changes`` (what decoding changed, ``;``-separated).
    problems : DataFrame
        ``file, severity, problem``: ``error`` rows are files not read,
        ``warning`` rows were read with a change, or are entries skipped (folders,
        links, pipes) or a gap the user should know of.

    Raises
    ------
    CorpusError
        When the folder does not exist or the manifest is broken as a whole.
    """
    folder = Path(folder)
    files, by_file, has_manifest, problems = list_articles(folder, recursive=recursive)
    records = []
    for done, raw_name in enumerate(files, start=1):
        record, found = article_record(folder, raw_name, by_file, has_manifest, max_bytes=max_bytes)
        problems += found
        if record is not None:
            records.append(record)
        if progress is not None:
            progress(done, len(files), display_name(raw_name))
    articles = articles_frame(records, folder)
    return articles, sort_problems(pd.DataFrame(problems, columns=PROBLEM_COLUMNS))


def load_corpus(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, strict: bool = False) -> pd.DataFrame:
    """Load a folder of ``.txt`` articles (and its optional ``manifest.csv``) as a DataFrame.

    Parameters
    ----------
    path : str or Path
        The folder.
    max_bytes : int
        Files larger than this are not read (reported as a problem).
    strict : bool
        Raise :class:`CorpusError` on the first problem of severity ``error``
        instead of warning.

    Returns
    -------
    DataFrame
        The ``articles`` table (see :func:`read_articles`); the problems report
        is in ``articles.attrs["problems"]`` and every problem is also issued as a
        :class:`CorpusProblemWarning` naming the file.
    """
    articles, problems = read_articles(path, max_bytes=max_bytes)
    for row in problems.itertuples():
        message = f"{row.file}: {row.problem}"
        if strict and row.severity == "error":
            raise CorpusError(message)
        warnings.warn(message, CorpusProblemWarning, stacklevel=2)
    articles.attrs["problems"] = problems
    return articles


@dataclass
class Corpus:
    """The three base tables every extractor reads.

    Attributes
    ----------
    articles : DataFrame
        See :func:`read_articles`.
    blocks : DataFrame
        See :func:`analysis_helpers.corpus.blocks.segment_blocks`.
    sentences : DataFrame
        See :func:`analysis_helpers.sentences.split_sentences`.
    problems : DataFrame
        The problems report of reading the folder.
    """

    articles: pd.DataFrame
    blocks: pd.DataFrame
    sentences: pd.DataFrame
    problems: pd.DataFrame

    @cached_property
    def offsets(self) -> OffsetIndex:
        """Which block and sentence holds an offset (computed once per corpus)."""
        return OffsetIndex(self.blocks, self.sentences)

    def text_of(self, doc_id: str) -> str:
        """The full text of one article."""
        match = self.articles.loc[self.articles["doc_id"] == doc_id, "text"]
        if match.empty:
            raise KeyError(doc_id)
        return match.iloc[0]


def check_articles(articles) -> None:
    """Raise :class:`CorpusError` naming the problem when ``articles`` cannot be a corpus.

    Checked: a DataFrame with ``doc_id`` and ``text`` columns; every ``doc_id`` a
    non-empty string, none repeated (repeated ids would mix two articles' offsets);
    every ``text`` a string (an empty article is ``""``, not missing). A table read
    back from ``articles.csv`` passes when read with
    ``pd.read_csv(path, dtype={"doc_id": str}, keep_default_na=False)`` or
    :func:`analysis_helpers.schema.read_table`.
    """
    if not isinstance(articles, pd.DataFrame):
        raise CorpusError(f"articles must be a pandas DataFrame, not {type(articles).__name__}")
    missing = [c for c in ("doc_id", "text") if c not in articles.columns]
    if missing:
        raise CorpusError(f"articles table has no {' and no '.join(repr(c) for c in missing)} column "
                          f"(columns: {', '.join(map(str, articles.columns)) or 'none'})")
    ids = articles["doc_id"]
    not_text = ids[~ids.map(lambda v: isinstance(v, str))]
    if len(not_text):
        raise CorpusError(
            f"doc_id must be text, found {type(not_text.iloc[0]).__name__} {not_text.iloc[0]!r} "
            f"({len(not_text)} rows); ids such as '001' lose their zeros as numbers: read CSVs with "
            "dtype={'doc_id': str}")
    empty = int((ids.str.strip() == "").sum())
    if empty:
        raise CorpusError(f"doc_id is empty in {empty} rows")
    repeated = sorted(ids[ids.duplicated()].unique())
    if repeated:
        raise CorpusError(f"doc_id repeated: {', '.join(repeated[:10])}{' ...' if len(repeated) > 10 else ''}; "
                          "every article needs its own doc_id")
    texts = articles["text"]
    bad = articles.loc[~texts.map(lambda v: isinstance(v, str)), "doc_id"]
    if len(bad):
        raise CorpusError(f"text is missing or not a string for doc_id {', '.join(bad.iloc[:10])}; an empty "
                          "article is '' (read CSVs with keep_default_na=False)")


@accepts_lexicons
def build_corpus(articles: pd.DataFrame, problems: pd.DataFrame | None = None, *, lexicons=None) -> Corpus:
    """Segment an ``articles`` table into blocks and sentences and bundle the tables.

    ``lexicons`` replaces packaged lexicons (block phrases, abbreviations) for this
    call; see :mod:`analysis_helpers.resources`.

    Raises
    ------
    CorpusError
        When ``articles`` is not a usable articles table (see :func:`check_articles`).
    """
    check_articles(articles)
    blocks = segment_blocks(articles)
    sentences = split_sentences(articles, blocks)
    if problems is None:
        problems = articles.attrs.get("problems", pd.DataFrame(columns=PROBLEM_COLUMNS))
    return Corpus(articles=articles, blocks=blocks, sentences=sentences, problems=problems)


@accepts_lexicons
def open_corpus(source=None, *, lexicons=None, **kwargs) -> Corpus:
    """Return a :class:`Corpus` from a Corpus, an ``articles`` DataFrame or a folder.

    ``open_corpus()`` with no argument opens the project's seed corpus
    (``data/seeds`` of the clone, found by :mod:`analysis_helpers.paths`): the only
    place where the library falls back on the repository's data. Every extractor
    requires its corpus and accepts what this function accepts.
    """
    if isinstance(source, Corpus):
        return source
    if isinstance(source, pd.DataFrame):
        return build_corpus(source)
    if source is None:
        source = seeds_dir()
    articles, problems = read_articles(source, **kwargs)
    return build_corpus(articles, problems)
