"""Write the tables of a run atomically, with a lock and a completion file.

Layout beside ``OUT``: ``.OUT.lock`` (held while a run writes into ``OUT``), ``.OUT.tmp-PID`` (the
tables being written). When every table is written, ``_SUCCESS.json`` is added and the temporary
folder replaces ``OUT`` by renames; a run killed before that leaves ``OUT`` as it was (empty, or the
previous complete output) and never a partial output that looks complete; the next run into ``OUT``
clears what it left (:class:`OutputLock`).
"""

from __future__ import annotations

import json
import os
import shutil
from concurrent.futures import wait
from pathlib import Path

import pandas as pd

from .spill import SpilledTable

COMPLETION_FILE = "_SUCCESS.json"
#: Folder inside the staging folder holding the per-chunk parts of the per-article tables.
SPILL_FOLDER = "_parts"
#: Tables with more rows than this are written as a folder of Parquet parts (``NAME.parquet/part-00000.parquet``).
PARQUET_PART_ROWS = 1_000_000
#: Cells that a spreadsheet runs as a formula when they start with one of these characters.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class OutputError(Exception):
    """``--out`` cannot be used (not a folder, not writable, not ours, locked by another run)."""


class OutputLock:
    """An exclusive lock on ``OUT`` (a file ``.OUT.lock`` beside it, created with O_EXCL).

    A lock left by a process that no longer runs on this machine is taken over. Once held, what killed
    runs left beside ``OUT`` is cleared: their staging folders are removed, and an earlier output one of
    them had moved aside (killed between the two renames) goes back to ``OUT`` if ``OUT`` is missing or
    empty, else is removed.
    """

    def __init__(self, out: Path):
        self.out = Path(out)
        self.path = self.out.parent / f".{self.out.name}.lock"
        self.held = False

    def acquire(self) -> "OutputLock":
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                if self._stale():
                    self.path.unlink(missing_ok=True)
                    continue
                raise OutputError(f"{self.out}: another run is writing there (lock {self.path}); "
                                  "wait for it or choose another --out")
            with os.fdopen(fd, "w") as handle:
                handle.write(str(os.getpid()))
            self.held = True
            self._clear_dead_runs()
            return self
        raise OutputError(f"{self.out}: cannot take the lock {self.path}")

    def _stale(self) -> bool:
        try:
            pid = int(self.path.read_text().strip() or 0)
        except (OSError, ValueError):
            return False
        return _ended(pid)

    def _clear_dead_runs(self) -> None:
        for kind in ("old", "tmp"):  # an earlier output first, so that OUT is back before the rest goes
            prefix = f".{self.out.name}.{kind}-"
            for path in sorted(p for p in self.out.parent.iterdir() if p.name.startswith(prefix)):
                pid = path.name[len(prefix):]
                if not (pid.isdigit() and _ended(int(pid))):
                    continue
                if kind == "old" and (not self.out.exists() or not any(self.out.iterdir())):
                    if self.out.exists():
                        self.out.rmdir()
                    os.replace(path, self.out)
                else:
                    shutil.rmtree(path, ignore_errors=True)

    def release(self) -> None:
        if self.held:
            self.path.unlink(missing_ok=True)
            self.held = False

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()
        return False


def _ended(pid: int) -> bool:
    """Whether no process ``pid`` runs on this machine (``False`` when it cannot be told)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError):
        return False
    return False


def prepare_out(out: Path, table_names) -> None:
    """Create ``OUT`` and check, before any work, that the run can write there and replace it.

    Raises
    ------
    OutputError
        ``OUT`` is a file, cannot be created or written, or holds files that are
        not the tables of an earlier run (they would be replaced).
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out.parent / f".{out.name}.probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
        inner = out / f".probe-{os.getpid()}"
        inner.write_bytes(b"")
        inner.unlink()
    except OSError as exc:
        raise OutputError(f"{out}: cannot write there ({exc.strerror or exc})") from exc
    ours = {COMPLETION_FILE} | {f"{n}.{ext}" for n in table_names for ext in ("csv", "parquet")}
    foreign = sorted(p.name for p in out.iterdir() if p.name not in ours)
    if foreign:
        raise OutputError(f"{out}: holds files that are not tables of this tool ({', '.join(foreign[:5])}); "
                          "choose an empty or new folder")


def excel_safe(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with every text cell that starts with a formula character prefixed by ``'``."""
    out = table.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column].dtype):
            out[column] = [("'" + v) if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v
                           for v in out[column].tolist()]
    return out


