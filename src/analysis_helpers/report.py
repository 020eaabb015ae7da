"""Run the notebook series on any folder of articles: settings for a notebook, and papermill for all.

Every notebook opens with a cell tagged ``parameters`` (papermill's convention)::

    corpus_dir = None        # a folder of .txt articles; None: the seeds
    annotations_dir = None   # hand annotations of THIS corpus; None: the seeds' own, or none
    figures_dir = None       # where figures go; None: figures/ for the seeds, build/figures/NAME otherwise

and turns them into a :class:`NotebookSettings` with :func:`notebook_settings`. The command
``analysis-helpers notebooks DIR --out OUT`` (:func:`run_notebooks`) executes every notebook with
``corpus_dir=DIR`` and writes the executed notebooks, their figures and an HTML copy of each into
``OUT``; it never writes the repository's ``figures/`` unless DIR is the seeds.
"""

from __future__ import annotations

import sys

from dataclasses import dataclass
from pathlib import Path

from . import paths

#: Printed by a notebook section that needs hand annotations the corpus does not have.
NO_ANNOTATIONS = "No hand annotations for this corpus (set annotations_dir): this evaluation is skipped."


@dataclass(frozen=True)
class NotebookSettings:
    """What a notebook runs on, resolved from its ``parameters`` cell.

    Attributes
    ----------
    corpus_dir : Path
        The folder of articles.
    is_seeds : bool
        True when ``corpus_dir`` is the project's seed corpus.
    annotations_dir : Path or None
        Hand annotations of this corpus; None when it has none (evaluations are skipped).
    figures_dir : Path
        Where figures are written (created).
    name : str
        A short name of the corpus for titles ("seeds" or the folder's name).
    """
    corpus_dir: Path
    is_seeds: bool
    annotations_dir: Path | None
    figures_dir: Path
    name: str

    def annotation_file(self, file_name: str) -> Path | None:
        """``annotations_dir / file_name`` when this corpus has that annotation file, else None."""
        if self.annotations_dir is None:
            return None
        path = self.annotations_dir / file_name
        return path if path.is_file() else None


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def notebook_settings(corpus_dir=None, annotations_dir=None, figures_dir=None) -> NotebookSettings:
    """Resolve a notebook's parameters.

    Parameters
    ----------
    corpus_dir : str or Path, optional
        A folder of ``.txt`` articles; None means the seeds (``data/seeds``).
    annotations_dir : str or Path, optional
        Hand annotations of this corpus in the seeds' format. None means the seeds' own
        annotations when the corpus is the seeds, and no annotations otherwise: a corpus is
        never scored against another corpus's annotations.
    figures_dir : str or Path, optional
        None means the repository's ``figures/`` for the seeds and ``build/figures/NAME/``
        for any other corpus, so that the committed figures are never overwritten.
    """
    seeds = paths.seeds_dir()
    folder = Path(corpus_dir) if corpus_dir is not None else seeds
    if not folder.is_dir():
        raise FileNotFoundError(f"corpus_dir {folder} is not a folder of articles")
    is_seeds = _same_folder(folder, seeds)
    name = "seeds" if is_seeds else folder.resolve().name
    if annotations_dir is not None:
        annotations = Path(annotations_dir)
        if not annotations.is_dir():
            raise FileNotFoundError(f"annotations_dir {annotations} is not a folder")
    else:
        annotations = paths.annotations_dir() if is_seeds else None
    if figures_dir is not None:
        figures = Path(figures_dir)
    elif is_seeds:
        figures = paths.figures_dir()
    else:
        figures = paths.project_root() / "build" / "figures" / name
    figures.mkdir(parents=True, exist_ok=True)
    return NotebookSettings(corpus_dir=folder, is_seeds=is_seeds, annotations_dir=annotations,
                            figures_dir=figures, name=name)


