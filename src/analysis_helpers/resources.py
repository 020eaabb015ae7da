"""The one loader of the lexicons the rules read (``src/analysis_helpers/data/*.csv|txt``).

By default every lexicon is the file packaged with the library. A user can
replace any subset of them, without touching the installed package or
restarting a kernel:

- a folder holding files of the same names (``lexicons="my_lexicons/"``);
  files it lacks fall back to the package;
- objects: ``{"quote_cues.csv": dataframe, "abbreviations.txt": ["gen", "sen"]}``;
- both: ``Lexicons("my_lexicons/", {"holidays.csv": table})``.

Extractors take ``lexicons=`` and apply it for the time of the call
(:func:`using`); ``analysis-helpers extract --lexicons DIR`` does the same for
a whole run. What the rules derive from a lexicon (compiled patterns,
dictionaries) is cached per source with :func:`cached`: the cache key holds
the folder and the modification time and size of each file it overrides, so an
edited file is read again on the next call.
"""

from __future__ import annotations

import hashlib
import io
import os
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache, wraps
from importlib import resources as _package_files
from pathlib import Path

import pandas as pd

#: Environment variable naming a lexicon folder for the whole process (and the
#: worker processes it starts); what ``--lexicons DIR`` sets.
LEXICONS_ENV = "ANALYSIS_HELPERS_LEXICONS"
_SUFFIXES = (".csv", ".txt")


def package_names() -> list[str]:
    """File names of every packaged lexicon (``abbreviations.txt``, ``quote_cues.csv``...)."""
    folder = _package_files.files("analysis_helpers").joinpath("data")
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(_SUFFIXES))


def _package_text(name: str) -> str:
    return _package_files.files("analysis_helpers").joinpath("data", name).read_text("utf-8")


def _object_text(name: str, value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, pd.DataFrame):
        return value.to_csv(index=False, lineterminator="\n")
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else value
        return "".join(f"{item}\n" for item in items)
    raise TypeError(f"lexicon {name}: give a DataFrame, a list of lines or the file's text, not {type(value).__name__}")


