"""Save notebook figures as PNG and SVG that are byte-identical on every re-run."""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib

from ..paths import figures_dir

#: rcParams that make output independent of the machine and of the run.
HOUSE_STYLE = {
    "svg.hashsalt": "analysis-helpers",  # SVG element ids from a fixed salt, not a random one
    "svg.fonttype": "path",  # glyphs as paths: no dependence on the viewer's fonts
    "font.family": "DejaVu Sans",  # ships with matplotlib, so every machine has it
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "figure.figsize": (8.0, 4.5),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "path.simplify": True,
}


def use_house_style() -> None:
    """Apply :data:`HOUSE_STYLE` to matplotlib's global settings."""
    matplotlib.rcParams.update(HOUSE_STYLE)


def save_figure(fig, name: str, folder: str | Path | None = None) -> tuple[Path, Path]:
    """Write ``fig`` to ``figures/NAME.png`` and ``figures/NAME.svg``.

    The files carry no date or version metadata and SVG ids come from a fixed
    salt, so re-running a notebook rewrites the same bytes.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    name : str
        ``NN_snake_case`` name; NN is the notebook's number.
    folder : str or Path, optional
        Defaults to the project's ``figures/``.

    Returns
    -------
    (png_path, svg_path)
    """
    if not re.fullmatch(r"\d{2}_[a-z0-9_]+", name):
        raise ValueError(f"figure name {name!r} is not NN_snake_case")
    folder = Path(folder) if folder is not None else figures_dir()
    folder.mkdir(parents=True, exist_ok=True)
    png, svg = folder / f"{name}.png", folder / f"{name}.svg"
    with matplotlib.rc_context({"svg.hashsalt": HOUSE_STYLE["svg.hashsalt"]}):
        fig.savefig(png, format="png", metadata={"Software": None}, bbox_inches="tight")
        fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    return png, svg