def series_notebooks(only=None) -> list[Path]:
    """The numbered notebooks of the series (``notebooks/NN_*.ipynb``), optionally only some numbers."""
    found = sorted(paths.notebooks_dir().glob("[0-9][0-9]_*.ipynb"))
    if only:
        wanted = {str(n).zfill(2) for n in only}
        found = [nb for nb in found if nb.name[:2] in wanted]
    return found


def run_notebooks(corpus_dir, out_dir, *, annotations_dir=None, only=None, html: bool = True,
                  timeout: int = 1200, progress: bool = False) -> list[Path]:
    """Execute the notebook series on ``corpus_dir`` with papermill and write the results to ``out_dir``.

    Writes ``OUT/NN_name.ipynb`` (executed), ``OUT/NN_name.html`` (when ``html``) and
    ``OUT/figures/*.png|svg``. The repository's ``figures/`` is written only when
    ``corpus_dir`` is the seeds and ``out_dir`` is not given a figures folder of its own.

    Returns
    -------
    list of Path
        The executed notebooks, in order.

    Raises
    ------
    papermill.PapermillExecutionError
        When a cell fails; the partly executed notebook is still written, so the error
        can be read in it.
    """
    import papermill

    corpus = Path(corpus_dir).resolve()
    out = Path(out_dir).resolve()
    figures = out / "figures"
    figures.mkdir(parents=True, exist_ok=True)
    parameters = {"corpus_dir": str(corpus), "figures_dir": str(figures)}
    if annotations_dir is not None:
        parameters["annotations_dir"] = str(Path(annotations_dir).resolve())
    written = []
    for notebook in series_notebooks(only):
        target = out / notebook.name
        papermill.execute_notebook(
            str(notebook), str(target), parameters=parameters, cwd=str(notebook.parent),
            kernel_name="python3", execution_timeout=timeout, progress_bar=progress,
        )
        written.append(target)
        if html:
            _write_html(target)
    return written


def _write_html(notebook: Path) -> Path:
    import nbformat
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter().from_notebook_node(nbformat.read(notebook, as_version=4))
    target = notebook.with_suffix(".html")
    target.write_text(body, encoding="utf-8")
    return target


def add_notebooks_command(subparsers) -> None:
    """Register ``analysis-helpers notebooks DIR --out OUT`` on the command line's subparsers."""
    command = subparsers.add_parser(
        "notebooks",
        help="run the notebook series on DIR (papermill) and write executed notebooks, figures and HTML to OUT",
        description="Execute every notebook of the series with corpus_dir=DIR. Writes OUT/NN_*.ipynb, "
        "OUT/NN_*.html and OUT/figures/. The repository's figures/ is never touched.",
    )
    command.add_argument("corpus_dir", type=Path, help="folder of .txt articles (with an optional manifest.csv)")
    command.add_argument("--out", type=Path, required=True, help="folder for executed notebooks, HTML and figures")
    command.add_argument("--annotations", type=Path, default=None,
                         help="hand annotations of this corpus, in the seeds' format (evaluations are skipped without)")
    command.add_argument("--only", nargs="+", default=None, metavar="NN", help="run only these notebook numbers")
    command.add_argument("--no-html", dest="html", action="store_false", help="do not write HTML copies")
    command.set_defaults(handler=notebooks_command)


def notebooks_command(args) -> int:
    """Run ``notebooks``; return the exit status (0 done, 1 a notebook failed, 2 bad arguments)."""
    if not args.corpus_dir.is_dir():
        print(f"analysis-helpers: {args.corpus_dir} is not a folder", file=sys.stderr)
        return 2
    try:
        written = run_notebooks(args.corpus_dir, args.out, annotations_dir=args.annotations, only=args.only,
                                html=args.html, progress=sys.stderr.isatty())
    except Exception as exc:  # papermill's execution error names the failing cell
        print(f"analysis-helpers: a notebook failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(f"{len(written)} notebooks executed into {args.out}", file=sys.stderr)
    return 0