class Lexicons:
    """Where each lexicon file comes from: objects, then a folder, then the package.

    Parameters
    ----------
    folder : str or Path, optional
        A folder of files named like the packaged ones; any subset.
    objects : dict, optional
        File name -> DataFrame (a CSV lexicon), list of lines (a TXT lexicon) or text.

    Raises
    ------
    FileNotFoundError
        When ``folder`` is not a folder.
    ValueError
        When a name is not one of the packaged lexicons (a typo would otherwise
        be ignored silently).
    """

    def __init__(self, folder=None, objects: dict | None = None):
        known = set(package_names())
        self.folder = Path(folder).resolve() if folder is not None else None
        if self.folder is not None and not self.folder.is_dir():
            raise FileNotFoundError(f"{folder}: lexicon folder not found")
        self.objects = {name: _object_text(name, value) for name, value in (objects or {}).items()}
        unknown = sorted(set(self.objects) - known)
        if unknown:
            raise ValueError(f"unknown lexicon file(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        self.files: dict[str, Path] = {}
        if self.folder is not None:
            self.files = {p.name: p for p in sorted(self.folder.iterdir())
                          if p.is_file() and p.name in known and p.name not in self.objects}
        stamps = tuple((name, p.stat().st_mtime_ns, p.stat().st_size) for name, p in self.files.items())
        digests = tuple((name, hashlib.sha256(text.encode("utf-8")).hexdigest())
                        for name, text in sorted(self.objects.items()))
        #: Hashable identity of this source: equal keys mean equal lexicons.
        self.key = (str(self.folder) if self.files else None, stamps, digests)

    def __repr__(self) -> str:
        overrides = sorted(self.files) + sorted(self.objects)
        return f"Lexicons({', '.join(overrides) or 'packaged'})"

    def origin(self, name: str) -> str:
        """Where ``name`` is read from: ``"object"``, the file's path, or ``"package"``."""
        if name in self.objects:
            return "object"
        if name in self.files:
            return str(self.files[name])
        return "package"

    def text(self, name: str) -> str:
        """The content of lexicon file ``name``."""
        if name in self.objects:
            return self.objects[name]
        if name in self.files:
            return self.files[name].read_text(encoding="utf-8")
        return _package_text(name)


_PACKAGED = Lexicons()


@lru_cache(maxsize=4)
def _process_folder(folder: str) -> Lexicons:
    """The folder of :data:`LEXICONS_ENV`, read once per process (it is fixed for a command-line run)."""
    return Lexicons(folder)
_active: ContextVar[Lexicons | None] = ContextVar("analysis_helpers_lexicons", default=None)


def as_lexicons(source=None) -> Lexicons:
    """A :class:`Lexicons` from None (the process default), a folder, a dict of objects or a Lexicons."""
    if isinstance(source, Lexicons):
        return source
    if isinstance(source, dict):
        return Lexicons(objects=source)
    if source is None:
        folder = os.environ.get(LEXICONS_ENV)
        return _process_folder(folder) if folder else _PACKAGED
    return Lexicons(source)


def active() -> Lexicons:
    """The lexicon source in force: the innermost :func:`using`, else the process default."""
    current = _active.get()
    return current if current is not None else as_lexicons(None)


@contextmanager
def using(source=None):
    """Read lexicons from ``source`` (see :func:`as_lexicons`) inside the ``with`` block.

    ``using(None)`` keeps the source already in force, so an extractor called with
    ``lexicons=None`` inside another's ``using`` reads the same lexicons.
    """
    token = _active.set(active() if source is None else as_lexicons(source))
    try:
        yield _active.get()
    finally:
        _active.reset(token)


def read_text(name: str) -> str:
    """The text of lexicon file ``name`` from the source in force."""
    return active().text(name)


def read_lines(name: str) -> list[str]:
    """Non-blank lines of a TXT lexicon, stripped, without ``#`` comment lines."""
    return [line.strip() for line in read_text(name).splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def read_table(name: str) -> pd.DataFrame:
    """A CSV lexicon as a DataFrame of strings (empty cells are ``""``)."""
    return pd.read_csv(io.StringIO(read_text(name)), dtype=str, keep_default_na=False)


def cached(func=None, *, maxsize: int = 32):
    """Cache what ``func`` derives from lexicons, once per lexicon source (replaces ``lru_cache``).

    The key is the active source's :attr:`Lexicons.key` plus the arguments, so a
    result computed from the packaged files is never served for a user's folder,
    and an edited file is read again. ``@cached`` or ``@cached(maxsize=4096)``.
    """
    if func is None:
        return lambda f: cached(f, maxsize=maxsize)

    @lru_cache(maxsize=maxsize)
    def by_source(key, *args, **kwargs):
        return func(*args, **kwargs)

    # Lexicon getters without arguments are called in the extractors' inner loops: a plain dict by
    # source key answers them without building an lru_cache key (a few times faster).
    without_arguments: dict = {}

    @wraps(func)
    def wrapper(*args, **kwargs):
        if args or kwargs:
            return by_source(active().key, *args, **kwargs)
        key = active().key
        try:
            return without_arguments[key]
        except KeyError:
            if len(without_arguments) >= maxsize:
                without_arguments.clear()
            value = without_arguments[key] = by_source(key)
            return value

    def cache_clear():
        without_arguments.clear()
        by_source.cache_clear()

    wrapper.cache_clear = cache_clear
    wrapper.cache_info = by_source.cache_info  # results kept for calls with arguments
    return wrapper


def with_objects(source, objects: dict) -> Lexicons:
    """``source`` (see :func:`as_lexicons`) with some files replaced by objects."""
    base = as_lexicons(source)
    return Lexicons(base.folder if base.files else None, {**base.objects, **objects})


def accepts_lexicons(func):
    """Run ``func`` with the lexicons of its ``lexicons=`` keyword in force (see :func:`using`).

    The decorated function declares ``lexicons=None`` and documents it; it need not
    use the value itself: every cached lexicon it reads comes from that source.
    """
    @wraps(func)
    def wrapper(*args, lexicons=None, **kwargs):
        with using(lexicons):
            return func(*args, lexicons=lexicons, **kwargs)

    return wrapper


@cached
def abbreviations() -> frozenset[str]:
    """``abbreviations.txt``: lower case, without the final period; read by sentence splitting and block roles."""
    return frozenset(line.lower().rstrip(".") for line in read_lines("abbreviations.txt"))


@cached
def person_titles() -> tuple[dict, ...]:
    """``person_titles.csv``, the one table of person titles, one row per word or phrase.

    Columns: ``word`` (lower case); ``part``, the word's place in a role that the
    quotation step reads ("head" ends a role, "Secretary"; "modifier" refines it,
    "Defense"; empty for a phrase that is only a title before a name);
    ``before_name``, the title as written before a person's name in running text
    ("President", "Defense Secretary", "envoy"; empty when the word does not mark
    the next name as a person), which the timeline reads; ``note``.
    A user's copy without ``before_name`` gives no titles before names.
    """
    return tuple({"word": row.get("word", "").strip().lower(), "part": row.get("part", "").strip(),
                  "before_name": row.get("before_name", "").strip()}
                 for row in read_table("person_titles.csv").to_dict("records"))


@cached
def aliases(kinds: tuple[str, ...]) -> dict[str, str]:
    """``{alias (lower case): canonical}`` of the rows of ``person_aliases.csv`` whose ``kind`` is in ``kinds``.

    ``person_aliases.csv`` is the one alias table: ``kind`` (name: spellings of one
    person; role: wordings of one office; place: a country's names and adjectives;
    capital: a city standing for its country or body; organisation; term: words of
    one economic notion), ``alias``, ``canonical``, ``note``. A later row wins.
    """
    table = read_table("person_aliases.csv")
    return {alias.strip().lower(): canonical.strip()
            for kind, alias, canonical in zip(table["kind"], table["alias"], table["canonical"])
            if kind.strip() in kinds}


# The timex lexicons, read here so that timexes.rules imports only leaves (issue 10: import depth).

@cached
def _exclusion_entries() -> dict[str, tuple[str, ...]]:
    """The ``kind:word`` lines of ``data/timex_exclusions.txt`` by kind, in file order (comments skipped)."""
    entries: dict[str, list[str]] = {}
    for line in read_text("timex_exclusions.txt").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or ":" not in line:
            continue
        kind, word = line.split(":", 1)
        entries.setdefault(kind, []).append(word.strip())
    return {kind: tuple(words) for kind, words in entries.items()}


@cached
def exclusions() -> tuple[frozenset[str], tuple[str, ...]]:
    """Words that may not precede a year and words that may not follow a weekday or month.

    Read from ``data/timex_exclusions.txt`` (users can extend it).
    """
    entries = _exclusion_entries()
    return frozenset(entries.get("before", ())), entries.get("after", ())


@cached
def recorded_materials() -> frozenset[str]:
    """Nouns after "N hours of" that make the phrase an amount of recorded material, not a time
    ("75 hours of video"): the ``recorded:`` lines of ``data/timex_exclusions.txt``, lower-cased."""
    return frozenset(word.lower() for word in _exclusion_entries().get("recorded", ()))


@cached
def timex_words(kind: str) -> tuple[str, ...]:
    """The ``kind:`` entries of ``data/timex_exclusions.txt``, lower-cased, in file order
    (``storage``, ``habitual``, ``vague_period``: see the file's header)."""
    return tuple(word.lower() for word in _exclusion_entries().get(kind, ()))


@cached
def _anchor_event_rows() -> tuple[dict, ...]:
    """The rows of :func:`anchor_events` as dicts (what the timex rules iterate over)."""
    return tuple(anchor_events().to_dict("records"))


@cached
def anchor_events() -> pd.DataFrame:
    """The gazetteer of named events with known dates, ``data/anchor_events.csv``.

    Columns: pattern (a regular expression for the event's name), event,
    first_day, last_day, granularity, source. Users extend the CSV.
    """
    return read_table("anchor_events.csv")


@cached
def holidays() -> tuple[dict, ...]:
    """Holidays on a fixed day (``data/holidays.csv``: pattern, month, day); users extend the file."""
    table = read_table("holidays.csv")
    return tuple({"pattern": p, "month": int(m), "day": int(d)}
                 for p, m, d in zip(table["pattern"], table["month"], table["day"]))
