"""Per-article tables kept on disk chunk by chunk, so that memory is bounded by the chunk, not the corpus.

As each chunk's article steps finish, its tables are written as one part per table in a spill
folder (inside the run's temporary output folder) and dropped from memory. A :class:`SpilledTable`
lists the parts in input order; the corpus steps read only the tables and columns they need, and the
CSV writer streams the parts one after the other. The bytes written equal those of the whole table
concatenated in memory: every part is cast to the dtypes :func:`pandas.concat` gives the non-empty
parts together before it is written.

A part whose columns are all text (``str``), integers, floats or booleans is an Arrow IPC (Feather)
file when pyarrow is installed: it reads back with the same dtypes and values about fifteen times
faster than a pickle of the same frame (Arrow text columns are pickled through Python objects).
Any other part (object columns of mixed values, lists) is a pickle.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import pickle
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd


@dataclass
class SpilledTable:
    """A table written as parts (one per chunk, in order) in ``folder``.

    Attributes
    ----------
    folder : Path
    columns : list of str
        The columns of the first part (every part has the same).
    parts : list of (Path, int, dict)
        Each part's file, number of rows and column dtypes.
    replaced : dict of str to sequence
        Columns whose values replace the parts' (whole-table length), e.g. ``corpus_speaker``.
    transforms : tuple of callables
        Row-wise functions of a DataFrame applied, in order, to each part as it is read (after
        ``replaced``), e.g. the article columns joined to every table.
    """

    folder: Path
    columns: list = field(default_factory=list)
    parts: list = field(default_factory=list)
    replaced: dict = field(default_factory=dict)
    transforms: tuple = ()

    def append(self, frame: pd.DataFrame) -> None:
        """Write ``frame`` as the next part."""
        self.folder.mkdir(parents=True, exist_ok=True)
        stem = self.folder / f"part-{len(self.parts):06d}"
        feather = _feather()
        if feather is not None and _arrow_safe(frame):
            path = stem.with_suffix(".arrow")
            feather.write_feather(frame.reset_index(drop=True), path)
        else:
            path = stem.with_suffix(".pkl")
            with open(path, "wb") as handle:
                pickle.dump(frame, handle, protocol=pickle.HIGHEST_PROTOCOL)
        if not self.parts:
            self.columns = list(frame.columns)
        self.parts.append((path, len(frame), dict(frame.dtypes)))

    def __len__(self) -> int:
        return sum(n for _, n, _ in self.parts)

    @property
    def attrs(self) -> dict:
        return {}

    def _dtypes(self) -> dict:
        """The dtypes of the non-empty parts concatenated (those of the first part when all are empty)."""
        if not self.parts:
            return {}
        filled = [dtypes for _, n, dtypes in self.parts if n] or [self.parts[0][2]]
        # parts with the same dtypes add nothing to the concatenation's: one empty frame per distinct set
        filled = list({tuple(dtypes.items()): dtypes for dtypes in filled}.values())
        if len(filled) == 1:
            return filled[0]
        empties = [pd.DataFrame({c: pd.Series(dtype=d) for c, d in dtypes.items()}) for dtypes in filled]
        return dict(pd.concat(empties, ignore_index=True).dtypes)

    def iter_frames(self, columns=None, *, empty: bool = False):
        """Each non-empty part (every part with ``empty``; all parts' dtypes unified), with the replaced
        columns filled in."""
        dtypes = self._dtypes()
        offset = 0
        # without row functions, a part is read with the wanted columns only (the others never leave the file)
        wanted = ([c for c in columns if c not in self.replaced] if columns is not None and not self.transforms
                  else None)
        for path, n, _ in self.parts:
            if not n and not empty:
                continue
            frame = _read_part(path, wanted)
            current = dict(zip(frame.columns, frame.dtypes))
            changed = {c: d for c, d in dtypes.items() if c in current and current[c] != d}
            if changed:  # astype with nothing to change still rebuilds the frame
                frame = frame.astype(changed)
            for name, values in self.replaced.items():
                frame[name] = values[offset:offset + n]
            offset += n
            frame = self._transform(frame)
            yield frame if columns is None else frame[list(columns)]

    def _transform(self, frame: pd.DataFrame) -> pd.DataFrame:
        for func in self.transforms:
            frame = func(frame)
        return frame

    def empty(self) -> pd.DataFrame:
        """The table without rows (its columns and dtypes)."""
        return pd.DataFrame({c: pd.Series(dtype=d) for c, d in self._dtypes().items()})

    def frame(self, columns=None) -> pd.DataFrame:
        """The whole table (or some of its columns) in memory."""
        frames = list(self.iter_frames(columns))
        if not frames:
            empty = self._transform(pd.DataFrame({c: pd.Series(dtype=d) for c, d in self._dtypes().items()}))
            return empty if columns is None else empty[list(columns)]
        return frames[0].reset_index(drop=True) if len(frames) == 1 else pd.concat(frames, ignore_index=True)

    def with_column(self, name: str, values) -> "SpilledTable":
        """This table with the values of column ``name`` replaced (a list as long as the table)."""
        return SpilledTable(self.folder, self.columns, self.parts, {**self.replaced, name: list(values)},
                            self.transforms)

    def transformed(self, func) -> "SpilledTable":
        """This table with the row-wise ``func`` (a function of a DataFrame) applied to each part as it is read."""
        return SpilledTable(self.folder, self.columns, self.parts, self.replaced, (*self.transforms, func))

    def write_csv(self, path: Path, *, encoding: str = "utf-8", errors: str = "strict", transform=None) -> None:
        """Write the table as one CSV file (``\\n`` line ends, no index), part after part, the header once.

        ``transform`` (a function of a DataFrame) is applied to each part before it is written.
        """
        with open(path, "w", encoding=encoding, errors=errors, newline="") as out:
            header = True
            for frame in self.iter_frames():
                frame = transform(frame) if transform is not None else frame
                frame.to_csv(out, index=False, header=header, lineterminator="\n")
                header = False
            if header:
                empty = self.frame()
                (transform(empty) if transform is not None else empty).to_csv(out, index=False, lineterminator="\n")


def _feather():
    """:mod:`pyarrow.feather`, or None without pyarrow (parts are then pickles)."""
    try:
        import pyarrow.feather as feather
    except ImportError:  # pragma: no cover - depends on the installation
        return None
    return feather


def _arrow_safe(frame: pd.DataFrame) -> bool:
    """Whether ``frame`` reads back from Arrow with the same columns, dtypes and values."""
    names = list(frame.columns)
    return (all(isinstance(name, str) for name in names) and len(set(names)) == len(names)
            and all(isinstance(dtype, pd.StringDtype) or getattr(dtype, "kind", "O") in "biuf"
                    for dtype in frame.dtypes))


def _read_part(path: Path, columns=None) -> pd.DataFrame:
    if path.suffix == ".arrow":
        return _feather().read_feather(path, columns=columns)
    with open(path, "rb") as handle:
        frame = pickle.load(handle)
    return frame if columns is None else frame[columns]


def table_parts(table, columns=None):
    """The parts of ``table`` in order: each chunk's part of a :class:`SpilledTable` (empty parts too, so
    the parts of one run's tables line up chunk by chunk), or a DataFrame as its one part."""
    if isinstance(table, SpilledTable):
        yield from table.iter_frames(columns, empty=True)
    else:
        yield table if columns is None else table[list(columns)]


class ChunkParts:
    """Per-article tables read together chunk by chunk: iterating yields, for each chunk in input order,
    a dict of table name to that chunk's rows (only ``columns[name]`` when given).

    Every pass reads the parts again (one chunk's rows in memory at a time); tables held in memory
    whole are one chunk. The tables must all be spilled by one run, or all be DataFrames.
    """

    def __init__(self, tables: dict, columns: dict | None = None):
        self.tables = tables
        self.columns = columns or {}

    def __iter__(self):
        names = list(self.tables)
        streams = [table_parts(self.tables[name], self.columns.get(name)) for name in names]
        for frames in zip(*streams, strict=True):
            yield dict(zip(names, frames))


def release_memory() -> None:
    """Hand memory freed by a finished step back to the system, so the next step starts from what is live.

    Freed memory otherwise stays with the allocators (glibc's heap for Python and numpy, Arrow's pool
    for the text columns) and the peak resident set grows with every step that held a whole table.
    """
    gc.collect()
    arrow = sys.modules.get("pyarrow")
    if arrow is not None:
        arrow.default_memory_pool().release_unused()
    libc = ctypes.util.find_library("c") if sys.platform.startswith("linux") else None
    if libc:
        trim = getattr(ctypes.CDLL(libc), "malloc_trim", None)
        if trim is not None:
            trim(0)


def use_system_arrow_pool() -> None:
    """Let Arrow (pandas' text columns) allocate with the C library's ``malloc`` instead of its own pool.

    For a whole run of the command line: :func:`release_memory` can then hand the memory of the text columns
    a finished step freed back to the system (``malloc_trim``); Arrow's default pool (mimalloc) kept it, and
    each corpus step started some 50 to 250 MB higher than the live data. Allocation only: no value changes.
    """
    arrow = sys.modules.get("pyarrow")
    if arrow is None:
        try:
            import pyarrow as arrow
        except ImportError:  # pragma: no cover - depends on the installation
            return
    arrow.set_memory_pool(arrow.system_memory_pool())


def materialise(value, columns=None):
    """``value`` as a DataFrame when it is a :class:`SpilledTable`; anything else unchanged."""
    return value.frame(columns) if isinstance(value, SpilledTable) else value