def write_table(table: pd.DataFrame, folder: Path, name: str, fmt: str = "csv", excel: bool = False) -> Path:
    """Write one table as ``NAME.csv`` (UTF-8, ``\\n``; with a byte-order mark when ``excel``) or ``NAME.parquet``.

    ``table`` may be a :class:`~analysis_helpers.runner.spill.SpilledTable`: CSV is then written part
    after part (same bytes as the whole table), Parquet from the table read whole.
    """
    if isinstance(table, SpilledTable):
        if fmt != "parquet":
            path = folder / f"{name}.csv"
            if excel:
                table.write_csv(path, encoding="utf-8-sig", transform=excel_safe)
            else:
                table.write_csv(path, encoding="utf-8", errors="surrogateescape")
            return path
        table = table.frame()
    if fmt == "parquet":
        table = _parquet_ready(table)
        if len(table) > PARQUET_PART_ROWS:
            path = folder / f"{name}.parquet"
            path.mkdir()
            for part, start in enumerate(range(0, len(table), PARQUET_PART_ROWS)):
                table.iloc[start:start + PARQUET_PART_ROWS].to_parquet(path / f"part-{part:05d}.parquet",
                                                                       index=False)
            return path
        path = folder / f"{name}.parquet"
        table.to_parquet(path, index=False)
        return path
    path = folder / f"{name}.csv"
    if excel:
        excel_safe(table).to_csv(path, index=False, lineterminator="\n", encoding="utf-8-sig")
    else:
        table.to_csv(path, index=False, lineterminator="\n", encoding="utf-8", errors="surrogateescape")
    return path


def _write_table_in_worker(table, folder: Path, name: str, fmt: str, excel: bool) -> Path:
    """:func:`write_table`, as this module names it when a worker runs the call (sent by name, not pickled)."""
    return write_table(table, folder, name, fmt, excel)


def _bytes_to_write(table) -> int:
    """About how much ``table`` holds: its spilled parts' size on disk, or its size in memory."""
    if isinstance(table, SpilledTable):
        return sum(path.stat().st_size for path, _, _ in table.parts if path.exists())
    return int(table.memory_usage(index=False).sum())


def _parquet_ready(table: pd.DataFrame) -> pd.DataFrame:
    """Mixed object columns (text with None, numbers with text) as strings, so pyarrow accepts them."""
    out = table
    for column in table.columns:
        if table[column].dtype == object:
            values = table[column].dropna()
            kinds = {type(v) for v in values.tolist()[:1000]}
            if len(kinds) > 1 or (kinds and not kinds <= {str}):
                out = out if out is not table else table.copy()
                out[column] = table[column].map(lambda v: None if v is None else str(v))
    return out


def staging_folder(out: Path) -> Path:
    """This process' temporary folder beside ``OUT`` (the tables are written there, then renamed to ``OUT``)."""
    out = Path(out)
    return out.parent / f".{out.name}.tmp-{os.getpid()}"


def open_spill(out: Path) -> Path:
    """A fresh staging folder for ``OUT`` and, inside it, the folder where chunk tables are spilled."""
    tmp = staging_folder(out)
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    return tmp / SPILL_FOLDER


def commit_tables(tables: dict[str, pd.DataFrame], out: Path, completion: dict, *, fmt: str = "csv",
                  excel: bool = False, staged: bool = False, pool=None) -> list[Path]:
    """Write every table and the completion file to a temporary folder, then move it into place as ``OUT``.

    ``staged``: the staging folder was opened by :func:`open_spill` (its spilled parts are read while
    the tables are written, then removed). ``pool`` (the run's worker processes,
    :func:`~analysis_helpers.runner.execute.local_pool`): the tables are written side by side, each by
    one worker (the same bytes). Returns the written paths (inside ``OUT``).
    """
    out = Path(out)
    tmp = staging_folder(out)
    if not staged:
        if tmp.exists():
            shutil.rmtree(tmp)
        tmp.mkdir()
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    futures: dict = {}
    try:
        if pool is None:
            written = [write_table(table, tmp, name, fmt, excel) for name, table in tables.items()]
        else:  # each table written whole by one worker, the largest first
            futures = {name: pool.submit(_write_table_in_worker, tables[name], tmp, name, fmt, excel)
                       for name in sorted(tables, key=lambda name: -_bytes_to_write(tables[name]))}
            written = [futures[name].result() for name in tables]
        shutil.rmtree(tmp / SPILL_FOLDER, ignore_errors=True)
        (tmp / COMPLETION_FILE).write_text(json.dumps(completion, indent=2, sort_keys=True, default=str) + "\n",
                                           encoding="utf-8")
        if out.exists():
            os.replace(out, old)
        os.replace(tmp, out)
        if old.exists():
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        for future in futures.values():  # the other tables: none left writing into the folder removed below
            future.cancel()
        wait(futures.values())
        if not out.exists() and old.exists():  # moved aside, not replaced: the earlier output goes back
            os.replace(old, out)
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return [out / p.name for p in written]


def discard_partial(out: Path) -> None:
    """Remove this process' temporary folder beside ``OUT`` (after an interruption)."""
    shutil.rmtree(staging_folder(out), ignore_errors=True)
