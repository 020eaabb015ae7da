"""MEANTIME for the rule benchmarks: the articles, their dev/test half, and the folder they are read from.

Shared by ``bench_timexes.py``, ``bench_figures.py`` and ``bench_blocks.py`` so the three report the
same articles with the same halves (``data/annotations/meantime/split.csv``: rules are developed on
``dev`` only; ``test`` is only measured).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis_helpers import paths
from analysis_helpers.evaluation.meantime import read_meantime

HALVES = ("dev", "test")


def meantime_folder(explicit: str | None = None) -> Path | None:
    """``meantime_en/`` given on the command line, else beside the project (``paths.shared_dir()``), else None."""
    if explicit:
        return Path(explicit)
    shared = paths.shared_dir()
    folder = shared / "data" / "timeline" / "meantime_en" if shared else None
    return folder if folder and folder.is_dir() else None


def split() -> dict[str, str]:
    """``doc_id`` to ``"dev"`` or ``"test"``."""
    table = pd.read_csv(paths.annotations_dir() / "meantime" / "split.csv", dtype=str)
    return dict(zip(table["doc_id"], table["half"]))


def load(folder: Path, max_sentences: int | None = None) -> list:
    """Every MEANTIME article (:class:`MeantimeDocument`), each with ``half`` set from the split."""
    halves = split()
    docs = read_meantime(folder, max_sentences=max_sentences)
    for doc in docs:
        doc.half = halves.get(doc.doc_id, "")
    return docs


# ---------------------------------------------------------------- baselines kept beside the results
def baseline_path(area: str) -> Path:
    """``benchmarks/results/baseline_<area>.csv``: the summary measured before the rules of issue 14 changed."""
    return paths.project_root() / "benchmarks" / "results" / f"baseline_{area}.csv"


def save_baseline(area: str, summary: pd.DataFrame) -> None:
    """Keep ``summary`` as the baseline of ``area`` (run once, with ``--save-baseline``, before changing rules)."""
    summary.to_csv(baseline_path(area), index=False)


def with_baseline(area: str, summary: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """``summary`` with a ``before`` column per measured column, from the saved baseline (when there is one)."""
    path = baseline_path(area)
    if not path.is_file():
        return summary
    before = pd.read_csv(path, dtype={k: str for k in keys})
    measured = [c for c in summary.columns if c not in keys]
    merged = summary.merge(before, on=keys, how="left", suffixes=("", " (before)"))
    order = keys + [c for m in measured for c in (f"{m} (before)", m) if c in merged.columns]
    return merged[order]


def md_table(table: pd.DataFrame) -> str:
    """A DataFrame as a Markdown table; floats with 3 decimals, NaN empty."""
    cols = [str(c) for c in table.columns]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in table.itertuples(index=False):
        cells = ["" if (isinstance(v, float) and v != v) else (f"{v:.3f}" if isinstance(v, float) else str(v))
                 for v in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def layout_folders() -> list[Path]:
    """The invented layout sets: ``tests/fixtures/other_layouts`` and ``benchmarks/heldout_layouts*``."""
    root = paths.project_root()
    return [root / "tests" / "fixtures" / "other_layouts", *sorted(root.glob("benchmarks/heldout_layouts*"))]
