"""Where the project's folders are, resolved from the package, not the working directory."""

from __future__ import annotations

import os
from pathlib import Path

ROOT_ENV_VAR = "ANALYSIS_HELPERS_ROOT"


def project_root() -> Path:
    """Return the project's root folder (the one holding ``pyproject.toml`` and ``data/``).

    The ``ANALYSIS_HELPERS_ROOT`` environment variable wins. Otherwise the folders
    above this module are searched (an editable install from a clone), then the
    folders above the working directory.

    Raises
    ------
    FileNotFoundError
        When no folder with both ``pyproject.toml`` and ``data/seeds`` is found.
    """
    override = os.environ.get(ROOT_ENV_VAR)
    if override:
        return Path(override).resolve()
    for start in (Path(__file__).resolve(), Path.cwd().resolve()):
        for folder in (start, *start.parents):
            if (folder / "pyproject.toml").is_file() and (folder / "data" / "seeds").is_dir():
                return folder
    raise FileNotFoundError(
        "cannot find the project folder (pyproject.toml with data/seeds/); "
        f"set {ROOT_ENV_VAR} to the clone's path"
    )


def data_dir() -> Path:
    """The project's ``data/`` folder."""
    return project_root() / "data"


def seeds_dir() -> Path:
    """The seed corpus, ``data/seeds/``."""
    return data_dir() / "seeds"


def annotations_dir() -> Path:
    """Hand annotations of the seeds, ``data/annotations/``."""
    return data_dir() / "annotations"


def reference_dir() -> Path:
    """Reference tables written from public reporting, ``data/reference/``."""
    return data_dir() / "reference"


def seed_reference_file() -> Path:
    """The reference table written for the seeds' week, ``data/reference/week_2025_02_10.csv``.

    Pass it to :func:`analysis_helpers.timeline.reference.read_reference`; the library
    itself has no default reference (another corpus needs its own table).
    """
    return reference_dir() / "week_2025_02_10.csv"


def notebooks_dir() -> Path:
    """The notebook series, ``notebooks/``."""
    return project_root() / "notebooks"


def figures_dir() -> Path:
    """Where notebooks write their figures, ``figures/`` (created when missing)."""
    folder = project_root() / "figures"
    folder.mkdir(exist_ok=True)
    return folder


def shared_dir() -> Path | None:
    """The read-only ``../shared`` folder beside the clone, or None when absent."""
    folder = project_root().parent / "shared"
    return folder if folder.is_dir() else None
